//! TopoJSON decoding (the subset of the TopoJSON 1.0 specification a country file uses):
//! quantised arcs delta-decoded with the topology's transform, arc references (`~i` means arc
//! `i` reversed), and arc -> ring -> polygon -> geometry stitching.
//!
//! Units: decoded positions are in the topology's own coordinates after the transform, which
//! for world-atlas is `[longitude, latitude]` in degrees (x east, y north). Stitching works on
//! any arc list with the same indices, so the same references also build projected rings.

use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;

/// Everything that can go wrong while reading a topology.
#[derive(Debug, Clone, PartialEq)]
pub enum TopoError {
    /// The JSON is not a `"type": "Topology"` object.
    NotATopology(String),
    /// A position with fewer than two numbers.
    ShortPosition { arc: usize, index: usize },
    /// An arc reference past the end of the arc list.
    ArcOutOfRange { reference: i64, arc_count: usize },
    /// A geometry object whose members do not match its type.
    BadGeometry(String),
    /// The named object is not in `objects`.
    MissingObject(String),
}

impl fmt::Display for TopoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotATopology(kind) => write!(f, "expected a Topology, found type {kind:?}"),
            Self::ShortPosition { arc, index } => {
                write!(
                    f,
                    "arc {arc} has a position with fewer than 2 numbers at {index}"
                )
            }
            Self::ArcOutOfRange {
                reference,
                arc_count,
            } => write!(
                f,
                "arc reference {reference} is out of range for {arc_count} arcs"
            ),
            Self::BadGeometry(what) => write!(f, "malformed geometry: {what}"),
            Self::MissingObject(name) => write!(f, "the topology has no object {name:?}"),
        }
    }
}

impl std::error::Error for TopoError {}

/// The quantisation transform: `position = sum_of_deltas * scale + translate`, per axis.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
pub struct QuantisationTransform {
    pub scale: [f64; 2],
    pub translate: [f64; 2],
}

/// A topology as stored: arcs still quantised and delta-encoded when `transform` is present.
#[derive(Debug, Clone, Deserialize)]
pub struct Topology {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub transform: Option<QuantisationTransform>,
    pub arcs: Vec<Vec<Vec<f64>>>,
    pub objects: BTreeMap<String, RawGeometry>,
}

/// A geometry object as stored, before its arcs are checked and typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawGeometry {
    #[serde(rename = "type")]
    pub kind: Option<String>,
    #[serde(default)]
    pub id: Option<Value>,
    #[serde(default)]
    pub properties: Option<Map<String, Value>>,
    #[serde(default)]
    pub arcs: Option<Value>,
    #[serde(default)]
    pub coordinates: Option<Value>,
    #[serde(default)]
    pub geometries: Option<Vec<RawGeometry>>,
}

/// One reference from a geometry to an arc: `i` reads arc `i` forwards, `~i` (that is `-i - 1`)
/// reads it backwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ArcRef {
    Forward(usize),
    Reversed(usize),
}

impl ArcRef {
    /// Decodes a stored reference, checking it against the number of arcs.
    pub fn from_stored(reference: i64, arc_count: usize) -> Result<Self, TopoError> {
        let out_of_range = TopoError::ArcOutOfRange {
            reference,
            arc_count,
        };
        let arc_ref = if reference >= 0 {
            usize::try_from(reference).map(Self::Forward)
        } else {
            usize::try_from(!reference).map(Self::Reversed)
        }
        .map_err(|_| out_of_range.clone())?;
        if arc_ref.index() < arc_count {
            Ok(arc_ref)
        } else {
            Err(out_of_range)
        }
    }

    /// The index of the arc referred to, whatever the direction.
    pub fn index(self) -> usize {
        match self {
            Self::Forward(i) | Self::Reversed(i) => i,
        }
    }
}

/// A ring or line as a chain of arc references.
pub type Chain = Vec<ArcRef>;
/// A polygon: exterior ring first, then holes.
pub type PolygonRefs = Vec<Chain>;

/// The typed shape of a geometry object.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Null,
    Point([f64; 2]),
    MultiPoint(Vec<[f64; 2]>),
    LineString(Chain),
    MultiLineString(Vec<Chain>),
    Polygon(PolygonRefs),
    MultiPolygon(Vec<PolygonRefs>),
}

/// A decoded geometry object (GeometryCollections are flattened into their members).
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    /// The object's `id`, numbers written as strings.
    pub id: Option<String>,
    pub properties: Map<String, Value>,
    pub shape: Shape,
}

impl Feature {
    /// `properties.name`, if it is a string.
    pub fn name(&self) -> Option<&str> {
        self.properties.get("name").and_then(Value::as_str)
    }

    /// The polygons of a Polygon or MultiPolygon (none for other shapes).
    pub fn polygons(&self) -> Vec<&PolygonRefs> {
        match &self.shape {
            Shape::Polygon(polygon) => vec![polygon],
            Shape::MultiPolygon(polygons) => polygons.iter().collect(),
            _ => Vec::new(),
        }
    }
}

impl Topology {
    /// Parses a topology from JSON text.
    pub fn from_json(text: &str) -> Result<Self, Box<dyn std::error::Error>> {
        let topology: Self = serde_json::from_str(text)?;
        if topology.kind != "Topology" {
            return Err(Box::new(TopoError::NotATopology(topology.kind)));
        }
        Ok(topology)
    }

    /// Absolute arc positions: delta-decoded and transformed when the topology is quantised,
    /// used as they are otherwise. Extra dimensions beyond x and y are dropped.
    pub fn decode_arcs(&self) -> Result<Vec<Vec<[f64; 2]>>, TopoError> {
        self.arcs
            .iter()
            .enumerate()
            .map(|(arc, positions)| {
                let mut sum = [0.0_f64; 2];
                positions
                    .iter()
                    .enumerate()
                    .map(|(index, position)| {
                        let (&x, &y) = position
                            .first()
                            .zip(position.get(1))
                            .ok_or(TopoError::ShortPosition { arc, index })?;
                        Ok(match self.transform {
                            Some(t) => {
                                sum = [sum[0] + x, sum[1] + y];
                                [
                                    sum[0] * t.scale[0] + t.translate[0],
                                    sum[1] * t.scale[1] + t.translate[1],
                                ]
                            }
                            None => [x, y],
                        })
                    })
                    .collect()
            })
            .collect()
    }

    /// The geometry objects of `objects[name]`, GeometryCollections flattened.
    pub fn features(&self, name: &str) -> Result<Vec<Feature>, TopoError> {
        let object = self
            .objects
            .get(name)
            .ok_or_else(|| TopoError::MissingObject(name.to_owned()))?;
        let mut out = Vec::new();
        self.collect_features(object, &mut out)?;
        Ok(out)
    }

    fn collect_features(&self, raw: &RawGeometry, out: &mut Vec<Feature>) -> Result<(), TopoError> {
        if raw.kind.as_deref() == Some("GeometryCollection") {
            for member in raw.geometries.iter().flatten() {
                self.collect_features(member, out)?;
            }
            return Ok(());
        }
        let arc_count = self.arcs.len();
        let arcs = || {
            raw.arcs
                .as_ref()
                .ok_or_else(|| TopoError::BadGeometry(format!("{:?} without arcs", raw.kind)))
        };
        let coordinates = || {
            raw.coordinates.as_ref().ok_or_else(|| {
                TopoError::BadGeometry(format!("{:?} without coordinates", raw.kind))
            })
        };
        let shape = match raw.kind.as_deref() {
            None => Shape::Null,
            Some("Point") => Shape::Point(self.position(coordinates()?)?),
            Some("MultiPoint") => Shape::MultiPoint(
                list(coordinates()?)?
                    .iter()
                    .map(|p| self.position(p))
                    .collect::<Result<_, _>>()?,
            ),
            Some("LineString") => Shape::LineString(chain(arcs()?, arc_count)?),
            Some("MultiLineString") => Shape::MultiLineString(chains(arcs()?, arc_count)?),
            Some("Polygon") => Shape::Polygon(chains(arcs()?, arc_count)?),
            Some("MultiPolygon") => Shape::MultiPolygon(
                list(arcs()?)?
                    .iter()
                    .map(|polygon| chains(polygon, arc_count))
                    .collect::<Result<_, _>>()?,
            ),
            Some(other) => return Err(TopoError::BadGeometry(format!("unknown type {other:?}"))),
        };
        let id = match &raw.id {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        };
        out.push(Feature {
            id,
            properties: raw.properties.clone().unwrap_or_default(),
            shape,
        });
        Ok(())
    }

    /// A point position: quantised positions are absolute (not delta-encoded) but transformed.
    fn position(&self, value: &Value) -> Result<[f64; 2], TopoError> {
        let items = list(value)?;
        let number = |i: usize| {
            items
                .get(i)
                .and_then(Value::as_f64)
                .ok_or_else(|| TopoError::BadGeometry(format!("bad position {value}")))
        };
        let (x, y) = (number(0)?, number(1)?);
        Ok(match self.transform {
            Some(t) => [
                x * t.scale[0] + t.translate[0],
                y * t.scale[1] + t.translate[1],
            ],
            None => [x, y],
        })
    }
}

fn list(value: &Value) -> Result<&Vec<Value>, TopoError> {
    value
        .as_array()
        .ok_or_else(|| TopoError::BadGeometry(format!("expected an array, found {value}")))
}

fn chain(value: &Value, arc_count: usize) -> Result<Chain, TopoError> {
    list(value)?
        .iter()
        .map(|reference| {
            let stored = reference
                .as_i64()
                .ok_or_else(|| TopoError::BadGeometry(format!("bad arc reference {reference}")))?;
            ArcRef::from_stored(stored, arc_count)
        })
        .collect()
}

fn chains(value: &Value, arc_count: usize) -> Result<Vec<Chain>, TopoError> {
    list(value)?.iter().map(|c| chain(c, arc_count)).collect()
}

/// Follows a chain of arc references through `arcs` (any arc list with the topology's
/// indices: decoded, projected or simplified). Consecutive arcs share their joining point, which
/// is written once; a ring built this way ends on its first point. References past the end of
/// `arcs` are skipped.
pub fn stitch(arcs: &[Vec<[f64; 2]>], refs: &[ArcRef]) -> Vec<[f64; 2]> {
    let mut out: Vec<[f64; 2]> = Vec::new();
    for &arc_ref in refs {
        let Some(arc) = arcs.get(arc_ref.index()) else {
            continue;
        };
        let skip = usize::from(!out.is_empty());
        match arc_ref {
            ArcRef::Forward(_) => out.extend(arc.iter().skip(skip)),
            ArcRef::Reversed(_) => out.extend(arc.iter().rev().skip(skip)),
        }
    }
    out
}

/// The rings of a polygon, stitched through `arcs`.
pub fn polygon_rings(arcs: &[Vec<[f64; 2]>], polygon: &PolygonRefs) -> Vec<Vec<[f64; 2]>> {
    polygon.iter().map(|ring| stitch(arcs, ring)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topology(json: &str) -> Topology {
        Topology::from_json(json).unwrap()
    }

    /// Two arcs forming the unit square: the bottom-and-right arc, then the top-and-left arc
    /// stored in the opposite direction so the square has to read it reversed.
    const SQUARE: &str = r#"{
        "type": "Topology",
        "arcs": [
            [[0, 0], [1, 0], [1, 1]],
            [[0, 0], [0, 1], [1, 1]]
        ],
        "objects": {"shapes": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "id": "SQ", "properties": {"name": "Square"}, "arcs": [[0, -2]]}
        ]}}
    }"#;

    #[test]
    fn a_square_made_of_two_arcs_one_of_them_reversed_closes_on_its_first_point() {
        let topo = topology(SQUARE);
        let arcs = topo.decode_arcs().unwrap();
        let features = topo.features("shapes").unwrap();
        assert_eq!(features.len(), 1);
        assert_eq!(features[0].id.as_deref(), Some("SQ"));
        assert_eq!(features[0].name(), Some("Square"));
        let Shape::Polygon(polygon) = &features[0].shape else {
            panic!("expected a polygon, got {:?}", features[0].shape);
        };
        assert_eq!(polygon[0], vec![ArcRef::Forward(0), ArcRef::Reversed(1)]);
        let rings = polygon_rings(&arcs, polygon);
        assert_eq!(
            rings,
            vec![vec![
                [0.0, 0.0],
                [1.0, 0.0],
                [1.0, 1.0],
                [0.0, 1.0],
                [0.0, 0.0]
            ]]
        );
    }

    #[test]
    fn the_tilde_trick_maps_negative_references_to_reversed_arcs() {
        // (stored, expected)
        let cases = [
            (0, ArcRef::Forward(0)),
            (4, ArcRef::Forward(4)),
            (-1, ArcRef::Reversed(0)),
            (-5, ArcRef::Reversed(4)),
        ];
        for (stored, expected) in cases {
            assert_eq!(ArcRef::from_stored(stored, 5), Ok(expected), "{stored}");
        }
        for stored in [5, -6] {
            assert!(ArcRef::from_stored(stored, 5).is_err(), "{stored}");
        }
    }

    #[test]
    fn quantised_arcs_are_delta_decoded_with_the_transform() {
        let topo = topology(
            r#"{"type": "Topology",
                "transform": {"scale": [0.5, 2.0], "translate": [-10.0, 100.0]},
                "arcs": [[[4, 1], [2, 0], [-1, 3]]],
                "objects": {}}"#,
        );
        let arcs = topo.decode_arcs().unwrap();
        // Running sums (4, 1), (6, 1), (5, 4), then * scale + translate.
        let expected = [[-8.0, 102.0], [-7.0, 102.0], [-7.5, 108.0]];
        assert_eq!(arcs[0].len(), expected.len());
        for (got, want) in arcs[0].iter().zip(expected) {
            assert!((got[0] - want[0]).abs() < 1e-12 && (got[1] - want[1]).abs() < 1e-12);
        }
    }

    #[test]
    fn points_are_transformed_but_not_delta_decoded() {
        let topo = topology(
            r#"{"type": "Topology",
                "transform": {"scale": [0.5, 0.5], "translate": [1.0, 1.0]},
                "arcs": [],
                "objects": {"p": {"type": "MultiPoint", "coordinates": [[2, 2], [4, 4]]}}}"#,
        );
        let features = topo.features("p").unwrap();
        assert_eq!(
            features[0].shape,
            Shape::MultiPoint(vec![[2.0, 2.0], [3.0, 3.0]])
        );
    }

    #[test]
    fn a_polygon_with_a_hole_keeps_the_hole_as_its_second_ring() {
        let topo = topology(
            r#"{"type": "Topology",
                "arcs": [
                    [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]],
                    [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]]
                ],
                "objects": {"o": {"type": "Polygon", "id": 7, "arcs": [[0], [1]]}}}"#,
        );
        let arcs = topo.decode_arcs().unwrap();
        let features = topo.features("o").unwrap();
        assert_eq!(
            features[0].id.as_deref(),
            Some("7"),
            "numeric ids become strings"
        );
        let polygons = features[0].polygons();
        assert_eq!(polygons.len(), 1);
        let rings = polygon_rings(&arcs, polygons[0]);
        assert_eq!(rings.len(), 2);
        assert_eq!(rings[0].len(), 5);
        assert_eq!(rings[1][0], [1.0, 1.0]);
        assert_eq!(rings[1].first(), rings[1].last());
    }

    #[test]
    fn a_multipolygon_yields_one_polygon_per_part_sharing_a_border_arc() {
        // Two unit squares side by side; arc 0 is their shared edge x = 1.
        let topo = topology(
            r#"{"type": "Topology",
                "arcs": [
                    [[1, 0], [1, 1]],
                    [[1, 1], [0, 1], [0, 0], [1, 0]],
                    [[1, 0], [2, 0], [2, 1], [1, 1]]
                ],
                "objects": {"o": {"type": "MultiPolygon", "arcs": [[[0, 1]], [[2, -1]]]}}}"#,
        );
        let arcs = topo.decode_arcs().unwrap();
        let features = topo.features("o").unwrap();
        assert_eq!(features[0].id, None);
        let polygons = features[0].polygons();
        assert_eq!(polygons.len(), 2);
        let left = polygon_rings(&arcs, polygons[0]);
        let right = polygon_rings(&arcs, polygons[1]);
        assert_eq!(
            left[0],
            vec![[1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0], [1.0, 0.0]]
        );
        assert_eq!(
            right[0],
            vec![[1.0, 0.0], [2.0, 0.0], [2.0, 1.0], [1.0, 1.0], [1.0, 0.0]]
        );
    }

    #[test]
    fn null_geometries_and_lines_decode_without_polygons() {
        let topo = topology(
            r#"{"type": "Topology",
                "arcs": [[[0, 0], [1, 1]]],
                "objects": {"c": {"type": "GeometryCollection", "geometries": [
                    {"type": null, "id": "N"},
                    {"type": "LineString", "arcs": [0]},
                    {"type": "MultiLineString", "arcs": [[0], [-1]]}
                ]}}}"#,
        );
        let features = topo.features("c").unwrap();
        assert_eq!(features[0].shape, Shape::Null);
        assert_eq!(
            features[1].shape,
            Shape::LineString(vec![ArcRef::Forward(0)])
        );
        assert!(features.iter().all(|f| f.polygons().is_empty()));
    }

    #[test]
    fn malformed_input_is_an_error_not_a_panic() {
        let cases = [
            r#"{"type": "FeatureCollection", "arcs": [], "objects": {}}"#,
            r#"{"type": "Topology", "arcs": [[[1]]], "objects": {}}"#,
        ];
        for json in cases {
            let result = Topology::from_json(json)
                .map_err(|e| e.to_string())
                .and_then(|t| t.decode_arcs().map_err(|e| e.to_string()));
            assert!(result.is_err(), "{json}");
        }
        let topo = topology(
            r#"{"type": "Topology", "arcs": [[[0, 0], [1, 1]]],
                "objects": {"o": {"type": "Polygon", "arcs": [[3]]}}}"#,
        );
        assert_eq!(
            topo.features("o"),
            Err(TopoError::ArcOutOfRange {
                reference: 3,
                arc_count: 1
            })
        );
        assert!(matches!(
            topo.features("x"),
            Err(TopoError::MissingObject(_))
        ));
    }
}
