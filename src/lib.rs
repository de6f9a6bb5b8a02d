//! IMPALA map: an interactive map and timeline of IMPALA's national associations of independent
//! record labels, written with Yew and compiled to WebAssembly.
//!
//! Crate map:
//! - `data`: the embedded data set (checked at build time), its model and queries. Pure.
//! - `geo`: projection, SVG path strings and the prepared map of Europe. Pure.
//! - `format`: how numbers, years and lists are written. Pure.
//! - `components`: the Yew user interface, thin: it renders state and data.

pub mod components;
pub mod data;
pub mod format;
pub mod geo;
pub mod hooks;
pub mod palette;
pub mod search;
pub mod state;

pub use components::App;
