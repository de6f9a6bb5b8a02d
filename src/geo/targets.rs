//! Enlarged hit areas for small countries, so that every member country stays easy to hit with a
//! finger (Kosovo, Montenegro, Slovenia, Israel ... are a few CSS px wide on a phone).
//!
//! Units and axes: targets are circles in map units (the prepared map's view units, x right,
//! y DOWN); screen sizes come in as CSS px and are converted with `px_per_unit`, the CSS px per
//! map unit at the current zoom.
//!
//! The rule: a country whose bounding box is narrower or shorter than `min_px` on screen gets a
//! circle of diameter `min_px` at its label point. Circles never overlap and never leave the map:
//! 1. pairs of circles that overlap share the distance between their centres (pairs taken in code
//!    order): each keeps half of it, except that a circle already smaller than its half keeps its
//!    radius and leaves the rest to the other; radii only ever shrink;
//! 2. a circle that sticks out of the map is moved inside it (its centre leaves the label point,
//!    and the UI draws a leader line), then step 1 runs again for the moved circles.

use super::europe::EuropeMap;

/// A round hit area for one country.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HitTarget {
    /// The country's ISO code.
    pub code: &'static str,
    /// Centre of the circle (map units).
    pub center: [f64; 2],
    /// Radius (map units).
    pub radius: f64,
    /// The country's label point; equal to `center` unless the circle had to be moved.
    pub anchor: [f64; 2],
}

impl HitTarget {
    /// Whether the circle was moved off the label point (draw a leader line to `anchor`).
    pub fn moved(&self) -> bool {
        distance(self.center, self.anchor) > 1e-9
    }

    /// Whether the map point lies in the circle.
    pub fn contains(&self, point: [f64; 2]) -> bool {
        distance(self.center, point) <= self.radius
    }
}

/// Hit targets for the countries in `codes` that are smaller than `min_px` CSS px on screen
/// (bounding box width or height × `px_per_unit`), sorted by code, each code once. Codes without a
/// shape on the map are left out; nothing is returned when `px_per_unit` or `min_px` is not a
/// positive number.
pub fn hit_targets(
    codes: &[&'static str],
    map: &EuropeMap,
    px_per_unit: f64,
    min_px: f64,
) -> Vec<HitTarget> {
    let positive = |v: f64| v.is_finite() && v > 0.0;
    if !(positive(px_per_unit) && positive(min_px)) {
        return Vec::new();
    }
    let sorted = crate::sorting::sorted_unique(codes.iter().copied());
    let radius = min_px / 2.0 / px_per_unit;
    let mut targets: Vec<HitTarget> = sorted
        .into_iter()
        .filter_map(|code| {
            let shape = map.shape(code)?;
            let [x0, y0, x1, y1] = shape.bbox.map(f64::from);
            let smallest_side = (x1 - x0).min(y1 - y0);
            let anchor = shape.label.map(f64::from);
            (smallest_side * px_per_unit < min_px).then_some(HitTarget {
                code,
                center: anchor,
                radius,
                anchor,
            })
        })
        .collect();
    share_overlaps(&mut targets);
    let (width, height) = (map.width.max(0.0), map.height.max(0.0));
    for target in &mut targets {
        target.radius = target.radius.min(width / 2.0).min(height / 2.0);
        let r = target.radius;
        target.center = [
            target.anchor[0].max(r).min(width - r),
            target.anchor[1].max(r).min(height - r),
        ];
    }
    share_overlaps(&mut targets);
    targets
}

/// Shrinks circles until no two overlap (touching is allowed), pair by pair in order. Each step
/// only shrinks, so a pair once resolved stays resolved.
fn share_overlaps(targets: &mut [HitTarget]) {
    for i in 0..targets.len() {
        for j in i + 1..targets.len() {
            let (Some(a), Some(b)) = (targets.get(i), targets.get(j)) else {
                continue;
            };
            let gap = distance(a.center, b.center);
            let (ra, rb) = (a.radius, b.radius);
            if ra + rb <= gap {
                continue;
            }
            let half = gap / 2.0;
            let (ra, rb) = if rb <= half {
                (gap - rb, rb)
            } else if ra <= half {
                (ra, gap - ra)
            } else {
                (half, half)
            };
            if let Some(a) = targets.get_mut(i) {
                a.radius = ra.max(0.0);
            }
            if let Some(b) = targets.get_mut(j) {
                b.radius = rb.max(0.0);
            }
        }
    }
}

fn distance(a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] - b[0]).hypot(a[1] - b[1])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::covered_country_codes;
    use crate::geo::europe::{CountryShape, EUROPE};

    /// Phone (320 px wide map), laptop and 4K screens: CSS px per map unit at zoom 1.
    const SCALES: [f64; 3] = [0.32, 0.7, 2.0];
    const SIZES: [f64; 2] = [24.0, 44.0];

    fn members() -> Vec<&'static str> {
        covered_country_codes()
    }

    fn assert_apart(targets: &[HitTarget]) {
        for (i, a) in targets.iter().enumerate() {
            assert!(a.radius > 0.0 && a.radius.is_finite(), "{a:?}");
            for b in &targets[i + 1..] {
                let gap = distance(a.center, b.center);
                assert!(a.radius + b.radius <= gap + 1e-9, "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn no_two_targets_overlap_at_any_scale() {
        for scale in SCALES {
            for zoom in [1.0, 2.0, 4.0] {
                for min_px in SIZES {
                    assert_apart(&hit_targets(&members(), &EUROPE, scale * zoom, min_px));
                }
            }
        }
    }

    #[test]
    fn every_small_member_country_gets_a_target_and_large_ones_none() {
        for scale in SCALES {
            for min_px in SIZES {
                let targets = hit_targets(&members(), &EUROPE, scale, min_px);
                let codes: Vec<&str> = targets.iter().map(|t| t.code).collect();
                for code in members() {
                    let [x0, y0, x1, y1] = EUROPE.shape(code).unwrap().bbox.map(f64::from);
                    let small = (x1 - x0).min(y1 - y0) * scale < min_px;
                    assert_eq!(
                        codes.contains(&code),
                        small,
                        "{code} at {scale} px/unit, {min_px} px"
                    );
                }
                assert!(
                    !codes.contains(&"DE") && !codes.contains(&"FR"),
                    "{codes:?}"
                );
            }
        }
        let phone = hit_targets(&members(), &EUROPE, 0.32, 44.0);
        let codes: Vec<&str> = phone.iter().map(|t| t.code).collect();
        for code in ["XK", "ME", "SI", "IL", "BE", "MK", "AL"] {
            assert!(codes.contains(&code), "{code} in {codes:?}");
        }
    }

    #[test]
    fn targets_lie_within_the_map() {
        for scale in SCALES {
            for min_px in SIZES {
                for t in hit_targets(&members(), &EUROPE, scale, min_px) {
                    let [x, y] = t.center;
                    assert!(
                        x - t.radius >= -1e-9 && x + t.radius <= EUROPE.width + 1e-9,
                        "{t:?}"
                    );
                    assert!(
                        y - t.radius >= -1e-9 && y + t.radius <= EUROPE.height + 1e-9,
                        "{t:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn targets_are_sorted_by_code_and_the_same_every_time() {
        let mut shuffled = members();
        shuffled.reverse();
        shuffled.extend(members());
        let a = hit_targets(&members(), &EUROPE, 0.32, 44.0);
        let b = hit_targets(&shuffled, &EUROPE, 0.32, 44.0);
        assert_eq!(a, b);
        assert!(a.windows(2).all(|w| w[0].code < w[1].code));
    }

    #[test]
    fn nonsense_scales_give_no_targets() {
        for (scale, min_px) in [
            (0.0, 44.0),
            (f64::NAN, 44.0),
            (1.0, -1.0),
            (f64::INFINITY, 44.0),
        ] {
            assert!(hit_targets(&members(), &EUROPE, scale, min_px).is_empty());
        }
        assert!(hit_targets(&["ZZ"], &EUROPE, 1.0, 44.0).is_empty());
    }

    const fn tiny(id: &'static str, x: f32, y: f32) -> CountryShape {
        CountryShape {
            id: Some(id),
            name: id,
            index: 0,
            d: "",
            label: [x, y],
            bbox: [x - 1.0, y - 1.0, x + 1.0, y + 1.0],
        }
    }

    /// Three 2-unit countries: A and B 10 apart, C 30 from B, D by the right edge.
    static TINY: [CountryShape; 4] = [
        tiny("A", 50.0, 50.0),
        tiny("B", 60.0, 50.0),
        tiny("C", 60.0, 80.0),
        tiny("D", 98.0, 20.0),
    ];

    #[test]
    fn close_targets_share_the_distance_and_edge_targets_move_inside() {
        let map = EuropeMap {
            width: 100.0,
            height: 100.0,
            countries: &TINY,
            ..EUROPE
        };
        // 20 px at 1 px per unit: radius 10 wanted.
        let targets = hit_targets(&["A", "B", "C", "D"], &map, 1.0, 20.0);
        let radius: Vec<f64> = targets.iter().map(|t| t.radius).collect();
        // A and B split their 10 units; C keeps its 10 (B's 5 + 10 < 30); D is alone.
        assert_eq!(radius, [5.0, 5.0, 10.0, 10.0]);
        assert!(targets[..3].iter().all(|t| !t.moved()));
        let d = targets[3];
        assert!(d.moved() && d.center == [90.0, 20.0] && d.anchor == [98.0, 20.0]);
        assert!(d.contains(d.anchor));
    }
}
