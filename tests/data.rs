//! The embedded data set against the article's figures, the data file itself, and the build-time
//! checks, each tried on a copy of the real file with one mistake made in it.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::expect_used, clippy::panic)] // test code: a failed expectation is a failed test

use impala_map::data::validate::{check, DataError};
use impala_map::data::{dataset, Dataset, Founding, Headline};

const DATA_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/associations.toml");

fn data_text() -> String {
    std::fs::read_to_string(DATA_FILE).expect("the data file is readable")
}

fn parse(text: &str) -> Dataset {
    toml::from_str(text).unwrap_or_else(|e| panic!("the data file should parse: {e}"))
}

/// The real file with `from` replaced by `to` (exactly once), parsed and checked.
fn check_with(from: &str, to: &str) -> Vec<DataError> {
    let text = data_text();
    assert_eq!(
        text.matches(from).count(),
        1,
        "{from:?} should occur once in the data file"
    );
    check(&parse(&text.replacen(from, to, 1)))
}

#[test]
fn the_headline_figures_match_the_article() {
    assert_eq!(
        dataset().headline(),
        Headline {
            territories: 20,
            associations: 22,
            countries: 27
        }
    );
}

#[test]
fn the_embedded_data_is_exactly_the_data_file() {
    assert_eq!(&parse(&data_text()), dataset());
}

#[test]
fn the_real_data_passes_every_check() {
    assert_eq!(check(dataset()), vec![]);
}

#[test]
fn the_article_runs_from_som_in_1974_to_runda_in_2018() {
    let by_year = dataset().associations_by_founding();
    assert_eq!(by_year.first().map(|a| a.acronym.as_ref()), Some("SOM"));
    assert_eq!(by_year.first().and_then(|a| a.founded.year()), Some(1974));
    let runda = dataset()
        .association("RUNDA")
        .expect("RUNDA is in the data");
    assert_eq!(runda.founded.year(), Some(2018));
    assert_eq!(runda.countries.len(), 8);
}

#[test]
fn disputed_years_show_the_articles_year_first_and_cite_every_other_year() {
    for (acronym, shown) in [
        ("AIM", 1998),
        ("UPFI", 1996),
        ("RUNDA", 2018),
        ("STOMP", 2009),
        ("INDIESUISSE", 2014),
    ] {
        let association = dataset().association(acronym).expect("in the data");
        match &association.founded {
            Founding::Disputed { year, other, .. } => {
                assert_eq!(*year, shown, "{acronym}");
                assert!(
                    !other.is_empty() && other.iter().all(|o| !o.sources.is_empty()),
                    "{acronym}"
                );
            }
            founded => panic!("{acronym} should be disputed, is {founded:?}"),
        }
        let article_gives_year = ["AIM", "UPFI", "RUNDA"].contains(&acronym);
        assert_eq!(
            association.founded.sources().iter().any(|s| s == "article"),
            article_gives_year,
            "{acronym}"
        );
    }
}

#[test]
fn unknown_years_are_ranges_not_guesses() {
    for (acronym, range) in [("INDIERO", (2011, 2019)), ("FELIN", (2010, 2020))] {
        match &dataset().association(acronym).expect("in the data").founded {
            Founding::Unknown {
                earliest, latest, ..
            } => assert_eq!((*earliest, *latest), range, "{acronym}"),
            founded => panic!("{acronym} should be unknown, is {founded:?}"),
        }
    }
}

#[test]
fn relations_the_article_names_are_recorded() {
    let audiocoop = dataset().association("AUDIOCOOP").expect("in the data");
    assert_eq!(
        audiocoop
            .represented_by
            .as_ref()
            .map(|r| r.association.as_ref()),
        Some("PMI")
    );
    let felin = dataset().association("FELIN").expect("in the data");
    assert_eq!(felin.joined_impala.as_ref().map(|j| j.year), Some(2020));
}

#[test]
fn impala_has_twenty_milestones_from_2001_to_2020() {
    let milestones = &dataset().milestones;
    assert_eq!(milestones.len(), 20);
    let years: Vec<u16> = milestones
        .iter()
        .flat_map(|m| m.years.iter().copied())
        .collect();
    assert_eq!(years.iter().min(), Some(&2001));
    assert_eq!(years.iter().max(), Some(&2020));
    assert_eq!(dataset().impala.founded, 2000);
}

#[test]
fn each_mistake_is_reported_with_its_entry_and_fix() {
    type Expect = fn(&DataError) -> bool;
    let cases: &[(&str, &str, &str, Expect)] = &[
        ("unknown country code", "countries = [\"GB\"]", "countries = [\"GX\"]",
            |e| matches!(e, DataError::UnknownCountry { entry, code } if entry == "association \"AIM\"" && code == "GX")),
        ("malformed country code", "countries = [\"GB\"]", "countries = [\"uk\"]",
            |e| matches!(e, DataError::MalformedCountryCode { code, .. } if code == "uk")),
        ("duplicate acronym", "acronym = \"BIMA\"", "acronym = \"AIM\"",
            |e| matches!(e, DataError::Duplicate { what: "association acronym", key } if key == "AIM")),
        ("year before 1900", "year = 1974", "year = 1874",
            |e| matches!(e, DataError::YearOutOfRange { entry, year: 1874 } if entry == "association \"SOM\"")),
        ("year after 2100", "years = [2019]", "years = [2190]",
            |e| matches!(e, DataError::YearOutOfRange { year: 2190, .. })),
        ("disputed year without a source", "sources = [\"bbc-2001\", \"sos-2004\"]", "sources = []",
            |e| matches!(e, DataError::Unsourced { entry, fact: "other founding year" } if entry == "association \"AIM\"")),
        ("disputed year with no other year", "[[association.founded.other]]\nyear = 2019\nsources = [\"monitor-hr-2025\"]\n", "",
            |e| matches!(e, DataError::BadDispute { entry, .. } if entry == "association \"RUNDA\"")),
        ("association without a territory", "territory = \"united-kingdom\"\n", "",
            |e| matches!(e, DataError::Missing { entry, field: "territory", .. } if entry == "association \"AIM\"")),
        ("unknown territory", "territory = \"united-kingdom\"", "territory = \"britain\"",
            |e| matches!(e, DataError::UnknownTerritory { territory, .. } if territory == "britain")),
        ("unknown source", "sources = [\"bima-blog\"]", "sources = [\"gafa\"]",
            |e| matches!(e, DataError::UnknownSource { source, .. } if source == "gafa")),
        ("listed country nobody covers", "[[country]]\ncode = \"AL\"", "[[country]]\ncode = \"TR\"\nnative_names = [\"Türkiye\"]\n\n[[country]]\ncode = \"AL\"",
            |e| matches!(e, DataError::UncoveredCountry { code } if code == "TR")),
        ("representation by an unknown association", "association = \"PMI\"", "association = \"PMX\"",
            |e| matches!(e, DataError::UnknownAssociation { acronym, .. } if acronym == "PMX")),
        ("empty unknown range", "earliest = 2011", "earliest = 2021",
            |e| matches!(e, DataError::EmptyRange { earliest: 2021, latest: 2019, .. })),
        ("web address without scheme", "website = \"https://www.vut.de\"", "website = \"vut.de\"",
            |e| matches!(e, DataError::BadUrl { url, .. } if url == "vut.de")),
        ("milestone years out of order", "years = [2006, 2007]", "years = [2007, 2006]",
            |e| matches!(e, DataError::BadMilestoneYears { .. })),
        ("source name without its language", "title = \"SOM 50 år\"\nlang = \"sv\"\n", "title = \"SOM 50 år\"\n",
            |e| matches!(e, DataError::Missing { entry, field: "lang", .. } if entry == "source \"som-50-ar\"")),
        ("native name without its language", "name_native_lang = \"sv\"\n", "",
            |e| matches!(e, DataError::Missing { entry, field: "name_native_lang", .. } if entry == "association \"SOM\"")),
        ("native name's language not a code", "name_native_lang = \"pt\"", "name_native_lang = \"Portuguese\"",
            |e| matches!(e, DataError::BadLanguage { entry, tag } if entry == "association \"AMAEI\"" && tag == "Portuguese")),
    ];
    for (name, from, to, expected) in cases {
        let errors = check_with(from, to);
        assert!(
            errors.iter().any(expected),
            "{name}: expected error not among {errors:?}"
        );
        for error in &errors {
            let message = error.to_string();
            assert!(
                message.contains(':'),
                "{name}: message {message:?} should say what to fix"
            );
        }
    }
}

#[test]
fn a_missing_required_field_is_a_parse_error_that_names_the_line() {
    let text = data_text().replacen("acronym = \"DUP\"\n", "", 1);
    let error = toml::from_str::<Dataset>(&text)
        .expect_err("an association without an acronym cannot be read");
    let message = error.to_string();
    assert!(
        message.contains("acronym") && message.contains("line"),
        "{message}"
    );
}

#[test]
fn an_unknown_field_is_refused_rather_than_ignored() {
    let text = data_text().replacen(
        "website = \"https://som.se\"",
        "website = \"https://som.se\"\nfounder = \"someone\"",
        1,
    );
    let error =
        toml::from_str::<Dataset>(&text).expect_err("a misspelt field must not pass silently");
    assert!(error.to_string().contains("founder"), "{error}");
}

#[test]
/// (Its words, the country's and territory's names, go in the language files, which the build
/// checks against the data: see `impala_map::i18n::pack`.)
fn adding_a_member_is_a_data_only_change() {
    let addition = r#"
[[source]]
id = "test-source"
title = "Test"
lang = "en"

[[country]]
code = "TR"
native_names = ["Türkiye"]

[[territory]]
id = "turkiye"

[[association]]
acronym = "NEWCO"
territory = "turkiye"
countries = ["TR"]
founded = { certainty = "exact", year = 2021, sources = ["test-source"] }
sources = ["test-source"]
"#;
    // TOML arrays of tables may continue anywhere in the file, so appending is enough.
    let data = parse(&format!("{}{addition}", data_text()));
    assert_eq!(check(&data), vec![]);
    assert_eq!(
        data.headline(),
        Headline {
            territories: 21,
            associations: 23,
            countries: 28
        }
    );
    assert!(
        impala_map::geo::europe::EUROPE.shape("TR").is_some(),
        "the prepared map has a shape for Türkiye"
    );
}
