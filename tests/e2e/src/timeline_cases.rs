//! The timeline's cases (issue 4): the year slider replaying the map (drag, keyboard, play and
//! pause), the timeline's marks and milestones, and its linking with the map. Expected values
//! come from the app's own pure functions (`impala_map::growth`, `impala_map::state`).

use std::collections::BTreeSet;
use std::time::Duration;

use impala_map::data::dataset;
use impala_map::growth::country_status;
use impala_map::growth::{describe, totals, Status};
use impala_map::i18n::Lang;
use impala_map::state::year_range;

use crate::cases::{check, Expected, QUICK};
use crate::page::{keys, Page};
use crate::Result;

fn shown_year(page: &Page) -> Result<u16> {
    let text: String =
        page.eval("document.querySelector('.year-totals').getAttribute('data-year')")?;
    text.parse().map_err(|e| format!("year {text:?}: {e}"))
}

/// The countries the map fades in `year`, by the app's own rule.
fn expected_faded(year: u16) -> BTreeSet<String> {
    dataset()
        .covered_country_codes()
        .into_iter()
        .filter(|code| country_status(dataset(), code, year) == Status::NotYet)
        .map(str::to_owned)
        .collect()
}

fn faded(page: &Page) -> Result<BTreeSet<String>> {
    page.eval(
        "Array.from(document.querySelectorAll('svg.europe-map path.country.member.not-yet'), \
         (e) => e.getAttribute('data-country'))",
    )
}

pub fn dragging_the_slider_fades_the_future(page: &mut Page, _: &Expected) -> Result<()> {
    page.open_app()?;
    let (first, last) = year_range();
    check(faded(page)?.is_empty(), || {
        "at the last year nothing should be faded".into()
    })?;
    // Drag the thumb from the right end to about 1990.
    let r: [f64; 4] = page.eval(
        "(() => { const r = document.querySelector('.year-slider').getBoundingClientRect(); \
         return [r.left, r.top, r.width, r.height]; })()",
    )?;
    let y = r[1] + r[3] / 2.0;
    let at =
        |year: u16| r[0] + 8.0 + (r[2] - 16.0) * f64::from(year - first) / f64::from(last - first);
    page.drag((at(last), y), (at(1990), y))?;
    page.wait_for(
        &format!("document.querySelector('.year-totals').getAttribute('data-year') !== '{last}'"),
        QUICK,
    )?;
    let year = shown_year(page)?;
    check((1986..=1994).contains(&year), || {
        format!("dragged to about 1990, the slider shows {year}")
    })?;
    let want = expected_faded(year);
    page.wait_for(
        &format!(
            "document.querySelectorAll('svg.europe-map path.country.member.not-yet').length === {}",
            want.len()
        ),
        QUICK,
    )?;
    let got = faded(page)?;
    check(got == want, || {
        format!("in {year} the map fades {got:?}, expected {want:?}")
    })?;
    check(!want.is_empty() && want.contains("DE"), || {
        format!("Germany (VUT, 1993) should be faded in {year}")
    })?;
    let spoken: String =
        page.eval("document.querySelector('.year-slider').getAttribute('aria-valuetext')")?;
    let expected = describe(Lang::EN.strings(), &totals(dataset(), year));
    check(spoken == expected, || {
        format!("the slider says {spoken:?}, expected {expected:?}")
    })?;
    page.screenshot_named("year-dragged")?;
    Ok(())
}

pub fn keyboard_moves_the_slider(page: &mut Page, _: &Expected) -> Result<()> {
    page.open_app()?;
    let (first, last) = year_range();
    page.eval::<Option<bool>>(
        "(() => { document.querySelector('.year-slider').focus(); return null; })()",
    )?;
    let role: String = page.eval("document.querySelector('.year-slider').type")?;
    check(role == "range", || {
        format!("the slider is an input of type {role:?}")
    })?;
    page.press(keys::HOME)?;
    page.wait_for(
        &format!("document.querySelector('.year-totals').getAttribute('data-year') === '{first}'"),
        QUICK,
    )?;
    let spoken: String =
        page.eval("document.querySelector('.year-slider').getAttribute('aria-valuetext')")?;
    check(
        spoken == describe(Lang::EN.strings(), &totals(dataset(), first)),
        || format!("at Home the slider says {spoken:?}"),
    )?;
    page.press(keys::ARROW_RIGHT)?;
    page.wait_for(
        &format!(
            "document.querySelector('.year-totals').getAttribute('data-year') === '{}'",
            first + 1
        ),
        QUICK,
    )?;
    page.press(keys::PAGE_UP)?;
    page.wait_for(
        &format!(
            "Number(document.querySelector('.year-totals').getAttribute('data-year')) > {}",
            first + 1
        ),
        QUICK,
    )?;
    page.press(keys::PAGE_DOWN)?;
    page.press(keys::END)?;
    page.wait_for(
        &format!("document.querySelector('.year-totals').getAttribute('data-year') === '{last}'"),
        QUICK,
    )?;
    page.press(keys::ARROW_LEFT)?;
    page.wait_for(
        &format!(
            "document.querySelector('.year-totals').getAttribute('data-year') === '{}'",
            last - 1
        ),
        QUICK,
    )
}

pub fn play_then_pause(page: &mut Page, _: &Expected) -> Result<()> {
    page.open_app()?;
    let (first, last) = year_range();
    page.click(".year-play")?;
    page.wait_for(
        "document.querySelector('.year-play').getAttribute('data-playing') === 'true'",
        QUICK,
    )?;
    // It starts from the first year and moves on by itself.
    page.wait_for(
        &format!(
            "Number(document.querySelector('.year-totals').getAttribute('data-year')) > {}",
            first + 2
        ),
        QUICK,
    )?;
    page.click(".year-play")?;
    page.wait_for(
        "document.querySelector('.year-play').getAttribute('data-playing') === 'false'",
        QUICK,
    )?;
    let paused = shown_year(page)?;
    // Paused stays paused: several tick periods later the year is the same.
    page.eval::<Option<bool>>("(() => { window.__pausedAt = performance.now(); return null; })()")?;
    page.wait_for("performance.now() - window.__pausedAt > 1000", QUICK)?;
    let later = shown_year(page)?;
    check(later == paused, || {
        format!("paused at {paused}, then the year moved to {later}")
    })?;
    check(paused < last, || {
        format!("paused at {paused}: play should take a few seconds")
    })?;
    // Played again, it runs to the last year and stops there.
    page.click(".year-play")?;
    page.wait_for(
        &format!("document.querySelector('.year-totals').getAttribute('data-year') === '{last}' && document.querySelector('.year-play').getAttribute('data-playing') === 'false'"),
        Duration::from_secs(20),
    )
    .map_err(|e| format!("play did not stop at {last}: {e}"))
}

pub fn timeline_marks_and_linking(page: &mut Page, expected: &Expected) -> Result<()> {
    page.open_app()?;
    page.switch_view("timeline")?;
    page.wait_for(
        "document.querySelector('svg.timeline-chart .tl-mark') !== null",
        QUICK,
    )?;
    // The map beside the timeline is made afresh, with the paths the app read from the first
    // view's.
    page.check_member_count(expected.countries, "beside the timeline")?;
    let marks: Vec<String> = page.eval(
        "Array.from(document.querySelectorAll('svg.timeline-chart .tl-mark'), (e) => e.getAttribute('data-association'))",
    )?;
    let set: BTreeSet<String> = marks.iter().cloned().collect();
    check(
        marks.len() == expected.associations && set == expected.acronyms,
        || format!("timeline marks {marks:?}"),
    )?;
    // Marks never overlap (boxes as drawn).
    let overlaps: Vec<String> = page.eval(
        "(() => { const boxes = Array.from(document.querySelectorAll('svg.timeline-chart .tl-mark'), \
         (g) => [g.getAttribute('data-association'), (g.querySelector('.tl-band') || g.querySelector('.tl-box')).getBoundingClientRect(), g.querySelector('.tl-box').getBoundingClientRect()]); \
         const out = []; for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) { \
         for (const a of [boxes[i][1], boxes[i][2]]) for (const b of [boxes[j][1], boxes[j][2]]) { \
         if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) out.push(boxes[i][0] + '/' + boxes[j][0]); } } \
         return Array.from(new Set(out)); })()",
    )?;
    check(overlaps.is_empty(), || {
        format!("overlapping timeline marks: {overlaps:?}")
    })?;
    // On a laptop's screen (the harness's 1280 px) the timeline fits its column: it does not
    // scroll sideways, which would cut off the start of its row labels.
    let [scroll_width, client_width]: [f64; 2] = page.eval(
        "(() => { const s = document.querySelector('.timeline-scroll'); return [s.scrollWidth, s.clientWidth]; })()",
    )?;
    check(scroll_width <= client_width + 1.0, || {
        format!(
            "at {}px the timeline scrolls sideways: {scroll_width} px in a box of {client_width}",
            crate::engines::WIDTH
        )
    })?;
    // The marks are one Tab stop; → goes to the next mark by year, End to the last, Enter selects.
    let stops: usize = page.eval(
        "document.querySelectorAll('svg.timeline-chart [data-association][tabindex=\"0\"], \
         svg.timeline-chart [data-milestone][tabindex=\"0\"]').length",
    )?;
    check(stops == 1, || {
        format!("the timeline's marks take {stops} Tab stops")
    })?;
    let mark = |page: &Page| -> Result<String> {
        page.eval(
            "(() => { const e = document.activeElement; \
             return e.getAttribute('data-association') || ('milestone ' + e.getAttribute('data-milestone')); })()",
        )
    };
    page.eval::<Option<bool>>(
        "(() => { document.querySelector('svg.timeline-chart [data-association=SOM]').focus(); return null; })()",
    )?;
    let width: f64 =
        page.eval("document.querySelector('.timeline-scroll').getBoundingClientRect().width")?;
    let laid = impala_map::timeline::layout(
        dataset(),
        &impala_map::timeline::LayoutOptions::for_width(width.floor()),
    );
    let order = laid.keyboard_order();
    let name = |m: &impala_map::timeline::MarkId| match m {
        impala_map::timeline::MarkId::Association(a) => a.to_string(),
        impala_map::timeline::MarkId::Milestone(i) => format!("milestone {i}"),
    };
    let som = order
        .iter()
        .position(|m| name(m) == "SOM")
        .ok_or("SOM is not on the timeline")?;
    page.press(keys::ARROW_RIGHT)?;
    let next = order.get(som + 1).map(name).unwrap_or_default();
    let now = mark(page)?;
    check(now == next, || {
        format!("→ from SOM went to {now:?}, expected {next:?}")
    })?;
    page.press(keys::END)?;
    let last = order.last().map(name).unwrap_or_default();
    let now = mark(page)?;
    check(now == last, || {
        format!("End went to {now:?}, expected {last:?}")
    })?;
    // Disputed years show their other years; unknown years a band.
    let others: usize =
        page.eval("document.querySelectorAll('.tl-mark[data-association=UPFI] .tl-other').length")?;
    check(others == 2, || {
        format!("UPFI shows {others} other year(s), expected 2")
    })?;
    let band: Option<String> = page.eval(
        "(() => { const t = document.querySelector('.tl-mark[data-association=INDIERO] .tl-band title'); return t ? t.textContent : null; })()",
    )?;
    check(
        band.as_deref()
            .is_some_and(|t| t.contains("2011") && t.contains("2019")),
        || format!("INDIERO's band says {band:?}"),
    )?;
    // Hovering a mark outlines its countries on the map, and the mark in the timeline's hover
    // layer.
    page.hover(".tl-mark[data-association=RUNDA] .tl-box")?;
    page.wait_for(
        "document.querySelectorAll('svg.map-hover path.outline').length >= 8 \
         && document.querySelector('.tl-hover .tl-linked[data-association=RUNDA]') !== null",
        QUICK,
    )?;
    // Hovering a country on the map outlines its associations on the timeline, over their marks,
    // and changes nothing else of the timeline.
    page.eval::<bool>(
        "(() => { window.__timelineChanges = 0; new MutationObserver((records) => { \
           for (const r of records) if (!r.target.closest('.tl-hover')) window.__timelineChanges++; \
         }).observe(document.querySelector('svg.timeline-chart'), \
           { subtree: true, childList: true, attributes: true, characterData: true }); return true; })()",
    )?;
    page.hover("svg.europe-map path.country.member[data-country=\"DE\"]")?;
    page.wait_for(
        "document.querySelector('.tl-hover .tl-linked[data-association=VUT]') !== null \
         && document.querySelector('.tl-hover .tl-linked[data-association=RUNDA]') === null",
        QUICK,
    )?;
    // (Firefox's boxes include half the stroke, which differs: the centres and sizes are compared.)
    let over: bool = page.eval(
        "(() => { const o = document.querySelector('.tl-linked[data-association=VUT]').getBoundingClientRect(); \
         const b = document.querySelector('.tl-mark[data-association=VUT] .tl-box').getBoundingClientRect(); \
         const centre = (r) => [r.left + r.width / 2, r.top + r.height / 2]; \
         const [ox, oy] = centre(o), [bx, by] = centre(b); \
         return Math.abs(ox - bx) < 1 && Math.abs(oy - by) < 1 \
           && Math.abs(o.width - b.width) < 3 && Math.abs(o.height - b.height) < 3; })()",
    )?;
    if !over {
        let rects: String = page.eval(
            "JSON.stringify([document.querySelector('.tl-linked[data-association=VUT]').getBoundingClientRect(), \
             document.querySelector('.tl-mark[data-association=VUT] .tl-box').getBoundingClientRect()])",
        )?;
        return Err(format!(
            "Germany's hover outlines something else than VUT's mark on the timeline: {rects}"
        ));
    }
    let changes: u32 = page.eval("window.__timelineChanges")?;
    check(changes == 0, || {
        format!("a hover on the map changed the timeline's own marks {changes} time(s)")
    })?;
    // Selecting on the timeline selects on the map.
    page.click_on(".tl-mark[data-association=VUT] .tl-box")?;
    page.wait_for(
        "document.querySelector('.details[data-selection=\"association:VUT\"]') !== null",
        QUICK,
    )?;
    let selected: Vec<String> = page.eval(
        "Array.from(document.querySelectorAll('svg.europe-map path.country.member.selected'), (e) => e.getAttribute('data-country'))",
    )?;
    check(selected == ["DE"], || {
        format!("after selecting VUT on the timeline the map selects {selected:?}")
    })?;
    // Selecting on the map marks the timeline.
    page.click_on("svg.europe-map path.country.member[data-country=\"AT\"]")?;
    page.wait_for(
        "document.querySelector('.tl-mark.selected[data-association=\"VTMÖ\"]') !== null",
        QUICK,
    )?;
    // A milestone shows its description.
    let title = dataset()
        .milestones
        .first()
        .map(|m| {
            impala_map::i18n::Lang::EN
                .strings()
                .milestone(&m.id, "title")
                .to_string()
        })
        .unwrap_or_default();
    page.click_on(".tl-milestone[data-milestone=\"0\"] .tl-dot")?;
    page.wait_for(
        "document.querySelector('.milestone-details') !== null",
        QUICK,
    )?;
    let text = page.text(".milestone-details")?;
    check(text.contains(&title), || {
        format!("the milestone panel says {text:?}, expected {title:?}")
    })?;
    page.screenshot_named("timeline")?;
    // Every view switch keeps the app whole (no error from the renderer).
    for view in ["table", "map", "timeline", "map", "table", "timeline"] {
        page.switch_view(view)?;
    }
    let errors = page.console_errors()?;
    check(errors.is_empty(), || {
        format!("errors after switching views: {errors:?}")
    })?;
    let violations = page.axe_violations()?;
    check(violations.is_empty(), || {
        format!("axe in the timeline view:\n  {}", violations.join("\n  "))
    })
}

pub fn timeline_on_a_phone(page: &mut Page, _: &Expected) -> Result<()> {
    page.open_app()?;
    page.set_viewport(360, 740)?;
    page.switch_view("timeline")?;
    page.wait_for(
        "document.querySelector('svg.timeline-chart .tl-mark') !== null",
        QUICK,
    )?;
    if let Some(overflow) = page.overflow()? {
        return Err(format!("360x740 timeline view: {overflow}"));
    }
    // The timeline scrolls sideways inside its box rather than squeezing its labels.
    let scrolls: bool = page.eval(
        "(() => { const s = document.querySelector('.timeline-scroll'); return s.scrollWidth > s.clientWidth; })()",
    )?;
    check(scrolls, || {
        "on a phone the timeline should scroll sideways".into()
    })?;
    // The slider's year (the last one at first) is scrolled into view.
    let cursor_in_view: bool = page.eval(
        "(() => { const s = document.querySelector('.timeline-scroll').getBoundingClientRect(); \
         const c = document.querySelector('.timeline-chart .year-cursor').getBoundingClientRect(); \
         return c.left >= s.left && c.right <= s.right; })()",
    )?;
    check(cursor_in_view, || {
        "the year's line is scrolled out of view on a phone".into()
    })?;
    page.eval::<Option<bool>>(
        "(() => { document.querySelector('.timeline').scrollIntoView(); return null; })()",
    )?;
    page.screenshot_named("timeline-360x740")?;
    Ok(())
}

/// With reduced motion nothing animates and play steps from year to year. Chromium emulates the
/// setting; the other engines check that the style sheets carry the rule that does it.
pub fn reduced_motion_steps_without_animation(page: &mut Page, _: &Expected) -> Result<()> {
    use crate::engines::EngineKind;
    page.open_app()?;
    if page.engine() != EngineKind::Chromium {
        let has_rule: bool = page.eval(
            "Array.from(document.styleSheets).some((sheet) => { try { return Array.from(sheet.cssRules).some((r) => \
             r.media && r.media.mediaText.includes('prefers-reduced-motion') && r.cssText.includes('transition')); } \
             catch (e) { return false; } })",
        )?;
        return check(has_rule, || {
            "no prefers-reduced-motion rule stops the transitions".into()
        });
    }
    page.emulate_reduced_motion(true)?;
    let result = (|| -> Result<()> {
        page.wait_for(
            "matchMedia('(prefers-reduced-motion: reduce)').matches",
            QUICK,
        )?;
        let duration: String = page.eval(
            "getComputedStyle(document.querySelector('svg.europe-map path.country.member')).transitionDuration",
        )?;
        check(duration.split(',').all(|d| d.trim() == "0s"), || {
            format!("with reduced motion the map still animates: transition-duration {duration}")
        })?;
        // Play: the year goes up one at a time (record every year the page shows).
        page.eval::<Option<bool>>(
            "(() => { window.__years = []; const o = document.querySelector('.year-totals'); \
             new MutationObserver(() => window.__years.push(Number(o.getAttribute('data-year')))) \
             .observe(o, { attributes: true, attributeFilter: ['data-year'] }); return null; })()",
        )?;
        page.click(".year-play")?;
        page.wait_for("window.__years.length >= 4", Duration::from_secs(10))?;
        page.click(".year-play")?;
        let years: Vec<u16> = page.eval("window.__years")?;
        let steps_by_one = years.windows(2).all(|w| w[1] == w[0] + 1);
        check(steps_by_one, || format!("play went through {years:?}"))
    })();
    page.emulate_reduced_motion(false)?;
    result
}
