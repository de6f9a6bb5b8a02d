//! Copying text to the clipboard (the asynchronous Clipboard API), for event handlers.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;

/// Writes `text` to the clipboard, then calls `done(true)`, or `done(false)` where the browser
/// refuses (no secure context, no permission, no Clipboard API).
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(clipboard) = super::window().map(|w| w.navigator().clipboard()) else {
        done(false);
        return;
    };
    let promise = clipboard.write_text(text);
    // One of the two runs. Both are handed over to the browser (`forget`): a copy is a rare,
    // deliberate act, and the two small closures are all it keeps.
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let on_ok = {
        let done = done.clone();
        Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
            if let Some(done) = done.borrow_mut().take() {
                done(true);
            }
        })
    };
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
        if let Some(done) = done.borrow_mut().take() {
            done(false);
        }
    });
    let _ = promise.then2(&on_ok, &on_error);
    on_ok.forget();
    on_error.forget();
}
