//! The interface's language: the browser's preference, and the page's `lang` attribute and title
//! following the language shown.

use crate::i18n::Lang;
use yew::prelude::*;

/// The first of the browser's preferred languages that the app speaks, read once the app has
/// adopted the first view (`adopted`; the build's first view knows no browser); `None` when it
/// speaks none of them.
#[hook]
pub fn use_browser_lang(adopted: bool) -> Option<Lang> {
    *use_memo(adopted, |&adopted| {
        if !adopted {
            return None;
        }
        let navigator = super::window()?.navigator();
        let mut tags: Vec<String> = navigator
            .languages()
            .iter()
            .filter_map(|tag| tag.as_string())
            .collect();
        if tags.is_empty() {
            tags.extend(navigator.language());
        }
        Lang::negotiate(tags.iter().map(String::as_str))
    })
}

/// Keeps `<html lang>` and the document's title in the language shown.
#[hook]
pub fn use_document_lang(lang: Lang) {
    use_effect_with(lang, |lang| {
        let Some(document) = super::window().and_then(|w| w.document()) else {
            return;
        };
        // Only what differs is written: a change to `<html lang>` restyles the whole page.
        if let Some(root) = document.document_element() {
            if root.get_attribute("lang").as_deref() != Some(lang.code()) {
                if let Err(error) = root.set_attribute("lang", lang.code()) {
                    web_sys::console::warn_2(&"language: cannot set <html lang>".into(), &error);
                }
            }
        }
        let title = lang.strings().page_title();
        if document.title() != title {
            document.set_title(title);
        }
    });
}

/// The language on screen, and the one that could not be loaded (for a notice).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shown {
    /// The language whose words are on screen.
    pub lang: Lang,
    /// A language the reader asked for whose file could not be loaded; the app stays in `lang`.
    pub failed: Option<Lang>,
}

/// Shows `wanted` as soon as its words are there (`on_failed` hears of a language that could
/// not be loaded, and of the one still on screen): at once when they are built in or already
/// read; else from the page itself (the single-file build carries every language in
/// `<script type="application/json" id="impala-lang-<code>">`), else from its file, fetched. Until
/// then, and if that fails, the app stays in the language it shows, so a reader never sees a
/// half-translated page.
#[hook]
pub fn use_shown_lang(wanted: Lang, on_failed: Callback<(Lang, Lang)>) -> Shown {
    // A language page (`/fr/`) carries its own words: read them before the first render, so the
    // app renders the page's language at once.
    let shown = use_state_eq(|| Shown {
        lang: if wanted.loaded().is_some() || read_inline(wanted) == Some(Ok(())) {
            wanted
        } else {
            Lang::first_loaded()
        },
        failed: None,
    });
    // The language asked for last: a file that arrives after the reader has chosen another is
    // kept for later, not shown.
    let latest = use_mut_ref(|| wanted);
    *latest.borrow_mut() = wanted;
    {
        let shown = shown.clone();
        use_effect_with(wanted, move |&wanted| {
            if wanted.loaded().is_some() {
                // Back to the language on screen after a failure: the notice stays.
                let failed = if wanted == shown.lang {
                    shown.failed
                } else {
                    None
                };
                shown.set(Shown {
                    lang: wanted,
                    failed,
                });
            } else {
                load(wanted, shown, latest, on_failed);
            }
        });
    }
    *shown
}

/// Reads `lang`'s words from the page or its file, then shows them (or keeps the language on
/// screen and notes the failure, with a console warning).
fn load(
    lang: Lang,
    shown: UseStateHandle<Shown>,
    latest: std::rc::Rc<std::cell::RefCell<Lang>>,
    on_failed: Callback<(Lang, Lang)>,
) {
    let Some(window) = super::window() else {
        return;
    };
    let done = move |result: Result<(), String>| {
        let current = shown.lang;
        if *latest.borrow() != lang {
            return;
        }
        match result {
            Ok(()) => shown.set(Shown { lang, failed: None }),
            Err(reason) => {
                web_sys::console::warn_1(
                    &format!(
                        "language: cannot load {} ({}): {reason}",
                        lang.code(),
                        lang.file()
                    )
                    .into(),
                );
                shown.set(Shown {
                    lang: current,
                    failed: Some(lang),
                });
                on_failed.emit((lang, current));
            }
        }
    };
    if let Some(result) = read_inline(lang) {
        done(result);
        return;
    }
    // The file is beside the app's first page (the address may since name another page).
    let request = window.fetch_with_str(&format!("{}{}", start_folder(), lang.file()));
    wasm_bindgen_futures::spawn_local(async move {
        done(fetch(lang, request).await);
    });
}

/// Reads the words of the page's language from their file, when the page does not carry them
/// (`inline` says why: [`read_inline`] gave it), with a console warning. `Err` says why
/// neither could be read.
pub async fn read_page_words_from_file(lang: Lang, inline: String) -> Result<(), String> {
    web_sys::console::warn_1(
        &format!(
            "language: the page's words ({}): {inline}; reading {}",
            lang.code(),
            lang.file()
        )
        .into(),
    );
    let window = super::window().ok_or("no window")?;
    let request = window.fetch_with_str(&format!("{}{}", start_folder(), lang.file()));
    fetch(lang, request)
        .await
        .map_err(|reason| format!("{inline}, and {}: {reason}", lang.file()))
}

/// `lang`'s words from the page itself, when it carries them (a language's page carries its own;
/// the single file carries every language): `None` when it does not.
pub fn read_inline(lang: Lang) -> Option<Result<(), String>> {
    let text = super::window()?
        .document()?
        .get_element_by_id(&format!("impala-lang-{}", lang.code()))?
        .text_content()?;
    Some(install(lang, &text))
}

/// The app's folder, as the address named it when the app started: language files are found
/// there whatever page the address names now.
fn start_folder() -> String {
    thread_local! {
        static FOLDER: String = super::window()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten())
            .map(|base| {
                let base = base.split(['?', '#']).next().unwrap_or_default();
                crate::url::app_folder(base)
            })
            .unwrap_or_default();
    }
    FOLDER.with(String::clone)
}

async fn fetch(lang: Lang, request: js_sys::Promise) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let response = wasm_bindgen_futures::JsFuture::from(request)
        .await
        .map_err(|_| "the network refused it".to_string())?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "not a response".to_string())?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let body = response.text().map_err(|_| "no body".to_string())?;
    let text = wasm_bindgen_futures::JsFuture::from(body)
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| "the body could not be read".to_string())?;
    install(lang, &text)
}

/// A language file's JSON object (keys and texts), read in one piece
/// ([`crate::i18n::pack::from_json`]) and kept. Anything but an object of texts is refused.
fn install(lang: Lang, json: &str) -> Result<(), String> {
    lang.install(crate::i18n::pack::from_json(json)?)
        .map(|_| ())
}
