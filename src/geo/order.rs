//! Where things go on the screen around the map, beyond the shapes themselves: the order in which
//! the keyboard visits countries (reading order for Home and End, the nearest country in a
//! direction for the arrow keys), and on which side of its anchor a tooltip opens. Pure; map units
//! (x right, y down) unless a name says pixels.

use super::europe::EuropeMap;

/// Height of one reading row, in map units: countries whose label points fall in the same row
/// are visited west to east, rows north to south.
pub const ROW_HEIGHT: f64 = 110.0;

/// The order in which Tab visits the given countries: in rows from north to south, each row west
/// to east, like reading a page. Codes without a shape come last, in the order given.
pub fn reading_order(map: &EuropeMap, codes: &[&'static str]) -> Vec<&'static str> {
    let mut placed: Vec<(i64, f64, &'static str)> = Vec::new();
    let mut unplaced = Vec::new();
    for &code in codes {
        match map.shape(code) {
            Some(shape) => {
                let [x, y] = shape.label.map(f64::from);
                placed.push(((y / ROW_HEIGHT).floor() as i64, x, code));
            }
            None => unplaced.push(code),
        }
    }
    crate::sorting::sort_by(&mut placed, |a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    placed
        .into_iter()
        .map(|(_, _, code)| code)
        .chain(unplaced)
        .collect()
}

/// A direction of the arrow keys, on the map (y down).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Left,
    Right,
    Up,
    Down,
}

impl Direction {
    /// The unit vector of this direction, in map units (y down).
    fn unit(self) -> [f64; 2] {
        match self {
            Direction::Left => [-1.0, 0.0],
            Direction::Right => [1.0, 0.0],
            Direction::Up => [0.0, -1.0],
            Direction::Down => [0.0, 1.0],
        }
    }
}

/// How much straying from the arrow's direction costs: a country at angle θ off the direction
/// counts as `1 + ANGLE_PENALTY × tan² θ` times as far. With 3, → from Germany reaches Poland
/// (152 units, 9° off) rather than Czechia (84 units, 31° off), and → from Portugal still reaches
/// Spain (87 units, 33° off) rather than Italy (360 units, 12° off).
const ANGLE_PENALTY: f64 = 3.0;
/// A country that shares a border with the one focused counts as this much as far: ↓ from Germany
/// reaches Switzerland (its neighbour, 129 units, 18° off) rather than Italy (167 units, 4° off).
const NEIGHBOUR_FACTOR: f64 = 0.75;

/// The country among `codes` that an arrow key moves to from `from`: of the countries whose label
/// point lies ahead in `direction`, the nearest, with distance weighted by [`ANGLE_PENALTY`] and
/// [`NEIGHBOUR_FACTOR`].
/// `None` when nothing lies ahead (or `from` has no shape). Label points, not shape centres, so
/// that France's point is in mainland France.
pub fn nearest_in_direction(
    map: &EuropeMap,
    codes: &[&'static str],
    from: &str,
    direction: Direction,
) -> Option<&'static str> {
    let origin = map.shape(from)?.label.map(f64::from);
    let [ux, uy] = direction.unit();
    codes
        .iter()
        .filter(|&&code| code != from)
        .filter_map(|&code| {
            let [x, y] = map.shape(code)?.label.map(f64::from);
            let (dx, dy) = (x - origin[0], y - origin[1]);
            let ahead = dx * ux + dy * uy;
            let across = (dx * uy - dy * ux).abs();
            let tangent = across / ahead;
            let border = if map.are_neighbours(from, code) {
                NEIGHBOUR_FACTOR
            } else {
                1.0
            };
            let score = dx.hypot(dy) * (1.0 + ANGLE_PENALTY * tangent * tangent) * border;
            (ahead > 0.0).then_some((score, code))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, code)| code)
}

/// Which way a tooltip opens from its anchor: towards the middle of its container, so that it
/// stays on screen near every edge (its width is at most half the container's, see map.css).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placement {
    /// The tooltip lies left of the anchor (the anchor is in the right half).
    pub left: bool,
    /// The tooltip lies above the anchor (the anchor is in the lower half).
    pub above: bool,
}

/// The placement for an anchor at `anchor` (pixels) inside a container of `size` (pixels).
pub fn tooltip_placement(anchor: [f64; 2], size: [f64; 2]) -> Placement {
    Placement {
        left: anchor[0] > size[0] / 2.0,
        above: anchor[1] > size[1] / 2.0,
    }
}

/// Where the map point `point` is drawn inside an element of `size` (pixels) showing the view box
/// `view_box` (`[x, y, width, height]`, map units) with `preserveAspectRatio="xMidYMid meet"`:
/// pixels from the element's top left corner.
pub fn map_to_element(size: [f64; 2], view_box: [f64; 4], point: [f64; 2]) -> [f64; 2] {
    let [x, y, width, height] = view_box;
    if !(width > 0.0 && height > 0.0 && size[0] > 0.0 && size[1] > 0.0) {
        return [0.0, 0.0];
    }
    let scale = (size[0] / width).min(size[1] / height);
    let offset = [
        (size[0] - width * scale) / 2.0,
        (size[1] - height * scale) / 2.0,
    ];
    [
        offset[0] + (point[0] - x) * scale,
        offset[1] + (point[1] - y) * scale,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::covered_country_codes;
    use crate::geo::europe::EUROPE;

    #[test]
    fn arrows_move_to_the_neighbour_a_reader_expects() {
        let codes = covered_country_codes();
        let step = |from, direction| nearest_in_direction(&EUROPE, &codes, from, direction);
        assert_eq!(step("DE", Direction::Right), Some("PL"));
        assert!(
            matches!(step("DE", Direction::Left), Some("NL" | "BE")),
            "{:?}",
            step("DE", Direction::Left)
        );
        assert!(
            matches!(step("DE", Direction::Down), Some("AT" | "CH")),
            "{:?}",
            step("DE", Direction::Down)
        );
        assert_eq!(step("PT", Direction::Right), Some("ES"));
        assert_eq!(
            step("PT", Direction::Left),
            None,
            "nothing west of Portugal"
        );
        assert_eq!(step("ZZ", Direction::Left), None);
    }

    #[test]
    fn every_member_is_reachable_by_arrows_from_every_other() {
        let codes = covered_country_codes();
        let directions = [
            Direction::Left,
            Direction::Right,
            Direction::Up,
            Direction::Down,
        ];
        for &start in &codes {
            let mut seen = vec![start];
            let mut queue = vec![start];
            while let Some(code) = queue.pop() {
                for direction in directions {
                    if let Some(next) = nearest_in_direction(&EUROPE, &codes, code, direction) {
                        if !seen.contains(&next) {
                            seen.push(next);
                            queue.push(next);
                        }
                    }
                }
            }
            let mut missing: Vec<_> = codes.iter().filter(|c| !seen.contains(c)).collect();
            missing.sort();
            assert!(
                missing.is_empty(),
                "from {start}, arrows never reach {missing:?}"
            );
        }
    }

    #[test]
    fn tab_visits_every_member_once_from_the_north_west_to_the_south_east() {
        let codes = covered_country_codes();
        let order = reading_order(&EUROPE, &codes);
        let mut sorted = order.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, codes, "every member once");
        let position = |code| order.iter().position(|c| *c == code).unwrap_or(usize::MAX);
        // Scandinavia first, Israel (far south-east) last; Portugal before Spain before Italy.
        assert!(position("NO") < position("DE") && position("SE") < position("DE"));
        assert_eq!(order.last(), Some(&"IL"));
        assert!(position("PT") < position("ES"));
        assert!(position("GB") < position("PL"));
    }

    #[test]
    fn tooltips_open_towards_the_middle() {
        let size = [800.0, 600.0];
        let at = |x, y| tooltip_placement([x, y], size);
        assert_eq!(
            at(5.0, 5.0),
            Placement {
                left: false,
                above: false
            }
        );
        assert_eq!(
            at(795.0, 5.0),
            Placement {
                left: true,
                above: false
            }
        );
        assert_eq!(
            at(5.0, 595.0),
            Placement {
                left: false,
                above: true
            }
        );
        assert_eq!(
            at(795.0, 595.0),
            Placement {
                left: true,
                above: true
            }
        );
    }

    #[test]
    fn map_points_land_inside_a_letterboxed_element() {
        // A 1000 x 500 element showing a 100 x 100 view: 500 px square, centred.
        let at = |point| map_to_element([1000.0, 500.0], [0.0, 0.0, 100.0, 100.0], point);
        assert_eq!(at([0.0, 0.0]), [250.0, 0.0]);
        assert_eq!(at([100.0, 100.0]), [750.0, 500.0]);
        assert_eq!(at([50.0, 50.0]), [500.0, 250.0]);
        assert_eq!(
            map_to_element([0.0, 0.0], [0.0, 0.0, 1.0, 1.0], [1.0, 1.0]),
            [0.0, 0.0]
        );
    }
}
