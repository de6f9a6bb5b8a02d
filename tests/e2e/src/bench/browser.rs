//! One fresh headless Chromium for one run (the e2e crate's [`Engine`]: its flags, a new
//! profile, 1280x900), CPU-throttled through the DevTools protocol, with the bench's probe
//! installed before the page's scripts; and the few things a run does with it: scripts, waits,
//! real mouse input (`Input.dispatchMouseEvent`, also for clicks) and memory readings.

use std::path::Path;
use std::time::Duration;

use serde::de::DeserializeOwned;
use serde_json::{json, Value};

use crate::engines::{Engine, EngineKind};
use crate::webdriver::Session;
use crate::{poll_until, probes, Result};

/// Memory after a full garbage collection, in bytes.
#[derive(Clone, Copy, Debug)]
pub struct Memory {
    /// The JS heap in use (`Runtime.getHeapUsage`'s `usedSize`).
    pub js_heap: f64,
    /// The wasm linear memory (`memory.buffer.byteLength`).
    pub wasm: f64,
}

pub struct Browser {
    engine: Engine,
    base_url: String,
}

impl Browser {
    /// Starts Chromium and its driver, throttles the CPU by `cpu_rate` (1 = not at all) and
    /// installs [`probes::INIT`] for every document to come.
    pub fn start(log_dir: &Path, base_url: &str, cpu_rate: f64) -> Result<Self> {
        let engine = Engine::start(EngineKind::Chromium, log_dir)?;
        let browser = Self {
            engine,
            base_url: base_url.to_owned(),
        };
        browser.cdp(
            "Emulation.setCPUThrottlingRate",
            json!({ "rate": cpu_rate }),
        )?;
        browser.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": probes::INIT }),
        )?;
        Ok(browser)
    }

    fn session(&self) -> Result<&Session> {
        self.engine.session()
    }

    /// A DevTools protocol command through chromedriver.
    pub fn cdp(&self, command: &str, params: Value) -> Result<Value> {
        self.session()?
            .chromium_cdp(command, params)
            .map_err(|e| format!("{command}: {e}"))
    }

    /// Navigates to `path` on the bench's server (returns at the `load` event).
    pub fn open(&self, path: &str) -> Result<()> {
        self.session()?
            .navigate(&format!("{}{path}", self.base_url))
    }

    /// Runs `body` (a function body: use `return`) with `args`, and converts its result.
    pub fn run<T: DeserializeOwned>(&self, body: &str, args: Vec<Value>) -> Result<T> {
        let value = self.session()?.execute(body, args)?;
        let start: String = body.trim().chars().take(60).collect();
        serde_json::from_value(value.clone())
            .map_err(|e| format!("the script `{start}…` returned {value}, which does not fit: {e}"))
    }

    /// Waits until the JavaScript expression `condition` is truthy in the page, or fails after
    /// `timeout` (the page checks every 50 ms; see [`probes::wait_script`]).
    pub fn wait_until(&self, condition: &str, timeout: Duration) -> Result<()> {
        let session = self.session()?;
        let script = probes::wait_script(condition);
        poll_until(timeout, || {
            Ok(session.execute_async(&script, Vec::new())? == Value::Bool(true))
        })
        .map_err(|e| format!("{e} waiting for `{condition}`"))
    }

    /// Where to point at member country `code` so that the pointer hits it, or why there is no
    /// such point; with `arm`, also arms the hover probe for it (see [`probes::AIM`]).
    pub fn aim(&self, code: &str, arm: bool) -> Result<Result<(f64, f64)>> {
        let aim: Value = self.run(probes::AIM, vec![json!(code), json!(arm)])?;
        if let Some(error) = aim.get("error").and_then(Value::as_str) {
            return Ok(Err(format!("{code}: {error}")));
        }
        match (aim["x"].as_f64(), aim["y"].as_f64()) {
            (Some(x), Some(y)) => Ok(Ok((x, y))),
            _ => Err(format!("aiming at {code}: unexpected answer {aim}")),
        }
    }

    /// Moves the mouse to `(x, y)` (viewport CSS pixels) with a real input event.
    pub fn mouse_move(&self, (x, y): (f64, f64)) -> Result<()> {
        self.mouse("mouseMoved", x, y)
    }

    /// Clicks the left button at `(x, y)` with real input events (move, press, release).
    pub fn mouse_click(&self, (x, y): (f64, f64)) -> Result<()> {
        self.mouse("mouseMoved", x, y)?;
        self.mouse("mousePressed", x, y)?;
        self.mouse("mouseReleased", x, y)
    }

    fn mouse(&self, kind: &str, x: f64, y: f64) -> Result<()> {
        let mut params = json!({ "type": kind, "x": x, "y": y });
        if kind != "mouseMoved" {
            params["button"] = json!("left");
            params["clickCount"] = json!(1);
        }
        self.cdp("Input.dispatchMouseEvent", params).map(drop)
    }

    /// Clicks the first element matching `css` at its centre with real input events (not
    /// WebDriver's Element Click: chromedriver would keep a reference to every element it
    /// finds, which the memory readings would count).
    pub fn click(&self, css: &str) -> Result<()> {
        let at: Value = self.run(probes::CENTRE, vec![json!(css)])?;
        if let Some(error) = at.get("error").and_then(Value::as_str) {
            return Err(format!("click `{css}`: {error}"));
        }
        match (at["x"].as_f64(), at["y"].as_f64()) {
            (Some(x), Some(y)) => self.mouse_click((x, y)),
            _ => Err(format!("click `{css}`: unexpected answer {at}")),
        }
    }

    /// The JS heap in use after a full garbage collection, and the wasm memory.
    pub fn memory(&self) -> Result<Memory> {
        self.cdp("HeapProfiler.collectGarbage", json!({}))?;
        let heap = self.cdp("Runtime.getHeapUsage", json!({}))?;
        let js_heap = heap
            .get("usedSize")
            .and_then(Value::as_f64)
            .ok_or_else(|| format!("Runtime.getHeapUsage gave no usedSize: {heap}"))?;
        let wasm: f64 = self.run(probes::WASM_MEMORY, Vec::new())?;
        if wasm <= 0.0 {
            return Err("the app's wasm memory is out of reach (no window.__e2e.wasm)".into());
        }
        Ok(Memory { js_heap, wasm })
    }
}
