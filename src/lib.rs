//! IMPALA map: an interactive map and timeline of IMPALA's national associations of independent
//! record labels, written with Yew and compiled to WebAssembly.
//!
//! Crate map:
//! - `vocab`: the app's vocabulary (selection, view, colouring, sort, theme) and its words. Pure;
//!   it names no other module.
//! - `data`: the embedded data set (checked at build time), its model and queries (`fold`). Pure.
//! - `geo`: projection, SVG path strings and the prepared map of Europe (its paths taken from the
//!   first view in the browser). Pure.
//! - `i18n`: the interface's words in nine languages, and the checks of their files. Pure.
//! - `format`: how years, member counts and lists are written, in each language. Pure.
//! - `number`: numbers as text, the one formatter and the one parser. `std` only.
//! - `sorting`: the one stable sort every runtime sort goes through (small wasm). `std` only.
//! - `state`: the app's state and its one reducer. Pure.
//! - `gesture`: pointer, touch, wheel and keys on the map turned into actions (drag, pinch, double
//!   tap, the arrows between neighbours). Pure.
//! - `url`: the query string, read (two stages: parse, then validate with warnings) and written.
//!   Pure.
//! - `embed`: the host page's messages (`protocol`), the bridge that carries them (`bridge`, a
//!   hook) and the embed snippet. Pure but for the bridge.
//! - `kiosk`: kiosk mode's idle clock and attract loop, as a state machine. Pure.
//! - `search`, `palette`, `table`: finding things by name; which colour each country gets; the
//!   table's order. Pure.
//! - `text_width`: the one estimate of a text's width, for layouts made without a browser. Pure.
//! - `roving`: a composite widget's one Tab stop and its arrow keys. Pure.
//! - `citations`: sources numbered in the order a reader meets them. Pure.
//! - `growth`, `timeline`, `chart`: the network year by year (and how a country stands in a
//!   year), the timeline's layout and keyboard order, the growth chart as SVG (plotters). Pure.
//! - `export`: the data as CSV and JSON files with their sources, and the files' names. Pure.
//! - `qr`: QR codes for the websites shown in kiosk mode. Pure.
//! - `hooks`: the side effects (adopting the first view, the address, element size, wheel, keys,
//!   timers, media queries, language files, downloads, kiosk mode's clock).
//! - `components`: the Yew user interface, thin: it renders state and data.
//! - `first_view`: the shape of the first view the build wrote, checked before the app adopts
//!   it. Pure.
//! - `prerender`: the first view as HTML, written into `index.html` at build time (native).
//! - `stylesheet`: the screen's style sheets joined into one file and minified, at build time
//!   (native).

pub mod chart;
pub mod citations;
pub mod components;
pub mod data;
pub mod embed;
pub mod export;
pub mod first_view;
pub mod format;
pub mod geo;
pub mod gesture;
pub mod growth;
pub mod hooks;
pub mod i18n;
pub mod kiosk;
pub mod number;
pub mod palette;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod qr;
pub mod roving;
pub mod search;
pub mod sorting;
pub mod state;
#[cfg(not(target_arch = "wasm32"))]
pub mod stylesheet;
pub mod table;
pub mod text_width;
pub mod timeline;
pub mod url;
pub mod vocab;

pub use components::{App, AppProps};
