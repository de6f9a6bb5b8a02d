//! A minimal W3C WebDriver client: JSON over [`crate::http`].

use std::net::SocketAddr;
use std::time::Duration;

use serde_json::{json, Value};

use crate::{http, poll_until, Result};

/// How long one ordinary command may take (navigation waits for `load`).
const COMMAND_TIMEOUT: Duration = Duration::from_secs(60);
/// The W3C key under which an element reference is returned.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A WebDriver server (chromedriver, geckodriver, WebKitWebDriver).
#[derive(Clone, Copy, Debug)]
pub struct Driver {
    pub addr: SocketAddr,
}

impl Driver {
    /// Sends one command; returns the response's `value`, or the WebDriver
    /// error (`error: message`) as `Err`.
    pub fn call(
        &self,
        method: &str,
        path: &str,
        body: Option<&Value>,
        timeout: Duration,
    ) -> Result<Value> {
        let body = body.map(Value::to_string);
        let response = http::request(self.addr, method, path, body.as_deref(), timeout)?;
        let parsed: Value = serde_json::from_str(&response.body).map_err(|e| {
            format!(
                "{method} {path}: HTTP {}, body is not JSON ({e}): {}",
                response.status,
                truncate(&response.body, 300)
            )
        })?;
        let value = parsed.get("value").cloned().unwrap_or(Value::Null);
        if response.status == 200 {
            return Ok(value);
        }
        let error = value.get("error").and_then(Value::as_str).unwrap_or("?");
        let message = value.get("message").and_then(Value::as_str).unwrap_or("");
        Err(format!(
            "{method} {path}: HTTP {}: {error}: {}",
            response.status,
            truncate(message, 500)
        ))
    }

    /// Polls `GET /status` until `value.ready` is true. `alive` is checked
    /// between attempts so a driver that died is reported at once.
    pub fn wait_ready(
        &self,
        timeout: Duration,
        mut alive: impl FnMut() -> Result<()>,
    ) -> Result<()> {
        let mut last = String::from("no answer yet");
        poll_until(timeout, || {
            alive()?;
            match self.call("GET", "/status", None, Duration::from_secs(2)) {
                Ok(v) if v.get("ready").and_then(Value::as_bool) == Some(true) => Ok(true),
                Ok(v) => {
                    last = format!("not ready: {v}");
                    Ok(false)
                }
                Err(e) => {
                    last = e;
                    Ok(false)
                }
            }
        })
        .map_err(|e| format!("{e} (last /status: {last})"))
    }

    /// `POST /session` with `capabilities` as `alwaysMatch`.
    pub fn new_session(&self, capabilities: Value) -> Result<Session> {
        let body = json!({ "capabilities": { "alwaysMatch": capabilities } });
        let value = self.call("POST", "/session", Some(&body), Duration::from_secs(90))?;
        let id = value
            .get("sessionId")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("new session: no sessionId in {value}"))?;
        Ok(Session {
            driver: *self,
            id: id.to_owned(),
        })
    }
}

/// One browser session. Not deleted on drop: the owner (an engine) decides.
#[derive(Debug)]
pub struct Session {
    driver: Driver,
    id: String,
}

impl Session {
    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value> {
        let path = format!("/session/{}{path}", self.id);
        self.driver
            .call(method, &path, body.as_ref(), COMMAND_TIMEOUT)
    }

    /// Ends the session (the driver closes the browser).
    pub fn delete(&self) -> Result<()> {
        let path = format!("/session/{}", self.id);
        self.driver
            .call("DELETE", &path, None, Duration::from_secs(30))
            .map(drop)
    }

    /// Cheap liveness probe: does the session still answer?
    pub fn is_alive(&self) -> bool {
        let path = format!("/session/{}/url", self.id);
        self.driver
            .call("GET", &path, None, Duration::from_secs(10))
            .is_ok()
    }

    pub fn navigate(&self, url: &str) -> Result<()> {
        self.cmd("POST", "/url", Some(json!({ "url": url })))
            .map(drop)
    }

    pub fn current_url(&self) -> Result<String> {
        let v = self.cmd("GET", "/url", None)?;
        v.as_str()
            .map(str::to_owned)
            .ok_or_else(|| format!("url is not a string: {v}"))
    }

    /// Chromium only: runs a DevTools protocol command through chromedriver
    /// (`POST /goog/cdp/execute`), e.g. `Emulation.setEmulatedMedia`.
    pub fn chromium_cdp(&self, command: &str, params: Value) -> Result<Value> {
        self.cmd(
            "POST",
            "/goog/cdp/execute",
            Some(json!({ "cmd": command, "params": params })),
        )
    }

    /// Switches to the frame `element` (a web element reference) or, with
    /// `None`, back to the top-level page.
    pub fn switch_to_frame(&self, element: Option<&str>) -> Result<()> {
        let id = match element {
            Some(element) => json!({ ELEMENT_KEY: element }),
            None => Value::Null,
        };
        self.cmd("POST", "/frame", Some(json!({ "id": id })))
            .map(drop)
    }

    /// Runs `body` as the body of a function (use `return`), with `args`.
    pub fn execute(&self, body: &str, args: Vec<Value>) -> Result<Value> {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(json!({ "script": body, "args": args })),
        )
    }

    /// Like [`Session::execute`], but the script gets a callback as its last
    /// argument (`arguments[arguments.length - 1]`) and the result is what
    /// it passes to it (the session's script timeout applies: 30 s).
    pub fn execute_async(&self, body: &str, args: Vec<Value>) -> Result<Value> {
        self.cmd(
            "POST",
            "/execute/async",
            Some(json!({ "script": body, "args": args })),
        )
    }

    /// The element reference of the first match of `css`.
    pub fn find(&self, css: &str) -> Result<String> {
        let v = self
            .cmd(
                "POST",
                "/element",
                Some(json!({ "using": "css selector", "value": css })),
            )
            .map_err(|e| {
                if e.contains("no such element") {
                    format!("no element matches `{css}`")
                } else {
                    e
                }
            })?;
        v.get(ELEMENT_KEY)
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| format!("find `{css}`: unexpected answer {v}"))
    }

    pub fn click(&self, element: &str) -> Result<()> {
        self.cmd(
            "POST",
            &format!("/element/{element}/click"),
            Some(json!({})),
        )
        .map(drop)
    }

    /// Element Send Keys: focuses the element and types `text` into it
    /// (special keys as in [`crate::page::keys`]).
    pub fn send_keys(&self, element: &str, text: &str) -> Result<()> {
        self.cmd(
            "POST",
            &format!("/element/{element}/value"),
            Some(json!({ "text": text })),
        )
        .map(drop)
    }

    /// Perform Actions: `sources` is the list of input sources with their
    /// action sequences (`[{"type": "pointer", "id": .., "actions": [..]}]`).
    pub fn perform_actions(&self, sources: Value) -> Result<()> {
        self.cmd("POST", "/actions", Some(json!({ "actions": sources })))
            .map(drop)
    }

    /// Release Actions: lifts every key and button the actions left pressed.
    pub fn release_actions(&self) -> Result<()> {
        self.cmd("DELETE", "/actions", None).map(drop)
    }

    /// The rendered text of an element.
    pub fn text(&self, element: &str) -> Result<String> {
        let v = self.cmd("GET", &format!("/element/{element}/text"), None)?;
        v.as_str()
            .map(str::to_owned)
            .ok_or_else(|| format!("text is not a string: {v}"))
    }

    /// A PNG of the viewport.
    pub fn screenshot(&self) -> Result<Vec<u8>> {
        let v = self.cmd("GET", "/screenshot", None)?;
        let b64 = v.as_str().ok_or_else(|| {
            format!(
                "screenshot is not a string: {}",
                truncate(&v.to_string(), 80)
            )
        })?;
        base64_decode(b64)
    }

    /// The page printed to PDF by WebDriver's Print command: A4 landscape (29.7 × 21 cm), with
    /// backgrounds, no shrinking, and the page's own margins (`@page`).
    pub fn print_a4_landscape(&self) -> Result<Vec<u8>> {
        let v = self.cmd(
            "POST",
            "/print",
            Some(json!({
                "orientation": "landscape",
                "page": { "width": 21.0, "height": 29.7 },
                "margin": { "top": 0, "bottom": 0, "left": 0, "right": 0 },
                "background": true,
                "shrinkToFit": false
            })),
        )?;
        let b64 = v
            .as_str()
            .ok_or_else(|| format!("print gave no PDF: {}", truncate(&v.to_string(), 120)))?;
        base64_decode(b64)
    }

    /// The window's outer `(width, height)`.
    pub fn window_rect(&self) -> Result<(i64, i64)> {
        let v = self.cmd("GET", "/window/rect", None)?;
        match (v["width"].as_i64(), v["height"].as_i64()) {
            (Some(w), Some(h)) => Ok((w, h)),
            _ => Err(format!("unexpected window rect {v}")),
        }
    }

    pub fn set_window_size(&self, width: i64, height: i64) -> Result<()> {
        self.cmd(
            "POST",
            "/window/rect",
            Some(json!({ "width": width, "height": height })),
        )
        .map(drop)
    }
}

/// The JSON form of an element reference (for script arguments and the
/// `origin` of a pointer move).
pub fn element_ref(element: &str) -> Value {
    json!({ ELEMENT_KEY: element })
}

fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_owned(),
    }
}

/// Standard base64 (padding and whitespace tolerated).
pub(crate) fn base64_decode(s: &str) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' | b'\n' | b'\r' | b' ' => continue,
            _ => return Err(format!("invalid base64 byte {c:#04x}")),
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Ok(out)
}
