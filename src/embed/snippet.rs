//! The HTML a host page pastes to embed the current view: an iframe and the embed helper
//! script. Pure.

use crate::format::escape_markup as attribute;
use crate::i18n::Lang;

/// The address of the app's page for `query` (without `?`): `base` is the folder the app is
/// served from, ending in `/`. A language other than English is its own page (`fr/`), so the
/// frame shows that language at its first paint: `lang=fr` becomes the address's folder.
pub fn embed_url(base: &str, query: &str) -> String {
    let mut page = String::new();
    let mut rest = String::new();
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        match pair.strip_prefix("lang=").and_then(Lang::from_code) {
            Some(lang) if lang != Lang::EN => page = lang.page(),
            _ => {
                rest.push(if rest.is_empty() { '?' } else { '&' });
                rest.push_str(pair);
            }
        }
    }
    format!("{base}{page}{rest}")
}

/// The snippet for the view `query` of the app served from `base` (a folder URL ending in `/`),
/// the frame titled `title` (the app's title in the view's language). The iframe starts 700 px
/// high; the helper script then sizes it to the content.
pub fn embed_snippet(base: &str, query: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" \
         style=\"width:100%;height:700px;border:0\" loading=\"lazy\"></iframe>\n\
         <script src=\"{}\" async></script>",
        attribute(&embed_url(base, query)),
        attribute(title),
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
            "Europe's independent music associations",
        );
        assert!(snippet.starts_with(
            "<iframe src=\"https://maps.example.org/impala/?view=timeline&amp;select=VTM%C3%96\""
        ));
        assert!(snippet.contains(
            "<script src=\"https://maps.example.org/impala/impala-map-embed.js\" async></script>"
        ));
        assert!(snippet.contains("title=\"Europe&apos;s independent music associations\""));
        let hostile = embed_snippet("https://x.org/\"><script>", "", "");
        assert!(!hostile.contains("\"><script>"), "{hostile}");
    }

    #[test]
    fn a_language_other_than_english_is_its_own_page() {
        assert_eq!(
            embed_url("https://x.org/map/", "view=timeline&lang=fr&select=VUT"),
            "https://x.org/map/fr/?view=timeline&select=VUT"
        );
        assert_eq!(embed_url("https://x.org/", "lang=pl"), "https://x.org/pl/");
        assert_eq!(
            embed_url("https://x.org/", "lang=en"),
            "https://x.org/?lang=en"
        );
        assert_eq!(
            embed_url("https://x.org/", "lang=xx"),
            "https://x.org/?lang=xx"
        );
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
