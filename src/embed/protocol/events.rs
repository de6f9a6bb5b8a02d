//! What the app tells the host page: the [`Event`]s of the schema, the height message Datawrapper's
//! embed script listens for ([`DatawrapperHeight`]), and [`HeightReport`], which decides when the
//! height is worth reporting. Serialisation only: posting is the bridge's job.

use super::{SCHEMA_VERSION, VERSION_FIELD};
use crate::data::{dataset, headline};
use crate::vocab::Selection;
use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;
use std::collections::BTreeMap;

/// The app's version (from Cargo.toml), as the `ready` event reports it.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// A message from the app to the host page. Serialises as an object with the `impala-map`
/// version and a `type` tag, as documented in [`super`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// The app has started and listens for commands.
    Ready {
        /// The app's version ([`APP_VERSION`]).
        version: &'static str,
        /// Member associations in the data.
        associations: usize,
        /// Countries they cover.
        countries: usize,
    },
    /// The selection changed (by the reader or by a command).
    SelectionChanged { selection: Option<Selection> },
    /// The year the map shows changed (by the slider, while playing, or by a command).
    YearChanged {
        year: u16,
        /// Associations certainly founded by the end of that year.
        associations: usize,
        /// Countries they cover.
        countries: usize,
    },
    /// The app's content height changed, in CSS pixels.
    Height { height: u32 },
}

impl Event {
    /// `ready`, with the embedded data's figures.
    pub fn ready() -> Event {
        let figures = headline();
        Event::Ready {
            version: APP_VERSION,
            associations: figures.associations,
            countries: figures.countries,
        }
    }

    /// `year-changed`, with the network as it stood at the end of `year`.
    pub fn year_changed(year: u16) -> Event {
        let totals = crate::growth::totals(dataset(), year);
        Event::YearChanged {
            year,
            associations: totals.associations,
            countries: totals.countries,
        }
    }

    /// The value of the `type` field.
    pub fn message_type(&self) -> &'static str {
        match self {
            Event::Ready { .. } => "ready",
            Event::SelectionChanged { .. } => "selection-changed",
            Event::YearChanged { .. } => "year-changed",
            Event::Height { .. } => "height",
        }
    }
}

impl Serialize for Event {
    // Written by hand (not derived with `#[serde(flatten)]`) so that it serialises as a struct:
    // serde-wasm-bindgen turns a struct into a plain JS object, a flattened map into a `Map`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields = match self {
            Event::Ready { .. } | Event::YearChanged { .. } => 3,
            Event::SelectionChanged { .. } | Event::Height { .. } => 1,
        };
        let mut out = serializer.serialize_struct("Event", 2 + fields)?;
        out.serialize_field(VERSION_FIELD, &SCHEMA_VERSION)?;
        out.serialize_field("type", self.message_type())?;
        match *self {
            Event::Ready {
                version,
                associations,
                countries,
            } => {
                out.serialize_field("version", version)?;
                out.serialize_field("associations", &associations)?;
                out.serialize_field("countries", &countries)?;
            }
            Event::SelectionChanged { selection } => {
                out.serialize_field("selection", &selection.map(WireSelection))?;
            }
            Event::YearChanged {
                year,
                associations,
                countries,
            } => {
                out.serialize_field("year", &year)?;
                out.serialize_field("associations", &associations)?;
                out.serialize_field("countries", &countries)?;
            }
            Event::Height { height } => out.serialize_field("height", &height)?,
        }
        out.end()
    }
}

/// A selection on the wire: `{"association": "VUT"}` or `{"country": "FR"}`.
struct WireSelection(Selection);

impl Serialize for WireSelection {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Selection", 1)?;
        match self.0 {
            Selection::Association(acronym) => out.serialize_field("association", acronym)?,
            Selection::Country(code) => out.serialize_field("country", code)?,
        }
        out.end()
    }
}

/// The height message of Datawrapper's embed script, `{"datawrapper-height": {"<id>": <px>}}`.
/// The script resizes the iframe whose window sent it, whatever the id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DatawrapperHeight {
    #[serde(rename = "datawrapper-height")]
    pub heights: BTreeMap<String, u32>,
}

/// Datawrapper's height message for the frame `id` (the app uses `"impala-map"`).
pub fn datawrapper_height(id: &str, height: u32) -> DatawrapperHeight {
    DatawrapperHeight {
        heights: BTreeMap::from([(id.to_owned(), height)]),
    }
}

/// Decides when the content height is worth reporting: whole pixels, rounded up (so nothing is
/// cut off), only when they change, and never zero (a hidden frame measures zero; reporting it
/// would collapse the frame for good).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HeightReport {
    last: Option<u32>,
}

impl HeightReport {
    /// The height to report after measuring `css_px`, or `None` when there is nothing new (or the
    /// measurement is zero, negative or not a number).
    pub fn update(&mut self, css_px: f64) -> Option<u32> {
        if !css_px.is_finite() || css_px <= 0.0 {
            return None;
        }
        // Saturating: a finite positive f64 beyond u32::MAX becomes u32::MAX.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let height = css_px.ceil() as u32;
        if self.last == Some(height) {
            return None;
        }
        self.last = Some(height);
        Some(height)
    }

    /// The last height reported.
    pub fn last(&self) -> Option<u32> {
        self.last
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn height_is_reported_rounded_up_once_per_change_and_never_zero() {
        let mut report = HeightReport::default();
        let reported: Vec<Option<u32>> = [
            0.0,
            f64::NAN,
            -4.0,
            811.2,
            811.9,
            812.0,
            640.0,
            f64::INFINITY,
            640.0,
            1e12,
        ]
        .into_iter()
        .map(|px| report.update(px))
        .collect();
        assert_eq!(
            reported,
            [
                None,
                None,
                None,
                Some(812),
                None,
                None,
                Some(640),
                None,
                None,
                Some(u32::MAX)
            ]
        );
        assert_eq!(report.last(), Some(u32::MAX));
    }

    #[test]
    fn ready_and_year_changed_carry_the_data_figures() {
        let figures = headline();
        assert_eq!(
            Event::ready(),
            Event::Ready {
                version: APP_VERSION,
                associations: figures.associations,
                countries: figures.countries,
            }
        );
        let (first, last) = crate::state::year_range();
        match (Event::year_changed(first), Event::year_changed(last)) {
            (
                Event::YearChanged {
                    associations: 1,
                    countries: 1,
                    ..
                },
                Event::YearChanged {
                    associations,
                    countries,
                    ..
                },
            ) => {
                assert!(associations <= figures.associations && associations > 1);
                assert!(countries <= figures.countries && countries > 1);
            }
            other => panic!("{other:?}"),
        }
    }
}
