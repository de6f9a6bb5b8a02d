//! Arc simplification (Visvalingam–Whyatt) done once per arc, so that neighbours that share an
//! arc keep exactly the same border points, plus a guard that keeps every ring a polygon.
//!
//! Units: arcs are in view units (x right, y down); weights and thresholds are areas in square
//! view units (the area of the triangle a point forms with its kept neighbours). Arc end points
//! have infinite weight and are always kept.

use crate::topojson::ArcRef;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// Area of the triangle `a b c` (square units, always ≥ 0).
fn triangle_area(a: [f64; 2], b: [f64; 2], c: [f64; 2]) -> f64 {
    ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs() / 2.0
}

/// A heap entry: the smallest area pops first, ties broken by the lower index.
#[derive(Clone, Copy, PartialEq)]
struct Candidate {
    area: f64,
    index: usize,
}

impl Eq for Candidate {}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .area
            .total_cmp(&self.area)
            .then_with(|| other.index.cmp(&self.index))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Visvalingam–Whyatt effective areas of every point of an arc: the area at which the point
/// would be removed, made non-decreasing in removal order so that filtering by a threshold gives
/// the same result as running the algorithm up to that threshold. End points get infinity.
pub fn effective_areas(arc: &[[f64; 2]]) -> Vec<f64> {
    let n = arc.len();
    let mut weights = vec![f64::INFINITY; n];
    if n < 3 {
        return weights;
    }
    let mut previous: Vec<usize> = (0..n).map(|i| i.saturating_sub(1)).collect();
    let mut next: Vec<usize> = (0..n).map(|i| (i + 1).min(n - 1)).collect();
    let mut current = vec![f64::INFINITY; n];
    let mut heap = BinaryHeap::with_capacity(n);
    for index in 1..n - 1 {
        let area = triangle_area(arc[index - 1], arc[index], arc[index + 1]);
        current[index] = area;
        heap.push(Candidate { area, index });
    }
    let mut removed = vec![false; n];
    let mut largest_so_far = 0.0_f64;
    while let Some(Candidate { area, index }) = heap.pop() {
        if removed[index] || area != current[index] {
            continue; // stale entry
        }
        removed[index] = true;
        largest_so_far = largest_so_far.max(area);
        weights[index] = largest_so_far;
        let (before, after) = (previous[index], next[index]);
        next[before] = after;
        previous[after] = before;
        for neighbour in [before, after] {
            if neighbour == 0 || neighbour == n - 1 {
                continue;
            }
            let area = triangle_area(
                arc[previous[neighbour]],
                arc[neighbour],
                arc[next[neighbour]],
            );
            current[neighbour] = area;
            heap.push(Candidate {
                area,
                index: neighbour,
            });
        }
    }
    weights
}

/// Simplified arcs: one keep-mask per arc, shared by every ring that uses the arc.
#[derive(Debug, Clone)]
pub struct Simplifier {
    weights: Vec<Vec<f64>>,
    keep: Vec<Vec<bool>>,
}

impl Simplifier {
    /// Simplifies every arc once: points whose effective area is below `min_area` (square view
    /// units) are dropped.
    pub fn new(arcs: &[Vec<[f64; 2]>], min_area: f64) -> Self {
        let weights: Vec<Vec<f64>> = arcs.iter().map(|arc| effective_areas(arc)).collect();
        let keep = weights
            .iter()
            .map(|w| w.iter().map(|&a| a >= min_area).collect())
            .collect();
        Self { weights, keep }
    }

    /// Number of distinct vertices the ring `refs` has after simplification (its closing point
    /// counted once).
    pub fn ring_vertex_count(&self, refs: &[ArcRef]) -> usize {
        let kept: usize = refs
            .iter()
            .filter_map(|r| self.keep.get(r.index()))
            .map(|mask| mask.iter().filter(|&&k| k).count().saturating_sub(1))
            .sum();
        kept
    }

    /// Makes sure the ring `refs` keeps at least `min_vertices` distinct vertices (or all it
    /// has), restoring its most significant dropped points first. The restored points belong to
    /// the arcs, so every other ring that uses those arcs gets them too: borders stay shared.
    pub fn protect_ring(&mut self, refs: &[ArcRef], min_vertices: usize) {
        let mut missing = min_vertices.saturating_sub(self.ring_vertex_count(refs));
        if missing == 0 {
            return;
        }
        let mut dropped: Vec<(f64, usize, usize)> = refs
            .iter()
            .map(|r| r.index())
            .filter_map(|arc| self.keep.get(arc).map(|mask| (arc, mask)))
            .flat_map(|(arc, mask)| {
                mask.iter()
                    .enumerate()
                    .filter(|(_, &k)| !k)
                    .map(move |(point, _)| (arc, point))
            })
            .filter_map(|(arc, point)| {
                let weight = *self.weights.get(arc)?.get(point)?;
                Some((weight, arc, point))
            })
            .collect();
        dropped.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        dropped.dedup_by(|a, b| a.1 == b.1 && a.2 == b.2);
        for (_, arc, point) in dropped {
            if missing == 0 {
                break;
            }
            if let Some(flag) = self.keep.get_mut(arc).and_then(|mask| mask.get_mut(point)) {
                *flag = true;
                missing -= 1;
            }
        }
    }

    /// The kept points of every arc.
    pub fn simplified(&self, arcs: &[Vec<[f64; 2]>]) -> Vec<Vec<[f64; 2]>> {
        arcs.iter()
            .zip(&self.keep)
            .map(|(arc, mask)| {
                arc.iter()
                    .zip(mask)
                    .filter(|(_, &k)| k)
                    .map(|(p, _)| *p)
                    .collect()
            })
            .collect()
    }

    /// Points kept over all arcs (each shared arc counted once).
    pub fn kept_points(&self) -> usize {
        self.keep.iter().flatten().filter(|&&k| k).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::topojson::stitch as simplified_ring;
    use crate::topojson::ArcRef::{Forward, Reversed};

    /// A wiggly border from (0, 0) to (0, 100) along x ≈ 0, small wiggles and one big bump.
    fn wiggly_border() -> Vec<[f64; 2]> {
        let mut arc: Vec<[f64; 2]> = (0..=50)
            .map(|i| {
                let y = f64::from(i) * 2.0;
                let x = if i % 2 == 0 { 0.0 } else { 0.05 };
                [x, y]
            })
            .collect();
        arc[25][0] = 20.0; // the bump at y = 50
        arc
    }

    #[test]
    fn effective_areas_keep_the_end_points_and_are_non_decreasing_in_removal_order() {
        let arc = wiggly_border();
        let weights = effective_areas(&arc);
        assert!(weights[0].is_infinite() && weights[50].is_infinite());
        assert!(weights[1..50].iter().all(|w| w.is_finite() && *w >= 0.0));
        let bump = weights[25];
        assert!(weights.iter().filter(|w| w.is_finite()).all(|&w| w <= bump));
    }

    #[test]
    fn a_straight_line_simplifies_to_its_end_points() {
        let arc: Vec<[f64; 2]> = (0..10)
            .map(|i| [f64::from(i), 2.0 * f64::from(i)])
            .collect();
        let simplifier = Simplifier::new(std::slice::from_ref(&arc), 1e-9);
        assert_eq!(
            simplifier.simplified(&[arc]),
            vec![vec![[0.0, 0.0], [9.0, 18.0]]]
        );
    }

    #[test]
    fn small_wiggles_go_and_the_big_bump_stays() {
        let arc = wiggly_border();
        let simplifier = Simplifier::new(std::slice::from_ref(&arc), 2.0);
        let simplified = &simplifier.simplified(std::slice::from_ref(&arc))[0];
        assert!(simplified.contains(&[20.0, 50.0]), "{simplified:?}");
        assert!(simplified.len() <= 5, "{simplified:?}");
        assert_eq!(simplified.first(), arc.first());
        assert_eq!(simplified.last(), arc.last());
    }

    #[test]
    fn simplification_keeps_shared_arcs_identical_for_both_neighbours() {
        // Arc 0: the shared wiggly border. Arc 1: the west country's outer edge from (0, 100)
        // round to (0, 0). Arc 2: the east country's outer edge from (0, 0) round to (0, 100).
        let arcs = vec![
            wiggly_border(),
            vec![[0.0, 100.0], [-50.0, 100.0], [-50.0, 0.0], [0.0, 0.0]],
            vec![[0.0, 0.0], [50.0, 0.0], [50.0, 100.0], [0.0, 100.0]],
        ];
        let west = vec![Forward(0), Forward(1)];
        let east = vec![Forward(2), Reversed(0)];
        let mut simplifier = Simplifier::new(&arcs, 4.0);
        // Asking for more vertices in one ring restores points on the shared arc as well.
        simplifier.protect_ring(&west, 12);
        let simplified = simplifier.simplified(&arcs);
        let west_ring = simplified_ring(&simplified, &west);
        let east_ring = simplified_ring(&simplified, &east);
        let border = &simplified[0];
        assert!(border.len() > 3, "protection restored border points");
        assert_eq!(&west_ring[..border.len()], &border[..]);
        let mut east_border: Vec<[f64; 2]> = east_ring[east_ring.len() - border.len()..].to_vec();
        east_border.reverse();
        assert_eq!(
            &east_border, border,
            "the east side sees the same border, reversed"
        );
    }

    #[test]
    fn a_tiny_island_made_of_one_closed_arc_keeps_four_vertices() {
        let island: Vec<[f64; 2]> = (0..=12)
            .map(|i| {
                let angle = f64::from(i) * std::f64::consts::TAU / 12.0;
                [0.2 * angle.cos(), 0.2 * angle.sin()]
            })
            .collect();
        let ring = vec![Forward(0)];
        let arcs = vec![island];
        let mut simplifier = Simplifier::new(&arcs, 10.0);
        assert!(simplifier.ring_vertex_count(&ring) < 4);
        simplifier.protect_ring(&ring, 4);
        assert_eq!(simplifier.ring_vertex_count(&ring), 4);
        let simplified = simplifier.simplified(&arcs);
        assert_eq!(simplified_ring(&simplified, &ring).len(), 5);
    }
}
