//! The growth of the network against the real data: the running totals end on the headline
//! figures, agree with counts made here independently, never go down, and read well; and the
//! chart drawn from them matches them.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::expect_used, clippy::panic)] // test code: a failed expectation is a failed test

use impala_map::chart::{chart_summary, growth_chart_svg, ChartStyle};
use impala_map::data::{dataset, Dataset, Founding};
use impala_map::growth::{describe, series, status, totals, year_range, Status};
use impala_map::i18n::{Lang, Strings};
use std::collections::BTreeSet;

fn en() -> &'static Strings {
    Lang::EN.strings()
}

/// Associations and countries certainly there by the end of `year`, counted without `growth`:
/// a known (or primary) year up to `year`, or an unknown range whose last year is up to `year`.
fn count_by_hand(data: &Dataset, year: u16) -> (usize, usize) {
    let founded: Vec<_> = data
        .associations
        .iter()
        .filter(|a| match &a.founded {
            Founding::Exact { year: y, .. } | Founding::Disputed { year: y, .. } => *y <= year,
            Founding::Unknown { latest, .. } => *latest <= year,
        })
        .collect();
    let countries: BTreeSet<&str> = founded
        .iter()
        .flat_map(|a| a.countries.iter().map(|c| c.as_ref()))
        .collect();
    (founded.len(), countries.len())
}

#[test]
fn the_last_year_shows_every_association_and_country_of_the_headline() {
    let headline = dataset().headline();
    let (_, last) = year_range(dataset());
    let end = totals(dataset(), last);
    assert_eq!(
        (end.associations, end.countries, end.possible),
        (headline.associations, headline.countries, 0)
    );
    assert_eq!((end.associations, end.countries), (22, 27));
}

#[test]
fn the_totals_of_chosen_years_match_a_count_made_by_hand() {
    for year in [1974, 1990, 2003, 2005, 2010, 2018, 2019, 2020] {
        let t = totals(dataset(), year);
        assert_eq!(
            (t.associations, t.countries),
            count_by_hand(dataset(), year),
            "{year}"
        );
    }
}

#[test]
fn the_totals_of_1990_2003_and_2005_are_as_the_data_says() {
    // SOM 1974, FONO 1980, PIL 1988 by 1990; then VUT 1993, UPFI 1996, AIM 1998, AUDIOCOOP 2000,
    // DUP and INDIECO 2002, UFI and VTMÖ 2003; PMI 2005.
    let cases = [
        (1990, "1990: 3 associations in 3 countries"),
        (2003, "2003: 11 associations in 11 countries"),
        (2005, "2005: 12 associations in 11 countries"),
    ];
    for (year, expected) in cases {
        assert_eq!(describe(en(), &totals(dataset(), year)), expected);
    }
}

#[test]
fn the_totals_never_go_down_from_one_year_to_the_next() {
    let all = series(dataset());
    for pair in all.windows(2) {
        let (before, after) = (&pair[0], &pair[1]);
        assert_eq!(after.year, before.year + 1);
        assert!(
            after.associations >= before.associations && after.countries >= before.countries,
            "{} -> {}",
            describe(en(), before),
            describe(en(), after)
        );
        assert!(after.associations + after.possible >= before.associations + before.possible);
    }
}

#[test]
fn the_series_has_one_entry_per_year_of_the_range() {
    let (first, last) = year_range(dataset());
    let all = series(dataset());
    assert_eq!(all.len(), usize::from(last - first) + 1);
    assert_eq!(all.first().map(|t| t.year), Some(first));
    assert_eq!(all.last().map(|t| t.year), Some(last));
}

#[test]
fn new_associations_are_listed_in_their_founding_year() {
    let cases: [(u16, &[&str]); 6] = [
        (1974, &["SOM"]),
        (1975, &[]),
        (1980, &["FONO"]),
        (2002, &["DUP", "INDIECO"]),
        (2018, &["ANPM", "HAIL", "RUNDA"]),
        // INDIERO becomes certain in 2019, but nobody knows it was founded then.
        (2019, &[]),
    ];
    for (year, expected) in cases {
        assert_eq!(totals(dataset(), year).new, expected, "{year}");
    }
    let listed: usize = series(dataset()).iter().map(|t| t.new.len()).sum();
    let known = dataset()
        .associations
        .iter()
        .filter(|a| a.founded.year().is_some())
        .count();
    assert_eq!(
        listed, known,
        "every association with a known year is new once"
    );
}

#[test]
fn indiero_is_possibly_there_from_2011_and_certainly_from_2019() {
    let founded = &dataset()
        .association("INDIERO")
        .expect("INDIERO is in the data")
        .founded;
    for (year, expected) in [
        (2010, Status::NotYet),
        (2011, Status::Possibly),
        (2015, Status::Possibly),
        (2018, Status::Possibly),
        (2019, Status::Founded),
        (2020, Status::Founded),
    ] {
        assert_eq!(status(founded, year), expected, "{year}");
    }
}

#[test]
fn the_unknown_years_show_as_possible_associations() {
    let cases = [
        (2009, 0),
        (2010, 1),
        (2011, 2),
        (2018, 2),
        (2019, 1),
        (2020, 0),
    ];
    for (year, possible) in cases {
        assert_eq!(totals(dataset(), year).possible, possible, "{year}");
    }
    assert_eq!(
        describe(en(), &totals(dataset(), 2012)),
        "2012: 16 associations in 15 countries, and 2 more associations whose founding years are unknown"
    );
}

/// `attribute="value"` of the first tag in `tag` text.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = tag[start..].find('"')?;
    Some(&tag[start..start + end])
}

#[test]
fn the_chart_of_the_real_data_has_a_step_line_per_figure_and_a_summary_that_matches() {
    let all = series(dataset());
    let style = ChartStyle::default();
    let svg = growth_chart_svg(&all, Some(2003), &style);
    let polylines: Vec<&str> = svg
        .split('<')
        .filter(|tag| tag.starts_with("polyline"))
        .collect();
    for colour in [style.associations, style.countries] {
        let stroke = format!("#{:02X}{:02X}{:02X}", colour.0, colour.1, colour.2);
        let line = polylines
            .iter()
            .find(|tag| attribute(tag, "stroke") == Some(stroke.as_str()))
            .unwrap_or_else(|| panic!("a line in {stroke}"));
        let points = attribute(line, "points")
            .expect("points")
            .split_whitespace();
        assert_eq!(points.count(), 2 * all.len(), "two points per year");
    }
    assert_eq!(
        chart_summary(en(), &all, Some(2003)),
        "From 1 association in 1 country in 1974 to 22 associations in 27 countries in 2020; \
         in 2003: 11 associations in 11 countries."
    );
}

/// The chart of the real data (2003 chosen) at the default size and 320 px wide: an SVG of the
/// size asked for, with every text placed inside it (a label pushed out by a narrow screen
/// fails). Both are written to the temporary directory, as `growth.svg` and `growth-320.svg`, to look at:
/// `cargo test --test growth -- --nocapture`.
#[test]
fn the_chart_of_the_real_data_keeps_its_texts_inside_at_any_width() {
    let default = ChartStyle::default();
    let narrow = ChartStyle {
        width: 320,
        height: 220,
        ..default
    };
    for (name, style) in [("growth.svg", default), ("growth-320.svg", narrow)] {
        let svg = growth_chart_svg(&series(dataset()), Some(2003), &style);
        assert!(
            svg.contains(&format!("width=\"{}\"", style.width))
                && svg.contains(&format!("height=\"{}\"", style.height)),
            "{name}: not {}x{}",
            style.width,
            style.height
        );
        let mut texts = 0;
        for tag in svg.split("<text").skip(1) {
            let number = |attr: &str| -> Option<f64> {
                let at = tag.find(&format!(" {attr}=\""))? + attr.len() + 3;
                tag[at..].split('"').next()?.parse().ok()
            };
            let (Some(x), Some(y)) = (number("x"), number("y")) else {
                continue;
            };
            texts += 1;
            assert!(
                (0.0..=f64::from(style.width)).contains(&x)
                    && (0.0..=f64::from(style.height)).contains(&y),
                "{name}: a text at ({x}, {y}) outside {}x{}",
                style.width,
                style.height
            );
        }
        assert!(texts >= 6, "{name}: {texts} texts with a position");
        let path = std::env::temp_dir().join(name);
        std::fs::write(&path, &svg).expect("the temporary directory is writable");
        println!("{} ({} bytes)", path.display(), svg.len());
    }
}
