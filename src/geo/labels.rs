//! Association acronyms drawn on the map where they fit, never overlapping one another.
//!
//! Units and axes: label boxes are in map units (the prepared map's view units, x right, y DOWN);
//! font sizes come in as CSS px and are converted with `px_per_unit`, the CSS px per map unit at
//! the current zoom. A label's `x`, `y` is the centre of its box: draw it with
//! `text-anchor="middle"` and `dominant-baseline="central"` at a font size of
//! `font_px / px_per_unit` map units.
//!
//! The rules:
//! - each association is anchored at its largest country (bounding-box area; the first in the
//!   data on a tie), so RUNDA's eight countries get one label; associations anchored at the same
//!   country share one label, acronyms joined by [`SEPARATOR`] in data order ("UPFI · FELIN");
//! - the text's width is estimated by [`crate::text_width`] for bold capitals, plus
//!   [`PADDING_EM`] for the halo; the box is
//!   [`HEIGHT_EM`] high;
//! - labels are placed largest anchor country first; each tries the [`CANDIDATES`] in order and
//!   takes the first box that lies inside the visible rectangle, keeps [`GAP_EM`] away from every
//!   label already placed, and has at least [`MIN_INSIDE`] of its area inside the anchor
//!   country's bounding box (so a tiny country never gets a label sprawling over its
//!   neighbours); a label with no such position is left out.

use super::europe::EuropeMap;
use super::viewport::Rect;
use crate::data::Dataset;
use crate::text_width::{width_em, Face};
use std::collections::BTreeMap;

/// Joins the acronyms of associations that share an anchor country.
pub const SEPARATOR: &str = " · ";
/// Extra width for the halo around the text (both ends together), in em.
pub const PADDING_EM: f64 = 0.4;
/// Height of a label's box (cap height plus halo, with room to spare), in em.
pub const HEIGHT_EM: f64 = 1.0;
/// Least space between two labels' boxes, in em.
pub const GAP_EM: f64 = 0.2;
/// Least share of a label's box that must lie inside its country's bounding box.
pub const MIN_INSIDE: f64 = 0.75;
/// Positions tried around the country's label point, in order: offsets in box widths and box
/// heights (y down). The label point first, then above and below, then shifted sideways.
pub const CANDIDATES: [[f64; 2]; 9] = [
    [0.0, 0.0],
    [0.0, -1.0],
    [0.0, 1.0],
    [-0.35, 0.0],
    [0.35, 0.0],
    [0.0, -2.0],
    [0.0, 2.0],
    [-0.35, -1.0],
    [0.35, 1.0],
];

/// One label on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    /// The anchor country's ISO code.
    pub country: &'static str,
    /// The acronyms, joined by [`SEPARATOR`].
    pub text: String,
    /// Centre of the box (map units).
    pub x: f64,
    pub y: f64,
    /// Size of the box (map units).
    pub width: f64,
    pub height: f64,
}

impl Label {
    /// The label's box.
    pub fn rect(&self) -> Rect {
        Rect::new(
            self.x - self.width / 2.0,
            self.y - self.height / 2.0,
            self.width,
            self.height,
        )
    }
}

/// One label per anchor country: `(code, text)`, largest anchor country first (ties by code).
pub fn label_texts(data: &'static Dataset, map: &EuropeMap) -> Vec<(&'static str, String)> {
    let mut groups: BTreeMap<&'static str, Vec<&'static str>> = BTreeMap::new();
    for association in data.associations.iter() {
        let anchor = association
            .countries
            .iter()
            .filter_map(|code| map.shape(code))
            .filter_map(|shape| Some((shape.id?, bbox_area(shape.bbox))))
            .fold(
                None,
                |best: Option<(&'static str, f64)>, (code, area)| match best {
                    Some((_, best_area)) if best_area >= area => best,
                    _ => Some((code, area)),
                },
            );
        if let Some((code, _)) = anchor {
            groups.entry(code).or_default().push(&association.acronym);
        }
    }
    let mut texts: Vec<(&'static str, f64, String)> = groups
        .into_iter()
        .filter_map(|(code, acronyms)| {
            let area = bbox_area(map.shape(code)?.bbox);
            Some((code, area, acronyms.join(SEPARATOR)))
        })
        .collect();
    crate::sorting::sort_by(&mut texts, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    texts
        .into_iter()
        .map(|(code, _, text)| (code, text))
        .collect()
}

/// The labels that fit, for text of `font_px` CSS px at `px_per_unit` CSS px per map unit,
/// within `visible` (map units, e.g. the viewport's view box). Empty when `px_per_unit` or
/// `font_px` is not a positive number.
pub fn place_labels(
    data: &'static Dataset,
    map: &EuropeMap,
    px_per_unit: f64,
    font_px: f64,
    visible: Rect,
) -> Vec<Label> {
    let positive = |v: f64| v.is_finite() && v > 0.0;
    if !(positive(px_per_unit) && positive(font_px)) {
        return Vec::new();
    }
    let em = font_px / px_per_unit;
    let gap = GAP_EM * em;
    let mut placed: Vec<Label> = Vec::new();
    for (code, text) in label_texts(data, map) {
        let Some(shape) = map.shape(code) else {
            continue;
        };
        let country = Rect::from_bbox(shape.bbox.map(f64::from));
        let [lx, ly] = shape.label.map(f64::from);
        let width = (width_em(&text, Face::BoldCaps) + PADDING_EM) * em;
        let height = HEIGHT_EM * em;
        let found = CANDIDATES.iter().find_map(|[dx, dy]| {
            let label = Label {
                country: code,
                text: text.clone(),
                x: lx + dx * width,
                y: ly + dy * height,
                width,
                height,
            };
            let rect = label.rect();
            let fits = visible.contains(&rect)
                && rect.intersection_area(&country) >= MIN_INSIDE * rect.area()
                && placed
                    .iter()
                    .all(|other| !other.rect().inflate(gap).overlaps(&rect));
            fits.then_some(label)
        });
        placed.extend(found);
    }
    placed
}

fn bbox_area([x0, y0, x1, y1]: [f32; 4]) -> f64 {
    f64::from(x1 - x0).abs() * f64::from(y1 - y0).abs()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::dataset;
    use crate::geo::europe::EUROPE;
    use crate::geo::viewport::{Rect, Viewport};

    const FONT_PX: f64 = 12.0;
    /// Phone (320 px wide map), laptop and 4K screens: CSS px per map unit at zoom 1.
    const SCALES: [f64; 3] = [0.32, 0.7, 2.0];

    /// Views at several zooms, each centred on a few places.
    fn views() -> Vec<Viewport> {
        let mut views = Vec::new();
        for zoom in [1.0, 2.0, 4.0, 8.0] {
            for anchor in [
                [500.0, 524.5],
                [420.0, 600.0],
                [600.0, 750.0],
                [150.0, 450.0],
            ] {
                views.push(Viewport::home().zoom_by(zoom, anchor, &EUROPE));
            }
        }
        views
    }

    fn labels_at(scale: f64, view: Viewport) -> Vec<Label> {
        let ppu = scale * view.zoom();
        place_labels(dataset(), &EUROPE, ppu, FONT_PX, view.view_box(&EUROPE))
    }

    #[test]
    fn no_two_labels_overlap_and_all_lie_in_the_visible_rect() {
        for scale in SCALES {
            for view in views() {
                let visible = view.view_box(&EUROPE);
                let labels = labels_at(scale, view);
                for (i, a) in labels.iter().enumerate() {
                    assert!(visible.contains(&a.rect()), "{a:?} outside {visible:?}");
                    for b in &labels[i + 1..] {
                        assert!(!a.rect().overlaps(&b.rect()), "{a:?} overlaps {b:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn labels_stay_mostly_on_their_country() {
        for scale in SCALES {
            for view in views() {
                for label in labels_at(scale, view) {
                    let bbox = EUROPE.shape(label.country).unwrap().bbox.map(f64::from);
                    let inside = label.rect().intersection_area(&Rect::from_bbox(bbox));
                    assert!(
                        inside >= MIN_INSIDE * label.rect().area() - 1e-9,
                        "{label:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn shared_anchor_countries_join_their_acronyms_in_data_order() {
        let texts = label_texts(dataset(), &EUROPE);
        let text = |code| {
            texts
                .iter()
                .find(|(c, _)| *c == code)
                .map(|(_, t)| t.as_str())
        };
        assert_eq!(text("FR"), Some("UPFI · FELIN"));
        assert_eq!(text("IT"), Some("PMI · AUDIOCOOP"));
        // RUNDA: one label, on its largest country by bounding box (Croatia).
        let runda: Vec<_> = texts.iter().filter(|(_, t)| t.contains("RUNDA")).collect();
        assert_eq!(runda.len(), 1);
        assert_eq!(runda[0].0, "HR");
        assert!(texts
            .iter()
            .all(|(c, _)| !["SI", "RS", "XK", "ME", "MK", "AL"].contains(c)));
        // Largest first.
        let area = |code| bbox_area(EUROPE.shape(code).unwrap().bbox);
        assert!(texts.windows(2).all(|w| area(w[0].0) >= area(w[1].0)));
        // Every association is in exactly one label.
        let count: usize = texts.iter().map(|(_, t)| t.split(SEPARATOR).count()).sum();
        assert_eq!(count, dataset().associations.len());
    }

    #[test]
    fn most_associations_are_labelled_on_a_large_desktop() {
        let labels = labels_at(1.0, Viewport::home());
        let acronyms: Vec<&str> = labels
            .iter()
            .flat_map(|l| l.text.split(SEPARATOR))
            .collect();
        for acronym in ["VUT", "AIM", "UFI", "SOM", "UPFI", "FELIN"] {
            assert!(
                acronyms.contains(&acronym),
                "{acronym} missing from {acronyms:?}"
            );
        }
        assert!(
            acronyms.len() * 4 >= dataset().associations.len() * 3,
            "{acronyms:?}"
        );
        let france = labels.iter().find(|l| l.country == "FR").unwrap();
        assert_eq!(france.text, "UPFI · FELIN");
    }

    #[test]
    fn placement_is_deterministic() {
        for scale in SCALES {
            for view in views() {
                assert_eq!(labels_at(scale, view), labels_at(scale, view));
            }
        }
    }

    #[test]
    fn nonsense_sizes_give_no_labels() {
        let visible = Rect::of_map(&EUROPE);
        for (ppu, font) in [
            (0.0, 12.0),
            (f64::NAN, 12.0),
            (1.0, -1.0),
            (1.0, f64::INFINITY),
        ] {
            assert!(place_labels(dataset(), &EUROPE, ppu, font, visible).is_empty());
        }
        assert!(place_labels(dataset(), &EUROPE, 1.0, 12.0, Rect::default()).is_empty());
    }
}
