//! The app's state in the page's URL: read once at start (bad values are dropped with a console
//! warning), written back as the state changes, once the change is painted (a new selection
//! pushes a history entry, anything else replaces it; nothing is written while the years play),
//! and restored on Back and Forward.
//! The parsing and the query's form are `crate::url`'s.

use super::{Listener, ListenerOptions};
use crate::state::{Action, AppState};
use crate::url::{from_query, to_query, UrlState};
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// The page's query string (without `?`), or "" when it cannot be read.
fn location_query() -> String {
    super::window()
        .and_then(|w| w.location().search().ok())
        .map(|search| search.trim_start_matches('?').to_string())
        .unwrap_or_default()
}

/// The page's settings from its address (`embed-id`, `origins`, `idle`, `reset`, `clock`: see
/// `crate::url::Settings`), read once, with a console warning for every value dropped. The embed
/// bridge and kiosk mode read them here; the address keeps them as they were.
pub fn page_settings() -> crate::url::Settings {
    thread_local! {
        static SETTINGS: crate::url::Settings = {
            let (settings, warnings) = crate::url::settings_from_query(&location_query());
            for warning in warnings {
                web_sys::console::warn_1(&JsValue::from_str(&format!("URL: {warning}")));
            }
            settings
        };
    }
    SETTINGS.with(Clone::clone)
}

/// The URL's view, with a console warning for every value it had to drop.
fn read_url() -> UrlState {
    let (mut url, warnings) = from_query(&location_query());
    for warning in warnings {
        web_sys::console::warn_1(&JsValue::from_str(&format!("URL: {warning}")));
    }
    // A language's page (`fr/`) asks for its language, unless the query asks for another.
    if url.lang.is_none() {
        url.lang = crate::url::path_lang(&location_path());
    }
    url
}

/// The page's path, or "" when it cannot be read.
fn location_path() -> String {
    super::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

/// The state the app starts in: the default, with what the URL asks for.
pub fn initial_state() -> (AppState, UrlState) {
    let url = read_url();
    (url.apply_to(&AppState::default()), url)
}

/// The state the build rendered the first view in (an empty address), which the app's first
/// render repeats exactly so that it can adopt the build's nodes (`super::adoption`).
pub fn build_state() -> (AppState, UrlState) {
    let url = from_query("").0;
    (url.apply_to(&AppState::default()), url)
}

/// Keeps the URL and the state in step. `start` is the state the address asked for when the
/// app started, and `url` the address's own settings (its language, kiosk mode and controls are
/// kept as they are); `state` the current state. Nothing is written before the app has adopted
/// the first view and applied the address (`adopted`).
#[hook]
pub fn use_url_sync(
    start: &AppState,
    url: UrlState,
    state: &AppState,
    adopted: bool,
    dispatch: Callback<Action>,
) {
    let latest = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();
    let written = use_mut_ref(|| UrlState::of_state(start, &url));
    // How many times Back or Forward restored the address.
    let back_or_forward = use_memo((), |()| std::cell::Cell::new(0u32));
    let extra = use_memo((), |()| page_settings().to_query());
    // The page the app started on, and the app's folder when it has a page per language
    // (<html data-pages>; the single file has none): a language chosen in the app goes into the
    // address as its own page (`fr/`), so that a reload or a shared link paints it at once.
    let page = use_memo((), |()| {
        let path = location_path();
        let pages = super::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .is_some_and(|root| root.has_attribute("data-pages"));
        let folder = pages.then(|| crate::url::app_folder(&path));
        (path, folder)
    });

    // Back and Forward: restore what the URL says.
    {
        let (written, back_or_forward) = (written.clone(), back_or_forward.clone());
        use_effect_with((), move |()| {
            let listener = super::window().and_then(|window| {
                let latest = latest.clone();
                let written = written.clone();
                Listener::new(&window, "popstate", ListenerOptions::default(), move |_| {
                    back_or_forward.set(back_or_forward.get().wrapping_add(1));
                    let restored = read_url().apply_to(&latest.borrow());
                    *written.borrow_mut() = UrlState::of_state(&restored, &url);
                    dispatch.emit(Action::Restore(Box::new(restored)));
                })
            });
            move || drop(listener)
        });
    }

    // Write the state back.
    let now = UrlState::of_state(state, &url);
    let playing = state.playing;
    use_effect_with((now, playing, adopted), move |_| {
        if !adopted || playing || *written.borrow() == now {
            return;
        }
        // A kiosk's attract loop selects for days: it never adds history entries.
        let push = !url.kiosk && written.borrow().selection != now.selection;
        *written.borrow_mut() = now;
        let (start_path, folder) = &*page;
        let mut in_query = now;
        let path = match (folder, now.lang) {
            (Some(folder), Some(lang)) if lang != crate::i18n::Lang::EN => {
                in_query.lang = None;
                format!("{folder}{}", lang.page())
            }
            // English keeps `lang=en`: the plain address alone follows the browser.
            (Some(folder), Some(_)) => folder.clone(),
            _ => start_path.clone(),
        };
        let query = [to_query(&in_query), (*extra).clone()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join("&");
        let Some(window) = super::window() else {
            return;
        };
        let target = if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        };
        // The address is written once the change is painted: `history.pushState` takes a few
        // milliseconds on a slow device, which the click would otherwise wait for. Back and
        // Forward in the meantime cancel it (the address they restore is newer).
        let asked = back_or_forward.get();
        wasm_bindgen_futures::spawn_local(async move {
            super::next_paint().await;
            if back_or_forward.get() != asked {
                return;
            }
            if let Ok(history) = window.history() {
                let result = if push {
                    history.push_state_with_url(&JsValue::NULL, "", Some(&target))
                } else {
                    history.replace_state_with_url(&JsValue::NULL, "", Some(&target))
                };
                if let Err(error) = result {
                    web_sys::console::warn_2(&"URL: cannot update the address".into(), &error);
                }
            }
        });
    });
}
