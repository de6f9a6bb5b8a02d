//! Zoom and pan of the map, bounded so the map can never be lost, and the conversion between
//! client (CSS px) and map coordinates under `preserveAspectRatio="xMidYMid meet"`.
//!
//! Units and axes: map units are the prepared map's view units ([`EuropeMap`]: x to the right,
//! y DOWN, origin at the top left, `width` by `height`); client coordinates are CSS px, also x
//! right and y down. A [`Viewport`] is a zoom factor (1 = whole map) and the view's centre. The
//! bound: the visible rectangle always lies inside the map's rectangle, so its centre stays
//! within the map, at least half the view (in fact all of it) shows map, and at zoom 1 the
//! centre is the map's centre.

use super::europe::EuropeMap;

/// The smallest zoom: the whole map.
pub const MIN_ZOOM: f64 = 1.0;
/// The largest zoom: a twelfth of the map's width.
pub const MAX_ZOOM: f64 = 12.0;

/// An axis-aligned rectangle: top left corner and size (map units or CSS px, y down).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    pub fn new(x: f64, y: f64, width: f64, height: f64) -> Self {
        Self {
            x,
            y,
            width,
            height,
        }
    }

    /// The rectangle spanned by a bounding box `[x0, y0, x1, y1]` (corners in either order).
    pub fn from_bbox([x0, y0, x1, y1]: [f64; 4]) -> Self {
        Self::new(x0.min(x1), y0.min(y1), (x1 - x0).abs(), (y1 - y0).abs())
    }

    /// The whole map: `0 0 width height`.
    pub fn of_map(map: &EuropeMap) -> Self {
        Self::new(0.0, 0.0, map.width, map.height)
    }

    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    /// As an SVG `viewBox` attribute: `"x y w h"`, at most 2 decimals.
    pub fn view_box_attr(&self) -> String {
        [self.x, self.y, self.width, self.height]
            .map(format_number)
            .join(" ")
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }

    pub fn center(&self) -> [f64; 2] {
        [self.x + self.width / 2.0, self.y + self.height / 2.0]
    }

    pub fn area(&self) -> f64 {
        self.width * self.height
    }

    /// The rectangle grown by `margin` on every side (shrunk when negative).
    pub fn inflate(&self, margin: f64) -> Self {
        Self::new(
            self.x - margin,
            self.y - margin,
            self.width + 2.0 * margin,
            self.height + 2.0 * margin,
        )
    }

    /// Whether `other` lies inside this rectangle (edges may touch; 1e-9 tolerance).
    pub fn contains(&self, other: &Rect) -> bool {
        const TOLERANCE: f64 = 1e-9;
        other.x >= self.x - TOLERANCE
            && other.y >= self.y - TOLERANCE
            && other.right() <= self.right() + TOLERANCE
            && other.bottom() <= self.bottom() + TOLERANCE
    }

    /// The area the two rectangles share (0 when they only touch or are apart).
    pub fn intersection_area(&self, other: &Rect) -> f64 {
        let width = self.right().min(other.right()) - self.x.max(other.x);
        let height = self.bottom().min(other.bottom()) - self.y.max(other.y);
        width.max(0.0) * height.max(0.0)
    }

    /// Whether the rectangles share some area (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.intersection_area(other) > 0.0
    }

    fn is_valid(&self) -> bool {
        [self.x, self.y, self.width, self.height]
            .iter()
            .all(|v| v.is_finite())
            && self.width > 0.0
            && self.height > 0.0
    }
}

/// What part of the map is shown: a zoom factor and the view's centre.
///
/// `center` is stored as an offset from the map's centre (map units), so that [`Viewport::home`]
/// needs no map and every way back to zoom 1 gives exactly `home()`. The fields are private: every
/// constructor and operation keeps them within bounds for the map it is given.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    zoom: f64,
    center: [f64; 2],
}

impl Viewport {
    /// The whole map.
    pub fn home() -> Self {
        Self {
            zoom: MIN_ZOOM,
            center: [0.0, 0.0],
        }
    }

    /// The zoom factor, from [`MIN_ZOOM`] to [`MAX_ZOOM`].
    pub fn zoom(&self) -> f64 {
        self.zoom
    }

    /// The centre of the view, in map units.
    pub fn center(&self, map: &EuropeMap) -> [f64; 2] {
        let [width, height] = map_size(map);
        let [dx, dy] = Self::bounded(self.zoom, self.center, map).center;
        [width / 2.0 + dx, height / 2.0 + dy]
    }

    /// The visible rectangle: the map's aspect ratio, `1 / zoom` of its size, around the centre.
    pub fn view_box(&self, map: &EuropeMap) -> Rect {
        let [width, height] = map_size(map).map(|size| size / self.zoom);
        let [cx, cy] = self.center(map);
        Rect::new(cx - width / 2.0, cy - height / 2.0, width, height)
    }

    /// Zooms by `factor` (> 1 in) keeping the map point `anchor` where it is on screen, then
    /// bounds the result. A factor that is not a positive number leaves the view unchanged; an
    /// anchor that is not finite is replaced by the view's centre.
    pub fn zoom_by(self, factor: f64, anchor: [f64; 2], map: &EuropeMap) -> Self {
        if !(factor.is_finite() && factor > 0.0) {
            return self;
        }
        let zoom = bound_zoom(self.zoom * factor);
        let centre = self.center(map);
        let anchor = if anchor.iter().all(|v| v.is_finite()) {
            anchor
        } else {
            centre
        };
        // The anchor keeps its place relative to the view: its offset from the centre scales
        // with the view's size.
        let keep = self.zoom / zoom;
        let new_centre = per_axis(anchor, centre, |a, c| a + (c - a) * keep);
        Self::at(zoom, new_centre, map)
    }

    /// Moves the view (not the content) by `dx`, `dy` map units, then bounds it. Non-finite moves
    /// leave the view unchanged.
    pub fn pan_by(self, dx: f64, dy: f64, map: &EuropeMap) -> Self {
        if !(dx.is_finite() && dy.is_finite()) {
            return self;
        }
        let [cx, cy] = self.center(map);
        Self::at(self.zoom, [cx + dx, cy + dy], map)
    }

    /// The smallest view showing the bounding box `[x0, y0, x1, y1]` (map units) with
    /// `padding_fraction` of its size added on each side, centred on it as far as the bounds allow
    /// and zoomed no further than [`MAX_ZOOM`]. A box that is not finite gives [`Viewport::home`].
    pub fn fit(bbox: [f64; 4], padding_fraction: f64, map: &EuropeMap) -> Self {
        if !bbox.iter().all(|v| v.is_finite()) {
            return Self::home();
        }
        let padded = 1.0 + 2.0 * finite_or_zero(padding_fraction).max(0.0);
        let rect = Rect::from_bbox(bbox);
        let [width, height] = map_size(map);
        let zoom = (width / (rect.width * padded)).min(height / (rect.height * padded));
        Self::at(bound_zoom(zoom), rect.center(), map)
    }

    /// A view at `zoom` (bounded to [`MIN_ZOOM`]..=[`MAX_ZOOM`]) centred as near `centre` (map
    /// units) as the bounds allow: what a URL's `zoom` and `at` give. A zoom or centre that is not
    /// finite gives [`Viewport::home`].
    pub fn at(zoom: f64, centre: [f64; 2], map: &EuropeMap) -> Self {
        if !(zoom.is_finite() && centre.iter().all(|v| v.is_finite())) {
            return Self::home();
        }
        let offset = per_axis(centre, map_size(map), |c, size| c - size / 2.0);
        Self::bounded(zoom, offset, map)
    }

    /// Bounds the zoom and the centre's offset so that the view lies inside the map.
    fn bounded(zoom: f64, offset: [f64; 2], map: &EuropeMap) -> Self {
        let zoom = bound_zoom(zoom);
        let center = per_axis(offset, map_size(map), |offset, size| {
            let limit = size / 2.0 * (1.0 - 1.0 / zoom);
            // `max` then `min` (not `clamp`): never panics, and NaN becomes the limit.
            offset.max(-limit).min(limit)
        });
        Self { zoom, center }
    }
}

/// The map's size, with anything that is not a finite positive number taken as 0.
fn map_size(map: &EuropeMap) -> [f64; 2] {
    [map.width, map.height].map(|v| finite_or_zero(v).max(0.0))
}

/// `f` applied to the x values and to the y values of two points.
fn per_axis(a: [f64; 2], b: [f64; 2], f: impl Fn(f64, f64) -> f64) -> [f64; 2] {
    [f(a[0], b[0]), f(a[1], b[1])]
}

fn finite_or_zero(value: f64) -> f64 {
    if value.is_finite() {
        value
    } else {
        0.0
    }
}

/// The zoom within [`MIN_ZOOM`] and [`MAX_ZOOM`] (NaN becomes [`MIN_ZOOM`]). A zoom within a
/// rounding error of [`MIN_ZOOM`] is [`MIN_ZOOM`], so zooming in and out again ends exactly home.
fn bound_zoom(zoom: f64) -> f64 {
    const SNAP: f64 = 1e-9;
    if zoom.is_nan() || zoom < MIN_ZOOM + SNAP {
        MIN_ZOOM
    } else {
        zoom.min(MAX_ZOOM)
    }
}

/// A number with at most 2 decimals and no trailing zeros (`12.5`, `3`, never `-0`).
fn format_number(value: f64) -> String {
    crate::number::short(value)
}

/// The meet transform: CSS px per map unit and the client position of the view box's corner.
fn meet(element: Rect, view_box: Rect) -> Option<(f64, [f64; 2])> {
    if !(element.is_valid() && view_box.is_valid()) {
        return None;
    }
    let scale = (element.width / view_box.width).min(element.height / view_box.height);
    let origin = [
        element.x + (element.width - view_box.width * scale) / 2.0,
        element.y + (element.height - view_box.height * scale) / 2.0,
    ];
    (scale.is_finite() && scale > 0.0).then_some((scale, origin))
}

/// The map point under the client point `point` (CSS px), for an `<svg>` whose client rect is
/// `element` and whose `viewBox` is `view_box`, with `preserveAspectRatio="xMidYMid meet"`: the
/// view box is scaled to fit and centred, leaving bands on two sides. When either rectangle is
/// empty or not finite, gives the view box's centre (or the origin).
pub fn client_to_map(element: Rect, view_box: Rect, point: [f64; 2]) -> [f64; 2] {
    match meet(element, view_box) {
        Some((scale, origin)) if point.iter().all(|v| v.is_finite()) => [
            view_box.x + (point[0] - origin[0]) / scale,
            view_box.y + (point[1] - origin[1]) / scale,
        ],
        _ => view_box.center().map(finite_or_zero),
    }
}

/// The client point (CSS px) where the map point `point` is drawn: the inverse of
/// [`client_to_map`]. Gives the element's corner when either rectangle is empty or not finite.
pub fn map_to_client(element: Rect, view_box: Rect, point: [f64; 2]) -> [f64; 2] {
    match meet(element, view_box) {
        Some((scale, origin)) => [
            origin[0] + (point[0] - view_box.x) * scale,
            origin[1] + (point[1] - view_box.y) * scale,
        ],
        None => [element.x, element.y].map(finite_or_zero),
    }
}

/// CSS px per map unit under `meet`; 0 when either rectangle is empty or not finite (nothing is
/// drawn yet).
pub fn px_per_unit(element: Rect, view_box: Rect) -> f64 {
    meet(element, view_box).map_or(0.0, |(scale, _)| scale)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::europe::EUROPE;

    fn close(a: [f64; 2], b: [f64; 2]) -> bool {
        (a[0] - b[0]).abs() < 1e-6 && (a[1] - b[1]).abs() < 1e-6
    }

    fn finite(values: &[f64]) -> bool {
        values.iter().all(|v| v.is_finite())
    }

    fn bbox(code: &str) -> [f64; 4] {
        EUROPE.shape(code).unwrap().bbox.map(f64::from)
    }

    /// A synthetic 200 by 100 map (no countries).
    const WIDE: EuropeMap = EuropeMap {
        width: 200.0,
        height: 100.0,
        countries: &[],
        ..EUROPE
    };

    #[test]
    fn zooming_in_then_out_returns_home_which_shows_the_whole_map() {
        let home = Viewport::home();
        assert_eq!(home.view_box(&WIDE), Rect::new(0.0, 0.0, 200.0, 100.0));
        assert_eq!(home.view_box(&EUROPE).view_box_attr(), "0 0 1000 1049");
        let zoomed = home
            .zoom_by(3.0, [20.0, 10.0], &WIDE)
            .zoom_by(1.5, [150.0, 70.0], &WIDE);
        assert!((zoomed.zoom() - 4.5).abs() < 1e-9);
        assert_eq!(zoomed.zoom_by(1.0 / 4.5, [10.0, 90.0], &WIDE), home);
        assert_eq!(zoomed.zoom_by(0.01, [10.0, 90.0], &WIDE), home);
        let step = home.zoom_by(1.5, [700.0, 300.0], &EUROPE);
        assert_eq!(step.zoom_by(1.0 / 1.5, [10.0, 10.0], &EUROPE), home);
    }

    #[test]
    fn zooming_keeps_the_anchor_at_the_same_client_position() {
        let element = Rect::new(10.0, 20.0, 800.0, 600.0);
        let mut view = Viewport::home();
        for (factor, client) in [
            (2.0, [300.0, 200.0]),
            (1.7, [700.0, 550.0]),
            (0.8, [400.0, 0.0]),
        ] {
            let anchor = client_to_map(element, view.view_box(&EUROPE), client);
            view = view.zoom_by(factor, anchor, &EUROPE);
            let after = map_to_client(element, view.view_box(&EUROPE), anchor);
            assert!(close(after, client), "{after:?} != {client:?}");
        }
    }

    #[test]
    fn zoom_is_clamped_at_both_ends_and_nonsense_factors_are_ignored() {
        let deep = Viewport::home().zoom_by(1000.0, [600.0, 700.0], &EUROPE);
        assert_eq!(deep.zoom(), MAX_ZOOM);
        assert!((deep.view_box(&EUROPE).width - 1000.0 / MAX_ZOOM).abs() < 1e-9);
        assert_eq!(
            Viewport::home().zoom_by(0.1, [0.0, 0.0], &EUROPE),
            Viewport::home()
        );
        for nonsense in [f64::NAN, -2.0, 0.0, f64::INFINITY] {
            assert_eq!(deep.zoom_by(nonsense, [1.0, 1.0], &EUROPE), deep);
        }
    }

    #[test]
    fn panning_far_away_keeps_the_view_inside_the_map() {
        let zoomed = Viewport::home().zoom_by(4.0, [100.0, 50.0], &WIDE);
        for (dx, dy) in [(1e6, 0.0), (-1e6, 1e6), (0.0, -1e9), (f64::MAX, f64::MAX)] {
            let view = zoomed.pan_by(dx, dy, &WIDE).view_box(&WIDE);
            assert!(Rect::of_map(&WIDE).contains(&view), "{view:?}");
        }
        let right = zoomed.pan_by(1e6, 0.0, &WIDE).view_box(&WIDE);
        assert!(close([right.right(), right.width], [200.0, 50.0]));
        // At zoom 1 there is nowhere to go.
        let home = Viewport::home();
        assert_eq!(home.pan_by(30.0, -20.0, &WIDE), home);
        assert_eq!(zoomed.pan_by(f64::NAN, 1.0, &WIDE), zoomed);
    }

    #[test]
    fn a_view_at_a_zoom_and_centre_is_bounded_and_nonsense_gives_home() {
        let view = Viewport::at(4.0, [150.0, 30.0], &WIDE);
        assert_eq!(view.zoom(), 4.0);
        assert!(close(view.center(&WIDE), [150.0, 30.0]));
        // Too deep and too near the corner: the largest zoom, the view pushed inside the map.
        let corner = Viewport::at(100.0, [0.0, 0.0], &WIDE);
        assert_eq!(corner.zoom(), MAX_ZOOM);
        let shown = corner.view_box(&WIDE);
        assert!(close([shown.x, shown.y], [0.0, 0.0]), "{shown:?}");
        assert_eq!(Viewport::at(0.5, [10.0, 10.0], &WIDE), Viewport::home());
        for (zoom, centre) in [
            (f64::NAN, [10.0, 10.0]),
            (f64::INFINITY, [10.0, 10.0]),
            (3.0, [f64::NAN, 10.0]),
            (3.0, [10.0, f64::NEG_INFINITY]),
        ] {
            assert_eq!(Viewport::at(zoom, centre, &WIDE), Viewport::home());
        }
    }

    #[test]
    fn fitting_a_bounding_box_shows_all_of_it_centred_where_possible() {
        for code in ["DE", "PT", "IL", "FI", "IE"] {
            let fitted = Viewport::fit(bbox(code), 0.1, &EUROPE);
            let (view, rect) = (fitted.view_box(&EUROPE), Rect::from_bbox(bbox(code)));
            assert!(view.contains(&rect), "{code}: {view:?}");
            assert!(fitted.zoom() > 2.0, "{code} zoomed in: {}", fitted.zoom());
        }
        let germany = Viewport::fit(bbox("DE"), 0.1, &EUROPE).center(&EUROPE);
        assert!(close(germany, Rect::from_bbox(bbox("DE")).center()));
    }

    #[test]
    fn fitting_kosovo_stops_at_the_largest_zoom() {
        let fitted = Viewport::fit(bbox("XK"), 0.15, &EUROPE);
        assert_eq!(fitted.zoom(), MAX_ZOOM);
        let (view, rect) = (fitted.view_box(&EUROPE), Rect::from_bbox(bbox("XK")));
        assert!(view.contains(&rect), "{view:?}");
        let point = Viewport::fit([5.0, 5.0, 5.0, 5.0], 0.0, &EUROPE);
        assert_eq!(point.zoom(), MAX_ZOOM);
        let broken = Viewport::fit([f64::NAN, 0.0, 1.0, 1.0], 0.1, &EUROPE);
        assert_eq!(broken, Viewport::home());
    }

    #[test]
    fn the_view_box_attribute_has_at_most_two_decimals() {
        let attr = Viewport::home()
            .zoom_by(3.0, [123.456, 789.123], &EUROPE)
            .view_box(&EUROPE)
            .view_box_attr();
        assert_eq!(attr.split(' ').count(), 4, "{attr}");
        for number in attr.split(' ') {
            let decimals = number.split('.').nth(1).map_or(0, str::len);
            assert!(decimals <= 2 && number.parse::<f64>().is_ok(), "{attr}");
        }
        assert_eq!([format_number(-0.001), format_number(12.5)], ["0", "12.5"]);
    }

    #[test]
    fn client_points_map_through_letterboxing_on_either_side() {
        let vb = Rect::new(100.0, 200.0, 400.0, 200.0);
        // Wider element: bands left and right; 1 px per unit, content starts at x = 100.
        let wide = Rect::new(0.0, 0.0, 600.0, 200.0);
        // Taller element: bands above and below; 2 px per unit, content starts at y = 300.
        let tall = Rect::new(50.0, 0.0, 800.0, 1000.0);
        assert_eq!([px_per_unit(wide, vb), px_per_unit(tall, vb)], [1.0, 2.0]);
        for (element, client, map) in [
            (wide, [100.0, 0.0], [100.0, 200.0]),
            (wide, [300.0, 100.0], [300.0, 300.0]),
            (tall, [50.0, 300.0], [100.0, 200.0]),
            (tall, [850.0, 700.0], [500.0, 400.0]),
        ] {
            assert!(close(client_to_map(element, vb, client), map), "{client:?}");
            assert!(close(map_to_client(element, vb, map), client), "{map:?}");
        }
    }

    #[test]
    fn empty_or_broken_sizes_never_give_nan() {
        let vb = Rect::of_map(&EUROPE);
        for element in [
            Rect::default(),
            Rect::new(0.0, 0.0, 300.0, 0.0),
            Rect::new(f64::NAN, 0.0, 300.0, 300.0),
            Rect::new(0.0, 0.0, f64::INFINITY, 300.0),
        ] {
            assert_eq!(px_per_unit(element, vb), 0.0);
            let [a, b] = [client_to_map, map_to_client].map(|f| f(element, vb, [1.0, 1.0]));
            assert!(finite(&a) && finite(&b), "{element:?}");
        }
        let good = Rect::new(0.0, 0.0, 300.0, 300.0);
        assert_eq!(px_per_unit(good, Rect::default()), 0.0);
        assert!(finite(&client_to_map(good, vb, [f64::NAN, 1.0])));
        let empty = EuropeMap {
            width: 0.0,
            height: f64::NAN,
            ..WIDE
        };
        let view = Viewport::home()
            .zoom_by(2.0, [1.0, 1.0], &empty)
            .view_box(&empty);
        assert!(
            finite(&[view.x, view.y, view.width, view.height]),
            "{view:?}"
        );
    }
}
