//! The plotters drawing backend the growth chart draws into: plain SVG elements appended to a
//! string (`polyline`, `circle`, `text`), every number written by [`crate::number`]. Written here
//! rather than taken from `plotters-svg`: it writes sizes as given (`plotters-svg` writes a
//! `font-size` divided by 1.24, so 13 px came out as `13.000000000000002`), no `opacity="1"` on
//! every element, and costs the wasm 1.5 KB gzipped less. Anything plotters would rasterise pixel
//! by pixel comes out as 1 × 1 rectangles, as with `plotters-svg`. Pure.

use crate::format::escape_markup;
use crate::number::short;
use plotters::backend::DrawingBackend;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::FontStyle;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use std::fmt::Write;

/// An SVG document of `size` pixels being written into `out`; [`DrawingBackend::present`]
/// closes it.
pub struct SvgString<'a> {
    out: &'a mut String,
    size: (u32, u32),
    open: bool,
}

/// Nothing can fail while writing to a string.
#[derive(Debug)]
pub enum Never {}

impl std::fmt::Display for Never {
    fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {}
    }
}

impl std::error::Error for Never {}

type Drawn = Result<(), DrawingErrorKind<Never>>;

impl<'a> SvgString<'a> {
    /// Starts the document: the `svg` element with `width`, `height` and `viewBox` of `size`.
    pub fn new(out: &'a mut String, size: (u32, u32)) -> Self {
        let (w, h) = size;
        let _ = writeln!(
            out,
            r#"<svg width="{w}" height="{h}" viewBox="0 0 {w} {h}" xmlns="http://www.w3.org/2000/svg">"#
        );
        Self {
            out,
            size,
            open: true,
        }
    }

    /// `#RRGGBB`, and an `opacity` attribute unless the colour is opaque.
    fn paint(&mut self, name: &str, color: BackendColor) {
        let (r, g, b) = color.rgb;
        let _ = write!(self.out, r##" {name}="#{r:02X}{g:02X}{b:02X}""##);
        if color.alpha < 1.0 {
            let _ = write!(self.out, r#" opacity="{}""#, short(color.alpha));
        }
    }

    /// A shape's paint: filled with the style's colour, or outlined in it at its stroke width.
    fn shape_paint(&mut self, style: &impl BackendStyle, filled: bool) {
        if filled {
            self.paint("fill", style.color());
        } else {
            self.out.push_str(r#" fill="none""#);
            self.paint("stroke", style.color());
            let _ = write!(self.out, r#" stroke-width="{}""#, style.stroke_width());
        }
    }

    fn points(&mut self, path: impl IntoIterator<Item = BackendCoord>) {
        self.out.push_str(r#" points=""#);
        for (i, (x, y)) in path.into_iter().enumerate() {
            if i > 0 {
                self.out.push(' ');
            }
            let _ = write!(self.out, "{x},{y}");
        }
        self.out.push('"');
    }
}

impl DrawingBackend for SvgString<'_> {
    type ErrorType = Never;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        if std::mem::take(&mut self.open) {
            self.out.push_str("</svg>\n");
        }
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> Drawn {
        if color.alpha > 0.0 {
            let _ = write!(self.out, r#"<rect x="{x}" y="{y}" width="1" height="1""#);
            self.paint("fill", color);
            self.out.push_str("/>\n");
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        if style.color().alpha > 0.0 {
            self.out.push_str("<polyline");
            self.shape_paint(style, false);
            self.points(path);
            self.out.push_str("/>\n");
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        if style.color().alpha > 0.0 {
            self.out.push_str("<polygon");
            self.shape_paint(style, true);
            self.points(path);
            self.out.push_str("/>\n");
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        if style.color().alpha > 0.0 {
            let _ = write!(self.out, r#"<circle cx="{x}" cy="{y}" r="{radius}""#);
            self.shape_paint(style, fill);
            self.out.push_str("/>\n");
        }
        Ok(())
    }

    /// `text` at `(x, y)`, anchored as its style says; its size is written as given.
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        (x, y): BackendCoord,
    ) -> Drawn {
        if style.color().alpha <= 0.0 {
            return Ok(());
        }
        let anchor = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "middle",
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.5ex",
            VPos::Bottom => "-0.5ex",
        };
        let _ = write!(
            self.out,
            r#"<text x="{x}" y="{y}" dy="{dy}" text-anchor="{anchor}" font-family="{}" font-size="{}""#,
            escape_markup(style.family().as_str()),
            short(style.size()),
        );
        match style.style() {
            FontStyle::Normal => {}
            FontStyle::Bold => self.out.push_str(r#" font-weight="bold""#),
            other => {
                let _ = write!(self.out, r#" font-style="{}""#, other.as_str());
            }
        }
        self.paint("fill", style.color());
        let _ = writeln!(self.out, ">{}</text>", escape_markup(text));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::drawing::IntoDrawingArea;
    use plotters::element::{Circle, PathElement, Text};
    use plotters::style::text_anchor::Pos;
    use plotters::style::{Color, FontFamily, RGBColor, TextStyle};

    fn drawn(
        draw: impl FnOnce(&plotters::drawing::DrawingArea<SvgString<'_>, plotters::coord::Shift>),
    ) -> String {
        let mut svg = String::new();
        {
            let root = SvgString::new(&mut svg, (120, 80)).into_drawing_area();
            draw(&root);
            let _ = root.present();
        }
        svg
    }

    #[test]
    fn a_document_has_its_size_and_closes_once() {
        let svg = drawn(|_| {});
        assert_eq!(
            svg,
            "<svg width=\"120\" height=\"80\" viewBox=\"0 0 120 80\" xmlns=\"http://www.w3.org/2000/svg\">\n</svg>\n"
        );
    }

    #[test]
    fn lines_circles_and_text_are_written_with_plain_numbers() {
        let red = RGBColor(200, 16, 46);
        let svg = drawn(|root| {
            let _ = root.draw(&PathElement::new(
                vec![(1, 2), (30, 2)],
                Color::stroke_width(&red, 3),
            ));
            let _ = root.draw(&Circle::new((10, 20), 4, red.filled()));
            let style = TextStyle::from((FontFamily::SansSerif, 13.0))
                .color(&red)
                .pos(Pos::new(HPos::Right, VPos::Center));
            let _ = root.draw(&Text::new("A & B", (50, 60), style));
            let _ = root.draw(&PathElement::new(vec![(0, 0), (5, 5)], red.mix(0.5)));
        });
        assert!(svg.contains(
            r##"<polyline fill="none" stroke="#C8102E" stroke-width="3" points="1,2 30,2"/>"##
        ));
        assert!(svg.contains(r##"<circle cx="10" cy="20" r="4" fill="#C8102E"/>"##));
        assert!(svg.contains(
            r##"<text x="50" y="60" dy="0.5ex" text-anchor="end" font-family="sans-serif" font-size="13" fill="#C8102E">A &amp; B</text>"##
        ));
        assert!(svg.contains(r#"opacity="0.5""#));
    }
}
