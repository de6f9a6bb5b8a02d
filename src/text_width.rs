//! How wide a text is estimated to be: the one estimate behind every layout made without a
//! browser to measure text (the map's labels, the timeline's marks, the growth chart's axes and
//! the exported figures' captions). Estimates err towards wide, so that what is laid out for them
//! never overlaps. Pure.

/// The kind of text being estimated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Face {
    /// Bold uppercase sans-serif: acronyms on the map and on the timeline.
    BoldCaps,
    /// Regular sans-serif in mixed case: axis labels, captions.
    Text,
}

/// Estimated advance of an uppercase letter or digit in bold sans-serif, in em.
pub const WIDE_EM: f64 = 0.68;
/// Estimated advance of a space or a `·` in bold sans-serif, in em.
pub const NARROW_EM: f64 = 0.3;
/// A generous average advance of a regular sans-serif character, in em.
pub const TEXT_EM: f64 = 0.6;

/// The estimated width of `text` in em.
pub fn width_em(text: &str, face: Face) -> f64 {
    match face {
        Face::BoldCaps => text
            .chars()
            .map(|c| match c {
                ' ' | '·' => NARROW_EM,
                _ => WIDE_EM,
            })
            .sum(),
        Face::Text => text.chars().count() as f64 * TEXT_EM,
    }
}

/// How many characters of `face` fit in `width` at `font_px` (for wrapping by counting).
pub fn chars_in(width: f64, font_px: f64, face: Face) -> f64 {
    let per_char = match face {
        Face::BoldCaps => WIDE_EM,
        Face::Text => TEXT_EM,
    };
    width / (font_px * per_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_are_wide_and_separators_narrow() {
        assert!((width_em("VUT", Face::BoldCaps) - 3.0 * WIDE_EM).abs() < 1e-9);
        let joined = width_em("UPFI · FELIN", Face::BoldCaps);
        assert!((joined - (9.0 * WIDE_EM + 3.0 * NARROW_EM)).abs() < 1e-9);
        assert!(
            (width_em("Année", Face::Text) - 5.0 * TEXT_EM).abs() < 1e-9,
            "characters, not bytes"
        );
        assert!((chars_in(120.0, 10.0, Face::Text) - 20.0).abs() < 1e-9);
    }
}
