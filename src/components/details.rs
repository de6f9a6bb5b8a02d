//! The details panel: everything the data says about the selected association, with the source
//! of each fact; for a country with several associations, a choice between them.

use super::{own_name, use_strings, QrCode};
use crate::citations::Citations;
use crate::data::{dataset, Association, Founding, Text};
use crate::format;
use crate::i18n::{around, fill, Strings};
use crate::state::Action;
use crate::vocab::Selection;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DetailsProps {
    pub selection: Option<Selection>,
    pub dispatch: Callback<Action>,
    /// Kiosk mode: no link leaves the app; addresses are shown as text.
    #[prop_or_default]
    pub kiosk: bool,
}

#[function_component(Details)]
pub fn details(props: &DetailsProps) -> Html {
    let data = dataset();
    let t = use_strings();
    let Some(selection) = props.selection else {
        return html! {};
    };
    let associations = data.associations_of(Some(selection));
    let close = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::ClearSelection))
    };
    let body = match (selection, associations.as_slice()) {
        (Selection::Country(code), several) if several.len() > 1 => {
            let name = format::country_name(t, data, code);
            html! {
                <>
                    <h2 id="details-heading">{ name }</h2>
                    <p>{ t.count(t.several_in_country(), several.len(), &[("country", name)]) }</p>
                    <ul class="details-choices">
                        for association in several.iter() {
                            { choice(t, association, &props.dispatch) }
                        }
                    </ul>
                </>
            }
        }
        (_, [association, ..]) => association_details(t, association, &props.dispatch, props.kiosk),
        (_, []) => return html! {},
    };
    html! {
        <section class="details" aria-labelledby="details-heading" data-selection={selection_id(selection)}>
            <button type="button" class="details-close" aria-label={t.close_details()} title={t.close_esc()}
                onclick={close}>{ "×" }</button>
            { body }
        </section>
    }
}

/// The selection as the `data-selection` attribute shows it (`association:VUT`, `country:FR`).
pub fn selection_id(selection: Selection) -> String {
    match selection {
        Selection::Association(acronym) => format!("association:{acronym}"),
        Selection::Country(code) => format!("country:{code}"),
    }
}

fn choice(
    t: &'static Strings,
    association: &'static Association,
    dispatch: &Callback<Action>,
) -> Html {
    let onclick = {
        let dispatch = dispatch.clone();
        let acronym: &'static str = &association.acronym;
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::Select(Selection::Association(acronym)))
        })
    };
    html! {
        <li>
            <button type="button" class="choice" data-association={&*association.acronym} {onclick}>
                <strong>{ &*association.acronym }</strong>
                { own_name(t, association, "choice-name") }
                <span class="choice-year">{ format::founded_phrase(t, &association.founded) }</span>
            </button>
        </li>
    }
}

fn association_details(
    t: &'static Strings,
    association: &'static Association,
    dispatch: &Callback<Action>,
    kiosk: bool,
) -> Html {
    let data = dataset();
    let acronym: &'static str = &association.acronym;
    let countries =
        format::country_names(t, data, association.countries.iter().map(|c| c.as_ref()));
    // Sources are numbered in the order a reader meets them: countries, founding, members, ...
    let mut cited = Citations::default();
    let names_cited = refs(&mut cited, t, &association.sources);
    let founded = founding(t, acronym, &association.founded, &mut cited);
    let members: Vec<Html> = association
        .members
        .iter()
        .enumerate()
        .map(|(n, count)| {
            let detail = t.about_association(acronym, &format!("members.{}", n + 1));
            html! {
                <li>
                    { format::members(t, count, detail) }
                    { refs(&mut cited, t, &count.sources) }
                </li>
            }
        })
        .collect();
    let relation = association.represented_by.as_ref().map(|r| {
        let onclick = {
            let dispatch = dispatch.clone();
            let acronym = data.association(&r.association).map(|a| &*a.acronym);
            Callback::from(move |_: MouseEvent| {
                if let Some(acronym) = acronym {
                    dispatch.emit(Action::Select(Selection::Association(acronym)));
                }
            })
        };
        let (before, after) = around(t.represented_by(), "acronym");
        html! {
            <p class="details-relation">
                { before }
                <button type="button" class="link-button" {onclick}>{ &*r.association }</button>
                { after }{ refs(&mut cited, t, &r.sources) }
            </p>
        }
    });
    let joined = association.joined_impala.as_ref().map(|j| {
        html! {
            <p class="details-relation">
                { fill(t.joined(), &[("year", &j.year.to_string())]) }{ refs(&mut cited, t, &j.sources) }
            </p>
        }
    });
    let notes: Vec<Html> = association
        .notes
        .iter()
        .enumerate()
        .map(|(n, note)| {
            let text = t
                .about_association(acronym, &format!("notes.{}", n + 1))
                .unwrap_or_default();
            html! { <li>{ text }{ refs(&mut cited, t, &note.sources) }</li> }
        })
        .collect();
    let seat = t.about_association(acronym, "seat");
    html! {
        <>
            <h2 id="details-heading">
                <span class="details-acronym">{ &*association.acronym }</span>
                { own_name(t, association, "details-name") }
            </h2>
            <dl class="details-facts">
                <dt>{ if association.countries.len() > 1 { t.country_many() } else { t.country_one() } }</dt>
                <dd class="details-countries">{ countries }{ names_cited }</dd>
                <dt>{ t.founded() }</dt>
                <dd class="details-founded">{ founded }</dd>
                if !members.is_empty() {
                    <dt>{ t.members() }</dt>
                    <dd><ul class="details-members">{ for members }</ul></dd>
                }
                if let Some(seat) = seat {
                    <dt>{ t.based_in() }</dt>
                    <dd>{ seat }</dd>
                }
                if let Some(website) = &association.website {
                    <dt>{ t.website() }</dt>
                    <dd>
                        if kiosk {
                            <div class="details-website">
                                <QrCode text={website.to_string()}
                                    label={fill(t.qr_code_for(), &[("site", website_label(website))])} />
                                <span class="address">{ website_label(website) }</span>
                            </div>
                        } else {
                            <a href={website.to_string()} target="_blank" rel="noopener noreferrer">{ website_label(website) }</a>
                        }
                    </dd>
                }
            </dl>
            <p class="details-description">{ t.about_association(acronym, "description").unwrap_or_default() }</p>
            { for relation }
            { for joined }
            if !notes.is_empty() {
                <ul class="details-notes">{ for notes }</ul>
            }
            <h3 class="details-sources-heading">{ t.sources() }</h3>
            <ol class="details-sources">
                for id in cited.ids().iter() {
                    { source(t, id, kiosk) }
                }
            </ol>
        </>
    }
}

/// The founding year with its certainty, in words.
fn founding(
    t: &'static Strings,
    acronym: &str,
    founded: &'static Founding,
    cited: &mut Citations<'static>,
) -> Html {
    let detail = t.about_association(acronym, "founded");
    match founded {
        Founding::Exact { year, sources } => html! {
            <>
                { year.to_string() }
                if let Some(detail) = detail { { format!(" ({detail})") } }
                { refs(cited, t, sources) }
            </>
        },
        Founding::Disputed {
            year,
            sources,
            other,
        } => html! {
            <>
                { year.to_string() }
                if let Some(detail) = detail { { format!(" ({detail})") } }
                { refs(cited, t, sources) }
                <span class="certainty">{ t.sources_disagree() }</span>
                <ul class="details-other-years">
                    for o in other.iter() {
                        <li>
                            { fill(t.other_sources_give(), &[("year", &o.year.to_string())]) }
                            if let Some(detail) = t.about_association(acronym, &format!("other.{}", o.year)) {
                                { format!(" ({detail})") }
                            }
                            { "." }{ refs(cited, t, &o.sources) }
                        </li>
                    }
                </ul>
            </>
        },
        Founding::Unknown {
            earliest,
            latest,
            sources,
        } => html! {
            <>
                <span class="certainty">{ format::range(t.unknown_between(), *earliest, *latest) }</span>
                { " " }{ detail.unwrap_or_default() }
                { refs(cited, t, sources) }
            </>
        },
    }
}

/// Superscript reference numbers for these sources, numbered in reading order.
fn refs(cited: &mut Citations<'static>, t: &Strings, sources: &'static [Text]) -> Html {
    let numbers = cited.cite(sources);
    if numbers.is_empty() {
        return html! {};
    }
    let text: Vec<String> = numbers.iter().map(usize::to_string).collect();
    html! {
        <sup class="refs" title={t.sources_below()}>{ format!("[{}]", text.join(", ")) }</sup>
    }
}

/// A source in the reader's language, its published name marked with its own language.
fn source(t: &Strings, id: &str, kiosk: bool) -> Html {
    match dataset().source(id) {
        Some(source) => {
            let (before, title, after) = format::source_parts(t, source);
            let words = html! {
                <>
                    { before }
                    if !title.is_empty() {
                        <cite lang={source.lang.as_deref().map(str::to_owned)}>{ title }</cite>
                    }
                    { after }
                </>
            };
            html! {
                <li data-source={&*source.id}>
                    if let (Some(url), false) = (&source.url, kiosk) {
                        <a href={url.to_string()} target="_blank" rel="noopener noreferrer">{ words }</a>
                    } else {
                        { words }
                    }
                </li>
            }
        }
        None => html! { <li>{ id.to_string() }</li> },
    }
}

/// A website without its scheme and trailing slash: "vut.de".
fn website_label(url: &str) -> &str {
    let bare = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let bare = bare.strip_prefix("www.").unwrap_or(bare);
    bare.strip_suffix('/').unwrap_or(bare)
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;

    /// The details of `acronym`, rendered as the build renders the first view.
    fn rendered(acronym: &'static str) -> String {
        let props = DetailsProps {
            selection: Some(Selection::Association(acronym)),
            dispatch: Callback::noop(),
            kiosk: false,
        };
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        runtime.block_on(
            yew::LocalServerRenderer::<Details>::with_props(props)
                .hydratable(false)
                .render(),
        )
    }

    /// The reference numbers in the order a reader meets them.
    fn refs_in_order(html: &str) -> Vec<usize> {
        html.split("class=\"refs\"")
            .skip(1)
            .filter_map(|part| {
                let text = part.split_once('[')?.1.split_once(']')?.0;
                Some(
                    text.split(", ")
                        .filter_map(|n| n.parse::<usize>().ok())
                        .collect::<Vec<_>>(),
                )
            })
            .flatten()
            .collect()
    }

    #[test]
    fn sources_are_numbered_in_the_order_a_reader_meets_them() {
        for acronym in ["AMAEI", "VUT", "SOM", "UPFI"] {
            let numbers = refs_in_order(&rendered(acronym));
            assert!(!numbers.is_empty(), "{acronym}: no references");
            // Each new number is the next one: [1], [1, 2], [3], ... never [4] before [2].
            let mut highest = 0;
            for n in &numbers {
                assert!(
                    *n <= highest + 1,
                    "{acronym}: [{n}] comes before [{}]: {numbers:?}",
                    highest + 1
                );
                highest = highest.max(*n);
            }
            let listed = rendered(acronym).matches("data-source=").count();
            assert_eq!(
                listed, highest,
                "{acronym}: every cited source is listed once"
            );
        }
    }
}
