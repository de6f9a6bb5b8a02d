//! A `wheel` listener that may cancel the event (Yew's own wheel listeners are passive, so they
//! cannot stop the page from scrolling).

use super::listener::{Listener, Options};
use wasm_bindgen::JsCast;
use web_sys::{Element, EventTarget, WheelEvent};
use yew::prelude::*;

/// Calls `on_wheel` for every wheel event over the element behind `node`, with a listener that
/// is not passive: the callback decides whether to call `prevent_default`.
#[hook]
pub fn use_wheel(node: NodeRef, on_wheel: Callback<WheelEvent>) {
    let latest = use_mut_ref(|| on_wheel.clone());
    *latest.borrow_mut() = on_wheel;
    use_effect_with(node, move |node| {
        let listener = node
            .cast::<Element>()
            .map(EventTarget::from)
            .and_then(|target| {
                Listener::new(&target, "wheel", Options::default(), move |event| {
                    if let Ok(event) = event.dyn_into::<WheelEvent>() {
                        let callback = latest.borrow().clone();
                        callback.emit(event);
                    }
                })
            });
        move || drop(listener)
    });
}
