//! Timers that run only while they are wanted: a repeating one and a one-shot.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Calls `tick` every `period_ms` milliseconds while `running`; stops (and clears the timer)
/// when `running` turns false, the period changes or the component goes away.
#[hook]
pub fn use_interval(running: bool, period_ms: i32, tick: Callback<()>) {
    use_timer(running, period_ms, true, tick);
}

/// Calls `done` once, `delay_ms` milliseconds after `armed` turned true; a change before then
/// (or the component going away) clears the timer.
#[hook]
pub fn use_timeout(armed: bool, delay_ms: i32, done: Callback<()>) {
    use_timer(armed, delay_ms, false, done);
}

/// The browser's `setInterval` (`repeat`) or `setTimeout` while `on`, cleared on any change.
#[hook]
fn use_timer(on: bool, ms: i32, repeat: bool, fire: Callback<()>) {
    let latest = use_mut_ref(|| fire.clone());
    *latest.borrow_mut() = fire;
    use_effect_with((on, ms), move |&(on, ms)| {
        let mut timer = None;
        if on {
            let fire = Closure::<dyn FnMut()>::new(move || {
                let fire = latest.borrow().clone();
                fire.emit(());
            });
            let callback = fire.as_ref().unchecked_ref();
            if let Some(window) = super::window() {
                let id = if repeat {
                    window.set_interval_with_callback_and_timeout_and_arguments_0(callback, ms)
                } else {
                    window.set_timeout_with_callback_and_timeout_and_arguments_0(callback, ms)
                };
                timer = id.ok().map(|id| (window, id, fire));
            }
        }
        move || {
            if let Some((window, id, _fire)) = timer {
                if repeat {
                    window.clear_interval_with_handle(id);
                } else {
                    window.clear_timeout_with_handle(id);
                }
            }
        }
    });
}
