//! The API cases use: one browser tab of one engine, pointed at the app.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::engines::{Engine, EngineKind};
use crate::{poll_until, Result};

/// How long the app may take to mount (`[data-app-ready]` appears).
pub const APP_READY_TIMEOUT: Duration = Duration::from_secs(30);
/// The same, once the app failed to mount in an earlier case of the engine
/// (so that a broken build does not cost 30 s for every case).
const APP_READY_TIMEOUT_AFTER_FAILURE: Duration = Duration::from_secs(5);

pub struct Page<'a> {
    engine: &'a mut Engine,
    base_url: &'a str,
    screenshot_dir: &'a Path,
}

impl<'a> Page<'a> {
    pub(crate) fn new(engine: &'a mut Engine, base_url: &'a str, screenshot_dir: &'a Path) -> Self {
        Self {
            engine,
            base_url,
            screenshot_dir,
        }
    }

    /// Which engine this page runs in.
    #[allow(dead_code, reason = "page API for cases to come")]
    pub fn engine(&self) -> EngineKind {
        self.engine.kind
    }

    /// Prints a note under the current test (e.g. tolerated warnings).
    pub fn note(&self, message: &str) {
        eprintln!("\n    [{}] {message}", self.engine.kind.name());
    }

    /// Navigates to `path` on the app's server (e.g. `/`), waiting for `load`.
    pub fn goto(&mut self, path: &str) -> Result<()> {
        let url = format!("{}{path}", self.base_url);
        self.engine.session()?.navigate(&url)
    }

    /// `goto("/")`, then waits until the app has mounted
    /// (`[data-app-ready]` exists). Every case starts with this. The first
    /// successful load of each engine saves a screenshot.
    pub fn open_app(&mut self) -> Result<()> {
        self.goto("/")?;
        let ready = "document.querySelector('[data-app-ready]') !== null";
        let timeout = if self.engine.app_failed_to_load {
            APP_READY_TIMEOUT_AFTER_FAILURE
        } else {
            APP_READY_TIMEOUT
        };
        if let Err(e) = self.wait_for(ready, timeout) {
            self.engine.app_failed_to_load = true;
            let errors = self.console_errors().unwrap_or_else(|e| vec![e]);
            let body: String = self
                .eval("document.body ? document.body.innerText.slice(0, 400) : '(no body)'")
                .unwrap_or_else(|e| format!("(unreadable: {e})"));
            let url = self.engine.session()?.current_url().unwrap_or_default();
            let shortened = if timeout < APP_READY_TIMEOUT {
                " (shortened: it did not in an earlier case either)"
            } else {
                ""
            };
            return Err(format!(
                "the app did not become ready at {url}: {e}{shortened}\n  console errors: \
                 {errors:#?}\n  body text starts: {body:?}"
            ));
        }
        self.engine.app_failed_to_load = false;
        if !self.engine.screenshot_saved {
            let path = self
                .screenshot_dir
                .join(format!("{}.png", self.engine.kind.name()));
            self.screenshot(&path)?;
            self.engine.screenshot_saved = true;
        }
        Ok(())
    }

    /// Polls the JavaScript expression `js_bool_expr` until it is truthy, or
    /// fails after `timeout`. Script errors count as "not yet".
    pub fn wait_for(&self, js_bool_expr: &str, timeout: Duration) -> Result<()> {
        let session = self.engine.session()?;
        let body = format!("return !!({js_bool_expr});");
        let mut last_error = None;
        poll_until(timeout, || match session.execute(&body, Vec::new()) {
            Ok(v) => Ok(v == Value::Bool(true)),
            Err(e) => {
                last_error = Some(e);
                Ok(false)
            }
        })
        .map_err(|e| match last_error {
            Some(last) => format!("{e} waiting for `{js_bool_expr}` (last error: {last})"),
            None => format!("{e} waiting for `{js_bool_expr}`"),
        })
    }

    /// Evaluates the JavaScript expression `js` in the page and converts the
    /// (JSON) result to `T`. For statements, use an arrow IIFE:
    /// `(() => { ...; return x; })()`.
    pub fn eval<T: DeserializeOwned>(&self, js: &str) -> Result<T> {
        let value = self
            .engine
            .session()?
            .execute(&format!("return ({js});"), Vec::new())?;
        serde_json::from_value(value.clone())
            .map_err(|e| format!("`{js}` returned {value}, which does not fit: {e}"))
    }

    /// Clicks the first element matching `css`.
    #[allow(dead_code, reason = "page API for cases to come")]
    pub fn click(&self, css: &str) -> Result<()> {
        let session = self.engine.session()?;
        let element = session.find(css)?;
        session
            .click(&element)
            .map_err(|e| format!("click `{css}`: {e}"))
    }

    /// The rendered text of the first element matching `css`.
    #[allow(dead_code, reason = "page API for cases to come")]
    pub fn text(&self, css: &str) -> Result<String> {
        let session = self.engine.session()?;
        let element = session.find(css)?;
        session.text(&element)
    }

    /// Saves a PNG of the viewport to `path` (parent dirs are created).
    pub fn screenshot(&self, path: &Path) -> Result<PathBuf> {
        let png = self.engine.session()?.screenshot()?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(path, png).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(path.to_path_buf())
    }

    /// What the page passed to `console.error`, plus uncaught errors, failed
    /// resource loads and unhandled rejections (see `server::CONSOLE_RECORDER`).
    pub fn console_errors(&self) -> Result<Vec<String>> {
        self.recorded("errors")
    }

    /// What the page passed to `console.warn`.
    pub fn console_warnings(&self) -> Result<Vec<String>> {
        self.recorded("warnings")
    }

    fn recorded(&self, list: &str) -> Result<Vec<String>> {
        let got: Option<Vec<String>> =
            self.eval(&format!("window.__e2e ? window.__e2e.{list} : null"))?;
        got.ok_or_else(|| {
            "window.__e2e is missing: the page was not served by the e2e server".to_owned()
        })
    }
}
