//! A `wheel` listener that may cancel the event (Yew's own wheel listeners are passive, so they
//! cannot stop the page from scrolling).

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{AddEventListenerOptions, Element, EventTarget, WheelEvent};
use yew::prelude::*;

/// Calls `on_wheel` for every wheel event over the element behind `node`, with a listener that
/// is not passive: the callback decides whether to call `prevent_default`.
#[hook]
pub fn use_wheel(node: NodeRef, on_wheel: Callback<WheelEvent>) {
    let latest = use_mut_ref(|| on_wheel.clone());
    *latest.borrow_mut() = on_wheel;
    use_effect_with(node, move |node| {
        let mut registered = None;
        if let Some(target) = node.cast::<Element>().map(EventTarget::from) {
            let latest: Rc<RefCell<Callback<WheelEvent>>> = latest;
            let listener = Closure::<dyn FnMut(WheelEvent)>::new(move |event: WheelEvent| {
                let callback = latest.borrow().clone();
                callback.emit(event);
            });
            let options = AddEventListenerOptions::new();
            options.set_passive(false);
            if target
                .add_event_listener_with_callback_and_add_event_listener_options(
                    "wheel",
                    listener.as_ref().unchecked_ref(),
                    &options,
                )
                .is_ok()
            {
                registered = Some((target, listener));
            }
        }
        move || {
            if let Some((target, listener)) = registered {
                let _ = target.remove_event_listener_with_callback(
                    "wheel",
                    listener.as_ref().unchecked_ref(),
                );
            }
        }
    });
}
