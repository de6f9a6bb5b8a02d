//! Keys pressed anywhere in the app's document (in an iframe, only while the frame has focus).

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
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
        let latest: Rc<RefCell<Callback<KeyboardEvent>>> = latest;
        let document = web_sys::window().and_then(|w| w.document());
        let listener = Closure::<dyn FnMut(KeyboardEvent)>::new(move |event: KeyboardEvent| {
            let callback = latest.borrow().clone();
            callback.emit(event);
        });
        let registered = document.filter(|document| {
            document
                .add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref())
                .is_ok()
        });
        move || {
            if let Some(document) = registered {
                let _ = document.remove_event_listener_with_callback(
                    "keydown",
                    listener.as_ref().unchecked_ref(),
                );
            }
        }
    });
}
