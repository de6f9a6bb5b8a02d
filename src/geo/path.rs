//! SVG path strings for polygon rings: writing rings as a compact `d` attribute and parsing one
//! back into rings.
//!
//! Coordinates are view units (the map's `viewBox`: x right, y DOWN). Written paths are
//! quantised to [`QUANTUM`] (0.1 unit): each ring is `M` with its first point absolute, then one
//! `l` with relative moves computed between the *rounded* absolute points (so rounding never
//! drifts along a ring and shared borders round identically), then `z`. Numbers use the
//! shortest form: no trailing `.0`, no leading `0` before the point (`.5`, `-.5`), and no
//! separator where the next number's `-` or `.` already ends the previous one.

use std::fmt;

/// Grid that written coordinates are rounded to, in view units.
pub const QUANTUM: f64 = 0.1;

/// Number of grid steps per view unit (the reciprocal of [`QUANTUM`]).
const STEPS_PER_UNIT: f64 = 10.0;

/// Rounds a coordinate to the [`QUANTUM`] grid, as an integer count of tenths (halves away from
/// zero). `None` for non-finite values.
pub fn quantise(value: f64) -> Option<i64> {
    let steps = (value * STEPS_PER_UNIT).round();
    // i64 holds every rounded coordinate of a map by many orders of magnitude.
    (steps.is_finite() && steps.abs() < 9.0e15).then_some(steps as i64)
}

/// Rounds a coordinate to the [`QUANTUM`] grid and returns it as a float (e.g. `12.34 -> 12.3`).
pub fn round_to_quantum(value: f64) -> f64 {
    quantise(value).map_or(value, |steps| steps as f64 / STEPS_PER_UNIT)
}

/// Formats a count of tenths in the shortest SVG form: `15 -> "1.5"`, `20 -> "2"`,
/// `5 -> ".5"`, `-5 -> "-.5"`, `0 -> "0"`.
fn format_tenths(tenths: i64) -> String {
    let sign = if tenths < 0 { "-" } else { "" };
    let magnitude = tenths.unsigned_abs();
    let (whole, tenth) = (magnitude / 10, magnitude % 10);
    match (whole, tenth) {
        (_, 0) => format!("{sign}{whole}"),
        (0, _) => format!("{sign}.{tenth}"),
        _ => format!("{sign}{whole}.{tenth}"),
    }
}

/// Appends numbers to a path, adding a space only where the number boundary would be lost.
struct NumberWriter {
    out: String,
    /// Whether the last thing written is a number, and whether that number contains a `.`.
    last_number: Option<bool>,
}

impl NumberWriter {
    fn command(&mut self, letter: char) {
        self.out.push(letter);
        self.last_number = None;
    }

    fn number(&mut self, tenths: i64) {
        let text = format_tenths(tenths);
        if let Some(previous_has_point) = self.last_number {
            let self_delimiting =
                text.starts_with('-') || (text.starts_with('.') && previous_has_point);
            if !self_delimiting {
                self.out.push(' ');
            }
        }
        self.last_number = Some(text.contains('.'));
        self.out.push_str(&text);
    }
}

/// Quantises a ring: rounds to the grid, skips non-finite points, drops consecutive duplicates
/// and the closing repeat(s) of the first point.
fn quantise_ring(ring: &[[f64; 2]]) -> Vec<[i64; 2]> {
    let mut out: Vec<[i64; 2]> = Vec::with_capacity(ring.len());
    for point in ring {
        if let (Some(x), Some(y)) = (quantise(point[0]), quantise(point[1])) {
            if out.last() != Some(&[x, y]) {
                out.push([x, y]);
            }
        }
    }
    while out.len() > 1 && out.last() == out.first() {
        out.pop();
    }
    out
}

/// Rings after quantisation to the [`QUANTUM`] grid, exactly as [`d`] writes them (absolute,
/// no consecutive duplicates, no closing repeat); rings left empty are dropped.
pub fn quantised_rings<R: AsRef<[[f64; 2]]>>(rings: &[R]) -> Vec<Vec<[f64; 2]>> {
    rings
        .iter()
        .map(|ring| {
            quantise_ring(ring.as_ref())
                .into_iter()
                .map(|[x, y]| [x as f64 / STEPS_PER_UNIT, y as f64 / STEPS_PER_UNIT])
                .collect::<Vec<_>>()
        })
        .filter(|ring| !ring.is_empty())
        .collect()
}

/// Writes rings (absolute view-unit points; a closing repeat of the first point is optional) as
/// an SVG path `d` string: per ring `M x y`, then `l` with relative moves, then `z`. Rings that
/// have no finite point are skipped.
pub fn d<R: AsRef<[[f64; 2]]>>(rings: &[R]) -> String {
    let mut writer = NumberWriter {
        out: String::new(),
        last_number: None,
    };
    for ring in rings {
        let points = quantise_ring(ring.as_ref());
        let Some((first, rest)) = points.split_first() else {
            continue;
        };
        writer.command('M');
        writer.number(first[0]);
        writer.number(first[1]);
        if !rest.is_empty() {
            writer.command('l');
            let mut previous = *first;
            for point in rest {
                writer.number(point[0] - previous[0]);
                writer.number(point[1] - previous[1]);
                previous = *point;
            }
        }
        writer.command('z');
    }
    writer.out
}

/// Why a path string could not be parsed. Offsets are byte offsets into the string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathError {
    /// A character that is neither a command, a number, a space nor a comma.
    UnexpectedCharacter { offset: usize, found: char },
    /// A path command this parser does not support (curves and arcs).
    UnsupportedCommand { offset: usize, command: char },
    /// Numbers before the first command, or after a `z` without a new command.
    MissingCommand { offset: usize },
    /// A command that needed (more) numbers.
    ExpectedNumber { offset: usize, command: char },
    /// A drawing command before any `M`/`m` set a current point.
    NoCurrentPoint { offset: usize, command: char },
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnexpectedCharacter { offset, found } => {
                write!(f, "unexpected character {found:?} at byte {offset}")
            }
            Self::UnsupportedCommand { offset, command } => {
                write!(f, "unsupported path command '{command}' at byte {offset}")
            }
            Self::MissingCommand { offset } => {
                write!(f, "number without a command at byte {offset}")
            }
            Self::ExpectedNumber { offset, command } => {
                write!(f, "command '{command}' expects a number at byte {offset}")
            }
            Self::NoCurrentPoint { offset, command } => {
                write!(
                    f,
                    "command '{command}' at byte {offset} comes before any move-to"
                )
            }
        }
    }
}

impl std::error::Error for PathError {}

/// A byte cursor over a path string.
struct Cursor<'a> {
    text: &'a str,
    offset: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.offset).copied()
    }

    fn skip_separators(&mut self) {
        while matches!(
            self.peek(),
            Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b',')
        ) {
            self.offset += 1;
        }
    }

    fn at_number(&mut self) -> bool {
        self.skip_separators();
        matches!(self.peek(), Some(b'0'..=b'9' | b'.' | b'-' | b'+'))
    }

    fn digits(&mut self) -> usize {
        let start = self.offset;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.offset += 1;
        }
        self.offset - start
    }

    /// Reads one number (`[sign] digits [. digits] [e [sign] digits]`) for `command`.
    fn number(&mut self, command: char) -> Result<f64, PathError> {
        self.skip_separators();
        let start = self.offset;
        let missing = PathError::ExpectedNumber {
            offset: start,
            command,
        };
        if matches!(self.peek(), Some(b'-' | b'+')) {
            self.offset += 1;
        }
        let mut digit_count = self.digits();
        if self.peek() == Some(b'.') {
            self.offset += 1;
            digit_count += self.digits();
        }
        if digit_count == 0 {
            self.offset = start;
            return Err(missing);
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            let mantissa_end = self.offset;
            self.offset += 1;
            if matches!(self.peek(), Some(b'-' | b'+')) {
                self.offset += 1;
            }
            if self.digits() == 0 {
                // Not an exponent after all (e.g. a following command letter).
                self.offset = mantissa_end;
            }
        }
        self.text
            .get(start..self.offset)
            .and_then(crate::number::parse_decimal)
            .ok_or(missing)
    }
}

/// Parser state: finished rings, the ring being built, the current point and subpath start.
#[derive(Default)]
struct Rings {
    done: Vec<Vec<[f64; 2]>>,
    open: Option<Vec<[f64; 2]>>,
    current: Option<[f64; 2]>,
    start: [f64; 2],
}

impl Rings {
    fn move_to(&mut self, point: [f64; 2]) {
        self.finish();
        self.open = Some(vec![point]);
        self.current = Some(point);
        self.start = point;
    }

    fn line_to(&mut self, point: [f64; 2]) {
        // After `z` a drawing command starts a new subpath at the old subpath's start.
        let start = self.start;
        self.open.get_or_insert_with(|| vec![start]).push(point);
        self.current = Some(point);
    }

    fn close(&mut self) {
        self.finish();
        if self.current.is_some() {
            self.current = Some(self.start);
        }
    }

    fn finish(&mut self) {
        if let Some(ring) = self.open.take() {
            self.done.push(ring);
        }
    }
}

/// Parses an SVG path made of straight segments (`M/m`, `L/l`, `H/h`, `V/v`, `Z/z`, with
/// implicit command repetition) back into rings of absolute points. Each `M`/`m` starts a ring;
/// a closing `z` does not repeat the first point; an unclosed subpath is still returned as a
/// ring.
pub fn points(d: &str) -> Result<Vec<Vec<[f64; 2]>>, PathError> {
    let mut cursor = Cursor { text: d, offset: 0 };
    let mut rings = Rings::default();
    // The command that bare numbers repeat; `None` at the start and after `z`.
    let mut repeat: Option<char> = None;
    loop {
        cursor.skip_separators();
        let offset = cursor.offset;
        let Some(byte) = cursor.peek() else {
            break;
        };
        let command = if byte.is_ascii_alphabetic() {
            cursor.offset += 1;
            char::from(byte)
        } else if cursor.at_number() {
            repeat.ok_or(PathError::MissingCommand { offset })?
        } else {
            let found = d
                .get(offset..)
                .and_then(|s| s.chars().next())
                .unwrap_or('?');
            return Err(PathError::UnexpectedCharacter { offset, found });
        };
        let relative = command.is_ascii_lowercase();
        let needs_current = !matches!(command, 'M' | 'm' | 'Z' | 'z');
        let origin = match rings.current {
            Some(point) => point,
            None if needs_current => return Err(PathError::NoCurrentPoint { offset, command }),
            None => [0.0, 0.0],
        };
        let base = |axis: usize| if relative { origin[axis] } else { 0.0 };
        match command {
            'M' | 'm' => {
                let x = cursor.number(command)? + base(0);
                let y = cursor.number(command)? + base(1);
                rings.move_to([x, y]);
                repeat = Some(if relative { 'l' } else { 'L' });
            }
            'L' | 'l' => {
                let x = cursor.number(command)? + base(0);
                let y = cursor.number(command)? + base(1);
                rings.line_to([x, y]);
                repeat = Some(command);
            }
            'H' | 'h' => {
                let x = cursor.number(command)? + base(0);
                rings.line_to([x, origin[1]]);
                repeat = Some(command);
            }
            'V' | 'v' => {
                let y = cursor.number(command)? + base(1);
                rings.line_to([origin[0], y]);
                repeat = Some(command);
            }
            'Z' | 'z' => {
                rings.close();
                repeat = None;
            }
            _ => return Err(PathError::UnsupportedCommand { offset, command }),
        }
    }
    rings.finish();
    Ok(rings.done)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_rings_close(actual: &[Vec<[f64; 2]>], expected: &[Vec<[f64; 2]>]) {
        assert_eq!(actual.len(), expected.len(), "{actual:?} vs {expected:?}");
        for (a, e) in actual.iter().zip(expected) {
            assert_eq!(a.len(), e.len(), "{a:?} vs {e:?}");
            for (p, q) in a.iter().zip(e) {
                assert!(
                    (p[0] - q[0]).abs() < 1e-9 && (p[1] - q[1]).abs() < 1e-9,
                    "{a:?} vs {e:?}"
                );
            }
        }
    }

    #[test]
    fn numbers_use_the_shortest_form() {
        let cases = [
            (0, "0"),
            (10, "1"),
            (15, "1.5"),
            (5, ".5"),
            (-5, "-.5"),
            (-20, "-2"),
            (-123, "-12.3"),
            (12340, "1234"),
        ];
        for (tenths, text) in cases {
            assert_eq!(format_tenths(tenths), text, "{tenths} tenths");
        }
    }

    #[test]
    fn a_square_is_written_with_one_absolute_move_and_relative_lines() {
        let square = vec![
            [10.0, 20.0],
            [30.0, 20.0],
            [30.0, 40.0],
            [10.0, 40.0],
            [10.0, 20.0],
        ];
        assert_eq!(d(&[square]), "M10 20l20 0 0 20-20 0z");
    }

    #[test]
    fn separators_are_left_out_only_where_the_next_number_delimits_itself() {
        let cases: [(Vec<[f64; 2]>, &str); 4] = [
            (vec![[0.5, 0.5], [1.0, 1.0]], "M.5.5l.5.5z"),
            (vec![[1.0, 2.0], [0.5, 1.5]], "M1 2l-.5-.5z"),
            (vec![[1.5, 2.0], [1.5, 2.5]], "M1.5 2l0 .5z"),
            (vec![[1.25, 3.12], [2.0, 3.0]], "M1.3 3.1l.7-.1z"),
        ];
        for (ring, text) in cases {
            assert_eq!(d(std::slice::from_ref(&ring)), text, "{ring:?}");
        }
    }

    #[test]
    fn relative_moves_come_from_rounded_points_so_rounding_never_drifts() {
        let ring: Vec<[f64; 2]> = (0..50).map(|i| [f64::from(i) * 0.04, 0.0]).collect();
        let parsed = points(&d(std::slice::from_ref(&ring))).unwrap();
        let last = parsed[0].last().copied().unwrap();
        assert!(
            (last[0] - round_to_quantum(49.0 * 0.04)).abs() < 1e-9,
            "{last:?}"
        );
    }

    #[test]
    fn consecutive_duplicates_after_rounding_and_the_closing_point_are_dropped() {
        let ring = vec![[0.0, 0.0], [0.01, 0.02], [5.0, 0.0], [5.0, 5.0], [0.0, 0.0]];
        assert_eq!(d(&[ring]), "M0 0l5 0 0 5z");
    }

    #[test]
    fn empty_and_non_finite_rings_are_skipped() {
        let rings = vec![vec![], vec![[f64::NAN, 1.0]], vec![[1.0, 1.0], [2.0, 1.0]]];
        assert_eq!(d(&rings), "M1 1l1 0z");
    }

    #[test]
    fn writing_then_parsing_returns_the_quantised_rings() {
        let rings = vec![
            vec![
                [100.04, 200.06],
                [130.5, 180.0],
                [129.91, 250.37],
                [95.0, 260.0],
            ],
            vec![[110.0, 210.0], [111.0, 212.5], [109.5, 213.0]],
            vec![[-3.33, -4.44], [0.0, 0.0], [7.77, -1.0]],
            vec![[0.04, 0.04]],
        ];
        let written = d(&rings);
        let parsed = points(&written).unwrap();
        assert_rings_close(&parsed, &quantised_rings(&rings));
        assert_eq!(d(&parsed), written, "writing the parsed rings is stable");
    }

    #[test]
    fn parsing_understands_every_supported_command() {
        // (path, expected rings)
        let cases: Vec<(&str, Vec<Vec<[f64; 2]>>)> = vec![
            (
                "M0 0L10 0L10 10Z",
                vec![vec![[0.0, 0.0], [10.0, 0.0], [10.0, 10.0]]],
            ),
            (
                "M0 0H10V10H0z",
                vec![vec![[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]]],
            ),
            (
                "m1 1h2v2h-2z",
                vec![vec![[1.0, 1.0], [3.0, 1.0], [3.0, 3.0], [1.0, 3.0]]],
            ),
            (
                "M1,1 2,1 2,2z",
                vec![vec![[1.0, 1.0], [2.0, 1.0], [2.0, 2.0]]],
            ),
            (
                "m1 1 1 0 0 1z",
                vec![vec![[1.0, 1.0], [2.0, 1.0], [2.0, 2.0]]],
            ),
            (
                "M0 0l1 0 0 1zm5 5l1 0 0 1z",
                vec![
                    vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0]],
                    vec![[5.0, 5.0], [6.0, 5.0], [6.0, 6.0]],
                ],
            ),
            (
                "M0 0l2 0 0 2zl-1 0",
                vec![
                    vec![[0.0, 0.0], [2.0, 0.0], [2.0, 2.0]],
                    vec![[0.0, 0.0], [-1.0, 0.0]],
                ],
            ),
            ("M1e1 2E-1l.5.5", vec![vec![[10.0, 0.2], [10.5, 0.7]]]),
            ("", vec![]),
        ];
        for (path, expected) in cases {
            let parsed = points(path).unwrap_or_else(|e| panic!("{path}: {e}"));
            assert_rings_close(&parsed, &expected);
        }
    }

    #[test]
    fn malformed_paths_are_reported_with_their_offset() {
        let cases = [
            (
                "L1 1",
                PathError::NoCurrentPoint {
                    offset: 0,
                    command: 'L',
                },
            ),
            ("1 1", PathError::MissingCommand { offset: 0 }),
            ("M0 0z 1 1", PathError::MissingCommand { offset: 6 }),
            (
                "M0",
                PathError::ExpectedNumber {
                    offset: 2,
                    command: 'M',
                },
            ),
            (
                "M0 0C1 1 2 2 3 3",
                PathError::UnsupportedCommand {
                    offset: 4,
                    command: 'C',
                },
            ),
            (
                "M0 0l1 # 2",
                PathError::ExpectedNumber {
                    offset: 7,
                    command: 'l',
                },
            ),
            (
                "M0 0 ; ",
                PathError::UnexpectedCharacter {
                    offset: 5,
                    found: ';',
                },
            ),
        ];
        for (path, error) in cases {
            assert_eq!(points(path), Err(error), "{path}");
        }
    }

    #[test]
    fn errors_read_as_sentences() {
        let error = PathError::ExpectedNumber {
            offset: 3,
            command: 'l',
        };
        assert_eq!(error.to_string(), "command 'l' expects a number at byte 3");
    }

    #[test]
    fn quantise_rounds_halves_away_from_zero_and_rejects_non_finite_values() {
        assert_eq!(quantise(1.25), Some(13));
        assert_eq!(quantise(-1.25), Some(-13));
        assert_eq!(quantise(f64::NAN), None);
        assert_eq!(quantise(f64::INFINITY), None);
        assert!((round_to_quantum(12.34) - 12.3).abs() < 1e-12);
    }
}
