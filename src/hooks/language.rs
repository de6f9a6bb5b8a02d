//! The interface's language: the browser's preference, and the page's `lang` attribute and title
//! following the language shown.

use crate::i18n::Lang;
use yew::prelude::*;

/// The first of the browser's preferred languages that the app speaks, read once; `None` when
/// it speaks none of them, or there is no browser (the build-time first view).
#[hook]
pub fn use_browser_lang() -> Option<Lang> {
    *use_memo((), |()| {
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
        let title = lang.strings().page_title;
        if document.title() != title {
            document.set_title(title);
        }
    });
}
