//! Which shapes of the prepared map share a border, found from the vertices their paths share.
//!
//! `scripts/prepare-map` simplifies the map with shared arcs and writes every path on the same
//! 0.1-unit grid ([`super::path::QUANTUM`]), so two countries with a common border have exactly the
//! same vertices along it. Two shapes are neighbours when they share at least
//! [`MIN_SHARED_VERTICES`] vertices: one shared vertex is only a touching point (on the prepared
//! map, Georgia and Türkiye touch at one point where their border meets the view's edge), while
//! every real border of the map shares at least two (the shortest, Egypt and Palestine, exactly
//! two; Andorra, Liechtenstein and Monaco four or more).
//!
//! Pure and `std` only: `build.rs` compiles this file by path (next to `path.rs`, which it parses
//! paths with) and bakes the result into the map, so the app never computes it at run time.

use super::path::{points, quantise, PathError};
use std::collections::{BTreeMap, BTreeSet};

/// How many vertices two shapes must share to count as neighbours.
pub const MIN_SHARED_VERTICES: usize = 2;

/// Why the neighbours could not be worked out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AdjacencyError {
    /// The id of the shape whose path could not be read.
    pub id: String,
    pub error: PathError,
}

impl std::fmt::Display for AdjacencyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "shape \"{}\": {}", self.id, self.error)
    }
}

impl std::error::Error for AdjacencyError {}

/// A vertex on the 0.1-unit grid, as integer tenths.
type Vertex = [i64; 2];

/// The distinct grid vertices of a path (points that are not finite are left out).
fn vertices(d: &str) -> Result<BTreeSet<Vertex>, PathError> {
    Ok(points(d)?
        .iter()
        .flatten()
        .filter_map(|[x, y]| Some([quantise(*x)?, quantise(*y)?]))
        .collect())
}

/// How many vertices each pair of shapes shares, for every pair that shares at least one.
/// `shapes` are `(id, path d)`; pairs are `(smaller id, larger id)`, in order. Shapes with the
/// same id are treated as one shape.
pub fn shared_vertex_counts<'a>(
    shapes: &[(&'a str, &str)],
) -> Result<BTreeMap<(&'a str, &'a str), usize>, AdjacencyError> {
    let mut owners: BTreeMap<Vertex, BTreeSet<&'a str>> = BTreeMap::new();
    for &(id, d) in shapes {
        let found = vertices(d).map_err(|error| AdjacencyError {
            id: id.to_owned(),
            error,
        })?;
        for vertex in found {
            owners.entry(vertex).or_default().insert(id);
        }
    }
    let mut counts = BTreeMap::new();
    for ids in owners.values().filter(|ids| ids.len() > 1) {
        // `ids` is sorted, so each pair comes out as (smaller, larger).
        let ids: Vec<&'a str> = ids.iter().copied().collect();
        for (i, &a) in ids.iter().enumerate() {
            for &b in ids.iter().skip(i + 1) {
                *counts.entry((a, b)).or_insert(0) += 1;
            }
        }
    }
    Ok(counts)
}

/// The pairs of shapes that share a border: at least [`MIN_SHARED_VERTICES`] vertices.
/// `shapes` are `(id, path d)`. Each pair comes once, as `(smaller id, larger id)`, and the list
/// is sorted.
pub fn neighbours(shapes: &[(&str, &str)]) -> Result<Vec<(String, String)>, AdjacencyError> {
    Ok(shared_vertex_counts(shapes)?
        .into_iter()
        .filter(|&(_, count)| count >= MIN_SHARED_VERTICES)
        .map(|((a, b), _)| (a.to_owned(), b.to_owned()))
        .collect())
}

/// Whether `a` and `b` are a pair of a sorted, de-duplicated neighbour list (either order).
pub fn contains_pair<A: AsRef<str>, B: AsRef<str>>(pairs: &[(A, B)], a: &str, b: &str) -> bool {
    let key = if a <= b { (a, b) } else { (b, a) };
    pairs
        .binary_search_by(|(x, y)| (x.as_ref(), y.as_ref()).cmp(&key))
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An axis-aligned square with its lower left corner at (x, y) and side `side`, as `d`.
    fn square(x: f64, y: f64, side: f64) -> String {
        super::super::path::d(&[vec![
            [x, y],
            [x + side, y],
            [x + side, y + side],
            [x, y + side],
        ]])
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    #[test]
    fn squares_sharing_a_side_are_neighbours_and_squares_touching_at_a_corner_are_not() {
        // b is right of a (shares a side); c is diagonal to a (one corner), below b (a side).
        let (a, b, c) = (
            square(0.0, 0.0, 1.0),
            square(1.0, 0.0, 1.0),
            square(2.0, 1.0, 1.0),
        );
        let far = square(10.0, 10.0, 1.0);
        let shapes = [
            ("c", c.as_str()),
            ("a", a.as_str()),
            ("b", b.as_str()),
            ("far", far.as_str()),
        ];
        assert_eq!(neighbours(&shapes), Ok(pairs(&[("a", "b")])));
        let counts = shared_vertex_counts(&shapes).unwrap();
        assert_eq!(counts.get(&("a", "b")), Some(&2));
        assert_eq!(counts.get(&("b", "c")), Some(&1));
        assert_eq!(counts.get(&("a", "c")), None);
    }

    #[test]
    fn a_longer_shared_border_counts_once_per_pair_and_pairs_are_sorted() {
        // Two stacked unit squares on the left share the long side of a 1x2 rectangle on the
        // right, which has a vertex in the middle of that side.
        let right = super::super::path::d(&[vec![
            [1.0, 0.0],
            [2.0, 0.0],
            [2.0, 2.0],
            [1.0, 2.0],
            [1.0, 1.0],
        ]]);
        let (low, high) = (square(0.0, 0.0, 1.0), square(0.0, 1.0, 1.0));
        let shapes = [
            ("z", right.as_str()),
            ("y", high.as_str()),
            ("x", low.as_str()),
        ];
        assert_eq!(
            neighbours(&shapes),
            Ok(pairs(&[("x", "y"), ("x", "z"), ("y", "z")]))
        );
    }

    #[test]
    fn vertices_are_compared_on_the_grid_and_islands_count_with_their_shape() {
        // The second square's corners are written with a different number form but are the
        // same grid points; "b" has an island elsewhere as a second ring.
        let a = "M0 0l1 0 0 1-1 0z";
        let b = "M1.0 0L2 0 2 1 1 1zM50 50l1 0 0 1z";
        assert_eq!(neighbours(&[("a", a), ("b", b)]), Ok(pairs(&[("a", "b")])));
    }

    #[test]
    fn a_broken_path_is_reported_with_its_shape() {
        let error = neighbours(&[("ok", "M0 0l1 0 0 1z"), ("bad", "M0 0C1 1")]).unwrap_err();
        assert_eq!(error.id, "bad");
        assert!(error
            .to_string()
            .starts_with("shape \"bad\": unsupported path command"));
    }

    #[test]
    fn pairs_are_found_in_either_order() {
        let list = pairs(&[("a", "b"), ("b", "c")]);
        assert!(contains_pair(&list, "a", "b"));
        assert!(contains_pair(&list, "c", "b"));
        assert!(!contains_pair(&list, "a", "c"));
        assert!(!contains_pair(&list, "a", "a"));
    }
}
