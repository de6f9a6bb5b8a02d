//! Why a host message was not obeyed: [`Rejection`], one variant per thing that can be wrong with
//! a message, each with a sentence that tells the host page's author what to fix.

use super::{Shape, COMMAND_TYPES, MAX_TEXT, SCHEMA_VERSION, VERSION_FIELD};
use crate::number::quoted;
use std::fmt;

/// Why a host message was ignored.
#[derive(Clone, Debug, PartialEq)]
pub enum Rejection {
    /// The message is not an object (an array, a string, a number, `null`...).
    NotAnObject { found: Shape },
    /// No `impala-map` field: not a message for this app.
    MissingVersion,
    /// `impala-map` is a number, but not the version this app speaks.
    UnsupportedVersion { found: f64 },
    /// No `type` field.
    MissingType,
    /// `type` names no command.
    UnknownType { found: String },
    /// A command lacks a field it needs.
    MissingField {
        command: &'static str,
        field: &'static str,
    },
    /// A field holds the wrong kind of value.
    WrongType {
        field: &'static str,
        expected: Shape,
        found: Shape,
    },
    /// A string is longer than [`MAX_TEXT`] characters.
    TooLong { field: &'static str, chars: usize },
    /// `select` with neither `association` nor `country`.
    NothingToSelect,
    /// `select` with both `association` and `country`.
    AssociationAndCountry,
    /// `year` is not a whole number.
    NotAWholeYear { year: f64 },
    /// `year` is outside the data's years.
    YearOutOfRange { year: f64, first: u16, last: u16 },
    /// No association has this acronym.
    UnknownAssociation { acronym: String },
    /// No association covers this country code.
    UnknownCountry { code: String },
    /// `theme` names no theme.
    UnknownTheme { theme: String },
    /// `lang` names no language the app speaks.
    UnknownLang { lang: String },
}

impl Rejection {
    /// Probably not meant for this app at all (other scripts post to every frame too): the bridge
    /// may count these without a console warning.
    pub fn is_foreign(&self) -> bool {
        matches!(
            self,
            Rejection::NotAnObject { .. } | Rejection::MissingVersion
        )
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejection::NotAnObject { found } => write!(
                f,
                "the message is {found}, not an object like {{\"{VERSION_FIELD}\": {SCHEMA_VERSION}, \"type\": \"play\"}}"
            ),
            Rejection::MissingVersion => write!(
                f,
                "the message has no \"{VERSION_FIELD}\" field (the schema version, {SCHEMA_VERSION})"
            ),
            Rejection::UnsupportedVersion { found } => write!(
                f,
                "schema version {} is not supported: this app speaks version {SCHEMA_VERSION}",
                quoted(*found)
            ),
            Rejection::MissingType => {
                write!(f, "the message has no \"type\" field: name a command, such as \"select\"")
            }
            Rejection::UnknownType { found } => write!(
                f,
                "unknown message type {found:?}: the commands are {}",
                COMMAND_TYPES.join(", ")
            ),
            Rejection::MissingField { command, field } => {
                write!(f, "\"{command}\" needs a \"{field}\" field")
            }
            Rejection::WrongType {
                field,
                expected,
                found,
            } => write!(f, "\"{field}\" must be {expected}, not {found}"),
            Rejection::TooLong { field, chars } => write!(
                f,
                "\"{field}\" is {chars} characters long; at most {MAX_TEXT} are accepted"
            ),
            Rejection::NothingToSelect => write!(
                f,
                "\"select\" needs an \"association\" (an acronym) or a \"country\" (an ISO code)"
            ),
            Rejection::AssociationAndCountry => write!(
                f,
                "\"select\" takes an \"association\" or a \"country\", not both"
            ),
            Rejection::NotAWholeYear { year } => {
                write!(f, "year {} is not a whole number", quoted(*year))
            }
            Rejection::YearOutOfRange { year, first, last } => write!(
                f,
                "year {} is outside the data's years, {first} to {last}",
                quoted(*year)
            ),
            Rejection::UnknownAssociation { acronym } => {
                write!(f, "no IMPALA association has the acronym {acronym:?}")
            }
            Rejection::UnknownCountry { code } => write!(
                f,
                "no association covers the country {code:?} (an ISO 3166-1 alpha-2 code, such as \"FR\")"
            ),
            Rejection::UnknownTheme { theme } => write!(
                f,
                "unknown theme {theme:?}: the themes are auto, light, dark and contrast"
            ),
            Rejection::UnknownLang { lang } => write!(
                f,
                "unknown language {lang:?}: the languages are {}, and auto (the browser's)",
                crate::i18n::Lang::all().map(|known| known.code()).collect::<Vec<_>>().join(", ")
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rejection_reads_as_a_sentence() {
        let rejections = [
            Rejection::NotAnObject { found: Shape::List },
            Rejection::MissingVersion,
            Rejection::UnsupportedVersion { found: 2.0 },
            Rejection::MissingType,
            Rejection::UnknownType {
                found: "zoom".into(),
            },
            Rejection::MissingField {
                command: "set-year",
                field: "year",
            },
            Rejection::WrongType {
                field: "year",
                expected: Shape::Number,
                found: Shape::Text,
            },
            Rejection::TooLong {
                field: "type",
                chars: 101,
            },
            Rejection::NothingToSelect,
            Rejection::AssociationAndCountry,
            Rejection::NotAWholeYear { year: 2003.5 },
            Rejection::YearOutOfRange {
                year: 99999.0,
                first: 1974,
                last: 2025,
            },
            Rejection::UnknownAssociation {
                acronym: "NOPE".into(),
            },
            Rejection::UnknownCountry { code: "US".into() },
            Rejection::UnknownTheme {
                theme: "sepia".into(),
            },
        ];
        for rejection in rejections {
            let text = rejection.to_string();
            assert!(text.len() > 20 && !text.ends_with('.'), "{text}");
        }
        assert_eq!(
            Rejection::WrongType {
                field: "year",
                expected: Shape::Number,
                found: Shape::Text
            }
            .to_string(),
            "\"year\" must be a number, not a string"
        );
        assert_eq!(
            Rejection::NotAWholeYear { year: 2003.5 }.to_string(),
            "year 2003.5 is not a whole number"
        );
    }
}
