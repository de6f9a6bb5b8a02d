//! A plain list of the associations, oldest first.

use super::use_strings;
use crate::data::{dataset, Association};
use crate::format;
use crate::i18n::{fill, Strings};
use crate::state::Action;
use crate::vocab::Selection;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AssociationListProps {
    pub selection: Option<Selection>,
    pub dispatch: Callback<Action>,
}

/// Every association with its full name, countries, founding year and membership; the acronym
/// selects it.
#[function_component(AssociationList)]
pub fn association_list(props: &AssociationListProps) -> Html {
    let data = dataset();
    let chosen = data.associations_of(props.selection);
    let t = use_strings();
    html! {
        <section class="associations" aria-labelledby="associations-heading">
            <h2 id="associations-heading">{ t.list_heading }</h2>
            <ol class="association-list">
                for association in data.associations_by_founding() {
                    { entry(t, association, chosen.iter().any(|a| a.acronym == association.acronym), &props.dispatch) }
                }
            </ol>
        </section>
    }
}

fn entry(
    t: &'static Strings,
    association: &'static Association,
    selected: bool,
    dispatch: &Callback<Action>,
) -> Html {
    let data = dataset();
    let acronym: &'static str = &association.acronym;
    let onclick = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::Select(Selection::Association(acronym)))
        })
    };
    let countries =
        format::country_names(t, data, association.countries.iter().map(|c| c.as_ref()));
    html! {
        <li class={classes!("association", selected.then_some("selected"))} data-association={acronym}>
            <p class="association-title">
                <button type="button" class="acronym" aria-pressed={selected.to_string()} {onclick}>{ acronym }</button>
                { super::own_name(t, association, "name") }
            </p>
            <p class="association-facts">
                <span class="countries">{ countries }</span>
                <span class="founded">{ fill(t.list_founded, &[("year", &format::founding(t, &association.founded))]) }</span>
                if let Some(count) = association.members.first() {
                    <span class="members">{ format::members(t, count, t.about(acronym, "members.1")) }</span>
                }
            </p>
            <p class="association-description">{ t.about(acronym, "description").unwrap_or_default() }</p>
            if let Some(representation) = &association.represented_by {
                <p class="association-relation">
                    { fill(t.represented_by, &[("acronym", &representation.association)]) }
                </p>
            }
            if let Some(joining) = &association.joined_impala {
                <p class="association-relation">{ fill(t.joined, &[("year", &joining.year.to_string())]) }</p>
            }
        </li>
    }
}
