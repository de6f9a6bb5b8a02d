//! The first view is in the HTML (issue 7): the build renders the map, the headline figures and
//! the list into `index.html` (src/prerender.rs), so they show at the first paint and with no
//! script at all; the app then takes the page over without moving anything.

use crate::cases::{check, Expected};
use crate::page::Page;
use crate::server::NO_SCRIPT_PATH;
use crate::Result;

/// Where the parts of the first view are on the page: `[selector, x, y, width, height]`, in CSS
/// pixels, rounded to a tenth; last, the window: `innerWidth * 1000 + innerHeight`, the same of the
/// root's client size, and its scroll width (a scroll bar that comes or goes moves everything).
const LAYOUT: &str = "(() => ['h1', '.headline', '.view-switch', 'svg.europe-map', '.map-frame', \
    '.association-list > li:first-child', '.association-list > li:last-child', '.app-footer'].map((css) => { \
    const e = document.querySelector(css); if (!e) return [css, -1, -1, -1, -1]; \
    const r = e.getBoundingClientRect(); const t = (v) => Math.round(v * 10) / 10; \
    return [css, t(r.x), t(r.y + scrollY), t(r.width), t(r.height)]; }).concat([['window', \
    innerWidth * 1000 + innerHeight, document.documentElement.clientWidth * 1000 + \
    document.documentElement.clientHeight, document.documentElement.scrollWidth, 0]]))()";

type Layout = Vec<(String, f64, f64, f64, f64)>;

pub fn first_view_shows_without_javascript(page: &mut Page, expected: &Expected) -> Result<()> {
    // The same files, under a policy that runs no script: JavaScript off, or a crawler.
    page.goto(NO_SCRIPT_PATH)?;
    let started: bool = page.eval("document.querySelector('[data-app-ready]') !== null")?;
    check(!started, || "the app ran under script-src 'none'".into())?;
    let prerendered: bool =
        page.eval("document.querySelector('#app[data-prerendered] .app') !== null")?;
    check(prerendered, || {
        "index.html holds no first view (#app[data-prerendered])".into()
    })?;
    // The member countries are drawn and coloured by the style sheets.
    let fills: Vec<String> = page.eval(
        "Array.from(document.querySelectorAll('svg.europe-map path.country.member'), \
         (p) => getComputedStyle(p).fill)",
    )?;
    check(fills.len() == expected.countries, || {
        format!(
            "{} member shapes, expected {}",
            fills.len(),
            expected.countries
        )
    })?;
    let plain: Vec<&String> = fills
        .iter()
        .filter(|fill| fill.as_str() == "rgb(0, 0, 0)" || fill.as_str() == "none")
        .collect();
    check(plain.is_empty(), || {
        format!("member shapes not coloured by the style sheets: {plain:?}")
    })?;
    let labels: usize =
        page.eval("document.querySelectorAll('svg.europe-map text.map-label').length")?;
    check(labels > 0, || "the map has no acronyms".into())?;
    let map_height: f64 =
        page.eval("document.querySelector('svg.europe-map').getBoundingClientRect().height")?;
    check(map_height > 300.0, || {
        format!("the map is {map_height} px high")
    })?;
    let figures: Vec<String> = page.eval(
        "Array.from(document.querySelectorAll('.headline .figure-value'), (e) => e.textContent)",
    )?;
    let want = [
        expected.territories,
        expected.associations,
        expected.countries,
    ]
    .map(|n| n.to_string());
    check(figures == want, || {
        format!("headline figures {figures:?}, expected {want:?}")
    })?;
    let listed: usize = page.eval("document.querySelectorAll('.association-list > li').length")?;
    check(listed == expected.associations, || {
        format!(
            "{listed} associations listed, expected {}",
            expected.associations
        )
    })?;
    page.screenshot_named("no-script")?;
    let before: Layout = page.eval(LAYOUT)?;

    // The app takes over the same page: everything stays where it was.
    page.open_app()?;
    let prerendered_left: bool = page.eval(
        "document.querySelector('[data-prerendered] > .app:not([data-app-ready])') !== null",
    )?;
    check(!prerendered_left, || {
        "the first view's copy is still in the page beside the app".into()
    })?;
    let apps: usize = page.eval("document.querySelectorAll('.app').length")?;
    check(apps == 1, || {
        format!("{apps} copies of the app in the page")
    })?;
    let after: Layout = page.eval(LAYOUT)?;
    let moved: Vec<String> = before
        .iter()
        .zip(&after)
        .filter(|(b, a)| {
            (b.1 - a.1).abs() > 1.0
                || (b.2 - a.2).abs() > 1.0
                || (b.3 - a.3).abs() > 1.0
                || (b.4 - a.4).abs() > 1.0
        })
        .map(|(b, a)| {
            format!(
                "{}: {:?} → {:?}",
                b.0,
                (b.1, b.2, b.3, b.4),
                (a.1, a.2, a.3, a.4)
            )
        })
        .collect();
    check(moved.is_empty(), || {
        format!(
            "the app moved the first view's parts when it took over: {moved:?}; the window \
             (inner and client sizes, scroll width) before {:?}, after {:?}",
            before.last(),
            after.last()
        )
    })
}

/// For each part of the first view the recorder kept before the app's scripts ran
/// (`server::CONSOLE_RECORDER`, which names the parts and their selectors): how many nodes it
/// kept, and how many of them are still in the page, as the nodes the same selector finds now.
const ADOPTED: &str = "(() => { const kept = window.__e2e.firstView || {}; \
    const parts = window.__e2e.firstViewParts || {}; \
    return Object.keys(parts).map((part) => { const before = kept[part] || []; \
      const found = Array.from(document.querySelectorAll(parts[part])); \
      return [part, before.length, before.filter((n) => n.isConnected && found.includes(n)).length]; }); })()";

/// The app adopts the nodes the build wrote rather than rendering them again: the heading, the
/// lede, the map's shapes and the list are the same DOM nodes once the app is ready, at the
/// plain address, at an address that selects an association, and on French's page; and the
/// map's paths are the build's, never written again.
pub fn the_app_adopts_the_first_view(page: &mut Page, expected: &Expected) -> Result<()> {
    for address in ["/", "/?select=VUT&year=2005", "/fr/?select=SOM"] {
        page.open_app_at(address)?;
        let parts: Vec<(String, usize, usize)> = page.eval(ADOPTED)?;
        let named: Vec<&str> = parts.iter().map(|(part, ..)| part.as_str()).collect();
        check(named == ["heading", "lede", "shapes", "list"], || {
            format!("{address}: the recorder kept the parts {named:?}")
        })?;
        for (part, kept, adopted) in &parts {
            let least = match part.as_str() {
                "shapes" => expected.countries,
                "list" => expected.associations,
                _ => 1,
            };
            check(*kept >= least, || {
                format!("{address}: the page had {kept} {part} node(s) before the app ran")
            })?;
            check(adopted == kept, || {
                format!(
                    "{address}: {adopted} of the first view's {kept} {part} node(s) are still \
                     the page's: the app rendered the first view again instead of adopting it"
                )
            })?;
        }
        // The adopted map keeps the paths the build wrote: the app writes none back.
        let writes: u32 = page.eval("window.__e2e.pathWrites")?;
        check(writes == 0, || {
            format!("{address}: the app wrote {writes} path(s) of the first view's map again")
        })?;
        let warnings: Vec<String> = page.eval("window.__e2e.warnings")?;
        let fresh: Vec<&String> = warnings
            .iter()
            .filter(|w| w.contains("first view"))
            .collect();
        check(fresh.is_empty(), || format!("{address}: {fresh:?}"))?;
    }
    // The address was applied after the adoption: SOM is selected on the French page.
    let selected: String = page.text(".details-name")?;
    check(!selected.is_empty(), || {
        "nothing selected after ?select=SOM".into()
    })
}

/// A first view that is not the build's (a host page or an extension changed it) is not
/// adopted: the app says so in the console and renders afresh, never a blank page.
pub fn a_changed_first_view_is_rendered_afresh(page: &mut Page, expected: &Expected) -> Result<()> {
    page.open_app_at(crate::server::CHANGED_PATH)?;
    let warnings: Vec<String> = page.eval("window.__e2e ? window.__e2e.warnings : []")?;
    check(warnings.iter().any(|w| w.contains("first view")), || {
        format!("no console warning about the changed first view: {warnings:?}")
    })?;
    let listed: usize = page.eval("document.querySelectorAll('.association-list > li').length")?;
    check(listed == expected.associations, || {
        format!("{listed} associations listed after rendering afresh")
    })?;
    let apps: usize = page.eval("document.querySelectorAll('.app').length")?;
    check(apps == 1, || format!("{apps} copies of the app"))?;
    // The map rendered afresh has its shapes: their paths were read from the changed page's.
    page.check_member_count(expected.countries, "after rendering afresh")?;
    let added: bool = page.eval("document.querySelector('.added-by-an-extension') !== null")?;
    check(!added, || {
        "the changed first view is still in the page".into()
    })
}

/// The copies a static host sends instead of the files (`scripts/precompress.mjs`: `.gz` by
/// zopfli, `.br` by Brotli) are the files, byte for byte, and a host that sends the `.gz` copies
/// (as nginx's `gzip_static`) serves an app that starts and draws every member.
pub fn precompressed_copies_are_the_files(page: &mut Page, expected: &Expected) -> Result<()> {
    use std::io::Read;
    let dist = crate::dist_dir(&crate::workspace_root());
    let files: Vec<_> = crate::server::files_under(&dist)?
        .into_iter()
        .filter(|path| {
            let kind = path
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or_default();
            ["html", "js", "css", "json", "wasm", "svg"].contains(&kind)
        })
        .collect();
    check(files.len() >= 20, || {
        format!(
            "{} files in {}: build the app first",
            files.len(),
            dist.display()
        )
    })?;
    for file in &files {
        let plain = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
        for kind in ["gz", "br"] {
            let copy = file.with_extension(format!(
                "{}.{kind}",
                file.extension()
                    .and_then(|e| e.to_str())
                    .unwrap_or_default()
            ));
            let packed =
                std::fs::read(&copy).map_err(|e| format!("{}: no copy ({e})", copy.display()))?;
            let mut unpacked = Vec::new();
            let read = if kind == "gz" {
                flate2::read::GzDecoder::new(&packed[..]).read_to_end(&mut unpacked)
            } else {
                brotli::Decompressor::new(&packed[..], 4096).read_to_end(&mut unpacked)
            };
            read.map_err(|e| format!("{}: cannot be unpacked: {e}", copy.display()))?;
            check(unpacked == plain, || {
                format!("{} is not {}", copy.display(), file.display())
            })?;
            check(packed.len() < plain.len(), || {
                format!("{} is no smaller than its file", copy.display())
            })?;
        }
    }
    page.open_app_at(&format!("{}index.html", crate::server::HOST_PATH))
        .map_err(|e| format!("from the .gz copies: {e}"))?;
    page.check_member_count(expected.countries, "from the .gz copies")
}
