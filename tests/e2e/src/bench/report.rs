//! The bench's report: printed for a person ([`Report::print`]) and as JSON
//! ([`Report::to_json`], written to `target/bench/report.json`).

use std::path::PathBuf;

use serde_json::{json, Value};

use crate::bytes::{Bytes, Sizes};
use crate::lighthouse::Audit;
use crate::stats::{self, Speed, Summary, Unit, METRICS};
use crate::wasm_size::{Item, WasmSize};

pub struct Report {
    pub dist: PathBuf,
    pub runs: usize,
    pub interaction_seconds: u64,
    pub speeds: Vec<Speed>,
    pub bytes: Bytes,
    pub wasm: WasmSize,
    /// Lighthouse on the mobile preset, per host (gzip, uncompressed).
    pub lighthouse: Vec<Audit>,
    /// How long the bench took.
    pub seconds: f64,
}

impl Report {
    fn user_agent(&self) -> &str {
        self.speeds
            .iter()
            .find_map(|s| s.runs.first())
            .map_or("?", |r| r.user_agent.as_str())
    }

    fn method(&self) -> String {
        format!(
            "Each run: a fresh headless Chromium with a fresh profile loads the app once. The \
             first run of each CPU speed then interacts for {} s (hovers, clicks, view switches, \
             playing the timeline) and measures memory again; the other runs do not, so \
             \"after interaction\" comes from one run per speed.",
            self.interaction_seconds
        )
    }

    fn print_lighthouse(&self) {
        println!("\n-- Lighthouse (mobile preset: slow 4G, 4x CPU) --");
        if self.lighthouse.is_empty() {
            println!("  not measured (see the messages above)");
        }
        println!(
            "  {:<13} {:>5} {:>5} {:>5} {:>5} {:>8} {:>8} {:>6}  largest paint",
            "host", "perf", "a11y", "b.p.", "seo", "FCP ms", "LCP ms", "TBT"
        );
        for a in &self.lighthouse {
            println!(
                "  {:<13} {:>5} {:>5} {:>5} {:>5} {:>8.0} {:>8.0} {:>6.0}  {}",
                a.host,
                a.performance,
                a.accessibility,
                a.best_practices,
                a.seo,
                a.fcp_ms,
                a.lcp_ms,
                a.tbt_ms,
                a.lcp_element
            );
        }
    }

    pub fn print(&self) {
        println!("\n== IMPALA map benchmark ==");
        println!("dist: {}", self.dist.display());
        println!("browser: {}", self.user_agent());
        println!(
            "{} runs per CPU speed (full speed, and 4x throttled).",
            self.runs
        );
        println!("{}", self.method());

        println!(
            "\n-- Bytes the page loads (from the files in dist/; gzip -9, brotli q11, and the \
             build's .gz copy, which a gzip_static host sends) --"
        );
        println!(
            "  {:<44} {:>10} {:>10} {:>10} {:>10}",
            "file", "raw", "gzip", "brotli", ".gz copy"
        );
        let row = |name: &str, s: &Sizes| {
            println!(
                "  {name:<44} {:>10} {:>10} {:>10} {:>10}",
                thousands(s.raw),
                thousands(s.gzip),
                thousands(s.brotli),
                thousands(s.gzip_copy)
            );
        };
        for file in &self.bytes.files {
            row(&file.path, &file.sizes);
        }
        for (kind, sizes) in &self.bytes.by_kind {
            row(&format!("all {kind}"), sizes);
        }
        row("TOTAL", &self.bytes.total);
        for url in &self.bytes.unmatched {
            println!("  (not measured: {url})");
        }

        for speed in &self.speeds {
            println!(
                "\n-- CPU {}x{}: median / min / max over {} runs --",
                speed.cpu_rate,
                if speed.cpu_rate == 1.0 {
                    " (full speed)"
                } else {
                    " throttled"
                },
                speed.runs.len()
            );
            for metric in METRICS {
                if let Some(s) = speed.summary.get(metric.key) {
                    let runs = if s.n == speed.runs.len() {
                        String::new()
                    } else {
                        format!("  ({} run{})", s.n, if s.n == 1 { "" } else { "s" })
                    };
                    println!(
                        "  {:<40} {:>10} {:>10} {:>10}{runs}",
                        metric.label,
                        value(s.median, metric.unit),
                        value(s.min, metric.unit),
                        value(s.max, metric.unit)
                    );
                }
            }
            if let Some(h) = speed.hover_pooled {
                println!(
                    "  {:<40} {:>10} {:>10} {:>10}  (all {} hovers pooled)",
                    "hover to paint, every hover",
                    value(h.median, Unit::Ms),
                    value(h.min, Unit::Ms),
                    value(h.max, Unit::Ms),
                    h.n
                );
            }
            for run in &speed.runs {
                if let Some(i) = &run.interaction {
                    println!(
                        "  interaction: {:.0} s, {} hovers, {} clicks, {} view switches, {} plays \
                         ({} steps did not show within 3 s)",
                        i.seconds, i.hovers, i.clicks, i.view_switches, i.plays, i.missed
                    );
                }
                for note in &run.notes {
                    println!("  note: {note}");
                }
            }
        }

        println!("\n-- Targets (a report, not a test) --");
        for target in stats::targets(&self.bytes, &self.speeds) {
            for (i, (speed, measured, pass)) in target.results.iter().enumerate() {
                let name = if i == 0 { target.name } else { "" };
                let mark = if *pass { "pass" } else { "MISS" };
                println!("  {name:<42} {speed:<7} {mark:<5} {measured}");
            }
        }

        self.print_wasm();
        self.print_lighthouse();
        println!("\nThe bench took {:.0} s.", self.seconds);
    }

    fn print_wasm(&self) {
        let w = &self.wasm;
        println!(
            "\n-- What takes the space in the wasm ({}, {} bytes; {}) --",
            w.file,
            thousands(w.bytes),
            w.tool
        );
        let sections: Vec<String> = w
            .sections
            .iter()
            .map(|(name, bytes)| format!("{name} {}", thousands(*bytes)))
            .collect();
        println!("  sections: {}", sections.join(", "));
        let list = |items: &[Item]| {
            for item in items {
                println!(
                    "  {:>9} {:>5.1}%  {}",
                    thousands(item.bytes),
                    item.percent,
                    shorten(&item.name, 110)
                );
            }
        };
        if w.top_named.is_empty() {
            if !w.top.is_empty() {
                println!("  twiggy top {} of the release wasm:", w.top.len());
                list(&w.top);
            }
        } else {
            println!(
                "  twiggy top {}, named from the same build optimised again with names kept\n  \
                 ({}; the release wasm's own list, by index, is in the JSON):",
                w.top_named.len(),
                w.named_copy
                    .as_ref()
                    .map_or(String::new(), |p| p.display().to_string())
            );
            list(&w.top_named);
        }
        for note in &w.notes {
            println!("  note: {note}");
        }
    }

    pub fn to_json(&self) -> Value {
        let sizes = |s: &Sizes| json!({ "raw": s.raw, "gzip": s.gzip, "brotli": s.brotli, "gzip_copy": s.gzip_copy });
        let summary =
            |s: &Summary| json!({ "median": s.median, "min": s.min, "max": s.max, "n": s.n });
        let items = |items: &[Item]| {
            items
                .iter()
                .map(|i| json!({ "name": i.name, "bytes": i.bytes, "percent": i.percent }))
                .collect::<Vec<_>>()
        };
        let generated = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        json!({
            "generated_unix_seconds": generated,
            "dist": self.dist,
            "browser": self.user_agent(),
            "runs_per_speed": self.runs,
            "interaction_seconds": self.interaction_seconds,
            "method": self.method(),
            "bench_seconds": self.seconds,
            "bytes": {
                "compression": "gzip level 9 (flate2), brotli quality 11 window 22; gzip_copy: \
                    the build's .gz copy (zopfli), which a gzip_static host sends",
                "files": self.bytes.files.iter().map(|f| json!({
                    "path": f.path, "kind": f.kind,
                    "raw": f.sizes.raw, "gzip": f.sizes.gzip, "brotli": f.sizes.brotli,
                    "gzip_copy": f.sizes.gzip_copy,
                })).collect::<Vec<_>>(),
                "by_kind": self.bytes.by_kind.iter()
                    .map(|(kind, s)| (kind.to_string(), sizes(s)))
                    .collect::<serde_json::Map<_, _>>(),
                "total": sizes(&self.bytes.total),
                "not_measured": self.bytes.unmatched,
            },
            "speeds": self.speeds.iter().map(|s| json!({
                "cpu_throttling_rate": s.cpu_rate,
                "summary": METRICS.iter().filter_map(|m| {
                    let v = s.summary.get(m.key)?;
                    let mut v = summary(v);
                    v["label"] = json!(m.label);
                    v["unit"] = json!(match m.unit { Unit::Ms => "ms", Unit::Bytes => "bytes", Unit::Count => "count" });
                    Some((m.key.to_owned(), v))
                }).collect::<serde_json::Map<_, _>>(),
                "hover_to_paint_every_hover_ms": s.hover_pooled.as_ref().map(summary),
                "runs": s.runs.iter().map(crate::run::Outcome::to_json).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "targets": stats::targets(&self.bytes, &self.speeds).iter().map(|t| json!({
                "target": t.name,
                "results": t.results.iter().map(|(speed, measured, pass)| json!({
                    "at": speed, "measured": measured, "pass": pass,
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "wasm": {
                "file": self.wasm.file,
                "bytes": self.wasm.bytes,
                "tool": self.wasm.tool,
                "sections": self.wasm.sections.iter()
                    .map(|(name, bytes)| json!({ "name": name, "bytes": bytes }))
                    .collect::<Vec<_>>(),
                "top": items(&self.wasm.top),
                "top_with_names": items(&self.wasm.top_named),
                "names_kept_copy": self.wasm.named_copy,
                "notes": self.wasm.notes,
            },
            "lighthouse": self.lighthouse.iter().map(|a| json!({
                "host": a.host, "preset": "mobile",
                "performance": a.performance, "accessibility": a.accessibility,
                "best_practices": a.best_practices, "seo": a.seo,
                "fcp_ms": a.fcp_ms, "lcp_ms": a.lcp_ms, "tbt_ms": a.tbt_ms,
                "lcp_element": a.lcp_element,
            })).collect::<Vec<_>>(),
        })
    }
}

/// A value in its unit, for the summary table.
fn value(v: f64, unit: Unit) -> String {
    match unit {
        Unit::Ms => format!("{v:.1} ms"),
        Unit::Bytes => format!("{:.2} MB", v / 1e6),
        Unit::Count if v.fract() == 0.0 => format!("{v:.0}"),
        Unit::Count => format!("{v:.1}"),
    }
}

/// `name`, or its start and end around an ellipsis when longer than `max` characters (the
/// end of a Rust symbol is its hash, which tells apart the many `view` functions).
fn shorten(name: &str, max: usize) -> String {
    let chars: Vec<char> = name.chars().collect();
    if chars.len() <= max {
        return name.to_owned();
    }
    let head = max / 2;
    let tail = max - head - 1;
    let start: String = chars[..head].iter().collect();
    let end: String = chars[chars.len() - tail..].iter().collect();
    format!("{start}…{end}")
}

/// `1234567` as `1,234,567`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(value(12.345, Unit::Ms), "12.3 ms");
        assert_eq!(value(3_500_000.0, Unit::Bytes), "3.50 MB");
        assert_eq!(value(2.5, Unit::Count), "2.5");
        assert_eq!(shorten("abcdef", 6), "abcdef");
        assert_eq!(shorten("abcdefgh", 5), "ab…gh");
    }
}
