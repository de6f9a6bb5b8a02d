//! # End-to-end tests in three browser engines
//!
//! Drives the *built* app (Trunk's `dist/`) over WebDriver in Chromium
//! (chromedriver), Firefox ESR (geckodriver) and WebKitGTK (WebKitWebDriver +
//! MiniBrowser under Xvfb). Our own static server (127.0.0.1, free port)
//! serves `dist/` and injects into `index.html` a recorder of console errors
//! and warnings (`window.__e2e`). Each engine's driver starts lazily, once, and
//! keeps one session for all its cases; each case navigates afresh. Every
//! process started here is stopped again (also when a case fails or panics).
//!
//! **Run** (from the workspace root): `trunk build && cargo test -p e2e`
//! (a plain `cargo test` does not run it: the workspace's default member is
//! the app).
//! Filter like any cargo test: `cargo test -p e2e -- webkit`,
//! `cargo test -p e2e -- headline_figures`, `-- --list`. Output is libtest's
//! (`test chromium::headline_figures ... ok`). The first page load of each
//! engine is saved to `target/e2e/screenshots/<engine>.png`; driver and Xvfb
//! logs go to `target/e2e/logs/`.
//!
//! **Environment**: `E2E_DIST` — the directory to serve (default
//! `<workspace>/dist`; relative paths are taken from the workspace root).
//! `E2E_ENGINES` — comma list of `chromium`, `firefox`, `webkit` (default all).
//! A selected engine whose browser or driver is missing fails its cases with
//! the package to install (`chromium-driver`; `firefox-esr` and
//! `cargo install geckodriver`; `webkit2gtk-driver` and `xvfb`).
//! `CARGO_TARGET_DIR` (absolute) moves `target/e2e/`.
//!
//! The page holds the app's first view before the app runs (rendered at build time): the map
//! and the list are there at once, so a case that loads a page waits for `[data-app-ready]`
//! (`open_app_at(path)` does), never for the map alone.
//!
//! **Add a case**: write `fn my_case(page: &mut Page, expected: &Expected) ->
//! Result<()>` in `cases.rs` starting with `page.open_app()?`, then add
//! `("my_case", my_case)` to `CASES`. `Expected` holds values taken from
//! `impala_map::data`; never type them in. What `Page` offers:
//!
//! - loading and reading: `goto(path)`, `open_app()`, `wait_for(js_bool_expr,
//!   timeout)` (polls), `eval::<T>(js_expr)`, `text(css)`, `engine()`,
//!   `console_errors()`/`console_warnings()`, `note(message)`;
//! - WebDriver's clicks and typing: `click(css)` (Element Click),
//!   `type_into(css, text)` (Element Send Keys);
//! - a real mouse (Actions API; `pointerover`, `:hover` etc. happen):
//!   `hover(css)` (the element's centre, or the point nearest it where the
//!   element is on top), `hover_at(x, y)`, `click_on(css)`, `click_at(x, y)`,
//!   `double_click(css)`, `drag((x, y), (x, y))` — viewport coordinates in CSS
//!   pixels — and `release_actions()`;
//! - a real keyboard on the focused element: `press(keys)` with plain
//!   characters and `page::keys::{TAB, ENTER, ESCAPE, ARROW_UP, SHIFT, ..}`
//!   (a modifier stays down to the end of the string), `press_shift_tab()`;
//! - sizes: `set_viewport(width, height)` (exact `innerWidth` x
//!   `innerHeight`, up to 3840x2160), `overflow()` (horizontal overflow and
//!   the widest elements causing it, or `None`);
//! - pictures: `screenshot(path)`, `screenshot_named(name)` (saves
//!   `target/e2e/screenshots/<engine>-<name>.png`);
//! - accessibility: `axe_violations()` runs axe-core (WCAG 2.0/2.1 A and AA
//!   plus best practices, `page::AXE_TAGS`; `axe_violations_tagged(tags)` for
//!   others) and returns one line per violated rule. axe-core comes from npm,
//!   pinned in `tests/e2e/package-lock.json`; `scripts/test` installs it
//!   (`setup_e2e` in `scripts/setup.sh`, `npm ci` in `tests/e2e`).
//!
//! Cases stay independent: before each case the runner restores the 1280x900
//! viewport if a case changed it, and moves the mouse to the corner and
//! releases keys and buttons if a case used them. The `harness_*` cases test
//! this API itself on the current app. `static_server::*` trials check the
//! server itself (MIME types, 404, path traversal, the injected recorder).
//!
//! Engine quirks handled here: Firefox's window and MiniBrowser's toolbar
//! have a minimum width, lifted by a `userChrome.css` in Firefox's profile and
//! a GTK style sheet for MiniBrowser; Xvfb's screen is 3960x2400 so that
//! MiniBrowser can grow to a 3840x2160 viewport; WebKit resizes
//! asynchronously and its screenshot right after a resize can miss tiles, so
//! screenshots wait for a painted frame. WebKitGTK reports Shift+Tab's
//! `keydown` with `key` "Unidentified" (the focus moves back all the same).
//!
//! Cases run one at a time (`--test-threads` defaults to 1 here; with more
//! threads, cases of one engine still take turns on its session).

mod cases;
mod embed_cases;
mod engines;
mod export_cases;
mod first_view_cases;
mod http;
mod language_cases;
mod map_cases;
mod offline_cases;
mod page;
mod print_cases;
mod process;
mod server;
mod theme_cases;
mod timeline_cases;
mod webdriver;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use libtest_mimic::{Arguments, Failed, Trial};

use cases::{CaseFn, Expected, CASES, CHROMIUM_CASES};
use engines::{Engine, EngineKind};
use page::Page;
use server::StaticServer;

mod poll;
pub use poll::{poll_until, Result};

fn main() {
    let mut args = Arguments::from_args();
    if args.test_threads.is_none() {
        args.test_threads = Some(1);
    }
    let engines = match EngineKind::selected() {
        Ok(engines) => engines,
        Err(e) => fail_fast(&e),
    };

    if args.list {
        let trials = trial_names(&engines)
            .map(|(name, _, _)| name)
            .chain(self_test_names().map(|(name, _)| name))
            .map(|name| Trial::test(name, || Ok(())))
            .collect();
        libtest_mimic::run(&args, trials).exit();
    }

    let root = workspace_root();
    let dist = dist_dir(&root);
    if !dist.join("index.html").is_file() {
        fail_fast(&format!(
            "{} not found: build the app first (`trunk build` in {}), or point E2E_DIST at a \
             built dist directory",
            dist.join("index.html").display(),
            root.display()
        ));
    }
    let out_dir = target_dir(&root).join("e2e");
    let log_dir = out_dir.join("logs");
    if let Err(e) = std::fs::create_dir_all(&log_dir) {
        fail_fast(&format!("{}: {e}", log_dir.display()));
    }
    let server = match StaticServer::start(&dist) {
        Ok(server) => server,
        Err(e) => fail_fast(&format!("static server: {e}")),
    };

    let harness = Arc::new(Harness {
        base_url: server.base_url(),
        server_addr: server.addr(),
        dist,
        expected: Expected::from_app_data(),
        screenshot_dir: out_dir.join("screenshots"),
        log_dir,
        slots: engines
            .iter()
            .map(|&kind| (kind, Mutex::new(Slot::new())))
            .collect(),
    });

    let mut trials = Vec::new();
    for (name, kind, case) in trial_names(&engines) {
        let harness = Arc::clone(&harness);
        trials.push(Trial::test(name, move || {
            harness.run_case(kind, case).map_err(Failed::from)
        }));
    }
    for (name, check) in self_test_names() {
        let harness = Arc::clone(&harness);
        trials.push(Trial::test(name, move || {
            check(harness.server_addr, &harness.dist).map_err(Failed::from)
        }));
    }
    // Count what will run, so each engine stops right after its last case.
    for trial in &trials {
        if args.is_filtered_out(trial) || args.is_ignored(trial) {
            continue;
        }
        if let Some(slot) = harness.slot_for_trial(trial.name()) {
            lock(slot).remaining += 1;
        }
    }

    let conclusion = libtest_mimic::run(&args, trials);
    harness.shutdown_all();
    drop(server);
    conclusion.exit();
}

/// `(trial name, engine, case)` for every engine and case, grouped by engine.
fn trial_names(engines: &[EngineKind]) -> impl Iterator<Item = (String, EngineKind, CaseFn)> + '_ {
    engines.iter().flat_map(|&kind| {
        let only_here: &[(&str, CaseFn)] = match kind {
            EngineKind::Chromium => CHROMIUM_CASES,
            _ => &[],
        };
        CASES
            .iter()
            .chain(only_here)
            .map(move |&(name, case)| (format!("{}::{name}", kind.name()), kind, case))
    })
}

/// `(trial name, check)` for the static server's own checks.
fn self_test_names() -> impl Iterator<Item = (String, server::SelfTest)> {
    server::SELF_TESTS
        .iter()
        .map(|&(name, check)| (format!("static_server::{name}"), check))
}

fn fail_fast(message: &str) -> ! {
    eprintln!("e2e: error: {message}");
    std::process::exit(1);
}

fn workspace_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

fn dist_dir(root: &Path) -> PathBuf {
    match std::env::var_os("E2E_DIST") {
        Some(dir) => root.join(dir), // an absolute E2E_DIST replaces the root
        None => root.join("dist"),
    }
}

fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .unwrap_or_else(|| root.join("target"))
}

/// How a case ended badly: a check that failed, or a browser that stopped answering.
enum Failure {
    Failed(String),
    SessionLost(String),
}

impl Failure {
    fn into_message(self) -> String {
        match self {
            Failure::Failed(message) | Failure::SessionLost(message) => message,
        }
    }
}

struct Harness {
    base_url: String,
    server_addr: SocketAddr,
    dist: PathBuf,
    expected: Expected,
    screenshot_dir: PathBuf,
    log_dir: PathBuf,
    slots: Vec<(EngineKind, Mutex<Slot>)>,
}

/// One engine's state, shared by its cases.
struct Slot {
    state: State,
    /// Cases of this engine still to run in this invocation.
    remaining: usize,
    stats: HashMap<&'static str, Duration>,
}

enum State {
    NotStarted,
    Running(Box<Engine>),
    /// Could not start: every case of the engine fails with this message.
    Unavailable(String),
    Stopped,
}

impl Slot {
    fn new() -> Self {
        Self {
            state: State::NotStarted,
            remaining: 0,
            stats: HashMap::new(),
        }
    }

    fn add_time(&mut self, what: &'static str, since: Instant) {
        *self.stats.entry(what).or_default() += since.elapsed();
    }

    fn stop(&mut self) {
        if let State::Running(_) = self.state {
            let started = Instant::now();
            self.state = State::Stopped; // drops the engine
            self.add_time("stop", started);
        }
    }
}

/// Locks a mutex even if a panicking case poisoned it.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Harness {
    fn slot(&self, kind: EngineKind) -> Result<&Mutex<Slot>> {
        self.slots
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, slot)| slot)
            .ok_or_else(|| format!("{} is not selected", kind.name()))
    }

    fn slot_for_trial(&self, trial: &str) -> Option<&Mutex<Slot>> {
        let kind = EngineKind::from_name(trial.split("::").next()?)?;
        self.slot(kind).ok()
    }

    fn run_case(&self, kind: EngineKind, case: CaseFn) -> Result<()> {
        let mut slot = lock(self.slot(kind)?);
        let mut result = self.run_case_locked(&mut slot, kind, case);
        if let Err(Failure::SessionLost(first)) = &result {
            // The driver stopped answering (WebKitGTK's does, rarely, mid-case): that says
            // nothing of the app, so the case runs once more in a fresh browser, where every
            // check counts as before. Said aloud either way.
            eprintln!(
                "    [{}] the browser session was lost ({}); running the case again in a fresh browser",
                kind.name(),
                first.lines().next().unwrap_or_default()
            );
            let first = first.clone();
            result = self
                .run_case_locked(&mut slot, kind, case)
                .map_err(|again| {
                    let again = again.into_message();
                    Failure::Failed(format!(
                        "{again}\n  (a second run, after a lost session: {first})"
                    ))
                });
        }
        slot.remaining = slot.remaining.saturating_sub(1);
        if slot.remaining == 0 {
            slot.stop();
        }
        result.map_err(Failure::into_message)
    }

    fn run_case_locked(
        &self,
        slot: &mut Slot,
        kind: EngineKind,
        case: CaseFn,
    ) -> std::result::Result<(), Failure> {
        if matches!(slot.state, State::NotStarted | State::Stopped) {
            let started = Instant::now();
            slot.state = match Engine::start(kind, &self.log_dir) {
                Ok(engine) => State::Running(Box::new(engine)),
                Err(e) => State::Unavailable(e),
            };
            slot.add_time("start", started);
        }
        let engine = match &mut slot.state {
            State::Running(engine) => engine,
            State::Unavailable(e) => {
                return Err(Failure::Failed(format!(
                    "{} is unavailable: {e}",
                    kind.name()
                )))
            }
            State::NotStarted | State::Stopped => {
                return Err(Failure::Failed("engine not started".into()))
            }
        };
        let started = Instant::now();
        let mut page = Page::new(engine, &self.base_url, &self.screenshot_dir);
        // Every case starts from the default viewport, with no key or button
        // down. A panicking case fails like any other (and keeps the
        // bookkeeping).
        let run = || {
            page.reset()
                .map_err(|e| format!("resetting the engine before the case: {e}"))?;
            case(&mut page, &self.expected)
        };
        let result = std::panic::catch_unwind(AssertUnwindSafe(run)).unwrap_or_else(|payload| {
            let message = payload
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| payload.downcast_ref::<&str>().copied())
                .unwrap_or("(no message)");
            Err(format!("the case panicked: {message}"))
        });
        let session_lost = result.is_err() && !engine.session().is_ok_and(|s| s.is_alive());
        slot.add_time("cases", started);
        if session_lost {
            // Start afresh for the next case rather than failing them all.
            slot.stop();
            return result.map_err(|e| {
                Failure::SessionLost(format!("{e}\n  (the browser session was lost)"))
            });
        }
        result.map_err(Failure::Failed)
    }

    fn shutdown_all(&self) {
        for (kind, slot) in &self.slots {
            let mut slot = lock(slot);
            slot.stop();
            if let State::Unavailable(_) = slot.state {
                eprintln!("e2e: {}: unavailable", kind.name());
            } else if !slot.stats.is_empty() {
                let secs = |what| slot.stats.get(what).map_or(0.0, Duration::as_secs_f64);
                eprintln!(
                    "e2e: {}: start {:.1} s, cases {:.1} s, stop {:.1} s",
                    kind.name(),
                    secs("start"),
                    secs("cases"),
                    secs("stop")
                );
            }
        }
    }
}
