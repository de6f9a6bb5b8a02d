//! Languages (issue 8): the interface in English, French and German, chosen by the URL, by the
//! switch beside the search box, or by the browser's language; association names in their own language.

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
    figure: text('.figure-label'), footer: text('.app-footer > p') }; })()";

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
}

fn words(page: &Page) -> Result<Words> {
    page.eval(WORDS)
}

/// The page speaks `lang`: `<html lang>`, the title, the heading, the view switch, the search
/// box, the figures, the credits and Germany's name on the map are that language's (the map's
/// share of the window in every language is `fits_every_screen`'s).
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
    check(
        w.lang == lang.code()
            && w.title == t.page_title()
            && w.h1.as_deref() == Some(t.title())
            && w.map_button.as_deref() == Some(t.view_map())
            && w.search_label.as_deref() == Some(t.search_label())
            && w.figure.as_deref()
                == Some(t.plural(t.figure_territories(), dataset().headline().territories))
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
        Some(description.as_str()) == in_french.about_association("VUT", "description"),
        || format!("VUT's description is not the French file's: {description:?}"),
    )?;
    let founded: String = page.text(".details-facts")?;
    check(founded.contains(french().strings().founded()), || {
        format!("the details' labels are not French: {founded:?}")
    })?;
    let violations = page.axe_violations()?;
    check(violations.is_empty(), || {
        format!("axe in French: {violations:#?}")
    })?;
    page.screenshot_named("lang-fr")?;

    // Chosen beside the search box, and kept in the address as the language's own page (/de/), which a
    // reload paints in German at once.
    page.choose_option(".lang-select", "de")?;
    page.wait_for(
        "document.documentElement.lang === 'de' && location.pathname === '/de/' && !location.search.includes('lang=')",
        QUICK,
    )?;
    speaks(page, german())?;
    let address: String = page.eval("location.pathname + location.search")?;
    page.goto(&address)?;
    let painted: (String, Option<String>) = page.eval(
        "[document.documentElement.lang, document.querySelector('h1')?.textContent ?? null]",
    )?;
    check(
        painted.0 == "de" && painted.1.as_deref() == Some(german().strings().title()),
        || format!("the reloaded page {address} is not German from the start: {painted:?}"),
    )?;
    page.open_app_at(&address)?;
    speaks(page, german())?;
    let pressed: String = page.eval("document.querySelector('.lang-select').value")?;
    check(pressed == "de", || {
        format!("the switch shows {pressed:?} as chosen")
    })?;
    page.switch_view("timeline")?;
    page.wait_for("document.querySelector('.growth-svg text') !== null", QUICK)?;
    let heading: String = page.text("#timeline-heading")?;
    check(heading == german().strings().timeline_heading(), || {
        format!("the timeline's heading is not German: {heading:?}")
    })?;
    page.screenshot_named("lang-de-timeline")?;

    // Back to English by the switch.
    page.choose_option(".lang-select", "en")?;
    page.wait_for("document.documentElement.lang === 'en'", QUICK)?;
    let heading: String = page.text("#timeline-heading")?;
    check(heading == Lang::EN.strings().timeline_heading(), || {
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

/// The page's words as a reader meets them: its text, and the names screen readers speak
/// (`aria-label`, `title`), leaving out what is marked as another language than the page's
/// (association names, a source's published name) and the language switch's own names.
const READ: &str = "(() => { const lang = document.documentElement.lang; const out = []; \
    const walk = (el) => { for (const n of el.childNodes) { \
      if (n.nodeType === 3) { out.push(n.textContent); continue; } \
      if (n.nodeType !== 1) continue; \
      const l = n.getAttribute('lang'); if (l && l !== lang) continue; \
      if (['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(n.tagName)) continue; \
      for (const a of ['aria-label', 'title']) { const v = n.getAttribute(a); if (v) out.push(v); } \
      walk(n); } }; \
    walk(document.body); return out.join(' \\n '); })()";

/// The English sentences (runs of three words or more between placeholders) of every text this
/// language writes differently: none of them may be on a page in this language.
fn english_sentences(lang: Lang) -> Vec<&'static str> {
    let english = Lang::EN.strings();
    let other = lang.strings();
    let mut sentences = Vec::new();
    for (key, text) in english.texts() {
        if key.starts_with("meta.") || other.text(key) == Some(*text) {
            continue;
        }
        let mut rest = *text;
        while !rest.is_empty() {
            let (piece, after) = match rest.find('{') {
                Some(open) => {
                    let close = rest[open..].find('}').map_or(rest.len(), |c| open + c + 1);
                    (&rest[..open], &rest[close..])
                }
                None => (rest, ""),
            };
            let piece = piece.trim();
            if piece.split_whitespace().count() >= 3 {
                sentences.push(piece);
            }
            rest = after;
        }
    }
    sentences
}

/// The page reads wholly in `lang`: its `<html lang>`, and no English sentence in what a reader
/// sees or hears.
fn reads_only(page: &Page, lang: Lang, what: &str) -> Result<()> {
    let text: String = page.eval(READ)?;
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let html_lang: String = page.eval("document.documentElement.lang")?;
    check(html_lang == lang.code(), || {
        format!(
            "{what}: <html lang={html_lang:?}>, expected {}",
            lang.code()
        )
    })?;
    let left: Vec<&str> = english_sentences(lang)
        .into_iter()
        .filter(|sentence| text.contains(sentence))
        .collect();
    check(left.is_empty(), || {
        format!(
            "{what} in {}: English left on the page: {left:?}",
            lang.code()
        )
    })
}

/// Issue 15: in French, German, Polish and Swedish, every word of the details (a disputed year,
/// an unknown year, RUNDA) and of a milestone is in the reader's language, association names
/// keep theirs and are marked with it, and each language's own page (`/pl/`) is in that language
/// with JavaScript off. Screenshots at a laptop's and a phone's size in each language.
pub fn every_word_in_the_readers_language(page: &mut Page, _: &Expected) -> Result<()> {
    for code in ["fr", "de", "pl", "sv"] {
        let lang = Lang::from_code(code).ok_or("the language is listed")?;
        let t = lang.strings();
        for acronym in ["AIM", "INDIERO", "RUNDA", "VTMÖ"] {
            page.open_app_at(&format!("/?lang={code}&select={acronym}"))?;
            page.wait_for(
                &format!(
                    "document.documentElement.lang === '{code}' && document.querySelector('.details-description') !== null"
                ),
                QUICK,
            )?;
            reads_only(page, lang, acronym)?;
            let a = dataset().association(acronym).ok_or("in the data")?;
            let marked: (Option<String>, Option<String>) = page.eval(
                "[document.querySelector('.details-name')?.getAttribute('lang'), \
                  document.querySelector('.details-description')?.textContent]",
            )?;
            check(
                marked.0.as_deref() == a.name_native_lang.as_deref()
                    && marked.1.as_deref() == t.about_association(acronym, "description"),
                || format!("{code} {acronym}: name's lang and description: {marked:?}"),
            )?;
        }
        page.screenshot_named(&format!("lang-{code}-details"))?;
        // A milestone on the timeline.
        page.open_app_at(&format!("/?lang={code}&view=timeline"))?;
        page.wait_for(
            &format!("document.documentElement.lang === '{code}'"),
            QUICK,
        )?;
        page.click_on(".tl-milestone[data-milestone=\"1\"] .tl-dot")?;
        page.wait_for(
            "document.querySelector('.milestone-details') !== null",
            QUICK,
        )?;
        let milestone: String = page.text(".milestone-details")?;
        let id = &dataset().milestones[1].id;
        check(milestone.contains(t.milestone(id, "description")), || {
            format!("{code}: the milestone reads {milestone:?}")
        })?;
        reads_only(page, lang, "the timeline with a milestone")?;
        // Sizes: nothing overflows sideways, in the language's longer words.
        for (width, height) in [(1280, 800), (360, 740)] {
            page.set_viewport(width, height)?;
            page.open_app_at(&format!("/?lang={code}"))?;
            page.wait_for(
                &format!("document.documentElement.lang === '{code}'"),
                QUICK,
            )?;
            let overflow = page.overflow()?;
            check(overflow.is_none(), || {
                format!("{code} at {width}×{height}: {overflow:?}")
            })?;
            page.screenshot_named(&format!("lang-{code}-{width}x{height}"))?;
        }
        page.set_viewport(crate::engines::WIDTH, crate::engines::HEIGHT)?;
        // The language's own page, with no script at all.
        page.goto(&format!("{}{code}/", crate::server::NO_SCRIPT_PATH))?;
        let started: bool = page.eval("document.querySelector('[data-app-ready]') !== null")?;
        check(!started, || "the app ran under script-src 'none'".into())?;
        let heading: String = page.text("h1")?;
        check(heading == t.title(), || {
            format!("/{code}/ without script: the heading is {heading:?}")
        })?;
        reads_only(page, lang, "the language's page without script")?;
    }
    Ok(())
}

/// Issue 15: a language whose file cannot be loaded (the network refuses it) leaves the page in
/// its language, with a notice in that language naming the one that failed, and the menu back
/// on the language shown; choosing it again, once the network is back, shows it.
pub fn a_language_that_cannot_load_leaves_the_page_as_it_was(
    page: &mut Page,
    _: &Expected,
) -> Result<()> {
    page.open_app()?;
    let italian = Lang::from_code("it").ok_or("Italian is listed")?;
    page.eval::<Option<bool>>(
        "(() => { window.__fetch = window.fetch; \
          window.fetch = () => Promise.reject(new TypeError('offline')); return null; })()",
    )?;
    page.choose_option(".lang-select", "it")?;
    page.wait_for(
        "document.querySelector('.lang-failed').textContent !== ''",
        QUICK,
    )?;
    let state: (String, String, String) = page.eval(
        "[document.documentElement.lang, document.querySelector('.lang-failed').textContent, \
          document.querySelector('.lang-select').value]",
    )?;
    let notice = impala_map::i18n::fill(
        Lang::EN.strings().pack_failed(),
        &[("language", italian.own_name())],
    );
    check(
        state.0 == "en" && state.1 == notice && state.2 == "en",
        || {
            format!("after a failed load: (lang, notice, menu) = {state:?}, expected the notice {notice:?}")
        },
    )?;
    check(page.text("h1")? == Lang::EN.strings().title(), || {
        "the page left English".into()
    })?;
    page.screenshot_named("lang-failed")?;
    // The network is back: choosing Italian again shows it, and the notice goes.
    page.eval::<Option<bool>>("(() => { window.fetch = window.__fetch; return null; })()")?;
    page.choose_option(".lang-select", "it")?;
    page.wait_for(
        "document.documentElement.lang === 'it' && document.querySelector('.lang-failed').textContent === ''",
        QUICK,
    )?;
    check(page.text("h1")? == italian.strings().title(), || {
        "Italian did not arrive the second time".into()
    })
}

/// Issue 16: the wasm carries no language. The English page carries English's words and the app
/// reads no language file; the wasm holds no language's sentences; a page without its words
/// (a host stripped them) reads them from the language's file, with a warning; and a page that
/// can have no words at all stays as the build wrote it, with a warning, not blank.
pub fn the_page_carries_its_words_and_the_wasm_none(
    page: &mut Page,
    expected: &Expected,
) -> Result<()> {
    use crate::server::{NO_WORDS_PATH, WORDLESS_PATH};
    const LANG_FILES: &str = "performance.getEntriesByType('resource').map((e) => e.name)\
        .filter((name) => name.includes('/lang/'))";
    page.open_app()?;
    let fetched: Vec<String> = page.eval(LANG_FILES)?;
    check(fetched.is_empty(), || {
        format!("the English page fetched language files: {fetched:?}")
    })?;
    check(page.text("h1")? == Lang::EN.strings().title(), || {
        "the English page is not in English".into()
    })?;
    // The wasm's bytes, as text: no language's sentences in them.
    page.eval::<Option<bool>>(
        "(() => { const wasm = performance.getEntriesByType('resource').map((e) => e.name)\
           .find((name) => name.endsWith('.wasm')); window.__wasmText = null; \
           fetch(wasm).then((r) => r.arrayBuffer()).then((b) => { \
             window.__wasmText = new TextDecoder().decode(b); }); return null; })()",
    )?;
    page.wait_for("typeof window.__wasmText === 'string'", QUICK)?;
    let mut sentences = Vec::new();
    for lang in Lang::all() {
        let t = lang.strings();
        sentences.push(t.lede());
        sentences.push(t.noscript());
        sentences.extend(t.about_association("SOM", "description"));
    }
    let found: Vec<String> = page.eval(&format!(
        "{}.filter((s) => window.__wasmText.includes(s))",
        json!(sentences)
    ))?;
    check(found.is_empty(), || {
        format!("the wasm carries words of a language: {found:?}")
    })?;

    // Words stripped from the page: read from their file, with a warning.
    page.open_app_at(WORDLESS_PATH)?;
    let fetched: Vec<String> = page.eval(LANG_FILES)?;
    let file = Lang::EN.file();
    check(fetched.iter().any(|name| name.ends_with(file)), || {
        format!("without its words the page did not read {file}: {fetched:?}")
    })?;
    let warnings: Vec<String> = page.eval("window.__e2e.warnings")?;
    check(
        warnings.iter().any(|w| w.contains("the page's words")),
        || format!("no warning about the missing words: {warnings:?}"),
    )?;
    check(page.text("h1")? == Lang::EN.strings().title(), || {
        "the app did not start in English".into()
    })?;

    // No words anywhere: the first view stays, still and whole, and the console says why.
    page.goto(NO_WORDS_PATH)?;
    page.wait_for(
        "window.__e2e.warnings.some((w) => w.includes(\"cannot read the page's words\"))",
        QUICK,
    )?;
    let state: (bool, String, usize) = page.eval(
        "[document.querySelector('[data-app-ready]') !== null, \
          document.querySelector('h1').textContent, \
          document.querySelectorAll('.association-list > li').length]",
    )?;
    check(
        !state.0 && state.1 == Lang::EN.strings().title() && state.2 == expected.associations,
        || format!("without any words: (app started, heading, listed) = {state:?}"),
    )
}
