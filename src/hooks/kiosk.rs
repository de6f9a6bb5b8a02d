//! Kiosk guards: on a public touch screen, no context menu and no browser pinch gesture
//! (Safari's `gesturestart`) may take the reader out of the app.

use super::listener::{document, Listener, Options};
use yew::prelude::*;

/// While `kiosk` is on, cancels `contextmenu` and `gesturestart` everywhere in the document.
#[hook]
pub fn use_kiosk_guards(kiosk: bool) {
    use_effect_with(kiosk, |&kiosk| {
        let listeners: Vec<Listener> = document()
            .filter(|_| kiosk)
            .map(|document| {
                ["contextmenu", "gesturestart"]
                    .into_iter()
                    .filter_map(|name| {
                        Listener::new(&document, name, Options::default(), |event| {
                            event.prevent_default();
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        move || drop(listeners)
    });
}
