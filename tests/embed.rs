//! The host message API against the real data: every documented command decodes and validates,
//! malformed messages are rejected with the right reason and never panic, events serialise to the
//! documented JSON, and the origin allowlist never widens.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::expect_used, clippy::panic)] // test code: a failed expectation is a failed test

use impala_map::embed::protocol::{
    datawrapper_height, normalise_origin, receive, validate, Allowlist, Command, Counters, Event,
    Ignored, Loose, Peek, RawInbound, Rejection, Shape, COMMAND_TYPES, MAX_TEXT,
};
use impala_map::i18n::Lang;
use impala_map::state::{year_range, AppState};
use impala_map::vocab::{Selection, Theme};
use serde_json::{json, Value};
use std::cell::Cell;

const PROTOCOL_SOURCE: &str = include_str!("../src/embed/protocol.rs");

/// A JSON value seen as the bridge sees a JS value: one level at a time. `looked` counts the
/// looks, to show when a message was not read at all.
struct Json<'a> {
    value: &'a Value,
    looked: Option<&'a Cell<usize>>,
}

impl<'a> Json<'a> {
    fn new(value: &'a Value) -> Json<'a> {
        Json {
            value,
            looked: None,
        }
    }
}

impl Peek for Json<'_> {
    fn loose(&self) -> Loose {
        if let Some(looked) = self.looked {
            looked.set(looked.get() + 1);
        }
        match self.value {
            Value::Null => Loose::Null,
            Value::Bool(flag) => Loose::Bool(*flag),
            Value::Number(number) => Loose::Number(number.as_f64().unwrap_or(f64::NAN)),
            Value::String(text) => Loose::Text(text.clone()),
            Value::Array(_) => Loose::List,
            Value::Object(_) => Loose::Object,
        }
    }

    fn field(&self, key: &str) -> Option<Self> {
        let value = self.value.as_object()?.get(key)?;
        Some(Json {
            value,
            looked: self.looked,
        })
    }
}

/// Reads a message as the bridge does, then validates it.
fn check(message: &Value) -> Result<Command, Rejection> {
    validate(RawInbound::read(&Json::new(message)))
}

/// The JSON examples in the module documentation's table rows for `type`.
fn documented_examples(message_type: &str) -> Vec<Value> {
    let row = format!("//! | `{message_type}` |");
    let line = PROTOCOL_SOURCE
        .lines()
        .find(|line| line.starts_with(&row))
        .unwrap_or_else(|| panic!("no documented row for {message_type}"));
    let examples: Vec<Value> = line
        .split('`')
        .filter(|part| part.starts_with('{'))
        .filter_map(|part| serde_json::from_str(part).ok())
        .filter(|example: &Value| example["type"] == message_type)
        .collect();
    assert!(!examples.is_empty(), "no example for {message_type}");
    examples
}

#[test]
fn every_documented_command_example_validates_to_its_command() {
    for message_type in COMMAND_TYPES {
        for example in documented_examples(message_type) {
            let command = check(&example).unwrap_or_else(|e| panic!("{example}: {e}"));
            assert_eq!(command.message_type(), message_type, "{example}");
        }
    }
}

#[test]
fn commands_decode_to_the_data_own_ids() {
    let cases = [
        (
            json!({"impala-map": 1, "type": "select", "association": "VUT"}),
            Command::Select(Selection::Association("VUT")),
        ),
        (
            json!({"impala-map": 1, "type": "select", "association": "vtmö"}),
            Command::Select(Selection::Association("VTMÖ")),
        ),
        // Folded as the address folds it: the same name selects the same association.
        (
            json!({"impala-map": 1, "type": "select", "association": "vtmo"}),
            Command::Select(Selection::Association("VTMÖ")),
        ),
        (
            json!({"impala-map": 1, "type": "select", "country": "fr"}),
            Command::Select(Selection::Country("FR")),
        ),
        (
            json!({"impala-map": 1, "type": "select", "country": "FR"}),
            Command::Select(Selection::Country("FR")),
        ),
        (
            json!({"impala-map": 1, "type": "select", "country": "xk", "association": null}),
            Command::Select(Selection::Country("XK")),
        ),
        (
            json!({"impala-map": 1, "type": "clear-selection"}),
            Command::ClearSelection,
        ),
        (
            json!({"impala-map": 1, "type": "set-year", "year": 2003}),
            Command::SetYear(2003),
        ),
        (
            json!({"impala-map": 1.0, "type": "set-year", "year": 2003.0}),
            Command::SetYear(2003),
        ),
        (json!({"impala-map": 1, "type": "play"}), Command::Play),
        (
            json!({"impala-map": 1, "type": "pause", "year": "ignored", "extra": [1, {"a": 2}]}),
            Command::Pause,
        ),
        (
            json!({"impala-map": 1, "type": "set-theme", "theme": "contrast"}),
            Command::SetTheme(Theme::Contrast),
        ),
        (
            json!({"impala-map": 1, "type": "set-lang", "lang": "fr"}),
            Command::SetLang(Some(Lang::from_code("fr").unwrap())),
        ),
        (
            json!({"impala-map": 1, "type": "set-lang", "lang": "DE"}),
            Command::SetLang(Some(Lang::from_code("de").unwrap())),
        ),
        (
            json!({"impala-map": 1, "type": "set-lang", "lang": "auto"}),
            Command::SetLang(None),
        ),
        (json!({"impala-map": 1, "type": "reset"}), Command::Reset),
    ];
    for (message, command) in cases {
        assert_eq!(check(&message), Ok(command), "{message}");
    }
    // The ids are the data's own `&'static str`s, not copies of the message's strings.
    let Ok(Command::Select(Selection::Association(acronym))) =
        check(&json!({"impala-map": 1, "type": "select", "association": "vut"}))
    else {
        panic!("vut should select VUT");
    };
    let data = impala_map::data::dataset().association("VUT").expect("VUT");
    assert!(std::ptr::eq(acronym, &*data.acronym));
}

#[test]
fn malformed_messages_are_rejected_with_their_reason() {
    let (first, last) = year_range();
    let long = "x".repeat(10_000);
    let cases = [
        (json!(null), Rejection::NotAnObject { found: Shape::Null }),
        (json!(true), Rejection::NotAnObject { found: Shape::Bool }),
        (
            json!(42),
            Rejection::NotAnObject {
                found: Shape::Number,
            },
        ),
        (
            json!("{\"impala-map\": 1, \"type\": \"play\"}"),
            Rejection::NotAnObject { found: Shape::Text },
        ),
        (
            json!([1, "play"]),
            Rejection::NotAnObject { found: Shape::List },
        ),
        (json!({}), Rejection::MissingVersion),
        (json!({"type": "play"}), Rejection::MissingVersion),
        (
            json!({"impala-map": null, "type": "play"}),
            Rejection::MissingVersion,
        ),
        (
            json!({"impala-map": 2, "type": "play"}),
            Rejection::UnsupportedVersion { found: 2.0 },
        ),
        (
            json!({"impala-map": 1.5, "type": "play"}),
            Rejection::UnsupportedVersion { found: 1.5 },
        ),
        (
            json!({"impala-map": "1", "type": "play"}),
            Rejection::WrongType {
                field: "impala-map",
                expected: Shape::Number,
                found: Shape::Text,
            },
        ),
        (json!({"impala-map": 1}), Rejection::MissingType),
        (
            json!({"impala-map": 1, "type": ["play"]}),
            Rejection::WrongType {
                field: "type",
                expected: Shape::Text,
                found: Shape::List,
            },
        ),
        (
            json!({"impala-map": 1, "type": "zoom"}),
            Rejection::UnknownType {
                found: "zoom".into(),
            },
        ),
        (
            json!({"impala-map": 1, "type": "Play"}),
            Rejection::UnknownType {
                found: "Play".into(),
            },
        ),
        (
            json!({"impala-map": 1, "type": long}),
            Rejection::TooLong {
                field: "type",
                chars: 10_000,
            },
        ),
        (
            json!({"impala-map": 1, "type": "set-year"}),
            Rejection::MissingField {
                command: "set-year",
                field: "year",
            },
        ),
        (
            json!({"impala-map": 1, "type": "set-year", "year": 99999}),
            Rejection::YearOutOfRange {
                year: 99999.0,
                first,
                last,
            },
        ),
        (
            json!({"impala-map": 1, "type": "set-year", "year": -2003}),
            Rejection::YearOutOfRange {
                year: -2003.0,
                first,
                last,
            },
        ),
        (
            json!({"impala-map": 1, "type": "set-year", "year": f64::from(first) - 1.0}),
            Rejection::YearOutOfRange {
                year: f64::from(first) - 1.0,
                first,
                last,
            },
        ),
        (
            json!({"impala-map": 1, "type": "set-year", "year": 2003.25}),
            Rejection::NotAWholeYear { year: 2003.25 },
        ),
        (
            json!({"impala-map": 1, "type": "set-year", "year": "abc"}),
            Rejection::WrongType {
                field: "year",
                expected: Shape::Number,
                found: Shape::Text,
            },
        ),
        (
            json!({"impala-map": 1, "type": "set-year", "year": "2003"}),
            Rejection::WrongType {
                field: "year",
                expected: Shape::Number,
                found: Shape::Text,
            },
        ),
        (
            json!({"impala-map": 1, "type": "set-year", "year": {"value": 2003}}),
            Rejection::WrongType {
                field: "year",
                expected: Shape::Number,
                found: Shape::Object,
            },
        ),
        (
            json!({"impala-map": 1, "type": "select"}),
            Rejection::NothingToSelect,
        ),
        (
            json!({"impala-map": 1, "type": "select", "association": "VUT", "country": "DE"}),
            Rejection::AssociationAndCountry,
        ),
        (
            json!({"impala-map": 1, "type": "select", "association": "NOPE"}),
            Rejection::UnknownAssociation {
                acronym: "NOPE".into(),
            },
        ),
        (
            json!({"impala-map": 1, "type": "select", "association": long}),
            Rejection::TooLong {
                field: "association",
                chars: 10_000,
            },
        ),
        (
            json!({"impala-map": 1, "type": "select", "association": 7}),
            Rejection::WrongType {
                field: "association",
                expected: Shape::Text,
                found: Shape::Number,
            },
        ),
        (
            json!({"impala-map": 1, "type": "select", "country": "GR"}),
            Rejection::UnknownCountry { code: "GR".into() },
        ),
        (
            json!({"impala-map": 1, "type": "select", "country": "FRA"}),
            Rejection::UnknownCountry { code: "FRA".into() },
        ),
        (
            json!({"impala-map": 1, "type": "select", "country": ""}),
            Rejection::UnknownCountry {
                code: String::new(),
            },
        ),
        (
            json!({"impala-map": 1, "type": "set-theme"}),
            Rejection::MissingField {
                command: "set-theme",
                field: "theme",
            },
        ),
        (
            json!({"impala-map": 1, "type": "set-theme", "theme": "sepia"}),
            Rejection::UnknownTheme {
                theme: "sepia".into(),
            },
        ),
        (
            json!({"impala-map": 1, "type": "set-theme", "theme": true}),
            Rejection::WrongType {
                field: "theme",
                expected: Shape::Text,
                found: Shape::Bool,
            },
        ),
        (
            json!({"impala-map": 1, "type": "set-lang"}),
            Rejection::MissingField {
                command: "set-lang",
                field: "lang",
            },
        ),
        (
            json!({"impala-map": 1, "type": "set-lang", "lang": "fr-CA"}),
            Rejection::UnknownLang {
                lang: "fr-CA".into(),
            },
        ),
        (
            json!({"impala-map": 1, "type": "set-lang", "lang": 7}),
            Rejection::WrongType {
                field: "lang",
                expected: Shape::Text,
                found: Shape::Number,
            },
        ),
    ];
    for (message, rejection) in cases {
        let shown = message.to_string().chars().take(80).collect::<String>();
        assert_eq!(check(&message), Err(rejection), "{shown}");
    }
}

#[test]
fn strings_of_exactly_the_limit_are_read_and_one_more_is_not() {
    let at_limit = "é".repeat(MAX_TEXT);
    assert_eq!(
        check(&json!({"impala-map": 1, "type": "select", "association": at_limit})),
        Err(Rejection::UnknownAssociation { acronym: at_limit })
    );
    let over = "é".repeat(MAX_TEXT + 1);
    assert_eq!(
        check(&json!({"impala-map": 1, "type": "set-theme", "theme": over})),
        Err(Rejection::TooLong {
            field: "theme",
            chars: MAX_TEXT + 1,
        })
    );
}

#[test]
fn deeply_nested_garbage_is_never_read() {
    // Only the schema's fields are looked at, one level deep: what lies below costs nothing.
    let mut garbage = json!("bottom");
    // 101 levels, the outermost an array.
    for depth in 0..=100 {
        garbage = if depth % 2 == 0 {
            json!([garbage])
        } else {
            json!({ "x": garbage })
        };
    }
    assert_eq!(
        check(&json!({"impala-map": 1, "type": "play", "extra": garbage.clone()})),
        Ok(Command::Play)
    );
    assert_eq!(
        check(&json!({"impala-map": 1, "type": "set-year", "year": garbage.clone()})),
        Err(Rejection::WrongType {
            field: "year",
            expected: Shape::Number,
            found: Shape::List,
        })
    );
    assert_eq!(
        check(&garbage),
        Err(Rejection::NotAnObject { found: Shape::List })
    );
}

#[test]
fn no_combination_of_field_values_panics_and_only_valid_ones_pass() {
    let long = json!("x".repeat(MAX_TEXT + 1));
    let versions = [
        None,
        Some(json!(1)),
        Some(json!(2)),
        Some(json!("1")),
        Some(Value::Null),
    ];
    let mut types: Vec<Option<Value>> = COMMAND_TYPES.iter().map(|t| Some(json!(t))).collect();
    types.extend([
        None,
        Some(json!("zoom")),
        Some(long.clone()),
        Some(json!(3)),
        Some(json!([])),
    ]);
    let texts = |valid: &str| {
        [
            None,
            Some(json!(valid)),
            Some(json!("NOPE")),
            Some(long.clone()),
            Some(json!({"nested": [1, 2]})),
        ]
    };
    let years = [
        None,
        Some(json!(2003)),
        Some(json!(99999)),
        Some(json!("abc")),
        Some(json!(2003.5)),
        Some(json!([2003])),
    ];
    let mut accepted = 0;
    let mut seen = 0;
    for version in &versions {
        for message_type in &types {
            for association in texts("VUT") {
                for country in texts("FR") {
                    for year in &years {
                        for theme in texts("dark") {
                            let fields = [
                                ("impala-map", version),
                                ("type", message_type),
                                ("association", &association),
                                ("country", &country),
                                ("year", year),
                                ("theme", &theme),
                            ];
                            let message: serde_json::Map<String, Value> = fields
                                .into_iter()
                                .filter_map(|(k, v)| v.clone().map(|v| (k.to_owned(), v)))
                                .collect();
                            let message = Value::Object(message);
                            seen += 1;
                            if let Ok(command) = check(&message) {
                                accepted += 1;
                                assert_eq!(message["impala-map"], json!(1), "{message}");
                                assert_eq!(message["type"], json!(command.message_type()));
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(seen > 10_000 && accepted > 100, "{accepted} of {seen}");
}

#[test]
fn commands_drive_the_reducer() {
    let state = AppState::default();
    let apply = |state: &AppState, message: Value| {
        let command = check(&message).unwrap_or_else(|e| panic!("{message}: {e}"));
        state.apply(command.to_action())
    };
    let selected = apply(
        &state,
        json!({"impala-map": 1, "type": "select", "country": "AT"}),
    );
    assert_eq!(selected.selection, Some(Selection::Association("VTMÖ")));
    let cleared = apply(
        &selected,
        json!({"impala-map": 1, "type": "clear-selection"}),
    );
    assert_eq!(cleared.selection, None);
    let playing = apply(&state, json!({"impala-map": 1, "type": "play"}));
    assert!(playing.playing);
    let set = apply(
        &playing,
        json!({"impala-map": 1, "type": "set-year", "year": 2003}),
    );
    assert_eq!((set.year, set.playing), (2003, false));
    let dark = apply(
        &set,
        json!({"impala-map": 1, "type": "set-theme", "theme": "dark"}),
    );
    assert_eq!(dark.theme, Theme::Dark);
    let french = apply(
        &dark,
        json!({"impala-map": 1, "type": "set-lang", "lang": "fr"}),
    );
    assert_eq!(french.lang, Some(Lang::from_code("fr").unwrap()));
    let browser = apply(
        &french,
        json!({"impala-map": 1, "type": "set-lang", "lang": "auto"}),
    );
    assert_eq!(browser.lang, None);
    // A reset returns to how the app opened: the selection, the year and playing; the theme
    // and the language are the reader's (or the host's) and stay.
    let reset = apply(&french, json!({"impala-map": 1, "type": "reset"}));
    assert_eq!(
        (
            reset.selection,
            reset.year,
            reset.playing,
            reset.theme,
            reset.lang
        ),
        (
            None,
            state.year,
            false,
            Theme::Dark,
            Some(Lang::from_code("fr").unwrap())
        )
    );
}

#[test]
fn events_serialise_to_the_documented_json() {
    let cases = [
        (
            Event::Ready {
                version: "0.1.0",
                associations: 22,
                countries: 27,
            },
            json!({"impala-map": 1, "type": "ready", "version": "0.1.0", "associations": 22, "countries": 27}),
        ),
        (
            Event::SelectionChanged {
                selection: Some(Selection::Association("VUT")),
            },
            json!({"impala-map": 1, "type": "selection-changed", "selection": {"association": "VUT"}}),
        ),
        (
            Event::SelectionChanged {
                selection: Some(Selection::Country("FR")),
            },
            json!({"impala-map": 1, "type": "selection-changed", "selection": {"country": "FR"}}),
        ),
        (
            Event::SelectionChanged { selection: None },
            json!({"impala-map": 1, "type": "selection-changed", "selection": null}),
        ),
        (
            Event::YearChanged {
                year: 2003,
                associations: 11,
                countries: 11,
            },
            json!({"impala-map": 1, "type": "year-changed", "year": 2003, "associations": 11, "countries": 11}),
        ),
        (
            Event::Height { height: 812 },
            json!({"impala-map": 1, "type": "height", "height": 812}),
        ),
    ];
    for (event, expected) in cases {
        let json = serde_json::to_value(event).expect("events serialise");
        assert_eq!(json, expected, "{event:?}");
        assert_eq!(json["type"], event.message_type());
    }
}

#[test]
fn documented_event_examples_have_the_real_events_fields() {
    let real = [
        Event::ready(),
        Event::SelectionChanged {
            selection: Some(Selection::Association("VUT")),
        },
        Event::year_changed(2003),
        Event::Height { height: 812 },
    ];
    // Same fields, same kinds of value (the figures are the data's and change with it).
    let kinds = |value: &Value| -> Vec<(String, &'static str)> {
        let object = value.as_object().expect("an object");
        object
            .iter()
            .map(|(key, value)| {
                let kind = match value {
                    Value::Null => "null",
                    Value::Bool(_) => "bool",
                    Value::Number(_) => "number",
                    Value::String(_) => "string",
                    Value::Array(_) => "array",
                    Value::Object(_) => "object",
                };
                (key.clone(), kind)
            })
            .collect()
    };
    for event in real {
        let json = serde_json::to_value(event).expect("events serialise");
        for example in documented_examples(event.message_type()) {
            assert_eq!(kinds(&example), kinds(&json), "{example}");
        }
    }
    let year = serde_json::to_value(Event::year_changed(2003)).expect("serialises");
    assert_eq!(documented_examples("year-changed"), [year]);
}

#[test]
fn datawrapper_height_is_the_message_datawrapper_listens_for() {
    let message = serde_json::to_string(&datawrapper_height("impala-map", 812)).expect("ok");
    assert_eq!(message, r#"{"datawrapper-height":{"impala-map":812}}"#);
}

#[test]
fn the_allowlist_normalises_and_drops_what_is_not_an_origin() {
    assert_eq!(
        normalise_origin("HTTPS://Example.org/").as_deref(),
        Some("https://example.org")
    );
    let (list, dropped) = Allowlist::from_build(
        "https://www.impalamusic.org, https://impalamusic.org  http://localhost:8080/ \
         https://partner.example/page *",
    );
    assert_eq!(
        list.origins(),
        [
            "https://www.impalamusic.org",
            "https://impalamusic.org",
            "http://localhost:8080"
        ]
    );
    assert_eq!(dropped, ["https://partner.example/page", "*"]);
    assert!(list.allows("https://www.impalamusic.org"));
    assert!(!list.allows("http://www.impalamusic.org"));
    assert!(!list.allows("http://localhost:8081"));
    assert!(!list.allows("null"));
}

#[test]
fn narrowing_never_widens() {
    let pool = [
        "https://a.example",
        "HTTPS://A.example/",
        "https://b.example",
        "https://b.example:8443",
        "http://b.example",
        "https://c.example/path",
        "null",
        "*",
    ];
    let probes = [
        "https://a.example",
        "https://b.example",
        "https://b.example:8443",
        "http://b.example",
        "https://c.example",
        "https://d.example",
        "null",
        "*",
        "",
    ];
    let subset = |mask: u32| -> Vec<&str> {
        pool.iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, origin)| *origin)
            .collect()
    };
    let combinations = 1u32 << pool.len();
    // Every build list against every parameter.
    for build_mask in 0..combinations {
        let build = subset(build_mask).join(", ");
        let (allowlist, _) = Allowlist::from_build(&build);
        for param_mask in 0..combinations {
            let entries = subset(param_mask);
            let param = entries.join(" ");
            let (narrowed, dropped) = allowlist.narrow(&param);
            let (param_list, _) = Allowlist::from_build(&param);
            for origin in narrowed.origins() {
                assert!(allowlist.origins().contains(origin), "{build} / {param}");
                assert!(param_list.origins().contains(origin), "{build} / {param}");
            }
            for probe in probes {
                assert_eq!(
                    narrowed.allows(probe),
                    allowlist.allows(probe) && param_list.allows(probe),
                    "{probe} with {build} narrowed by {param}"
                );
            }
            assert!(!narrowed.allows("null"));
            // Every entry of the parameter is either kept (maybe as a duplicate) or reported.
            assert!(narrowed.origins().len() + dropped.len() <= entries.len());
            for entry in &dropped {
                let kept = normalise_origin(entry)
                    .is_some_and(|origin| allowlist.origins().contains(&origin));
                assert!(!kept, "{entry} was dropped but is allowed");
            }
        }
    }
}

#[test]
fn the_origin_is_checked_before_the_message_is_read_and_everything_is_counted() {
    let (allowlist, _) = Allowlist::from_build("https://www.impalamusic.org");
    let mut counters = Counters::default();
    let looked = Cell::new(0);
    let message = |value| Json {
        value,
        looked: Some(&looked),
    };
    let play = json!({"impala-map": 1, "type": "play"});
    let wrong_year = json!({"impala-map": 1, "type": "set-year", "year": "abc"});
    let list = json!([1, 2]);

    let outcome = receive(&allowlist, "https://evil.example", &message(&play));
    assert_eq!(
        outcome,
        Err(Ignored::Origin("https://evil.example".to_owned()))
    );
    counters.record(&outcome);
    assert_eq!(looked.get(), 0, "a message from elsewhere is not even read");

    let outcome = receive(&allowlist, "null", &message(&play));
    counters.record(&outcome);
    assert_eq!(looked.get(), 0);

    let outcome = receive(&allowlist, "https://www.impalamusic.org", &message(&play));
    assert_eq!(outcome, Ok(Command::Play));
    counters.record(&outcome);
    assert!(looked.get() > 0);

    let outcome = receive(
        &allowlist,
        "https://www.impalamusic.org",
        &message(&wrong_year),
    );
    assert!(matches!(
        outcome,
        Err(Ignored::Invalid(Rejection::WrongType { .. }))
    ));
    counters.record(&outcome);

    let outcome = receive(&allowlist, "https://www.impalamusic.org", &message(&list));
    assert_eq!(
        outcome,
        Err(Ignored::Invalid(Rejection::NotAnObject {
            found: Shape::List
        }))
    );
    counters.record(&outcome);

    assert_eq!(
        counters,
        Counters {
            accepted: 1,
            rejected_origin: 2,
            rejected_invalid: 2,
        }
    );
}

#[test]
fn a_message_keeps_the_schema_fields_and_anything_else_reads_to_its_shape() {
    let message = json!({
        "impala-map": 1, "type": "select", "association": "VUT",
        "extra": {"deep": [1, 2, {"x": null}]}, "year": [2003], "theme": null, "lang": {"x": 1},
    });
    let raw = RawInbound::read(&Json::new(&message));
    assert_eq!(raw.shape, Shape::Object);
    assert_eq!(raw.version, Some(Loose::Number(1.0)));
    assert_eq!(raw.message_type, Some(Loose::Text("select".into())));
    assert_eq!(raw.association, Some(Loose::Text("VUT".into())));
    assert_eq!(raw.year, Some(Loose::List));
    assert_eq!(raw.theme, Some(Loose::Null));
    assert_eq!(raw.lang, Some(Loose::Object));
    assert_eq!(raw.country, None);
    for (value, shape) in [
        (json!(null), Shape::Null),
        (json!(true), Shape::Bool),
        (json!(3), Shape::Number),
        (json!(-3.5), Shape::Number),
        (json!("{\"impala-map\":1}"), Shape::Text),
        (json!([1, "select", {"a": []}]), Shape::List),
    ] {
        assert_eq!(
            RawInbound::read(&Json::new(&value)),
            RawInbound::not_object(shape),
            "{value}"
        );
    }
}
