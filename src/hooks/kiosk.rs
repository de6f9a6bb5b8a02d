//! Kiosk guards: on a public touch screen, no context menu and no browser pinch gesture
//! (Safari's `gesturestart`) may take the reader out of the app.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::Event;
use yew::prelude::*;

/// While `kiosk` is on, cancels `contextmenu` and `gesturestart` everywhere in the document.
#[hook]
pub fn use_kiosk_guards(kiosk: bool) {
    use_effect_with(kiosk, |&kiosk| {
        let mut registered = Vec::new();
        if let Some(document) = web_sys::window()
            .and_then(|w| w.document())
            .filter(|_| kiosk)
        {
            for name in ["contextmenu", "gesturestart"] {
                let cancel =
                    Closure::<dyn FnMut(Event)>::new(|event: Event| event.prevent_default());
                if document
                    .add_event_listener_with_callback(name, cancel.as_ref().unchecked_ref())
                    .is_ok()
                {
                    registered.push((document.clone(), name, cancel));
                }
            }
        }
        move || {
            for (document, name, cancel) in registered {
                let _ = document
                    .remove_event_listener_with_callback(name, cancel.as_ref().unchecked_ref());
            }
        }
    });
}
