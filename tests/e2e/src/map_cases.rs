//! The interactive map's cases (issue 3): hover, selection and details, keyboard, zoom, search,
//! the table view, accessibility (axe-core) and screen sizes. Expected values come from the app's
//! own data and pure functions (`impala_map`), never typed in.

use std::collections::BTreeSet;
use std::time::Duration;

use impala_map::data::dataset;
use impala_map::geo::europe::EUROPE;
use impala_map::geo::order::{nearest_in_direction, reading_order, Direction};
use impala_map::i18n::Lang;
use impala_map::table::sorted_associations;
use impala_map::vocab::{Sort, SortKey};

use crate::cases::{check, Expected, QUICK};
use crate::engines::{EngineKind, HEIGHT, WIDTH};
use crate::page::{keys, Page};
use crate::Result;

fn member(code: &str) -> String {
    format!("svg.europe-map path.country.member[data-country=\"{code}\"]")
}

fn countries_of(acronym: &str) -> Result<Vec<String>> {
    dataset()
        .association(acronym)
        .map(|a| a.countries.iter().map(|c| c.to_string()).collect())
        .ok_or_else(|| format!("{acronym} is not in the data"))
}

fn selected_countries(page: &Page) -> Result<BTreeSet<String>> {
    page.eval(
        "Array.from(document.querySelectorAll('svg.europe-map path.country.member.selected'), \
         (e) => e.getAttribute('data-country'))",
    )
}

fn details_selection(page: &Page) -> Result<Option<String>> {
    page.eval(
        "(() => { const d = document.querySelector('.details'); \
         return d ? d.getAttribute('data-selection') : null; })()",
    )
}

fn wait_for_selection(page: &Page, selection: &str) -> Result<()> {
    page.wait_for(
        &format!("document.querySelector('.details[data-selection=\"{selection}\"]') !== null"),
        QUICK,
    )
    .map_err(|e| {
        let now = details_selection(page).unwrap_or_default();
        format!("details for {selection} did not appear (shown: {now:?}): {e}")
    })
}

fn view_box(page: &Page) -> Result<[f64; 4]> {
    let text: String =
        page.eval("document.querySelector('svg.europe-map').getAttribute('viewBox')")?;
    let numbers: Vec<f64> = text
        .split_whitespace()
        .map(|n| {
            n.parse::<f64>()
                .map_err(|e| format!("viewBox {text:?}: {e}"))
        })
        .collect::<Result<_>>()?;
    numbers
        .try_into()
        .map_err(|_| format!("viewBox {text:?} is not four numbers"))
}

pub fn hover_shows_the_tooltip(page: &mut Page, _: &Expected) -> Result<()> {
    page.open_app()?;
    page.hover(&member("DE"))?;
    page.wait_for(
        "document.querySelector('.map-tooltip[data-country=\"DE\"]') !== null",
        QUICK,
    )?;
    let text = page.text(".map-tooltip")?;
    check(text.contains("Germany") && text.contains("VUT"), || {
        format!("tooltip over Germany says {text:?}")
    })?;
    // Near the map's right and bottom edges the tooltip opens inwards and stays inside the map.
    for code in ["IL", "FI", "PT"] {
        page.hover(&member(code))?;
        page.wait_for(
            &format!("document.querySelector('.map-tooltip[data-country=\"{code}\"]') !== null"),
            QUICK,
        )?;
        let inside: bool = page.eval(
            "(() => { const t = document.querySelector('.map-tooltip').getBoundingClientRect(); \
             const f = document.querySelector('.map-frame').getBoundingClientRect(); \
             return t.left >= f.left - 1 && t.right <= f.right + 1 && t.top >= f.top - 1 \
             && t.bottom <= f.bottom + 1; })()",
        )?;
        check(inside, || {
            format!("the tooltip for {code} leaves the map frame")
        })?;
    }
    Ok(())
}

/// After its start the app shows a hover once and takes it back before the next frame, so that
/// the reader's first hover is as quick as the next (`HoverStore::warm_up`): nothing of it is
/// ever on screen, and the page at rest shows no tooltip, no hover outline and no announcement.
pub fn the_first_hover_is_prepared_unseen(page: &mut Page, _: &Expected) -> Result<()> {
    page.open_app()?;
    page.wait_for(
        "window.__e2e.tooltips.length > 0 && window.__e2e.tooltips.every((t) => t.shown !== null)",
        QUICK,
    )?;
    let shown: Vec<bool> = page.eval("window.__e2e.tooltips.map((t) => t.shown)")?;
    check(shown.iter().all(|shown| !shown), || {
        format!("a tooltip nobody asked for was still in the page at the next frame: {shown:?}")
    })?;
    let at_rest: (bool, usize, String) = page.eval(
        "[document.querySelector('.map-tooltip') !== null, \
          document.querySelectorAll('svg.map-hover path').length, \
          document.querySelector('[data-live=\"selection\"]').textContent.trim()]",
    )?;
    check(at_rest == (false, 0, String::new()), || {
        format!("at rest: tooltip, hover outlines, announcement = {at_rest:?}")
    })?;
    // The hover it prepared works as any other.
    page.hover(&member("DE"))?;
    page.wait_for(
        "document.querySelector('.map-tooltip[data-country=\"DE\"]') !== null",
        QUICK,
    )
}

pub fn click_selects_vut_with_its_details(page: &mut Page, _: &Expected) -> Result<()> {
    page.open_app()?;
    page.click_on(&member("DE"))?;
    wait_for_selection(page, "association:VUT")?;
    let vut = dataset().association("VUT").ok_or("VUT missing")?;
    let details = page.text(".details")?;
    let year = vut.founded.year().ok_or("VUT's year")?.to_string();
    for expected in [
        "VUT",
        vut.name_native.as_deref().unwrap_or_default(),
        "Germany",
        year.as_str(),
        "Sources",
    ] {
        check(details.contains(expected), || {
            format!("the details lack {expected:?}: {details:?}")
        })?;
    }
    let sources: usize = page.eval("document.querySelectorAll('.details-sources li').length")?;
    check(sources >= vut.founded.sources().len(), || {
        format!("{sources} source(s) listed for VUT")
    })?;
    let selected = selected_countries(page)?;
    check(selected == BTreeSet::from(["DE".to_owned()]), || {
        format!("highlighted {selected:?}, expected Germany")
    })?;
    let listed: bool = page.eval(
        "document.querySelector('li.association.selected[data-association=\"VUT\"]') !== null",
    )?;
    check(listed, || "VUT is not marked in the list".into())?;
    page.screenshot_named("selected-vut")?;
    // textContent: WebDriver's element text is empty for visually hidden elements in WebKit.
    let live: String = page.eval("document.querySelector('[data-live=selection]').textContent")?;
    check(live.contains("VUT selected"), || {
        format!("live region says {live:?}")
    })
}

pub fn runda_highlights_its_eight_countries(page: &mut Page, _: &Expected) -> Result<()> {
    page.open_app()?;
    page.click_on(&member("RS"))?;
    wait_for_selection(page, "association:RUNDA")?;
    let expected: BTreeSet<String> = countries_of("RUNDA")?.into_iter().collect();
    let selected = selected_countries(page)?;
    check(selected == expected && expected.len() == 8, || {
        format!("highlighted {selected:?}, expected RUNDA's {expected:?}")
    })?;
    // Kosovo is small: where it has a hit target, that is what a pointer finds over it.
    let target = "svg.europe-map circle.hit-target[data-country=\"XK\"]";
    let has_target: bool = page.eval(&format!(
        "document.querySelector('{}') !== null",
        target.replace('"', "\\\"")
    ))?;
    page.hover(&if has_target {
        target.to_string()
    } else {
        member("XK")
    })?;
    page.screenshot_named("selected-runda")?;
    // Zoom to the selection frames RUNDA's countries.
    let home = view_box(page)?;
    page.click(".map-controls .zoom-selection")?;
    view_changes_from(page, home)?;
    let zoomed = view_box(page)?;
    for code in &expected {
        let shape = EUROPE.shape(code).ok_or("shape")?;
        let [x0, y0, x1, y1] = shape.bbox.map(f64::from);
        check(
            x0 >= zoomed[0] - 0.5
                && y0 >= zoomed[1] - 0.5
                && x1 <= zoomed[0] + zoomed[2] + 0.5
                && y1 <= zoomed[1] + zoomed[3] + 0.5,
            || format!("{code} is outside the view zoomed to RUNDA, {zoomed:?}"),
        )?;
    }
    check(zoomed[2] < home[2] / 2.0, || {
        format!("zoom to RUNDA: {home:?} -> {zoomed:?}")
    })?;
    // The disputed year names the other year.
    let details = page.text(".details")?;
    if let impala_map::data::Founding::Disputed { other, .. } =
        &dataset().association("RUNDA").ok_or("RUNDA")?.founded
    {
        for o in other.iter() {
            let phrase = impala_map::i18n::fill(
                impala_map::i18n::Lang::EN.strings().other_sources_give(),
                &[("year", &o.year.to_string())],
            );
            check(details.contains(&phrase), || {
                format!("the details lack {phrase:?}: {details:?}")
            })?;
        }
    }
    Ok(())
}

pub fn france_offers_both_associations(page: &mut Page, _: &Expected) -> Result<()> {
    page.open_app()?;
    page.click_on(&member("FR"))?;
    wait_for_selection(page, "country:FR")?;
    let offered: Vec<String> = page.eval(
        "Array.from(document.querySelectorAll('.details .choice'), \
         (e) => e.getAttribute('data-association'))",
    )?;
    let expected: Vec<String> = dataset()
        .associations_in("FR")
        .map(|a| a.acronym.to_string())
        .collect();
    check(offered == expected && expected.len() == 2, || {
        format!("France offers {offered:?}, expected {expected:?}")
    })?;
    page.screenshot_named("selected-france")?;
    let second = &expected[1];
    page.click(&format!(".details .choice[data-association=\"{second}\"]"))?;
    wait_for_selection(page, &format!("association:{second}"))?;
    // Escape clears the selection.
    page.press(keys::ESCAPE)?;
    page.wait_for("document.querySelector('.details') === null", QUICK)?;
    let selected = selected_countries(page)?;
    check(selected.is_empty(), || {
        format!("still highlighted: {selected:?}")
    })
}

/// The member country with keyboard focus, if any.
fn focused_country(page: &Page) -> Result<Option<String>> {
    page.eval("document.activeElement ? document.activeElement.getAttribute('data-country') : null")
}

/// Focuses a member country as a script would (the start of a keyboard walk).
fn focus_member(page: &Page, code: &str) -> Result<()> {
    page.eval::<Option<bool>>(&format!(
        "(() => {{ document.querySelector('{}').focus(); return null; }})()",
        member(code).replace('"', "\\\"")
    ))?;
    Ok(())
}

/// One arrow press on the way: the country it leaves, the key and its direction.
type Step = (&'static str, &'static str, Direction);

/// Arrow presses that visit every member from `start`, by the app's own rule for the arrows:
/// each step's key and the country it must reach.
fn arrow_walk(
    order: &[&'static str],
    start: &'static str,
) -> Vec<(&'static str, Direction, &'static str)> {
    let directions = [
        (keys::ARROW_LEFT, Direction::Left),
        (keys::ARROW_RIGHT, Direction::Right),
        (keys::ARROW_UP, Direction::Up),
        (keys::ARROW_DOWN, Direction::Down),
    ];
    let step = |from: &'static str, d| nearest_in_direction(&EUROPE, order, from, d);
    let mut walk = Vec::new();
    let mut seen = vec![start];
    let mut at = start;
    while seen.len() < order.len() {
        // Breadth first from `at` to the nearest country not yet seen.
        let mut came: Vec<(&'static str, Option<Step>)> = vec![(at, None)];
        let mut queue = std::collections::VecDeque::from([at]);
        let mut goal = None;
        while let Some(code) = queue.pop_front() {
            if !seen.contains(&code) {
                goal = Some(code);
                break;
            }
            for (key, d) in directions {
                if let Some(next) = step(code, d) {
                    if !came.iter().any(|(c, _)| *c == next) {
                        came.push((next, Some((code, key, d))));
                        queue.push_back(next);
                    }
                }
            }
        }
        let Some(goal) = goal else { break };
        let mut path = Vec::new();
        let mut cursor = goal;
        while let Some((_, Some((prev, key, d)))) = came.iter().find(|(c, _)| *c == cursor) {
            path.push((*key, *d, cursor));
            cursor = prev;
        }
        path.reverse();
        walk.extend(path);
        seen.push(goal);
        at = goal;
    }
    walk
}

pub fn keyboard_reaches_and_selects_countries(page: &mut Page, expected: &Expected) -> Result<()> {
    page.open_app()?;
    let codes: Vec<&'static str> = dataset().covered_country_codes();
    let order = reading_order(&EUROPE, &codes);
    // The map is one Tab stop: from the search box, Tab passes the zoom buttons, then reaches the
    // first country in reading order; Tab again leaves the map.
    page.click("#search-input")?;
    let mut path: Vec<String> = Vec::new();
    while focused_country(page)?.is_none() {
        page.press(keys::TAB)?;
        path.push(page.eval("(() => { const e = document.activeElement; return e ? (e.className && e.className.baseVal !== undefined ? e.className.baseVal : e.className) || e.tagName : ''; })()")?);
        if path.len() > 15 {
            return Err(format!(
                "15 Tabs from the search box did not reach the map: {path:?}"
            ));
        }
    }
    check(path.iter().any(|c| c.contains("zoom-in")), || {
        format!("the zoom buttons come before the map in Tab order; Tab visited {path:?}")
    })?;
    let first = focused_country(page)?;
    check(first.as_deref() == order.first().copied(), || {
        format!(
            "Tab entered the map on {first:?}, expected {:?}",
            order.first()
        )
    })?;
    page.press(keys::TAB)?;
    let after = focused_country(page)?;
    check(after.is_none(), || {
        format!("a second Tab stayed on the map ({after:?})")
    })?;
    let tab_stops: usize =
        page.eval("document.querySelectorAll('svg.europe-map [tabindex=\"0\"]').length")?;
    check(tab_stops == 1, || {
        format!("{tab_stops} Tab stops on the map")
    })?;
    // The arrows go to the neighbour a reader expects.
    for (from, key, wanted) in [
        ("DE", keys::ARROW_RIGHT, &["PL"][..]),
        ("DE", keys::ARROW_LEFT, &["NL", "BE"][..]),
        ("DE", keys::ARROW_DOWN, &["AT", "CH"][..]),
        ("PT", keys::ARROW_RIGHT, &["ES"][..]),
    ] {
        focus_member(page, from)?;
        page.press(key)?;
        let now = focused_country(page)?;
        check(now.as_deref().is_some_and(|c| wanted.contains(&c)), || {
            format!("an arrow from {from} reached {now:?}, expected one of {wanted:?}")
        })?;
    }
    // Every member is reached by arrows alone, from Portugal (the far west).
    focus_member(page, "PT")?;
    let walk = arrow_walk(&order, "PT");
    let mut reached = vec!["PT".to_string()];
    for (key, direction, wanted) in &walk {
        page.press(key)?;
        let now = focused_country(page)?;
        check(now.as_deref() == Some(*wanted), || {
            format!("{direction:?} reached {now:?}, expected {wanted} (after {reached:?})")
        })?;
        reached.push(wanted.to_string());
    }
    reached.sort();
    reached.dedup();
    check(reached.len() == expected.countries, || {
        format!(
            "arrows reached {} of {} countries: {reached:?}",
            reached.len(),
            expected.countries
        )
    })?;
    // Home and End: the first and the last in reading order. Leaving the map and coming back
    // with Shift+Tab enters it again on the first (nothing is selected).
    page.press(keys::HOME)?;
    page.wait_for(
        &format!(
            "document.activeElement.getAttribute('data-country') === '{}'",
            order[0]
        ),
        QUICK,
    )?;
    page.press(keys::END)?;
    let last = order.last().copied().unwrap_or_default();
    page.wait_for(
        &format!("document.activeElement.getAttribute('data-country') === '{last}'"),
        QUICK,
    )?;
    page.press(keys::TAB)?;
    page.press_shift_tab()?;
    let back = focused_country(page)?;
    check(back.as_deref() == order.first().copied(), || {
        format!(
            "Shift+Tab came back to {back:?}, expected {:?}",
            order.first()
        )
    })?;
    // Screen readers hear the country, its association and its place among the members.
    focus_member(page, "DE")?;
    let position = order.iter().position(|c| *c == "DE").ok_or("DE")? + 1;
    let name: String = page.eval("document.activeElement.getAttribute('aria-label')")?;
    let wanted = format!(
        "Germany: VUT, founded 1993. {position} of {}",
        expected.countries
    );
    check(name == wanted, || {
        format!("Germany's accessible name is {name:?}, expected {wanted:?}")
    })?;
    // Shift + arrows pan without moving focus.
    page.press("+")?;
    let before = view_box(page)?;
    page.press(&format!("{}{}", keys::SHIFT, keys::ARROW_RIGHT))?;
    view_changes_from(page, before)?;
    let after = view_box(page)?;
    check(after[0] > before[0], || {
        format!("Shift+→ did not pan east: {before:?} -> {after:?}")
    })?;
    check(focused_country(page)?.as_deref() == Some("DE"), || {
        "Shift+→ moved the focus".into()
    })?;
    page.press("0")?;
    // Enter selects, Escape clears.
    page.press(keys::ENTER)?;
    wait_for_selection(page, "association:VUT")?;
    page.wait_for(
        "document.querySelector('[data-live=selection]').textContent.includes('VUT selected')",
        QUICK,
    )?;
    page.press(keys::ESCAPE)?;
    page.wait_for("document.querySelector('.details') === null", QUICK)?;
    // With a selection, Tab enters the map on the selected country.
    page.click(&member("SE"))?;
    wait_for_selection(page, "association:SOM")?;
    page.click("#search-input")?;
    let mut presses = 0;
    while focused_country(page)?.is_none() && presses < 15 {
        page.press(keys::TAB)?;
        presses += 1;
    }
    let entered = focused_country(page)?;
    check(entered.as_deref() == Some("SE"), || {
        format!("with Sweden selected, Tab entered the map on {entered:?}")
    })?;
    // "?" lists every key; Escape closes the list and the focus stays on the map.
    page.press("?")?;
    page.wait_for("document.querySelector('.map-keys') !== null", QUICK)?;
    let rows: usize = page.eval("document.querySelectorAll('.map-keys dt').length")?;
    let text = page.text(".map-keys")?;
    let t = impala_map::i18n::Lang::EN.strings();
    for what in [
        t.key_arrows(),
        t.key_shift_arrows(),
        t.key_home_end(),
        t.key_enter(),
        t.key_escape(),
        t.key_zoom(),
        t.zoom_home(),
        t.key_help(),
        t.key_tab(),
    ] {
        check(text.contains(what), || {
            format!("the key list lacks {what:?}: {text:?}")
        })?;
    }
    check(rows >= 9, || format!("the key list has {rows} rows"))?;
    page.screenshot_named("map-keys")?;
    page.click(".map-keys-close")?;
    page.wait_for("document.querySelector('.map-keys') === null", QUICK)?;
    let expanded: String =
        page.eval("document.querySelector('.map-keys-button').getAttribute('aria-expanded')")?;
    check(expanded == "false", || {
        format!("the keys button says aria-expanded={expanded}")
    })?;
    // "Skip the map" shows when focused and moves the focus past the map.
    page.eval::<Option<bool>>(
        "(() => { document.querySelector('.skip-map').focus(); return null; })()",
    )?;
    page.wait_for("(() => { const r = document.querySelector('.skip-map').getBoundingClientRect(); const f = document.querySelector('.map-frame').getBoundingClientRect(); return r.top >= f.top && r.bottom <= f.bottom && r.height > 10; })()", QUICK)
        .map_err(|e| {
            let seen: String = page
                .eval("(() => { const l = document.querySelector('.skip-map'); const r = l.getBoundingClientRect(); const f = document.querySelector('.map-frame').getBoundingClientRect(); return [document.activeElement === l, getComputedStyle(l).transform, r.top, r.bottom, f.top, f.bottom].join(' '); })()")
                .unwrap_or_default();
            format!("the skip link does not show inside the map when focused ({seen}): {e}")
        })?;
    page.press(keys::ENTER)?;
    page.wait_for(
        "document.activeElement && document.activeElement.id === 'after-map'",
        QUICK,
    )?;
    page.press(keys::TAB)?;
    let past: bool = page.eval("!document.activeElement.closest('.map-frame')")?;
    check(past, || {
        "Tab after the skip link went back into the map".into()
    })
}

pub fn zoom_in_out_reset_and_pan(page: &mut Page, _: &Expected) -> Result<()> {
    page.open_app()?;
    let home = view_box(page)?;
    page.click(".map-controls .zoom-in")?;
    view_changes_from(page, home)?;
    let zoomed = view_box(page)?;
    check(zoomed[2] < home[2] * 0.75, || {
        format!("zoom in: {home:?} -> {zoomed:?}")
    })?;
    page.click(".map-controls .zoom-out")?;
    page.wait_for(&box_is(home), QUICK)?;
    // Keyboard: + twice on a focused country, Shift + arrows pan, 0 resets.
    page.eval::<Option<bool>>(&format!(
        "(() => {{ document.querySelector('{}').focus(); return null; }})()",
        member("DE").replace('"', "\\\"")
    ))?;
    page.press("++")?;
    view_changes_from(page, home)?;
    let before = view_box(page)?;
    page.press(&format!("{}{}", keys::SHIFT, keys::ARROW_RIGHT))?;
    view_changes_from(page, before)?;
    let after = view_box(page)?;
    check(after[0] > before[0], || {
        format!("Shift+ArrowRight did not pan east: {before:?} -> {after:?}")
    })?;
    // The map can never be lost: fifty presses later the view is still on the map.
    page.press(&format!("{}{}", keys::SHIFT, keys::ARROW_RIGHT.repeat(50)))?;
    let far = view_box(page)?;
    check(
        far[0] >= -0.01 && far[0] + far[2] <= EUROPE.width + 0.01,
        || format!("panned off the map: {far:?}"),
    )?;
    page.press("0")?;
    page.wait_for(&box_is(home), QUICK)?;
    // Dragging pans (after zooming in); the reset button brings all of Europe back.
    page.click(".map-controls .zoom-in")?;
    let before: [f64; 4] = view_box(page)?;
    let rect: [f64; 4] = page.eval("(() => { const r = document.querySelector('svg.europe-map').getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; })()")?;
    let centre = (rect[0] + rect[2] / 2.0, rect[1] + rect[3] / 2.0);
    page.drag(centre, (centre.0 - 120.0, centre.1 - 80.0))?;
    view_changes_from(page, before)?;
    let dragged = view_box(page)?;
    check(dragged[0] > before[0] && dragged[1] > before[1], || {
        format!(
            "dragging left and up should move the view east and south: {before:?} -> {dragged:?}"
        )
    })?;
    let selected = selected_countries(page)?;
    check(selected.is_empty(), || {
        format!("a drag selected {selected:?}")
    })?;
    page.click(".map-controls .zoom-reset")?;
    page.wait_for(&box_is(home), QUICK)?;
    // A double click zooms in where it happens.
    page.double_click(&member("ES"))?;
    view_changes_from(page, home)?;
    let zoomed = view_box(page)?;
    let spain = EUROPE.shape("ES").ok_or("ES")?.label.map(f64::from);
    check(
        zoomed[2] < home[2]
            && spain[0] >= zoomed[0]
            && spain[0] <= zoomed[0] + zoomed[2]
            && spain[1] >= zoomed[1]
            && spain[1] <= zoomed[1] + zoomed[3],
        || format!("double click on Spain: {home:?} -> {zoomed:?}"),
    )
}

pub fn colouring_by_period(page: &mut Page, _: &Expected) -> Result<()> {
    use impala_map::palette::{country_period, periods};
    page.open_app()?;
    page.click("[data-colouring=period]")?;
    page.wait_for(
        "document.querySelector('svg.europe-map path.country.member[class*=\"fill-p\"]') !== null",
        QUICK,
    )?;
    let classes: Vec<(String, String)> = page.eval(
        "Array.from(document.querySelectorAll('svg.europe-map path.country.member'), (e) => [e.getAttribute('data-country'), e.getAttribute('class')])",
    )?;
    for (code, class) in &classes {
        let period =
            country_period(dataset(), code).ok_or_else(|| format!("{code} has no period"))?;
        check(
            class.split_whitespace().any(|c| c == period.class()),
            || format!("{code} has classes {class:?}, expected {}", period.class()),
        )?;
    }
    let legend = page.text(".map-legend")?;
    for period in periods(dataset()) {
        check(legend.contains(&period.label(Lang::EN.strings())), || {
            format!(
                "the legend lacks {:?}: {legend:?}",
                period.label(Lang::EN.strings())
            )
        })?;
    }
    page.click("[data-colouring=association]")?;
    page.wait_for(
        "document.querySelector('svg.europe-map path.country.member[class*=\"fill-a\"]') !== null",
        QUICK,
    )
}

/// Waits until the map's view box is no longer `from`.
fn view_changes_from(page: &Page, from: [f64; 4]) -> Result<()> {
    page.wait_for(
        &format!(
            "document.querySelector('svg.europe-map').getAttribute('viewBox') !== '{}'",
            fmt_box(from)
        ),
        QUICK,
    )
}

fn fmt_box(b: [f64; 4]) -> String {
    let n = |v: f64| {
        let s = format!("{v:.2}");
        let s = s.trim_end_matches('0').trim_end_matches('.').to_owned();
        if s == "-0" {
            "0".to_owned()
        } else {
            s
        }
    };
    format!("{} {} {} {}", n(b[0]), n(b[1]), n(b[2]), n(b[3]))
}

fn box_is(b: [f64; 4]) -> String {
    format!(
        "(() => {{ const v = document.querySelector('svg.europe-map').getAttribute('viewBox').split(' ').map(Number); \
         const w = [{}, {}, {}, {}]; return v.every((x, i) => Math.abs(x - w[i]) < 0.02); }})()",
        b[0], b[1], b[2], b[3]
    )
}

pub fn search_finds_and_selects(page: &mut Page, _: &Expected) -> Result<()> {
    page.open_app()?;
    for (query, selection) in [
        ("vtmo", "association:VTMÖ"),
        ("Osterreich", "association:VTMÖ"),
        ("runda", "association:RUNDA"),
        ("France", "country:FR"),
    ] {
        page.eval::<Option<bool>>("(() => { const i = document.querySelector('#search-input'); i.value = ''; return null; })()")?;
        page.type_into("#search-input", query)?;
        page.wait_for("document.querySelector('.search-hit') !== null", QUICK)?;
        page.press(keys::ENTER)?;
        wait_for_selection(page, selection).map_err(|e| format!("searching {query:?}: {e}"))?;
    }
    Ok(())
}

pub fn table_view_stays_in_sync(page: &mut Page, expected: &Expected) -> Result<()> {
    page.open_app()?;
    page.click_on(&member("DE"))?;
    wait_for_selection(page, "association:VUT")?;
    page.switch_view("table")?;
    page.wait_for(
        "document.querySelector('table.association-table') !== null",
        QUICK,
    )?;
    let rows: Vec<String> = page.eval(
        "Array.from(document.querySelectorAll('table.association-table tbody tr'), (r) => r.getAttribute('data-association'))",
    )?;
    let set: BTreeSet<String> = rows.iter().cloned().collect();
    check(
        rows.len() == expected.associations && set == expected.acronyms,
        || format!("table rows {rows:?}"),
    )?;
    let marked: Vec<String> = page.eval(
        "Array.from(document.querySelectorAll('table.association-table tbody tr.selected'), (r) => r.getAttribute('data-association'))",
    )?;
    check(marked == ["VUT"], || {
        format!("table marks {marked:?}, expected VUT")
    })?;
    // Sorting by name, twice.
    let by_name: Vec<String> = sorted_associations(
        dataset(),
        Lang::EN.strings(),
        Sort {
            key: SortKey::Name,
            ascending: true,
        },
    )
    .iter()
    .map(|a| a.acronym.to_string())
    .collect();
    page.click("[data-sort=name]")?;
    let order = "Array.from(document.querySelectorAll('table.association-table tbody tr'), (r) => r.getAttribute('data-association'))";
    page.wait_for(&format!("{order}[0] === '{}'", by_name[0]), QUICK)?;
    let got: Vec<String> = page.eval(order)?;
    check(got == by_name, || {
        format!("sorted by name: {got:?}, expected {by_name:?}")
    })?;
    page.click("[data-sort=name]")?;
    let mut reversed = by_name.clone();
    reversed.reverse();
    page.wait_for(&format!("{order}[0] === '{}'", reversed[0]), QUICK)?;
    // Selecting in the table selects on the map.
    page.click("tr[data-association=RUNDA] .row-select")?;
    wait_for_selection(page, "association:RUNDA")?;
    page.screenshot_named("table")?;
    page.switch_view("map")?;
    page.wait_for("document.querySelector('svg.europe-map') !== null", QUICK)?;
    let selected = selected_countries(page)?;
    let runda: BTreeSet<String> = countries_of("RUNDA")?.into_iter().collect();
    check(selected == runda, || {
        format!("after the table, the map highlights {selected:?}")
    })
}

pub fn axe_finds_no_violations(page: &mut Page, _: &Expected) -> Result<()> {
    page.open_app()?;
    let mut problems = Vec::new();
    for (state, action) in [
        ("at start", None),
        ("with France selected", Some(member("FR"))),
        ("with RUNDA selected", Some(member("RS"))),
    ] {
        if let Some(css) = action {
            page.click_on(&css)?;
            page.wait_for("document.querySelector('.details') !== null", QUICK)?;
        }
        for violation in page.axe_violations()? {
            problems.push(format!("{state}: {violation}"));
        }
    }
    page.switch_view("table")?;
    page.wait_for(
        "document.querySelector('table.association-table') !== null",
        QUICK,
    )?;
    for violation in page.axe_violations()? {
        problems.push(format!("table view: {violation}"));
    }
    check(problems.is_empty(), || {
        format!("axe-core found:\n  {}", problems.join("\n  "))
    })
}

/// On a phone, a laptop and a 4K screen, in each of the nine languages (French, German and Polish
/// words are longer):
/// nothing overflows sideways, and the map uses the space it is given.
pub fn fits_every_screen(page: &mut Page, _: &Expected) -> Result<()> {
    for lang in Lang::all() {
        page.open_app_at(&format!("/?lang={}", lang.code()))?;
        // Each language but English arrives in its own file.
        page.wait_for(
            &format!("document.documentElement.lang === '{}'", lang.code()),
            QUICK,
        )?;
        fits_in_every_size(page, lang.code())?;
    }
    page.set_viewport(WIDTH, HEIGHT)
}

fn fits_in_every_size(page: &mut Page, lang: &str) -> Result<()> {
    for (width, height) in [
        (360, 740),
        (1280, 800),
        (1440, 900),
        (1920, 1080),
        (3840, 2160),
    ] {
        page.set_viewport(width, height)?;
        page.wait_for(&format!("window.innerWidth === {width}"), QUICK)?;
        if let Some(overflow) = page.overflow()? {
            return Err(format!("{width}x{height} in {lang}: {overflow}"));
        }
        let map: [f64; 7] = page.eval(
            "(() => { const r = document.querySelector('svg.europe-map').getBoundingClientRect(); \
             const s = document.querySelector('.map-stage').getBoundingClientRect(); \
             return [r.width, r.height, r.bottom, s.width, s.height, \
             document.documentElement.scrollHeight, window.innerHeight]; })()",
        )?;
        let [map_w, map_h, bottom, stage_w, stage_h, page_h, view_h] = map;
        // The map uses the space it is given: the whole width on a phone (stacked above the
        // list); on a wide screen the app fits the window, the map is as large as its box allows
        // (it touches the box's sides or its top and bottom) and wholly in view.
        let w = f64::from(width);
        let uses_space = if width < 900 {
            map_w >= w * 0.85
        } else {
            page_h <= view_h + 1.0
                && ((map_w - stage_w).abs() < 2.0 || (map_h - stage_h).abs() < 2.0)
                && bottom <= view_h + 1.0
                && map_h >= view_h * 0.4
        };
        check(uses_space, || {
            format!(
                "{width}x{height} in {lang}: the map is {map_w:.0}x{map_h:.0} in a box of \
                 {stage_w:.0}x{stage_h:.0}, its bottom at {bottom:.0}; the page is {page_h:.0} tall"
            )
        })?;
        // The map leads: on a laptop or a desktop screen it takes at least 40 % of the window.
        if width >= 1280 {
            let share = map_w * map_h / (w * f64::from(height));
            check(share >= MAP_SHARE, || {
                format!(
                    "{width}x{height} in {lang}: the map is {map_w:.0}x{map_h:.0}, {:.1} % of \
                     the window (at least {:.0} % wanted)",
                    share * 100.0,
                    MAP_SHARE * 100.0
                )
            })?;
        }
        page.screenshot_named(&format!("{width}x{height}-{lang}"))?;
    }
    Ok(())
}

/// The least share of a laptop's or a desktop's window the map takes.
const MAP_SHARE: f64 = 0.40;

/// What Tab reaches from the search box, in order, as short names ("lang-select",
/// "map:SE", "list:SOM"), up to `limit` Tabs.
fn tab_path(page: &mut Page, limit: usize) -> Result<Vec<String>> {
    page.click("#search-input")?;
    let mut path = Vec::new();
    for _ in 0..limit {
        page.press(keys::TAB)?;
        path.push(page.eval(
            "(() => { const e = document.activeElement; if (!e || e === document.body) return 'body'; \
             if (e.dataset && e.dataset.country) return 'map:' + e.dataset.country; \
             const li = e.closest('[data-association]'); \
             if (li && e.classList.contains('acronym')) return 'list:' + li.dataset.association; \
             if (li) return 'timeline:' + li.dataset.association; \
             if (e.dataset && e.dataset.view) return 'view:' + e.dataset.view; \
             if (e.dataset && e.dataset.themeChoice) return 'theme:' + e.dataset.themeChoice; \
             if (e.dataset && e.dataset.download) return 'download:' + e.dataset.download; \
             if (e.dataset && e.dataset.colouring) return 'colouring:' + e.dataset.colouring; \
             const c = (e.getAttribute('class') || '').split(' ')[0]; \
             if (c === 'year-play' || c === 'year-back' || c === 'year-forward') return 'year-step:' + c.slice(5); \
             return c || e.tagName.toLowerCase(); })()",
        )?);
    }
    Ok(path)
}

/// Everything on the page is a few Tabs from the search box (at most 15): the language menu, the
/// map, the list, the colours and the downloads; each group of buttons and the list of
/// associations is one Tab stop whose arrows go from item to item.
pub fn the_language_is_a_few_tabs_from_the_search(page: &mut Page, _: &Expected) -> Result<()> {
    page.open_app()?;
    let path = tab_path(page, 40)?;
    let at = |prefix: &str| {
        path.iter()
            .position(|p| p.starts_with(prefix))
            .map(|i| i + 1)
    };
    let reached: Vec<(&str, Option<usize>)> =
        ["lang-select", "map:", "list:", "theme:", "download:"]
            .into_iter()
            .map(|group| (group, at(group)))
            .collect();
    page.note(&format!(
        "Tabs from the search box: {reached:?}; path {path:?}"
    ));
    let far: Vec<_> = reached
        .iter()
        .filter(|(_, n)| !n.is_some_and(|n| n <= 15))
        .collect();
    check(far.is_empty(), || {
        format!("more than 15 Tabs from the search box: {far:?}; path {path:?}")
    })?;
    let list = at("list:");
    // Once round the page: up to where Tab leaves it (the browser's own controls, or the search
    // box again). The list and each group of buttons are one stop.
    let once_round = || {
        path.iter()
            .take_while(|p| *p != "body" && *p != "search-input")
    };
    for group in [
        "list:",
        "view:",
        "theme:",
        "download:",
        "colouring:",
        "zoom-",
        "year-step:",
    ] {
        let stops = once_round().filter(|p| p.starts_with(group)).count();
        check(stops == 1, || {
            format!("{group} takes {stops} Tab stops: {path:?}")
        })?;
    }
    // In a group of buttons the arrows move: → from the theme in use to the next theme.
    let theme_at = at("theme:").ok_or("Tab never reached the colours")?;
    page.click("#search-input")?;
    for _ in 0..theme_at {
        page.press(keys::TAB)?;
    }
    let choice = |page: &Page| -> Result<String> {
        page.eval("document.activeElement.getAttribute('data-theme-choice') || ''")
    };
    let first = choice(page)?;
    page.press(keys::ARROW_RIGHT)?;
    let second = choice(page)?;
    check(
        !first.is_empty() && !second.is_empty() && first != second,
        || format!("→ in the colours went from {first:?} to {second:?}"),
    )?;
    // In the list: ↓ the next association, End the last, Enter selects it.
    let order: Vec<&str> = dataset()
        .associations_by_founding()
        .iter()
        .map(|a| &*a.acronym)
        .collect();
    let list_at = list.ok_or("Tab never reached the list")?;
    page.click("#search-input")?;
    for _ in 0..list_at {
        page.press(keys::TAB)?;
    }
    let on = |page: &Page| -> Result<String> {
        page.eval("(() => { const li = document.activeElement.closest('[data-association]'); return li ? li.dataset.association : ''; })()")
    };
    check(on(page)? == order[0], || {
        format!("Tab entered the list on {:?}", on(page).ok())
    })?;
    page.press(keys::ARROW_DOWN)?;
    check(on(page)? == order[1], || {
        format!("↓ went to {:?}, expected {}", on(page).ok(), order[1])
    })?;
    page.press(keys::END)?;
    let last = order.last().copied().unwrap_or_default();
    check(on(page)? == last, || {
        format!("End went to {:?}, expected {last}", on(page).ok())
    })?;
    page.press(keys::ENTER)?;
    wait_for_selection(page, &format!("association:{last}")).map_err(|e| {
        let focus: String = page
            .eval(
                "(() => { const e = document.activeElement; return e.outerHTML.slice(0, 200); })()",
            )
            .unwrap_or_default();
        format!("{e} (focus on {focus})")
    })
}

/// A script that sends touch pointer events `(type, pointer id, x, y)` (viewport coordinates) to
/// whatever is at each point, as a finger would; with `click`, a click follows at the last point.
pub(crate) fn touch_js(events: &[(&str, i32, f64, f64)], click: bool) -> String {
    let list: Vec<String> = events
        .iter()
        .map(|(kind, id, x, y)| format!("['{kind}', {id}, {x}, {y}]"))
        .collect();
    let events = format!("[{}]", list.join(", "));
    let body = touch_body(
        &events,
        "document.elementFromPoint(x, y) || document.body",
        click,
    );
    format!("(() => {body})()")
}

/// A script that taps the centre of the first element matching `selector` with a finger, as
/// [`touch_js`] does at a point (down, up and a click), but sent to that element whatever is
/// over it: a kiosk's attract loop, starting meanwhile, covers the map, and a touch on it only
/// wakes the kiosk.
pub(crate) fn tap_js(selector: &str) -> String {
    format!(
        "(() => {{ const el = document.querySelector({selector:?}); \
         const r = el.getBoundingClientRect(); \
         const cx = r.left + r.width / 2, cy = r.top + r.height / 2; return (() => {})(); }})()",
        touch_body(
            "[['pointerdown', 11, cx, cy], ['pointerup', 11, cx, cy]]",
            "el",
            true
        )
    )
}

/// The body of a function that sends the touch events of the JavaScript array `events`, each
/// to the element the expression `target` gives (it may use the event's `x` and `y`).
fn touch_body(events: &str, target: &str, click: bool) -> String {
    format!(
        "{{ let last = null; for (const [type, id, x, y] of {events}) {{ \
         const target = {target}; last = [target, x, y]; \
         target.dispatchEvent(new PointerEvent(type, {{ pointerId: id, pointerType: 'touch', \
         isPrimary: id === 11, clientX: x, clientY: y, bubbles: true, cancelable: true, composed: true, \
         button: 0, buttons: type === 'pointerup' ? 0 : 1 }})); }} \
         if ({click} && last) last[0].dispatchEvent(new MouseEvent('click', {{ clientX: last[1], \
         clientY: last[2], bubbles: true, cancelable: true }})); return null; }}"
    )
}

pub fn tap_selects_and_shows_the_tooltip(page: &mut Page, _: &Expected) -> Result<()> {
    page.open_app()?;
    if page.engine() == EngineKind::Webkit {
        // WebKitGTK's WebDriver turns touch actions into mouse events: tap from the page.
        let [x, y]: [f64; 2] = page.eval(&format!(
            "(() => {{ const r = document.querySelector('{}').getBoundingClientRect(); \
             return [r.left + r.width / 2, r.top + r.height / 2]; }})()",
            member("IT").replace('"', "\\\"")
        ))?;
        page.eval::<Option<bool>>(&touch_js(
            &[("pointerdown", 11, x, y), ("pointerup", 11, x, y)],
            true,
        ))?;
    } else {
        page.tap_on(&member("IT"))?;
    }
    wait_for_selection(page, "country:IT")?;
    page.wait_for(
        "document.querySelector('.map-tooltip[data-country=\"IT\"]') !== null",
        QUICK,
    )?;
    let text = page.text(".map-tooltip")?;
    let acronyms: Vec<String> = dataset()
        .associations_in("IT")
        .map(|a| a.acronym.to_string())
        .collect();
    check(acronyms.iter().all(|a| text.contains(a.as_str())), || {
        format!("the tooltip after a tap on Italy says {text:?}, expected {acronyms:?}")
    })?;
    // Two quick taps zoom in (sent from the page: the same in every engine).
    let home = view_box(page)?;
    let [x, y]: [f64; 2] = page.eval(
        "(() => { const r = document.querySelector('svg.europe-map').getBoundingClientRect(); \
         return [r.left + r.width * 0.3, r.top + r.height * 0.8]; })()",
    )?;
    let tap = [("pointerdown", 11, x, y), ("pointerup", 11, x, y)];
    page.eval::<Option<bool>>(&touch_js(&[tap, tap].concat(), false))?;
    view_changes_from(page, home).map_err(|e| format!("a double tap did not zoom in: {e}"))
}

/// Dispatches a wheel event over the map's centre in `target_document` (a JS expression).
fn wheel_js(target_document: &str, ctrl: bool) -> String {
    format!(
        "(() => {{ const d = {target_document}; const svg = d.querySelector('svg.europe-map'); \
         const r = svg.getBoundingClientRect(); \
         const e = new (d.defaultView.WheelEvent)('wheel', {{ deltaY: -240, clientX: r.left + r.width / 2, \
         clientY: r.top + r.height / 2, ctrlKey: {ctrl}, bubbles: true, cancelable: true }}); \
         svg.dispatchEvent(e); return e.defaultPrevented; }})()"
    )
}

pub fn wheel_zooms_but_never_traps_a_host_page(page: &mut Page, _: &Expected) -> Result<()> {
    // On its own page, the wheel zooms the map (and the page does not scroll).
    page.open_app()?;
    let home = view_box(page)?;
    let prevented: bool = page.eval(&wheel_js("document", false))?;
    check(prevented, || {
        "the wheel over the map scrolled the page".into()
    })?;
    view_changes_from(page, home)?;
    // In a frame, a plain wheel scrolls the host page and shows a hint; Ctrl + wheel zooms.
    page.eval::<Option<bool>>(
        "(() => { document.body.innerHTML = '<iframe id=host-frame src=\"/\" style=\"width:900px;height:700px\"></iframe>'; return null; })()",
    )?;
    let inner = "document.getElementById('host-frame').contentDocument";
    page.wait_for(
        // The app, not the first view the page starts with (the map is there before the app).
        &format!("{inner} && {inner}.querySelector('[data-app-ready] svg.europe-map') !== null"),
        Duration::from_secs(30),
    )?;
    let frame_box = format!("{inner}.querySelector('svg.europe-map').getAttribute('viewBox')");
    let start: String = page.eval(&frame_box)?;
    let prevented: bool = page.eval(&wheel_js(inner, false))?;
    check(!prevented, || {
        "in a frame, a plain wheel was captured by the map".into()
    })?;
    page.wait_for(
        &format!("{inner}.querySelector('.wheel-hint') !== null"),
        QUICK,
    )?;
    let hint: String = page.eval(&format!("{inner}.querySelector('.wheel-hint').textContent"))?;
    check(hint.contains("Ctrl"), || format!("the hint says {hint:?}"))?;
    let after: String = page.eval(&frame_box)?;
    check(after == start, || {
        format!("a plain wheel zoomed the framed map: {start} -> {after}")
    })?;
    let prevented: bool = page.eval(&wheel_js(inner, true))?;
    check(prevented, || "in a frame, Ctrl + wheel did not zoom".into())?;
    page.wait_for(&format!("{frame_box} !== '{start}'"), QUICK)
}

pub fn pinch_zooms_in(page: &mut Page, _: &Expected) -> Result<()> {
    page.open_app()?;
    let home = view_box(page)?;
    let rect: [f64; 4] = page.eval(
        "(() => { const r = document.querySelector('svg.europe-map').getBoundingClientRect(); \
         return [r.left, r.top, r.width, r.height]; })()",
    )?;
    let centre = (rect[0] + rect[2] / 2.0, rect[1] + rect[3] / 2.0);
    if page.engine() == EngineKind::Webkit {
        // WebKitGTK's WebDriver turns touch actions into one mouse: send the two fingers'
        // pointer events from the page instead.
        let steps = 5;
        let mut events = Vec::new();
        for (id, side) in [(11, -1.0), (12, 1.0)] {
            events.push(("pointerdown", id, centre.0 + side * 30.0, centre.1));
        }
        for step in 1..=steps {
            let spread = 30.0 + 120.0 * f64::from(step) / f64::from(steps);
            for (id, side) in [(11, -1.0), (12, 1.0)] {
                events.push(("pointermove", id, centre.0 + side * spread, centre.1));
            }
        }
        for (id, side) in [(11, -1.0), (12, 1.0)] {
            events.push(("pointerup", id, centre.0 + side * 150.0, centre.1));
        }
        page.eval::<Option<bool>>(&touch_js(&events, false))?;
    } else {
        page.pinch(centre, 30.0, 150.0)?;
    }
    view_changes_from(page, home)?;
    let zoomed = view_box(page)?;
    check(zoomed[2] < home[2] * 0.8, || {
        format!("spreading two fingers should zoom in: {home:?} -> {zoomed:?}")
    })?;
    let selected = selected_countries(page)?;
    check(selected.is_empty(), || {
        format!("a pinch selected {selected:?}")
    })
}

/// The details panel numbers its sources in the order a reader meets them: reading the panel top
/// to bottom, each new number is the next one ([1], then [2] or [1, 2], never [4] before [1]),
/// and the list of sources under it has as many entries as the highest number.
pub fn citations_are_numbered_in_reading_order(page: &mut Page, _: &Expected) -> Result<()> {
    for acronym in ["AMAEI", "VUT"] {
        page.open_app_at(&format!("/?select={acronym}"))?;
        wait_for_selection(page, &format!("association:{acronym}"))?;
        let refs: Vec<String> = page.eval(
            "Array.from(document.querySelectorAll('.details .refs'), (e) => e.textContent)",
        )?;
        let numbers: Vec<usize> = refs
            .iter()
            .flat_map(|r| {
                r.trim_matches(|c| c == '[' || c == ']')
                    .split(',')
                    .filter_map(|n| n.trim().parse().ok())
                    .collect::<Vec<usize>>()
            })
            .collect();
        let mut next = 1;
        for n in &numbers {
            check(*n <= next, || {
                format!("{acronym}: [{n}] comes before [{next}] in reading order: {refs:?}")
            })?;
            if *n == next {
                next += 1;
            }
        }
        let listed: usize =
            page.eval("document.querySelectorAll('.details-sources > li').length")?;
        check(listed == next - 1 && listed > 0, || {
            format!(
                "{acronym}: {listed} sources listed, {} cited: {refs:?}",
                next - 1
            )
        })?;
    }
    Ok(())
}
