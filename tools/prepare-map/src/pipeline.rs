//! The preparation pipeline, in order: decode the topology, project every arc (LAEA 10°E 52°N),
//! fit the view to the member countries, simplify each arc once, build and clip rings, drop
//! specks, then write paths, labels and bounding boxes; and the JSON writer for the result.
//!
//! Units: input arcs in degrees (x = longitude east, y = latitude north); raw projected arcs
//! unitless (y north); everything from the fit on is in view units: the view box is
//! `[0, width] × [0, height]`, origin top left, x right, y DOWN.

use crate::clip::{bounding_box, clip_ring, signed_area, Rect};
use crate::iso;
use crate::path;
use crate::polylabel::polylabel;
use crate::projection::{fit_extent, LambertAzimuthalEqualArea, Projection};
use crate::simplify::Simplifier;
use crate::topojson::{polygon_rings, stitch, TopoError, Topology};
use serde::Serialize;
use std::collections::BTreeSet;
use std::fmt;

/// The 27 member countries of IMPALA's national associations (ISO 3166-1 alpha-2, with XK for
/// Kosovo).
pub const MEMBERS: [&str; 27] = [
    "SE", "NO", "DK", "FI", "IL", "DE", "FR", "GB", "ES", "AT", "IT", "BE", "NL", "PT", "CH", "CZ",
    "HU", "RO", "PL", "SI", "HR", "RS", "BA", "XK", "ME", "MK", "AL",
];

/// A ring whose clipped area (square view units) is below this is treated as empty.
const EMPTY_AREA: f64 = 1e-9;

/// Everything the pipeline can be tuned with.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Name of the TopoJSON object holding the countries.
    pub object: String,
    /// View width in view units.
    pub view_width: f64,
    /// Margin on every side, as a fraction of the view width.
    pub padding: f64,
    /// `[[lon_min, lat_min], [lon_max, lat_max]]` (degrees): member rings wholly inside this
    /// window decide the fit (so far-flung islands do not stretch the view).
    pub fit_window: [[f64; 2]; 2],
    /// Alpha-2 codes of the countries the view is fitted to.
    pub members: Vec<String>,
    /// Visvalingam–Whyatt threshold, square view units. The default 0.5 is half a square pixel
    /// at 1000 px wide and 2 square pixels at the largest display (2000 px, 2 px per unit):
    /// invisible at the usual size, barely at the largest, and it keeps the paths near 70 KB.
    pub simplify_area: f64,
    /// Every ring keeps at least this many distinct vertices through simplification.
    pub min_ring_vertices: usize,
    /// Clipped rings smaller than this (square view units) are dropped, except the largest
    /// ring of each country.
    pub min_ring_area: f64,
    /// Label search precision, view units.
    pub label_precision: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            object: "countries".to_owned(),
            view_width: 1000.0,
            padding: 0.03,
            fit_window: [[-12.0, 29.0], [40.0, 72.0]],
            members: MEMBERS.iter().map(|m| (*m).to_owned()).collect(),
            simplify_area: 0.5,
            min_ring_vertices: 4,
            min_ring_area: 0.5,
            label_precision: 0.5,
        }
    }
}

/// Why the map could not be prepared.
#[derive(Debug, Clone, PartialEq)]
pub enum PrepareError {
    Topology(TopoError),
    /// A point the projection has no image for (the antipode of the centre).
    Unprojectable {
        arc: usize,
        index: usize,
    },
    /// No member ring lies inside the fit window.
    NothingToFit,
    /// Countries in view whose numeric id the ISO table lacks (add them to `iso.rs`).
    UnknownIds(Vec<String>),
    /// Two countries in view with the same code.
    DuplicateId(String),
}

impl fmt::Display for PrepareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Topology(e) => write!(f, "{e}"),
            Self::Unprojectable { arc, index } => {
                write!(f, "point {index} of arc {arc} cannot be projected")
            }
            Self::NothingToFit => write!(f, "no member country ring lies inside the fit window"),
            Self::UnknownIds(ids) => {
                write!(
                    f,
                    "no ISO alpha-2 code for countries in view: {}",
                    ids.join(", ")
                )
            }
            Self::DuplicateId(id) => write!(f, "two countries in view share the id {id}"),
        }
    }
}

impl std::error::Error for PrepareError {}

impl From<TopoError> for PrepareError {
    fn from(e: TopoError) -> Self {
        Self::Topology(e)
    }
}

/// One country as written to the JSON file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Country {
    /// ISO 3166-1 alpha-2 (XK for Kosovo), `null` when there is none.
    pub id: Option<String>,
    pub name: String,
    /// SVG path of the clipped shape, view units quantised to 0.1.
    pub d: String,
    /// Label point inside the largest polygon, view units.
    pub label: [f64; 2],
    /// `[x0, y0, x1, y1]` of the shape as written, view units.
    pub bbox: [f64; 4],
}

/// Counts worth reporting.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    pub features: usize,
    pub arcs: usize,
    pub points_before: usize,
    pub points_kept: usize,
    pub rings_written: usize,
    pub path_bytes: usize,
}

/// The prepared map.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedMap {
    pub width: u32,
    pub height: u32,
    pub projection: Projection,
    pub countries: Vec<Country>,
    pub stats: Stats,
}

/// A clipped polygon: exterior first, then holes; `area` is the exterior's absolute area.
struct ClippedPolygon {
    rings: Vec<Vec<[f64; 2]>>,
    area: f64,
}

/// Projects every arc point with the raw projection (degrees in, unitless out).
fn project_arcs(
    raw: LambertAzimuthalEqualArea,
    arcs: &[Vec<[f64; 2]>],
) -> Result<Vec<Vec<[f64; 2]>>, PrepareError> {
    arcs.iter()
        .enumerate()
        .map(|(arc, points)| {
            points
                .iter()
                .enumerate()
                .map(|(index, p)| {
                    raw.forward(p[0].to_radians(), p[1].to_radians())
                        .ok_or(PrepareError::Unprojectable { arc, index })
                })
                .collect()
        })
        .collect()
}

fn inside_window(p: [f64; 2], window: [[f64; 2]; 2]) -> bool {
    (window[0][0]..=window[1][0]).contains(&p[0]) && (window[0][1]..=window[1][1]).contains(&p[1])
}

/// Runs the whole pipeline on a topology.
pub fn prepare(topology: &Topology, settings: &Settings) -> Result<PreparedMap, PrepareError> {
    let arcs_degrees = topology.decode_arcs()?;
    let features = topology.features(&settings.object)?;
    let raw = LambertAzimuthalEqualArea::EUROPE;
    let arcs_raw = project_arcs(raw, &arcs_degrees)?;

    // Identity of every feature.
    let identities: Vec<(Option<&'static str>, String)> = features
        .iter()
        .map(|f| {
            let name = f.name().unwrap_or_default();
            (
                iso::alpha2(f.id.as_deref(), name).map(iso::drawn_as),
                iso::english_name(name).to_owned(),
            )
        })
        .collect();

    // Fit: bounds of the member rings wholly inside the window, in raw units (y north).
    let mut bounds: Option<[[f64; 2]; 2]> = None;
    for (feature, (alpha2, _)) in features.iter().zip(&identities) {
        if !alpha2.is_some_and(|a| settings.members.iter().any(|m| m == a)) {
            continue;
        }
        for ring in feature.polygons().into_iter().flatten() {
            let degrees = stitch(&arcs_degrees, ring);
            if degrees.is_empty()
                || !degrees
                    .iter()
                    .all(|&p| inside_window(p, settings.fit_window))
            {
                continue;
            }
            for p in stitch(&arcs_raw, ring) {
                let [[x0, y0], [x1, y1]] = bounds.unwrap_or([p, p]);
                bounds = Some([[x0.min(p[0]), y0.min(p[1])], [x1.max(p[0]), y1.max(p[1])]]);
            }
        }
    }
    let bounds = bounds.ok_or(PrepareError::NothingToFit)?;
    let width = settings.view_width;
    let pad = width * settings.padding;
    let scale = (width - 2.0 * pad) / (bounds[1][0] - bounds[0][0]);
    let height = ((bounds[1][1] - bounds[0][1]) * scale + 2.0 * pad).ceil();
    let transform = fit_extent(raw, bounds, [[pad, pad], [width - pad, height - pad]]);
    let projection = Projection { raw, transform };

    // Simplify every arc once, in view units.
    let arcs_view: Vec<Vec<[f64; 2]>> = arcs_raw
        .iter()
        .map(|arc| arc.iter().map(|&p| transform.apply(p)).collect())
        .collect();
    let mut simplifier = Simplifier::new(&arcs_view, settings.simplify_area);
    for feature in &features {
        for ring in feature.polygons().into_iter().flatten() {
            simplifier.protect_ring(ring, settings.min_ring_vertices);
        }
    }
    let simplified = simplifier.simplified(&arcs_view);

    // Clip, filter, write.
    let view = Rect {
        x0: 0.0,
        y0: 0.0,
        x1: width,
        y1: height,
    };
    let mut countries = Vec::new();
    let mut unknown = BTreeSet::new();
    let mut rings_written = 0;
    for (feature, (alpha2, name)) in features.iter().zip(&identities) {
        let polygons: Vec<ClippedPolygon> = feature
            .polygons()
            .into_iter()
            .filter_map(|polygon| {
                let mut rings = polygon_rings(&simplified, polygon)
                    .into_iter()
                    .map(|ring| clip_ring(&ring, view));
                let exterior = rings.next()?;
                let area = signed_area(&exterior).abs();
                let holes = rings.filter(|ring| signed_area(ring).abs() > EMPTY_AREA);
                (area > EMPTY_AREA).then(|| ClippedPolygon {
                    rings: std::iter::once(exterior).chain(holes).collect(),
                    area,
                })
            })
            .collect();
        let Some(largest) = polygons
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.area.total_cmp(&b.1.area).then(b.0.cmp(&a.0)))
            .map(|(i, _)| i)
        else {
            continue; // nothing in view
        };
        if alpha2.is_none() {
            if let Some(numeric) = &feature.id {
                unknown.insert(format!("{numeric} ({name})"));
                continue;
            }
        }
        let kept: Vec<&ClippedPolygon> = polygons
            .iter()
            .enumerate()
            .filter(|(i, p)| *i == largest || p.area >= settings.min_ring_area)
            .map(|(_, p)| p)
            .collect();
        let rings: Vec<&Vec<[f64; 2]>> = kept.iter().flat_map(|p| &p.rings).collect();
        let quantised = path::quantised_rings(&rings);
        let label_polygon = &polygons[largest].rings;
        let label = polylabel(label_polygon, settings.label_precision).unwrap_or([0.0, 0.0]);
        let bbox = bounding_box(&quantised).unwrap_or_default();
        rings_written += quantised.len();
        let country = Country {
            id: alpha2.map(str::to_owned),
            name: name.clone(),
            d: path::d(&rings),
            label: label.map(path::round_to_quantum),
            bbox,
        };
        // A part drawn as its country (Åland as Finland) joins the country's shape.
        match countries
            .iter_mut()
            .find(|c: &&mut Country| c.id.is_some() && c.id == country.id)
        {
            Some(existing) => merge_into(existing, country),
            None => countries.push(country),
        }
    }
    if !unknown.is_empty() {
        return Err(PrepareError::UnknownIds(unknown.into_iter().collect()));
    }
    countries
        .sort_by(|a, b| (a.id.is_none(), &a.id, &a.name).cmp(&(b.id.is_none(), &b.id, &b.name)));
    if let Some(pair) = countries
        .windows(2)
        .find(|pair| pair[0].id.is_some() && pair[0].id == pair[1].id)
    {
        return Err(PrepareError::DuplicateId(
            pair[0].id.clone().unwrap_or_default(),
        ));
    }
    let stats = Stats {
        features: features.len(),
        arcs: arcs_view.len(),
        points_before: arcs_view.iter().map(Vec::len).sum(),
        points_kept: simplifier.kept_points(),
        rings_written,
        path_bytes: countries.iter().map(|c| c.d.len()).sum(),
    };
    Ok(PreparedMap {
        // The height is a whole number by construction; the width is set by the caller.
        width: width.round() as u32,
        height: height as u32,
        projection,
        countries,
        stats,
    })
}

/// Adds `part`'s rings to `country`: the name and label of the one with the larger bounding box
/// stay, the boxes are joined.
fn merge_into(country: &mut Country, part: Country) {
    let area = |b: &[f64; 4]| (b[2] - b[0]) * (b[3] - b[1]);
    if area(&part.bbox) > area(&country.bbox) {
        country.name = part.name;
        country.label = part.label;
    }
    country.d.push_str(&part.d);
    let [a, b] = [country.bbox, part.bbox];
    country.bbox = [
        a[0].min(b[0]),
        a[1].min(b[1]),
        a[2].max(b[2]),
        a[3].max(b[3]),
    ];
}

/// Text of the `about` field.
pub const ABOUT: &str =
    "Natural Earth 1:50m countries (public domain), world-atlas 2.0.2; prepared by scripts/prepare-map";

/// Writes the prepared map as JSON: fixed key order, one country per line, trailing newline.
pub fn to_json(map: &PreparedMap) -> Result<String, serde_json::Error> {
    let p = &map.projection;
    let mut out = String::new();
    out.push_str("{\n");
    out.push_str(&format!(
        "  \"about\": {},\n",
        serde_json::to_string(ABOUT)?
    ));
    out.push_str(&format!("  \"width\": {},\n", map.width));
    out.push_str(&format!("  \"height\": {},\n", map.height));
    out.push_str(&format!(
        "  \"projection\": {{ \"lon0_deg\": {}, \"lat0_deg\": {}, \"scale\": {}, \"translate\": [{}, {}] }},\n",
        serde_json::to_string(&p.raw.lon0_deg)?,
        serde_json::to_string(&p.raw.lat0_deg)?,
        serde_json::to_string(&p.transform.scale)?,
        serde_json::to_string(&p.transform.translate[0])?,
        serde_json::to_string(&p.transform.translate[1])?,
    ));
    out.push_str("  \"countries\": [\n");
    for (i, country) in map.countries.iter().enumerate() {
        let separator = if i + 1 < map.countries.len() { "," } else { "" };
        out.push_str(&format!(
            "    {}{separator}\n",
            serde_json::to_string(country)?
        ));
    }
    out.push_str("  ]\n}\n");
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small topology in degrees: two member countries ("752" Sweden and "578" Norway)
    /// sharing a border arc, and an island of Norway far outside the fit window.
    fn two_neighbours() -> Topology {
        Topology::from_json(
            r#"{"type": "Topology",
                "arcs": [
                    [[10, 50], [10.5, 52], [10, 54]],
                    [[10, 54], [6, 54], [6, 50], [10, 50]],
                    [[10, 50], [14, 50], [14, 54], [10, 54]],
                    [[100, 10], [101, 10], [101, 11], [100, 10]]
                ],
                "objects": {"countries": {"type": "GeometryCollection", "geometries": [
                    {"type": "MultiPolygon", "id": "578", "properties": {"name": "Norway"},
                     "arcs": [[[0, 1]], [[3]]]},
                    {"type": "Polygon", "id": "752", "properties": {"name": "Sweden"},
                     "arcs": [[2, -1]]},
                    {"type": "Polygon", "properties": {"name": "Kosovo"},
                     "arcs": [[3]]}
                ]}}}"#,
        )
        .unwrap()
    }

    #[test]
    fn the_view_is_fitted_to_the_member_rings_inside_the_window_with_padding() {
        let map = prepare(&two_neighbours(), &Settings::default()).unwrap();
        assert_eq!(map.width, 1000);
        assert!(map.height > 0);
        let bboxes: Vec<[f64; 4]> = map.countries.iter().map(|c| c.bbox).collect();
        let x0 = bboxes.iter().map(|b| b[0]).fold(f64::INFINITY, f64::min);
        let x1 = bboxes
            .iter()
            .map(|b| b[2])
            .fold(f64::NEG_INFINITY, f64::max);
        assert!((x0 - 30.0).abs() < 0.2, "{x0}");
        assert!((x1 - 970.0).abs() < 0.2, "{x1}");
        // The projection in the output maps the shared corner where the file says it is.
        let corner = map.projection.project(10.0, 54.0).unwrap();
        assert!(corner[1] >= 29.9 && corner[1] <= f64::from(map.height) - 29.9);
    }

    #[test]
    fn countries_are_sorted_by_id_and_ids_come_from_the_iso_table() {
        let map = prepare(&two_neighbours(), &Settings::default()).unwrap();
        let ids: Vec<Option<&str>> = map.countries.iter().map(|c| c.id.as_deref()).collect();
        // Kosovo's far-away ring is outside the view, so it is not written.
        assert_eq!(ids, vec![Some("NO"), Some("SE")]);
        assert_eq!(map.countries[0].name, "Norway");
    }

    #[test]
    fn labels_lie_inside_their_bounding_boxes() {
        let map = prepare(&two_neighbours(), &Settings::default()).unwrap();
        for c in &map.countries {
            let [x0, y0, x1, y1] = c.bbox;
            assert!(c.label[0] > x0 && c.label[0] < x1 && c.label[1] > y0 && c.label[1] < y1);
        }
    }

    #[test]
    fn neighbours_write_the_same_border_points() {
        let map = prepare(&two_neighbours(), &Settings::default()).unwrap();
        let rings = |i: usize| path::points(&map.countries[i].d).unwrap();
        let (norway, sweden) = (rings(0), rings(1));
        let key = |p: &[f64; 2]| ((p[0] * 10.0).round() as i64, (p[1] * 10.0).round() as i64);
        let norway_points: BTreeSet<_> = norway[0].iter().map(key).collect();
        let shared = sweden[0]
            .iter()
            .map(key)
            .filter(|k| norway_points.contains(k))
            .count();
        assert!(
            shared >= 2,
            "the shared border's end points at least: {shared}"
        );
    }

    #[test]
    fn the_json_has_the_agreed_shape() {
        let map = prepare(&two_neighbours(), &Settings::default()).unwrap();
        let text = to_json(&map).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["width"], 1000);
        assert_eq!(value["projection"]["lon0_deg"], 10.0);
        assert_eq!(value["projection"]["lat0_deg"], 52.0);
        assert_eq!(value["countries"].as_array().unwrap().len(), 2);
        assert!(value["countries"][0]["d"]
            .as_str()
            .unwrap()
            .starts_with('M'));
        assert_eq!(text.lines().filter(|l| l.contains("\"d\":")).count(), 2);
        assert!(text.ends_with("}\n"));
    }

    #[test]
    fn unknown_numeric_ids_in_view_are_an_error() {
        let mut topology = two_neighbours();
        if let Some(geometries) = topology
            .objects
            .get_mut("countries")
            .and_then(|o| o.geometries.as_mut())
        {
            geometries[1].id = Some(serde_json::Value::String("999".to_owned()));
        }
        let error = prepare(&topology, &Settings::default()).unwrap_err();
        assert!(matches!(error, PrepareError::UnknownIds(ids) if ids == vec!["999 (Sweden)"]));
    }
}
