//! Map projection: spherical Lambert azimuthal equal-area (LAEA, centred like EPSG:3035 at
//! 10°E 52°N) plus the affine step into view units.
//!
//! Units and axes:
//! - geographic input: longitude/latitude in degrees (east and north positive); the raw
//!   projection itself takes radians;
//! - raw projected output is unitless (on the unit sphere, so every point lies within radius 2
//!   of the centre), x east, y NORTH (up);
//! - view units (the SVG `viewBox` of the prepared map) have x to the right and y DOWN, so
//!   [`Transform`] flips the y axis: `x_view = translate[0] + scale * x`,
//!   `y_view = translate[1] - scale * y`.

use std::f64::consts::PI;

/// How close `1 + cos(c)` may get to zero (c: angular distance from the centre) before a point
/// counts as the antipode, which has no single image.
const ANTIPODE_EPSILON: f64 = 1e-12;

/// Spherical Lambert azimuthal equal-area projection centred on (`lon0_deg`, `lat0_deg`).
///
/// The raw projection maps radians to unitless coordinates (x east, y north) on the unit sphere.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LambertAzimuthalEqualArea {
    pub lon0_deg: f64,
    pub lat0_deg: f64,
}

impl LambertAzimuthalEqualArea {
    /// The centre EPSG:3035 (ETRS89-LAEA Europe) uses: 10°E, 52°N.
    pub const EUROPE: Self = Self {
        lon0_deg: 10.0,
        lat0_deg: 52.0,
    };

    /// Projects absolute longitude `lambda` and latitude `phi` (radians) to unitless `[x, y]`
    /// (y north). `None` for the antipode of the centre and for non-finite input.
    pub fn forward(&self, lambda: f64, phi: f64) -> Option<[f64; 2]> {
        if !(lambda.is_finite() && phi.is_finite()) {
            return None;
        }
        let (sin_phi0, cos_phi0) = self.lat0_deg.to_radians().sin_cos();
        let (sin_phi, cos_phi) = phi.sin_cos();
        let (sin_dl, cos_dl) = (lambda - self.lon0_deg.to_radians()).sin_cos();
        // cos of the angular distance from the centre.
        let cos_c = sin_phi0 * sin_phi + cos_phi0 * cos_phi * cos_dl;
        let denominator = 1.0 + cos_c;
        if denominator <= ANTIPODE_EPSILON {
            return None;
        }
        let k = (2.0 / denominator).sqrt();
        let xy = [
            k * cos_phi * sin_dl,
            k * (cos_phi0 * sin_phi - sin_phi0 * cos_phi * cos_dl),
        ];
        (xy[0].is_finite() && xy[1].is_finite()).then_some(xy)
    }

    /// Inverse of [`forward`](Self::forward): unitless `[x, y]` (y north) back to
    /// `[lambda, phi]` in radians, longitude normalised to (−π, π]. `None` outside the disc of
    /// radius 2 that the whole sphere maps to, or for non-finite input.
    pub fn inverse(&self, xy: [f64; 2]) -> Option<[f64; 2]> {
        let [x, y] = xy;
        if !(x.is_finite() && y.is_finite()) {
            return None;
        }
        let lambda0 = self.lon0_deg.to_radians();
        let phi0 = self.lat0_deg.to_radians();
        let rho = x.hypot(y);
        if rho > 2.0 + 1e-12 {
            return None;
        }
        if rho == 0.0 {
            return Some([normalise_lon_rad(lambda0), phi0]);
        }
        let c = 2.0 * (rho / 2.0).min(1.0).asin();
        let (sin_c, cos_c) = c.sin_cos();
        let (sin_phi0, cos_phi0) = phi0.sin_cos();
        let phi = (cos_c * sin_phi0 + y * sin_c * cos_phi0 / rho)
            .clamp(-1.0, 1.0)
            .asin();
        let lambda = lambda0 + (x * sin_c).atan2(rho * cos_phi0 * cos_c - y * sin_phi0 * sin_c);
        Some([normalise_lon_rad(lambda), phi])
    }
}

/// Wraps a longitude in radians into (−π, π].
fn normalise_lon_rad(lambda: f64) -> f64 {
    let wrapped = (lambda + PI).rem_euclid(2.0 * PI) - PI;
    if wrapped <= -PI {
        wrapped + 2.0 * PI
    } else {
        wrapped
    }
}

/// Uniform scale plus translation from unitless projected coordinates (y north) to view units
/// (y down): `[translate[0] + scale * x, translate[1] - scale * y]`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Transform {
    pub scale: f64,
    pub translate: [f64; 2],
}

impl Transform {
    /// Unitless `[x, y]` (y north) to view units (y down).
    pub fn apply(&self, xy: [f64; 2]) -> [f64; 2] {
        [
            self.translate[0] + self.scale * xy[0],
            self.translate[1] - self.scale * xy[1],
        ]
    }

    /// View units (y down) back to unitless (y north); `None` when the scale is zero or not
    /// finite.
    pub fn invert(&self, view: [f64; 2]) -> Option<[f64; 2]> {
        if self.scale == 0.0 || !self.scale.is_finite() {
            return None;
        }
        Some([
            (view[0] - self.translate[0]) / self.scale,
            (self.translate[1] - view[1]) / self.scale,
        ])
    }
}

/// Raw projection followed by the view transform: degrees in, view units (y down) out.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projection {
    pub raw: LambertAzimuthalEqualArea,
    pub transform: Transform,
}

impl Projection {
    /// `[lon_deg, lat_deg]` to view units `[x, y]` (y down). `None` for the antipode of the
    /// centre and for non-finite input.
    pub fn project(&self, lon_deg: f64, lat_deg: f64) -> Option<[f64; 2]> {
        let xy = self
            .raw
            .forward(lon_deg.to_radians(), lat_deg.to_radians())?;
        let view = self.transform.apply(xy);
        (view[0].is_finite() && view[1].is_finite()).then_some(view)
    }

    /// View units `[x, y]` (y down) back to `[lon_deg, lat_deg]`; `None` outside the
    /// projected globe or for a degenerate transform.
    pub fn invert(&self, xy: [f64; 2]) -> Option<[f64; 2]> {
        let unitless = self.transform.invert(xy)?;
        let [lambda, phi] = self.raw.inverse(unitless)?;
        Some([lambda.to_degrees(), phi.to_degrees()])
    }
}

/// Fits a projected bounding box `[[x_min, y_min], [x_max, y_max]]` (unitless, y north) into
/// the view box `[[x0, y0], [x1, y1]]` (view units, y down): the largest uniform scale that
/// keeps the whole box inside, with the box centred in the view.
///
/// Degenerate input stays finite: a zero-size bounds side is ignored when choosing the scale,
/// and all-degenerate bounds get scale 1.
pub fn fit_extent(
    raw: LambertAzimuthalEqualArea,
    bounds_unitless: [[f64; 2]; 2],
    view: [[f64; 2]; 2],
) -> Transform {
    // The raw projection carries no extra affine part, so the bounds are already in its units.
    let _ = raw;
    let [[bx0, by0], [bx1, by1]] = bounds_unitless;
    let [[vx0, vy0], [vx1, vy1]] = view;
    let (bw, bh) = ((bx1 - bx0).abs(), (by1 - by0).abs());
    let (vw, vh) = ((vx1 - vx0).abs(), (vy1 - vy0).abs());
    let ratio = |view_side: f64, bounds_side: f64| {
        (bounds_side > 0.0 && bounds_side.is_finite()).then(|| view_side / bounds_side)
    };
    let scale = match (ratio(vw, bw), ratio(vh, bh)) {
        (Some(a), Some(b)) => a.min(b),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => 1.0,
    };
    let centre_bounds = [(bx0 + bx1) / 2.0, (by0 + by1) / 2.0];
    let centre_view = [(vx0 + vx1) / 2.0, (vy0 + vy1) / 2.0];
    Transform {
        scale,
        translate: [
            centre_view[0] - scale * centre_bounds[0],
            centre_view[1] + scale * centre_bounds[1],
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEGREE_TOLERANCE: f64 = 1e-9;

    fn europe(scale: f64, translate: [f64; 2]) -> Projection {
        Projection {
            raw: LambertAzimuthalEqualArea::EUROPE,
            transform: Transform { scale, translate },
        }
    }

    fn close(a: [f64; 2], b: [f64; 2], tolerance: f64) -> bool {
        (a[0] - b[0]).abs() <= tolerance && (a[1] - b[1]).abs() <= tolerance
    }

    #[test]
    fn forward_then_inverse_returns_the_same_degrees_all_over_europe() {
        let projection = europe(1234.5, [500.0, 600.0]);
        for lon_step in 0..=36 {
            for lat_step in 0..=30 {
                let lon = -30.0 + 2.5 * f64::from(lon_step);
                let lat = 25.0 + 1.75 * f64::from(lat_step);
                let xy = projection.project(lon, lat).unwrap();
                let back = projection.invert(xy).unwrap();
                assert!(
                    close(back, [lon, lat], DEGREE_TOLERANCE),
                    "({lon}, {lat}) came back as {back:?}"
                );
            }
        }
    }

    #[test]
    fn the_centre_maps_to_the_translate() {
        let projection = europe(800.0, [321.0, 456.0]);
        let xy = projection.project(10.0, 52.0).unwrap();
        assert!(close(xy, [321.0, 456.0], 1e-9), "{xy:?}");
    }

    #[test]
    fn north_goes_up_and_east_goes_right_in_view_units() {
        let projection = europe(1000.0, [0.0, 0.0]);
        let centre = projection.project(10.0, 52.0).unwrap();
        let north = projection.project(10.0, 60.0).unwrap();
        let east = projection.project(20.0, 52.0).unwrap();
        assert!(north[1] < centre[1], "north {north:?} centre {centre:?}");
        assert!((north[0] - centre[0]).abs() < 1e-9);
        assert!(east[0] > centre[0], "east {east:?} centre {centre:?}");
    }

    #[test]
    fn raw_values_match_the_closed_form_for_known_points() {
        let raw = LambertAzimuthalEqualArea::EUROPE;
        // (lon, lat, expected x, expected y): due north along the central meridian the
        // distance is 2 sin(c / 2) for the angular distance c; the pole is 38° away.
        let cases = [
            (10.0_f64, 52.0_f64, 0.0, 0.0),
            (10.0, 90.0, 0.0, 2.0 * (38.0_f64.to_radians() / 2.0).sin()),
            (10.0, 22.0, 0.0, -2.0 * (30.0_f64.to_radians() / 2.0).sin()),
        ];
        for (lon, lat, x, y) in cases {
            let xy = raw.forward(lon.to_radians(), lat.to_radians()).unwrap();
            assert!(close(xy, [x, y], 1e-12), "({lon}, {lat}) -> {xy:?}");
        }
    }

    #[test]
    fn the_projection_preserves_area() {
        // A small cell of the sphere of 0.1° × 0.1° keeps its spherical area in the plane.
        let raw = LambertAzimuthalEqualArea::EUROPE;
        let (lon, lat, d) = (30.0_f64, 65.0_f64, 0.1_f64);
        let corners = [
            (lon, lat),
            (lon + d, lat),
            (lon + d, lat + d),
            (lon, lat + d),
        ]
        .map(|(a, b)| raw.forward(a.to_radians(), b.to_radians()).unwrap());
        let planar = 0.5
            * (0..4)
                .map(|i| {
                    let (p, q) = (corners[i], corners[(i + 1) % 4]);
                    p[0] * q[1] - q[0] * p[1]
                })
                .sum::<f64>()
                .abs();
        let spherical = d.to_radians() * ((lat + d).to_radians().sin() - lat.to_radians().sin());
        assert!(
            (planar / spherical - 1.0).abs() < 1e-3,
            "{planar} vs {spherical}"
        );
    }

    #[test]
    fn the_antipode_and_non_finite_input_have_no_image() {
        let projection = europe(1.0, [0.0, 0.0]);
        assert_eq!(projection.project(-170.0, -52.0), None);
        assert_eq!(projection.project(f64::NAN, 10.0), None);
        assert_eq!(projection.project(10.0, f64::INFINITY), None);
        assert_eq!(projection.invert([f64::NAN, 0.0]), None);
    }

    #[test]
    fn points_beyond_the_projected_globe_do_not_invert() {
        let projection = europe(1.0, [0.0, 0.0]);
        assert_eq!(projection.invert([2.5, 0.0]), None);
        let degenerate = europe(0.0, [0.0, 0.0]);
        assert_eq!(degenerate.invert([0.0, 0.0]), None);
    }

    #[test]
    fn fit_extent_puts_the_bounds_inside_the_view_and_centres_them() {
        let raw = LambertAzimuthalEqualArea::EUROPE;
        // (bounds, view)
        let cases = [
            ([[-0.3, -0.3], [0.4, 0.35]], [[30.0, 30.0], [970.0, 1000.0]]),
            ([[-1.0, -0.1], [1.0, 0.1]], [[0.0, 0.0], [100.0, 100.0]]),
            ([[0.2, -0.5], [0.3, 0.5]], [[10.0, 20.0], [110.0, 60.0]]),
        ];
        for (bounds, view) in cases {
            let transform = fit_extent(raw, bounds, view);
            let a = transform.apply(bounds[0]);
            let b = transform.apply(bounds[1]);
            let (x0, x1) = (a[0].min(b[0]), a[0].max(b[0]));
            let (y0, y1) = (a[1].min(b[1]), a[1].max(b[1]));
            let eps = 1e-9;
            assert!(
                x0 >= view[0][0] - eps && x1 <= view[1][0] + eps,
                "{bounds:?}"
            );
            assert!(
                y0 >= view[0][1] - eps && y1 <= view[1][1] + eps,
                "{bounds:?}"
            );
            // Centred, and touching the view on at least one axis.
            assert!(((x0 + x1) / 2.0 - (view[0][0] + view[1][0]) / 2.0).abs() < eps);
            assert!(((y0 + y1) / 2.0 - (view[0][1] + view[1][1]) / 2.0).abs() < eps);
            let touches_x = (x1 - x0 - (view[1][0] - view[0][0])).abs() < eps;
            let touches_y = (y1 - y0 - (view[1][1] - view[0][1])).abs() < eps;
            assert!(touches_x || touches_y, "{bounds:?} does not fill {view:?}");
        }
    }

    #[test]
    fn fit_extent_keeps_the_north_edge_at_the_top_of_the_view() {
        let transform = fit_extent(
            LambertAzimuthalEqualArea::EUROPE,
            [[-1.0, -1.0], [1.0, 1.0]],
            [[0.0, 0.0], [200.0, 200.0]],
        );
        assert!(close(transform.apply([0.0, 1.0]), [100.0, 0.0], 1e-9));
        assert!(close(transform.apply([0.0, -1.0]), [100.0, 200.0], 1e-9));
    }

    #[test]
    fn fit_extent_stays_finite_for_degenerate_bounds() {
        let transform = fit_extent(
            LambertAzimuthalEqualArea::EUROPE,
            [[0.5, 0.5], [0.5, 0.5]],
            [[0.0, 0.0], [10.0, 10.0]],
        );
        assert_eq!(transform.scale, 1.0);
        assert!(close(transform.apply([0.5, 0.5]), [5.0, 5.0], 1e-12));
    }

    #[test]
    fn transform_invert_undoes_apply() {
        let transform = Transform {
            scale: 1490.25,
            translate: [512.5, 488.0],
        };
        let xy = [0.123, -0.456];
        let back = transform.invert(transform.apply(xy)).unwrap();
        assert!(close(back, xy, 1e-12));
    }
}
