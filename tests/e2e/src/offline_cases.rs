//! Offline use (issue 6, first part): the app asks the network for nothing but its own files
//! (in Chromium every other address is blocked outright: `--host-resolver-rules` in
//! engines.rs), and the single self-contained file (`scripts/single-file`) works from `file://`.

use std::time::{Duration, Instant};

use crate::cases::{check, Expected, QUICK};
use crate::embed_cases::open_host;
use crate::page::Page;
use crate::server::single_file;
use crate::Result;

/// Every resource the page loaded (Resource Timing), and every script, style, image and frame
/// address in the document, must be the page's own.
const FOREIGN_REQUESTS: &str = "(() => { const own = location.origin; \
    const loaded = performance.getEntriesByType('resource').map((e) => e.name); \
    const named = Array.from(document.querySelectorAll('[src], link[href]'), (e) => e.src || e.href); \
    return loaded.concat(named).filter((url) => url && !url.startsWith(own + '/') && !url.startsWith('data:') && !url.startsWith('blob:')); })()";

pub fn requests_nothing_but_its_own_files(page: &mut Page, _: &Expected) -> Result<()> {
    page.open_app()?;
    // Use it: select, switch views, open the timeline and the embed dialog, play a little.
    page.click_on("svg.europe-map path.country.member[data-country=\"DE\"]")?;
    page.wait_for("document.querySelector('.details') !== null", QUICK)?;
    for view in ["timeline", "table", "map"] {
        page.switch_view(view)?;
    }
    let foreign: Vec<String> = page.eval(FOREIGN_REQUESTS)?;
    check(foreign.is_empty(), || {
        format!("the app asked for other addresses: {foreign:?}")
    })?;
    let errors = page.console_errors()?;
    check(errors.is_empty(), || format!("errors: {errors:?}"))
}

pub fn single_file_works_from_file_url(page: &mut Page, expected: &Expected) -> Result<()> {
    let file = single_file();
    check(file.is_file(), || {
        format!("{} is missing: run scripts/single-file", file.display())
    })?;
    page.open_app_file(&file)
        .map_err(|e| format!("the single file did not start from file://: {e}"))?;
    page.check_member_count(expected.countries, "by the single file")?;
    let scripts: Vec<String> = page.eval(
        "Array.from(document.querySelectorAll('script[src], link[href]'), (e) => e.src || e.href)",
    )?;
    check(scripts.is_empty(), || {
        format!("the single file still refers to files: {scripts:?}")
    })?;
    // It works: select a country.
    page.click_on("svg.europe-map path.country.member[data-country=\"RS\"]")?;
    page.wait_for(
        "document.querySelector('.details[data-selection=\"association:RUNDA\"]') !== null",
        QUICK,
    )?;
    page.screenshot_named("single-file")?;
    // Every language is inside it: Polish, with no network and no other file.
    page.choose_option(".lang-select", "pl")?;
    page.wait_for("document.documentElement.lang === 'pl'", QUICK)?;
    let polish = impala_map::i18n::Lang::from_code("pl").ok_or("Polish is listed")?;
    let heading = page.text("h1")?;
    check(heading == polish.strings().title(), || {
        format!("the single file in Polish shows {heading:?}")
    })
}

pub fn single_file_works_in_a_sandboxed_frame(page: &mut Page, expected: &Expected) -> Result<()> {
    check(single_file().is_file(), || {
        "the single file is missing: run scripts/single-file".into()
    })?;
    // The example host page, both frames `sandbox="allow-scripts"` (an opaque origin: no
    // storage, no same-origin access), pointing at the single file served as a partner would.
    if let Err(e) = open_host(page, "?sandbox=1&app=/__single/impala-map.html") {
        let inside: Result<Vec<String>> = page.eval_in_frame(
            "#desktop",
            "[String(location.href), document.readyState, String(document.documentElement.outerHTML.length), String(document.querySelector('[data-app-ready]') !== null)]",
        );
        return Err(format!("{e}; inside the sandboxed frame: {inside:?}"));
    }
    let members: usize = page.eval_in_frame(
        "#desktop",
        "document.querySelectorAll('svg.europe-map path.country.member').length",
    )?;
    check(members == expected.countries, || {
        format!(
            "{members} member countries drawn in the sandboxed single file, expected {}",
            expected.countries
        )
    })?;
    // It works inside: a click selects, and the frame tells the host.
    page.eval_in_frame::<Option<bool>>(
        "#desktop",
        "(() => { document.querySelector('svg.europe-map path.country.member[data-country=\"RS\"]').dispatchEvent(new MouseEvent('click', { bubbles: true })); return null; })()",
    )?;
    page.wait_for(
        "hostEvents.some((e) => e.frame === 'desktop' && e.data && e.data.type === 'selection-changed' && JSON.stringify(e.data).includes('RUNDA'))",
        QUICK,
    )
    .map_err(|e| {
        let events: String = page
            .eval("JSON.stringify(hostEvents.map((e) => e.data && e.data.type))")
            .unwrap_or_default();
        format!("the sandboxed single file did not report the selection (events {events}): {e}")
    })?;
    let shown: bool = page.eval_in_frame(
        "#desktop",
        "document.querySelector('.details[data-selection=\"association:RUNDA\"]') !== null",
    )?;
    check(shown, || {
        "the sandboxed single file did not show RUNDA's details".into()
    })?;
    let heights: Vec<f64> =
        page.eval("['phone', 'desktop'].map((id) => document.getElementById(id).clientHeight)")?;
    check(heights.iter().all(|h| *h > 300.0), || {
        format!("sandboxed single-file frames sized {heights:?}")
    })?;
    page.screenshot_named("single-file-sandboxed")?;
    Ok(())
}

pub fn kiosk_mode_has_no_way_out(page: &mut Page, _: &Expected) -> Result<()> {
    page.open_app_at("/?kiosk=1")?;
    page.click_on("svg.europe-map path.country.member[data-country=\"DE\"]")?;
    page.wait_for("document.querySelector('.details') !== null", QUICK)?;
    // No link leaves the app: the website and the sources are text.
    let outbound: Vec<String> = page.eval(
        "Array.from(document.querySelectorAll('a[href]'), (a) => a.href).filter((h) => !h.startsWith(location.origin + '/'))",
    )?;
    check(outbound.is_empty(), || {
        format!("kiosk mode shows links out of the app: {outbound:?}")
    })?;
    let website: String = page.eval("document.querySelector('.details .address').textContent")?;
    check(website.contains("vut.de"), || {
        format!("the website reads {website:?}")
    })?;
    // Beside it, a QR code that a phone's camera reads as the website's address.
    let address = impala_map::data::dataset()
        .associations
        .iter()
        .find(|a| &*a.acronym == "VUT")
        .and_then(|a| a.website.as_deref())
        .ok_or("VUT has no website in the data")?;
    let read = page.read_qr_code(".details .qr-code")?;
    check(read == address, || {
        format!("the QR code reads {read:?}, not {address:?}")
    })?;
    page.screenshot_named("kiosk-details")?;
    // No context menu, no text selection.
    let menu_blocked: bool = page.eval(
        "!document.querySelector('.details').dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true }))",
    )?;
    check(menu_blocked, || {
        "the context menu is not blocked in kiosk mode".into()
    })?;
    // On the app's root (its children's computed value stays `auto` in Firefox, which then
    // behaves as `none` under a `none` parent).
    let select: String = page.eval("(() => { const s = getComputedStyle(document.querySelector('.app')); return s.userSelect || s.webkitUserSelect; })()")?;
    check(select == "none", || {
        format!("text can be selected in kiosk mode (user-select: {select})")
    })?;
    // Outside kiosk mode the website is a link (so the test above can fail).
    page.open_app()?;
    page.click_on("svg.europe-map path.country.member[data-country=\"DE\"]")?;
    page.wait_for(
        "document.querySelector('.details a[href*=\"vut.de\"]') !== null",
        QUICK,
    )
}

pub fn kiosk_idle_attract_touch_and_reset(page: &mut Page, _: &Expected) -> Result<()> {
    // Accelerated: the attract loop after 1 s idle, the countdown after 4 s.
    page.open_app_at("/?kiosk=1&idle=1&reset=4")?;
    let history_at_start: u32 = page.eval("history.length")?;
    let phase = |p: &str| {
        format!("document.querySelector('.app').getAttribute('data-kiosk-phase') === '{p}'")
    };
    page.wait_for(&phase("attract"), QUICK)
        .map_err(|e| format!("no attract loop after 1 s idle: {e}"))?;
    page.wait_for("document.querySelector('.kiosk-attract') !== null", QUICK)?;
    // The loop moves: the years play or an association is shown.
    page.wait_for(
        "document.querySelector('.year-play').getAttribute('data-playing') === 'true' || document.querySelector('.details') !== null",
        QUICK,
    )?;
    page.screenshot_named("kiosk-attract")?;
    // A touch returns to the app at once.
    page.eval::<Option<bool>>("(() => { document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, pointerType: 'touch' })); return null; })()")?;
    page.wait_for(&format!("{} && document.querySelector('.kiosk-attract') === null && document.querySelector('.year-play').getAttribute('data-playing') === 'false'", phase("active")), QUICK)?;
    // A visitor taps Italy (sent from the page, the same in every engine), then switches to
    // German. A finger does not hover, so the tap shows the tooltip, and it stays when the finger
    // lifts.
    page.eval::<Option<bool>>(&crate::map_cases::tap_js(
        "svg.europe-map path.country.member[data-country=\"IT\"]",
    ))?;
    page.choose_option(".lang-select", "de")?;
    page.wait_for("document.documentElement.lang === 'de'", QUICK)?;
    page.wait_for(
        "document.querySelector('.map-tooltip[data-country=\"IT\"]') !== null",
        QUICK,
    )
    .map_err(|e| {
        let seen: String = page
            .eval("[document.querySelector('.app').getAttribute('data-kiosk-phase'), String(document.querySelector('.details') && document.querySelector('.details').getAttribute('data-selection')), document.querySelector('svg.map-hover').innerHTML.length, String(document.querySelector('.map-tooltip') && document.querySelector('.map-tooltip').outerHTML.slice(0, 80)), document.querySelector('svg.europe-map').getAttribute('viewBox')].join(' | ')")
            .unwrap_or_default();
        format!("{e}; on the page: {seen}")
    })?;
    // Left alone, the countdown comes (in German), then the reset to the home view, in the
    // kiosk's own language again.
    page.wait_for(&phase("countdown"), Duration::from_secs(10))
        .map_err(|e| format!("no countdown after 4 s idle: {e}"))?;
    let text = page.text(".kiosk-countdown")?;
    let still_there = impala_map::i18n::Lang::from_code("de")
        .unwrap()
        .strings()
        .kiosk_still_there();
    check(text.contains(still_there), || {
        format!("the countdown says {text:?}, not {still_there:?}")
    })?;
    page.screenshot_named("kiosk-countdown")?;
    page.wait_for(&phase("active"), QUICK)?;
    page.wait_for("document.querySelector('.details') === null", QUICK)?;
    // The reset leaves nothing of the visit: no tooltip, no outline of what was tapped.
    page.wait_for(
        "document.querySelector('.map-tooltip') === null && document.querySelector('svg.map-hover path') === null",
        QUICK,
    )
    .map_err(|e| format!("the reset left the visitor's tooltip or outline: {e}"))?;
    page.wait_for("document.documentElement.lang === 'en'", QUICK)
        .map_err(|e| format!("the reset kept the visitor's language: {e}"))?;
    let (_, last) = impala_map::state::year_range();
    page.wait_for(
        &format!("document.querySelector('.year-totals').getAttribute('data-year') === '{last}'"),
        QUICK,
    )?;
    // The loop's selections never pile up history entries.
    let history_now: u32 = page.eval("history.length")?;
    check(history_now == history_at_start, || {
        format!("history grew from {history_at_start} to {history_now} in kiosk mode")
    })?;
    let errors = page.console_errors()?;
    check(errors.is_empty(), || format!("errors: {errors:?}"))
}

/// How many attract loops the long run plays (at `clock=10000`, a loop of the default times is
/// about 2½ minutes of kiosk time: 2,000 loops are about 3½ days).
const LONG_RUN_CYCLES: u32 = 2_000;
/// Loops played before the first measurement, so that everything the loop uses exists.
const WARM_UP_CYCLES: u32 = 50;

/// The smallest of five measurements a few hundred milliseconds apart: the loop keeps running,
/// and what it shows at the moment (a country's details, the years playing) adds a few tens of
/// kilobytes that are not a leak; a leak would show in every measurement.
fn settled_memory(page: &Page) -> Result<crate::page::Memory> {
    let mut best = page.memory()?;
    for _ in 0..4 {
        std::thread::sleep(Duration::from_millis(300));
        let next = page.memory()?;
        if next.total() < best.total() {
            best = next;
        }
    }
    Ok(best)
}

/// Runs for days (Chromium only: the memory figures come from the DevTools protocol). The attract
/// loop, on a clock 10,000 times faster than real time, plays thousands of loops; memory (JS heap
/// plus wasm, after garbage collection) grows by under 1 %, the DOM keeps its size and listeners,
/// and the loop never stalls: every sample, a few seconds apart, finds it further on.
pub fn kiosk_runs_for_days_with_flat_memory(page: &mut Page, _: &Expected) -> Result<()> {
    page.open_app_at("/?kiosk=1&clock=10000")?;
    let cycles = |page: &Page| -> Result<u32> {
        let text: String =
            page.eval("document.querySelector('.app').getAttribute('data-kiosk-cycles') || '0'")?;
        text.parse()
            .map_err(|e| format!("data-kiosk-cycles {text:?}: {e}"))
    };
    page.wait_for(
        &format!("Number(document.querySelector('.app').getAttribute('data-kiosk-cycles')) >= {WARM_UP_CYCLES}"),
        Duration::from_secs(60),
    )
    .map_err(|e| format!("the attract loop did not get going: {e}"))?;
    let before = settled_memory(page)?;
    let first = cycles(page)?;
    let started = Instant::now();
    let mut last = first;
    let mut slowest = f64::INFINITY;
    while last < first + LONG_RUN_CYCLES {
        // Every sample must find the loop further on: it never stalls.
        let sample = Instant::now();
        std::thread::sleep(Duration::from_secs(3));
        let now = cycles(page)?;
        let rate = f64::from(now.saturating_sub(last)) / sample.elapsed().as_secs_f64();
        check(now > last, || {
            format!(
                "the attract loop stalled at loop {now} after {:.0} s",
                started.elapsed().as_secs_f64()
            )
        })?;
        slowest = slowest.min(rate);
        last = now;
        check(started.elapsed() < Duration::from_secs(600), || {
            format!("only {} loops in 10 minutes", last - first)
        })?;
    }
    let seconds = started.elapsed().as_secs_f64();
    let after = settled_memory(page)?;
    let growth = (after.total() - before.total()) / before.total();
    let mb = |b: f64| b / 1_048_576.0;
    page.note(&format!(
        "long run: {} attract loops in {seconds:.0} s (slowest {slowest:.1} loops/s); \
         JS heap {:.2} -> {:.2} MB, wasm {:.2} -> {:.2} MB, total growth {:+.3} %; \
         DOM nodes {} -> {}, listeners {} -> {}",
        last - first,
        mb(before.js_heap),
        mb(after.js_heap),
        mb(before.wasm),
        mb(after.wasm),
        growth * 100.0,
        before.nodes,
        after.nodes,
        before.listeners,
        after.listeners,
    ));
    check(growth < 0.01, || {
        format!(
            "memory grew by {:.2} % over {} loops: {before:?} -> {after:?}",
            growth * 100.0,
            last - first
        )
    })?;
    check(after.listeners <= before.listeners * 1.01 + 5.0, || {
        format!(
            "event listeners grew from {} to {}",
            before.listeners, after.listeners
        )
    })?;
    check(after.nodes <= before.nodes * 1.05 + 50.0, || {
        format!("DOM nodes grew from {} to {}", before.nodes, after.nodes)
    })?;
    let errors = page.console_errors()?;
    check(errors.is_empty(), || format!("errors: {errors:?}"))
}

/// Kiosk screens: 1080p and 4K, landscape, touch. The app fills the screen without scrolling,
/// the map takes most of it, text is large enough to read from a step away, and every control is
/// a large target, the same on both screens (a 4K panel is the same size, with finer pixels).
pub fn kiosk_fills_1080p_and_4k_screens(page: &mut Page, _: &Expected) -> Result<()> {
    for (width, height) in [(1920, 1080), (3840, 2160)] {
        page.set_viewport(width, height)?;
        page.goto("/?kiosk=1&select=VUT")?;
        page.wait_for(
            "document.querySelector('[data-app-ready]') !== null && document.querySelector('.details .qr-code') !== null",
            Duration::from_secs(30),
        )?;
        page.screenshot_named(&format!("kiosk-{width}x{height}"))?;
        let scale = f64::from(width) / 1920.0;
        // No scrolling page; the map takes (nearly) the whole height.
        let (page_height, map_width, map_height): (f64, f64, f64) = page.eval(
            "(() => { const r = document.querySelector('svg.europe-map').getBoundingClientRect(); \
             return [document.documentElement.scrollHeight, r.width, r.height]; })()",
        )?;
        check(page_height <= f64::from(height) + 1.0, || {
            format!("at {width}x{height} the page is {page_height} px tall: it scrolls")
        })?;
        check(map_height >= 0.75 * f64::from(height), || {
            format!("at {width}x{height} the map is only {map_width:.0}x{map_height:.0}")
        })?;
        // The selection's details come first in the side column, in view.
        let details_top: f64 =
            page.eval("document.querySelector('.details').getBoundingClientRect().top")?;
        check(details_top < 0.6 * f64::from(height), || {
            format!("at {width}x{height} the details start {details_top:.0} px down")
        })?;
        // Body text and controls, in 1080p pixels: text at least 20 px, targets at least 56 px.
        let text: f64 = page.eval(
            "parseFloat(getComputedStyle(document.querySelector('.details-description')).fontSize)",
        )?;
        check(text / scale >= 20.0, || {
            format!("at {width}x{height} the details' text is {text} px")
        })?;
        let smallest: f64 = page.eval(
            "Math.min(...Array.from(document.querySelectorAll('.app button'), (b) => { \
             const r = b.getBoundingClientRect(); return r.width > 0 ? Math.min(r.width, r.height) : Infinity; }))",
        )?;
        check(smallest / scale >= 56.0, || {
            let which: String = page
                .eval(&format!("Array.from(document.querySelectorAll('.app button')).filter((b) => {{ const r = b.getBoundingClientRect(); return r.width > 0 && Math.min(r.width, r.height) < {} ; }}).map((b) => b.className + ' ' + b.textContent.trim().slice(0, 20)).join('; ')", 56.0 * scale))
                .unwrap_or_default();
            format!("at {width}x{height} a button is only {smallest} px: {which}")
        })?;
        if let Some(overflow) = page.overflow()? {
            return Err(format!("at {width}x{height}: {overflow}"));
        }
    }
    let errors = page.console_errors()?;
    check(errors.is_empty(), || format!("errors: {errors:?}"))
}
