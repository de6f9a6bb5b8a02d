//! IMPALA map: an interactive map and timeline of IMPALA's national associations of independent
//! record labels, written with Yew and compiled to WebAssembly.
//!
//! Crate map:
//! - `data`: the embedded data set (checked at build time), its model and queries. Pure.
//! - `geo`: projection, SVG path strings and the prepared map of Europe. Pure.
//! - `i18n`: the interface's words in English, French and German. Pure.
//! - `format`: how numbers, years and lists are written, in each language. Pure.
//! - `state`: the app's state and its one reducer. Pure.
//! - `search`, `palette`: finding things by name; which colour each country gets. Pure.
//! - `growth`, `timeline`, `chart`: the network year by year, the timeline's layout, the growth
//!   chart as SVG (plotters). Pure.
//! - `export`: the data as CSV and JSON files with their sources, and the files' names. Pure.
//! - `qr`: QR codes for the websites shown in kiosk mode. Pure.
//! - `hooks`: the side effects (element size, wheel, keys, timers, media queries).
//! - `components`: the Yew user interface, thin: it renders state and data.
//! - `first_view`: the shape of the first view the build wrote, checked before the app adopts
//!   it. Pure.
//! - `prerender`: the first view as HTML, written into `index.html` at build time (native).

pub mod chart;
pub mod components;
pub mod data;
pub mod embed;
pub mod export;
pub mod first_view;
pub mod format;
pub mod geo;
pub mod growth;
pub mod hooks;
pub mod i18n;
pub mod kiosk;
pub mod palette;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod qr;
pub mod search;
pub mod state;
pub mod timeline;
pub mod url;

pub use components::{App, AppProps};
