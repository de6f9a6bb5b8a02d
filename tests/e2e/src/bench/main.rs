//! # The benchmark: how big and how fast the built app is
//!
//! `scripts/bench` builds the release app (`dist/`) and runs this program, which measures it in
//! headless Chromium over WebDriver, through the e2e crate's own WebDriver client, Chromium
//! start-up, process guards and static server (the `#[path]` modules below, shared with the
//! `browsers` test target). Each run starts a fresh Chromium with a fresh profile, optionally
//! CPU-throttled, and measures one page load: bytes, paint and ready times, hover-to-paint
//! latency, frame times while the timeline plays, memory (see [`run`]). Every run is done at
//! full speed and at 4x CPU throttling; the summary gives median, min and max per metric, the
//! targets with a pass/miss mark, and what takes the space in the wasm. The report also goes
//! to `target/bench/report.json`.
//!
//! ```text
//! cargo run -p e2e --bin bench -- [--runs N] [--interaction-seconds S] [--dist DIR] [--out FILE]
//! ```
//!
//! Exits 0 when it measured (missed targets are reported, not failures), 1 when it could not.
//!
//! Files: this one (options, the order of the runs, where the report goes); [`browser`] (one
//! Chromium and the DevTools commands); [`probes`] (the JavaScript put into the page);
//! [`run`] (one measured run); [`interact`] (the interaction before the second memory reading);
//! [`bytes`] (file sizes, gzip and brotli); [`stats`] (medians and the targets); [`report`]
//! (the printed summary and the JSON); [`wasm_size`] (twiggy, or the wasm's sections);
//! [`lighthouse`] (Lighthouse's scores, from a gzip host and from one that compresses nothing).

#[allow(dead_code, reason = "shared with the test target, which uses the rest")]
#[path = "../engines.rs"]
mod engines;
#[allow(dead_code, reason = "shared with the test target, which uses the rest")]
#[path = "../http.rs"]
mod http;
#[allow(dead_code, reason = "shared with the test target, which uses the rest")]
#[path = "../process.rs"]
mod process;
#[allow(dead_code, reason = "shared with the test target, which uses the rest")]
#[path = "../server.rs"]
mod server;
#[allow(dead_code, reason = "shared with the test target, which uses the rest")]
#[path = "../webdriver.rs"]
mod webdriver;

#[path = "../poll.rs"]
mod poll;
pub use poll::{poll_until, Result};

mod browser;
mod bytes;
mod interact;
mod lighthouse;
mod probes;
mod report;
mod run;
mod stats;
mod wasm_size;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use server::StaticServer;

/// The CPU throttling rates every run is done at (1 = full speed).
const CPU_RATES: [f64; 2] = [1.0, 4.0];

const USAGE: &str = "usage: bench [--runs N] [--interaction-seconds S] [--dist DIR] [--out FILE]

  --runs N                 runs per CPU speed (full speed and 4x throttled), default 5
  --interaction-seconds S  how long the first run of each speed interacts before measuring
                           memory again (hover, click, switch views, play), default 60
  --dist DIR               the built app, default <workspace>/dist
  --out FILE               the JSON report, default target/bench/report.json";

/// What the command line asked for.
#[derive(Debug, PartialEq)]
pub struct Options {
    pub runs: usize,
    pub interaction_seconds: u64,
    pub dist: Option<PathBuf>,
    pub out: Option<PathBuf>,
}

impl Options {
    /// Parses the arguments (without the program name); `Ok(None)` for `--help`.
    fn parse(args: impl IntoIterator<Item = String>) -> Result<Option<Self>> {
        let mut options = Self {
            runs: 5,
            interaction_seconds: 60,
            dist: None,
            out: None,
        };
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let (name, inline) = match arg.split_once('=') {
                Some((name, value)) => (name.to_owned(), Some(value.to_owned())),
                None => (arg.clone(), None),
            };
            if name == "--help" || name == "-h" {
                return Ok(None);
            }
            let mut value = || {
                inline
                    .clone()
                    .or_else(|| args.next())
                    .ok_or_else(|| format!("{name} needs a value\n{USAGE}"))
            };
            let number = |v: String| {
                v.parse::<u64>()
                    .map_err(|_| format!("{name}: {v:?} is not a whole number"))
            };
            match name.as_str() {
                "--runs" => {
                    options.runs = usize::try_from(number(value()?)?).map_err(|e| e.to_string())?;
                    if options.runs == 0 {
                        return Err("--runs must be at least 1".into());
                    }
                }
                "--interaction-seconds" => options.interaction_seconds = number(value()?)?,
                "--dist" => options.dist = Some(PathBuf::from(value()?)),
                "--out" => options.out = Some(PathBuf::from(value()?)),
                _ => return Err(format!("unknown argument {arg:?}\n{USAGE}")),
            }
        }
        Ok(Some(options))
    }
}

fn main() -> ExitCode {
    match bench() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench: error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn bench() -> Result<()> {
    let Some(options) = Options::parse(std::env::args().skip(1))? else {
        println!("{USAGE}");
        return Ok(());
    };
    let root = workspace_root();
    let dist = options
        .dist
        .as_ref()
        .map_or_else(|| root.join("dist"), |d| root.join(d));
    if !dist.join("index.html").is_file() {
        return Err(format!(
            "{} not found: build the app first (scripts/bench does: trunk build --release)",
            dist.join("index.html").display()
        ));
    }
    let out_dir = target_dir(&root).join("bench");
    let log_dir = out_dir.join("logs");
    std::fs::create_dir_all(&log_dir).map_err(|e| format!("{}: {e}", log_dir.display()))?;
    let out = options
        .out
        .as_ref()
        .map_or_else(|| out_dir.join("report.json"), |o| root.join(o));

    let started = Instant::now();
    let server = StaticServer::start(&dist).map_err(|e| format!("static server: {e}"))?;
    let base_url = server.base_url();
    let mut speeds = Vec::new();
    for rate in CPU_RATES {
        let mut runs = Vec::new();
        for index in 0..options.runs {
            let interaction = if index == 0 {
                Duration::from_secs(options.interaction_seconds)
            } else {
                Duration::ZERO
            };
            eprintln!(
                "bench: CPU {rate}x, run {}/{}{}",
                index + 1,
                options.runs,
                if interaction.is_zero() {
                    String::new()
                } else {
                    format!(" (with {} s of interaction)", interaction.as_secs())
                }
            );
            let run_started = Instant::now();
            let outcome = run::measure(&base_url, &log_dir, rate, interaction).or_else(|e| {
                eprintln!("bench: the run failed ({e}); trying it once more");
                run::measure(&base_url, &log_dir, rate, interaction)
            })?;
            eprintln!(
                "bench:   done in {:.1} s",
                run_started.elapsed().as_secs_f64()
            );
            runs.push(outcome);
        }
        speeds.push(stats::Speed::new(rate, runs));
    }
    let mut audits = Vec::new();
    for (path, host) in [
        (server::HOST_PATH, "gzip"),
        (server::RAW_HOST_PATH, "uncompressed"),
    ] {
        eprintln!("bench: Lighthouse, mobile, from a host that sends {host} files");
        let url = format!("{base_url}{path}");
        match lighthouse::audit(&root, &out_dir, &url, host) {
            Ok(audit) => audits.push(audit),
            Err(e) => eprintln!("bench: Lighthouse did not measure: {e}"),
        }
    }
    drop(server);

    let loaded: BTreeSet<String> = speeds
        .iter()
        .flat_map(|s| s.runs.iter().flat_map(|r| r.resources.iter().cloned()))
        .collect();
    eprintln!(
        "bench: compressing the files behind the {} URLs the page loaded",
        loaded.len()
    );
    let compressing = Instant::now();
    let bytes = bytes::measure(&dist, &base_url, &loaded)?;
    eprintln!(
        "bench:   done in {:.1} s",
        compressing.elapsed().as_secs_f64()
    );
    eprintln!("bench: what takes the space in the wasm");
    let wasm = wasm_size::analyse(&root, &target_dir(&root), &dist, &bytes, &out_dir);

    let report = report::Report {
        dist,
        runs: options.runs,
        interaction_seconds: options.interaction_seconds,
        speeds,
        bytes,
        wasm,
        lighthouse: audits,
        seconds: started.elapsed().as_secs_f64(),
    };
    report.print();
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let json = serde_json::to_string_pretty(&report.to_json()).map_err(|e| e.to_string())?;
    std::fs::write(&out, json + "\n").map_err(|e| format!("{}: {e}", out.display()))?;
    println!("\nReport written to {}", out.display());
    Ok(())
}

fn workspace_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .unwrap_or_else(|| root.join("target"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Option<Options>> {
        Options::parse(args.iter().map(|s| (*s).to_owned()))
    }

    #[test]
    fn options() {
        let o = parse(&["--runs", "2", "--interaction-seconds=10"])
            .unwrap()
            .unwrap();
        assert_eq!((o.runs, o.interaction_seconds), (2, 10));
        let o = parse(&[]).unwrap().unwrap();
        assert_eq!((o.runs, o.interaction_seconds, o.dist), (5, 60, None));
        assert!(parse(&["--help"]).unwrap().is_none());
        assert!(parse(&["--runs"]).is_err());
        assert!(parse(&["--runs", "0"]).is_err());
        assert!(parse(&["--runs", "x"]).is_err());
        assert!(parse(&["--frobnicate"]).is_err());
    }
}
