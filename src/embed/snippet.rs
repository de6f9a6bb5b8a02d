//! The HTML a host page pastes to embed the current view: an iframe and the embed helper
//! script. Pure.

use crate::format::escape_markup as attribute;

/// The address of the app's page for `query` (without `?`): `base` is the folder the app is
/// served from, ending in `/`.
pub fn embed_url(base: &str, query: &str) -> String {
    if query.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{query}")
    }
}

/// The snippet for the view `query` of the app served from `base` (a folder URL ending in `/`).
/// The iframe starts 700 px high; the helper script then sizes it to the content.
pub fn embed_snippet(base: &str, query: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"Map of Europe's independent music associations\" \
         style=\"width:100%;height:700px;border:0\" loading=\"lazy\"></iframe>\n\
         <script src=\"{}\" async></script>",
        attribute(&embed_url(base, query)),
        attribute(&format!("{base}impala-map-embed.js")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_names_the_view_and_the_helper_and_escapes_the_address() {
        let snippet = embed_snippet(
            "https://maps.example.org/impala/",
            "view=timeline&select=VTM%C3%96",
        );
        assert!(snippet.starts_with(
            "<iframe src=\"https://maps.example.org/impala/?view=timeline&amp;select=VTM%C3%96\""
        ));
        assert!(snippet.contains(
            "<script src=\"https://maps.example.org/impala/impala-map-embed.js\" async></script>"
        ));
        assert!(snippet.contains("title=\"Map of Europe's independent music associations\""));
        let hostile = embed_snippet("https://x.org/\"><script>", "");
        assert!(!hostile.contains("\"><script>"), "{hostile}");
    }

    #[test]
    fn the_default_view_has_no_query() {
        assert_eq!(embed_url("https://x.org/", ""), "https://x.org/");
        assert_eq!(
            embed_url("https://x.org/", "year=2003"),
            "https://x.org/?year=2003"
        );
    }
}
