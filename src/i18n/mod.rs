//! The interface's words, in English, French and German. Pure: no `yew`, no `web_sys`.
//!
//! Every string the interface shows lives in one file per language (`en.rs`, `fr.rs`, `de.rs`),
//! as one [`Strings`] value: a language that lacks a string does not compile, and the tests below
//! check that each one is written (not empty, not left in English where the words differ) and
//! keeps the English template's `{placeholders}`. Country and territory names have a table per
//! language; the data's English names are the fallback.
//!
//! The data's own prose (descriptions, notes, milestones, source titles) stays in English, marked
//! `lang="en"` where it is shown; association names are shown in their own language.

mod de;
mod en;
mod fr;

/// The interface's language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Fr,
    De,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Fr, Lang::De];

    /// The ISO 639-1 code (`en`, `fr`, `de`), as in the URL and `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::De => "de",
        }
    }

    /// The language's name in itself, as the language switch shows it.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::De => "Deutsch",
        }
    }

    /// The words of this language.
    pub const fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &en::STRINGS,
            Lang::Fr => &fr::STRINGS,
            Lang::De => &de::STRINGS,
        }
    }

    /// The first of the browser's preferred languages (BCP 47 tags, best first, as in
    /// `navigator.languages`) that the app speaks: `fr-CA` gives French. `None` when none is.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Option<Lang> {
        preferred.into_iter().find_map(|tag| {
            let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
            Lang::ALL
                .into_iter()
                .find(|lang| primary.eq_ignore_ascii_case(lang.code()))
        })
    }
}

/// Declares [`Strings`] once: its fields and `entries()`, each field's name and text, which the
/// tests walk.
macro_rules! strings {
    ($( $(#[$meta:meta])* $field:ident, )*) => {
        /// Every string of the interface in one language. Texts with `{name}` are templates for
        /// [`fill`].
        #[derive(Debug)]
        pub struct Strings {
            $( $(#[$meta])* pub $field: &'static str, )*
            /// Country names by ISO code, where they differ from the data's English name.
            pub countries: &'static [(&'static str, &'static str)],
            /// Territory names by the data's territory id, where they differ from the data's.
            pub territories: &'static [(&'static str, &'static str)],
        }

        impl Strings {
            /// Each string's field name and text, in declaration order (for the tests).
            #[cfg(test)]
            fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$( (stringify!($field), self.$field), )*]
            }
        }
    };
}

strings! {
    /// The document's title.
    page_title,
    title,
    lede,
    /// The headline figures' list and its three labels.
    figures,
    figure_territories,
    figure_associations,
    figure_countries,
    /// The view switch.
    show,
    view_map,
    view_timeline,
    view_table,
    side,
    language,
    credits,
    /// Kiosk overlays: `{seconds}`.
    kiosk_touch,
    kiosk_pause,
    kiosk_still_there,
    kiosk_countdown,
    kiosk_stay,
    /// Selection announcements: `{acronym}`, `{name}` (with its comma), `{countries}`,
    /// `{founded}`; `{country}`, `{count}`, `{acronyms}`.
    announce_association,
    announce_country,
    /// Founding years: `{year}`, `{others}`, `{earliest}`, `{latest}`.
    also_given_as,
    unknown_range,
    founded_year,
    founded_unknown,
    /// Lists: "a, b and c", "a or b".
    and,
    or,
    /// Member counts: `{count}`, `{unit}`, `{year}`.
    thousands_separator,
    about,
    over,
    close_to,
    unit_members,
    unit_labels,
    count_unit,
    count_unit_year,
    /// The list beside the map.
    list_heading,
    list_founded,
    represented_by,
    joined,
    /// The table.
    table_heading,
    table_caption,
    column_name,
    column_country,
    column_founded,
    column_members,
    /// The details panel.
    close_details,
    close_esc,
    several_in_country,
    country_one,
    country_many,
    founded,
    members,
    based_in,
    website,
    qr_code_for,
    sources,
    sources_below,
    sources_disagree,
    other_sources_give,
    unknown_between,
    /// The map.
    map_title,
    map_description,
    wheel_hint,
    zoom,
    zoom_in,
    zoom_out,
    zoom_home,
    zoom_selection,
    /// The legend: `{decade}`.
    colour_by,
    by_association,
    by_period,
    legend,
    legend_one_colour,
    legend_stripes,
    legend_which,
    legend_no_member,
    decade,
    period_unknown,
    /// The search box: `{count}`.
    search_label,
    search_placeholder,
    search_matches,
    search_none,
    search_found,
    kind_association,
    kind_country,
    /// The year bar.
    year,
    play,
    pause,
    year_back,
    year_forward,
    loop_years,
    /// Year totals: `{year}`, `{count}`, `{associations}`, `{countries}`.
    one_association,
    n_associations,
    one_country,
    n_countries,
    year_totals,
    one_more_unknown,
    n_more_unknown,
    totals_in_year,
    growth_from_to,
    growth_chosen,
    growth_heading,
    chart_associations,
    chart_countries,
    /// The timeline: `{year}`, `{years}`, `{earliest}`, `{latest}`.
    timeline_heading,
    track_associations,
    impala_founded,
    band_title,
    also_given,
    ongoing,
    close_milestone,
    key,
    key_box,
    key_other,
    key_band,
    key_milestone,
    category_competition,
    category_digital,
    category_policy,
    category_sector,
    /// The footer's switches and downloads.
    colours,
    theme_auto,
    theme_light,
    theme_dark,
    theme_contrast,
    download,
    download_map_svg,
    download_map_png,
    download_timeline_svg,
    download_timeline_png,
    download_csv,
    download_json,
    /// The embed dialog.
    embed,
    embed_heading,
    embed_help,
    copy,
    copied,
    copy_refused,
    preview_width,
    phone,
    desktop,
    preview_title,
    close,
}

impl Strings {
    /// A country's name in this language: the table's, else the data's English `fallback`.
    pub fn country_name<'a>(&self, code: &str, fallback: &'a str) -> &'a str {
        lookup(self.countries, code).unwrap_or(fallback)
    }

    /// A territory's name in this language: the table's, else the data's `fallback`.
    pub fn territory_name<'a>(&self, id: &str, fallback: &'a str) -> &'a str {
        lookup(self.territories, id).unwrap_or(fallback)
    }
}

fn lookup(table: &'static [(&'static str, &'static str)], key: &str) -> Option<&'static str> {
    table.iter().find(|(k, _)| *k == key).map(|(_, name)| *name)
}

/// `template` with each `{name}` replaced by its value; unknown placeholders stay as written.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match values.iter().find(|(key, _)| *key == name) {
                    Some((_, value)) => out.push_str(value),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text before and after `{name}` in `template`, for putting an element (a button, a link)
/// where the placeholder is. The whole template before, and nothing after, when it has none.
pub fn around<'a>(template: &'a str, name: &str) -> (&'a str, &'a str) {
    let placeholder = format!("{{{name}}}");
    template
        .split_once(placeholder.as_str())
        .unwrap_or((template, ""))
}

/// The `{placeholders}` of a template, sorted.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .collect();
    names.sort_unstable();
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::dataset;

    /// Strings that may read the same in another language as in English: names, abbreviations,
    /// punctuation and words the languages share.
    const SAME_AS_ENGLISH: &[(Lang, &str)] = &[
        (Lang::Fr, "count_unit"),
        (Lang::Fr, "count_unit_year"),
        (Lang::Fr, "unit_labels"),
        (Lang::Fr, "sources"),
        (Lang::Fr, "kind_association"),
        (Lang::Fr, "chart_associations"),
        (Lang::Fr, "track_associations"),
        (Lang::Fr, "figure_associations"),
        (Lang::Fr, "one_association"),
        (Lang::Fr, "n_associations"),
        (Lang::Fr, "pause"),
        (Lang::Fr, "zoom"),
        (Lang::De, "count_unit"),
        (Lang::De, "count_unit_year"),
        (Lang::De, "website"),
        (Lang::De, "zoom"),
    ];

    #[test]
    fn every_language_has_every_string_written_with_the_same_placeholders() {
        let english = Lang::En.strings().entries();
        for lang in Lang::ALL {
            let entries = lang.strings().entries();
            assert_eq!(entries.len(), english.len());
            for ((field, text), (_, en)) in entries.iter().zip(english.iter()) {
                let lang = lang.code();
                assert!(
                    !text.trim().is_empty() || *field == "thousands_separator",
                    "{lang}: {field} is empty"
                );
                assert_eq!(
                    placeholders(text),
                    placeholders(en),
                    "{lang}: {field} has other placeholders than English: {text:?}"
                );
            }
        }
    }

    #[test]
    fn no_translation_is_english_left_as_it_was() {
        let english = Lang::En.strings().entries();
        for lang in [Lang::Fr, Lang::De] {
            for ((field, text), (_, en)) in lang.strings().entries().iter().zip(english.iter()) {
                let allowed = SAME_AS_ENGLISH.contains(&(lang, *field));
                if text == en {
                    assert!(
                        allowed,
                        "{}: {field} is still in English: {text:?}",
                        lang.code()
                    );
                }
            }
        }
    }

    #[test]
    fn every_country_and_shared_territory_has_a_name_in_every_language() {
        let data = dataset();
        for lang in [Lang::Fr, Lang::De] {
            let t = lang.strings();
            for country in data.countries.iter() {
                assert!(
                    lookup(t.countries, &country.code).is_some(),
                    "{}: no name for {} ({})",
                    lang.code(),
                    country.code,
                    country.name
                );
            }
            for association in data.associations.iter().filter(|a| a.countries.len() > 1) {
                assert!(
                    lookup(t.territories, &association.territory).is_some(),
                    "{}: no name for the territory {}",
                    lang.code(),
                    association.territory
                );
            }
            for (code, _) in t.countries {
                assert!(
                    data.country(code).is_some(),
                    "{}: {code} is not in the data",
                    lang.code()
                );
            }
        }
        assert_eq!(
            Lang::Fr.strings().country_name("DE", "Germany"),
            "Allemagne"
        );
        assert_eq!(
            Lang::De.strings().country_name("DE", "Germany"),
            "Deutschland"
        );
        assert_eq!(Lang::En.strings().country_name("DE", "Germany"), "Germany");
    }

    #[test]
    fn fill_replaces_known_placeholders_and_keeps_the_rest() {
        assert_eq!(fill("{a} and {b}", &[("a", "x"), ("b", "y")]), "x and y");
        assert_eq!(fill("in {s} s.", &[("s", "5")]), "in 5 s.");
        assert_eq!(fill("{a} {unknown} {", &[("a", "1")]), "1 {unknown} {");
        assert_eq!(fill("no braces", &[("a", "1")]), "no braces");
        assert_eq!(around("by {acronym}.", "acronym"), ("by ", "."));
        assert_eq!(around("none", "acronym"), ("none", ""));
        assert_eq!(placeholders("{b} {a} {b}"), vec!["a", "b", "b"]);
    }

    #[test]
    fn the_browser_language_picks_the_first_one_spoken() {
        assert_eq!(Lang::negotiate(["fr-CA", "en"]), Some(Lang::Fr));
        assert_eq!(Lang::negotiate(["nl", "de-AT", "fr"]), Some(Lang::De));
        assert_eq!(Lang::negotiate(["EN_gb"]), Some(Lang::En));
        assert_eq!(Lang::negotiate(["nl", "pt-BR"]), None);
        assert_eq!(Lang::negotiate(["", "frx"]), None);
        assert_eq!(Lang::negotiate([]), None);
    }
}
