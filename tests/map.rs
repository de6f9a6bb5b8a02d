//! The embedded map of Europe against the data: every covered country has a shape, every shape
//! lies in the view, and places land in the right country.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::expect_used, clippy::panic)] // test code: a failed expectation is a failed test

use impala_map::data::covered_country_codes;
use impala_map::geo::europe::EUROPE;
use impala_map::geo::path::points;

/// Tolerance for "inside the view": half the 0.1-unit quantum.
const EPS: f64 = 0.05;

#[test]
fn every_covered_country_has_exactly_one_shape() {
    let codes = covered_country_codes();
    assert_eq!(codes.len(), 27);
    for code in codes {
        let count = EUROPE
            .countries
            .iter()
            .filter(|s| s.id == Some(code))
            .count();
        assert_eq!(count, 1, "shapes for {code}");
    }
}

#[test]
fn kosovo_israel_and_north_macedonia_are_on_the_map() {
    for (code, name) in [
        ("XK", "Kosovo"),
        ("IL", "Israel"),
        ("MK", "North Macedonia"),
    ] {
        let shape = EUROPE
            .shape(code)
            .unwrap_or_else(|| panic!("{name} has no shape"));
        assert_eq!(shape.name, name);
        let [x0, y0, x1, y1] = shape.bbox;
        assert!(
            x1 - x0 > 3.0 && y1 - y0 > 3.0,
            "{name} is big enough to see: {:?}",
            shape.bbox
        );
    }
}

#[test]
fn every_shape_lies_inside_the_view_box() {
    for shape in EUROPE.countries {
        let rings = points(shape.d).unwrap_or_else(|e| panic!("{}: {e}", shape.name));
        assert!(!rings.is_empty(), "{} has no ring", shape.name);
        for [x, y] in rings.iter().flatten() {
            assert!(
                (-EPS..=EUROPE.width + EPS).contains(x) && (-EPS..=EUROPE.height + EPS).contains(y),
                "{}: point ({x}, {y}) outside 0..{} x 0..{}",
                shape.name,
                EUROPE.width,
                EUROPE.height
            );
        }
    }
}

#[test]
fn shape_ids_are_unique_and_label_points_lie_in_their_boxes() {
    let mut ids: Vec<&str> = EUROPE.countries.iter().filter_map(|s| s.id).collect();
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count, "duplicate ids");
    for shape in EUROPE.countries {
        let [x0, y0, x1, y1] = shape.bbox;
        let [x, y] = shape.label;
        assert!(
            (x0..=x1).contains(&x) && (y0..=y1).contains(&y),
            "{}",
            shape.name
        );
    }
}

#[test]
fn capitals_project_into_their_countries() {
    let cases = [
        ("SE", 18.07, 59.33), // Stockholm
        ("NO", 10.75, 59.91), // Oslo
        ("PT", -9.14, 38.72), // Lisbon
        ("IL", 35.21, 31.77), // Jerusalem
        ("XK", 21.17, 42.66), // Pristina
        ("MK", 21.43, 41.99), // Skopje
        ("ME", 19.26, 42.44), // Podgorica
        ("FI", 24.94, 60.17), // Helsinki
        ("GB", -0.13, 51.51), // London
    ];
    for (code, lon, lat) in cases {
        let [x, y] = EUROPE.projection.project(lon, lat).expect("projectable");
        let [x0, y0, x1, y1] = EUROPE.shape(code).expect("shape").bbox.map(f64::from);
        assert!(
            (x0..=x1).contains(&x) && (y0..=y1).contains(&y),
            "{code}: ({x:.1}, {y:.1}) not in {:?}",
            [x0, y0, x1, y1]
        );
    }
}

#[test]
fn the_view_round_trips_through_the_projection() {
    for (lon, lat) in [(-9.5, 38.7), (35.0, 31.0), (25.8, 71.1), (10.0, 52.0)] {
        let xy = EUROPE.projection.project(lon, lat).expect("projectable");
        let [lon2, lat2] = EUROPE.projection.invert(xy).expect("invertible");
        assert!(
            (lon - lon2).abs() < 1e-9 && (lat - lat2).abs() < 1e-9,
            "({lon}, {lat}) -> ({lon2}, {lat2})"
        );
    }
}

#[test]
fn the_map_reaches_from_the_north_cape_to_southern_israel_inside_the_view() {
    for (place, lon, lat) in [
        ("North Cape", 25.78, 71.17),
        ("Eilat", 34.95, 29.56),
        ("Cabo da Roca", -9.5, 38.78),
    ] {
        let [x, y] = EUROPE.projection.project(lon, lat).expect("projectable");
        assert!(
            x > 0.0 && x < EUROPE.width && y > 0.0 && y < EUROPE.height,
            "{place} at ({x}, {y})"
        );
    }
}
