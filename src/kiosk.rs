//! Kiosk mode's idle machinery, as a pure state machine over an injected clock (milliseconds,
//! any origin): after `attract_after` without a touch, an attract loop plays the years, then
//! tours the associations one by one, and starts again; after the longer `reset_after`, an
//! "Are you still there?" countdown of `countdown` runs and then resets the app to its home view,
//! once per visit: a kiosk nobody touched since its last reset just goes on with the loop. The
//! cursor hides after `hide_cursor`. Any touch, click, key or mouse move returns to the app at
//! once. The clock can run faster than real time ([`clock_speed`]) for tests of long runs. No `yew`, no `web_sys`: the hook that
//! feeds it the time and carries out its effects lives in `crate::hooks`.

use crate::vocab::Selection;

/// The idle times, in milliseconds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KioskTimes {
    /// Idle time before the attract loop starts.
    pub attract_after: f64,
    /// How long each association is shown in the tour (playing the years gets twice as long).
    pub step: f64,
    /// Idle time before the "Are you still there?" countdown.
    pub reset_after: f64,
    /// How long the countdown runs before the reset.
    pub countdown: f64,
    /// Idle time before the cursor hides.
    pub hide_cursor: f64,
}

impl Default for KioskTimes {
    fn default() -> Self {
        Self {
            attract_after: 60_000.0,
            step: 6_000.0,
            reset_after: 180_000.0,
            countdown: 15_000.0,
            hide_cursor: 3_000.0,
        }
    }
}

/// The fastest the kiosk clock may run (`clock` in the URL), as a multiple of real time.
pub const MAX_CLOCK_SPEED: f64 = 10_000.0;

/// The kiosk clock's speed from the URL's `clock`: between 1 (real time, also for anything
/// missing or not a number) and [`MAX_CLOCK_SPEED`].
pub fn clock_speed(clock: Option<f64>) -> f64 {
    clock
        .filter(|c| c.is_finite())
        .map_or(1.0, |c| c.clamp(1.0, MAX_CLOCK_SPEED))
}

impl KioskTimes {
    /// The times from the URL's seconds (`idle`, `reset`), the rest scaled with them; values
    /// that are not positive and finite keep the defaults. `reset` is kept after `idle`.
    pub fn from_seconds(idle: Option<f64>, reset: Option<f64>) -> Self {
        let default = Self::default();
        let good = |s: Option<f64>| s.filter(|s| s.is_finite() && *s > 0.0).map(|s| s * 1000.0);
        let attract_after = good(idle).unwrap_or(default.attract_after);
        let reset_after = good(reset)
            .unwrap_or(default.reset_after)
            .max(attract_after);
        let scale = attract_after / default.attract_after;
        Self {
            attract_after,
            step: (default.step * scale).max(500.0),
            reset_after,
            countdown: (default.countdown * scale).max(1_000.0),
            hide_cursor: (default.hide_cursor * scale).max(1_000.0),
        }
    }
}

/// What the reader sees of kiosk mode.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Phase {
    /// Someone is using the app (or it waits for them).
    Active,
    /// The attract loop runs; `step` is the next step (0 plays the years, `i` > 0 shows the
    /// `i`-th association).
    Attract { step: usize, next_at: f64 },
    /// "Are you still there?" until `ends_at`.
    Countdown { ends_at: f64 },
}

/// What the app must do.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Effect {
    /// Play the years from the start.
    PlayYears,
    /// Show this association (select it and zoom to it).
    Show(Selection),
    /// Back to the home view.
    Reset,
}

/// The machine: the phase, when the reader last did something, whether anyone did since the
/// last reset, and how many attract loops have started.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Kiosk {
    pub phase: Phase,
    pub last_input: f64,
    /// Someone used the app since it started or was last reset (so a reset is due when idle).
    pub visited: bool,
    /// Attract loops started since the app started.
    pub cycles: u32,
}

impl Kiosk {
    /// The machine at start: nobody there yet.
    pub fn new(now: f64) -> Self {
        Self {
            phase: Phase::Active,
            last_input: now,
            visited: false,
            cycles: 0,
        }
    }

    /// A touch, click, key or mouse move: back to the app, idle from now.
    pub fn input(self, now: f64) -> Self {
        Self {
            phase: Phase::Active,
            last_input: now,
            visited: true,
            ..self
        }
    }

    /// The cursor hides while nobody uses the kiosk.
    pub fn hides_cursor(&self, now: f64, times: &KioskTimes) -> bool {
        self.phase != Phase::Active || now - self.last_input >= times.hide_cursor
    }

    /// The time is `now`: the next state and what to do. `tour` is the associations to show,
    /// in order.
    pub fn tick(self, now: f64, times: &KioskTimes, tour: &[&'static str]) -> (Self, Vec<Effect>) {
        let idle = now - self.last_input;
        let mut effects = Vec::new();
        let mut next = self;
        match self.phase {
            Phase::Countdown { ends_at } => {
                if now >= ends_at {
                    effects.push(Effect::Reset);
                    // Idle starts again from the reset; the attract loop follows in due time,
                    // and no other reset until someone comes.
                    next = Self {
                        phase: Phase::Active,
                        last_input: now,
                        visited: false,
                        cycles: self.cycles,
                    };
                }
            }
            _ if self.visited && idle >= times.reset_after => {
                next.phase = Phase::Countdown {
                    ends_at: now + times.countdown,
                };
            }
            Phase::Active if idle >= times.attract_after => {
                next.phase = Phase::Attract {
                    step: 0,
                    next_at: now,
                };
                return next.tick(now, times, tour);
            }
            Phase::Active => {}
            Phase::Attract { step, next_at } => {
                if now >= next_at {
                    let steps = tour.len() + 1;
                    let step = step % steps;
                    let hold = if step == 0 {
                        effects.push(Effect::PlayYears);
                        next.cycles = next.cycles.saturating_add(1);
                        times.step * 2.0
                    } else {
                        if let Some(acronym) = tour.get(step - 1) {
                            effects.push(Effect::Show(Selection::Association(acronym)));
                        }
                        times.step
                    };
                    next.phase = Phase::Attract {
                        step: (step + 1) % steps,
                        next_at: now + hold,
                    };
                }
            }
        }
        (next, effects)
    }

    /// Seconds left in the countdown, rounded up (for the dialog), when it runs.
    pub fn countdown_left(&self, now: f64) -> Option<u32> {
        match self.phase {
            Phase::Countdown { ends_at } => Some(((ends_at - now).max(0.0) / 1000.0).ceil() as u32),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOUR: &[&str] = &["SOM", "FONO", "PIL"];

    fn run(
        kiosk: Kiosk,
        from: f64,
        to: f64,
        every: f64,
        times: &KioskTimes,
    ) -> (Kiosk, Vec<(f64, Effect)>) {
        let mut kiosk = kiosk;
        let mut all = Vec::new();
        let mut now = from;
        while now <= to {
            let (next, effects) = kiosk.tick(now, times, TOUR);
            all.extend(effects.into_iter().map(|e| (now, e)));
            kiosk = next;
            now += every;
        }
        (kiosk, all)
    }

    #[test]
    fn nothing_happens_while_someone_is_there() {
        let times = KioskTimes::default();
        let mut kiosk = Kiosk::new(0.0);
        for second in 0..600 {
            let now = f64::from(second) * 1000.0;
            kiosk = kiosk.input(now);
            let (next, effects) = kiosk.tick(now + 500.0, &times, TOUR);
            assert!(effects.is_empty());
            assert_eq!(next.phase, Phase::Active);
        }
    }

    #[test]
    fn the_attract_loop_plays_the_years_then_tours_every_association_and_starts_again() {
        let times = KioskTimes::default();
        let (kiosk, effects) = run(Kiosk::new(0.0), 0.0, 120_000.0, 100.0, &times);
        let shown: Vec<Effect> = effects.iter().map(|(_, e)| *e).collect();
        assert_eq!(
            &shown[..5],
            &[
                Effect::PlayYears,
                Effect::Show(Selection::Association("SOM")),
                Effect::Show(Selection::Association("FONO")),
                Effect::Show(Selection::Association("PIL")),
                Effect::PlayYears,
            ]
        );
        // Nothing before the idle time; the years hold twice as long as an association.
        assert_eq!(effects[0].0, times.attract_after);
        assert!((effects[1].0 - effects[0].0 - 2.0 * times.step).abs() < 101.0);
        assert!(matches!(kiosk.phase, Phase::Attract { .. }));
    }

    #[test]
    fn a_touch_stops_the_loop_at_once() {
        let times = KioskTimes::default();
        let (kiosk, _) = run(Kiosk::new(0.0), 0.0, 70_000.0, 100.0, &times);
        assert!(matches!(kiosk.phase, Phase::Attract { .. }));
        let touched = kiosk.input(70_000.0);
        assert_eq!(touched.phase, Phase::Active);
        let (after, effects) = touched.tick(70_100.0, &times, TOUR);
        assert_eq!((after.phase, effects), (Phase::Active, vec![]));
    }

    #[test]
    fn after_the_longer_idle_time_a_countdown_resets_the_app_then_idles_again() {
        let times = KioskTimes::default();
        let (kiosk, effects) = run(
            Kiosk::new(0.0).input(0.0),
            0.0,
            times.reset_after + times.countdown + 1000.0,
            100.0,
            &times,
        );
        let resets: Vec<f64> = effects
            .iter()
            .filter(|(_, e)| *e == Effect::Reset)
            .map(|(t, _)| *t)
            .collect();
        assert_eq!(resets.len(), 1, "{effects:?}");
        assert!((resets[0] - (times.reset_after + times.countdown)).abs() < 101.0);
        assert_eq!(kiosk.phase, Phase::Active, "idle again after the reset");
        assert!(!kiosk.visited);
        // During the countdown, the dialog's seconds count down.
        let counting = Kiosk {
            phase: Phase::Countdown { ends_at: 20_000.0 },
            ..Kiosk::new(0.0)
        };
        assert_eq!(counting.countdown_left(5_500.0), Some(15));
        assert_eq!(counting.countdown_left(20_000.0), Some(0));
        assert_eq!(Kiosk::new(0.0).countdown_left(1.0), None);
    }

    #[test]
    fn a_kiosk_nobody_touched_since_its_reset_only_loops() {
        let times = KioskTimes::default();
        let long = 20.0 * (times.reset_after + times.countdown);
        let (kiosk, effects) = run(Kiosk::new(0.0), 0.0, long, 100.0, &times);
        assert!(
            effects.iter().all(|(_, e)| *e != Effect::Reset),
            "a reset with nobody there"
        );
        assert!(matches!(kiosk.phase, Phase::Attract { .. }));
        // One visit: one countdown and one reset, then the loop again without end.
        let visited = kiosk.input(long);
        let (kiosk, effects) = run(visited, long, 2.0 * long, 100.0, &times);
        let resets = effects.iter().filter(|(_, e)| *e == Effect::Reset).count();
        assert_eq!(resets, 1);
        assert!(matches!(kiosk.phase, Phase::Attract { .. }));
    }

    #[test]
    fn loops_are_counted_and_the_cursor_hides_when_idle() {
        let times = KioskTimes::default();
        let kiosk = Kiosk::new(0.0);
        assert!(!kiosk.hides_cursor(times.hide_cursor - 1.0, &times));
        assert!(kiosk.hides_cursor(times.hide_cursor, &times));
        assert!(!kiosk
            .input(10_000.0)
            .hides_cursor(10_000.0 + times.hide_cursor / 2.0, &times));
        let cycle = 2.0 * times.step + TOUR.len() as f64 * times.step;
        let (kiosk, _) = run(kiosk, 0.0, times.attract_after + 9.5 * cycle, 100.0, &times);
        assert_eq!(kiosk.cycles, 10);
        assert!(kiosk.hides_cursor(times.attract_after + 9.5 * cycle, &times));
        // A touch keeps the count.
        assert_eq!(kiosk.input(0.0).cycles, 10);
    }

    #[test]
    fn the_clock_runs_between_real_time_and_ten_thousand_times_faster() {
        for (given, speed) in [
            (None, 1.0),
            (Some(f64::NAN), 1.0),
            (Some(f64::INFINITY), 1.0),
            (Some(-5.0), 1.0),
            (Some(0.5), 1.0),
            (Some(60.0), 60.0),
            (Some(1e9), MAX_CLOCK_SPEED),
        ] {
            assert_eq!(clock_speed(given), speed, "{given:?}");
        }
    }

    #[test]
    fn times_come_from_the_url_in_seconds_and_bad_ones_keep_the_defaults() {
        let times = KioskTimes::from_seconds(Some(2.0), Some(4.0));
        assert_eq!((times.attract_after, times.reset_after), (2_000.0, 4_000.0));
        assert!(times.step >= 500.0 && times.countdown >= 1_000.0 && times.hide_cursor >= 1_000.0);
        let default = KioskTimes::default();
        for bad in [Some(f64::NAN), Some(-1.0), Some(0.0), None] {
            assert_eq!(KioskTimes::from_seconds(bad, None), default);
        }
        // The reset never comes before the attract loop.
        assert_eq!(
            KioskTimes::from_seconds(Some(10.0), Some(5.0)).reset_after,
            10_000.0
        );
    }

    #[test]
    fn thousands_of_cycles_keep_the_machine_the_same_size_and_never_stall() {
        let times = KioskTimes::from_seconds(Some(1.0), Some(1_000_000.0));
        let (kiosk, effects) = run(Kiosk::new(0.0), 0.0, 5_000_000.0, 50.0, &times);
        let plays = effects
            .iter()
            .filter(|(_, e)| *e == Effect::PlayYears)
            .count();
        assert!(plays > 1000, "{plays} cycles");
        assert_eq!(u32::try_from(plays).ok(), Some(kiosk.cycles));
        assert!(matches!(kiosk.phase, Phase::Attract { .. }));
    }
}
