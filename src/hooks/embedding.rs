//! Whether the app runs inside a frame (an iframe on a host page).

use wasm_bindgen::JsValue;
use web_sys::Window;
use yew::prelude::*;

/// The window that frames `window`: its parent, when it has one other than itself.
pub fn framing_parent(window: &Window) -> Option<Window> {
    let parent = window.parent().ok().flatten()?;
    (JsValue::from(parent.clone()) != JsValue::from(window.clone())).then_some(parent)
}

/// True when the app's window is embedded in a frame.
#[hook]
pub fn use_in_frame() -> bool {
    *use_memo((), |()| {
        super::window().is_some_and(|window| framing_parent(&window).is_some())
    })
}
