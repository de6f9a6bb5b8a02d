//! The first view's shape: what the app checks before it adopts the markup the build wrote
//! (`crate::prerender`) instead of rendering it again. Pure.
//!
//! The build renders the first view with Yew's hydration marks and writes, beside it, a
//! fingerprint of its shape: every element's name and every comment (Yew's component marks), in
//! document order, each with its depth. In the browser, `crate::hooks::adoptable` (called by
//! `src/main.rs`) takes the same fingerprint of the nodes it finds in `<div id="app">`; only when
//! the two agree does Yew adopt them (`Renderer::hydrate`), since hydration cannot recover from a
//! node it does not expect (a host page or a browser extension that changed the markup). Otherwise the app warns in the
//! console and renders afresh. Texts and attributes are not part of the shape: hydration writes
//! them anew anyway.

/// The attribute of `<div id="app">` that carries the first view's shape.
pub const SHAPE_ATTRIBUTE: &str = "data-shape";

/// HTML's void elements: no content, no end tag.
const VOID: [&str; 13] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// A fingerprint of a tree's elements and comments, fed in document order (FNV-1a, 32 bits).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape(u32);

impl Default for Shape {
    fn default() -> Self {
        Shape(0x811c_9dc5)
    }
}

impl Shape {
    fn feed(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u32::from(byte);
            self.0 = self.0.wrapping_mul(0x0100_0193);
        }
    }

    fn node(&mut self, kind: u8, depth: usize, text: &str) {
        self.feed(&[kind]);
        self.feed(&(depth as u32).to_le_bytes());
        for byte in text.bytes() {
            self.feed(&[byte.to_ascii_lowercase()]);
        }
        self.feed(&[0]);
    }

    /// An element named `name` (any case), `depth` levels inside the root.
    pub fn element(&mut self, depth: usize, name: &str) {
        self.node(b'e', depth, name);
    }

    /// A comment whose text is `text`, `depth` levels inside the root.
    pub fn comment(&mut self, depth: usize, text: &str) {
        self.node(b'c', depth, text);
    }

    /// The fingerprint as written in the page: eight hexadecimal digits.
    pub fn hex(self) -> String {
        format!("{:08x}", self.0)
    }

    /// The shape of `html`, markup as Yew's server renderer writes it: tags, comments and
    /// escaped text (attribute values quoted; no `<script>` or `<style>` inside).
    pub fn of_markup(html: &str) -> Shape {
        let mut shape = Shape::default();
        let mut depth = 0usize;
        let mut rest = html;
        while let Some(at) = rest.find('<') {
            rest = &rest[at..];
            if let Some(comment) = rest.strip_prefix("<!--") {
                let end = comment.find("-->").unwrap_or(comment.len());
                shape.comment(depth, &comment[..end]);
                rest = comment.get(end + 3..).unwrap_or_default();
            } else if let Some(closing) = rest.strip_prefix("</") {
                depth = depth.saturating_sub(1);
                rest = closing
                    .get(closing.find('>').map_or(closing.len(), |i| i + 1)..)
                    .unwrap_or_default();
            } else if rest[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
                let tag = &rest[1..];
                let name_end = tag
                    .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
                    .unwrap_or(tag.len());
                let name = &tag[..name_end];
                shape.element(depth, name);
                // To the end of the start tag, past quoted attribute values.
                let mut quote = None;
                let mut end = tag.len();
                for (i, c) in tag.char_indices().skip(name_end) {
                    match (quote, c) {
                        (Some(q), c) if c == q => quote = None,
                        (Some(_), _) => {}
                        (None, '"' | '\'') => quote = Some(c),
                        (None, '>') => {
                            end = i + 1;
                            break;
                        }
                        (None, _) => {}
                    }
                }
                let self_closing = tag[..end].ends_with("/>");
                if !self_closing && !VOID.iter().any(|v| v.eq_ignore_ascii_case(name)) {
                    depth += 1;
                }
                rest = &tag[end..];
            } else {
                rest = &rest[1..];
            }
        }
        shape
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(feed: &[(u8, usize, &str)]) -> Shape {
        let mut shape = Shape::default();
        for &(kind, depth, text) in feed {
            match kind {
                b'e' => shape.element(depth, text),
                _ => shape.comment(depth, text),
            }
        }
        shape
    }

    #[test]
    fn markup_reads_as_the_nodes_a_browser_builds_from_it() {
        let html = r#"<!--<[]>--><div class="a" title="x > y"><input type="search"><svg viewBox="0 0 1 1"><path d="M0 0"></path></svg><p>1 &lt; 2</p></div><!--</[]>-->"#;
        let nodes = shape(&[
            (b'c', 0, "<[]>"),
            (b'e', 0, "div"),
            (b'e', 1, "input"),
            (b'e', 1, "svg"),
            (b'e', 2, "path"),
            (b'e', 1, "p"),
            (b'c', 0, "</[]>"),
        ]);
        assert_eq!(Shape::of_markup(html), nodes);
    }

    #[test]
    fn another_node_or_depth_is_another_shape() {
        let base = Shape::of_markup("<div><p></p></div>");
        assert_ne!(base, Shape::of_markup("<div></div><p></p>"));
        assert_ne!(base, Shape::of_markup("<div><p></p><!--x--></div>"));
        assert_ne!(base, Shape::of_markup("<div><span></span></div>"));
        // Texts and attributes are not part of it; element names' case neither (SVG's
        // `linearGradient` is `lineargradient` to an HTML parser's eyes in some engines).
        assert_eq!(
            base,
            Shape::of_markup("<DIV id=\"x\">text<p>more</p></DIV>")
        );
        assert_eq!(base.hex().len(), 8);
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_first_views_shape_counts_every_node() {
        // The real first view, with Yew's marks: the same shape when read twice, and another
        // once a node is taken out.
        let html = match crate::prerender::first_view() {
            Ok(html) => html,
            Err(error) => panic!("{error}"),
        };
        assert!(html.contains("<!--<[]>-->"), "no hydration marks");
        let whole = Shape::of_markup(&html);
        assert_eq!(whole, Shape::of_markup(&html));
        let cut = html.replacen("<h1>", "<h2>", 1);
        assert_ne!(whole, Shape::of_markup(&cut));
    }
}
