//! Kiosk mode's clock and inputs: feeds `crate::kiosk::Kiosk` the time (four ticks a second, only
//! in kiosk mode; faster with the URL's `clock`) and every touch, click, key and mouse move, and
//! carries out its effects as actions.

use super::listener::document;
use super::{use_interval, Listener, ListenerOptions};
use crate::i18n::Lang;
use crate::kiosk::{clock_speed, Effect, Kiosk, KioskTimes, Phase};
use crate::state::{year_range, Action, Zoom};
use std::rc::Rc;
use yew::prelude::*;

/// How often the idle clock looks at the time, in milliseconds of the kiosk clock.
const TICK_MS: f64 = 250.0;

/// What kiosk mode shows on top of the app.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KioskView {
    /// The attract loop runs.
    pub attract: bool,
    /// The "Are you still there?" countdown runs: seconds left.
    pub countdown: Option<u32>,
    /// Nobody moved the mouse or touched the screen for a while.
    pub cursor_hidden: bool,
    /// Attract loops started since the app started.
    pub cycles: u32,
}

/// The kiosk clock: real time in milliseconds, times `speed` (the URL's `clock`).
fn now(speed: f64) -> f64 {
    super::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now() * speed)
}

/// Runs kiosk mode's idle clock while `kiosk` is on; returns what to show. `tour` is the
/// associations the attract loop shows; `start_lang` the URL's language, which the idle reset
/// brings back after a visitor chose another.
#[hook]
pub fn use_kiosk_idle(
    kiosk: bool,
    start_lang: Option<Lang>,
    tour: Rc<Vec<&'static str>>,
    dispatch: Callback<Action>,
) -> (KioskView, Callback<()>) {
    let view = use_state_eq(KioskView::default);
    let speed = *use_memo((), |()| clock_speed(super::page_settings().clock));
    let machine = use_mut_ref(|| Kiosk::new(now(speed)));
    let latest = use_mut_ref(|| dispatch.clone());
    *latest.borrow_mut() = dispatch;

    // A touch, click or key: back to the app (and stop what the attract loop started).
    let wake = {
        let machine = machine.clone();
        let view = view.clone();
        let latest = latest.clone();
        Rc::new(move || {
            let was = machine.borrow().phase;
            let next = machine.borrow().input(now(speed));
            *machine.borrow_mut() = next;
            if was != Phase::Active {
                latest.borrow().emit(Action::Pause);
            }
            view.set(KioskView {
                cycles: next.cycles,
                ..KioskView::default()
            });
        })
    };
    // Every touch, click, key or wheel anywhere wakes it (in the capture phase, before the app
    // itself reacts); idle counts from when kiosk mode starts.
    {
        let wake = wake.clone();
        let machine = machine.clone();
        use_effect_with(kiosk, move |&kiosk| {
            let listeners: Vec<Listener> = match document().filter(|_| kiosk) {
                Some(document) => {
                    let fresh = Kiosk::new(now(speed));
                    *machine.borrow_mut() = fresh;
                    let options = ListenerOptions {
                        capture: true,
                        passive: true,
                    };
                    ["pointerdown", "pointermove", "keydown", "wheel"]
                        .into_iter()
                        .filter_map(|name| {
                            let wake = wake.clone();
                            Listener::new(&document, name, options, move |_| wake())
                        })
                        .collect()
                }
                None => Vec::new(),
            };
            move || drop(listeners)
        });
    }
    // The clock: the machine's next state, and its effects carried out as actions.
    let times = use_memo((), |()| {
        let settings = super::page_settings();
        KioskTimes::from_seconds(settings.idle, settings.reset)
    });
    let tick = {
        let machine = machine.clone();
        let view = view.clone();
        Callback::from(move |()| {
            let at = now(speed);
            let (next, effects) = machine.borrow().tick(at, &times, &tour);
            // (Two statements: the shared borrow above ends before this one.)
            *machine.borrow_mut() = next;
            let dispatch = latest.borrow().clone();
            for effect in effects {
                match effect {
                    Effect::PlayYears => {
                        dispatch.emit(Action::ClearSelection);
                        dispatch.emit(Action::Zoom(Zoom::Reset));
                        dispatch.emit(Action::SetYear(year_range().0));
                        dispatch.emit(Action::Play);
                    }
                    Effect::Show(selection) => {
                        dispatch.emit(Action::Select(selection));
                        dispatch.emit(Action::Zoom(Zoom::ToSelection));
                    }
                    // The next visitor finds the kiosk in its own language again.
                    Effect::Reset => {
                        dispatch.emit(Action::Reset);
                        dispatch.emit(Action::SetLang(start_lang));
                    }
                }
            }
            view.set(KioskView {
                attract: matches!(next.phase, Phase::Attract { .. }),
                countdown: next.countdown_left(at),
                cursor_hidden: next.hides_cursor(at, &times),
                cycles: next.cycles,
            });
        })
    };
    // Real milliseconds between ticks: a faster clock ticks more often (at least every 1 ms).
    let period = (TICK_MS / speed).max(1.0).round() as i32;
    use_interval(kiosk, period, tick);
    let stay = Callback::from(move |()| wake());
    (*view, stay)
}
