//! The prepared map of Europe, embedded: view size, the fitted projection and one SVG path per
//! country. Made ahead of time by `scripts/prepare-map` into `assets/map/europe.json`, checked
//! and embedded by `build.rs`.
//!
//! Coordinates are view units: x to the right, y down, origin at the top left, the view being
//! `width` by `height`. Paths are SVG path data in the same units.

use super::projection::{LambertAzimuthalEqualArea, Projection, Transform};

/// One country's shape.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CountryShape {
    /// ISO 3166-1 alpha-2 code (Kosovo: `XK`); `None` for areas without one.
    pub id: Option<&'static str>,
    /// English name, from Natural Earth.
    pub name: &'static str,
    /// SVG path data, clipped to the view.
    pub d: &'static str,
    /// A point well inside the largest part of the shape, for labels and markers.
    pub label: [f32; 2],
    /// Bounding box: `[x0, y0, x1, y1]`.
    pub bbox: [f32; 4],
}

/// The whole prepared map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EuropeMap {
    pub width: f64,
    pub height: f64,
    /// Longitude/latitude in degrees to view units.
    pub projection: Projection,
    pub countries: &'static [CountryShape],
}

include!(concat!(env!("OUT_DIR"), "/europe_map.rs"));

impl EuropeMap {
    /// The shape of the country with this ISO code.
    pub fn shape(&self, code: &str) -> Option<&'static CountryShape> {
        self.countries.iter().find(|s| s.id == Some(code))
    }
}
