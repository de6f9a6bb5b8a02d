//! The numbers over the runs: the metrics and their units ([`METRICS`]), median / min / max
//! ([`summarise`]), each CPU speed's runs and summary ([`Speed`]), and the project's targets
//! with a pass/miss verdict ([`targets`]).

use std::collections::BTreeMap;

use crate::bytes::Bytes;
use crate::run::Outcome;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Unit {
    Ms,
    Bytes,
    Count,
}

/// A metric of a run: its key (in [`Outcome::metrics`] and the JSON), label and unit.
pub struct Metric {
    pub key: &'static str,
    pub label: &'static str,
    pub unit: Unit,
}

const fn metric(key: &'static str, label: &'static str, unit: Unit) -> Metric {
    Metric { key, label, unit }
}

/// Every metric, in the order printed. Times are from navigation start.
pub const METRICS: &[Metric] = &[
    metric("first_paint_ms", "first paint", Unit::Ms),
    metric("fcp_ms", "first contentful paint (FCP)", Unit::Ms),
    metric("lcp_ms", "largest contentful paint (LCP)", Unit::Ms),
    metric(
        "map_in_dom_ms",
        "map in the DOM (first path.country)",
        Unit::Ms,
    ),
    metric(
        "map_painted_ms",
        "map painted (main thread, frame after)",
        Unit::Ms,
    ),
    metric("interactive_ms", "interactive ([data-app-ready])", Unit::Ms),
    metric("dom_content_loaded_ms", "DOMContentLoaded done", Unit::Ms),
    metric("load_event_ms", "load event done", Unit::Ms),
    metric(
        "load_long_tasks",
        "long tasks until interactive",
        Unit::Count,
    ),
    metric(
        "load_long_task_max_ms",
        "longest task until interactive",
        Unit::Ms,
    ),
    metric(
        "hover_to_dom_median_ms",
        "hover to tooltip in DOM, median of 10",
        Unit::Ms,
    ),
    metric(
        "hover_to_paint_median_ms",
        "hover to paint, median of 10",
        Unit::Ms,
    ),
    metric(
        "hover_to_paint_max_ms",
        "hover to paint, max of 10",
        Unit::Ms,
    ),
    metric(
        "hover_dispatch_to_paint_median_ms",
        "hover, from dispatch to paint, median",
        Unit::Ms,
    ),
    metric(
        "hover_dispatch_to_paint_max_ms",
        "hover, from dispatch to paint, max",
        Unit::Ms,
    ),
    metric(
        "click_to_paint_median_ms",
        "click to details painted, median of 10",
        Unit::Ms,
    ),
    metric(
        "click_to_paint_max_ms",
        "click to details painted, max of 10",
        Unit::Ms,
    ),
    metric("play_duration_ms", "timeline playback, duration", Unit::Ms),
    metric("play_frames", "playback frames", Unit::Count),
    metric(
        "play_frame_median_ms",
        "playback frame time, median",
        Unit::Ms,
    ),
    metric("play_frame_max_ms", "playback frame time, max", Unit::Ms),
    metric(
        "play_frames_over_16_7ms",
        "playback frames > 16.7 ms (+1 ms jitter)",
        Unit::Count,
    ),
    metric(
        "play_frames_over_33_4ms",
        "playback frames > 33.4 ms (+1 ms jitter)",
        Unit::Count,
    ),
    metric(
        "play_long_tasks",
        "long tasks (> 50 ms) while playing",
        Unit::Count,
    ),
    metric(
        "play_long_task_max_ms",
        "longest task while playing",
        Unit::Ms,
    ),
    metric(
        "js_heap_after_load_bytes",
        "JS heap after load",
        Unit::Bytes,
    ),
    metric(
        "wasm_memory_after_load_bytes",
        "wasm memory after load",
        Unit::Bytes,
    ),
    metric(
        "memory_after_load_bytes",
        "JS heap + wasm after load",
        Unit::Bytes,
    ),
    metric(
        "js_heap_after_interaction_bytes",
        "JS heap after interaction",
        Unit::Bytes,
    ),
    metric(
        "wasm_memory_after_interaction_bytes",
        "wasm memory after interaction",
        Unit::Bytes,
    ),
    metric(
        "memory_after_interaction_bytes",
        "JS heap + wasm after interaction",
        Unit::Bytes,
    ),
];

/// Median, min and max of some values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    pub median: f64,
    pub min: f64,
    pub max: f64,
    pub n: usize,
}

/// `None` for no values; the median of an even count is the mean of the middle two.
pub fn summarise(values: &[f64]) -> Option<Summary> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if sorted.is_empty() {
        return None;
    }
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    let median = if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    };
    Some(Summary {
        median,
        min: sorted[0],
        max: sorted[n - 1],
        n,
    })
}

/// The runs at one CPU speed and their summary per metric.
pub struct Speed {
    pub cpu_rate: f64,
    pub runs: Vec<Outcome>,
    pub summary: BTreeMap<&'static str, Summary>,
    /// Every hover of every run, pooled.
    pub hover_pooled: Option<Summary>,
}

impl Speed {
    pub fn new(cpu_rate: f64, runs: Vec<Outcome>) -> Self {
        let summary = METRICS
            .iter()
            .filter_map(|m| {
                let values: Vec<f64> = runs
                    .iter()
                    .filter_map(|r| r.metrics.get(m.key).copied())
                    .collect();
                summarise(&values).map(|s| (m.key, s))
            })
            .collect();
        let pooled: Vec<f64> = runs
            .iter()
            .flat_map(|r| r.hovers.iter().map(|h| h.to_paint_ms))
            .collect();
        Self {
            cpu_rate,
            runs,
            summary,
            hover_pooled: summarise(&pooled),
        }
    }

    fn values(&self, key: &str) -> Vec<f64> {
        self.runs
            .iter()
            .filter_map(|r| r.metrics.get(key).copied())
            .collect()
    }
}

/// One target and how each speed (or the build, for bytes) did.
pub struct Target {
    pub name: &'static str,
    /// `(speed label, what was measured, passed)`.
    pub results: Vec<(String, String, bool)>,
}

/// 90 KB gzipped, in bytes (1 KB = 1,000 bytes).
// Issue 16's targets (everything the English page loads; times are medians).
pub const GZIP_TARGET: f64 = 200_000.0;
pub const WASM_GZIP_TARGET: f64 = 150_000.0;
pub const FCP_TARGET_MS: f64 = 200.0;
pub const INTERACTIVE_TARGET_MS: f64 = 200.0;
pub const INTERACTIVE_4X_TARGET_MS: f64 = 450.0;
pub const HOVER_MEDIAN_TARGET_MS: f64 = 6.0;
pub const HOVER_MAX_TARGET_MS: f64 = 16.7;
pub const LONG_TASK_TARGET_MS: f64 = 50.0;
/// 8 MB, in bytes (1 MB = 1,000,000 bytes).
pub const CLICK_TARGET_MS: f64 = 50.0;
pub const MEMORY_TARGET: f64 = 2_500_000.0;

/// The project's targets, judged on the medians over the runs, except where a worst case is
/// the point (hover max, long tasks, memory: the worst run).
pub fn targets(bytes: &Bytes, speeds: &[Speed]) -> Vec<Target> {
    let label = |s: &Speed| format!("CPU {}x", s.cpu_rate);
    let each = |judge: &dyn Fn(&Speed) -> Option<(String, bool)>| -> Vec<(String, String, bool)> {
        speeds
            .iter()
            .map(|s| match judge(s) {
                Some((text, pass)) => (label(s), text, pass),
                None => (label(s), "not measured".to_owned(), false),
            })
            .collect()
    };
    let median = |s: &Speed, key: &str| s.summary.get(key).map(|m| m.median);
    let worst = |s: &Speed, key: &str| s.values(key).into_iter().reduce(f64::max);
    vec![
        Target {
            name: "total gzip <= 200 KB",
            results: vec![(
                "build".to_owned(),
                format!("{:.1} KB", bytes.total.gzip as f64 / 1000.0),
                (bytes.total.gzip as f64) <= GZIP_TARGET,
            )],
        },
        Target {
            name: "wasm gzip <= 150 KB",
            results: bytes
                .by_kind
                .iter()
                .filter(|(kind, _)| *kind == "wasm")
                .map(|(_, sizes)| {
                    (
                        "build".to_owned(),
                        format!("{:.1} KB", sizes.gzip as f64 / 1000.0),
                        (sizes.gzip as f64) <= WASM_GZIP_TARGET,
                    )
                })
                .collect(),
        },
        Target {
            name: "first contentful paint <= 200 ms at 1x",
            results: each(&|s| {
                let v = median(s, "fcp_ms")?;
                Some((format!("{v:.0} ms"), v <= FCP_TARGET_MS))
            })
            .into_iter()
            .filter(|(speed, ..)| speed == "CPU 1x")
            .collect(),
        },
        Target {
            name: "LCP <= 1.1 x FCP",
            results: each(&|s| {
                let (lcp, fcp) = (median(s, "lcp_ms")?, median(s, "fcp_ms")?);
                Some((
                    format!("LCP {lcp:.0} ms, FCP {fcp:.0} ms"),
                    lcp <= 1.1 * fcp,
                ))
            }),
        },
        Target {
            name: "map at first contentful paint",
            results: each(&|s| {
                let pairs: Vec<(f64, f64)> = s
                    .runs
                    .iter()
                    .filter_map(|r| {
                        Some((*r.metrics.get("map_in_dom_ms")?, *r.metrics.get("fcp_ms")?))
                    })
                    .collect();
                let ok = pairs.iter().filter(|(map, fcp)| map <= fcp).count();
                let text = format!(
                    "map in DOM {:.0} ms, FCP {:.0} ms; {ok}/{} runs",
                    median(s, "map_in_dom_ms")?,
                    median(s, "fcp_ms")?,
                    pairs.len()
                );
                Some((text, !pairs.is_empty() && ok == pairs.len()))
            }),
        },
        Target {
            name: "interactive <= 200 ms at 1x, <= 450 ms at 4x",
            results: each(&|s| {
                let v = median(s, "interactive_ms")?;
                let target = if s.cpu_rate > 1.0 {
                    INTERACTIVE_4X_TARGET_MS
                } else {
                    INTERACTIVE_TARGET_MS
                };
                Some((format!("{v:.0} ms"), v <= target))
            }),
        },
        Target {
            name: "hover to paint: median <= 6 ms",
            results: each(&|s| {
                let v = s.hover_pooled?.median;
                Some((format!("{v:.1} ms"), v <= HOVER_MEDIAN_TARGET_MS))
            }),
        },
        Target {
            name: "hover to paint: max < 16.7 ms",
            results: each(&|s| {
                let v = s.hover_pooled?.max;
                Some((format!("{v:.1} ms"), v < HOVER_MAX_TARGET_MS))
            }),
        },
        Target {
            name: "no long task > 50 ms while playing at 4x",
            results: each(&|s| {
                let count: f64 = s.values("play_long_tasks").iter().sum();
                let longest = worst(s, "play_long_task_max_ms").unwrap_or(0.0);
                let text = format!(
                    "{count:.0} long tasks in {} runs, longest {longest:.0} ms",
                    s.runs.len()
                );
                Some((text, count == 0.0 && longest <= LONG_TASK_TARGET_MS))
            })
            .into_iter()
            .filter(|(speed, ..)| speed == "CPU 4x")
            .collect(),
        },
        Target {
            name: "click to paint < 50 ms at 4x",
            results: each(&|s| {
                let v = median(s, "click_to_paint_median_ms")?;
                let max = worst(s, "click_to_paint_max_ms")?;
                Some((
                    format!("median {v:.1} ms, max {max:.1} ms"),
                    v < CLICK_TARGET_MS,
                ))
            })
            .into_iter()
            .filter(|(speed, ..)| speed == "CPU 4x")
            .collect(),
        },
        Target {
            name: "JS heap + wasm <= 2.5 MB after load",
            results: each(&|s| {
                let load = worst(s, "memory_after_load_bytes")?;
                let after = worst(s, "memory_after_interaction_bytes");
                let text = match after {
                    Some(a) => format!(
                        "{:.2} MB after load, {:.2} MB after interaction",
                        load / 1e6,
                        a / 1e6
                    ),
                    None => format!("{:.2} MB after load", load / 1e6),
                };
                Some((text, load <= MEMORY_TARGET))
            }),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries() {
        assert_eq!(summarise(&[]), None);
        let s = summarise(&[3.0, 1.0, 2.0]).unwrap();
        assert_eq!((s.median, s.min, s.max, s.n), (2.0, 1.0, 3.0, 3));
        assert_eq!(summarise(&[4.0, 1.0, 2.0, 3.0]).unwrap().median, 2.5);
        assert_eq!(summarise(&[f64::NAN, 5.0]).unwrap().n, 1);
    }
}
