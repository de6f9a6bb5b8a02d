//! Embedding and shareable state (issue 5): the URL restores the view and Back works; bad URL
//! values are dropped with a warning; the example host page (`examples/host/`, served under the
//! test server's strict Content-Security-Policy) sizes its frames to the app's content, drives
//! the app by messages and gets its events; bad and foreign messages are ignored and counted.

use std::time::Duration;

use impala_map::data::dataset;
use impala_map::growth::totals;
use impala_map::i18n::Lang;

use crate::cases::{check, Expected, QUICK};
use crate::page::Page;
use crate::Result;

/// The app loading inside frames of the host page.
const FRAMES_READY: Duration = Duration::from_secs(30);

fn search(page: &Page) -> Result<String> {
    page.eval("location.search")
}

pub fn url_restores_the_view(page: &mut Page, _: &Expected) -> Result<()> {
    page.open_app_at("/?view=timeline&year=2003&select=VUT&colour=period")?;
    page.wait_for(
        "document.querySelector('.details[data-selection=\"association:VUT\"]') !== null",
        QUICK,
    )?;
    let pressed: String = page.eval(
        "document.querySelector('.view-button[aria-pressed=true]').getAttribute('data-view')",
    )?;
    check(pressed == "timeline", || {
        format!("the URL asked for the timeline, the app shows {pressed}")
    })?;
    let year: String =
        page.eval("document.querySelector('.year-totals').getAttribute('data-year')")?;
    check(year == "2003", || {
        format!("the URL asked for 2003, the slider shows {year}")
    })?;
    let period: bool = page.eval(
        "document.querySelector('svg.europe-map path.country.member[class*=\"fill-p\"]') !== null",
    )?;
    check(period, || "the URL asked for colouring by period".into())?;
    // Zoom and centre.
    page.open_app_at("/?zoom=3&at=600,700")?;
    let view_box: String =
        page.eval("document.querySelector('svg.europe-map').getAttribute('viewBox')")?;
    let numbers: Vec<f64> = view_box
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect();
    let centre_ok = numbers.len() == 4
        && ((numbers[0] + numbers[2] / 2.0) - 600.0).abs() < 1.0
        && ((numbers[1] + numbers[3] / 2.0) - 700.0).abs() < 1.0
        && (numbers[2] - 1000.0 / 3.0).abs() < 1.0;
    check(centre_ok, || {
        format!("zoom=3&at=600,700 gave the view box {view_box}")
    })?;
    // Embed options: hidden controls, a theme.
    page.open_app_at("/?controls=0&theme=dark")?;
    let hidden: Vec<bool> = page.eval(
        "['.toolbar', '.map-controls', '.year-bar'].map((s) => { const e = document.querySelector(s); return !e || e.getBoundingClientRect().height === 0; })",
    )?;
    check(hidden.iter().all(|h| *h), || {
        format!("controls=0 left controls shown: {hidden:?}")
    })?;
    let theme: String = page.eval("document.querySelector('.app').getAttribute('data-theme')")?;
    check(theme == "dark", || {
        format!("theme=dark gave data-theme={theme}")
    })
}

pub fn selections_push_history_and_back_restores(page: &mut Page, _: &Expected) -> Result<()> {
    page.open_app()?;
    page.click_on("svg.europe-map path.country.member[data-country=\"DE\"]")?;
    page.wait_for("location.search.includes('select=VUT')", QUICK)?;
    page.click_on("svg.europe-map path.country.member[data-country=\"AT\"]")?;
    page.wait_for("location.search.includes('select=VTM%C3%96')", QUICK)?;
    // Moving the slider replaces the entry (Back skips it).
    page.eval::<Option<bool>>("(() => { const s = document.querySelector('.year-slider'); s.value = '2000'; s.dispatchEvent(new Event('input', { bubbles: true })); return null; })()")?;
    page.wait_for("location.search.includes('year=2000')", QUICK)?;
    page.eval::<Option<bool>>("(() => { history.back(); return null; })()")?;
    page.wait_for(
        "document.querySelector('.details[data-selection=\"association:VUT\"]') !== null",
        QUICK,
    )
    .map_err(|e| {
        format!(
            "Back did not return to VUT (URL now {:?}): {e}",
            search(page).unwrap_or_default()
        )
    })?;
    page.eval::<Option<bool>>("(() => { history.back(); return null; })()")?;
    page.wait_for("document.querySelector('.details') === null", QUICK)?;
    let errors = page.console_errors()?;
    check(errors.is_empty(), || format!("errors: {errors:?}"))
}

pub fn malformed_urls_are_ignored_with_a_warning(
    page: &mut Page,
    expected: &Expected,
) -> Result<()> {
    let long = "x".repeat(5000);
    page.open_app_at(&format!(
        "/?year=99999&select=%3Cscript%3Ealert(1)%3C%2Fscript%3E&zoom=NaN&view=nope&at=1,2,3&colour={long}&%FF%FE=1"
    ))?;
    let errors = page.console_errors()?;
    check(errors.is_empty(), || format!("errors: {errors:?}"))?;
    let warnings = page.console_warnings()?;
    for key in ["year", "select", "zoom", "view", "colour"] {
        check(
            warnings.iter().any(|w| w.contains(&format!("{key}="))),
            || format!("no console warning about {key}: {warnings:?}"),
        )?;
    }
    // The app is whole and at its start view.
    let figures: String =
        page.eval("document.querySelector('[data-figure=associations]').textContent")?;
    check(figures.trim() == expected.associations.to_string(), || {
        format!("headline {figures}")
    })?;
    let details: bool = page.eval("document.querySelector('.details') === null")?;
    check(details, || "a bad select= selected something".into())
}

fn host_frame(id: &str) -> String {
    format!("document.getElementById('{id}')")
}

/// Opens the example host page (with `query`) and waits until both maps said they were ready.
pub fn open_host(page: &mut Page, query: &str) -> Result<()> {
    page.goto(&format!("/examples/host/index.html{query}"))?;
    page.wait_for(
        "window.hostEvents && ['phone', 'desktop'].every((f) => hostEvents.some((e) => e.frame === f && e.data && e.data.type === 'ready'))",
        FRAMES_READY,
    )
}

pub fn host_frames_follow_the_content_height(page: &mut Page, _: &Expected) -> Result<()> {
    open_host(page, "")?;
    for id in ["phone", "desktop"] {
        let frame = host_frame(id);
        // The frame's height equals the app's content: no inner scroll bar, nothing cut.
        let fits = format!(
            "(() => {{ const f = {frame}; const d = f.contentDocument.documentElement; \
             return f.clientHeight > 300 && Math.abs(f.clientHeight - d.scrollHeight) <= 2; }})()"
        );
        page.wait_for(&fits, QUICK).map_err(|e| {
            let got: String = page
                .eval(&format!("(() => {{ const f = {frame}; const d = f.contentDocument; const q = (s) => {{ const r = d.querySelector(s).getBoundingClientRect(); return s + ' ' + Math.round(r.top) + '+' + Math.round(r.height); }}; return f.clientHeight + ' vs content ' + d.documentElement.scrollHeight + ' class ' + d.documentElement.className + ' ' + ['html', 'body', '.app', '.app-header', '.app-main', '.view-main', '.map-stage', '.map-frame', '.side', '.app-footer'].map(q).join('; '); }})()"))
                .unwrap_or_default();
            format!("the {id} frame does not fit its content ({got}): {e}")
        })?;
        // Datawrapper's format arrives too.
        let datawrapper: bool = page.eval(&format!(
            "hostEvents.some((e) => e.frame === '{id}' && e.data && e.data['datawrapper-height'] && e.data['datawrapper-height']['{id}'] > 0)"
        ))?;
        check(datawrapper, || {
            format!("no datawrapper-height message from the {id} frame")
        })?;
    }
    // When the content grows (details open on the phone), the frame follows.
    let before: f64 = page.eval(&format!("{}.clientHeight", host_frame("phone")))?;
    page.eval::<Option<bool>>("(() => { hostSend('phone', { 'impala-map': 1, type: 'select', association: 'VUT' }); return null; })()")?;
    page.wait_for(
        &format!(
            "(() => {{ const f = {}; const d = f.contentDocument.documentElement; \
             return f.clientHeight > {before} + 50 && Math.abs(f.clientHeight - d.scrollHeight) <= 2; }})()",
            host_frame("phone")
        ),
        QUICK,
    )?;
    page.screenshot_named("host-page")?;
    let errors = page.console_errors()?;
    check(errors.is_empty(), || {
        format!("errors on the host page: {errors:?}")
    })?;
    let frame_errors: Vec<String> = page.eval(&format!(
        "{}.contentWindow.__e2e.errors.concat({}.contentWindow.__e2e.errors)",
        host_frame("phone"),
        host_frame("desktop")
    ))?;
    check(frame_errors.is_empty(), || {
        format!("errors in the frames (the server's CSP applies): {frame_errors:?}")
    })
}

pub fn host_drives_the_app_by_messages(page: &mut Page, _: &Expected) -> Result<()> {
    open_host(page, "")?;
    let app = |js: &str| format!("{}.contentDocument.{js}", host_frame("desktop"));
    let send = |page: &Page, message: &str| -> Result<()> {
        page.eval::<Option<bool>>(&format!(
            "(() => {{ hostSend('desktop', {message}); return null; }})()"
        ))
        .map(drop)
    };
    send(
        page,
        "{ 'impala-map': 1, type: 'select', association: 'RUNDA' }",
    )?;
    page.wait_for(
        &format!(
            "{} !== null",
            app("querySelector('.details[data-selection=\"association:RUNDA\"]')")
        ),
        QUICK,
    )?;
    page.wait_for(
        "hostEvents.some((e) => e.frame === 'desktop' && e.data.type === 'selection-changed' && e.data.selection && e.data.selection.association === 'RUNDA')",
        QUICK,
    )?;
    send(page, "{ 'impala-map': 1, type: 'set-year', year: 2003 }")?;
    let t = totals(dataset(), 2003);
    page.wait_for(
        &format!("hostEvents.some((e) => e.frame === 'desktop' && e.data.type === 'year-changed' && e.data.year === 2003 && e.data.associations === {} && e.data.countries === {})", t.associations, t.countries),
        QUICK,
    )?;
    send(
        page,
        "{ 'impala-map': 1, type: 'set-theme', theme: 'dark' }",
    )?;
    page.wait_for(
        &format!(
            "{} === 'dark'",
            app("querySelector('.app').getAttribute('data-theme')")
        ),
        QUICK,
    )?;
    send(page, "{ 'impala-map': 1, type: 'set-lang', lang: 'fr' }")?;
    page.wait_for(
        &format!(
            "{} === 'fr' && {} === {:?}",
            app("documentElement.lang"),
            app("querySelector('h1').textContent"),
            Lang::from_code("fr")
                .ok_or("French is listed")?
                .strings()
                .title()
        ),
        QUICK,
    )?;
    send(page, "{ 'impala-map': 1, type: 'reset' }")?;
    page.wait_for(
        &format!("{} === null", app("querySelector('.details')")),
        QUICK,
    )?;
    let lang: String = page.eval(&app("documentElement.lang"))?;
    check(lang == "fr", || {
        format!("after a reset the frame speaks {lang:?}, not the host's French")
    })?;
    let accepted: String = page.eval(&app(
        "querySelector('.app').getAttribute('data-messages-accepted')",
    ))?;
    check(accepted == "5", || {
        format!("accepted {accepted} messages, expected 5")
    })
}

pub fn host_messages_that_are_bad_or_foreign_are_ignored(
    page: &mut Page,
    _: &Expected,
) -> Result<()> {
    open_host(page, "")?;
    let app = |js: &str| format!("{}.contentDocument.{js}", host_frame("desktop"));
    let bad = [
        "'select VUT'",
        "42",
        "null",
        "[1, 2, 3]",
        "{ type: 'select', association: 'VUT' }",
        "{ 'impala-map': 2, type: 'select', association: 'VUT' }",
        "{ 'impala-map': 1, type: 'explode' }",
        "{ 'impala-map': 1, type: 'set-year', year: 99999 }",
        "{ 'impala-map': 1, type: 'set-year', year: 'abc' }",
        "{ 'impala-map': 1, type: 'set-year', year: 2003.5 }",
        // Garbage nested 2,000 levels deep, where the year should be: never looked into.
        "{ 'impala-map': 1, type: 'set-year', year: Array.from({ length: 1000 }).reduce((v) => ({ x: [v] }), 0) }",
        // A structured clone keeps a Map, but a Map's entries are not an object's fields.
        "new Map([['impala-map', 1], ['type', 'play']])",
        "{ 'impala-map': 1, type: 'set-lang', lang: 'klingon' }",
        "{ 'impala-map': 1, type: 'select', association: 'NOPE' }",
        "{ 'impala-map': 1, type: 'select', association: 'x'.repeat(10000) }",
        "{ 'impala-map': 1, type: 'select', association: '<img src=x onerror=alert(1)>' }",
    ];
    for message in bad {
        page.eval::<Option<bool>>(&format!(
            "(() => {{ hostSend('desktop', {message}); return null; }})()"
        ))?;
    }
    page.wait_for(
        &format!(
            "{} === '{}'",
            app("querySelector('.app').getAttribute('data-messages-rejected-invalid')"),
            bad.len()
        ),
        QUICK,
    )
    .map_err(|e| format!("not every bad message was counted: {e}"))?;
    // Still working: a good message is obeyed.
    page.eval::<Option<bool>>("(() => { hostSend('desktop', { 'impala-map': 1, type: 'select', country: 'FR' }); return null; })()")?;
    page.wait_for(
        &format!(
            "{} !== null",
            app("querySelector('.details[data-selection=\"country:FR\"]')")
        ),
        QUICK,
    )?;
    // Foreign: the map's URL narrows the allowlist to another origin; this page is then not obeyed.
    open_host(
        page,
        "?app=%2F%3Forigins%3Dhttps%3A%2F%2Fwww.impalamusic.org",
    )?;
    page.eval::<Option<bool>>("(() => { hostSend('desktop', { 'impala-map': 1, type: 'select', association: 'VUT' }); return null; })()")?;
    page.wait_for(
        &format!(
            "{} === '1'",
            app("querySelector('.app').getAttribute('data-messages-rejected-origin')")
        ),
        QUICK,
    )?;
    let selected: bool = page.eval(&format!("{} === null", app("querySelector('.details')")))?;
    check(selected, || {
        "a message from an origin outside the allowlist was obeyed".into()
    })?;
    let errors: Vec<String> = page.eval(&format!(
        "{}.contentWindow.__e2e.errors",
        host_frame("desktop")
    ))?;
    check(errors.is_empty(), || {
        format!("errors in the frame: {errors:?}")
    })
}

pub fn works_in_a_sandboxed_frame(page: &mut Page, _: &Expected) -> Result<()> {
    if let Err(e) = open_host(page, "?sandbox=1") {
        let inside: Result<Vec<String>> = page.eval_in_frame(
            "#phone",
            "[String(location.href), document.readyState, String(document.documentElement.outerHTML.length), String(document.scripts.length), window.__e2e ? JSON.stringify(window.__e2e) : 'no recorder']",
        );
        return Err(format!("{e}; inside the sandboxed frame: {inside:?}"));
    }
    page.wait_for(
        "['phone', 'desktop'].every((f) => hostEvents.some((e) => e.frame === f && e.data && e.data.type === 'height' && e.data.height > 300))",
        QUICK,
    )?;
    let sizes: Vec<f64> =
        page.eval("['phone', 'desktop'].map((id) => document.getElementById(id).clientHeight)")?;
    check(sizes.iter().all(|h| *h > 300.0), || {
        format!("sandboxed frames sized {sizes:?}")
    })?;
    // The top window was never navigated.
    let path: String = page.eval("location.pathname")?;
    check(path == "/examples/host/index.html", || {
        format!("the host page navigated to {path}")
    })
}

pub fn embed_dialog_gives_the_snippet_for_this_view(page: &mut Page, _: &Expected) -> Result<()> {
    page.open_app_at("/?view=timeline&select=RUNDA")?;
    page.click(".embed-button")?;
    page.wait_for("document.querySelector('dialog.embed-dialog').open && document.querySelector('#embed-snippet') !== null", QUICK)?;
    let snippet: String = page.eval("document.querySelector('#embed-snippet').value")?;
    let origin: String = page.eval("location.origin")?;
    for part in [
        format!("<iframe src=\"{origin}/?view=timeline&amp;select=RUNDA\""),
        format!("<script src=\"{origin}/impala-map-embed.js\" async></script>"),
    ] {
        check(snippet.contains(&part), || {
            format!("the snippet lacks {part:?}: {snippet:?}")
        })?;
    }
    // The preview shows the same view; the width switch makes it a phone's.
    page.wait_for("(() => { const f = document.querySelector('.embed-preview-frame'); return f.contentDocument && f.contentDocument.querySelector('.details[data-selection=\"association:RUNDA\"]') !== null; })()", FRAMES_READY)?;
    page.click("[data-width=phone]")?;
    page.wait_for(
        "document.querySelector('.embed-preview-frame').getBoundingClientRect().width <= 361",
        QUICK,
    )?;
    page.screenshot_named("embed-dialog")?;
    let violations = page.axe_violations()?;
    check(violations.is_empty(), || {
        format!("axe with the dialog open:\n  {}", violations.join("\n  "))
    })?;
    page.click(".embed-close")?;
    page.wait_for("!document.querySelector('dialog.embed-dialog').open", QUICK)?;
    // From the French page, the snippet points at the French page and titles the frame in
    // French; the helper script is the app folder's.
    page.open_app_at("/fr/?view=timeline&select=RUNDA")?;
    page.wait_for("document.documentElement.lang === 'fr'", QUICK)?;
    page.click(".embed-button")?;
    page.wait_for("document.querySelector('dialog.embed-dialog').open", QUICK)?;
    let snippet: String = page.eval("document.querySelector('#embed-snippet').value")?;
    let french = impala_map::i18n::Lang::from_code("fr").ok_or("French is listed")?;
    for part in [
        format!("<iframe src=\"{origin}/fr/?view=timeline&amp;select=RUNDA\""),
        format!(
            "title=\"{}\"",
            impala_map::format::escape_markup(french.strings().title())
        ),
        format!("<script src=\"{origin}/impala-map-embed.js\" async></script>"),
    ] {
        check(snippet.contains(&part), || {
            format!("the French snippet lacks {part:?}: {snippet:?}")
        })?;
    }
    // The preview has loaded the French page before the dialog closes (closing a dialog whose
    // frames are still loading once left WebKitGTK's driver hanging).
    page.wait_for("(() => { const f = document.querySelector('.embed-preview-frame'); return f.contentDocument && f.contentDocument.documentElement.lang === 'fr' && f.contentDocument.querySelector('[data-app-ready]') !== null; })()", FRAMES_READY)?;
    page.click(".embed-close")?;
    page.wait_for("!document.querySelector('dialog.embed-dialog').open", QUICK)?;
    let errors = page.console_errors()?;
    check(errors.is_empty(), || format!("errors: {errors:?}"))
}
