//! Whether the app runs inside a frame (an iframe on a host page).

use wasm_bindgen::JsValue;
use yew::prelude::*;

/// True when the app's window is not the top window (it is embedded in a frame).
#[hook]
pub fn use_in_frame() -> bool {
    *use_memo((), |()| {
        web_sys::window().is_some_and(|window| match window.top() {
            Ok(Some(top)) => JsValue::from(top) != JsValue::from(window),
            // No access to the top window: only possible from inside a frame.
            _ => true,
        })
    })
}
