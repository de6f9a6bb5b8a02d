//! Clipping polygon rings to the view rectangle (Sutherland–Hodgman, one ring at a time) and
//! ring measures.
//!
//! Units: view units, x right, y DOWN, the rectangle given by its min and max corners. Rings
//! may or may not repeat their first point at the end; clipped rings never do. Points on the
//! rectangle's edge count as inside.

/// An axis-aligned rectangle `[x0, x1] × [y0, y1]` in view units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

/// One side of the rectangle: which axis it bounds, where, and which side is inside.
#[derive(Clone, Copy)]
struct Edge {
    axis: usize,
    at: f64,
    keep_below: bool,
}

impl Edge {
    fn inside(&self, p: [f64; 2]) -> bool {
        if self.keep_below {
            p[self.axis] <= self.at
        } else {
            p[self.axis] >= self.at
        }
    }

    /// Where segment `p q` crosses the edge. The endpoints are put in a fixed order first, so
    /// the two neighbours that walk a shared border in opposite directions get the very same
    /// point.
    fn intersection(&self, p: [f64; 2], q: [f64; 2]) -> [f64; 2] {
        let (a, b) = if (p[0], p[1]) <= (q[0], q[1]) {
            (p, q)
        } else {
            (q, p)
        };
        let (axis, other) = (self.axis, 1 - self.axis);
        let span = b[axis] - a[axis];
        let t = if span == 0.0 {
            0.0
        } else {
            (self.at - a[axis]) / span
        };
        let mut out = [0.0; 2];
        out[axis] = self.at;
        out[other] = a[other] + t * (b[other] - a[other]);
        out
    }
}

/// The ring without a closing repeat of its first point.
fn open_ring(ring: &[[f64; 2]]) -> &[[f64; 2]] {
    match ring {
        [first, rest @ .., last] if first == last && !rest.is_empty() => &ring[..ring.len() - 1],
        _ => ring,
    }
}

/// Clips one ring to `rect`. The result keeps the ring's orientation, has no closing repeat
/// and is empty when nothing of the ring is inside. A ring that surrounds part of the rectangle
/// comes back with stretches along the rectangle's sides.
pub fn clip_ring(ring: &[[f64; 2]], rect: Rect) -> Vec<[f64; 2]> {
    let edges = [
        Edge {
            axis: 0,
            at: rect.x0,
            keep_below: false,
        },
        Edge {
            axis: 0,
            at: rect.x1,
            keep_below: true,
        },
        Edge {
            axis: 1,
            at: rect.y0,
            keep_below: false,
        },
        Edge {
            axis: 1,
            at: rect.y1,
            keep_below: true,
        },
    ];
    let mut points: Vec<[f64; 2]> = open_ring(ring).to_vec();
    for edge in edges {
        let Some(&last) = points.last() else {
            break;
        };
        let mut out = Vec::with_capacity(points.len() + 4);
        let mut previous = last;
        for &current in &points {
            match (edge.inside(previous), edge.inside(current)) {
                (true, true) => out.push(current),
                (true, false) => out.push(edge.intersection(previous, current)),
                (false, true) => {
                    out.push(edge.intersection(previous, current));
                    out.push(current);
                }
                (false, false) => {}
            }
            previous = current;
        }
        out.dedup();
        while out.len() > 1 && out.first() == out.last() {
            out.pop();
        }
        points = out;
    }
    points
}

/// Signed area (shoelace) of a ring, with or without a closing repeat. Positive when the ring
/// turns counter-clockwise in y-up axes, which is clockwise on screen (y down).
pub fn signed_area(ring: &[[f64; 2]]) -> f64 {
    let ring = open_ring(ring);
    let n = ring.len();
    if n < 3 {
        return 0.0;
    }
    let twice: f64 = (0..n)
        .map(|i| {
            let (p, q) = (ring[i], ring[(i + 1) % n]);
            p[0] * q[1] - q[0] * p[1]
        })
        .sum();
    twice / 2.0
}

/// Bounding box `[x0, y0, x1, y1]` of some rings; `None` when they have no point.
pub fn bounding_box<'a>(rings: impl IntoIterator<Item = &'a Vec<[f64; 2]>>) -> Option<[f64; 4]> {
    rings
        .into_iter()
        .flatten()
        .fold(None, |acc: Option<[f64; 4]>, p| {
            Some(match acc {
                None => [p[0], p[1], p[0], p[1]],
                Some([x0, y0, x1, y1]) => [x0.min(p[0]), y0.min(p[1]), x1.max(p[0]), y1.max(p[1])],
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const VIEW: Rect = Rect {
        x0: 0.0,
        y0: 0.0,
        x1: 100.0,
        y1: 50.0,
    };

    fn inside(p: [f64; 2], rect: Rect) -> bool {
        let eps = 1e-9;
        p[0] >= rect.x0 - eps
            && p[0] <= rect.x1 + eps
            && p[1] >= rect.y0 - eps
            && p[1] <= rect.y1 + eps
    }

    #[test]
    fn a_ring_crossing_the_view_edge_stays_inside_and_keeps_its_inner_part() {
        // A square from x = 80 to 120 crossing the right edge at x = 100.
        let ring = vec![
            [80.0, 10.0],
            [120.0, 10.0],
            [120.0, 30.0],
            [80.0, 30.0],
            [80.0, 10.0],
        ];
        let clipped = clip_ring(&ring, VIEW);
        assert!(clipped.iter().all(|&p| inside(p, VIEW)), "{clipped:?}");
        assert!((signed_area(&clipped) - 400.0).abs() < 1e-9, "{clipped:?}");
        assert_eq!(clipped.len(), 4);
    }

    #[test]
    fn clipping_keeps_the_ring_orientation() {
        let ring = vec![[80.0, 10.0], [80.0, 30.0], [120.0, 30.0], [120.0, 10.0]];
        assert!(signed_area(&ring) < 0.0);
        assert!(signed_area(&clip_ring(&ring, VIEW)) < 0.0);
    }

    #[test]
    fn rings_wholly_inside_or_outside_are_kept_or_emptied() {
        // (ring, expected area after clipping)
        let cases = [
            (
                vec![[10.0, 10.0], [20.0, 10.0], [20.0, 20.0], [10.0, 20.0]],
                100.0,
            ),
            (vec![[110.0, 10.0], [120.0, 10.0], [120.0, 20.0]], 0.0),
            (
                vec![
                    [-10.0, -10.0],
                    [200.0, -10.0],
                    [200.0, 200.0],
                    [-10.0, 200.0],
                ],
                5000.0,
            ),
            (
                vec![[0.0, 0.0], [100.0, 0.0], [100.0, 50.0], [0.0, 50.0]],
                5000.0,
            ),
        ];
        for (ring, area) in cases {
            let clipped = clip_ring(&ring, VIEW);
            assert!(
                (signed_area(&clipped) - area).abs() < 1e-9,
                "{ring:?} -> {clipped:?}"
            );
            assert!(clipped.iter().all(|&p| inside(p, VIEW)));
        }
        assert!(clip_ring(&[[110.0, 10.0], [120.0, 10.0], [120.0, 20.0]], VIEW).is_empty());
    }

    #[test]
    fn a_shared_border_crossing_the_edge_is_cut_at_the_same_point_for_both_neighbours() {
        // Two triangles sharing the segment (90, 10)–(130, 40), walked in opposite directions.
        let a = vec![[90.0, 10.0], [130.0, 40.0], [90.0, 40.0]];
        let b = vec![[130.0, 40.0], [90.0, 10.0], [130.0, 10.0]];
        let clipped_a = clip_ring(&a, VIEW);
        let clipped_b = clip_ring(&b, VIEW);
        let on_edge = |ring: &[[f64; 2]]| -> Vec<[f64; 2]> {
            ring.iter().copied().filter(|p| p[0] == 100.0).collect()
        };
        let cut_a = on_edge(&clipped_a);
        let cut_b = on_edge(&clipped_b);
        assert!(
            cut_a.iter().any(|p| cut_b.contains(p)),
            "{cut_a:?} vs {cut_b:?}"
        );
    }

    #[test]
    fn signed_area_ignores_a_closing_repeat_and_degenerate_rings() {
        let open = [[0.0, 0.0], [2.0, 0.0], [2.0, 3.0]];
        let closed = [[0.0, 0.0], [2.0, 0.0], [2.0, 3.0], [0.0, 0.0]];
        assert!((signed_area(&open) - 3.0).abs() < 1e-12);
        assert!((signed_area(&closed) - 3.0).abs() < 1e-12);
        assert_eq!(signed_area(&[[1.0, 1.0], [2.0, 2.0]]), 0.0);
    }

    #[test]
    fn the_bounding_box_covers_every_ring() {
        let rings = vec![vec![[1.0, 5.0], [3.0, 2.0]], vec![[-1.0, 4.0]]];
        assert_eq!(bounding_box(&rings), Some([-1.0, 2.0, 3.0, 5.0]));
        assert_eq!(bounding_box(&Vec::new()), None);
    }
}
