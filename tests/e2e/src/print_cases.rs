//! Print (issue 8): one A4 landscape page with the map, the timeline and the list of
//! associations (styles/print.css), whatever the view on screen.

use crate::cases::{check, Expected, QUICK};
use crate::engines::{EngineKind, HEIGHT, WIDTH};
use crate::page::Page;
use crate::Result;
use serde_json::json;

/// The number of pages of a PDF: its `/Type /Page` dictionaries (not `/Pages`), in the file
/// and in its Flate-compressed streams (Firefox puts them in object streams).
fn pdf_pages(pdf: &[u8]) -> usize {
    let count = |text: &str| {
        text.match_indices("/Type")
            .filter(|(at, _)| {
                let rest = text[at + "/Type".len()..].trim_start();
                rest.starts_with("/Page") && !rest.starts_with("/Pages")
            })
            .count()
    };
    let mut pages = count(&String::from_utf8_lossy(pdf));
    let mut rest = pdf;
    while let Some(at) = find(rest, b"stream") {
        let body = &rest[at + b"stream".len()..];
        let body = body
            .strip_prefix(b"\r\n")
            .or_else(|| body.strip_prefix(b"\n"))
            .unwrap_or(body);
        let Some(end) = find(body, b"endstream") else {
            break;
        };
        let mut decoded = Vec::new();
        if std::io::Read::read_to_end(
            &mut flate2::read::ZlibDecoder::new(&body[..end]),
            &mut decoded,
        )
        .is_ok()
        {
            pages += count(&String::from_utf8_lossy(&decoded));
        }
        rest = &body[end + b"endstream".len()..];
    }
    pages
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The views printed, each with its address: the map with a selection, the timeline from the
/// dark theme (it must print light), the table.
const PRINTED: [(&str, &str); 3] = [
    ("map", "/?select=VUT"),
    ("timeline", "/?view=timeline&theme=dark"),
    ("table", "/?view=table"),
];

/// Prints the page (WebDriver's Print command) and checks it is one page. WebKitGTK's driver
/// does not implement printing: it says so, and the case notes it.
fn prints_on_one_page(page: &mut Page, name: &str) -> Result<()> {
    match page.print_a4_landscape() {
        Ok(pdf) => {
            page.save_beside_screenshots(&format!("print-{name}.pdf"), &pdf)?;
            let pages = pdf_pages(&pdf);
            check(pdf.starts_with(b"%PDF") && pages == 1, || {
                format!(
                    "printing the {name} view gave {pages} pages ({} bytes)",
                    pdf.len()
                )
            })?;
            // The parts the view lacks on screen are built when the page is about to print
            // (src/hooks/print.rs): printing built them, so the sheet had them.
            let parts: usize = page.eval(PRINT_PARTS)?;
            let lacking = print_parts_lacking(name);
            check(parts == lacking, || {
                format!("printing the {name} view built {parts} print-only parts, not {lacking}")
            })
        }
        Err(error)
            if error.contains("unsupported operation") || error.contains("unknown command") =>
        {
            page.note(&format!("this engine's WebDriver cannot print: {error}"));
            Ok(())
        }
        Err(error) => Err(error),
    }
}

pub fn print_puts_everything_on_one_page(page: &mut Page, _: &Expected) -> Result<()> {
    for (name, path) in PRINTED {
        page.open_app_at(path)?;
        prints_on_one_page(page, name)?;
    }
    Ok(())
}

/// How many print-only parts the page holds, with their content.
const PRINT_PARTS: &str = "document.querySelectorAll('.print-timeline svg.timeline-chart, \
    .print-list .association-list, .print-map svg.europe-map').length";

/// How many parts of the printed sheet the view named `name` lacks on screen: the map view
/// lacks the timeline, the timeline view the list, the table view the timeline and the map.
fn print_parts_lacking(name: &str) -> usize {
    if name == "table" {
        2
    } else {
        1
    }
}

/// What print media shows, measured: the map, the timeline and the list (down to its last
/// entry), each with a size, inside
/// an A4 landscape page less its margins (281 × 194 mm at 96 px per inch: 1062 × 733 px), and
/// the page no taller than that.
const SHEET: &str = "(() => { const r = (css) => { const e = [...document.querySelectorAll(css)] \
    .find((e) => e.getBoundingClientRect().width > 0); if (!e) return null; \
    const b = e.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; }; \
    return { map: r('svg.europe-map'), timeline: r('svg.timeline-chart'), \
    list: r('.association-list, .association-table'), \
    members: document.querySelectorAll('svg.europe-map path.country.member').length, \
    last_shown: (() => { const e = document.querySelector('.association-list > li:last-child, \
    .association-table tbody tr:last-child'); if (!e) return false; const b = e.getBoundingClientRect(); \
    const hit = document.elementFromPoint(b.left + 8, b.top + b.height / 2); \
    return b.height > 0 && hit !== null && e.contains(hit); })(), \
    sea: getComputedStyle(document.querySelector('svg.europe-map .sea') || document.body).fill, \
    height: document.documentElement.scrollHeight }; })()";

#[derive(serde::Deserialize, Debug)]
struct Sheet {
    map: Option<[f64; 4]>,
    timeline: Option<[f64; 4]>,
    list: Option<[f64; 4]>,
    members: usize,
    /// The list's last entry is on the page, not cut off.
    last_shown: bool,
    sea: String,
    height: f64,
}

/// Print media without printing, for the engines whose driver cannot emulate it: the app's
/// print sheet (linked with `media="print"`) and `@media print` rules apply to the screen, and
/// its `@media screen` rules (the themes, the wide layout) do not.
/// Returns how many rules it turned; a navigation undoes it.
const PRINT_RULES_ON_SCREEN: &str = "(() => { let turned = 0; \
    for (const sheet of document.styleSheets) { \
    if (sheet.media.mediaText.trim() === 'print') { sheet.media.mediaText = 'all'; turned++; } \
    for (const rule of sheet.cssRules) { \
    if (!(rule instanceof CSSMediaRule)) continue; const media = rule.media.mediaText.trim(); \
    if (media === 'print') { rule.media.mediaText = 'all'; turned++; } \
    else if (media === 'screen' || media.startsWith('screen and')) { rule.media.mediaText = 'not all'; turned++; } } } \
    return turned; })()";

/// The printed layout of each view, measured on an A4 landscape page's content box and kept as
/// a screenshot. Chromium emulates print media (DevTools protocol); Firefox and WebKitGTK,
/// whose drivers cannot, get the print rules turned onto the screen.
pub fn print_media_shows_map_timeline_and_list(page: &mut Page, _: &Expected) -> Result<()> {
    let (width, height) = (1062.0, 733.0);
    let chromium = page.engine() == EngineKind::Chromium;
    page.set_viewport(width as u32, height as u32)?;
    if chromium {
        page.chromium_cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))?;
    }
    let result = (|| {
        for (name, path) in PRINTED {
            page.open_app_at(path)?;
            if !chromium {
                let turned: usize = page.eval(PRINT_RULES_ON_SCREEN)?;
                check(turned >= 2, || {
                    format!("only {turned} @media print or screen rules found in the app's styles")
                })?;
                // What the browser says before it prints, which builds the print-only parts.
                page.eval::<Option<bool>>(
                    "(() => { dispatchEvent(new Event('beforeprint')); return null; })()",
                )?;
            }
            page.wait_for(
                &format!("{PRINT_PARTS} === {}", print_parts_lacking(name)),
                QUICK,
            )?;
            let sheet: Sheet = page.eval(SHEET)?;
            page.screenshot_named(&format!("print-{name}"))?;
            let inside = |r: &Option<[f64; 4]>| {
                r.is_some_and(|[l, t, r, b]| {
                    r - l > 100.0
                        && b - t > 60.0
                        && l >= -0.5
                        && t >= -0.5
                        && r <= width + 0.5
                        && b <= height + 0.5
                })
            };
            check(
                inside(&sheet.map)
                    && inside(&sheet.timeline)
                    && inside(&sheet.list)
                    && sheet.members > 20
                    && sheet.last_shown
                    && sheet.height <= height + 0.5
                    && sheet.sea == "rgb(255, 255, 255)",
                || format!("the printed {name} view: {sheet:?}"),
            )?;
        }
        Ok(())
    })();
    if chromium {
        page.chromium_cdp("Emulation.setEmulatedMedia", json!({ "media": "" }))?;
    }
    page.set_viewport(WIDTH, HEIGHT)?;
    result
}
