//! Words and numbers as the app writes them: founding years with their certainty, member counts,
//! lists of country names. Pure functions of the data; no `yew`, no `web_sys`.

use crate::data::{Dataset, Founding, MemberCount, Qualifier};

/// A founding year as shown in lists: "1974", "1998 (also given as 1999)",
/// "unknown (2011–2019)".
pub fn founding(founded: &Founding) -> String {
    match founded {
        Founding::Exact { year, .. } => year.to_string(),
        Founding::Disputed { year, other, .. } => {
            let others: Vec<String> = other.iter().map(|o| o.year.to_string()).collect();
            format!("{year} (also given as {})", join_words(&others, "or"))
        }
        Founding::Unknown {
            earliest, latest, ..
        } => format!("unknown ({earliest}–{latest})"),
    }
}

/// A whole number with thousands separators: 1200 -> "1,200".
pub fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A member count: "over 1,000 members (2020)", "about 1,500 labels (2020)", "78 members".
pub fn members(count: &MemberCount) -> String {
    let qualifier = match count.qualifier {
        Qualifier::Exact => "",
        Qualifier::About => "about ",
        Qualifier::Over => "over ",
        Qualifier::CloseTo => "close to ",
    };
    let unit = count.unit.as_deref().unwrap_or("members");
    match count.year {
        Some(year) => format!("{qualifier}{} {unit} ({year})", thousands(count.count)),
        None => format!("{qualifier}{} {unit}", thousands(count.count)),
    }
}

/// English names of the given country codes, in order, joined: "Slovenia, Croatia and Serbia".
/// A code missing from the data is shown as the code itself.
pub fn country_names<'a>(data: &'a Dataset, codes: impl IntoIterator<Item = &'a str>) -> String {
    let names: Vec<String> = codes
        .into_iter()
        .map(|code| {
            data.country(code)
                .map_or_else(|| code.to_string(), |country| country.name.to_string())
        })
        .collect();
    join_words(&names, "and")
}

/// "a", "a and b", "a, b and c" (with `and` or `or`).
pub fn join_words(words: &[String], conjunction: &str) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {conjunction} {last}", init.join(", ")),
    }
}

/// A founding year as spoken after a name: "founded 1993", "founded 1998 (also given as 1999)",
/// "founding year unknown (2011–2019)".
pub fn founded_phrase(founded: &Founding) -> String {
    match founded {
        Founding::Unknown {
            earliest, latest, ..
        } => format!("founding year unknown ({earliest}–{latest})"),
        _ => format!("founded {}", founding(founded)),
    }
}

/// A country and its associations, as one line: the accessible name of a country on the map.
/// "Germany: VUT, founded 1993"; "France: UPFI, founded 1996 (also given as 1986 or 1993); FELIN,
/// founding year unknown (2010–2020)". A code missing from the data is shown as the code itself.
pub fn country_summary(data: &Dataset, code: &str) -> String {
    let name = data
        .country(code)
        .map_or_else(|| code.to_string(), |country| country.name.to_string());
    let associations: Vec<String> = data
        .associations_in(code)
        .map(|a| format!("{}, {}", a.acronym, founded_phrase(&a.founded)))
        .collect();
    if associations.is_empty() {
        name
    } else {
        format!("{name}: {}", associations.join("; "))
    }
}

/// What a screen reader announces when something is selected: "VUT selected: Verband
/// unabhängiger Musikunternehmen, Germany, founded 1993. Details follow the map."; for a country
/// with several associations, their acronyms.
pub fn selection_announcement(
    data: &Dataset,
    selection: Option<crate::state::Selection>,
) -> String {
    use crate::state::Selection;
    match selection {
        None => String::new(),
        Some(Selection::Association(acronym)) => match data.association(acronym) {
            Some(a) => {
                let name = a.name_english.as_deref().or(a.name_native.as_deref());
                let countries = country_names(data, a.countries.iter().map(|c| c.as_ref()));
                let named = name.map_or_else(String::new, |name| format!("{name}, "));
                format!(
                    "{} selected: {named}{countries}, {}. The details follow the map.",
                    a.acronym,
                    founded_phrase(&a.founded)
                )
            }
            None => String::new(),
        },
        Some(Selection::Country(code)) => {
            let acronyms: Vec<String> = data
                .associations_in(code)
                .map(|a| a.acronym.to_string())
                .collect();
            let name = data.country(code).map_or(code, |c| &*c.name);
            format!(
                "{name} selected: {} associations, {}. Choose one in the details.",
                acronyms.len(),
                join_words(&acronyms, "and")
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
            assert_eq!(thousands(n), text);
        }
    }

    #[test]
    fn a_disputed_year_shows_the_primary_year_first_then_the_others() {
        let founded = Founding::Disputed {
            year: 1996,
            detail: None,
            sources: Cow::Borrowed(&[]),
            other: Cow::Owned(vec![
                OtherYear {
                    year: 1986,
                    detail: None,
                    sources: Cow::Borrowed(&[]),
                },
                OtherYear {
                    year: 1993,
                    detail: None,
                    sources: Cow::Borrowed(&[]),
                },
            ]),
        };
        assert_eq!(founding(&founded), "1996 (also given as 1986 or 1993)");
    }

    #[test]
    fn real_foundings_read_as_expected() {
        let data = dataset();
        let text = |acronym: &str| founding(&data.association(acronym).expect("in data").founded);
        assert_eq!(text("SOM"), "1974");
        assert_eq!(text("AIM"), "1998 (also given as 1999)");
        assert_eq!(text("INDIERO"), "unknown (2011–2019)");
    }

    #[test]
    fn runda_covers_eight_countries_named_in_english() {
        let data = dataset();
        let runda = data.association("RUNDA").expect("in data");
        assert_eq!(
            country_names(data, runda.countries.iter().map(|c| c.as_ref())),
            "Slovenia, Croatia, Serbia, Bosnia and Herzegovina, Kosovo, Montenegro, North Macedonia and Albania"
        );
    }

    #[test]
    fn member_counts_carry_their_qualifier_unit_and_year() {
        let data = dataset();
        let first =
            |acronym: &str| members(&data.association(acronym).expect("in data").members[0]);
        assert_eq!(first("AIM"), "over 1,000 members (2020)");
        assert_eq!(first("FELIN"), "about 1,500 labels (2020)");
        assert_eq!(first("UPFI"), "78 members");
    }

    #[test]
    fn a_country_summary_names_the_country_and_each_association_with_its_year() {
        let data = dataset();
        assert_eq!(country_summary(data, "DE"), "Germany: VUT, founded 1993");
        assert_eq!(
            country_summary(data, "FR"),
            "France: UPFI, founded 1996 (also given as 1986 or 1993); FELIN, founding year unknown (2010–2020)"
        );
        assert_eq!(country_summary(data, "ZZ"), "ZZ");
    }

    #[test]
    fn selecting_announces_the_association_or_the_choice() {
        use crate::state::Selection;
        let data = dataset();
        assert_eq!(
            selection_announcement(data, Some(Selection::Association("VUT"))),
            "VUT selected: Verband Unabhängiger Musikunternehmer, Germany, founded 1993. The details follow the map."
        );
        assert_eq!(
            selection_announcement(data, Some(Selection::Country("IT"))),
            "Italy selected: 2 associations, PMI and AUDIOCOOP. Choose one in the details."
        );
        assert_eq!(selection_announcement(data, None), "");
    }
}
