//! A repeating timer that runs only while it is wanted.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Calls `tick` every `period_ms` milliseconds while `running`; stops (and clears the timer)
/// when `running` turns false, the period changes or the component goes away.
#[hook]
pub fn use_interval(running: bool, period_ms: i32, tick: Callback<()>) {
    let latest = use_mut_ref(|| tick.clone());
    *latest.borrow_mut() = tick;
    use_effect_with((running, period_ms), move |&(running, period_ms)| {
        let mut timer = None;
        if running {
            let fire = Closure::<dyn FnMut()>::new(move || {
                let tick = latest.borrow().clone();
                tick.emit(());
            });
            if let Some(window) = super::window() {
                timer = window
                    .set_interval_with_callback_and_timeout_and_arguments_0(
                        fire.as_ref().unchecked_ref(),
                        period_ms,
                    )
                    .ok()
                    .map(|id| (window, id, fire));
            }
        }
        move || {
            if let Some((window, id, _fire)) = timer {
                window.clear_interval_with_handle(id);
            }
        }
    });
}
