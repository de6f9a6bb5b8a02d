//! One measured run: a fresh Chromium at one CPU speed loads the app once and measures, in
//! this order, the load (first contentful paint, the map in the DOM and painted, interactive),
//! memory after load, hover-to-paint over ten member countries, the frames of one playback of
//! the timeline, and, when asked, memory again after a stretch of interaction
//! ([`crate::interact`]).

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use serde::Deserialize;
use serde_json::{json, Value};

use crate::browser::Browser;
use crate::interact::{interact, Interaction};
use crate::{probes, Result};

/// The countries to hover, when they are members; the rest are filled in from the page.
const PREFERRED_COUNTRIES: [&str; 10] =
    ["DE", "FR", "IT", "ES", "SE", "PL", "RO", "PT", "FI", "GB"];
/// How many countries the hover measurement visits.
const HOVERED: usize = 10;
/// The app must mount in this time (also throttled).
const LOAD_TIMEOUT: Duration = Duration::from_secs(60);
/// A playback of the timeline takes about 8 s; this is room for a throttled CPU.
pub const PLAY_TIMEOUT: Duration = Duration::from_secs(120);
/// How far apart two frames' `requestAnimationFrame` timestamps may be beyond the frame
/// interval (16.7 ms at 60 Hz) without being late: headless Chromium's come 16.6 to 16.8 ms
/// apart.
const FRAME_JITTER_MS: f64 = 1.0;
/// How long a hover may take to show.
const STEP_TIMEOUT: Duration = Duration::from_secs(3);

/// What one run measured. `metrics` is keyed as in [`crate::stats::METRICS`]; a metric not
/// measured in this run is absent.
#[derive(Debug)]
pub struct Outcome {
    pub metrics: BTreeMap<&'static str, f64>,
    pub hovers: Vec<Hover>,
    pub frame_deltas: Vec<f64>,
    /// `(start, duration)` in ms of each long task while the timeline played.
    pub long_tasks_playing: Vec<(f64, f64)>,
    pub interaction: Option<Interaction>,
    /// Every URL the page loaded (the document first).
    pub resources: Vec<String>,
    pub user_agent: String,
    pub notes: Vec<String>,
}

/// One hover: from the pointer event's `timeStamp` to the tooltip in the DOM and painted, and
/// from the event's dispatch to the page (after the browser's wait for the next frame) to paint.
#[derive(Clone, Debug)]
pub struct Hover {
    pub country: String,
    pub event: String,
    pub to_dom_ms: f64,
    pub to_paint_ms: f64,
    pub dispatch_to_paint_ms: Option<f64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Load {
    first_paint: Option<f64>,
    fcp: Option<f64>,
    lcp: Option<f64>,
    lcp_element: Option<String>,
    map_in_dom: f64,
    map_painted: f64,
    ready: f64,
    dom_content_loaded: Option<f64>,
    load: Option<f64>,
    long_tasks: f64,
    long_task_max: f64,
    long_task_error: Option<String>,
    members: Vec<String>,
    user_agent: String,
}

#[derive(Deserialize)]
struct HoverRecord {
    start: Option<f64>,
    dispatched: Option<f64>,
    event: Option<String>,
    shown: Option<f64>,
    painted: Option<f64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Play {
    deltas: Vec<f64>,
    started: Option<f64>,
    ended: Option<f64>,
    long_tasks: Vec<(f64, f64)>,
}

/// Measures one run at `cpu_rate`, with `interaction` of interaction at the end (none if zero).
pub fn measure(
    base_url: &str,
    log_dir: &Path,
    cpu_rate: f64,
    interaction: Duration,
) -> Result<Outcome> {
    let browser = Browser::start(log_dir, base_url, cpu_rate)?;
    let mut metrics = BTreeMap::new();
    let mut notes = Vec::new();

    browser.open("/")?;
    browser
        .wait_until(probes::LOADED, LOAD_TIMEOUT)
        .map_err(|e| format!("the app did not load: {e}"))?;
    if browser.wait_until(probes::HAS_FCP, STEP_TIMEOUT).is_err() {
        notes.push("the browser reported no first contentful paint".to_owned());
    }
    let load: Load = browser.run(probes::LOAD_RESULT, Vec::new())?;
    if let Some(candidates) = &load.lcp_element {
        notes.push(format!("largest contentful paint candidates: {candidates}"));
    }
    if let Some(error) = &load.long_task_error {
        notes.push(format!("long tasks cannot be observed: {error}"));
    }
    for (key, value) in [
        ("first_paint_ms", load.first_paint),
        ("fcp_ms", load.fcp),
        ("lcp_ms", load.lcp),
        ("map_in_dom_ms", Some(load.map_in_dom)),
        ("map_painted_ms", Some(load.map_painted)),
        ("interactive_ms", Some(load.ready)),
        ("dom_content_loaded_ms", load.dom_content_loaded),
        ("load_event_ms", load.load),
        ("load_long_tasks", Some(load.long_tasks)),
        ("load_long_task_max_ms", Some(load.long_task_max)),
    ] {
        if let Some(value) = value {
            metrics.insert(key, value);
        }
    }

    let memory = browser.memory()?;
    metrics.insert("js_heap_after_load_bytes", memory.js_heap);
    metrics.insert("wasm_memory_after_load_bytes", memory.wasm);
    metrics.insert("memory_after_load_bytes", memory.js_heap + memory.wasm);

    let countries = choose_countries(&load.members);
    let hovers = measure_hovers(&browser, &countries, &mut notes)?;
    let to_dom: Vec<f64> = hovers.iter().map(|h| h.to_dom_ms).collect();
    if let Some(summary) = crate::stats::summarise(&to_dom) {
        metrics.insert("hover_to_dom_median_ms", summary.median);
    }
    let to_paint: Vec<f64> = hovers.iter().map(|h| h.to_paint_ms).collect();
    if let Some(summary) = crate::stats::summarise(&to_paint) {
        metrics.insert("hover_to_paint_median_ms", summary.median);
        metrics.insert("hover_to_paint_max_ms", summary.max);
    }
    let dispatched: Vec<f64> = hovers
        .iter()
        .filter_map(|h| h.dispatch_to_paint_ms)
        .collect();
    if let Some(summary) = crate::stats::summarise(&dispatched) {
        metrics.insert("hover_dispatch_to_paint_median_ms", summary.median);
        metrics.insert("hover_dispatch_to_paint_max_ms", summary.max);
    }

    let clicks = measure_clicks(&browser, &countries, &mut notes)?;
    if let Some(summary) = crate::stats::summarise(&clicks) {
        metrics.insert("click_to_paint_median_ms", summary.median);
        metrics.insert("click_to_paint_max_ms", summary.max);
    }

    let play = measure_playback(&browser)?;
    let deltas = &play.deltas;
    if let Some(summary) = crate::stats::summarise(deltas) {
        metrics.insert("play_frame_median_ms", summary.median);
        metrics.insert("play_frame_max_ms", summary.max);
    }
    metrics.insert("play_frames", deltas.len() as f64);
    // rAF timestamps of 60 Hz frames come 16.6 to 16.8 ms apart: the jitter is not a late frame.
    let over = |limit: f64| {
        deltas
            .iter()
            .filter(|&&d| d > limit + FRAME_JITTER_MS)
            .count() as f64
    };
    metrics.insert("play_frames_over_16_7ms", over(16.7));
    metrics.insert("play_frames_over_33_4ms", over(33.4));
    metrics.insert("play_long_tasks", play.long_tasks.len() as f64);
    let longest = play.long_tasks.iter().map(|&(_, d)| d).fold(0.0, f64::max);
    metrics.insert("play_long_task_max_ms", longest);
    if let (Some(started), Some(ended)) = (play.started, play.ended) {
        metrics.insert("play_duration_ms", ended - started);
    }

    let interaction = if interaction.is_zero() {
        None
    } else {
        let done = interact(&browser, &load.members, interaction)?;
        let memory = browser.memory()?;
        metrics.insert("js_heap_after_interaction_bytes", memory.js_heap);
        metrics.insert("wasm_memory_after_interaction_bytes", memory.wasm);
        metrics.insert(
            "memory_after_interaction_bytes",
            memory.js_heap + memory.wasm,
        );
        Some(done)
    };

    let resources: Vec<String> = browser.run(probes::RESOURCES, Vec::new())?;
    Ok(Outcome {
        metrics,
        hovers,
        frame_deltas: play.deltas,
        long_tasks_playing: play.long_tasks,
        interaction,
        resources,
        user_agent: load.user_agent,
        notes,
    })
}

/// Ten member countries: the preferred ones present on the map, then others spread evenly
/// over the rest of the map's (reading-order) list.
fn choose_countries(members: &[String]) -> Vec<String> {
    let mut chosen: Vec<String> = PREFERRED_COUNTRIES
        .iter()
        .filter(|c| members.iter().any(|m| m == *c))
        .map(|c| (*c).to_owned())
        .collect();
    let rest: Vec<&String> = members.iter().filter(|m| !chosen.contains(m)).collect();
    let wanted = HOVERED.saturating_sub(chosen.len()).min(rest.len());
    for i in 0..wanted {
        chosen.push(rest[i * rest.len() / wanted].clone());
    }
    chosen
}

/// Hovers each country in turn with a real mouse move onto it and reads the probe.
fn measure_hovers(
    browser: &Browser,
    countries: &[String],
    notes: &mut Vec<String>,
) -> Result<Vec<Hover>> {
    browser.run::<bool>(probes::HOVER_SETUP, Vec::new())?;
    let mut hovers = Vec::new();
    for country in countries {
        let point = match browser.aim(country, true)? {
            Ok(point) => point,
            Err(e) => {
                notes.push(format!("hover skipped: {e}"));
                continue;
            }
        };
        browser.mouse_move(point)?;
        let shown = browser.wait_until(probes::HOVER_DONE, STEP_TIMEOUT);
        let record: HoverRecord = browser.run(probes::HOVER_RESULT, Vec::new())?;
        match (shown, record.start, record.shown, record.painted) {
            (Ok(()), Some(start), Some(shown), Some(painted)) => hovers.push(Hover {
                country: country.clone(),
                event: record.event.unwrap_or_default(),
                to_dom_ms: shown - start,
                to_paint_ms: painted - start,
                dispatch_to_paint_ms: record.dispatched.map(|d| painted - d),
            }),
            (result, start, ..) => notes.push(format!(
                "hover {country}: the tooltip did not show it ({}; pointer event seen: {})",
                result.err().unwrap_or_else(|| "incomplete record".into()),
                start.is_some()
            )),
        }
    }
    Ok(hovers)
}

/// The click probe's record.
#[derive(Deserialize)]
struct ClickRecord {
    start: Option<f64>,
    painted: Option<f64>,
}

/// Clicks each country in turn with a real mouse press and release, and measures from the press
/// to the painted frame whose details panel shows the new selection.
fn measure_clicks(
    browser: &Browser,
    countries: &[String],
    notes: &mut Vec<String>,
) -> Result<Vec<f64>> {
    browser.run::<bool>(probes::CLICK_SETUP, Vec::new())?;
    let mut times = Vec::new();
    for country in countries {
        let point = match browser.aim(country, false)? {
            Ok(point) => point,
            Err(e) => {
                notes.push(format!("click skipped: {e}"));
                continue;
            }
        };
        browser.run::<bool>(probes::CLICK_ARM, Vec::new())?;
        browser.mouse_click(point)?;
        let shown = browser.wait_until(probes::CLICK_DONE, STEP_TIMEOUT);
        let record: ClickRecord = browser.run(probes::CLICK_RESULT, Vec::new())?;
        match (shown, record.start, record.painted) {
            (Ok(()), Some(start), Some(painted)) => times.push(painted - start),
            (result, ..) => notes.push(format!(
                "click {country}: the details did not change ({})",
                result.err().unwrap_or_else(|| "incomplete record".into())
            )),
        }
    }
    // Back to no selection, as the rest of the run expects.
    browser.run::<Value>("document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })); return null;", Vec::new())?;
    Ok(times)
}

/// Clicks play and records the frames until the playback stops at the last year.
fn measure_playback(browser: &Browser) -> Result<Play> {
    let state: Option<String> = browser.run(probes::PLAY_START, Vec::new())?;
    if state.as_deref() != Some("false") {
        return Err(format!(
            "the play button (.year-play) is not there or already playing (data-playing {state:?})"
        ));
    }
    browser.click(".year-play")?;
    browser
        .wait_until(probes::PLAY_DONE, PLAY_TIMEOUT)
        .map_err(|e| format!("the timeline did not play to its end: {e}"))?;
    browser.run(probes::PLAY_RESULT, Vec::new())
}

impl Outcome {
    /// This run as JSON (frame deltas and long tasks in full).
    pub fn to_json(&self) -> Value {
        json!({
            "metrics": self.metrics,
            "hovers": self.hovers.iter().map(|h| json!({
                "country": h.country, "event": h.event,
                "to_dom_ms": h.to_dom_ms, "to_paint_ms": h.to_paint_ms,
            })).collect::<Vec<_>>(),
            "play_frame_deltas_ms": self.frame_deltas,
            "play_long_tasks": self.long_tasks_playing.iter()
                .map(|&(start, duration)| json!({ "start_ms": start, "duration_ms": duration }))
                .collect::<Vec<_>>(),
            "interaction": self.interaction.as_ref().map(|i| json!({
                "seconds": i.seconds, "hovers": i.hovers, "clicks": i.clicks,
                "view_switches": i.view_switches, "plays": i.plays, "missed": i.missed,
            })),
            "resources": self.resources,
            "notes": self.notes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chooses_preferred_countries_then_spreads_the_rest() {
        let members: Vec<String> = [
            "SE", "FI", "GB", "DE", "NL", "BE", "FR", "AT", "IT", "ES", "PT", "GR",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        let chosen = choose_countries(&members);
        assert_eq!(chosen.len(), 10);
        assert_eq!(
            &chosen[..8],
            ["DE", "FR", "IT", "ES", "SE", "PT", "FI", "GB"]
        );
        assert!(chosen[8..]
            .iter()
            .all(|c| ["NL", "BE", "AT", "GR"].contains(&c.as_str())));
        assert_eq!(choose_countries(&members[..3]).len(), 3);
    }
}
