//! The test cases. Each runs once per selected engine as
//! `<engine>::<name>`. To add one: write a `fn(&mut Page, &Expected) ->
//! Result<()>` that starts with `page.open_app()?`, and list it in [`CASES`].

use std::collections::BTreeSet;

use serde::Deserialize;

use crate::embed_cases;
use crate::engines::{EngineKind, HEIGHT, WIDTH};
use crate::export_cases;
use crate::first_view_cases;
use crate::language_cases;
use crate::map_cases;
use crate::offline_cases;
use crate::page::{keys, Page};
use crate::print_cases;
use crate::theme_cases;
use crate::timeline_cases;
use crate::Result;

pub type CaseFn = fn(&mut Page, &Expected) -> Result<()>;

/// How long a reaction of the app (a re-render after an event) may take.
pub const QUICK: std::time::Duration = std::time::Duration::from_secs(5);

/// `Ok` when `ok`, else the message (built only then).
pub fn check(ok: bool, message: impl FnOnce() -> String) -> Result<()> {
    if ok {
        Ok(())
    } else {
        Err(message())
    }
}

/// Cases that run in Chromium only: they need the DevTools protocol.
pub const CHROMIUM_CASES: &[(&str, CaseFn)] = &[
    (
        "kiosk_runs_for_days_with_flat_memory",
        offline_cases::kiosk_runs_for_days_with_flat_memory,
    ),
    (
        "auto_theme_follows_the_system",
        theme_cases::auto_theme_follows_the_system,
    ),
    (
        "browser_language_chooses_the_interface",
        language_cases::browser_language_chooses_the_interface,
    ),
];

pub const CASES: &[(&str, CaseFn)] = &[
    (
        "a_language_that_cannot_load_leaves_the_page_as_it_was",
        language_cases::a_language_that_cannot_load_leaves_the_page_as_it_was,
    ),
    (
        "every_word_in_the_readers_language",
        language_cases::every_word_in_the_readers_language,
    ),
    (
        "the_page_carries_its_words_and_the_wasm_none",
        language_cases::the_page_carries_its_words_and_the_wasm_none,
    ),
    ("loads_without_console_errors", loads_without_console_errors),
    ("one_shape_per_member_country", one_shape_per_member_country),
    ("headline_figures", headline_figures),
    ("lists_every_association_once", lists_every_association_once),
    // The interactive map (issue 3), in map_cases.rs.
    (
        "hover_shows_the_tooltip",
        map_cases::hover_shows_the_tooltip,
    ),
    (
        "the_first_hover_is_prepared_unseen",
        map_cases::the_first_hover_is_prepared_unseen,
    ),
    (
        "click_selects_vut_with_its_details",
        map_cases::click_selects_vut_with_its_details,
    ),
    (
        "runda_highlights_its_eight_countries",
        map_cases::runda_highlights_its_eight_countries,
    ),
    (
        "france_offers_both_associations",
        map_cases::france_offers_both_associations,
    ),
    (
        "keyboard_reaches_and_selects_countries",
        map_cases::keyboard_reaches_and_selects_countries,
    ),
    (
        "zoom_in_out_reset_and_pan",
        map_cases::zoom_in_out_reset_and_pan,
    ),
    (
        "citations_are_numbered_in_reading_order",
        map_cases::citations_are_numbered_in_reading_order,
    ),
    (
        "the_language_is_a_few_tabs_from_the_search",
        map_cases::the_language_is_a_few_tabs_from_the_search,
    ),
    ("colouring_by_period", map_cases::colouring_by_period),
    (
        "tap_selects_and_shows_the_tooltip",
        map_cases::tap_selects_and_shows_the_tooltip,
    ),
    ("pinch_zooms_in", map_cases::pinch_zooms_in),
    // The timeline and the year slider (issue 4), in timeline_cases.rs.
    (
        "dragging_the_slider_fades_the_future",
        timeline_cases::dragging_the_slider_fades_the_future,
    ),
    (
        "keyboard_moves_the_slider",
        timeline_cases::keyboard_moves_the_slider,
    ),
    ("play_then_pause", timeline_cases::play_then_pause),
    (
        "reduced_motion_steps_without_animation",
        timeline_cases::reduced_motion_steps_without_animation,
    ),
    (
        "timeline_marks_and_linking",
        timeline_cases::timeline_marks_and_linking,
    ),
    ("timeline_on_a_phone", timeline_cases::timeline_on_a_phone),
    // Embedding and shareable state (issue 5), in embed_cases.rs.
    ("url_restores_the_view", embed_cases::url_restores_the_view),
    (
        "selections_push_history_and_back_restores",
        embed_cases::selections_push_history_and_back_restores,
    ),
    (
        "malformed_urls_are_ignored_with_a_warning",
        embed_cases::malformed_urls_are_ignored_with_a_warning,
    ),
    (
        "host_frames_follow_the_content_height",
        embed_cases::host_frames_follow_the_content_height,
    ),
    (
        "host_drives_the_app_by_messages",
        embed_cases::host_drives_the_app_by_messages,
    ),
    (
        "host_messages_that_are_bad_or_foreign_are_ignored",
        embed_cases::host_messages_that_are_bad_or_foreign_are_ignored,
    ),
    (
        "works_in_a_sandboxed_frame",
        embed_cases::works_in_a_sandboxed_frame,
    ),
    (
        "embed_dialog_gives_the_snippet_for_this_view",
        embed_cases::embed_dialog_gives_the_snippet_for_this_view,
    ),
    // Offline (issue 6, first part), in offline_cases.rs.
    (
        "requests_nothing_but_its_own_files",
        offline_cases::requests_nothing_but_its_own_files,
    ),
    (
        "themes_change_the_colours",
        theme_cases::themes_change_the_colours,
    ),
    (
        "languages_change_the_words",
        language_cases::languages_change_the_words,
    ),
    (
        "print_puts_everything_on_one_page",
        print_cases::print_puts_everything_on_one_page,
    ),
    (
        "print_media_shows_map_timeline_and_list",
        print_cases::print_media_shows_map_timeline_and_list,
    ),
    (
        "downloads_give_the_figures_and_the_data",
        export_cases::downloads_give_the_figures_and_the_data,
    ),
    (
        "first_view_shows_without_javascript",
        first_view_cases::first_view_shows_without_javascript,
    ),
    (
        "the_app_adopts_the_first_view",
        first_view_cases::the_app_adopts_the_first_view,
    ),
    (
        "a_changed_first_view_is_rendered_afresh",
        first_view_cases::a_changed_first_view_is_rendered_afresh,
    ),
    (
        "precompressed_copies_are_the_files",
        first_view_cases::precompressed_copies_are_the_files,
    ),
    (
        "single_file_works_from_file_url",
        offline_cases::single_file_works_from_file_url,
    ),
    (
        "single_file_works_in_a_sandboxed_frame",
        offline_cases::single_file_works_in_a_sandboxed_frame,
    ),
    (
        "kiosk_mode_has_no_way_out",
        offline_cases::kiosk_mode_has_no_way_out,
    ),
    (
        "kiosk_fills_1080p_and_4k_screens",
        offline_cases::kiosk_fills_1080p_and_4k_screens,
    ),
    (
        "kiosk_idle_attract_touch_and_reset",
        offline_cases::kiosk_idle_attract_touch_and_reset,
    ),
    (
        "wheel_zooms_but_never_traps_a_host_page",
        map_cases::wheel_zooms_but_never_traps_a_host_page,
    ),
    (
        "search_finds_and_selects",
        map_cases::search_finds_and_selects,
    ),
    (
        "table_view_stays_in_sync",
        map_cases::table_view_stays_in_sync,
    ),
    (
        "axe_finds_no_violations",
        map_cases::axe_finds_no_violations,
    ),
    ("fits_every_screen", map_cases::fits_every_screen),
    // Self-tests of the harness's own page API (on the current app).
    ("harness_hover_and_keys", harness_hover_and_keys),
    ("harness_viewport_sizes", harness_viewport_sizes),
    ("harness_axe_runs", harness_axe_runs),
];

/// What the page must show, taken from the app's own data (built once).
#[derive(Debug)]
pub struct Expected {
    pub territories: usize,
    pub associations: usize,
    pub countries: usize,
    /// ISO 3166-1 alpha-2 codes of the covered countries (Kosovo is `XK`).
    pub country_codes: BTreeSet<String>,
    /// Acronyms of the member associations.
    pub acronyms: BTreeSet<String>,
}

impl Expected {
    pub fn from_app_data() -> Self {
        let headline = impala_map::data::headline();
        Self {
            territories: headline.territories,
            associations: headline.associations,
            countries: headline.countries,
            country_codes: impala_map::data::covered_country_codes()
                .into_iter()
                .map(str::to_owned)
                .collect(),
            acronyms: impala_map::data::dataset()
                .associations
                .iter()
                .map(|a| a.acronym.to_string())
                .collect(),
        }
    }
}

fn loads_without_console_errors(page: &mut Page, _: &Expected) -> Result<()> {
    page.open_app()?;
    for warning in page.console_warnings()? {
        page.note(&format!("console warning (allowed): {warning}"));
    }
    let errors = page.console_errors()?;
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} console error(s):\n  {}",
            errors.len(),
            errors.join("\n  ")
        ))
    }
}

fn one_shape_per_member_country(page: &mut Page, expected: &Expected) -> Result<()> {
    page.open_app()?;
    let codes: Vec<Option<String>> = page.eval(
        "Array.from(document.querySelectorAll('svg.europe-map path.country.member'), \
         (e) => e.getAttribute('data-country'))",
    )?;
    let mut problems = Vec::new();
    let unlabelled = codes.iter().filter(|c| c.is_none()).count();
    if unlabelled > 0 {
        problems.push(format!("{unlabelled} member shape(s) without data-country"));
    }
    let mut seen = BTreeSet::new();
    let mut duplicates = BTreeSet::new();
    for code in codes.iter().flatten() {
        if !seen.insert(code.clone()) {
            duplicates.insert(code.clone());
        }
    }
    if !duplicates.is_empty() {
        problems.push(format!("duplicated: {duplicates:?}"));
    }
    let missing: Vec<_> = expected.country_codes.difference(&seen).collect();
    if !missing.is_empty() {
        problems.push(format!("missing: {missing:?}"));
    }
    let unexpected: Vec<_> = seen.difference(&expected.country_codes).collect();
    if !unexpected.is_empty() {
        problems.push(format!("not covered but drawn as member: {unexpected:?}"));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "svg.europe-map path.country.member: {} shape(s), expected one per covered \
             country ({}): {}",
            codes.len(),
            expected.country_codes.len(),
            problems.join("; ")
        ))
    }
}

fn headline_figures(page: &mut Page, expected: &Expected) -> Result<()> {
    page.open_app()?;
    let mut problems = Vec::new();
    for (figure, want) in [
        ("territories", expected.territories),
        ("associations", expected.associations),
        ("countries", expected.countries),
    ] {
        let css = format!("[data-figure=\"{figure}\"]");
        let got: Option<String> = page.eval(&format!(
            "(() => {{ const e = document.querySelector('{css}'); \
             return e ? e.textContent.trim() : null; }})()"
        ))?;
        match got {
            None => problems.push(format!("no element {css}")),
            Some(text) if text != want.to_string() => {
                problems.push(format!("{css} shows {text:?}, expected \"{want}\""));
            }
            Some(_) => {}
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

fn lists_every_association_once(page: &mut Page, expected: &Expected) -> Result<()> {
    page.open_app()?;
    let listed: Vec<String> = page.eval(
        "Array.from(document.querySelectorAll('li[data-association]'), \
         (e) => e.getAttribute('data-association'))",
    )?;
    let set: BTreeSet<String> = listed.iter().cloned().collect();
    if listed.len() == expected.acronyms.len() && set == expected.acronyms {
        Ok(())
    } else {
        Err(format!(
            "listed {} item(s) {listed:?}, expected each of {:?} once",
            listed.len(),
            expected.acronyms
        ))
    }
}

/// What the recorder of [`RECORD_EVENTS`] keeps of one event.
#[derive(Debug, Deserialize)]
struct Event {
    #[serde(rename = "type")]
    kind: String,
    /// `#id`, `country:XX` (a map shape) or the tag name.
    target: String,
    x: Option<f64>,
    y: Option<f64>,
    key: Option<String>,
    shift: bool,
    buttons: Option<i64>,
}

/// Records pointer, mouse and key events on the whole document into
/// `window.__events` (capture phase, so non-bubbling ones count too).
const RECORD_EVENTS: &str = r#"(() => {
  window.__events = [];
  const name = (t) => !t || t.nodeType !== 1 ? String(t)
    : t.id ? '#' + t.id
    : t.getAttribute('data-country') ? 'country:' + t.getAttribute('data-country')
    : t.tagName.toLowerCase();
  for (const type of ['pointerover', 'pointerenter', 'mouseover', 'pointermove', 'pointerdown',
                      'pointerup', 'click', 'dblclick', 'keydown']) {
    document.addEventListener(type, (e) => window.__events.push({
      type, target: name(e.target), x: e.clientX ?? null, y: e.clientY ?? null,
      key: e.key ?? null, shift: !!e.shiftKey, buttons: e.buttons ?? null,
    }), true);
  }
  return true;
})()"#;

/// A pad on top of everything at the viewport's top left (40,40)-(360,260),
/// holding two inputs, first in the document (so first in the tab order).
const ADD_PAD: &str = r#"(() => {
  const pad = document.createElement('div');
  pad.id = 'e2e-pad';
  pad.style.cssText = 'position:fixed;left:40px;top:40px;width:320px;height:220px;margin:0;' +
    'z-index:2147483647;background:#eef;border:0;padding:4px;box-sizing:border-box';
  pad.innerHTML = '<input id="e2e-in1" aria-label="one"> <input id="e2e-in2" aria-label="two">';
  document.body.prepend(pad);
  return true;
})()"#;

fn take_events(page: &Page) -> Result<Vec<Event>> {
    page.eval("window.__events.splice(0)")
}

fn has_event(events: &[Event], kind: &str, target: &str) -> bool {
    events.iter().any(|e| e.kind == kind && e.target == target)
}

fn active_element(page: &Page) -> Result<String> {
    page.eval(
        "(() => { const a = document.activeElement; \
         return a ? (a.id ? '#' + a.id : a.tagName.toLowerCase()) : 'none'; })()",
    )
}

/// `hover`, `hover_at`, `click_at`, `drag`, `double_click`, `click_on`,
/// `press`, `press_shift_tab`, `type_into` and `release_actions` cause the
/// events a person's mouse and keyboard would.
fn harness_hover_and_keys(page: &mut Page, _: &Expected) -> Result<()> {
    page.open_app()?;
    page.eval::<bool>(RECORD_EVENTS)?;

    // Hover every member shape: `:hover` must follow, with the enter/over events.
    let codes: Vec<String> = page.eval(
        "Array.from(document.querySelectorAll('svg.europe-map path.country.member[data-country]'), \
         (e) => e.getAttribute('data-country'))",
    )?;
    if codes.is_empty() {
        return Err("no svg.europe-map path.country.member[data-country] to hover".into());
    }
    let mut covered = Vec::new();
    for code in &codes {
        let css = format!("svg.europe-map path.country.member[data-country=\"{code}\"]");
        match page.hover(&css) {
            Ok(()) => {}
            // The app's business (a shape hidden under others), not the harness's.
            Err(e) if e.starts_with("cannot point at") => {
                covered.push(code.as_str());
                continue;
            }
            Err(e) => return Err(e),
        }
        let hovered: bool = page.eval(&format!(
            "document.querySelector('{css}').matches(':hover')"
        ))?;
        let events = take_events(page)?;
        let target = format!("country:{code}");
        let missing: Vec<_> = ["pointerover", "pointerenter", "mouseover"]
            .into_iter()
            .filter(|kind| !has_event(&events, kind, &target))
            .collect();
        if !hovered || !missing.is_empty() {
            return Err(format!(
                "hover `{css}`: :hover applies: {hovered}; missing events {missing:?}; got {events:?}"
            ));
        }
    }
    page.note(&format!(
        "hover: {} of {} member shapes hovered; {} nowhere on top (app): {covered:?}",
        codes.len() - covered.len(),
        codes.len(),
        covered.len()
    ));

    // A box over the first shape's centre: hover finds another point of the
    // shape; a box over all of it: hover says so.
    let first = format!(
        "svg.europe-map path.country.member[data-country=\"{}\"]",
        codes[0]
    );
    let cover = |size: &str| {
        format!(
            "(() => {{ const r = document.querySelector('{first}').getBoundingClientRect(); \
             let c = document.getElementById('e2e-cover'); \
             if (!c) {{ c = document.createElement('div'); c.id = 'e2e-cover'; \
             document.body.append(c); }} \
             const [w, h] = {size}; \
             c.style.cssText = `position:fixed;z-index:2147483647;background:#f0f;\
             left:${{r.left + r.width / 2 - w / 2}}px;top:${{r.top + r.height / 2 - h / 2}}px;\
             width:${{w}}px;height:${{h}}px`; return true; }})()"
        )
    };
    page.hover_at(1.0, 1.0)?;
    page.eval::<bool>(&cover("[12, 12]"))?;
    page.hover(&first)?;
    if !page.eval::<bool>(&format!(
        "document.querySelector('{first}').matches(':hover')"
    ))? {
        return Err(format!(
            "hover `{first}` with its centre covered: not :hover"
        ));
    }
    page.eval::<bool>(&cover("[r.width + 4, r.height + 4]"))?;
    match page.hover(&first) {
        Err(e) if e.contains("another element is on top of it") => {}
        other => {
            return Err(format!(
                "hover `{first}` wholly covered: {other:?}, expected an error"
            ))
        }
    }
    page.eval::<bool>("(document.getElementById('e2e-cover').remove(), true)")?;

    page.eval::<bool>(ADD_PAD)?;
    take_events(page)?;

    // Keys: Tab from nothing focused, Tab, Shift+Tab, special keys, typing.
    page.eval::<bool>(
        "(() => { if (document.activeElement) document.activeElement.blur(); return true; })()",
    )?;
    let before = active_element(page)?;
    page.press(keys::TAB)?;
    let after = active_element(page)?;
    if after == before {
        return Err(format!("Tab from {before}: the focus did not move"));
    }
    if after != "#e2e-in1" {
        page.note(&format!(
            "Tab from {before} focused {after} (not the first input)"
        ));
    }
    page.eval::<bool>("(document.getElementById('e2e-in1').focus(), true)")?;
    page.press(keys::TAB)?;
    let next = active_element(page)?;
    page.press_shift_tab()?;
    let back = active_element(page)?;
    if (next.as_str(), back.as_str()) != ("#e2e-in2", "#e2e-in1") {
        return Err(format!(
            "from #e2e-in1, Tab focused {next} (expected #e2e-in2), then Shift+Tab {back} \
             (expected #e2e-in1)"
        ));
    }
    let events = take_events(page)?;
    // The keydowns of the Tabs: shiftKey false, false, then true. WebKitGTK
    // names Shift+Tab's key "Unidentified" (the focus still moves back).
    let tabs: Vec<(&str, bool)> = events
        .iter()
        .filter(|e| e.kind == "keydown" && e.key.as_deref() != Some("Shift"))
        .map(|e| (e.key.as_deref().unwrap_or(""), e.shift))
        .collect();
    let shift_tab_key = match page.engine() {
        EngineKind::Webkit => "Unidentified",
        _ => "Tab",
    };
    if tabs != [("Tab", false), ("Tab", false), (shift_tab_key, true)] {
        return Err(format!(
            "keydowns (key, shiftKey) for Tab, Tab, Shift+Tab: {tabs:?}; events {events:?}"
        ));
    }
    let specials = [
        (keys::ENTER, "Enter"),
        (keys::ESCAPE, "Escape"),
        (keys::ARROW_LEFT, "ArrowLeft"),
        (keys::ARROW_UP, "ArrowUp"),
        (keys::ARROW_RIGHT, "ArrowRight"),
        (keys::ARROW_DOWN, "ArrowDown"),
    ];
    page.press(&specials.iter().map(|(k, _)| *k).collect::<String>())?;
    let got: Vec<(String, String)> = take_events(page)?
        .into_iter()
        .filter(|e| e.kind == "keydown")
        .map(|e| (e.key.unwrap_or_default(), e.target))
        .collect();
    let want: Vec<(String, String)> = specials
        .iter()
        .map(|(_, name)| ((*name).to_owned(), "#e2e-in1".to_owned()))
        .collect();
    if got != want {
        return Err(format!(
            "keydowns (key, target): {got:?}, expected {want:?}"
        ));
    }
    page.type_into("#e2e-in2", "Zürich 1")?;
    page.press("ab")?;
    let value: String = page.eval("document.getElementById('e2e-in2').value")?;
    if value != "Zürich 1ab" || active_element(page)? != "#e2e-in2" {
        return Err(format!(
            "after type_into(#e2e-in2, \"Zürich 1\") and press(\"ab\"): value {value:?}, focus \
             on {}",
            active_element(page)?
        ));
    }

    // The pointer on the pad (40,40)-(360,260).
    take_events(page)?;
    page.hover_at(100.4, 180.6)?;
    let events = take_events(page)?;
    // Within a pixel: Firefox's pointer events can have fractional coordinates.
    let near = |got: Option<f64>, want: f64| got.is_some_and(|v| (v - want).abs() < 1.0);
    let at = |e: &Event, x: f64, y: f64| near(e.x, x) && near(e.y, y);
    let pad_hovered: bool = page.eval("document.getElementById('e2e-pad').matches(':hover')")?;
    if !pad_hovered
        || !has_event(&events, "pointerover", "#e2e-pad")
        || !events
            .iter()
            .any(|e| e.kind == "pointermove" && at(e, 100.0, 181.0))
    {
        return Err(format!(
            "hover_at(100.4, 180.6): pad :hover {pad_hovered}, events {events:?}"
        ));
    }
    page.click_at(200.0, 150.0)?;
    let events = take_events(page)?;
    let clicked = events
        .iter()
        .any(|e| e.kind == "click" && e.target == "#e2e-pad" && at(e, 200.0, 150.0));
    if !clicked || !has_event(&events, "pointerdown", "#e2e-pad") {
        return Err(format!("click_at(200, 150): events {events:?}"));
    }
    page.drag((60.0, 200.0), (340.0, 240.0))?;
    let events = take_events(page)?;
    let down = events.iter().position(|e| e.kind == "pointerdown");
    let up = events.iter().rposition(|e| e.kind == "pointerup");
    let dragged_moves = events
        .iter()
        .filter(|e| e.kind == "pointermove" && e.buttons == Some(1))
        .count();
    let ok = match (down, up) {
        (Some(d), Some(u)) => d < u && at(&events[d], 60.0, 200.0) && at(&events[u], 340.0, 240.0),
        _ => false,
    };
    if !ok || dragged_moves < 3 {
        return Err(format!(
            "drag (60,200) to (340,240): {dragged_moves} move(s) with the button down; events \
             {events:?}"
        ));
    }
    page.double_click("#e2e-pad")?;
    let events = take_events(page)?;
    let clicks = events.iter().filter(|e| e.kind == "click").count();
    if !has_event(&events, "dblclick", "#e2e-pad") || clicks != 2 {
        return Err(format!(
            "double_click(#e2e-pad): {clicks} click(s), events {events:?}"
        ));
    }
    page.click_on("#e2e-in1")?;
    let events = take_events(page)?;
    if !has_event(&events, "click", "#e2e-in1") || active_element(page)? != "#e2e-in1" {
        return Err(format!(
            "click_on(#e2e-in1): focus on {}, events {events:?}",
            active_element(page)?
        ));
    }
    page.release_actions()?;
    page.eval::<bool>("(document.getElementById('e2e-pad').remove(), true)")?;
    Ok(())
}

/// The width and height of a PNG (from its IHDR chunk).
fn png_size(path: &std::path::Path) -> Result<(u32, u32)> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let field = |at: usize| -> Option<u32> {
        Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
    };
    match (
        bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        field(16),
        field(20),
    ) {
        (true, Some(w), Some(h)) => Ok((w, h)),
        _ => Err(format!("{}: not a PNG", path.display())),
    }
}

/// `set_viewport` reaches 360x740, 1280x800 and 3840x2160 exactly;
/// `screenshot_named` saves each; `overflow` finds a planted too-wide box.
fn harness_viewport_sizes(page: &mut Page, _: &Expected) -> Result<()> {
    page.open_app()?;
    for (width, height) in [(360, 740), (1280, 800), (3840, 2160)] {
        page.set_viewport(width, height)?;
        let (w, h): (u32, u32) = page.eval("[window.innerWidth, window.innerHeight]")?;
        if (w, h) != (width, height) {
            return Err(format!(
                "set_viewport({width}, {height}) left the viewport {w}x{h}"
            ));
        }
        let path = page.screenshot_named(&format!("viewport-{width}x{height}"))?;
        let size = png_size(&path)?;
        if size != (width, height) {
            page.note(&format!(
                "screenshot at {width}x{height} is {}x{} px: {}",
                size.0,
                size.1,
                path.display()
            ));
        }
        if let Some(overflow) = page.overflow()? {
            page.note(&format!("overflow at {width}x{height} (app): {overflow}"));
        }
    }
    let before = page.overflow()?;
    page.eval::<bool>(
        "(() => { const d = document.createElement('div'); d.className = 'e2e-too-wide'; \
         d.style.cssText = 'width:5000px;height:10px'; document.body.append(d); return true; })()",
    )?;
    let planted = page.overflow()?;
    page.eval::<bool>("(document.querySelector('div.e2e-too-wide').remove(), true)")?;
    match planted {
        Some(text) if text.contains("div.e2e-too-wide (5000 px wide") => {}
        other => {
            return Err(format!(
                "overflow() with a 5000 px wide div in a 3840 px viewport: {other:?}"
            ))
        }
    }
    if before.is_none() && page.overflow()?.is_some() {
        return Err("overflow() still reports overflow once the wide div is gone".into());
    }
    Ok(())
}

/// Every case starts at the default viewport (the previous case left
/// 3840x2160); `axe_violations` runs axe-core and finds a planted violation.
/// The app's own violations are only noted for now.
fn harness_axe_runs(page: &mut Page, _: &Expected) -> Result<()> {
    page.open_app()?;
    let (w, h): (u32, u32) = page.eval("[window.innerWidth, window.innerHeight]")?;
    if (w, h) != (WIDTH, HEIGHT) {
        return Err(format!("the case started at {w}x{h}, not {WIDTH}x{HEIGHT}"));
    }
    let violations = page.axe_violations()?;
    page.note(&format!(
        "axe: {} violation(s) (app, allowed for now)",
        violations.len()
    ));
    for violation in &violations {
        page.note(&format!("  {violation}"));
    }
    page.eval::<bool>(
        "(() => { const b = document.createElement('button'); b.id = 'e2e-nameless'; \
         document.body.append(b); return true; })()",
    )?;
    let planted = page.axe_violations()?;
    page.eval::<bool>("(document.getElementById('e2e-nameless').remove(), true)")?;
    if !planted
        .iter()
        .any(|v| v.starts_with("button-name (critical)") && v.contains("#e2e-nameless"))
    {
        return Err(format!(
            "axe did not report the planted nameless button: {planted:#?}"
        ));
    }
    Ok(())
}
