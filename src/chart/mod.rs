//! The growth chart: the running totals of [`crate::growth`] drawn with plotters as an SVG string
//! (two cumulative step lines, axes, a marker for the chosen year, direct labels), and its text
//! alternative. Pure: no `yew`, no `web_sys`.
//!
//! The chart is laid out here, in pixels, and only drawn by plotters, with plain elements (paths,
//! circles and text) into the app's own SVG backend ([`svg`]). Nothing asks plotters to measure text (no
//! `configure_mesh`, no series legend), because in the browser plotters measures text by
//! inserting elements into the page; text widths are estimated from the font size instead. So the
//! same input gives the same SVG everywhere, in tests and in the browser.
//!
//! The drawing, on a transparent background so that a theme's background shows through:
//!
//! - a horizontal grid line and a count at every count tick (0, 5, 10, ... for today's data);
//! - the time axis with a tick and label every 10 years (1980, 1990, ...);
//! - one step line per figure, each an SVG `polyline` with exactly two points per year: the
//!   start and end of that year's tread, `(x(year), y(count))` and `(x(year + 1), y(count))`.
//!   Year `y` takes the interval from `y` to `y + 1` on the time axis, and its count is the total
//!   at the end of that year, so the step up for an association founded in `y` is at `x(y)`.
//!   The countries line is drawn wide underneath and the associations line narrow on top, so the
//!   two stay visible where the counts are equal (every year up to 2004);
//! - the words "associations" and "countries" at the lines' ends, in the lines' colours;
//! - with a chosen year (in the series), a vertical line through the middle of that year's
//!   treads, a dot on each line there and the year above the plot.

mod svg;

use crate::growth::{describe, YearTotals};
use crate::i18n::{fill, Lang, Strings};
use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, IntoDrawingArea};
use plotters::element::{Circle, PathElement, Text};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontFamily, FontStyle, RGBColor, TextStyle};
use svg::SvgString;

/// The colours and sizes of the chart. Colours are RGB, so a theme can pass its own.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartStyle {
    /// Width of the SVG in pixels (also the width of its `viewBox`).
    pub width: u32,
    /// Height of the SVG in pixels (also the height of its `viewBox`).
    pub height: u32,
    /// The associations line, its label and dot.
    pub associations: (u8, u8, u8),
    /// The countries line, its label and dot.
    pub countries: (u8, u8, u8),
    /// Axis, tick labels and the chosen year.
    pub ink: (u8, u8, u8),
    /// Grid lines.
    pub grid: (u8, u8, u8),
    /// The vertical line at the chosen year.
    pub marker: (u8, u8, u8),
    /// Size of all text, in CSS pixels.
    pub font_px: f64,
    /// The labels at the lines' ends: associations, countries (in the interface's language).
    pub labels: (&'static str, &'static str),
}

impl Default for ChartStyle {
    /// The app's light theme, 480 × 280 px with 13 px text. Both line colours have a contrast of
    /// at least 4.5:1 against white (so they also serve as text colours) and are a blue and an
    /// orange, which stay apart for the common colour-vision deficiencies. The layout adapts to
    /// any size: for a container narrower than 480 px, pass its width (down to 320 px) rather
    /// than scaling the SVG down, so the text keeps its size.
    fn default() -> Self {
        ChartStyle {
            width: 480,
            height: 280,
            associations: (0x1d, 0x5f, 0x8a),
            countries: (0xbc, 0x58, 0x04),
            ink: (0x1b, 0x1f, 0x24),
            grid: (0xd0, 0xd7, 0xde),
            marker: (0x57, 0x60, 0x6a),
            font_px: 13.0,
            labels: {
                let en = Lang::EN.strings();
                (en.chart_associations(), en.chart_countries())
            },
        }
    }
}

/// Length of the ticks on the axes, in pixels.
const TICK: f64 = 5.0;
/// Space between text and what it labels, in pixels.
const GAP: f64 = 4.0;

/// The estimated width of a text, in pixels.
fn text_width(text: &str, font_px: f64) -> f64 {
    crate::text_width::width_em(text, crate::text_width::Face::Text) * font_px
}

/// Where things go: the plot area in pixels and the scales of both axes.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Frame {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    /// The time axis runs from the start of this year (the series' first)...
    first_year: u16,
    /// ...to the end of this one (the start of the next).
    last_year: u16,
    /// The count axis runs from 0 to this.
    max_count: usize,
    /// Distance between count ticks.
    count_step: usize,
}

impl Frame {
    fn new(series: &[YearTotals], style: &ChartStyle) -> Option<Frame> {
        let first = series.first()?.year;
        let last = series.last()?.year;
        let font = style.font_px.max(1.0);
        let largest = series
            .iter()
            .map(|t| t.associations.max(t.countries))
            .max()
            .unwrap_or(0)
            .max(1);
        let count_step = count_step(largest);
        // The widest count label is about that of the largest count plus a step.
        let widest_count = (largest + count_step).to_string();
        let left = GAP + text_width(&widest_count, font) + GAP + TICK;
        let right = GAP
            + [style.labels.0, style.labels.1]
                .map(|label| text_width(label, font))
                .into_iter()
                .fold(0.0, f64::max);
        let top = (font * 1.6).round();
        let bottom = TICK + GAP + font * 1.2 + GAP;
        let (width, height) = (f64::from(style.width), f64::from(style.height));
        let mut frame = Frame {
            left,
            right: (width - right).max(left + 1.0),
            top,
            bottom: (height - bottom).max(top + 1.0),
            first_year: first,
            last_year: last.max(first),
            max_count: largest.div_ceil(count_step) * count_step,
            count_step,
        };
        // The count axis ends on a tick, with room for a line of text above the largest count.
        for _ in 0..4 {
            if frame.y(frame.max_count as f64) + font + GAP <= frame.y(largest as f64) {
                break;
            }
            frame.max_count += count_step;
        }
        Some(frame)
    }

    /// The x of a moment: `year` is the start of that year, `year + 0.5` its middle.
    fn x(&self, year: f64) -> f64 {
        self.left
            + (year - f64::from(self.first_year))
                / (f64::from(self.last_year) + 1.0 - f64::from(self.first_year))
                * (self.right - self.left)
    }

    fn y(&self, count: f64) -> f64 {
        self.bottom - count / self.max_count as f64 * (self.bottom - self.top)
    }
}

/// The distance between count ticks: 1, 2 or 5 times a power of ten, the smallest that needs at
/// most 5 steps to reach `largest`.
fn count_step(largest: usize) -> usize {
    let mut power = 1usize;
    loop {
        for step in [power, power.saturating_mul(2), power.saturating_mul(5)] {
            if largest.div_ceil(step) <= 5 || step == usize::MAX {
                return step;
            }
        }
        power = power.saturating_mul(10);
    }
}

/// A pixel position.
fn px(x: f64, y: f64) -> (i32, i32) {
    (x.round() as i32, y.round() as i32)
}

fn rgb((r, g, b): (u8, u8, u8)) -> RGBColor {
    RGBColor(r, g, b)
}

/// An SVG with nothing drawn, of the style's size: what [`growth_chart_svg`] returns when it has
/// nothing to draw or plotters fails.
fn empty_svg(style: &ChartStyle) -> String {
    let (w, h) = (style.width, style.height);
    format!(
        "<svg width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" xmlns=\"http://www.w3.org/2000/svg\"/>\n"
    )
}

/// The growth chart as an SVG document (see the module documentation for what it shows):
/// `width`, `height` and `viewBox` come from the style, so CSS can scale it. `chosen_year` adds
/// the marker when it is one of the series' years, and is ignored otherwise. The series is
/// expected one entry per year in order, as [`crate::growth::series`] gives it.
///
/// An empty series gives an empty SVG of the style's size, and so does any error plotters
/// reports (it reports none for this backend drawing into a string, but it may).
pub fn growth_chart_svg(
    series: &[YearTotals],
    chosen_year: Option<u16>,
    style: &ChartStyle,
) -> String {
    let Some(frame) = Frame::new(series, style) else {
        return empty_svg(style);
    };
    let mut svg = String::new();
    let drawn = {
        let root = SvgString::new(&mut svg, (style.width, style.height)).into_drawing_area();
        draw(&root, &frame, series, chosen_year, style).and_then(|()| root.present())
    };
    match drawn {
        Ok(()) => svg,
        Err(_) => empty_svg(style),
    }
}

/// Sans-serif text of `font_px` pixels in `colour`, anchored at its `h` side and `v` edge.
fn text_style(colour: &RGBColor, font_px: f64, h: HPos, v: VPos) -> TextStyle<'_> {
    TextStyle::from((FontFamily::SansSerif, font_px, FontStyle::Normal))
        .color(colour)
        .pos(Pos::new(h, v))
}

type DrawResult = Result<(), plotters::drawing::DrawingAreaErrorKind<svg::Never>>;

fn draw(
    root: &DrawingArea<SvgString<'_>, Shift>,
    frame: &Frame,
    series: &[YearTotals],
    chosen_year: Option<u16>,
    style: &ChartStyle,
) -> DrawResult {
    let font = style.font_px.max(1.0);
    let (ink, grid, marker) = (rgb(style.ink), rgb(style.grid), rgb(style.marker));
    let (associations, countries) = (rgb(style.associations), rgb(style.countries));
    let text = |colour, h, v| text_style(colour, font, h, v);

    // Count axis: labels, and grid lines above the time axis.
    for count in (0..=frame.max_count).step_by(frame.count_step) {
        let y = frame.y(count as f64);
        if count > 0 {
            root.draw(&PathElement::new(
                vec![px(frame.left, y), px(frame.right, y)],
                grid.stroke_width(1),
            ))?;
        }
        root.draw(&Text::new(
            count.to_string(),
            px(frame.left - TICK - GAP, y),
            text(&ink, HPos::Right, VPos::Center),
        ))?;
    }

    // Time axis: the base line, and a tick and label every 10 years.
    root.draw(&PathElement::new(
        vec![px(frame.left, frame.bottom), px(frame.right, frame.bottom)],
        ink.stroke_width(1),
    ))?;
    let end = frame.last_year.saturating_add(1);
    for year in (frame.first_year.div_ceil(10).saturating_mul(10)..=end).step_by(10) {
        let x = frame.x(f64::from(year));
        root.draw(&PathElement::new(
            vec![px(x, frame.bottom), px(x, frame.bottom + TICK)],
            ink.stroke_width(1),
        ))?;
        root.draw(&Text::new(
            year.to_string(),
            px(x, frame.bottom + TICK + GAP),
            text(&ink, HPos::Center, VPos::Top),
        ))?;
    }

    // The step lines: countries wide underneath, associations narrow on top.
    let steps = |value: fn(&YearTotals) -> usize| -> Vec<(i32, i32)> {
        series
            .iter()
            .flat_map(|t| {
                let y = frame.y(value(t) as f64);
                let start = f64::from(t.year);
                [px(frame.x(start), y), px(frame.x(start + 1.0), y)]
            })
            .collect()
    };
    root.draw(&PathElement::new(
        steps(|t| t.countries),
        countries.stroke_width(6),
    ))?;
    root.draw(&PathElement::new(
        steps(|t| t.associations),
        associations.stroke_width(3),
    ))?;

    // Direct labels at the lines' ends, pushed apart when the ends are close.
    if let Some(end) = series.last() {
        let (mut ya, mut yc) = (
            frame.y(end.associations as f64),
            frame.y(end.countries as f64),
        );
        let apart = font + 2.0;
        if (ya - yc).abs() < apart {
            let middle = (ya + yc) / 2.0;
            let (upper, lower) = (middle - apart / 2.0, middle + apart / 2.0);
            // The larger count keeps the higher place (countries on a tie).
            if end.associations > end.countries {
                (ya, yc) = (upper, lower);
            } else {
                (ya, yc) = (lower, upper);
            }
        }
        let x = frame.right + GAP;
        root.draw(&Text::new(
            style.labels.0,
            px(x, ya),
            text(&associations, HPos::Left, VPos::Center),
        ))?;
        root.draw(&Text::new(
            style.labels.1,
            px(x, yc),
            text(&countries, HPos::Left, VPos::Center),
        ))?;
    }

    // The chosen year.
    if let Some(chosen) = chosen_year.and_then(|year| series.iter().find(|t| t.year == year)) {
        let x = frame.x(f64::from(chosen.year) + 0.5);
        root.draw(&PathElement::new(
            vec![px(x, frame.top), px(x, frame.bottom)],
            marker.stroke_width(1),
        ))?;
        root.draw(&Circle::new(
            px(x, frame.y(chosen.countries as f64)),
            5,
            countries.filled(),
        ))?;
        root.draw(&Circle::new(
            px(x, frame.y(chosen.associations as f64)),
            3,
            associations.filled(),
        ))?;
        let label = chosen.year.to_string();
        let half = text_width(&label, font) / 2.0;
        let h = if x - half < 0.0 {
            HPos::Left
        } else if x + half > f64::from(style.width) {
            HPos::Right
        } else {
            HPos::Center
        };
        root.draw(&Text::new(
            label,
            px(x, frame.top - GAP),
            text(&ink, h, VPos::Bottom),
        ))?;
    }
    Ok(())
}

/// The text alternative of the chart: "From 1 association in 1 country in 1974 to 22
/// associations in 27 countries in 2020; in 2003: 11 associations in 11 countries." It starts
/// at the first year with an association (or the first year of the series, if none has one),
/// ends at the last year, and adds the chosen year in the words of [`describe`] when it is one
/// of the series' years. Empty for an empty series.
pub fn chart_summary(t: &Strings, series: &[YearTotals], chosen_year: Option<u16>) -> String {
    let (Some(first), Some(last)) = (
        series
            .iter()
            .find(|t| t.associations > 0)
            .or(series.first()),
        series.last(),
    ) else {
        return String::new();
    };
    let figures = |totals: &YearTotals| {
        let (associations, countries) = crate::growth::counts(t, totals);
        fill(
            t.totals_in_year(),
            &[
                ("associations", &associations),
                ("countries", &countries),
                ("year", &totals.year.to_string()),
            ],
        )
    };
    let mut text = fill(
        t.growth_from_to(),
        &[("first", &figures(first)), ("last", &figures(last))],
    );
    if let Some(chosen) = chosen_year.and_then(|year| series.iter().find(|t| t.year == year)) {
        text.push_str(&fill(
            t.growth_chosen(),
            &[("year_totals", &describe(t, chosen))],
        ));
    }
    text.push('.');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    fn en() -> &'static Strings {
        Lang::EN.strings()
    }
    use crate::data::dataset;
    use crate::growth::{series, totals};
    use crate::palette::{contrast_ratio, delta_e76, Vision};

    /// An element of the SVG: its name and attributes.
    #[derive(Debug)]
    struct Element {
        name: String,
        attributes: Vec<(String, String)>,
    }

    impl Element {
        fn get(&self, name: &str) -> Option<&str> {
            self.attributes
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        }

        fn number(&self, name: &str) -> f64 {
            self.get(name)
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| panic!("{name} of {self:?}"))
        }

        /// The `points` of a polyline.
        fn points(&self) -> Vec<(i32, i32)> {
            self.get("points")
                .unwrap_or("")
                .split_whitespace()
                .map(|p| {
                    let (x, y) = p.split_once(',').expect("x,y");
                    (x.parse().expect("x"), y.parse().expect("y"))
                })
                .collect()
        }
    }

    /// A tiny XML reader: every element in document order, after checking that the tags nest
    /// and the attributes are quoted.
    fn elements(svg: &str) -> Vec<Element> {
        let mut found = Vec::new();
        let mut open: Vec<String> = Vec::new();
        let mut rest = svg;
        while let Some(start) = rest.find('<') {
            let end = rest[start..].find('>').expect("every tag is closed") + start;
            let tag = &rest[start + 1..end];
            rest = &rest[end + 1..];
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(open.pop().as_deref(), Some(name.trim()), "tags nest");
                continue;
            }
            let self_closing = tag.ends_with('/');
            let tag = tag.trim_end_matches('/');
            let (name, mut attrs) = tag.split_once(char::is_whitespace).unwrap_or((tag, ""));
            let mut attributes = Vec::new();
            while let Some(eq) = attrs.find("=\"") {
                let key = attrs[..eq].trim().to_owned();
                let value_end = attrs[eq + 2..].find('"').expect("quoted value") + eq + 2;
                attributes.push((key, attrs[eq + 2..value_end].to_owned()));
                attrs = &attrs[value_end + 1..];
            }
            assert!(attrs.trim().is_empty(), "only quoted attributes: {tag}");
            if !self_closing {
                open.push(name.to_owned());
            }
            found.push(Element {
                name: name.to_owned(),
                attributes,
            });
        }
        assert!(open.is_empty(), "unclosed: {open:?}");
        found
    }

    fn hex((r, g, b): (u8, u8, u8)) -> String {
        format!("#{r:02X}{g:02X}{b:02X}")
    }

    /// The polylines stroked in `colour`.
    fn lines(all: &[Element], colour: (u8, u8, u8)) -> Vec<&Element> {
        all.iter()
            .filter(|e| e.name == "polyline" && e.get("stroke") == Some(&hex(colour)))
            .collect()
    }

    type Rgb = (u8, u8, u8);
    /// How to read one figure from a year's totals.
    type Figure = fn(&YearTotals) -> usize;

    /// A style whose marker has a colour nothing else uses.
    fn style() -> ChartStyle {
        ChartStyle {
            marker: (0x80, 0x00, 0x80),
            ..ChartStyle::default()
        }
    }

    #[test]
    fn the_svg_is_well_formed_scalable_and_free_of_nan() {
        let all = series(dataset());
        for (width, height, chosen) in [
            (480, 280, None),
            (320, 240, Some(2003)),
            (800, 400, Some(2020)),
        ] {
            let style = ChartStyle {
                width,
                height,
                ..style()
            };
            let svg = growth_chart_svg(&all, chosen, &style);
            let parsed = elements(&svg);
            let root = parsed.first().expect("an svg element");
            assert_eq!(root.name, "svg");
            assert_eq!(
                root.get("viewBox"),
                Some(format!("0 0 {width} {height}").as_str())
            );
            assert!(
                !svg.to_lowercase().contains("nan") && !svg.contains("inf"),
                "{svg}"
            );
            for e in &parsed {
                for (name, value) in &e.attributes {
                    if ["x", "y", "cx", "cy"].contains(&name.as_str()) {
                        let v: f64 = value.parse().expect("a number");
                        let limit = if name.ends_with('x') { width } else { height };
                        assert!((0.0..=f64::from(limit)).contains(&v), "{name}={v} in {e:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn each_step_line_has_two_points_per_year_at_the_years_counts() {
        let all = series(dataset());
        let style = style();
        let parsed = elements(&growth_chart_svg(&all, None, &style));
        let cases: [(&str, Rgb, Figure); 2] = [
            ("associations", style.associations, |t| t.associations),
            ("countries", style.countries, |t| t.countries),
        ];
        for (figure, colour, value) in cases {
            let found = lines(&parsed, colour);
            assert_eq!(found.len(), 1, "one {figure} line");
            let points = found[0].points();
            assert_eq!(points.len(), 2 * all.len(), "{figure}: two points per year");
            // Each year's tread is flat and starts where the previous one ended.
            for (pair, t) in points.chunks(2).zip(&all) {
                assert_eq!(pair[0].1, pair[1].1, "{figure} {}: flat", t.year);
                assert!(pair[0].0 < pair[1].0, "{figure} {}: left to right", t.year);
            }
            for (a, b) in points.chunks(2).zip(points.chunks(2).skip(1)) {
                assert_eq!(a[1].0, b[0].0, "{figure}: the treads join");
            }
            // Equal counts are at equal heights, larger counts higher up.
            let mut heights: Vec<(usize, i32)> = points
                .chunks(2)
                .zip(&all)
                .map(|(p, t)| (value(t), p[0].1))
                .collect();
            heights.sort();
            heights.dedup();
            for (a, b) in heights.iter().zip(heights.iter().skip(1)) {
                assert!(a.0 < b.0 && a.1 > b.1, "{figure}: {a:?} then {b:?}");
            }
        }
    }

    #[test]
    fn the_chosen_year_is_marked_only_when_given_and_in_the_middle_of_its_year() {
        let all = series(dataset());
        let style = style();
        let none = elements(&growth_chart_svg(&all, None, &style));
        assert!(lines(&none, style.marker).is_empty());
        assert!(!none.iter().any(|e| e.name == "circle"));
        let outside = elements(&growth_chart_svg(&all, Some(1900), &style));
        assert!(
            lines(&outside, style.marker).is_empty(),
            "a year outside the series"
        );
        for (index, t) in all.iter().enumerate() {
            let parsed = elements(&growth_chart_svg(&all, Some(t.year), &style));
            let marker = lines(&parsed, style.marker);
            assert_eq!(marker.len(), 1, "{}", t.year);
            let points = marker[0].points();
            assert_eq!(points.len(), 2);
            let x = points[0].0;
            assert_eq!(points[1].0, x, "vertical");
            let tread = &lines(&parsed, style.associations)[0].points()[2 * index..2 * index + 2];
            let middle = f64::from(tread[0].0 + tread[1].0) / 2.0;
            assert!(
                (f64::from(x) - middle).abs() <= 1.0,
                "{}: {x} vs {tread:?}",
                t.year
            );
            let circles: Vec<&Element> = parsed.iter().filter(|e| e.name == "circle").collect();
            assert_eq!(circles.len(), 2, "a dot on each line");
            for circle in circles {
                assert!((circle.number("cx") - f64::from(x)).abs() < 0.5);
            }
            // The year above the marker, besides its tick label on the time axis.
            let svg = growth_chart_svg(&all, Some(t.year), &style);
            let labels = svg.matches(&format!(">{}</text>", t.year)).count();
            let expected = if t.year % 10 == 0 { 2 } else { 1 };
            assert_eq!(labels, expected, "{}: labelled", t.year);
        }
    }

    #[test]
    fn the_axes_have_a_label_every_ten_years_and_the_lines_are_named() {
        let style = style();
        let svg = growth_chart_svg(&series(dataset()), None, &style);
        let texts: Vec<&str> = svg
            .split("</text>")
            .filter_map(|chunk| chunk.rsplit_once('>').map(|(_, t)| t.trim()))
            .filter(|t| !t.is_empty())
            .collect();
        for expected in [
            "1980",
            "1990",
            "2000",
            "2010",
            "2020",
            "0",
            "10",
            "30",
            "associations",
            "countries",
        ] {
            assert!(texts.contains(&expected), "{expected} in {texts:?}");
        }
        assert!(!texts.contains(&"1974") && !texts.contains(&"1970"));
        let font = elements(&svg)
            .iter()
            .find(|e| e.name == "text")
            .map(|e| e.number("font-size"))
            .unwrap_or_default();
        assert!((font - style.font_px).abs() < 1e-9, "{font}");
        assert!(svg.contains("font-family=\"sans-serif\""));
    }

    #[test]
    fn nothing_to_draw_gives_an_empty_svg_and_summary() {
        let style = ChartStyle::default();
        let svg = growth_chart_svg(&[], Some(2000), &style);
        assert_eq!(elements(&svg).len(), 1);
        assert!(svg.contains("viewBox=\"0 0 480 280\""));
        assert_eq!(chart_summary(en(), &[], Some(2000)), "");
    }

    #[test]
    fn the_summary_gives_the_first_last_and_chosen_years_from_the_totals() {
        let all = series(dataset());
        let (first, last) = (totals(dataset(), 1974), totals(dataset(), 2020));
        let start = format!(
            "From 1 association in 1 country in 1974 to {} associations in {} countries in 2020",
            last.associations, last.countries
        );
        assert_eq!((first.associations, first.countries), (1, 1));
        assert_eq!(chart_summary(en(), &all, None), format!("{start}."));
        for year in [1990, 2003, 2012, 2020] {
            assert_eq!(
                chart_summary(en(), &all, Some(year)),
                format!("{start}; in {}.", describe(en(), &totals(dataset(), year)))
            );
        }
        assert_eq!(chart_summary(en(), &all, Some(1900)), format!("{start}."));
    }

    #[test]
    fn the_default_colours_read_against_white_and_stay_apart_for_colour_blind_viewers() {
        let style = ChartStyle::default();
        let colour = |c| format!("#{}", &hex(c)[1..]);
        let cases = [
            ("associations", style.associations, 4.5),
            ("countries", style.countries, 4.5),
            ("ink", style.ink, 7.0),
            ("marker", style.marker, 3.0),
        ];
        for (name, c, minimum) in cases {
            let ratio = contrast_ratio(&colour(c), "#ffffff").unwrap_or(0.0);
            assert!(ratio >= minimum, "{name}: {ratio:.2}");
        }
        for vision in Vision::ALL {
            let apart = delta_e76(
                &colour(style.associations),
                &colour(style.countries),
                vision,
            )
            .unwrap_or(0.0);
            assert!(apart >= 20.0, "{vision:?}: {apart:.1}");
        }
    }
}
