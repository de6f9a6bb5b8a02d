//! Colours of the member countries: one colour slot per association (neighbours never share
//! one) or one colour per decade of founding, plus the contrast and colour-vision maths that the
//! colours in `styles/palette.css` are checked with. Pure: no `yew`, no `web_sys`.
//!
//! The colours themselves live in `styles/palette.css` as custom properties; this module only
//! says which class a country gets:
//!
//! - by association, `fill-a{slot}` (colour `--slot-{slot}`). Slots come from a greedy colouring
//!   of the associations' neighbour graph, so two associations whose countries share a border, or
//!   that share a country (France: UPFI and FELIN; Italy: PMI and AUDIOCOOP), never get the same
//!   slot. All countries of one association share its slot (RUNDA's eight countries are one
//!   colour). A country with several associations shows all their slots as stripes.
//! - by founding period, `fill-p{decade}` (e.g. `fill-p1970s`, colour `--period-1970s`), or
//!   `fill-punknown` (`--period-unknown`) when the founding year is not known.
//!
//! `tests/palette.rs` checks the CSS against the data: every slot and period used has a colour
//! and a rule, every colour has a contrast of at least 3:1 against the sea, the non-member
//! countries and the member borders, and the association colours stay apart under simulated
//! protanopia and deuteranopia.

use crate::data::{Dataset, Founding};
use crate::geo::europe::EuropeMap;
use crate::vocab::Colouring;

/// How many association colour slots `styles/palette.css` defines (`--slot-0` to `--slot-5`).
/// The colouring of the current data uses fewer; `tests/palette.rs` fails if it ever needs more.
pub const SLOT_COUNT: u8 = 6;

/// The class for an association colour slot: `fill-a3`.
pub fn slot_class(slot: u8) -> String {
    format!("fill-a{slot}")
}

/// The colour slot of every association, from a greedy colouring of their neighbour graph.
#[derive(Clone, Debug, PartialEq)]
pub struct AssociationSlots<'a> {
    data: &'a Dataset,
    /// `(acronym, slot)`, in the data's order of associations.
    slots: Vec<(&'a str, u8)>,
}

impl<'a> AssociationSlots<'a> {
    /// Colours the associations of `data` so that two associations get different slots when one
    /// of them covers a country that borders (on `map`) or is one of the other's countries.
    ///
    /// Greedy colouring in a fixed order: most neighbouring associations first, ties by acronym;
    /// each association takes the lowest slot none of its already coloured neighbours has.
    pub fn new(data: &'a Dataset, map: &EuropeMap) -> Self {
        let associations: Vec<(&'a str, Vec<&'a str>)> = data
            .associations
            .iter()
            .map(|a| {
                (
                    a.acronym.as_ref(),
                    a.countries.iter().map(|c| c.as_ref()).collect(),
                )
            })
            .collect();
        let touches = |a: &[&str], b: &[&str]| {
            a.iter()
                .any(|x| b.iter().any(|y| x == y || map.are_neighbours(x, y)))
        };
        let count = associations.len();
        let adjacent: Vec<Vec<usize>> = (0..count)
            .map(|i| {
                (0..count)
                    .filter(|&j| j != i && touches(&associations[i].1, &associations[j].1))
                    .collect()
            })
            .collect();
        let mut order: Vec<usize> = (0..count).collect();
        crate::sorting::sort_by(&mut order, |&i, &j| {
            adjacent[j]
                .len()
                .cmp(&adjacent[i].len())
                .then_with(|| associations[i].0.cmp(associations[j].0))
        });
        let mut slot: Vec<Option<u8>> = vec![None; count];
        for &i in &order {
            let taken: Vec<u8> = adjacent[i].iter().filter_map(|&j| slot[j]).collect();
            // There are at most `count - 1` taken slots, so a free one is always found.
            slot[i] = (0..=u8::MAX).find(|s| !taken.contains(s));
        }
        let slots = associations
            .iter()
            .zip(slot)
            .map(|((acronym, _), slot)| (*acronym, slot.unwrap_or(u8::MAX)))
            .collect();
        Self { data, slots }
    }

    /// `(acronym, slot)` for every association, in the data's order.
    pub fn slots(&self) -> &[(&'a str, u8)] {
        &self.slots
    }

    /// The slot of the association with this acronym.
    pub fn slot_of(&self, acronym: &str) -> Option<u8> {
        self.slots
            .iter()
            .find(|(a, _)| *a == acronym)
            .map(|&(_, slot)| slot)
    }

    /// The slots of the associations that cover a country, in the data's order of associations
    /// (France: UPFI's, then FELIN's). Empty for a country no association covers.
    pub fn country_slots(&self, code: &str) -> Vec<u8> {
        self.data
            .associations_in(code)
            .filter_map(|a| self.slot_of(&a.acronym))
            .collect()
    }

    /// How many slots the colouring uses (the highest slot plus one).
    pub fn slot_count(&self) -> u8 {
        self.slots
            .iter()
            .map(|&(_, slot)| slot.saturating_add(1))
            .max()
            .unwrap_or(0)
    }
}

/// A period of founding: a decade, or unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    /// The decade starting in this year (`1970` for 1970 to 1979).
    Decade(u16),
    /// No source gives the founding year.
    Unknown,
}

impl Period {
    /// The name used in classes and custom properties: `1970s`, `unknown`.
    pub fn key(self) -> String {
        match self {
            Period::Decade(start) => format!("{start}s"),
            Period::Unknown => "unknown".to_owned(),
        }
    }

    /// The class for this period: `fill-p1970s`, `fill-punknown`.
    pub fn class(self) -> String {
        format!("fill-p{}", self.key())
    }

    /// The custom property with its colour: `--period-1970s`, `--period-unknown`.
    pub fn custom_property(self) -> String {
        format!("--period-{}", self.key())
    }

    /// For people, in the interface's language: `1970s`, `founding year unknown`.
    pub fn label(self, t: &crate::i18n::Strings) -> String {
        match self {
            Period::Decade(start) => {
                crate::i18n::fill(t.decade(), &[("decade", &start.to_string())])
            }
            Period::Unknown => t.period_unknown().to_owned(),
        }
    }
}

/// The period of a founding: the decade of the year the app shows. For a disputed year that is
/// the primary year's decade, even where another source's year lies in another decade (UPFI:
/// 1996, so the 1990s, although one source says 1986). A founding whose year is unknown is
/// [`Period::Unknown`], even when its whole range lies in one decade.
pub fn period_of(founded: &Founding) -> Period {
    match founded.year() {
        Some(year) => Period::Decade(year - year % 10),
        None => Period::Unknown,
    }
}

/// The period a country is shown in: that of its earliest founded association whose year is
/// known (France: UPFI, 1996, not FELIN, unknown; Italy: AUDIOCOOP, 2000, not PMI, 2005);
/// [`Period::Unknown`] when no year is known. `None` for a country no association covers.
pub fn country_period(data: &Dataset, code: &str) -> Option<Period> {
    let mut associations = data.associations_in(code).peekable();
    associations.peek()?;
    Some(
        associations
            .filter_map(|a| a.founded.year())
            .min()
            .map_or(Period::Unknown, |year| Period::Decade(year - year % 10)),
    )
}

/// Every period some association falls in, oldest first, [`Period::Unknown`] last.
pub fn periods(data: &Dataset) -> Vec<Period> {
    crate::sorting::sorted_unique(data.associations.iter().map(|a| period_of(&a.founded)))
}

/// How one member country is filled in the current colouring.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fill {
    /// By association: the slots of its associations, in the data's order (several: stripes).
    Associations(Vec<u8>),
    /// By founding period.
    Period(Period),
}

impl Fill {
    /// The association slots (empty when coloured by period).
    pub fn slots(&self) -> &[u8] {
        match self {
            Fill::Associations(slots) => slots,
            Fill::Period(_) => &[],
        }
    }

    /// The class of the country's shape: `fill-a{slot}`, `fill-p{period}`, `striped` for a
    /// country with several slots (its fill comes from [`Self::pattern`]), or nothing for a
    /// country without association.
    pub fn class(&self, _code: &str) -> String {
        match self {
            Fill::Associations(slots) if slots.len() > 1 => "striped".to_owned(),
            Fill::Associations(slots) => slots.first().map(|&s| slot_class(s)).unwrap_or_default(),
            Fill::Period(period) => period.class(),
        }
    }

    /// The paint of a striped country: `url(#stripes-FR)` (the pattern of [`stripes_id`]) for a
    /// country with several slots, otherwise none. The map gives it to the shape's group as its
    /// `fill` attribute, which the shape inherits (`styles/palette.css`): no inline style, so a
    /// page under `style-src 'self'` shows the stripes.
    pub fn pattern(&self, code: &str) -> Option<String> {
        (self.slots().len() > 1).then(|| format!("url(#{})", stripes_id(code)))
    }
}

/// The id of the SVG pattern of stripes for a country with several associations: `stripes-FR`.
pub fn stripes_id(code: &str) -> String {
    format!("stripes-{code}")
}

/// How a country is filled in a colouring. Computes the association colouring afresh; it is
/// small (one pass over the associations), but a caller colouring every country may build one
/// [`AssociationSlots`] and use [`AssociationSlots::country_slots`].
pub fn fill(data: &Dataset, map: &EuropeMap, colouring: Colouring, code: &str) -> Fill {
    fill_with(&AssociationSlots::new(data, map), data, colouring, code)
}

/// [`fill`] with the slots worked out once (the map colours every member with the same slots).
pub fn fill_with(
    slots: &AssociationSlots<'_>,
    data: &Dataset,
    colouring: Colouring,
    code: &str,
) -> Fill {
    match colouring {
        Colouring::Association => Fill::Associations(slots.country_slots(code)),
        Colouring::Period => Fill::Period(country_period(data, code).unwrap_or(Period::Unknown)),
    }
}

/// Parses `#rrggbb` or `#rgb` (either case) into 8-bit channels.
pub fn parse_hex(hex: &str) -> Option<[u8; 3]> {
    let digits = hex.strip_prefix('#')?;
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |text: &str| u8::from_str_radix(text, 16).ok();
    match digits.len() {
        6 => Some([
            channel(digits.get(0..2)?)?,
            channel(digits.get(2..4)?)?,
            channel(digits.get(4..6)?)?,
        ]),
        3 => {
            let short = |i: usize| channel(digits.get(i..=i)?).map(|v| v * 17);
            Some([short(0)?, short(1)?, short(2)?])
        }
        _ => None,
    }
}

/// An sRGB channel (0 to 255) in linear light (0 to 1), as WCAG 2 defines it.
fn linear(channel: u8) -> f64 {
    let c = f64::from(channel) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

fn linear_rgb(hex: &str) -> Option<[f64; 3]> {
    parse_hex(hex).map(|rgb| rgb.map(linear))
}

/// WCAG 2 relative luminance of an sRGB colour (`#rrggbb` or `#rgb`): 0 for black, 1 for white.
pub fn relative_luminance(hex: &str) -> Option<f64> {
    let [r, g, b] = linear_rgb(hex)?;
    Some(0.2126 * r + 0.7152 * g + 0.0722 * b)
}

/// WCAG 2 contrast ratio of two colours, 1 to 21 (the order does not matter).
pub fn contrast_ratio(a: &str, b: &str) -> Option<f64> {
    let (la, lb) = (relative_luminance(a)?, relative_luminance(b)?);
    Some((la.max(lb) + 0.05) / (la.min(lb) + 0.05))
}

/// How a colour is seen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vision {
    Normal,
    /// No working long-wavelength (red) cones.
    Protanopia,
    /// No working medium-wavelength (green) cones.
    Deuteranopia,
    /// No working short-wavelength (blue) cones.
    Tritanopia,
}

impl Vision {
    pub const ALL: [Vision; 4] = [
        Vision::Normal,
        Vision::Protanopia,
        Vision::Deuteranopia,
        Vision::Tritanopia,
    ];

    /// Machado, Oliveira and Fernandes (2009), severity 1, applied to linear sRGB.
    fn matrix(self) -> [[f64; 3]; 3] {
        match self {
            Vision::Normal => [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
            Vision::Protanopia => [
                [0.152286, 1.052583, -0.204868],
                [0.114503, 0.786281, 0.099216],
                [-0.003882, -0.048116, 1.051998],
            ],
            Vision::Deuteranopia => [
                [0.367322, 0.860646, -0.227968],
                [0.280085, 0.672501, 0.047413],
                [-0.011820, 0.042940, 0.968881],
            ],
            Vision::Tritanopia => [
                [1.255528, -0.076749, -0.178779],
                [-0.078411, 0.930809, 0.147602],
                [0.004733, 0.691367, 0.303900],
            ],
        }
    }
}

/// The CIE L*a*b* (D65) coordinates of a colour as seen with `vision` (the simulated colour is
/// clipped to the sRGB gamut).
pub fn perceived_lab(hex: &str, vision: Vision) -> Option<[f64; 3]> {
    let rgb = linear_rgb(hex)?;
    let [r, g, b] = vision
        .matrix()
        .map(|row| (row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]).clamp(0.0, 1.0));
    let x = 0.412_456_4 * r + 0.357_576_1 * g + 0.180_437_5 * b;
    let y = 0.212_672_9 * r + 0.715_152_2 * g + 0.072_175_0 * b;
    let z = 0.019_333_9 * r + 0.119_192_0 * g + 0.950_304_1 * b;
    let f = |t: f64| {
        if t > 216.0 / 24389.0 {
            t.cbrt()
        } else {
            (24389.0 / 27.0 * t + 16.0) / 116.0
        }
    };
    let (fx, fy, fz) = (f(x / 0.950_47), f(y), f(z / 1.088_83));
    Some([116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)])
}

/// CIE76 colour difference (Euclidean distance in L*a*b*) of two colours as seen with `vision`.
pub fn delta_e76(a: &str, b: &str, vision: Vision) -> Option<f64> {
    let (la, lb) = (perceived_lab(a, vision)?, perceived_lab(b, vision)?);
    Some(
        la.iter()
            .zip(lb)
            .map(|(p, q)| (p - q).powi(2))
            .sum::<f64>()
            .sqrt(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::OtherYear;
    use std::borrow::Cow;

    fn close(a: Option<f64>, b: f64, tolerance: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < tolerance)
    }

    #[test]
    fn hex_colours_are_parsed_in_both_lengths_and_anything_else_is_refused() {
        assert_eq!(parse_hex("#1d5F8a"), Some([0x1d, 0x5f, 0x8a]));
        assert_eq!(parse_hex("#fa0"), Some([0xff, 0xaa, 0x00]));
        for bad in ["1d5f8a", "#1d5f8", "#1d5f8g", "#+1d5f8", "", "#", "#ééé"] {
            assert_eq!(parse_hex(bad), None, "{bad}");
        }
    }

    #[test]
    fn luminance_and_contrast_follow_wcag_2() {
        assert!(close(relative_luminance("#000000"), 0.0, 1e-12));
        assert!(close(relative_luminance("#ffffff"), 1.0, 1e-12));
        // Mid grey: 0.5 in sRGB is 0.214 in linear light.
        assert!(close(relative_luminance("#808080"), 0.2159, 1e-4));
        assert!(close(contrast_ratio("#000", "#fff"), 21.0, 1e-9));
        assert!(close(contrast_ratio("#fff", "#000"), 21.0, 1e-9));
        assert!(close(contrast_ratio("#777777", "#ffffff"), 4.48, 0.01));
        assert!(close(contrast_ratio("#abc", "#abc"), 1.0, 1e-12));
        assert_eq!(contrast_ratio("#fff", "white"), None);
    }

    #[test]
    fn lab_of_primaries_and_the_effect_of_simulated_colour_blindness() {
        let white = perceived_lab("#ffffff", Vision::Normal).unwrap();
        assert!((white[0] - 100.0).abs() < 0.01 && white[1].abs() < 0.01 && white[2].abs() < 0.01);
        let red = perceived_lab("#ff0000", Vision::Normal).unwrap();
        assert!(
            (red[0] - 53.24).abs() < 0.05 && (red[1] - 80.09).abs() < 0.1,
            "{red:?}"
        );
        // Greys stay greys for every kind of vision (each matrix row sums to 1).
        for vision in Vision::ALL {
            assert!(close(delta_e76("#777777", "#777777", vision), 0.0, 1e-9));
            let grey = perceived_lab("#808080", vision).unwrap();
            assert!(
                grey[1].abs() < 0.5 && grey[2].abs() < 0.5,
                "{vision:?}: {grey:?}"
            );
        }
        // A red and a green of about the same lightness, far apart for most people, nearly
        // meet without green cones; orange and sky blue stay apart.
        let normal = delta_e76("#b2182b", "#4d7d2a", Vision::Normal).unwrap();
        let deutan = delta_e76("#b2182b", "#4d7d2a", Vision::Deuteranopia).unwrap();
        assert!(normal > 80.0 && deutan < 10.0, "{normal} {deutan}");
        let deutan = delta_e76("#e69f00", "#56b4e9", Vision::Deuteranopia).unwrap();
        assert!(deutan > 80.0, "{deutan}");
    }

    fn exact(year: u16) -> Founding {
        Founding::Exact {
            year,
            sources: Cow::Borrowed(&[]),
        }
    }

    #[test]
    fn periods_are_decades_of_the_shown_year() {
        assert_eq!(period_of(&exact(1974)), Period::Decade(1970));
        assert_eq!(period_of(&exact(2000)), Period::Decade(2000));
        assert_eq!(period_of(&exact(2019)), Period::Decade(2010));
        let disputed = Founding::Disputed {
            year: 1996,
            sources: Cow::Borrowed(&[]),
            other: Cow::Owned(vec![OtherYear {
                year: 1986,
                sources: Cow::Borrowed(&[]),
            }]),
        };
        assert_eq!(period_of(&disputed), Period::Decade(1990));
        let unknown = Founding::Unknown {
            earliest: 2011,
            latest: 2019,
            sources: Cow::Borrowed(&[]),
        };
        assert_eq!(period_of(&unknown), Period::Unknown);
    }

    #[test]
    fn periods_have_keys_classes_and_labels_and_unknown_sorts_last() {
        let decade = Period::Decade(1970);
        assert_eq!(decade.key(), "1970s");
        assert_eq!(decade.class(), "fill-p1970s");
        assert_eq!(decade.custom_property(), "--period-1970s");
        assert_eq!(decade.label(crate::i18n::Lang::EN.strings()), "1970s");
        assert_eq!(Period::Unknown.class(), "fill-punknown");
        assert_eq!(
            Period::Unknown.label(crate::i18n::Lang::EN.strings()),
            "founding year unknown"
        );
        assert!(Period::Decade(2010) < Period::Unknown && decade < Period::Decade(1980));
    }

    #[test]
    fn fills_give_a_class_and_stripes_only_for_several_slots() {
        let one = Fill::Associations(vec![2]);
        assert_eq!(
            (one.class("DE"), one.pattern("DE")),
            ("fill-a2".to_owned(), None)
        );
        let two = Fill::Associations(vec![3, 1]);
        assert_eq!(two.class("FR"), "striped");
        assert_eq!(two.pattern("FR").as_deref(), Some("url(#stripes-FR)"));
        assert_eq!(Fill::Associations(vec![]).class("IE"), "");
        let period = Fill::Period(Period::Decade(1990));
        assert_eq!(
            (period.class("DE"), period.slots()),
            ("fill-p1990s".to_owned(), &[][..])
        );
    }
}
