//! Words and numbers as the app writes them, in the interface's language: founding years with
//! their certainty, member counts, lists of country names. Pure functions of the data and the
//! language's [`Strings`]; no `yew`, no `web_sys`.

use crate::data::{Dataset, Founding, MemberCount, Qualifier, Source};
use crate::i18n::{fill, Strings};

/// Text for XML or a quoted HTML attribute: `&`, `<`, `>` and both quotes escaped.
pub fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// A founding year as shown in lists: "1974", "1998 (also given as 1999)",
/// "unknown (2011–2019)".
pub fn founding(t: &Strings, founded: &Founding) -> String {
    match founded {
        Founding::Exact { year, .. } => year.to_string(),
        Founding::Disputed { year, other, .. } => {
            let others: Vec<String> = other.iter().map(|o| o.year.to_string()).collect();
            fill(
                t.also_given_as(),
                &[
                    ("year", &year.to_string()),
                    ("others", &join_words(&others, t.or())),
                ],
            )
        }
        Founding::Unknown {
            earliest, latest, ..
        } => range(t.unknown_range(), *earliest, *latest),
    }
}

/// `template` with its `{earliest}` and `{latest}` years filled in (an unknown founding year's
/// range).
pub fn range(template: &str, earliest: u16, latest: u16) -> String {
    fill(
        template,
        &[
            ("earliest", &earliest.to_string()),
            ("latest", &latest.to_string()),
        ],
    )
}

/// A whole number with the language's thousands separator: 1200 -> "1,200" (English),
/// "1 200" (French, a narrow no-break space), "1.200" (German).
pub fn thousands(t: &Strings, n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(t.thousands_separator());
        }
        out.push(c);
    }
    out
}

/// A member count: "over 1,000 members (2020)", "about 1,500 labels (2020)", "78 members".
/// A unit the language does not know is shown as the data writes it.
/// `detail` (the language file's `members.<n>`, "October 2020") takes the year's place.
pub fn members(t: &Strings, count: &MemberCount, detail: Option<&str>) -> String {
    let number = thousands(t, count.count);
    let qualified = match count.qualifier {
        Qualifier::Exact => number,
        Qualifier::About => fill(t.about(), &[("count", &number)]),
        Qualifier::Over => fill(t.over(), &[("count", &number)]),
        Qualifier::CloseTo => fill(t.close_to(), &[("count", &number)]),
    };
    let unit = match count.unit.as_deref() {
        None | Some("members") => t.unit_members(),
        Some("labels") => t.unit_labels(),
        Some(other) => other,
    };
    match (detail, count.year) {
        (Some(detail), _) => fill(
            t.count_unit_detail(),
            &[("count", &qualified), ("unit", unit), ("detail", detail)],
        ),
        (None, Some(year)) => fill(
            t.count_unit_year(),
            &[
                ("count", &qualified),
                ("unit", unit),
                ("year", &year.to_string()),
            ],
        ),
        (None, None) => fill(t.count_unit(), &[("count", &qualified), ("unit", unit)]),
    }
}

/// A country's name in the interface's language; the code itself when the data lacks it.
pub fn country_name<'a>(t: &Strings, _data: &'a Dataset, code: &'a str) -> &'a str {
    t.country_name(code, code)
}

/// The credits line, with IMPALA's article's title in place of `{article}`.
pub fn credits(t: &Strings, data: &Dataset) -> String {
    let article = data
        .source("article")
        .and_then(|s| s.title.as_deref())
        .unwrap_or_default();
    fill(t.credits(), &[("article", article)])
}

/// What a source is, in the interface's language, with its published name in place of
/// `{title}`: "BBC News, entertainment news (2001)". The parts, to mark the name's language where
/// it is shown: [`source_parts`].
pub fn source_title(t: &Strings, source: &Source) -> String {
    let (before, title, after) = source_parts(t, source);
    format!("{before}{title}{after}")
}

/// The words before the source's published name, the name, and the words after.
pub fn source_parts<'a>(t: &Strings, source: &'a Source) -> (&'static str, &'a str, &'static str) {
    let (before, after) = crate::i18n::around(t.source(&source.id), "title");
    (before, source.title.as_deref().unwrap_or_default(), after)
}

/// Names of the given country codes, in order, joined: "Slovenia, Croatia and Serbia".
/// A code missing from the data is shown as the code itself.
pub fn country_names<'a>(
    t: &Strings,
    data: &'a Dataset,
    codes: impl IntoIterator<Item = &'a str>,
) -> String {
    let names: Vec<String> = codes
        .into_iter()
        .map(|code| country_name(t, data, code).to_string())
        .collect();
    join_words(&names, t.and())
}

/// "a", "a and b", "a, b and c" (with the language's `and` or `or`).
pub fn join_words(words: &[String], conjunction: &str) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {conjunction} {last}", init.join(", ")),
    }
}

/// A founding year as spoken after a name: "founded 1993", "founded 1998 (also given as 1999)",
/// "founding year unknown (2011–2019)".
pub fn founded_phrase(t: &Strings, founded: &Founding) -> String {
    match founded {
        Founding::Unknown {
            earliest, latest, ..
        } => range(t.founded_unknown(), *earliest, *latest),
        _ => fill(t.founded_year(), &[("year", &founding(t, founded))]),
    }
}

/// A country and its associations, as one line: the accessible name of a country on the map.
/// "Germany: VUT, founded 1993"; "France: UPFI, founded 1996 (also given as 1986 or 1993); FELIN,
/// founding year unknown (2010–2020)". A code missing from the data is shown as the code itself.
pub fn country_summary(t: &Strings, data: &Dataset, code: &str) -> String {
    let name = country_name(t, data, code);
    let associations: Vec<String> = data
        .associations_in(code)
        .map(|a| {
            fill(
                t.association_founded(),
                &[
                    ("acronym", &a.acronym),
                    ("founded", &founded_phrase(t, &a.founded)),
                ],
            )
        })
        .collect();
    if associations.is_empty() {
        name.to_string()
    } else {
        t.with_label(name, &associations.join(t.list_separator()))
    }
}

/// What a screen reader announces when something is selected: "VUT selected: Verband
/// unabhängiger Musikunternehmen, Germany, founded 1993. The details follow the map."; for a
/// country with several associations, their acronyms.
pub fn selection_announcement(
    t: &Strings,
    data: &Dataset,
    selection: Option<crate::vocab::Selection>,
) -> String {
    use crate::vocab::Selection;
    match selection {
        None => String::new(),
        Some(Selection::Association(acronym)) => match data.association(acronym) {
            Some(a) => {
                let name = a
                    .name_native
                    .as_deref()
                    .or(t.about_association(&a.acronym, "name"));
                let countries = country_names(t, data, a.countries.iter().map(|c| c.as_ref()));
                let named = name.map_or_else(String::new, |name| format!("{name}, "));
                fill(
                    t.announce_association(),
                    &[
                        ("acronym", &a.acronym),
                        ("name", &named),
                        ("countries", &countries),
                        ("founded", &founded_phrase(t, &a.founded)),
                    ],
                )
            }
            None => String::new(),
        },
        Some(Selection::Country(code)) => {
            let acronyms: Vec<String> = data
                .associations_in(code)
                .map(|a| a.acronym.to_string())
                .collect();
            t.count(
                t.announce_country(),
                acronyms.len(),
                &[
                    ("country", country_name(t, data, code)),
                    ("acronyms", &join_words(&acronyms, t.and())),
                ],
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::i18n::Lang;

    fn en() -> &'static Strings {
        Lang::EN.strings()
    }
    use crate::data::{dataset, OtherYear};
    use std::borrow::Cow;

    #[test]
    fn thousands_are_separated_by_commas() {
        for (n, text) in [
            (0, "0"),
            (78, "78"),
            (999, "999"),
            (1200, "1,200"),
            (1234567, "1,234,567"),
        ] {
            assert_eq!(thousands(en(), n), text);
        }
    }

    #[test]
    fn a_disputed_year_shows_the_primary_year_first_then_the_others() {
        let founded = Founding::Disputed {
            year: 1996,
            sources: Cow::Borrowed(&[]),
            other: Cow::Owned(vec![
                OtherYear {
                    year: 1986,
                    sources: Cow::Borrowed(&[]),
                },
                OtherYear {
                    year: 1993,
                    sources: Cow::Borrowed(&[]),
                },
            ]),
        };
        assert_eq!(
            founding(en(), &founded),
            "1996 (also given as 1986 or 1993)"
        );
    }

    #[test]
    fn real_foundings_read_as_expected() {
        let data = dataset();
        let text =
            |acronym: &str| founding(en(), &data.association(acronym).expect("in data").founded);
        assert_eq!(text("SOM"), "1974");
        assert_eq!(text("AIM"), "1998 (also given as 1999)");
        assert_eq!(text("INDIERO"), "unknown (2011–2019)");
    }

    #[test]
    fn runda_covers_eight_countries_named_in_english() {
        let data = dataset();
        let runda = data.association("RUNDA").expect("in data");
        assert_eq!(
            country_names(en(), data, runda.countries.iter().map(|c| c.as_ref())),
            "Slovenia, Croatia, Serbia, Bosnia and Herzegovina, Kosovo, Montenegro, North Macedonia and Albania"
        );
    }

    #[test]
    fn member_counts_carry_their_qualifier_unit_and_year() {
        let data = dataset();
        let first = |acronym: &str| {
            members(
                en(),
                &data.association(acronym).expect("in data").members[0],
                None,
            )
        };
        assert_eq!(first("AIM"), "over 1,000 members (2020)");
        assert_eq!(first("FELIN"), "about 1,500 labels (2020)");
        assert_eq!(first("UPFI"), "78 members");
    }

    #[test]
    fn a_country_summary_names_the_country_and_each_association_with_its_year() {
        let data = dataset();
        assert_eq!(
            country_summary(en(), data, "DE"),
            "Germany: VUT, founded 1993"
        );
        assert_eq!(
            country_summary(en(), data, "FR"),
            "France: UPFI, founded 1996 (also given as 1986 or 1993); FELIN, founding year unknown (2010–2020)"
        );
        assert_eq!(country_summary(en(), data, "ZZ"), "ZZ");
    }

    #[test]
    fn selecting_announces_the_association_or_the_choice() {
        use crate::vocab::Selection;
        let data = dataset();
        assert_eq!(
            selection_announcement(en(), data, Some(Selection::Association("VUT"))),
            "VUT selected: Verband unabhängiger Musikunternehmer*innen, Germany, founded 1993. The details follow the map."
        );
        assert_eq!(
            selection_announcement(en(), data, Some(Selection::Country("IT"))),
            "Italy selected: 2 associations, PMI and AUDIOCOOP. Choose one in the details."
        );
        assert_eq!(selection_announcement(en(), data, None), "");
    }

    #[test]
    fn french_and_german_write_numbers_years_and_countries_their_own_way() {
        let data = dataset();
        let (fr, de) = (
            Lang::from_code("fr").unwrap().strings(),
            Lang::from_code("de").unwrap().strings(),
        );
        let aim = &data.association("AIM").expect("in data").members[0];
        assert_eq!(
            members(fr, aim, None),
            "plus de 1\u{202f}000 membres (2020)"
        );
        assert_eq!(members(de, aim, None), "über 1.000 Mitglieder (2020)");
        let felin = &data.association("FELIN").expect("in data").members[0];
        assert_eq!(members(de, felin, None), "etwa 1.500 Labels (2020)");
        assert_eq!(
            country_summary(de, data, "AT"),
            "Österreich: VTMÖ, gegründet 2003"
        );
        assert_eq!(country_names(fr, data, ["SI", "HR"]), "Slovénie et Croatie");
        let aim_year = &data.association("AIM").expect("in data").founded;
        assert_eq!(founding(de, aim_year), "1998 (auch angegeben: 1999)");
    }
}
