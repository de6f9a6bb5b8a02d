//! Languages (issue 8): the interface in English, French and German, chosen by the URL, by the
//! switch in the footer, or by the browser's language; association names in their own language.

use crate::cases::{check, Expected, QUICK};
use crate::page::Page;
use crate::Result;
use impala_map::data::dataset;
use impala_map::i18n::Lang;
use serde_json::json;

fn french() -> Lang {
    Lang::from_code("fr").unwrap_or(Lang::EN)
}

fn german() -> Lang {
    Lang::from_code("de").unwrap_or(Lang::EN)
}

/// What the page says, in whichever language it speaks.
const WORDS: &str = "(() => { const text = (css) => { const e = document.querySelector(css); \
    return e ? e.textContent.trim() : null; }; \
    const attr = (css, name) => { const e = document.querySelector(css); return e ? e.getAttribute(name) : null; }; \
    return { lang: document.documentElement.lang, title: document.title, h1: text('h1'), \
    map_button: text('[data-view=map]'), search_label: text('.search-label'), \
    germany: attr('svg.europe-map path.country.member[data-country=\"DE\"]', 'aria-label'), \
    figure: text('.figure-label'), footer: text('.app-footer > p'), \
    footer_rows: new Set(Array.from(document.querySelectorAll('.app-footer .button-row'), \
    (e) => Math.round(e.getBoundingClientRect().top))).size }; })()";

#[derive(serde::Deserialize, Debug, PartialEq)]
struct Words {
    lang: String,
    title: String,
    h1: Option<String>,
    map_button: Option<String>,
    search_label: Option<String>,
    germany: Option<String>,
    figure: Option<String>,
    footer: Option<String>,
    /// How many lines the footer's rows of buttons take.
    footer_rows: usize,
}

fn words(page: &Page) -> Result<Words> {
    page.eval(WORDS)
}

/// The page speaks `lang`: `<html lang>`, the title, the heading, the view switch, the search
/// box, the figures, the credits and Germany's name on the map are that language's; and on the
/// cases' 1280-pixel-wide screen its longer words keep the footer on one line (a second line of
/// buttons is taken from the map's height).
fn speaks(page: &Page, lang: Lang) -> Result<()> {
    let t = lang.strings();
    // A language other than English arrives in its own file: wait until it is on screen.
    page.wait_for(
        &format!("document.documentElement.lang === '{}'", lang.code()),
        QUICK,
    )?;
    let credits = impala_map::format::credits(t, dataset());
    let w = words(page)?;
    let germany = t.country_name("DE", "Germany");
    check(w.footer_rows == 1, || {
        format!(
            "in {}, the footer's buttons take {} lines at 1280 pixels: {w:#?}",
            lang.code(),
            w.footer_rows
        )
    })?;
    check(
        w.lang == lang.code()
            && w.title == t.page_title
            && w.h1.as_deref() == Some(t.title)
            && w.map_button.as_deref() == Some(t.view_map)
            && w.search_label.as_deref() == Some(t.search_label)
            && w.figure.as_deref() == Some(t.figure_territories)
            && w.footer.as_deref() == Some(credits.as_str())
            && w.germany.as_deref().is_some_and(|g| g.starts_with(germany)),
        || format!("expected the page in {}: {w:#?}", lang.code()),
    )
}

pub fn languages_change_the_words(page: &mut Page, _: &Expected) -> Result<()> {
    // The test browsers' own language is English.
    page.open_app()?;
    speaks(page, Lang::EN)?;

    // Asked for by the URL, with an association selected.
    page.open_app_at("/?lang=fr&select=VUT")?;
    speaks(page, french())?;
    let vut = dataset().association("VUT").ok_or("VUT is in the data")?;
    let own: (Option<String>, Option<String>, Option<String>) = page.eval(
        "[document.querySelector('.details-name')?.getAttribute('lang'), \
          document.querySelector('.details-name')?.textContent, \
          document.querySelector('.details-description')?.getAttribute('lang')]",
    )?;
    check(
        own.0.as_deref() == vut.name_native_lang.as_deref()
            && own.1.as_deref() == vut.name_native.as_deref()
            && own.2.is_none(),
        || {
            format!(
                "VUT's name should be in German, marked lang=de, and its description in French, \
                 the page's language (no lang of its own): {own:?}"
            )
        },
    )?;
    let description: String = page.text(".details-description")?;
    let in_french = french().strings();
    check(
        Some(description.as_str()) == in_french.about("VUT", "description"),
        || format!("VUT's description is not the French file's: {description:?}"),
    )?;
    let founded: String = page.text(".details-facts")?;
    check(founded.contains(french().strings().founded), || {
        format!("the details' labels are not French: {founded:?}")
    })?;
    let violations = page.axe_violations()?;
    check(violations.is_empty(), || {
        format!("axe in French: {violations:#?}")
    })?;
    page.screenshot_named("lang-fr")?;

    // Chosen in the footer, and kept in the URL.
    page.click("[data-lang-choice=de]")?;
    page.wait_for(
        "document.documentElement.lang === 'de' && location.search.includes('lang=de')",
        QUICK,
    )?;
    speaks(page, german())?;
    let pressed: String = page.eval(
        "document.querySelector('.lang-switch [aria-pressed=true]').getAttribute('data-lang-choice')",
    )?;
    check(pressed == "de", || {
        format!("the switch shows {pressed:?} as chosen")
    })?;
    page.switch_view("timeline")?;
    page.wait_for("document.querySelector('.growth-svg text') !== null", QUICK)?;
    let heading: String = page.text("#timeline-heading")?;
    check(heading == german().strings().timeline_heading, || {
        format!("the timeline's heading is not German: {heading:?}")
    })?;
    page.screenshot_named("lang-de-timeline")?;

    // Back to English by the switch.
    page.click("[data-lang-choice=en]")?;
    page.wait_for("document.documentElement.lang === 'en'", QUICK)?;
    let heading: String = page.text("#timeline-heading")?;
    check(heading == Lang::EN.strings().timeline_heading, || {
        format!("back in English, the timeline's heading is {heading:?}")
    })
}

/// Chromium only (the DevTools protocol sets the browser's language): with no language in the
/// URL, a browser set to Austrian German gets German, and one set to Japanese gets English.
pub fn browser_language_chooses_the_interface(page: &mut Page, _: &Expected) -> Result<()> {
    page.open_app()?;
    let agent: String = page.eval("navigator.userAgent")?;
    let set = |page: &mut Page, languages: &str| -> Result<()> {
        page.chromium_cdp(
            "Emulation.setUserAgentOverride",
            json!({ "userAgent": agent, "acceptLanguage": languages }),
        )
    };
    set(page, "de-AT,de;q=0.9,en;q=0.5")?;
    let result = (|| {
        page.open_app()?;
        speaks(page, german())?;
        set(page, "ja-JP,ja;q=0.9")?;
        page.open_app()?;
        speaks(page, Lang::EN)?;
        // The URL wins over the browser.
        set(page, "de-DE")?;
        page.open_app_at("/?lang=fr")?;
        speaks(page, french())
    })();
    set(page, "en-US,en")?;
    result
}
