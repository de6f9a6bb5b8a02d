//! The embedded data set: IMPALA, its national associations, the countries they cover and its
//! milestones, checked at build time and embedded as a `static` (no parsing at run time).
//!
//! The data lives in `data/associations.toml`; `build.rs` reads it with the types of `model`,
//! checks it with `validate` and writes it out with `bake`. `query` answers the app's questions
//! about it (headline figures, look-ups). No `yew`, no `web_sys`.

pub mod bake;
pub mod model;
pub mod query;
pub mod validate;

pub use model::*;
pub use query::Headline;

use std::borrow::Cow;

include!(concat!(env!("OUT_DIR"), "/dataset.rs"));

/// The embedded data set.
pub fn dataset() -> &'static Dataset {
    &DATASET
}

/// The headline figures of the embedded data set.
pub fn headline() -> Headline {
    DATASET.headline()
}

/// ISO codes of every country an association covers, sorted, each once.
pub fn covered_country_codes() -> Vec<&'static str> {
    DATASET.covered_country_codes()
}
