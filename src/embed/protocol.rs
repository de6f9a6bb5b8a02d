//! The message API between the app and the page that embeds it: the versioned schema of what a
//! host page may send (commands) and what the app posts back (events), the validation of commands
//! in two stages ([`RawInbound`], then [`validate`] to a [`Command`]), the origin [`Allowlist`] and
//! the [`Counters`] of ignored messages. Pure: serde and std only, no `yew`, no `web_sys`.
//! Listening, looking into JS values ([`Peek`]) and posting to the parent are the bridge's job.
//!
//! # Schema, version 1
//!
//! Every message, either way, is a plain object (not a JSON string) with two fixed fields:
//!
//! - `"impala-map"`: the schema version, the number `1`. A message without it is not for this app;
//!   another number is a version this app does not speak. Both are ignored. Adding a command, an
//!   event or an optional field keeps version 1; changing or removing one makes version 2.
//! - `"type"`: what the message is, in kebab-case.
//!
//! Names are case-sensitive. In commands, unknown fields are ignored, and a field set to `null`
//! counts as absent. Strings longer than 100 characters are refused.
//!
//! ## Commands: host page to app
//!
//! | `type` | Fields | Example |
//! |---|---|---|
//! | `select` | `association`: an acronym, or `country`: an ISO 3166-1 alpha-2 code covered by an association (exactly one of the two) | `{"impala-map": 1, "type": "select", "association": "VUT"}`, `{"impala-map": 1, "type": "select", "country": "FR"}` |
//! | `clear-selection` | | `{"impala-map": 1, "type": "clear-selection"}` |
//! | `set-year` | `year`: a whole number within the data's years (today 1974 to 2020) | `{"impala-map": 1, "type": "set-year", "year": 2003}` |
//! | `play` | | `{"impala-map": 1, "type": "play"}` |
//! | `pause` | | `{"impala-map": 1, "type": "pause"}` |
//! | `set-theme` | `theme`: `"auto"`, `"light"`, `"dark"` or `"contrast"` | `{"impala-map": 1, "type": "set-theme", "theme": "dark"}` |
//! | `set-lang` | `lang`: a language code of `data/lang/languages.toml` (`"fr"`), or `"auto"` for the page's or the reader's browser language | `{"impala-map": 1, "type": "set-lang", "lang": "fr"}` |
//! | `reset` | | `{"impala-map": 1, "type": "reset"}` |
//!
//! - `select` matches acronyms and codes exactly, then ignoring case (`"vtmö"` selects `VTMÖ`,
//!   `"fr"` France). Selecting a country that has one association selects that association
//!   (`"AT"` selects `VTMÖ`); a country with several (France, Italy) stays a country selection.
//! - `set-lang` takes the language codes the `lang` URL parameter takes, ignoring case; a host
//!   page whose own language changes can keep the frame in step.
//! - `set-year` stops playing. `play` starts from the first year when the map shows the last.
//! - `reset` returns the app to how it opened; the theme and the language stay.
//! - Commands sent before the `ready` event may be lost: wait for it.
//!
//! ## Events: app to host page
//!
//! | `type` | Fields | Example |
//! |---|---|---|
//! | `ready` | `version`: the app's version; `associations`, `countries`: the data's totals | `{"impala-map": 1, "type": "ready", "version": "0.1.0", "associations": 22, "countries": 27}` |
//! | `selection-changed` | `selection`: `{"association": acronym}`, `{"country": code}` or `null` | `{"impala-map": 1, "type": "selection-changed", "selection": {"association": "VUT"}}` |
//! | `year-changed` | `year`; `associations`, `countries`: certainly founded by the end of that year | `{"impala-map": 1, "type": "year-changed", "year": 2003, "associations": 11, "countries": 11}` |
//! | `height` | `height`: the content height in CSS pixels, a whole number | `{"impala-map": 1, "type": "height", "height": 812}` |
//!
//! `ready` is posted once, when the app listens; the others whenever the value changes, whoever
//! changed it (the reader or a command), `year-changed` every year while playing. With every
//! `height` event the app also posts Datawrapper's height message,
//! `{"datawrapper-height": {"impala-map": 812}}`, so that a page already running Datawrapper's
//! embed script resizes the frame with no code of its own.
//!
//! ## Who is obeyed
//!
//! Commands are obeyed only from the origins on an allowlist set at build time; a URL parameter
//! may narrow it, never widen it (see [`Allowlist`] for the syntax, and why there is no `*`). A
//! message from another origin, and one that fails validation, is ignored, counted
//! ([`Counters`]) and never changes the app; [`Rejection`] says what was wrong with it.
//!
//! ## At the wasm boundary
//!
//! Let [`receive`] check the origin first, then read the event's data through [`Peek`], which
//! looks only at the schema's fields, one level deep (no serde on the way in: serde-wasm-bindgen's
//! error messages brought the whole float formatter into the wasm). Encode with
//! `serde_wasm_bindgen::Serializer::json_compatible()`: the default serializer turns `None` into
//! `undefined` (`selection` would vanish instead of being `null`) and maps into JS `Map`s, which
//! Datawrapper's script cannot read.

mod events;
mod origin;
mod raw;
mod rejection;

pub use events::{datawrapper_height, DatawrapperHeight, Event, HeightReport, APP_VERSION};
pub use origin::{normalise_origin, Allowlist, Counters};
pub use raw::{Loose, Peek, RawInbound, Shape};
pub use rejection::Rejection;

use crate::data::dataset;
use crate::i18n::Lang;
use crate::state::{year_range, Action};
use crate::vocab::{Selection, Theme, Words};
use std::fmt;

/// The schema version this app speaks, the value of [`VERSION_FIELD`].
pub const SCHEMA_VERSION: u8 = 1;
/// The field that carries the schema version in every message.
pub const VERSION_FIELD: &str = "impala-map";
/// The longest string a command may hold, in characters.
pub const MAX_TEXT: usize = 100;
/// The command types, as the `type` field names them.
pub const COMMAND_TYPES: [&str; 8] = [
    "select",
    "clear-selection",
    "set-year",
    "play",
    "pause",
    "set-theme",
    "set-lang",
    "reset",
];

/// A valid command from the host page, with the data's own ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    Select(Selection),
    ClearSelection,
    SetYear(u16),
    Play,
    Pause,
    SetTheme(Theme),
    /// A language, or `None`: the reader's browser language.
    SetLang(Option<Lang>),
    /// Back to how the app opened.
    Reset,
}

impl Command {
    /// The reducer's action for this command.
    pub fn to_action(&self) -> Action {
        match *self {
            Command::Select(selection) => Action::Select(selection),
            Command::ClearSelection => Action::ClearSelection,
            Command::SetYear(year) => Action::SetYear(year),
            Command::Play => Action::Play,
            Command::Pause => Action::Pause,
            Command::SetTheme(theme) => Action::SetTheme(theme),
            Command::SetLang(lang) => Action::SetLang(lang),
            Command::Reset => Action::Reset,
        }
    }

    /// The value of the `type` field.
    pub fn message_type(&self) -> &'static str {
        match self {
            Command::Select(_) => "select",
            Command::ClearSelection => "clear-selection",
            Command::SetYear(_) => "set-year",
            Command::Play => "play",
            Command::Pause => "pause",
            Command::SetTheme(_) => "set-theme",
            Command::SetLang(_) => "set-lang",
            Command::Reset => "reset",
        }
    }
}

/// Why a message was not obeyed: its origin, or its content.
#[derive(Clone, Debug, PartialEq)]
pub enum Ignored {
    /// The origin is not on the allowlist (the message was not decoded).
    Origin(String),
    /// The origin is allowed; the message is not valid.
    Invalid(Rejection),
}

impl fmt::Display for Ignored {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ignored::Origin(origin) => {
                write!(f, "message from {origin:?} ignored: origin not allowed")
            }
            Ignored::Invalid(rejection) => write!(f, "message ignored: {rejection}"),
        }
    }
}

/// A message from `origin` as the bridge receives it: the origin is checked first, and only an
/// allowed message is read ([`RawInbound::read`]) and validated.
pub fn receive(
    allowlist: &Allowlist,
    origin: &str,
    message: &impl Peek,
) -> Result<Command, Ignored> {
    if !allowlist.allows(origin) {
        return Err(Ignored::Origin(origin.to_owned()));
    }
    validate(RawInbound::read(message)).map_err(Ignored::Invalid)
}

impl Counters {
    /// Counts what [`receive`] made of a message.
    pub fn record(&mut self, outcome: &Result<Command, Ignored>) {
        match outcome {
            Ok(_) => self.accept(),
            Err(Ignored::Origin(_)) => self.reject_origin(),
            Err(Ignored::Invalid(_)) => self.reject_invalid(),
        }
    }
}

/// The command a raw message asks for, or why it is not valid. No side effects.
pub fn validate(raw: RawInbound) -> Result<Command, Rejection> {
    if raw.shape != Shape::Object {
        return Err(Rejection::NotAnObject { found: raw.shape });
    }
    match present(raw.version) {
        None => return Err(Rejection::MissingVersion),
        Some(Loose::Number(version)) if version == f64::from(SCHEMA_VERSION) => {}
        Some(Loose::Number(found)) => return Err(Rejection::UnsupportedVersion { found }),
        Some(other) => return Err(wrong_type(VERSION_FIELD, Shape::Number, &other)),
    }
    let message_type = match present(raw.message_type) {
        None => return Err(Rejection::MissingType),
        Some(value) => text("type", value)?,
    };
    match message_type.as_str() {
        "select" => select(present(raw.association), present(raw.country)),
        "clear-selection" => Ok(Command::ClearSelection),
        "set-year" => set_year(present(raw.year)),
        "play" => Ok(Command::Play),
        "pause" => Ok(Command::Pause),
        "set-theme" => {
            let value = present(raw.theme).ok_or(Rejection::MissingField {
                command: "set-theme",
                field: "theme",
            })?;
            let theme = text("theme", value)?;
            Theme::parse(&theme)
                .map(Command::SetTheme)
                .ok_or(Rejection::UnknownTheme { theme })
        }
        "set-lang" => {
            let value = present(raw.lang).ok_or(Rejection::MissingField {
                command: "set-lang",
                field: "lang",
            })?;
            let lang = text("lang", value)?;
            if lang.eq_ignore_ascii_case("auto") {
                return Ok(Command::SetLang(None));
            }
            Lang::from_code(&lang)
                .map(|known| Command::SetLang(Some(known)))
                .ok_or(Rejection::UnknownLang { lang })
        }
        "reset" => Ok(Command::Reset),
        _ => Err(Rejection::UnknownType {
            found: message_type,
        }),
    }
}

/// A field's value, with `null` as absent.
fn present(value: Option<Loose>) -> Option<Loose> {
    value.filter(|value| *value != Loose::Null)
}

fn wrong_type(field: &'static str, expected: Shape, found: &Loose) -> Rejection {
    Rejection::WrongType {
        field,
        expected,
        found: found.shape(),
    }
}

/// A string field's text, at most [`MAX_TEXT`] characters.
fn text(field: &'static str, value: Loose) -> Result<String, Rejection> {
    match value {
        Loose::Text(text) => match text.chars().count() {
            chars if chars > MAX_TEXT => Err(Rejection::TooLong { field, chars }),
            _ => Ok(text),
        },
        other => Err(wrong_type(field, Shape::Text, &other)),
    }
}

fn select(association: Option<Loose>, country: Option<Loose>) -> Result<Command, Rejection> {
    match (association, country) {
        (None, None) => Err(Rejection::NothingToSelect),
        (Some(_), Some(_)) => Err(Rejection::AssociationAndCountry),
        (Some(association), None) => {
            let acronym = text("association", association)?;
            match dataset().resolve_association(&acronym) {
                Some(found) => Ok(Command::Select(Selection::Association(&found.acronym))),
                None => Err(Rejection::UnknownAssociation { acronym }),
            }
        }
        (None, Some(country)) => {
            let code = text("country", country)?;
            match dataset().resolve_covered_country(&code) {
                Some(code) => Ok(Command::Select(Selection::Country(code))),
                None => Err(Rejection::UnknownCountry { code }),
            }
        }
    }
}

fn set_year(year: Option<Loose>) -> Result<Command, Rejection> {
    let year = match year {
        None => {
            return Err(Rejection::MissingField {
                command: "set-year",
                field: "year",
            })
        }
        Some(Loose::Number(year)) => year,
        Some(other) => return Err(wrong_type("year", Shape::Number, &other)),
    };
    let (first, last) = year_range();
    if year.is_finite() && year.fract() != 0.0 {
        return Err(Rejection::NotAWholeYear { year });
    }
    if !(f64::from(first)..=f64::from(last)).contains(&year) {
        return Err(Rejection::YearOutOfRange { year, first, last });
    }
    // Whole and within two u16 years: the conversion is exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    Ok(Command::SetYear(year as u16))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(message_type: &str) -> RawInbound {
        RawInbound {
            version: Some(Loose::Number(1.0)),
            message_type: Some(Loose::Text(message_type.to_owned())),
            ..RawInbound::default()
        }
    }

    #[test]
    fn commands_map_to_the_reducer() {
        let vut = Selection::Association("VUT");
        assert_eq!(Command::Select(vut).to_action(), Action::Select(vut));
        assert_eq!(
            Command::SetTheme(Theme::Dark).to_action(),
            Action::SetTheme(Theme::Dark)
        );
        assert_eq!(
            Command::SetLang(Some(Lang::from_code("de").unwrap())).to_action(),
            Action::SetLang(Some(Lang::from_code("de").unwrap()))
        );
        assert_eq!(Command::Reset.to_action(), Action::Reset);
    }

    #[test]
    fn every_command_type_validates_and_names_itself() {
        for message_type in COMMAND_TYPES {
            let raw = RawInbound {
                association: Some(Loose::Text("VUT".into())),
                year: Some(Loose::Number(2003.0)),
                theme: Some(Loose::Text("dark".into())),
                lang: Some(Loose::Text("fr".into())),
                ..object(message_type)
            };
            let command = validate(raw).map(|c| c.message_type());
            assert_eq!(command, Ok(message_type));
        }
    }

    #[test]
    fn years_must_be_whole_and_within_the_data() {
        let (first, last) = year_range();
        let year = |year: f64| {
            validate(RawInbound {
                year: Some(Loose::Number(year)),
                ..object("set-year")
            })
        };
        assert_eq!(year(f64::from(first)), Ok(Command::SetYear(first)));
        assert_eq!(year(f64::from(last)), Ok(Command::SetYear(last)));
        assert_eq!(year(2003.5), Err(Rejection::NotAWholeYear { year: 2003.5 }));
        for out in [f64::from(first) - 1.0, f64::from(last) + 1.0, -0.0, 99999.0] {
            assert_eq!(
                year(out),
                Err(Rejection::YearOutOfRange {
                    year: out,
                    first,
                    last
                })
            );
        }
        for nonsense in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert!(matches!(
                year(nonsense),
                Err(Rejection::YearOutOfRange { .. })
            ));
        }
    }
}
