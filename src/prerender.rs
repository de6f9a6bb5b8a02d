//! The first view as HTML, rendered at build time (native only): Trunk's post-build hook runs
//! `src/bin/prerender.rs`, which writes it into `index.html`'s `<div id="app">`. The page then
//! shows the map, the headline figures and the list of associations at its first paint, before
//! the wasm arrives, and also where it never runs (JavaScript off, no WebAssembly, crawlers and
//! link previews). It is rendered with Yew's hydration marks, and its shape is written beside it
//! (`crate::first_view`): when the app starts it adopts these very nodes (`Renderer::hydrate`,
//! `src/main.rs`), so nothing is rendered twice and nothing flashes or moves. The map's paths
//! are only here: the wasm takes them from the page (`crate::geo::europe`).
//!
//! The render has no window (`crate::hooks::window` is `None`), so it shows the default view, as
//! an address without a query would. The copy never says `data-app-ready` (tests and hosts wait
//! for that); it says `data-prerendered` instead.
//!
//! Each language gets a page of its own ([`language_page`]): `index.html` in English (which the
//! app switches to the browser's language when it starts), and `<code>/index.html` for every other
//! language, in that language at its first paint and without JavaScript, with its title,
//! description and `<noscript>` text, `<html lang>`, its own words inside (the wasm carries no
//! language: it reads these before it starts, with no second request) and, when the build knows
//! the app's public address (`IMPALA_SITE_URL`), `<link rel="alternate" hreflang>` to every other.

use crate::components::AppProps;
use crate::format::escape_markup;
use crate::i18n::Lang;
use crate::App;

/// Where the first view goes in `index.html`.
pub const MOUNT: &str = r#"<div id="app"></div>"#;

/// The app's first view, rendered to HTML, in English.
pub fn first_view() -> Result<String, String> {
    first_view_in(None)
}

/// The app's first view in `lang` (`None`: the plain address, English at build time).
pub fn first_view_in(lang: Option<Lang>) -> Result<String, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|error| format!("cannot start the renderer's runtime: {error}"))?;
    let html = runtime.block_on(
        yew::LocalServerRenderer::<App>::with_props(AppProps { page_lang: lang })
            .hydratable(true)
            .render(),
    );
    Ok(without_type_names(&html))
}

/// Yew's hydration marks without the components' type names that a debug build writes into them
/// (`<!--<[impala_map::components::map::EuropeMap]>-->` becomes `<!--<[]>-->`, as a release
/// build writes them): the app matches marks by their brackets alone.
fn without_type_names(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<!--<") {
        out.push_str(&rest[..at]);
        let mark = &rest[at..];
        let end = mark.find("-->").map_or(mark.len(), |i| i + 3);
        let whole = &mark[..end];
        match (whole.strip_prefix("<!--</["), whole.strip_prefix("<!--<[")) {
            (Some(_), _) => out.push_str("<!--</[]>-->"),
            (None, Some(_)) => out.push_str("<!--<[]>-->"),
            (None, None) => out.push_str(whole),
        }
        rest = &mark[end..];
    }
    out.push_str(rest);
    out
}

/// Where a language's page is, relative to the app's folder: `./` for English, `fr/`.
pub fn language_path(lang: Lang) -> String {
    lang.page()
}

/// `template` (the built `index.html`, its mount point empty) as `lang`'s page, its first view
/// included. A page other than English's lives one folder down: a `<base href="../">` keeps every
/// address the build wrote (scripts, styles, the wasm, language files) pointing at the app's
/// folder. `site` is the app's public address, for the pages' `hreflang` links.
pub fn language_page(template: &str, lang: Lang, site: Option<&str>) -> Result<String, String> {
    let t = lang.strings();
    let root = lang == Lang::EN;
    let mut page = replace_once(
        template,
        "<html lang=\"en\">",
        // `data-pages`: the app has a page per language, so a language chosen in the app goes
        // into the address as its page (the single file has none).
        &if root {
            "<html lang=\"en\" data-pages>".to_string()
        } else {
            format!("<html lang=\"{}\" data-pages>", lang.code())
        },
    )?;
    let mut head = String::new();
    if !root {
        head.push_str("<base href=\"../\">\n  ");
    }
    page = replace_once(&page, "<head>\n  ", &format!("<head>\n  {head}"))?;
    page = replace_between(&page, "<title>", "</title>", &escape_markup(t.page_title()))?;
    page = replace_between(
        &page,
        "<meta name=\"description\" content=\"",
        "\">",
        &escape_markup(t.description()),
    )?;
    page = replace_between(
        &page,
        "<noscript>",
        "</noscript>",
        &escape_markup(t.noscript()),
    )?;
    // Every language's page, this one's included, and the plain address as the default, at
    // their full addresses: search engines take no relative `hreflang` link, and only the host
    // knows where the app lives (`site`, from IMPALA_SITE_URL at build time). Without it the
    // pages name no alternates, rather than ones a crawler would reject.
    if let Some(site) = site {
        let site = if site.ends_with('/') {
            site.to_string()
        } else {
            format!("{site}/")
        };
        let mut alternates = String::new();
        for other in Lang::all() {
            let path = language_path(other);
            alternates.push_str(&format!(
                "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}{}\">\n  ",
                other.code(),
                escape_markup(&site),
                path.trim_start_matches("./")
            ));
        }
        alternates.push_str(&format!(
            "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">\n",
            escape_markup(&site)
        ));
        page = replace_once(&page, "</head>", &format!("  {alternates}</head>"))?;
    }
    page = into_page(&page, &first_view_in((!root).then_some(lang))?)?;
    // The page's own words, which the app reads before it starts (it has none built in).
    let json = crate::i18n::FILES
        .iter()
        .find(|(file, _)| *file == lang.file())
        .map(|(_, json)| *json)
        .ok_or_else(|| format!("no file for the language {}", lang.code()))?;
    page = replace_once(
        &page,
        "</body>",
        &format!(
            "<script type=\"application/json\" id=\"impala-lang-{}\">{json}</script>\n</body>",
            lang.code()
        ),
    )?;
    Ok(page)
}

/// `text` with what lies between `start` (which must occur exactly once) and the next `end`
/// replaced by `to`.
fn replace_between(text: &str, start: &str, end: &str, to: &str) -> Result<String, String> {
    if text.matches(start).count() != 1 {
        return Err(format!("the page needs exactly one {start:?}"));
    }
    let (before, rest) = text.split_once(start).unwrap_or((text, ""));
    let (_, after) = rest
        .split_once(end)
        .ok_or_else(|| format!("the page's {start:?} has no {end:?} after it"))?;
    Ok(format!("{before}{start}{to}{end}{after}"))
}

/// `text` with `from`, which must occur exactly once, replaced by `to`.
fn replace_once(text: &str, from: &str, to: &str) -> Result<String, String> {
    match text.matches(from).count() {
        1 => Ok(text.replacen(from, to, 1)),
        n => Err(format!(
            "the page has {n} copies of {from:?}; it needs exactly one"
        )),
    }
}

/// `page` with the first view inside its mount point (`MOUNT`), on one line (the single-file
/// build copies that line), and its shape beside it, which the app checks before adopting it
/// (`crate::first_view`).
pub fn into_page(page: &str, view: &str) -> Result<String, String> {
    match page.matches(MOUNT).count() {
        1 => Ok(page.replacen(
            MOUNT,
            &format!(
                r#"<div id="app" data-prerendered="true" {}="{}">{}</div>"#,
                crate::first_view::SHAPE_ATTRIBUTE,
                crate::first_view::Shape::of_markup(view).hex(),
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
        // No inline style: a page under `style-src 'self'` shows it whole (France's and Italy's
        // stripes are their groups' `fill`).
        assert!(
            !html.contains(" style="),
            "an inline style in the first view"
        );
        assert_eq!(
            html.matches("fill=\"url(#stripes-").count(),
            2,
            "France's and Italy's stripes"
        );
        assert!(html.contains("<h1>"), "no heading");
    }

    fn template() -> String {
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html"))
            .unwrap_or_else(|e| panic!("index.html: {e}"))
    }

    #[test]
    fn every_language_has_a_page_in_that_language_that_links_to_every_other() {
        for lang in Lang::all() {
            let site = "https://maps.example.org/impala";
            let page =
                language_page(&template(), lang, Some(site)).unwrap_or_else(|e| panic!("{e}"));
            let bare = language_page(&template(), lang, None).unwrap_or_else(|e| panic!("{e}"));
            assert!(
                !bare.contains("hreflang"),
                "{}: relative alternates",
                lang.code()
            );
            let t = lang.strings();
            let code = lang.code();
            assert!(
                page.contains(&format!("<html lang=\"{code}\"")),
                "{code}: <html lang>"
            );
            assert!(
                page.contains(&format!("<title>{}</title>", escape_markup(t.page_title()))),
                "{code}: title"
            );
            let shown = |text: &str| {
                // Yew writes an apostrophe as &#39;, the page's own template as &apos; or as is.
                page.contains(&escape_markup(text))
                    || page.contains(&escape_markup(text).replace("&apos;", "&#39;"))
                    || page.contains(text)
            };
            assert!(shown(t.title()), "{code}: h1");
            assert!(
                page.contains(&escape_markup(t.description())),
                "{code}: description"
            );
            assert!(
                page.contains(&escape_markup(t.noscript())),
                "{code}: noscript"
            );
            for other in Lang::all() {
                assert!(
                    page.contains(&format!(
                        "hreflang=\"{}\" href=\"{site}/{}\"",
                        other.code(),
                        language_path(other).trim_start_matches("./")
                    )),
                    "{code}: no alternate for {}",
                    other.code()
                );
            }
            let root = lang == Lang::EN;
            assert_eq!(page.contains("<base href=\"../\">"), !root, "{code}: base");
            assert!(page.contains(" data-pages>"), "{code}: data-pages");
            // Its own words inside (the wasm has none), and no other language's.
            for other in Lang::all() {
                assert_eq!(
                    page.matches(&format!("id=\"impala-lang-{}\"", other.code()))
                        .count(),
                    usize::from(other == lang),
                    "{code}: the words of {}",
                    other.code()
                );
            }
            if !root {
                // No English sentence of the first view is left.
                let english = Lang::EN.strings();
                for sentence in [
                    english.lede(),
                    english.list_heading(),
                    english.search_label(),
                ] {
                    assert!(!shown(sentence), "{code}: still says {sentence:?}");
                }
            }
        }
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
        assert!(out.starts_with("<body><div id=\"app\" data-prerendered=\"true\" data-shape=\""));
        assert_eq!(out.lines().count(), 1, "the first view is on one line");
        assert!(into_page("<body></body>", &html).is_err());
        assert!(into_page(&format!("{page}{page}"), &html).is_err());
    }
}
