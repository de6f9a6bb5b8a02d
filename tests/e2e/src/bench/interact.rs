//! The stretch of interaction before the second memory reading: real mouse moves and clicks
//! on member countries, the play button, and the three views, over and over until the time is
//! up. Each step waits until its effect shows (or a few seconds); there are no pauses.

use std::time::{Duration, Instant};

use crate::browser::Browser;
use crate::run::PLAY_TIMEOUT;
use crate::Result;

/// How long a step's effect may take to show.
const STEP_TIMEOUT: Duration = Duration::from_secs(3);

/// What the interaction stretch did.
#[derive(Clone, Debug, Default)]
pub struct Interaction {
    pub seconds: f64,
    pub hovers: usize,
    pub clicks: usize,
    pub view_switches: usize,
    pub plays: usize,
    /// Steps whose effect did not show within [`STEP_TIMEOUT`] (or had nothing to point at).
    pub missed: usize,
}

/// One step of the interaction stretch.
#[derive(Clone, Copy)]
enum Step {
    Hover,
    Click,
    Play,
    View(&'static str),
}

/// The interaction, repeated until the time is up: hover and click countries on the map, play
/// the timeline, and go through the views (the map is beside the timeline in its view).
const STEPS: &[Step] = &[
    Step::Hover,
    Step::Hover,
    Step::Hover,
    Step::Click,
    Step::Play,
    Step::View("timeline"),
    Step::Hover,
    Step::Hover,
    Step::Click,
    Step::View("table"),
    Step::View("map"),
    Step::Hover,
    Step::Click,
];

/// Interacts for `duration` (each step waits until its effect shows), then waits for a
/// playback still running to end.
pub fn interact(browser: &Browser, members: &[String], duration: Duration) -> Result<Interaction> {
    let started = Instant::now();
    let mut done = Interaction::default();
    if members.is_empty() {
        return Err("no member countries on the map to interact with".into());
    }
    let mut next_country = 0;
    for step in STEPS.iter().cycle() {
        if started.elapsed() >= duration {
            break;
        }
        let shown = match *step {
            Step::Hover | Step::Click => {
                let code = &members[next_country % members.len()];
                next_country += 7; // a stride that visits all of them, spread over the map
                match browser.aim(code, false)? {
                    Err(_) => false,
                    Ok(point) if matches!(step, Step::Hover) => {
                        browser.mouse_move(point)?;
                        done.hovers += 1;
                        let tip = format!(
                            "document.querySelector('.map-tooltip[data-country=\"{code}\"]')"
                        );
                        browser.wait_until(&tip, STEP_TIMEOUT).is_ok()
                    }
                    Ok(point) => {
                        browser.mouse_click(point)?;
                        done.clicks += 1;
                        let pressed = format!(
                            "document.querySelector('path.country.member[data-country=\"{code}\"]')\
                             ?.getAttribute('aria-pressed') === 'true'"
                        );
                        browser.wait_until(&pressed, STEP_TIMEOUT).is_ok()
                    }
                }
            }
            Step::Play => {
                let idle = "document.querySelector('.year-play')?.getAttribute('data-playing') === 'false'";
                let idle: bool = browser.run(&format!("return {idle};"), Vec::new())?;
                if idle {
                    browser.click(".year-play")?;
                    done.plays += 1;
                }
                true
            }
            Step::View(view) => {
                browser.click(&format!("[data-view={view}]"))?;
                done.view_switches += 1;
                let pressed = format!(
                    "document.querySelector('[data-view={view}]')?.getAttribute('aria-pressed') === 'true'"
                );
                browser.wait_until(&pressed, STEP_TIMEOUT).is_ok()
            }
        };
        if !shown {
            done.missed += 1;
        }
    }
    done.seconds = started.elapsed().as_secs_f64();
    let stopped = "document.querySelector('.year-play')?.getAttribute('data-playing') !== 'true'";
    browser.wait_until(stopped, PLAY_TIMEOUT)?;
    Ok(done)
}
