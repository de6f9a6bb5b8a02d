//! Colour themes (issue 8): light, dark and high contrast from styles/themes.css, chosen by the
//! URL, by the switch in the footer, or (auto) by the system's `prefers-color-scheme`.

use crate::cases::{check, Expected, QUICK};
use crate::page::Page;
use crate::Result;

/// What a theme looks like on the page: the page's background, the text colour, a member
/// country's fill (Germany), the growth chart's text colour (in the timeline view, else
/// `null`), the `color-scheme` in use and the side column's scrollbar track (`null` where the
/// engine has no `scrollbar-color`: WebKit).
const LOOK: &str = "(() => { const css = (e, p) => e ? getComputedStyle(e)[p] : null; \
    return { page: css(document.body, 'backgroundColor'), text: css(document.body, 'color'), \
    germany: css(document.querySelector('svg.europe-map path.country.member[data-country=\"DE\"]'), 'fill'), \
    chart: css(document.querySelector('.growth-svg text'), 'fill'), \
    scheme: css(document.documentElement, 'colorScheme'), \
    track: CSS.supports('scrollbar-color', 'red blue') ? \
      (css(document.querySelector('.side'), 'scrollbarColor').match(/rgba?\\([^)]*\\)/g) || [])[1] || '' : null }; })()";

#[derive(serde::Deserialize, Debug, Clone, PartialEq)]
struct Look {
    page: String,
    text: String,
    germany: Option<String>,
    chart: Option<String>,
    scheme: String,
    track: Option<String>,
}

fn look(page: &Page) -> Result<Look> {
    page.eval(LOOK)
}

/// The page's background is dark (or light): the mean of its red, green and blue.
fn brightness(colour: &str) -> f64 {
    let parts: Vec<f64> = colour
        .trim_start_matches("rgba(")
        .trim_start_matches("rgb(")
        .trim_end_matches(')')
        .split(',')
        .take(3)
        .filter_map(|p| p.trim().parse().ok())
        .collect();
    parts.iter().sum::<f64>() / parts.len().max(1) as f64
}

fn no_axe_violations(page: &Page, theme: &str) -> Result<()> {
    let violations = page.axe_violations()?;
    check(violations.is_empty(), || {
        format!("axe in the {theme} theme: {violations:#?}")
    })
}

pub fn themes_change_the_colours(page: &mut Page, _: &Expected) -> Result<()> {
    page.open_app()?;
    let light = look(page)?;
    check(brightness(&light.page) > 240.0, || {
        format!("the default page is not light: {light:?}")
    })?;

    // Asked for by the URL.
    page.open_app_at("/?theme=dark")?;
    let dark = look(page)?;
    check(
        brightness(&dark.page) < 40.0
            && brightness(&dark.text) > 200.0
            && dark.scheme == "dark"
            && dark
                .track
                .as_deref()
                .is_none_or(|track| track.starts_with("rgb") && brightness(track) < 40.0),
        || format!("?theme=dark: {dark:?}"),
    )?;
    check(dark.germany != light.germany, || {
        format!(
            "Germany has the same fill in dark and light: {:?}",
            dark.germany
        )
    })?;
    no_axe_violations(page, "dark")?;
    page.screenshot_named("theme-dark")?;
    page.switch_view("timeline")?;
    page.wait_for("document.querySelector('.growth-svg text') !== null", QUICK)?;
    let chart = look(page)?.chart;
    check(
        chart.as_deref().is_some_and(|c| brightness(c) > 200.0),
        || format!("the growth chart's text in the dark theme: {chart:?}"),
    )?;
    no_axe_violations(page, "dark, timeline")?;
    page.screenshot_named("theme-dark-timeline")?;

    // Chosen in the footer, and kept in the URL.
    page.switch_view("map")?;
    page.click("[data-theme-choice=contrast]")?;
    page.wait_for(
        "document.querySelector('.app[data-theme=contrast]') !== null && location.search.includes('theme=contrast')",
        QUICK,
    )?;
    let contrast = look(page)?;
    check(
        brightness(&contrast.page) > 250.0
            && brightness(&contrast.text) < 10.0
            && contrast.germany != light.germany
            && contrast.germany != dark.germany,
        || format!("high contrast: {contrast:?} (light {light:?})"),
    )?;
    let pressed: String = page.eval(
        "document.querySelector('.theme-switch [aria-pressed=true]').getAttribute('data-theme-choice')",
    )?;
    check(pressed == "contrast", || {
        format!("the switch shows {pressed:?} as chosen")
    })?;
    no_axe_violations(page, "high contrast")?;
    page.screenshot_named("theme-contrast")?;

    page.click("[data-theme-choice=light]")?;
    page.wait_for(
        "document.querySelector('.app[data-theme=light]') !== null",
        QUICK,
    )?;
    let back = look(page)?;
    check(back == light, || {
        format!("back to light: {back:?}, expected {light:?}")
    })
}

/// Chromium only (the DevTools protocol emulates the system's setting): with no theme in the
/// URL, a dark system gets the dark theme, and a light one the light theme.
pub fn auto_theme_follows_the_system(page: &mut Page, _: &Expected) -> Result<()> {
    page.open_app_at("/?theme=dark")?;
    let dark = look(page)?;
    page.emulate_media_features(&[("prefers-color-scheme", "dark")])?;
    let result = (|| {
        page.open_app()?;
        let auto = look(page)?;
        check(auto == dark, || {
            format!("a dark system without ?theme: {auto:?}, expected the dark theme {dark:?}")
        })?;
        page.emulate_media_features(&[("prefers-color-scheme", "light")])?;
        let light = look(page)?;
        check(brightness(&light.page) > 240.0, || {
            format!("a light system without ?theme: {light:?}")
        })
    })();
    page.emulate_media_features(&[])?;
    result
}
