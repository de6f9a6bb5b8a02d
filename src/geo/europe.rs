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
    /// The pairs of countries (by id; shapes without an id are left out) that share a border,
    /// each pair once as `(smaller id, larger id)`, sorted. Worked out by `build.rs` with
    /// [`super::adjacency::neighbours`].
    pub neighbours: &'static [(&'static str, &'static str)],
}

include!(concat!(env!("OUT_DIR"), "/europe_map.rs"));

impl EuropeMap {
    /// The shape of the country with this ISO code.
    pub fn shape(&self, code: &str) -> Option<&'static CountryShape> {
        self.countries.iter().find(|s| s.id == Some(code))
    }

    /// Whether the countries with these ISO codes share a border on the map (either order).
    pub fn are_neighbours(&self, a: &str, b: &str) -> bool {
        super::adjacency::contains_pair(self.neighbours, a, b)
    }

    /// The ISO codes of the countries that share a border with this one, sorted.
    pub fn neighbours_of<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'static str> + 'a {
        self.neighbours.iter().filter_map(move |&(a, b)| {
            if a == code {
                Some(b)
            } else if b == code {
                Some(a)
            } else {
                None
            }
        })
    }
}
