//! The app's view in the URL: good and hostile queries, the round trip from a state to its query
//! and back, and from the app's state to a URL and back.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::expect_used, clippy::panic)] // test code: a failed expectation is a failed test

use impala_map::data::{covered_country_codes, dataset};
use impala_map::geo::europe::EUROPE;
use impala_map::geo::viewport::{Viewport, MAX_ZOOM, MIN_ZOOM};
use impala_map::state::{year_range, Action, AppState};
use impala_map::url::{
    from_query, parse_query, to_query, validate, Lang, Problem, UrlState, Warning, MAX_PAIRS,
    MAX_QUERY_BYTES,
};
use impala_map::vocab::{Colouring, Selection, Theme, View};
use proptest::prelude::*;

/// The state a query gives, failing on any warning.
fn clean(query: &str) -> UrlState {
    let (state, warnings) = from_query(query);
    assert!(warnings.is_empty(), "{query:?}: {warnings:?}");
    state
}

#[test]
fn the_default_state_has_an_empty_query_and_an_empty_query_is_the_default() {
    assert_eq!(to_query(&UrlState::default()), "");
    for query in ["", "?", "&&", "?&"] {
        assert_eq!(clean(query), UrlState::default(), "{query:?}");
    }
}

#[test]
fn good_values_give_their_state() {
    let (first, last) = year_range();
    let at = |zoom, x, y| Some((zoom, [x, y]));
    let centre = [EUROPE.width / 2.0, EUROPE.height / 2.0];
    let with = |change: &dyn Fn(&mut UrlState)| {
        let mut state = UrlState::default();
        change(&mut state);
        state
    };
    let cases: Vec<(&str, UrlState)> = vec![
        ("view=timeline", with(&|s| s.view = View::Timeline)),
        ("?view=table", with(&|s| s.view = View::Table)),
        ("view=list", with(&|s| s.view = View::Table)),
        ("view=both", with(&|s| s.view = View::Map)),
        ("view=Timeline", with(&|s| s.view = View::Timeline)),
        ("year=2003", with(&|s| s.year = Some(2003))),
        ("select=VUT", with(&|s| s.selection = Some(Selection::Association("VUT")))),
        ("select=VTM%C3%96", with(&|s| s.selection = Some(Selection::Association("VTMÖ")))),
        ("select=VTMÖ", with(&|s| s.selection = Some(Selection::Association("VTMÖ")))),
        ("select=vtmo", with(&|s| s.selection = Some(Selection::Association("VTMÖ")))),
        ("select=runda", with(&|s| s.selection = Some(Selection::Association("RUNDA")))),
        ("select=country:FR", with(&|s| s.selection = Some(Selection::Country("FR")))),
        ("select=country%3Afr", with(&|s| s.selection = Some(Selection::Country("FR")))),
        ("select=country:XK", with(&|s| s.selection = Some(Selection::Country("XK")))),
        ("zoom=2.5&at=512.3,640.1", with(&|s| s.zoom = at(2.5, 512.3, 640.1))),
        ("at=512.3,640.1&zoom=2.5", with(&|s| s.zoom = at(2.5, 512.3, 640.1))),
        ("zoom=12&at=0,0", with(&|s| s.zoom = at(MAX_ZOOM, 0.0, 0.0))),
        ("zoom=3", with(&|s| s.zoom = Some((3.0, centre)))),
        ("colour=period", with(&|s| s.colouring = Colouring::Period)),
        ("theme=dark", with(&|s| s.theme = Theme::Dark)),
        ("theme=contrast", with(&|s| s.theme = Theme::Contrast)),
        ("lang=fr", with(&|s| s.lang = Some(Lang::from_code("fr").unwrap()))),
        ("lang=DE", with(&|s| s.lang = Some(Lang::from_code("de").unwrap()))),
        ("kiosk=1", with(&|s| s.kiosk = true)),
        ("kiosk=true", with(&|s| s.kiosk = true)),
        ("kiosk", with(&|s| s.kiosk = true)),
        ("kiosk=0", UrlState::default()),
        ("controls=0", with(&|s| s.controls = false)),
        ("controls=false", with(&|s| s.controls = false)),
        (
            "view=timeline&year=1999&select=country:IT&colour=period&theme=light&lang=de&kiosk=1&controls=0",
            UrlState {
                view: View::Timeline,
                year: Some(1999),
                selection: Some(Selection::Country("IT")),
                zoom: None,
                colouring: Colouring::Period,
                theme: Theme::Light,
                lang: Some(Lang::from_code("de").unwrap()),
                kiosk: true,
                controls: false,
            },
        ),
    ];
    for (query, expected) in cases {
        assert_eq!(clean(query), expected, "{query:?}");
    }
    for year in [first, last] {
        assert_eq!(clean(&format!("year={year}")).year, Some(year));
    }
}

#[test]
fn bad_values_keep_the_default_and_warn_naming_the_key() {
    let long = "A".repeat(100_000);
    let cases: Vec<(String, &str)> = vec![
        ("year=99999".into(), "year"),
        ("year=-1".into(), "year"),
        ("year=abc".into(), "year"),
        ("year=1900".into(), "year"),
        ("year=".into(), "year"),
        ("select=NOPE".into(), "select"),
        ("select=<script>alert(1)</script>".into(), "select"),
        (
            "select=%3Cscript%3Ealert(1)%3C%2Fscript%3E".into(),
            "select",
        ),
        ("select=country:GR".into(), "select"),
        ("select=country:".into(), "select"),
        ("select=".into(), "select"),
        ("select=%FF%FE".into(), "select"),
        ("select=".to_owned() + &"B".repeat(300), "select"),
        ("select=".to_owned() + &long, "select"),
        // Past the limit between two parameters: the warning names no key.
        ("&".repeat(10_000) + "year=2003", ""),
        ("zoom=1e308".into(), "zoom"),
        ("zoom=NaN".into(), "zoom"),
        ("zoom=inf".into(), "zoom"),
        ("zoom=0.5".into(), "zoom"),
        ("zoom=13".into(), "zoom"),
        ("zoom=2&at=1,2,3".into(), "at"),
        ("zoom=2&at=-1,5".into(), "at"),
        ("zoom=2&at=5,99999".into(), "at"),
        ("zoom=2&at=NaN,5".into(), "at"),
        ("zoom=2&at=5".into(), "at"),
        ("at=500,500".into(), "at"),
        ("zoom=abc&at=500,500".into(), "at"),
        ("view=globe".into(), "view"),
        ("view=".into(), "view"),
        ("colour=rainbow".into(), "colour"),
        ("theme=%00dark".into(), "theme"),
        ("lang=xx".into(), "lang"),
        ("kiosk=yes please".into(), "kiosk"),
        ("controls=2".into(), "controls"),
        ("utm_source=newsletter".into(), "utm_source"),
        ("Year=2003".into(), "Year"),
        ("%FF=1".into(), "\u{FFFD}"),
    ];
    for (query, key) in cases {
        let (state, warnings) = from_query(&query);
        let shown: String = query.chars().take(60).collect();
        let zoom_survives = query.starts_with("zoom=2&");
        let expected = UrlState {
            zoom: zoom_survives.then_some((2.0, [EUROPE.width / 2.0, EUROPE.height / 2.0])),
            ..UrlState::default()
        };
        assert_eq!(state, expected, "{shown:?}");
        assert!(
            warnings.iter().any(|w| w.key == key),
            "{shown:?}: no warning names {key}: {warnings:?}"
        );
        for warning in &warnings {
            let text = warning.to_string();
            assert!(text.starts_with("ignored ") && text.len() < 400, "{text}");
            assert!(!text.chars().any(char::is_control), "{text:?}");
        }
    }
}

#[test]
fn warnings_read_like_sentences() {
    let (first, last) = year_range();
    let message = |query: &str| -> Vec<String> {
        from_query(query).1.iter().map(Warning::to_string).collect()
    };
    assert_eq!(
        message("year=99999"),
        [format!(
            "ignored year=99999: not a year between {first} and {last}"
        )]
    );
    assert_eq!(
        message("zoom=2&at=1,2,3"),
        ["ignored at=1,2,3: not a point x,y inside the map (x from 0 to 1000, y from 0 to 1049)"]
    );
    assert_eq!(
        message("view=globe"),
        ["ignored view=globe: not one of map, timeline, table, list, both"]
    );
    assert_eq!(
        message("at=5,5"),
        ["ignored at=5,5: a centre needs a valid zoom"]
    );
    assert_eq!(
        message("fbclid=abc"),
        ["ignored fbclid=abc: not a key of this app's URLs"]
    );
    let long = message(&format!("select={}", "x".repeat(300)));
    assert_eq!(
        long,
        [format!(
            "ignored select={}…: longer than 200 characters",
            "x".repeat(40)
        )]
    );
    assert_eq!(
        message("theme=%1B%5B31mred"),
        ["ignored theme=\\u{1b}[31mred: not one of auto, light, dark, contrast"]
    );
}

#[test]
fn the_last_occurrence_wins_and_the_earlier_is_reported() {
    let (state, warnings) = from_query("view=map&view=table");
    assert_eq!(state.view, View::Table);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(
        (
            warnings[0].key.as_str(),
            warnings[0].value.as_str(),
            &warnings[0].problem
        ),
        ("view", "map", &Problem::Repeated)
    );
    // A last value that cannot be read still replaces the earlier one.
    let (state, warnings) = from_query("select=VUT&select=%FF");
    assert_eq!(state.selection, None);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert_eq!(warnings[1].problem, Problem::NotUtf8);
}

#[test]
fn only_the_first_bytes_and_parameters_are_read() {
    // Everything within the limit is read; the parameter crossing it is not.
    let within = |bytes: usize| {
        let filler = "a".repeat(bytes - "year=2003&&lang=fr".len());
        format!("year=2003&{filler}&lang=fr")
    };
    let (state, warnings) = from_query(&within(MAX_QUERY_BYTES));
    assert_eq!(
        (state.year, state.lang),
        (Some(2003), Some(Lang::from_code("fr").unwrap()))
    );
    assert_eq!(warnings.len(), 1, "only the unknown key aaa…");
    let (state, warnings) = from_query(&within(MAX_QUERY_BYTES + 1));
    assert_eq!((state.year, state.lang), (Some(2003), None));
    assert_eq!(
        warnings.last().map(|w| (w.to_string(), &w.problem)),
        Some((
            "ignored lang=fr and the rest of the query: the query is longer than 4096 bytes"
                .to_owned(),
            &Problem::QueryTooLong
        ))
    );
    // The leading `?` does not count.
    let (state, _) = from_query(&format!("?{}", within(MAX_QUERY_BYTES)));
    assert_eq!(state.lang, Some(Lang::from_code("fr").unwrap()));
    let many = vec!["x=1"; MAX_PAIRS].join("&") + "&lang=fr";
    let (state, warnings) = from_query(&many);
    assert_eq!(state.lang, None);
    assert_eq!(warnings.len(), MAX_PAIRS + 1);
    assert_eq!(
        warnings.last().map(|w| (w.key.as_str(), &w.problem)),
        Some(("lang", &Problem::TooManyPairs))
    );
}

#[test]
fn the_query_is_written_in_a_fixed_order_percent_encoded() {
    let state = UrlState {
        view: View::Table,
        year: Some(2003),
        selection: Some(Selection::Association("VTMÖ")),
        zoom: Some((2.5, [512.345, 640.1])),
        colouring: Colouring::Period,
        theme: Theme::Contrast,
        lang: Some(Lang::from_code("de").unwrap()),
        kiosk: true,
        controls: false,
    };
    assert_eq!(
        to_query(&state),
        "view=table&year=2003&select=VTM%C3%96&zoom=2.5&at=512.35,640.1&colour=period\
         &theme=contrast&lang=de&kiosk=1&controls=0"
    );
    let country = UrlState {
        selection: Some(Selection::Country("FR")),
        ..UrlState::default()
    };
    assert_eq!(to_query(&country), "select=country:FR");
}

#[test]
fn more_decimals_are_read_and_written_back_rounded() {
    let state = clean("zoom=2.555&at=100.004,200.996");
    assert_eq!(state.zoom, Some((2.555, [100.004, 200.996])));
    assert_eq!(to_query(&state), "zoom=2.56&at=100,201");
    assert_eq!(clean(&to_query(&state)), state.canonical());
}

#[test]
fn a_url_restores_the_apps_view_and_the_app_gives_its_url() {
    let (url, _) = from_query(
        "view=timeline&year=1999&select=country:AT&zoom=3&at=600,700&colour=period&lang=fr",
    );
    let app = url.apply_to(&AppState::default());
    assert_eq!(app.view, View::Timeline);
    assert_eq!(app.year, 1999);
    // Austria has one association: it is selected, as a click on Austria would.
    assert_eq!(app.selection, Some(Selection::Association("VTMÖ")));
    assert_eq!(app.colouring, Colouring::Period);
    assert_eq!(app.viewport, Viewport::at(3.0, [600.0, 700.0], &EUROPE));
    let back = UrlState::of_state(&app, &url);
    assert_eq!(back.lang, Some(Lang::from_code("fr").unwrap()));
    assert_eq!(
        to_query(&back),
        "view=timeline&year=1999&select=VTM%C3%96&zoom=3&at=600,700&colour=period&lang=fr"
    );
    // A URL without year, selection or zoom clears them: Back to the start view.
    let start = UrlState::default().apply_to(&app);
    let (_, last) = year_range();
    assert_eq!(
        (start.year, start.selection, start.viewport, start.view),
        (last, None, Viewport::home(), View::Map)
    );
    assert_eq!(
        to_query(&UrlState::of_state(&start, &UrlState::default())),
        ""
    );
    // What the URL does not hold stays.
    let sorted = AppState::default().apply(Action::SortBy(impala_map::vocab::SortKey::Name));
    assert_eq!(UrlState::default().apply_to(&sorted).sort, sorted.sort);
}

/// Any text, biased towards the query's own shapes: known keys, escapes, separators.
fn query_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("&".to_owned()),
        Just("=".to_owned()),
        Just("?".to_owned()),
        Just("%".to_owned()),
        "(view|year|select|zoom|at|colour|theme|lang|kiosk|controls)=",
        "%[0-9A-Fa-f]{2}",
        "[0-9.,:eE+-]{1,8}",
        "\\PC{1,8}",
        ".{1,4}",
    ];
    prop_oneof![
        any::<String>(),
        prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat()),
        (".{0,3}", 0..20_000usize, ".{0,3}").prop_map(|(a, n, b)| a + &"&x=1".repeat(n) + &b),
    ]
}

/// A valid state, floats rounded to 2 decimals.
fn canonical_state() -> impl Strategy<Value = UrlState> {
    let (first, last) = year_range();
    let data = dataset();
    let mut selections: Vec<Selection> = data
        .associations
        .iter()
        .map(|a| Selection::Association(&a.acronym))
        .collect();
    selections.extend(covered_country_codes().into_iter().map(Selection::Country));
    let view = prop::sample::select(vec![View::Map, View::Timeline, View::Table]);
    let colouring = prop::sample::select(vec![Colouring::Association, Colouring::Period]);
    let zoom = (MIN_ZOOM..=MAX_ZOOM, 0.0..=EUROPE.width, 0.0..=EUROPE.height)
        .prop_map(|(zoom, x, y)| (zoom, [x, y]));
    (
        (
            view,
            prop::option::of(first..=last),
            prop::option::of(prop::sample::select(selections)),
        ),
        (prop::option::of(zoom), colouring),
        (
            prop::sample::select(Theme::ALL.to_vec()),
            prop::option::of(prop::sample::select(Lang::all().collect::<Vec<_>>())),
            any::<bool>(),
            any::<bool>(),
        ),
    )
        .prop_map(
            |((view, year, selection), (zoom, colouring), (theme, lang, kiosk, controls))| {
                UrlState {
                    view,
                    year,
                    selection,
                    zoom,
                    colouring,
                    theme,
                    lang,
                    kiosk,
                    controls,
                }
                .canonical()
            },
        )
}

proptest! {
    #[test]
    fn no_input_panics_and_what_comes_out_is_bounded(query in query_text()) {
        let raw = parse_query(&query);
        for value in [&raw.view, &raw.year, &raw.select, &raw.zoom, &raw.at, &raw.colour,
                      &raw.theme, &raw.lang, &raw.kiosk, &raw.controls].into_iter().flatten() {
            prop_assert!(value.chars().count() <= 200);
        }
        let (state, warnings) = validate(&raw);
        prop_assert!(warnings.len() <= 2 * MAX_PAIRS + 12, "{} warnings", warnings.len());
        for warning in &warnings {
            prop_assert!(warning.key.chars().count() <= 401 && warning.value.chars().count() <= 401);
            prop_assert!(!warning.to_string().chars().any(char::is_control));
        }
        if let Some((zoom, [x, y])) = state.zoom {
            prop_assert!((MIN_ZOOM..=MAX_ZOOM).contains(&zoom));
            prop_assert!((0.0..=EUROPE.width).contains(&x) && (0.0..=EUROPE.height).contains(&y));
        }
        if let Some(year) = state.year {
            let (first, last) = year_range();
            prop_assert!((first..=last).contains(&year));
        }
        // What came in, written back, reads the same with no warnings.
        let again = from_query(&to_query(&state));
        prop_assert_eq!(again, (state.canonical(), Vec::new()));
    }

    #[test]
    fn every_canonical_state_round_trips_through_its_query(state in canonical_state()) {
        let query = to_query(&state);
        prop_assert!(query.is_ascii() && query.len() < 300, "{}", query);
        let (back, warnings) = validate(&parse_query(&query));
        prop_assert!(warnings.is_empty(), "{:?}", warnings);
        prop_assert_eq!(back, state);
        prop_assert_eq!(state.canonical(), state);
    }

    #[test]
    fn the_apps_view_survives_its_url(state in canonical_state()) {
        let app = state.apply_to(&AppState::default());
        let url = to_query(&UrlState::of_state(&app, &state));
        let (read, warnings) = from_query(&url);
        prop_assert!(warnings.is_empty(), "{:?}", warnings);
        let restored = read.apply_to(&AppState::default());
        prop_assert_eq!(
            (restored.view, restored.year, restored.selection, restored.colouring),
            (app.view, app.year, app.selection, app.colouring)
        );
        prop_assert_eq!((read.theme, read.lang, read.kiosk, read.controls),
                        (state.theme, state.lang, state.kiosk, state.controls));
        // Zoom and centre are written with 2 decimals: the view moves by a fraction of a percent.
        let (a, b) = (app.viewport.view_box(&EUROPE), restored.viewport.view_box(&EUROPE));
        let tolerance = 0.003 * a.width + 0.01;
        for (x, y) in [(a.x, b.x), (a.y, b.y), (a.width, b.width), (a.height, b.height)] {
            prop_assert!((x - y).abs() <= tolerance, "{:?} != {:?} ({})", a, b, url);
        }
    }
}

#[test]
fn the_pages_settings_go_through_the_same_two_stages_and_are_warned_about() {
    use impala_map::url::{settings_from_query, Settings};
    let query = "view=table&embed-id=chart-7&origins=https%3A%2F%2Fpartner.example&idle=30&reset=90.5&clock=100";
    // The view's stage 2 neither takes nor warns about them; the settings' takes them.
    let (state, warnings) = from_query(query);
    assert_eq!(
        (state.view, warnings.len()),
        (View::Table, 0),
        "{warnings:?}"
    );
    let (settings, warnings) = settings_from_query(query);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        settings,
        Settings {
            embed_id: Some("chart-7".into()),
            origins: Some("https://partner.example".into()),
            idle: Some(30.0),
            reset: Some(90.5),
            clock: Some(100.0),
        }
    );
    // Written back as they were (the app keeps them in the address).
    assert_eq!(
        settings.to_query(),
        "embed-id=chart-7&origins=https:%2F%2Fpartner.example&idle=30&reset=90.5&clock=100"
    );
    assert_eq!(settings_from_query(&settings.to_query()).0, settings);

    // Bad values are dropped, each with a warning naming its key.
    let (settings, warnings) =
        settings_from_query("embed-id=%3Cscript%3E&origins=&idle=-5&reset=soon&clock=1e9");
    assert_eq!(settings, Settings::default());
    let keys: Vec<&str> = warnings.iter().map(|w| w.key.as_str()).collect();
    assert_eq!(
        keys,
        ["embed-id", "origins", "idle", "reset", "clock"],
        "{warnings:?}"
    );
    let (_, warnings) = settings_from_query("embed-id=abc&embed-id=def");
    assert!(
        warnings.is_empty(),
        "repeats are stage 1's, which from_query reports"
    );
    assert_eq!(
        settings_from_query("embed-id=abc&embed-id=def")
            .0
            .embed_id
            .as_deref(),
        Some("def")
    );
}
