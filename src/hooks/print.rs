//! Printing: whether the printed page's own parts are wanted. The printed sheet shows the map,
//! the timeline and the list together (`styles/print.css`), so each view renders, hidden on
//! screen, the parts it lacks. They are built when the browser is about to print (its
//! `beforeprint` event, which every engine fires for the print dialog and for a PDF made by a
//! driver, or print media turning on), not with the app: the start stays as light as the first
//! view (at 4x, the print timeline alone took about 80 ms right after adoption), and a reader who
//! never prints never pays for them. Once built they stay.

use super::{use_media_query, Listener, ListenerOptions};
use yew::prelude::*;

/// True from the first time the page is about to print, and while it is shown as print media.
#[hook]
pub fn use_print_parts() -> bool {
    let asked = use_state_eq(|| false);
    {
        let asked = asked.clone();
        use_effect_with((), move |()| {
            let listener = super::window().and_then(|window| {
                Listener::new(
                    &window,
                    "beforeprint",
                    ListenerOptions::default(),
                    move |_| asked.set(true),
                )
            });
            move || drop(listener)
        });
    }
    // Every hook runs on every render, in the same order.
    let print_media = use_media_query("print");
    *asked || print_media
}
