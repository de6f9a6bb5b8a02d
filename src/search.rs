//! Finding an association or a country from what a person types into the search box. Pure: std
//! only, no `yew`, no `web_sys`.
//!
//! Both the query and every searchable form are folded (`data::query::fold`: lowercase, accents
//! stripped, punctuation as spaces), so "vtmo" finds VTMÖ and "osterr" finds Österreich. An
//! association is found by its acronym, `name_native` or `name_english`; a country by its name in
//! the interface's language, its English name, any of its `native_names`, or its ISO code (exact
//! match only).

use crate::data::query::fold;
use crate::data::{Association, Country, Dataset};
use crate::i18n::{Lang, Strings};
use crate::vocab::Selection;

/// One search result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchHit {
    /// What to select when the person picks this hit.
    pub selection: Selection,
    /// What to show, e.g. "VTMÖ · Verband unabhängiger … (Austria)" or "Austria · Österreich".
    pub label: String,
    /// `"association"` or `"country"`.
    pub kind: &'static str,
}

/// How well a folded form matches a folded query, best first: 0 the whole form, 1 its start,
/// 2 the start of a later word, 3 anywhere, 4 every query word starts some word of the form.
fn tier(form: &str, query: &str) -> Option<u8> {
    if form == query {
        Some(0)
    } else if form.starts_with(query) {
        Some(1)
    } else if form.match_indices(' ').any(|(i, _)| {
        form.get(i + 1..)
            .is_some_and(|rest| rest.starts_with(query))
    }) {
        Some(2)
    } else if form.contains(query) {
        Some(3)
    } else if query
        .split(' ')
        .all(|q| form.split(' ').any(|word| word.starts_with(q)))
    {
        Some(4)
    } else {
        None
    }
}

/// The best rank of an entity's forms: (tier, 0 for a primary form (acronym, English country
/// name) or 1 for another name). `None` when no form matches.
fn best<'a>(query: &str, primary: &str, others: impl Iterator<Item = &'a str>) -> Option<(u8, u8)> {
    let first = tier(&fold(primary), query).map(|t| (t, 0));
    others
        .filter_map(|form| tier(&fold(form), query).map(|t| (t, 1)))
        .chain(first)
        .min()
}

/// Finds up to `limit` associations and countries matching `query`, best first.
///
/// Ranking: by match tier (whole form, start of form, start of a word, anywhere, all words in any
/// order), then a match on the acronym or the country's name in the interface's language before one
/// on another name, then
/// associations before countries, then alphabetically. An ISO code counts only as a whole-form
/// match ("at" finds Austria). Each selection appears once; a blank query finds nothing.
pub fn search(data: &'static Dataset, t: &Strings, query: &str, limit: usize) -> Vec<SearchHit> {
    let query = fold(query);
    if query.is_empty() || limit == 0 {
        return Vec::new();
    }
    // (rank, 0 association / 1 country, sort name, hit)
    let mut found: Vec<((u8, u8), u8, String, SearchHit)> = Vec::new();
    for a in data.associations.iter() {
        let names = a
            .name_native
            .as_deref()
            .into_iter()
            .chain(t.about_association(&a.acronym, "name"));
        if let Some(rank) = best(&query, &a.acronym, names) {
            let hit = SearchHit {
                selection: Selection::Association(&a.acronym),
                label: association_label(data, t, a),
                kind: "association",
            };
            found.push((rank, 0, fold(&a.acronym), hit));
        }
    }
    for c in data.countries.iter() {
        let name = t.country_name(&c.code, &c.code);
        let english = Lang::english_country_name(&c.code).unwrap_or(&c.code);
        let rank = if fold(&c.code) == query {
            Some((0, 0))
        } else {
            let others = std::iter::once(english).chain(c.native_names.iter().map(|n| n.as_ref()));
            best(&query, name, others)
        };
        if let Some(rank) = rank {
            let hit = SearchHit {
                selection: Selection::Country(&c.code),
                label: country_label(name, c),
                kind: "country",
            };
            found.push((rank, 1, fold(name), hit));
        }
    }
    crate::sorting::sort_by(&mut found, |x, y| (x.0, x.1, &x.2).cmp(&(y.0, y.1, &y.2)));
    let mut hits: Vec<SearchHit> = Vec::new();
    for (_, _, _, hit) in found {
        if hits.len() >= limit {
            break;
        }
        if !hits.iter().any(|h| h.selection == hit.selection) {
            hits.push(hit);
        }
    }
    hits
}

/// "ACRONYM · Name (Where)": the native name (else the English one) and its country, or its
/// territory when it covers several.
fn association_label(data: &Dataset, t: &Strings, a: &Association) -> String {
    let mut label = a.acronym.to_string();
    if let Some(name) = a
        .name_native
        .as_deref()
        .or(t.about_association(&a.acronym, "name"))
    {
        label.push_str(" · ");
        label.push_str(name);
    }
    let place = match a.countries.as_ref() {
        [code] => data.country(code).map(|c| t.country_name(code, &c.code)),
        _ => data
            .territory(&a.territory)
            .map(|territory| t.territory_name(&a.territory, &territory.id)),
    };
    if let Some(place) = place {
        label.push_str(&format!(" ({place})"));
    }
    label
}

/// "Name · Native, Native": the name in the interface's language, then the native names that
/// differ from it.
fn country_label(name: &str, c: &Country) -> String {
    let natives: Vec<&str> = c
        .native_names
        .iter()
        .map(|n| n.as_ref())
        .filter(|n| *n != name)
        .collect();
    if natives.is_empty() {
        name.to_string()
    } else {
        format!("{name} · {}", natives.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn en() -> &'static Strings {
        Lang::EN.strings()
    }
    use crate::data::dataset;
    use Selection::{Association as A, Country as C};

    fn first(query: &str) -> Option<Selection> {
        search(dataset(), en(), query, 10)
            .first()
            .map(|h| h.selection)
    }

    fn finds(query: &str, wanted: Selection) -> bool {
        search(dataset(), en(), query, usize::MAX)
            .iter()
            .any(|h| h.selection == wanted)
    }

    #[test]
    fn the_examples_find_what_they_should_first() {
        let cases = [
            ("vtmo", A("VTMÖ")),
            ("VTMÖ", A("VTMÖ")),
            ("Osterreich", C("AT")),
            ("osterr", C("AT")),
            ("ÖSTERREICH", C("AT")),
            ("runda", A("RUNDA")),
            ("serbia", C("RS")),
            ("srbija", C("RS")),
            ("Србија", C("RS")),
            ("upfi", A("UPFI")),
            ("France", C("FR")),
            ("france", C("FR")),
            ("vut", A("VUT")),
            ("VUT", A("VUT")),
            ("at", C("AT")),
            ("ישראל", C("IL")),
            ("bel", C("BE")),
            ("felin", A("FELIN")),
            ("federation nationale", A("FELIN")),
            ("Unión Fonográfica", A("UFI")),
            ("union fonografica", A("UFI")),
            ("uafhaengige", A("DUP")),
            ("crna-gora", C("ME")),
            ("independent music association belgian", A("BIMA")),
        ];
        for (query, want) in cases {
            assert_eq!(first(query), Some(want), "first hit for {query:?}");
        }
    }

    #[test]
    fn france_also_finds_both_french_associations_and_labels_are_readable() {
        let hits = search(dataset(), en(), "fran", 10);
        assert_eq!(hits.first().map(|h| h.selection), Some(C("FR")));
        assert!(finds("france", C("FR")));
        assert!(finds("francais", A("UPFI")));
        let country = &hits[0];
        assert_eq!(
            (country.label.as_str(), country.kind),
            ("France", "country")
        );
        let austria = search(dataset(), en(), "austria", 1);
        assert_eq!(austria[0].label, "Austria · Österreich");
        let vtmo = search(dataset(), en(), "vtmo", 1);
        assert!(vtmo[0].label.starts_with("VTMÖ · Verband unabhängiger"));
        assert!(vtmo[0].label.ends_with("(Austria)"));
        assert_eq!(vtmo[0].kind, "association");
        let runda = search(dataset(), en(), "runda", 1);
        assert!(runda[0].label.ends_with("(Former Yugoslavia and Albania)"));
    }

    #[test]
    fn every_association_is_first_for_its_acronym_and_found_by_its_names() {
        for a in dataset().associations.iter() {
            let want = A(&a.acronym);
            for query in [a.acronym.to_string(), a.acronym.to_lowercase()] {
                assert_eq!(first(&query), Some(want), "acronym {query:?}");
            }
            for name in a
                .name_native
                .as_deref()
                .into_iter()
                .chain(en().about_association(&a.acronym, "name"))
            {
                assert!(finds(name, want), "{} by name {name:?}", a.acronym);
                assert!(finds(&name.to_uppercase(), want), "{name:?} in capitals");
            }
        }
    }

    #[test]
    fn every_country_is_first_for_its_english_and_native_names() {
        for c in dataset().countries.iter() {
            let want = C(&c.code);
            let english = en().country_name(&c.code, &c.code);
            assert_eq!(first(english), Some(want), "English name {english:?}");
            assert_eq!(first(&c.code), Some(want), "code {:?}", c.code);
            for name in c.native_names.iter() {
                assert_eq!(first(name), Some(want), "native name {name:?}");
                assert_eq!(
                    first(&name.to_lowercase()),
                    Some(want),
                    "{name:?} lowercase"
                );
                assert_eq!(first(&fold(name)), Some(want), "{name:?} without accents");
            }
        }
    }

    #[test]
    fn results_are_unique_ranked_and_limited() {
        for query in ["a", "e", "in", "independent", "music", "o", "s"] {
            let hits = search(dataset(), en(), query, usize::MAX);
            assert!(!hits.is_empty(), "{query:?} finds something");
            for (i, hit) in hits.iter().enumerate() {
                assert!(
                    !hits[..i].iter().any(|h| h.selection == hit.selection),
                    "{query:?} lists {:?} twice",
                    hit.selection
                );
            }
            assert_eq!(search(dataset(), en(), query, 3).len(), hits.len().min(3));
            assert_eq!(
                search(dataset(), en(), query, 3)[..],
                hits[..hits.len().min(3)]
            );
        }
        // Acronym prefixes come before name prefixes, associations before countries on ties.
        let s: Vec<Selection> = search(dataset(), en(), "s", 4)
            .iter()
            .map(|h| h.selection)
            .collect();
        assert_eq!(s, [A("SOM"), A("STOMP"), C("RS"), C("SI")]);
    }

    #[test]
    fn blank_garbage_and_huge_queries_find_nothing_without_panicking() {
        let long = "x".repeat(10_000);
        let mixed = "é<script>😀\u{0}\u{202E}".repeat(2_000);
        let blank = ["", " ", "\t\n ", "--- ...", "😀", "\u{0}\u{1}", "\u{301}"];
        for query in blank.iter().copied().chain([long.as_str(), mixed.as_str()]) {
            assert!(search(dataset(), en(), query, 10).is_empty(), "{query:?}");
        }
        assert!(search(dataset(), en(), "vut", 0).is_empty());
        assert!(search(dataset(), en(), "zzzzqqq", 10).is_empty());
        let start = std::time::Instant::now();
        for _ in 0..10 {
            let _ = search(dataset(), en(), &mixed, 10);
        }
        assert!(start.elapsed() < std::time::Duration::from_secs(2));
    }

    #[test]
    fn a_country_is_found_and_shown_by_its_name_in_the_interface_language() {
        let fr = Lang::from_code("fr").unwrap().strings();
        let de = Lang::from_code("de").unwrap().strings();
        let first = |t: &Strings, query: &str| search(dataset(), t, query, 1).into_iter().next();
        let allemagne = first(fr, "allemagne").expect("found in French");
        assert_eq!(allemagne.selection, C("DE"));
        assert!(
            allemagne.label.starts_with("Allemagne"),
            "{}",
            allemagne.label
        );
        assert_eq!(first(de, "spanien").map(|h| h.selection), Some(C("ES")));
        // The English name still finds it in every language.
        assert_eq!(first(fr, "germany").map(|h| h.selection), Some(C("DE")));
        let runda = first(de, "runda").expect("found");
        assert!(
            runda
                .label
                .ends_with("(Ehemaliges Jugoslawien und Albanien)"),
            "{}",
            runda.label
        );
    }
}
