//! Keys pressed anywhere in the app's document (in an iframe, only while the frame has focus).

use super::listener::{document, Listener, Options};
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

/// Calls `on_key` for every `keydown` that reaches the document (events a component stopped do
/// not). Listening on the document, not on the app's root element, keeps shortcuts such as
/// Escape working after the focused element was removed (focus then falls back to `body`).
#[hook]
pub fn use_document_keydown(on_key: Callback<KeyboardEvent>) {
    let latest = use_mut_ref(|| on_key.clone());
    *latest.borrow_mut() = on_key;
    use_effect_with((), move |()| {
        let listener = document().and_then(|document| {
            Listener::new(&document, "keydown", Options::default(), move |event| {
                if let Ok(event) = event.dyn_into::<KeyboardEvent>() {
                    let callback = latest.borrow().clone();
                    callback.emit(event);
                }
            })
        });
        move || drop(listener)
    });
}
