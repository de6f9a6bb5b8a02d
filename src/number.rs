//! Numbers as text: the app's one formatter ([`fixed`], [`short`]) and its one parser
//! ([`parse_decimal`]), for markup, path data and the address. Written with integers: the
//! standard library's float parser brought 17 KB of tables into the wasm (random-looking bytes
//! that do not compress), and with the formatter it cost 13.7 KB gzipped. (The formatter itself
//! stays in the wasm: serde's error messages use it.) `std` only: `build.rs` and
//! `tools/prepare-map` compile it by path, next to `geo/path.rs`, which reads path data with it.

/// `value` with `decimals` digits after the point: `fixed(12.345, 1)` is "12.3", `fixed(2.0, 2)`
/// "2.00", halves rounded away from zero. The app's one number formatter for what it writes into
/// markup and addresses. Magnitudes beyond 10^15 / 10^decimals (nothing the app draws) saturate;
/// no `-` before a value that rounds to zero.
pub fn fixed(value: f64, decimals: u8) -> String {
    if value.is_nan() {
        return "NaN".to_owned();
    }
    if value.is_infinite() {
        return if value > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    let decimals = u32::from(decimals.min(15));
    let scale = 10_u64.pow(decimals);
    // Saturating: `as` clamps what does not fit into u64.
    let scaled = (value.abs() * scale as f64).round() as u64;
    let mut out = String::new();
    if value < 0.0 && scaled != 0 {
        out.push('-');
    }
    out.push_str(&(scaled / scale).to_string());
    if decimals > 0 {
        let fraction = (scaled % scale).to_string();
        out.push('.');
        out.extend(std::iter::repeat_n('0', decimals as usize - fraction.len()));
        out.push_str(&fraction);
    }
    out
}

/// A decimal number as the app writes and reads them: an optional sign, digits with at most one
/// point, and an optional exponent (`12`, `-0.5`, `.5`, `1e3`, `2.5E-1`). `None` for anything
/// else, including `inf` and `NaN`. The app's one number parser; exact for up to 15
/// significant digits and exponents within ±22, which covers every number the app writes.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let mut at = 0;
    let negative = match bytes.first() {
        Some(b'-') => {
            at = 1;
            true
        }
        Some(b'+') => {
            at = 1;
            false
        }
        _ => false,
    };
    let (mut mantissa, mut digits, mut exponent) = (0_u64, 0_u32, 0_i32);
    let mut seen_point = false;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'0'..=b'9' => {
                digits += 1;
                if mantissa < 100_000_000_000_000_000 {
                    mantissa = mantissa * 10 + u64::from(byte - b'0');
                    if seen_point {
                        exponent -= 1;
                    }
                } else if !seen_point {
                    // Digits beyond the 18th only scale the value.
                    exponent += 1;
                }
            }
            b'.' if !seen_point => seen_point = true,
            _ => break,
        }
        at += 1;
    }
    if digits == 0 {
        return None;
    }
    if let Some(b'e' | b'E') = bytes.get(at) {
        let rest = text.get(at + 1..)?;
        let (sign, magnitude) = match rest.as_bytes().first() {
            Some(b'-') => (-1, &rest[1..]),
            Some(b'+') => (1, &rest[1..]),
            _ => (1, rest),
        };
        if magnitude.is_empty() || !magnitude.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        exponent = exponent.saturating_add(sign * magnitude.parse::<i32>().ok()?);
        at = bytes.len();
    }
    if at != bytes.len() {
        return None;
    }
    // One multiplication or division of two exact values is correctly rounded.
    let value = match exponent {
        0 => mantissa as f64,
        1..=22 => mantissa as f64 * 10_f64.powi(exponent),
        -22..=-1 => mantissa as f64 / 10_f64.powi(-exponent),
        _ => mantissa as f64 * 10_f64.powi(exponent),
    };
    value
        .is_finite()
        .then_some(if negative { -value } else { value })
}

/// `value` with at most 2 decimals and no trailing zeros (`12.5`, `3`, never `-0`): numbers in
/// the address and in transforms.
pub fn short(value: f64) -> String {
    let text = fixed(value, 2);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    match text {
        "-0" | "" => "0".to_owned(),
        _ => text.to_owned(),
    }
}

/// `value` as someone sent it, for messages that quote a number (`2003.5`, `0.1`, `-7`): the
/// fewest decimals whose text [`parse_decimal`] reads back as `value`; beyond 10^15, or where
/// that takes more than 15 decimals, 15 significant digits with an exponent (`1e300`).
/// `NaN`, `inf` and `-inf` as [`fixed`] writes them.
pub fn quoted(value: f64) -> String {
    if !value.is_finite() {
        return fixed(value, 0);
    }
    if value.abs() < 1e15 {
        for decimals in 0..=15 {
            let text = fixed(value, decimals);
            if parse_decimal(&text) == Some(value) {
                return text;
            }
        }
    }
    let (mut mantissa, mut exponent) = (value.abs(), 0_i32);
    while mantissa >= 10.0 {
        mantissa /= 10.0;
        exponent += 1;
    }
    while mantissa < 1.0 {
        mantissa *= 10.0;
        exponent -= 1;
    }
    let mut digits = fixed(mantissa, 14);
    if digits.starts_with("10") {
        // 9.999... rounded up to 10.
        exponent += 1;
        digits = fixed(mantissa / 10.0, 14);
    }
    let digits = digits.trim_end_matches('0').trim_end_matches('.');
    let sign = if value < 0.0 { "-" } else { "" };
    format!("{sign}{digits}e{exponent}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_numbers_read_back_as_they_were_sent() {
        for (value, text) in [
            (2003.0, "2003"),
            (2003.5, "2003.5"),
            (0.1, "0.1"),
            (-7.25, "-7.25"),
            (1.005, "1.005"),
            (1.5e-7, "0.00000015"),
            (0.0, "0"),
            (1e300, "1e300"),
            (-2.5e20, "-2.5e20"),
            (1e-20, "1e-20"),
            (f64::NAN, "NaN"),
            (f64::NEG_INFINITY, "-inf"),
        ] {
            assert_eq!(quoted(value), text, "{value:e}");
        }
        for value in [2003.123, 99999.0, 1974.25, 123_456_789.5, 1e-9] {
            assert_eq!(parse_decimal(&quoted(value)), Some(value), "{value}");
        }
    }

    #[test]
    fn numbers_are_written_at_their_precision() {
        assert_eq!(fixed(12.345, 1), "12.3");
        assert_eq!(fixed(2.0, 2), "2.00");
        assert_eq!(fixed(-1.26, 1), "-1.3");
        assert_eq!(short(12.5), "12.5");
        assert_eq!(short(3.0), "3");
        assert_eq!(short(-0.001), "0");
        assert_eq!(fixed(-0.001, 2), "0.00");
        assert_eq!(fixed(0.05, 1), "0.1");
        assert_eq!(fixed(7.0, 0), "7");
        assert_eq!(fixed(-3.004, 2), "-3.00");
        assert_eq!(fixed(1234.5678, 3), "1234.568");
        assert_eq!(fixed(f64::NAN, 1), "NaN");
        assert_eq!(fixed(f64::NEG_INFINITY, 1), "-inf");
    }

    #[test]
    fn the_formatter_agrees_with_the_standard_one_away_from_exact_halves() {
        let mut x = -2000.0_f64;
        while x < 2000.0 {
            for decimals in 0..4 {
                let theirs = format!("{x:.*}", usize::from(decimals));
                // The one difference on purpose: no minus before a value that rounds to zero.
                let theirs = match theirs.strip_prefix('-') {
                    Some(rest) if rest.bytes().all(|b| b == b'0' || b == b'.') => rest.to_owned(),
                    _ => theirs,
                };
                assert_eq!(fixed(x, decimals), theirs, "{x}");
            }
            x += 0.3127;
        }
    }

    #[test]
    fn decimals_are_read_as_the_standard_parser_reads_them() {
        for text in [
            "0",
            "12",
            "-0.5",
            "+3",
            ".5",
            "5.",
            "1e3",
            "2.5E-1",
            "-12.75",
            "0.1",
            "0.3",
            "123456.789",
            "1e22",
            "1e-22",
            "3.14159265358979",
            "99999999999999999999",
            "0.000001",
            "416.5",
            "-0",
        ] {
            let ours = parse_decimal(text);
            let theirs = text.parse::<f64>().ok();
            assert_eq!(ours, theirs, "{text}");
        }
        for text in [
            "", "-", ".", "1.2.3", "1e", "e3", "inf", "NaN", "1,5", " 1", "1 ", "0x10", "1e+-2",
            "--1",
        ] {
            assert_eq!(parse_decimal(text), None, "{text:?}");
        }
        // What the formatter writes, the parser reads back.
        for value in [0.0, 1.5, -3.25, 123.45, 900.0, -0.01] {
            assert_eq!(parse_decimal(&fixed(value, 2)), Some(value));
        }
    }
}
