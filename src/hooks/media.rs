//! Whether a CSS media query matches, kept current (e.g. `prefers-reduced-motion`).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// True while `query` matches; follows changes (a user turning reduced motion on).
#[hook]
pub fn use_media_query(query: &'static str) -> bool {
    let matches = use_state_eq(|| {
        web_sys::window()
            .and_then(|w| w.match_media(query).ok().flatten())
            .is_some_and(|list| list.matches())
    });
    {
        let matches = matches.clone();
        use_effect_with(query, move |query| {
            let list = web_sys::window().and_then(|w| w.match_media(query).ok().flatten());
            let listener = list.map(|list| {
                let watched = list.clone();
                let changed = Closure::<dyn FnMut()>::new(move || matches.set(watched.matches()));
                let _ = list
                    .add_event_listener_with_callback("change", changed.as_ref().unchecked_ref());
                (list, changed)
            });
            move || {
                if let Some((list, changed)) = listener {
                    let _ = list.remove_event_listener_with_callback(
                        "change",
                        changed.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    *matches
}
