//! Pole of inaccessibility ("polylabel"): the point inside a polygon farthest from its edges,
//! found by a best-first search over square cells, used to place country labels.
//!
//! Units: view units (x right, y down). A polygon is a list of rings, exterior first then holes;
//! rings may repeat their first point. Inside means inside by the even-odd rule.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// Stops the search after this many cells even if the precision is not reached (a guard against
/// pathological input; real countries need a few thousand at most).
const MAX_CELLS: usize = 200_000;

/// Signed distance from `p` to the polygon's outline: positive inside, negative outside.
pub fn signed_distance(p: [f64; 2], polygon: &[Vec<[f64; 2]>]) -> f64 {
    let mut inside = false;
    let mut nearest_squared = f64::INFINITY;
    for ring in polygon {
        let n = ring.len();
        if n == 0 {
            continue;
        }
        for i in 0..n {
            let a = ring[i];
            let b = ring[(i + 1) % n];
            if (a[1] > p[1]) != (b[1] > p[1])
                && p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0]
            {
                inside = !inside;
            }
            nearest_squared = nearest_squared.min(segment_distance_squared(p, a, b));
        }
    }
    let distance = nearest_squared.sqrt();
    if inside {
        distance
    } else {
        -distance
    }
}

/// Squared distance from `p` to the segment `a b`.
fn segment_distance_squared(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let length_squared = dx * dx + dy * dy;
    let t = if length_squared > 0.0 {
        (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length_squared).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (x, y) = (a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
    x * x + y * y
}

/// A square cell: centre, half size, distance of the centre to the outline, and the best
/// distance any point of the cell could have.
#[derive(Clone, Copy)]
struct Cell {
    centre: [f64; 2],
    half: f64,
    distance: f64,
    potential: f64,
}

impl Cell {
    fn new(centre: [f64; 2], half: f64, polygon: &[Vec<[f64; 2]>]) -> Self {
        let distance = signed_distance(centre, polygon);
        Self {
            centre,
            half,
            distance,
            potential: distance + half * std::f64::consts::SQRT_2,
        }
    }
}

impl PartialEq for Cell {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Cell {}

impl Ord for Cell {
    fn cmp(&self, other: &Self) -> Ordering {
        self.potential.total_cmp(&other.potential)
    }
}

impl PartialOrd for Cell {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Area-weighted centroid of a ring (falls back to the first point for zero area).
fn centroid(ring: &[[f64; 2]]) -> Option<[f64; 2]> {
    let first = *ring.first()?;
    let n = ring.len();
    let (mut x, mut y, mut twice_area) = (0.0, 0.0, 0.0);
    for i in 0..n {
        let (a, b) = (ring[i], ring[(i + 1) % n]);
        let cross = a[0] * b[1] - b[0] * a[1];
        x += (a[0] + b[0]) * cross;
        y += (a[1] + b[1]) * cross;
        twice_area += cross;
    }
    if twice_area == 0.0 {
        return Some(first);
    }
    Some([x / (3.0 * twice_area), y / (3.0 * twice_area)])
}

/// The pole of inaccessibility of `polygon` to within `precision` view units; `None` when the
/// exterior ring has no point.
pub fn polylabel(polygon: &[Vec<[f64; 2]>], precision: f64) -> Option<[f64; 2]> {
    let exterior = polygon.first()?;
    let first = *exterior.first()?;
    let [mut x0, mut y0, mut x1, mut y1] = [first[0], first[1], first[0], first[1]];
    for p in exterior {
        x0 = x0.min(p[0]);
        y0 = y0.min(p[1]);
        x1 = x1.max(p[0]);
        y1 = y1.max(p[1]);
    }
    let (width, height) = (x1 - x0, y1 - y0);
    let cell_size = width.min(height);
    if cell_size <= 0.0 || !cell_size.is_finite() {
        return Some([(x0 + x1) / 2.0, (y0 + y1) / 2.0]);
    }
    let half = cell_size / 2.0;
    let mut queue = BinaryHeap::new();
    let mut y = y0;
    while y < y1 {
        let mut x = x0;
        while x < x1 {
            queue.push(Cell::new([x + half, y + half], half, polygon));
            x += cell_size;
        }
        y += cell_size;
    }
    let mut best = Cell::new(centroid(exterior).unwrap_or(first), 0.0, polygon);
    let box_centre = Cell::new([x0 + width / 2.0, y0 + height / 2.0], 0.0, polygon);
    if box_centre.distance > best.distance {
        best = box_centre;
    }
    let mut visited = 0;
    while let Some(cell) = queue.pop() {
        visited += 1;
        if visited > MAX_CELLS {
            break;
        }
        if cell.distance > best.distance {
            best = cell;
        }
        if cell.potential - best.distance <= precision {
            continue;
        }
        let quarter = cell.half / 2.0;
        for (dx, dy) in [(-1.0, -1.0), (1.0, -1.0), (-1.0, 1.0), (1.0, 1.0)] {
            queue.push(Cell::new(
                [cell.centre[0] + dx * quarter, cell.centre[1] + dy * quarter],
                quarter,
                polygon,
            ));
        }
    }
    Some(best.centre)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A C open to the east: a 30 × 30 square minus the slot x > 10, 10 < y < 20.
    fn c_shape() -> Vec<Vec<[f64; 2]>> {
        vec![vec![
            [0.0, 0.0],
            [30.0, 0.0],
            [30.0, 10.0],
            [10.0, 10.0],
            [10.0, 20.0],
            [30.0, 20.0],
            [30.0, 30.0],
            [0.0, 30.0],
            [0.0, 0.0],
        ]]
    }

    #[test]
    fn polylabel_lands_inside_a_c_shaped_polygon_whose_centroid_is_outside() {
        let polygon = c_shape();
        let centroid = centroid(&polygon[0]).unwrap();
        assert!(signed_distance(centroid, &polygon) < 0.0, "{centroid:?}");
        let label = polylabel(&polygon, 0.5).unwrap();
        let distance = signed_distance(label, &polygon);
        // The widest part of the C is 10 units thick, so the best distance is 5.
        assert!(distance > 5.0 - 0.5 - 1e-9, "{label:?} at {distance}");
    }

    #[test]
    fn polylabel_avoids_a_hole() {
        let polygon = vec![
            vec![[0.0, 0.0], [40.0, 0.0], [40.0, 40.0], [0.0, 40.0]],
            vec![[10.0, 10.0], [30.0, 10.0], [30.0, 30.0], [10.0, 30.0]],
        ];
        let label = polylabel(&polygon, 0.5).unwrap();
        assert!(signed_distance(label, &polygon) > 4.0, "{label:?}");
    }

    #[test]
    fn polylabel_of_a_square_is_its_centre() {
        let polygon = vec![vec![[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]]];
        let label = polylabel(&polygon, 0.1).unwrap();
        assert!(
            (label[0] - 5.0).abs() < 0.2 && (label[1] - 5.0).abs() < 0.2,
            "{label:?}"
        );
    }

    #[test]
    fn degenerate_polygons_get_a_point_not_a_panic() {
        assert_eq!(polylabel(&[], 0.5), None);
        assert_eq!(polylabel(&[vec![]], 0.5), None);
        assert_eq!(
            polylabel(&[vec![[1.0, 2.0], [3.0, 2.0]]], 0.5),
            Some([2.0, 2.0])
        );
    }

    #[test]
    fn signed_distance_is_positive_inside_and_negative_outside() {
        let polygon = c_shape();
        // (point, expected signed distance)
        let cases = [
            ([5.0, 15.0], 5.0),
            ([20.0, 15.0], -5.0),
            ([-2.0, 15.0], -2.0),
        ];
        for (p, expected) in cases {
            assert!(
                (signed_distance(p, &polygon) - expected).abs() < 1e-9,
                "{p:?}"
            );
        }
    }
}
