//! The first view as HTML, rendered at build time (native only): Trunk's post-build hook runs
//! `src/bin/prerender.rs`, which writes it into `index.html`'s `<div id="app">`. The page then
//! shows the map, the headline figures and the list of associations at its first paint, before
//! the wasm arrives, and also where it never runs (JavaScript off, no WebAssembly, crawlers and
//! link previews). When the app starts it mounts on the same element: Yew empties it and renders
//! the same markup in the same task, so nothing flashes or moves.
//!
//! The render has no window (`crate::hooks::window` is `None`), so it shows the default view, as
//! an address without a query would. The copy never says `data-app-ready` (tests and hosts wait
//! for that); it says `data-prerendered` instead.

use crate::App;

/// Where the first view goes in `index.html`.
pub const MOUNT: &str = r#"<div id="app"></div>"#;

/// The app's first view, rendered to HTML.
pub fn first_view() -> Result<String, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|error| format!("cannot start the renderer's runtime: {error}"))?;
    let html = runtime.block_on(
        yew::LocalServerRenderer::<App>::new()
            .hydratable(false)
            .render(),
    );
    Ok(html)
}

/// `page` with the first view inside its mount point (`MOUNT`), on one line (the single-file
/// build copies that line).
pub fn into_page(page: &str, view: &str) -> Result<String, String> {
    match page.matches(MOUNT).count() {
        1 => Ok(page.replacen(
            MOUNT,
            &format!(
                r#"<div id="app" data-prerendered="true">{}</div>"#,
                view.replace('\n', "&#10;")
            ),
            1,
        )),
        0 => Err(format!(
            "the page has no {MOUNT} to render the first view into"
        )),
        n => Err(format!(
            "the page has {n} copies of {MOUNT}; it needs exactly one"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::dataset;

    fn view() -> String {
        match first_view() {
            Ok(html) => html,
            Err(error) => panic!("{error}"),
        }
    }

    #[test]
    fn the_first_view_shows_the_map_the_figures_and_the_list() {
        let html = view();
        let data = dataset();
        // Every member country is a shape on the map.
        let members: std::collections::BTreeSet<_> = data
            .associations
            .iter()
            .flat_map(|a| a.countries.iter())
            .collect();
        assert_eq!(members.len(), 27);
        assert_eq!(
            html.matches("class=\"country member").count(),
            members.len()
        );
        // Every association is in the list.
        for association in data.associations.iter() {
            let entry = format!("data-association=\"{}\"", association.acronym);
            assert_eq!(
                html.matches(&entry).count(),
                1,
                "{entry} is not in the list once"
            );
        }
        // The map's acronyms are placed for a laptop-sized map, most of them at least.
        let labels = html.matches("class=\"map-label").count();
        assert!(
            labels * 2 >= data.associations.len(),
            "{labels} labels on the map"
        );
        assert!(html.contains("class=\"headline"), "no headline figures");
        assert!(html.contains("<h1>"), "no heading");
    }

    #[test]
    fn the_copy_is_not_the_app_and_says_so() {
        let html = view();
        assert!(
            !html.contains("data-app-ready"),
            "the copy must not claim to be the app"
        );
        let page = "<body><div id=\"app\"></div></body>";
        let Ok(out) = into_page(page, &html) else {
            panic!("no mount point found")
        };
        assert!(out.starts_with("<body><div id=\"app\" data-prerendered=\"true\">"));
        assert_eq!(out.lines().count(), 1, "the first view is on one line");
        assert!(into_page("<body></body>", &html).is_err());
        assert!(into_page(&format!("{page}{page}"), &html).is_err());
    }
}
