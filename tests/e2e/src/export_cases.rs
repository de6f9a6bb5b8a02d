//! Downloads (issue 8): the view's figure (the map, or the timeline) as SVG and as PNG at twice
//! its size on screen, with the title and credits below it, and the data as CSV and JSON. The page's downloads are caught before the browser saves them (anchors with a `download`
//! name record their address instead), and the files are read back from those addresses.

use crate::cases::{check, Expected, QUICK};
use crate::page::Page;
use crate::Result;
use impala_map::i18n::Lang;

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

pub fn downloads_give_the_figures_and_the_data(page: &mut Page, expected: &Expected) -> Result<()> {
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

    // The map, as SVG and PNG, with every member country coloured.
    let members = "Array.from(d.querySelectorAll('path.country.member')).filter((p) => { \
        const s = p.getAttribute('data-style') || ''; const pattern = /fill: url\\([\"']?#([^)\"']+)[\"']?\\)/.exec(s); \
        return /fill: rgb/.test(s) || (pattern !== null && d.getElementById(pattern[1]) !== null); }).length";
    let map = image(page, "map", "svg.europe-map", members)?;
    check(map == expected.countries, || {
        format!(
            "the map's SVG has {map} coloured member shapes, expected {}",
            expected.countries
        )
    })?;

    // In the timeline view, the timeline, with a mark for every association.
    page.switch_view("timeline")?;
    let timeline = image(
        page,
        "timeline",
        "svg.timeline-chart",
        "d.querySelectorAll('.tl-mark .tl-label').length",
    )?;
    let on_screen: usize = page.eval(
        "document.querySelectorAll('.view-main svg.timeline-chart .tl-mark .tl-label').length",
    )?;
    check(
        timeline == on_screen && on_screen > expected.associations / 2,
        || format!("the timeline's SVG has {timeline} labelled marks, the screen {on_screen}"),
    )?;

    // The table view has no figure: the data only.
    page.switch_view("table")?;
    let offered: Vec<String> = page.eval(
        "Array.from(document.querySelectorAll('[data-download]'), (b) => b.dataset.download)",
    )?;
    check(offered == ["csv", "json"], || {
        format!("the table view offers {offered:?}")
    })?;
    let errors = page.console_errors()?;
    check(errors.is_empty(), || format!("errors: {errors:?}"))
}

/// Downloads the view's figure (`subject`, the element `figure` in the view) as SVG and as PNG,
/// checks their names, that the SVG parses with the figure and the caption below it (the
/// title, and the credits naming Natural Earth), and that the PNG is twice the SVG's size;
/// keeps both files beside the screenshots. Returns what the `shapes` expression counts in the
/// SVG document `d`.
fn image(page: &Page, subject: &str, figure: &str, shapes: &str) -> Result<usize> {
    let (name, href) = download(page, "svg")?;
    check(named(&name, subject, "svg"), || {
        format!("the {subject} SVG is named {name:?}")
    })?;
    // Measured after the download: a view just switched may still be settling its width.
    let size: [f64; 2] = page.eval(&format!(
        "(() => {{ const r = document.querySelector('.view-main {figure}').getBoundingClientRect(); \
         return [Math.round(r.width), Math.round(r.height)]; }})()"
    ))?;
    // Parsed in the page, whose policy (`style-src 'self'`) Chromium applies to the parsed copy
    // too: the file's style attributes are read as `data-style`, so that reading the file is not
    // taken for the app breaking the policy. `shapes` reads them so.
    #[derive(serde::Deserialize, Debug)]
    struct Parsed {
        svg: bool,
        width: f64,
        height: f64,
        title: Option<String>,
        caption: Vec<String>,
        /// The figure's size in the file.
        figure: [f64; 2],
        shapes: usize,
    }
    let parsed: Parsed = page.eval(&format!(
        "fetch({}).then((r) => r.text()).then((t) => {{ \
           const d = new DOMParser().parseFromString(t.replace(/ style=\"/g, ' data-style=\"'), 'image/svg+xml'); \
           const root = d.documentElement; \
           return {{ svg: d.querySelector('parsererror') === null && root.localName === 'svg', \
             width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')), \
             title: root.querySelector(':scope > title')?.textContent ?? null, \
             caption: Array.from(root.querySelectorAll(':scope > text'), (e) => e.textContent), \
             figure: (() => {{ const f = root.querySelector(':scope > g > svg{}'); \
               return f ? [Number(f.getAttribute('width')), Number(f.getAttribute('height'))] : [0, 0]; }})(), \
             shapes: {shapes} }}; }})",
        serde_json::to_string(&href).map_err(|e| e.to_string())?,
        figure.trim_start_matches("svg"),
    ))?;
    page.save_beside_screenshots(
        &format!("download-{subject}.svg"),
        text(page, &href)?.as_bytes(),
    )?;
    let t = Lang::EN.strings();
    let caption = parsed.caption.join(" ");
    check(
        parsed.svg
            && parsed.figure == size
            && parsed.width >= size[0]
            && parsed.height > size[1] + 20.0
            && parsed.title.as_deref() == Some(t.title())
            && caption.starts_with(t.title())
            && caption.contains("Natural Earth"),
        || format!("the {subject} SVG, for a figure of {size:?} on screen: {parsed:?}"),
    )?;

    let (name, href) = download(page, "png")?;
    check(named(&name, subject, "png"), || {
        format!("the {subject} PNG is named {name:?}")
    })?;
    let png: [f64; 2] = page.eval(&format!(
        "fetch({}).then((r) => r.blob()).then((b) => createImageBitmap(b)).then((i) => [i.width, i.height])",
        serde_json::to_string(&href).map_err(|e| e.to_string())?
    ))?;
    check(png == [parsed.width * 2.0, parsed.height * 2.0], || {
        format!(
            "the {subject} PNG is {png:?}, expected twice the SVG's {:?}",
            [parsed.width, parsed.height]
        )
    })?;
    let base64 = href.strip_prefix("data:image/png;base64,").ok_or_else(|| {
        format!(
            "the PNG's address is not PNG data: {}",
            &href[..href.len().min(40)]
        )
    })?;
    page.save_beside_screenshots(
        &format!("download-{subject}.png"),
        &crate::webdriver::base64_decode(base64)?,
    )?;
    Ok(parsed.shapes)
}
