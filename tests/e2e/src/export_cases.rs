//! Downloads (issue 8): the map as SVG and as PNG at twice its size on screen, the data as CSV and
//! JSON. The page's downloads are caught before the browser saves them (anchors with a `download`
//! name record their address instead), and the files are read back from those addresses.

use crate::cases::{check, Expected, QUICK};
use crate::page::Page;
use crate::Result;

/// Catches downloads: every anchor clicked with a `download` name is recorded in
/// `window.__downloads` as `{name, href}` and not followed.
const CATCH: &str = "(() => { window.__downloads = []; \
    HTMLAnchorElement.prototype.click = function () { \
      if (this.download) { window.__downloads.push({ name: this.download, href: this.href }); return; } \
      this.dispatchEvent(new MouseEvent('click')); }; return null; })()";

/// Clicks the download button `key` and returns the file's name and address.
fn download(page: &Page, key: &str) -> Result<(String, String)> {
    let before: usize = page.eval("window.__downloads.length")?;
    page.click(&format!("[data-download={key}]"))?;
    page.wait_for(&format!("window.__downloads.length > {before}"), QUICK)?;
    page.eval(&format!(
        "[window.__downloads[{before}].name, window.__downloads[{before}].href]"
    ))
}

/// The text of the file at `href`.
fn text(page: &Page, href: &str) -> Result<String> {
    page.eval(&format!(
        "fetch({}).then((r) => r.text())",
        serde_json::to_string(href).map_err(|e| e.to_string())?
    ))
}

fn named(name: &str, subject: &str, extension: &str) -> bool {
    let Some(date) = name
        .strip_prefix(&format!("impala-{subject}-"))
        .and_then(|rest| rest.strip_suffix(&format!(".{extension}")))
    else {
        return false;
    };
    date.len() == 10
        && date.chars().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        })
}

pub fn downloads_give_the_map_and_the_data(page: &mut Page, expected: &Expected) -> Result<()> {
    page.open_app()?;
    page.eval::<Option<bool>>(CATCH)?;

    // The data, as CSV: a header and one row per association.
    let (name, href) = download(page, "csv")?;
    check(named(&name, "associations", "csv"), || {
        format!("the CSV is named {name:?}")
    })?;
    let csv = text(page, &href)?;
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    check(lines.len() == expected.associations + 1, || {
        format!(
            "the CSV has {} lines, expected a header and {} rows",
            lines.len(),
            expected.associations
        )
    })?;
    check(
        lines[0]
            .trim_start_matches('\u{feff}')
            .starts_with("acronym,name,"),
        || format!("the CSV's header is {:?}", lines[0]),
    )?;
    check(csv.contains("VTMÖ"), || {
        "the CSV lost VTMÖ's accent".into()
    })?;

    // The data, as JSON, with its sources.
    let (name, href) = download(page, "json")?;
    check(named(&name, "associations", "json"), || {
        format!("the JSON is named {name:?}")
    })?;
    let json: serde_json::Value = serde_json::from_str(&text(page, &href)?)
        .map_err(|e| format!("the JSON does not parse: {e}"))?;
    let associations = json["associations"].as_array().map_or(0, Vec::len);
    let sources = json["sources"].as_array().map_or(0, Vec::len);
    check(associations == expected.associations && sources > 0, || {
        format!("the JSON has {associations} associations and {sources} sources")
    })?;

    // The map, as SVG: it parses and has every member country, coloured.
    let (name, href) = download(page, "svg")?;
    check(named(&name, "map", "svg"), || {
        format!("the SVG is named {name:?}")
    })?;
    let parsed: (bool, usize, usize) = page.eval(&format!(
        "fetch({}).then((r) => r.text()).then((t) => {{ \
           const d = new DOMParser().parseFromString(t, 'image/svg+xml'); \
           const members = d.querySelectorAll('path.country.member'); \
           const coloured = Array.from(members).filter((p) => {{ const s = p.getAttribute('style') || ''; \
             const pattern = /fill: url\\(#([^)]+)\\)/.exec(s); \
             return /fill: rgb/.test(s) || (pattern !== null && d.getElementById(pattern[1]) !== null); }}); \
           return [d.querySelector('parsererror') === null && d.documentElement.localName === 'svg', members.length, coloured.length]; }})",
        serde_json::to_string(&href).map_err(|e| e.to_string())?
    ))?;
    page.save_beside_screenshots("download-map.svg", text(page, &href)?.as_bytes())?;
    check(parsed.0, || "the SVG does not parse as SVG".into())?;
    check(
        parsed.1 == expected.countries && parsed.2 == expected.countries,
        || {
            format!(
                "the SVG has {} member shapes, {} of them coloured; expected {}",
                parsed.1, parsed.2, expected.countries
            )
        },
    )?;

    // The map, as PNG at twice its size on screen.
    let size: [f64; 2] = page.eval(
        "(() => { const r = document.querySelector('svg.europe-map').getBoundingClientRect(); \
         return [Math.round(r.width), Math.round(r.height)]; })()",
    )?;
    let (name, href) = download(page, "png")?;
    check(named(&name, "map", "png"), || {
        format!("the PNG is named {name:?}")
    })?;
    let png: [f64; 2] = page.eval(&format!(
        "fetch({}).then((r) => r.blob()).then((b) => createImageBitmap(b)).then((i) => [i.width, i.height])",
        serde_json::to_string(&href).map_err(|e| e.to_string())?
    ))?;
    check(png == [size[0] * 2.0, size[1] * 2.0], || {
        format!("the PNG is {png:?}, expected twice the map's {size:?}")
    })?;
    let base64 = href.strip_prefix("data:image/png;base64,").ok_or_else(|| {
        format!(
            "the PNG's address is not PNG data: {}",
            &href[..href.len().min(40)]
        )
    })?;
    page.save_beside_screenshots(
        "download-map.png",
        &crate::webdriver::base64_decode(base64)?,
    )?;
    let errors = page.console_errors()?;
    check(errors.is_empty(), || format!("errors: {errors:?}"))
}
