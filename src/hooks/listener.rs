//! An event listener that removes itself when dropped. Every hook here that listens to the
//! browser holds one in its effect and drops it in the clean-up, so adding and removing always
//! pair up (same name, same callback, same capture flag).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{AddEventListenerOptions, Event, EventTarget};

/// How to listen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// In the capture phase (before the event reaches its target).
    pub capture: bool,
    /// The handler never calls `prevent_default` (lets the browser scroll at once).
    pub passive: bool,
}

/// A registered listener; dropping it unregisters it.
pub struct Listener {
    target: EventTarget,
    name: &'static str,
    capture: bool,
    callback: Closure<dyn FnMut(Event)>,
}

impl Listener {
    /// Listens to `name` events on `target` with `handler`; `None` when the browser refuses.
    pub fn new(
        target: &EventTarget,
        name: &'static str,
        options: Options,
        handler: impl FnMut(Event) + 'static,
    ) -> Option<Self> {
        let callback = Closure::<dyn FnMut(Event)>::new(handler);
        let add = AddEventListenerOptions::new();
        add.set_capture(options.capture);
        add.set_passive(options.passive);
        target
            .add_event_listener_with_callback_and_add_event_listener_options(
                name,
                callback.as_ref().unchecked_ref(),
                &add,
            )
            .ok()?;
        Some(Self {
            target: target.clone(),
            name,
            capture: options.capture,
            callback,
        })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback_and_bool(
            self.name,
            self.callback.as_ref().unchecked_ref(),
            self.capture,
        );
    }
}

/// The app's document, as an event target.
pub fn document() -> Option<EventTarget> {
    super::window()?.document().map(EventTarget::from)
}
