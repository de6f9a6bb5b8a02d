//! How the network grew, year by year: which associations certainly existed in a year, the
//! countries they covered, those that may have existed, and the words for it. Computed from the
//! data, never typed in. Pure: no `yew`, no `web_sys`.
//!
//! An association counts from the year it was founded, by the year the app shows first
//! ([`Founding::year`]). For a disputed founding that is the primary year: the other years the
//! sources give are shown on the timeline, but the running totals follow the primary year only
//! (UPFI counts from 1996, not from 1986 or 1993). An association whose founding year is unknown
//! counts from the last year it can have been founded (`latest`), and is "possibly" there from
//! `earliest` to the year before (see [`status`]).

use crate::data::{Dataset, Founding};
use crate::i18n::{fill, Strings};

/// The last year of every series is at least this one: the year of IMPALA's article (the data's
/// first source, whose figures describe the network in 2020) and of its last milestones, so a
/// chart or slider always reaches the state of the network the article describes. The one
/// definition of the last year: the timeline's axis ends just after it.
pub const LAST_YEAR_AT_LEAST: u16 = 2020;

/// The years the growth of the network is told over, both inclusive: `(first, last)`.
///
/// - `first` is the earliest founding year any association may have: its shown year, any other
///   year a source gives for a disputed founding (so the range covers every year the timeline
///   shows), or the start of an unknown range. 1974 (SOM) today.
/// - `last` is the latest year found anywhere in the founding and milestone data (shown and other
///   founding years, the `latest` end of unknown ranges, every milestone year, IMPALA's founding),
///   so the last year shows everything the data records as done; and at least
///   [`LAST_YEAR_AT_LEAST`]. Membership counts and joining years do not extend it: they are not
///   about the network's growth. 2020 today, the year the article's figures describe.
///
/// With no associations at all, `first` is IMPALA's founding year. `first <= last` always.
pub fn year_range(data: &Dataset) -> (u16, u16) {
    let mentioned = || {
        data.associations
            .iter()
            .flat_map(|a| founding_years(&a.founded))
    };
    let first = mentioned().min().unwrap_or(data.impala.founded);
    let latest = mentioned()
        .chain(data.milestones.iter().flat_map(|m| m.years.iter().copied()))
        .chain(std::iter::once(data.impala.founded))
        .max()
        .unwrap_or(data.impala.founded);
    let last = latest.max(LAST_YEAR_AT_LEAST).max(first);
    (first, last)
}

/// Every year a founding mentions: the shown year and the other years, or the unknown range's
/// two ends.
fn founding_years(founded: &Founding) -> Vec<u16> {
    match founded {
        Founding::Exact { year, .. } => vec![*year],
        Founding::Disputed { year, other, .. } => std::iter::once(*year)
            .chain(other.iter().map(|o| o.year))
            .collect(),
        Founding::Unknown {
            earliest, latest, ..
        } => vec![*earliest, *latest],
    }
}

/// Where an association stands in a given year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Not founded yet (or, for an unknown year, certainly not yet: before `earliest`).
    NotYet,
    /// Certainly there, founded in an earlier year (or, for an unknown year, from `latest` on).
    Founded,
    /// Founded in this very year.
    FoundedThisYear,
    /// Its founding year is unknown and this year lies in its range, before `latest`: it may or
    /// may not exist yet.
    Possibly,
}

impl Status {
    /// True when the association certainly exists in that year ([`Status::Founded`] or
    /// [`Status::FoundedThisYear`]).
    pub fn is_certain(self) -> bool {
        matches!(self, Status::Founded | Status::FoundedThisYear)
    }
}

/// Where an association with this founding stands in `year`.
///
/// - Exact and disputed: [`Status::NotYet`] before the shown (primary) year,
///   [`Status::FoundedThisYear`] in it, [`Status::Founded`] after. A disputed founding's other
///   years do not count.
/// - Unknown, founded somewhere from `earliest` to `latest` (both inclusive): `latest` is the last
///   year it can have been founded in, so it certainly exists in `latest` and after
///   ([`Status::Founded`]: not [`Status::FoundedThisYear`], as nobody knows it was founded that
///   year); from `earliest` to `latest - 1` it is [`Status::Possibly`] there; before `earliest`,
///   [`Status::NotYet`]. INDIERO (2011–2019): not yet in 2010, possibly in 2011 to 2018, founded
///   from 2019. A range of one year (`earliest == latest`) is a known year and reads like an
///   exact one.
pub fn status(founded: &Founding, year: u16) -> Status {
    let (certain_from, possible_from, known) = match founded {
        Founding::Exact { year, .. } | Founding::Disputed { year, .. } => (*year, *year, true),
        Founding::Unknown {
            earliest, latest, ..
        } => (*latest, *earliest.min(latest), earliest >= latest),
    };
    if year < possible_from {
        Status::NotYet
    } else if year < certain_from {
        Status::Possibly
    } else if year == certain_from && known {
        Status::FoundedThisYear
    } else {
        Status::Founded
    }
}

/// The state of the network in one year (at its end: foundings of that year included).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearTotals {
    pub year: u16,
    /// Associations certainly founded by then ([`Status::is_certain`]).
    pub associations: usize,
    /// Distinct countries covered by those associations.
    pub countries: usize,
    /// Associations whose founding year is unknown and that may exist by then
    /// ([`Status::Possibly`]); not included in `associations`.
    pub possible: usize,
    /// Acronyms of the associations founded in that very year ([`Status::FoundedThisYear`]), in
    /// the data's order.
    pub new: Vec<&'static str>,
}

/// How a country stands in a year of the slider: the best status of its associations (founded
/// that very year, then founded, then possibly founded, then not yet).
pub fn country_status(data: &Dataset, code: &str, year: u16) -> Status {
    let rank = |status: &Status| match status {
        Status::FoundedThisYear => 3,
        Status::Founded => 2,
        Status::Possibly => 1,
        Status::NotYet => 0,
    };
    data.associations_in(code)
        .map(|a| status(&a.founded, year))
        .max_by_key(rank)
        .unwrap_or(Status::NotYet)
}

/// The state of the network in `year`.
pub fn totals(data: &'static Dataset, year: u16) -> YearTotals {
    let mut associations = 0;
    let mut countries = Vec::new();
    let mut possible = 0;
    let mut new = Vec::new();
    for association in data.associations.iter() {
        let status = status(&association.founded, year);
        if status.is_certain() {
            associations += 1;
            countries.extend(association.countries.iter().map(|c| c.as_ref()));
        }
        match status {
            Status::Possibly => possible += 1,
            Status::FoundedThisYear => new.push(association.acronym.as_ref()),
            Status::NotYet | Status::Founded => {}
        }
    }
    YearTotals {
        year,
        associations,
        countries: crate::sorting::sorted_unique(countries).len(),
        possible,
        new,
    }
}

/// The state of the network in every year of [`year_range`], oldest first.
pub fn series(data: &'static Dataset) -> Vec<YearTotals> {
    let (first, last) = year_range(data);
    (first..=last).map(|year| totals(data, year)).collect()
}

/// The year's counts in words: ("1 association", "2 countries").
pub fn counts(t: &Strings, totals: &YearTotals) -> (String, String) {
    (
        t.count(t.n_associations(), totals.associations, &[]),
        t.count(t.n_countries(), totals.countries, &[]),
    )
}

/// The state of a year in words, as the year slider speaks it: "2003: 11 associations in 13
/// countries", "1974: 1 association in 1 country", and when some may exist without their year
/// being known, ", and 1 more association whose founding year is unknown" (or "2 more associations whose founding years
/// are unknown").
pub fn describe(t: &Strings, totals: &YearTotals) -> String {
    let (associations, countries) = counts(t, totals);
    let mut text = fill(
        t.year_totals(),
        &[
            ("year", &totals.year.to_string()),
            ("associations", &associations),
            ("countries", &countries),
        ],
    );
    if totals.possible > 0 {
        text.push_str(&t.count(t.n_more_unknown(), totals.possible, &[]));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{dataset, OtherYear};
    use crate::i18n::Lang;
    use std::borrow::Cow;

    fn exact(year: u16) -> Founding {
        Founding::Exact {
            year,
            sources: Cow::Borrowed(&[]),
        }
    }

    fn disputed(year: u16, others: &[u16]) -> Founding {
        Founding::Disputed {
            year,
            sources: Cow::Borrowed(&[]),
            other: others
                .iter()
                .map(|&year| OtherYear {
                    year,
                    sources: Cow::Borrowed(&[]),
                })
                .collect(),
        }
    }

    fn unknown(earliest: u16, latest: u16) -> Founding {
        Founding::Unknown {
            earliest,
            latest,
            sources: Cow::Borrowed(&[]),
        }
    }

    #[test]
    fn each_kind_of_founding_has_a_status_in_every_year() {
        use Status::*;
        let cases: [(&str, Founding, u16, Status); 14] = [
            ("exact, the year before", exact(1974), 1973, NotYet),
            ("exact, the year itself", exact(1974), 1974, FoundedThisYear),
            ("exact, the year after", exact(1974), 1975, Founded),
            (
                "disputed, before the primary year",
                disputed(1996, &[1986, 1993]),
                1995,
                NotYet,
            ),
            (
                "disputed, in an other year",
                disputed(1996, &[1986, 1993]),
                1986,
                NotYet,
            ),
            (
                "disputed, the primary year",
                disputed(1996, &[1986]),
                1996,
                FoundedThisYear,
            ),
            (
                "disputed, a later other year",
                disputed(2009, &[2010]),
                2010,
                Founded,
            ),
            (
                "unknown, before the range",
                unknown(2011, 2019),
                2010,
                NotYet,
            ),
            (
                "unknown, its first year",
                unknown(2011, 2019),
                2011,
                Possibly,
            ),
            (
                "unknown, the year before its last",
                unknown(2011, 2019),
                2018,
                Possibly,
            ),
            ("unknown, its last year", unknown(2011, 2019), 2019, Founded),
            (
                "unknown, after the range",
                unknown(2011, 2019),
                2030,
                Founded,
            ),
            (
                "unknown, a range of one year",
                unknown(2015, 2015),
                2015,
                FoundedThisYear,
            ),
            (
                "unknown, before a range of one year",
                unknown(2015, 2015),
                2014,
                NotYet,
            ),
        ];
        for (case, founded, year, expected) in cases {
            assert_eq!(status(&founded, year), expected, "{case}");
        }
    }

    #[test]
    fn only_founded_and_founded_this_year_are_certain() {
        let certain = [
            (Status::NotYet, false),
            (Status::Founded, true),
            (Status::FoundedThisYear, true),
            (Status::Possibly, false),
        ];
        for (status, expected) in certain {
            assert_eq!(status.is_certain(), expected, "{status:?}");
        }
    }

    #[test]
    fn the_years_run_from_som_to_the_year_after_the_last_milestone() {
        assert_eq!(year_range(dataset()), (1974, 2020));
    }

    #[test]
    fn the_year_slider_speaks_counts_in_the_singular_and_plural() {
        let year = |year, associations, countries, possible| YearTotals {
            year,
            associations,
            countries,
            possible,
            new: vec![],
        };
        let cases = [
            (year(1974, 1, 1, 0), "1974: 1 association in 1 country"),
            (year(1980, 2, 2, 0), "1980: 2 associations in 2 countries"),
            (year(1960, 0, 0, 0), "1960: 0 associations in 0 countries"),
            (
                year(2012, 13, 20, 1),
                "2012: 13 associations in 20 countries, and 1 more association whose founding year is unknown",
            ),
            (
                year(2015, 15, 21, 2),
                "2015: 15 associations in 21 countries, and 2 more associations whose founding years are unknown",
            ),
        ];
        for (totals, expected) in cases {
            assert_eq!(describe(Lang::EN.strings(), &totals), expected);
        }
    }

    #[test]
    fn countries_fade_in_with_their_first_association() {
        let data = dataset();
        assert_eq!(country_status(data, "SE", 1973), Status::NotYet);
        assert_eq!(country_status(data, "SE", 1974), Status::FoundedThisYear);
        assert_eq!(country_status(data, "SE", 1975), Status::Founded);
        // France: UPFI (1996) counts; FELIN's unknown year does not make it "possibly".
        assert_eq!(country_status(data, "FR", 2012), Status::Founded);
        // Romania: INDIERO's year is unknown (2011-2019).
        assert_eq!(country_status(data, "RO", 2010), Status::NotYet);
        assert_eq!(country_status(data, "RO", 2015), Status::Possibly);
        assert_eq!(country_status(data, "RO", 2019), Status::Founded);
    }
}
