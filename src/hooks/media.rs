//! Whether a CSS media query matches, kept current (e.g. `prefers-reduced-motion`).

use super::{Listener, ListenerOptions};
use yew::prelude::*;

/// True while `query` matches; follows changes (a user turning reduced motion on).
#[hook]
pub fn use_media_query(query: &'static str) -> bool {
    let matches = use_state_eq(|| {
        super::window()
            .and_then(|w| w.match_media(query).ok().flatten())
            .is_some_and(|list| list.matches())
    });
    {
        let matches = matches.clone();
        use_effect_with(query, move |query| {
            let listener = super::window()
                .and_then(|w| w.match_media(query).ok().flatten())
                .and_then(|list| {
                    let watched = list.clone();
                    Listener::new(&list, "change", ListenerOptions::default(), move |_| {
                        matches.set(watched.matches());
                    })
                });
            move || drop(listener)
        });
    }
    *matches
}
