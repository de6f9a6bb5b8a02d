//! The API cases use: one browser tab of one engine, pointed at the app.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::cases::check;
use crate::engines::{Engine, EngineKind, HEIGHT, WIDTH};
use crate::webdriver::element_ref;
use crate::{poll_until, Result};

/// How long the app may take to mount (`[data-app-ready]` appears).
pub const APP_READY_TIMEOUT: Duration = Duration::from_secs(30);
/// The same, once the app failed to mount in an earlier case of the engine
/// (so that a broken build does not cost 30 s for every case).
const APP_READY_TIMEOUT_AFTER_FAILURE: Duration = Duration::from_secs(5);
/// How long a click may take to reach the page after the driver reports it done (it reports
/// after dispatching, so this is slack).
const CLICK_ARRIVAL: Duration = Duration::from_secs(1);

/// The axe-core rule tags [`Page::axe_violations`] runs: WCAG 2.0 and 2.1,
/// levels A and AA, plus Deque's best practices.
pub const AXE_TAGS: &[&str] = &["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
/// axe-core's browser bundle, installed by `setup_e2e` in `scripts/setup.sh`
/// (`npm ci` here, pinned by `tests/e2e/package-lock.json`).
const AXE_JS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/node_modules/axe-core/axe.min.js"
);
/// How many intermediate pointer moves [`Page::drag`] makes.
const DRAG_STEPS: u32 = 5;
/// The ids of our two input sources (kept for the whole session).
const MOUSE: &str = "mouse";
const KEYBOARD: &str = "keyboard";
const FINGER: &str = "finger";

/// WebDriver's code points for special keys, for [`Page::press`] and
/// [`Page::type_into`]: `page.press(&format!("{}{}", keys::ARROW_DOWN,
/// keys::ENTER))`. A modifier (`SHIFT`, `CONTROL`, `ALT`, `META`) stays down
/// from where it appears to the end of the string: `SHIFT` + `TAB` is
/// Shift+Tab.
#[allow(dead_code, reason = "page API for cases to come")]
pub mod keys {
    pub const BACKSPACE: &str = "\u{E003}";
    pub const TAB: &str = "\u{E004}";
    pub const ENTER: &str = "\u{E007}";
    pub const SHIFT: &str = "\u{E008}";
    pub const CONTROL: &str = "\u{E009}";
    pub const ALT: &str = "\u{E00A}";
    pub const ESCAPE: &str = "\u{E00C}";
    /// The space bar (a plain `" "` works too).
    pub const SPACE: &str = "\u{E00D}";
    pub const PAGE_UP: &str = "\u{E00E}";
    pub const PAGE_DOWN: &str = "\u{E00F}";
    pub const END: &str = "\u{E010}";
    pub const HOME: &str = "\u{E011}";
    pub const ARROW_LEFT: &str = "\u{E012}";
    pub const ARROW_UP: &str = "\u{E013}";
    pub const ARROW_RIGHT: &str = "\u{E014}";
    pub const ARROW_DOWN: &str = "\u{E015}";
    pub const DELETE: &str = "\u{E017}";
    pub const META: &str = "\u{E03D}";

    /// Shift, Control, Alt, Meta (left or right).
    pub(crate) fn is_modifier(c: char) -> bool {
        matches!(c, '\u{E008}'..='\u{E00A}' | '\u{E03D}' | '\u{E050}'..='\u{E053}')
    }
}

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
        self.engine.session()?.navigate(&url)?;
        // WebDriver waits for `load`, but chromedriver once returned from a navigation to the
        // address already shown (a reload) while the new document was still being parsed.
        self.wait_for("document.readyState === 'complete'", crate::cases::QUICK)
    }

    /// [`Page::open_app`] for a page opened as a file (`file://`), as the single file is.
    pub fn open_app_file(&mut self, path: &Path) -> Result<()> {
        let absolute = path
            .canonicalize()
            .map_err(|e| format!("{}: {e}", path.display()))?;
        self.engine
            .session()?
            .navigate(&format!("file://{}", absolute.display()))?;
        self.wait_until_ready()
    }

    /// `goto("/")`, then waits until the app has mounted
    /// (`[data-app-ready]` exists). Every case starts with this. The first
    /// successful load of each engine saves a screenshot.
    pub fn open_app(&mut self) -> Result<()> {
        self.open_app_at("/")
    }

    /// [`Page::open_app`] at `path`, e.g. `/?kiosk=1` or `/?view=timeline&select=VUT`.
    pub fn open_app_at(&mut self, path: &str) -> Result<()> {
        self.goto(path)?;
        self.wait_until_ready()
    }

    /// Waits until the app has mounted, or fails with the console's errors and the start of
    /// the page's text; saves the engine's first screenshot.
    fn wait_until_ready(&mut self) -> Result<()> {
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

    /// Fails unless the map draws `expected` member countries; `drawn` says where, in the
    /// message ("from the .gz copies").
    pub fn check_member_count(&self, expected: usize, drawn: &str) -> Result<()> {
        // A member's shape counts when its path has data: an element without would draw nothing.
        let (members, with_paths): (usize, usize) = self.eval(
            "(() => { const all = Array.from(document.querySelectorAll('svg.europe-map path.country.member')); \
             return [all.length, all.filter((p) => /^[Mm]/.test(p.getAttribute('d') || '')).length]; })()",
        )?;
        check(members == expected && with_paths == expected, || {
            format!(
                "{members} member countries drawn {drawn} ({with_paths} with a path), expected {expected}"
            )
        })
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

    /// Clicks the first element matching `css` (WebDriver's Element Click).
    ///
    /// Under load (three engines at once, one of them in the long kiosk run), WebKitGTK's driver
    /// has once reported a click done that never reached the page (CI: the table view button,
    /// in `requests_nothing_but_its_own_files`). The page records the mouse events it gets; when
    /// no click arrived, that is noted under the test and the element clicked once more. A click
    /// that arrived is never repeated, whatever it did.
    pub fn click(&self, css: &str) -> Result<()> {
        let session = self.engine.session()?;
        self.eval::<Option<bool>>(INPUT_RECORDER)?;
        let element = session.find(css)?;
        session
            .click(&element)
            .map_err(|e| format!("click `{css}`: {e}"))?;
        if self.click_arrived() {
            return Ok(());
        }
        let seen: Vec<String> = self
            .eval("window.__e2eInput ? window.__e2eInput.splice(0) : []")
            .unwrap_or_default();
        self.note(&format!(
            "the click on `{css}` did not reach the page (events {seen:?}); clicked again"
        ));
        let element = session.find(css)?;
        session
            .click(&element)
            .map_err(|e| format!("click `{css}` again: {e}"))
    }

    /// Whether the page got a click since [`INPUT_RECORDER`] last ran; a page that went away
    /// (the click navigated) counts as got.
    fn click_arrived(&self) -> bool {
        self.wait_for(
            "!window.__e2eInput || window.__e2eInput.some((e) => e.startsWith('click:'))",
            CLICK_ARRIVAL,
        )
        .is_ok()
    }

    /// Chooses `value` in the `<select>` at `css` as a reader does (the value changes, then an
    /// `input` and a `change` event bubble). Fails when the menu has no such option; what the app
    /// does with the choice is the case's to check.
    pub fn choose_option(&self, css: &str, value: &str) -> Result<()> {
        let found: bool = self.eval(&format!(
            "(() => {{ const s = document.querySelector({css:?}); \
             if (!s || !Array.from(s.options).some((o) => o.value === {value:?})) return false; \
             s.focus(); s.value = {value:?}; \
             s.dispatchEvent(new Event('input', {{ bubbles: true }})); \
             s.dispatchEvent(new Event('change', {{ bubbles: true }})); return true; }})()"
        ))?;
        if found {
            Ok(())
        } else {
            Err(format!("{css}: no option {value:?} to choose"))
        }
    }

    /// Clicks the view button `view` (`map`, `timeline`, `table`) and waits until it is pressed.
    pub fn switch_view(&self, view: &str) -> Result<()> {
        self.click(&format!("[data-view={view}]"))?;
        self.wait_for(
            &format!("document.querySelector('[data-view={view}]').getAttribute('aria-pressed') === 'true'"),
            crate::cases::QUICK,
        )
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
        let session = self.engine.session()?;
        // Let the browser paint first: right after a resize, WebKit's
        // screenshot can show tiles not yet repainted (black).
        session.execute_async(AFTER_NEXT_PAINT, Vec::new())?;
        let png = session.screenshot()?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(path, png).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(path.to_path_buf())
    }

    /// The page as WebDriver prints it: a PDF, A4 landscape.
    pub fn print_a4_landscape(&self) -> Result<Vec<u8>> {
        self.engine.session()?.print_a4_landscape()
    }

    /// Saves `bytes` beside the screenshots as `<engine>-<name>` (a downloaded file, to look at).
    pub fn save_beside_screenshots(&self, name: &str, bytes: &[u8]) -> Result<PathBuf> {
        let path = self
            .screenshot_dir
            .join(format!("{}-{name}", self.engine.kind.name()));
        std::fs::create_dir_all(self.screenshot_dir)
            .map_err(|e| format!("{}: {e}", self.screenshot_dir.display()))?;
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(path)
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

    /// Puts the engine back to how every case finds it: the pointer moved to
    /// the viewport's corner and keys and buttons released (if the previous
    /// case used them), and the viewport `WIDTH`x`HEIGHT` again (if it was
    /// changed). The runner calls this before each case.
    pub(crate) fn reset(&mut self) -> Result<()> {
        if self.engine.input_used {
            let session = self.engine.session()?;
            // Otherwise the next page could open with an element under the
            // pointer hovered.
            session.perform_actions(pointer_source(vec![move_to(0, 0)]))?;
            session.release_actions()?;
            self.engine.input_used = false;
        }
        if self.engine.viewport != (WIDTH, HEIGHT) {
            self.engine.set_viewport(WIDTH, HEIGHT)?;
        }
        Ok(())
    }

    /// Makes the viewport (`window.innerWidth` x `innerHeight`) exactly
    /// `width` x `height` CSS pixels, e.g. 360x740 (a phone), 1280x800 or
    /// 3840x2160 (the largest supported). Waits until the page sees the new
    /// size (WebKit resizes asynchronously) and the app has painted for it. The next case starts from the
    /// default 1280x900 again.
    pub fn set_viewport(&mut self, width: u32, height: u32) -> Result<()> {
        self.engine
            .set_viewport(width, height)
            .map_err(|e| format!("set_viewport({width}, {height}): {e}"))?;
        // The app lays itself out again for the new size (its resize observers re-render):
        // let that frame be painted before a case clicks where things now are.
        self.engine
            .session()?
            .execute_async(AFTER_NEXT_PAINT, Vec::new())
            .map(drop)
    }

    /// Moves the mouse pointer onto the first element matching `css` with
    /// the Actions API, so real `pointerover`/`pointerenter`/`mouseover`/
    /// `mousemove` events fire and `:hover` applies. The element is scrolled
    /// into view first if it is not wholly in it. The pointer goes to the
    /// element's centre (`origin` = the element), or, when another element
    /// covers that point (a concave SVG shape whose centre lies on a
    /// neighbour), to the point nearest the centre where the element is on
    /// top; it fails if there is none.
    pub fn hover(&mut self, css: &str) -> Result<()> {
        let aim = self.aim(css)?;
        self.pointer(vec![aim])
            .map_err(|e| format!("hover `{css}`: {e}"))
    }

    /// Moves the mouse pointer to `(x, y)` in viewport coordinates (CSS
    /// pixels from the viewport's top left; rounded to whole pixels).
    pub fn hover_at(&mut self, x: f64, y: f64) -> Result<()> {
        self.pointer(vec![move_to(x, y)])
            .map_err(|e| format!("hover_at({x}, {y}): {e}"))
    }

    /// Clicks with real pointer events (move, button down, button up) at
    /// `(x, y)` in viewport coordinates — whatever is there gets
    /// `pointerdown`, `mousedown`, `pointerup`, `mouseup` and `click`.
    pub fn click_at(&mut self, x: f64, y: f64) -> Result<()> {
        self.pointer(vec![
            move_to(x, y),
            button("pointerDown"),
            button("pointerUp"),
        ])
        .map_err(|e| format!("click_at({x}, {y}): {e}"))
    }

    /// Clicks the first element matching `css` with real pointer events,
    /// aimed as by [`Page::hover`] (so a shape whose centre lies on a
    /// neighbour is still hit). Unlike [`Page::click`] (WebDriver's Element
    /// Click), the pointer moves there first, so hover effects happen too.
    pub fn click_on(&mut self, css: &str) -> Result<()> {
        let aim = self.aim(css)?;
        self.pointer(vec![aim, button("pointerDown"), button("pointerUp")])
            .map_err(|e| format!("click_on `{css}`: {e}"))
    }

    /// Drags with the (left) mouse button: moves to `from`, presses, moves
    /// to `to` in a few steps (so `pointermove`s arrive in between), releases.
    /// Viewport coordinates.
    pub fn drag(&mut self, from: (f64, f64), to: (f64, f64)) -> Result<()> {
        let mut actions = vec![move_to(from.0, from.1), button("pointerDown")];
        for step in 1..=DRAG_STEPS {
            let t = f64::from(step) / f64::from(DRAG_STEPS);
            let mut action = move_to(from.0 + (to.0 - from.0) * t, from.1 + (to.1 - from.1) * t);
            action["duration"] = json!(16); // about a frame apart
            actions.push(action);
        }
        actions.push(button("pointerUp"));
        self.pointer(actions)
            .map_err(|e| format!("drag from {from:?} to {to:?}: {e}"))
    }

    /// Double-clicks the first element matching `css` (aimed as by
    /// [`Page::hover`]): two clicks in a row at one point, so `dblclick`
    /// fires after two `click`s.
    pub fn double_click(&mut self, css: &str) -> Result<()> {
        let aim = self.aim(css)?;
        let actions = vec![
            aim,
            button("pointerDown"),
            button("pointerUp"),
            button("pointerDown"),
            button("pointerUp"),
        ];
        self.pointer(actions)
            .map_err(|e| format!("double_click `{css}`: {e}"))
    }

    /// Presses `keys` one after another on the focused element (the
    /// Actions API's key source: `keydown`, `keypress`, `keyup`, and what the
    /// browser does by default, like moving focus on Tab). Plain characters
    /// and the special keys of [`keys`]; a modifier stays down to the end of
    /// the string (`SHIFT` then `TAB` is Shift+Tab). WebKitGTK's `keydown`
    /// for Shift+Tab has `key` "Unidentified" (with `shiftKey`); the focus
    /// moves back all the same.
    pub fn press(&mut self, keys: &str) -> Result<()> {
        let mut actions = Vec::new();
        let mut held = Vec::new();
        for c in keys.chars() {
            if held.contains(&c) {
                continue;
            }
            actions.push(json!({ "type": "keyDown", "value": c.to_string() }));
            if keys::is_modifier(c) {
                held.push(c);
            } else {
                actions.push(json!({ "type": "keyUp", "value": c.to_string() }));
            }
        }
        for c in held.into_iter().rev() {
            actions.push(json!({ "type": "keyUp", "value": c.to_string() }));
        }
        self.engine.input_used = true;
        self.engine
            .session()?
            .perform_actions(json!([{ "type": "key", "id": KEYBOARD, "actions": actions }]))
            .map_err(|e| format!("press {keys:?}: {e}"))
    }

    /// Evaluates `js` inside the frame matching `css` (also a cross-origin or
    /// sandboxed one), then returns to the top-level page.
    pub fn eval_in_frame<T: DeserializeOwned>(&self, css: &str, js: &str) -> Result<T> {
        let session = self.engine.session()?;
        let frame = session.find(css)?;
        session.switch_to_frame(Some(&frame))?;
        let value = session.execute(&format!("return ({js});"), Vec::new());
        session.switch_to_frame(None)?;
        let value = value?;
        serde_json::from_value(value.clone())
            .map_err(|e| format!("`{js}` in {css} returned {value}, which does not fit: {e}"))
    }

    /// Chromium only: makes the page see `prefers-reduced-motion: reduce`
    /// (or, with `false`, the system's setting again), through the DevTools
    /// protocol. Other engines have no such switch over WebDriver.
    pub fn emulate_reduced_motion(&mut self, reduce: bool) -> Result<()> {
        self.emulate_media_features(if reduce {
            &[("prefers-reduced-motion", "reduce")]
        } else {
            &[]
        })
    }

    /// Chromium only: makes the page see these media features (e.g.
    /// `("prefers-color-scheme", "dark")`); with none, the system's again.
    pub fn emulate_media_features(&mut self, features: &[(&str, &str)]) -> Result<()> {
        let features: Vec<Value> = features
            .iter()
            .map(|(name, value)| json!({ "name": name, "value": value }))
            .collect();
        self.engine
            .session()?
            .chromium_cdp(
                "Emulation.setEmulatedMedia",
                json!({ "features": features }),
            )
            .map(drop)
    }

    /// Chromium only: runs a DevTools protocol command (its result is not needed).
    pub fn chromium_cdp(&mut self, command: &str, params: Value) -> Result<()> {
        self.engine
            .session()?
            .chromium_cdp(command, params)
            .map(drop)
    }

    /// Chromium only: the page's memory after a full garbage collection, through the DevTools
    /// protocol: the JS heap in use, the wasm linear memory, and the DOM's node and event
    /// listener counts.
    pub fn memory(&self) -> Result<Memory> {
        let session = self.engine.session()?;
        session.chromium_cdp("HeapProfiler.collectGarbage", json!({}))?;
        let heap = session.chromium_cdp("Runtime.getHeapUsage", json!({}))?;
        let counters = session.chromium_cdp("Memory.getDOMCounters", json!({}))?;
        let number = |v: &Value, key: &str| {
            v.get(key)
                .and_then(Value::as_f64)
                .ok_or_else(|| format!("the DevTools protocol gave no {key}: {v}"))
        };
        let wasm: f64 = self.eval(
            "window.__e2e && window.__e2e.wasm ? window.__e2e.wasm.memory.buffer.byteLength : -1",
        )?;
        check(wasm > 0.0, || {
            "the app's wasm memory is out of reach".into()
        })?;
        Ok(Memory {
            js_heap: number(&heap, "usedSize")?,
            wasm,
            nodes: number(&counters, "nodes")?,
            listeners: number(&counters, "jsEventListeners")?,
        })
    }

    /// Reads the QR code drawn in the element matching `css` as a camera would: from the
    /// engine's own picture of the page (a screenshot, cut to the element), decoded by an
    /// independent decoder. The cut-out is kept as `<engine>-qr-code.png` for a person to see.
    pub fn read_qr_code(&self, css: &str) -> Result<String> {
        // Whole on screen first, and where it is in device pixels.
        let rect: Vec<f64> = self.eval(&format!(
            "(() => {{ const e = document.querySelector({css:?}); e.scrollIntoView({{ block: 'center' }}); \
             const r = e.getBoundingClientRect(), d = devicePixelRatio; \
             return [r.left * d, r.top * d, r.width * d, r.height * d]; }})()"
        ))?;
        let session = self.engine.session()?;
        // (WebKit's picture can show tiles not yet repainted: after the next paint.)
        session.execute_async(AFTER_NEXT_PAINT, Vec::new())?;
        let png = session.screenshot()?;
        let decoder = png::Decoder::new(std::io::Cursor::new(png));
        let mut reader = decoder
            .read_info()
            .map_err(|e| format!("screenshot: {e}"))?;
        let mut pixels = vec![0; reader.output_buffer_size()];
        let frame = reader
            .next_frame(&mut pixels)
            .map_err(|e| format!("screenshot: {e}"))?;
        let channels = frame.color_type.samples();
        if frame.bit_depth != png::BitDepth::Eight || channels < 3 {
            return Err(format!(
                "the screenshot is {:?} {:?}, not 8-bit colour",
                frame.color_type, frame.bit_depth
            ));
        }
        let [left, top, width, height] = rect[..] else {
            return Err(format!("{css}'s place: {rect:?}"));
        };
        let (left, top) = (
            left.round().max(0.0) as usize,
            top.round().max(0.0) as usize,
        );
        let width = (width.round() as usize).min((frame.width as usize).saturating_sub(left));
        let height = (height.round() as usize).min((frame.height as usize).saturating_sub(top));
        let luma = |x: usize, y: usize| {
            let at = ((top + y) * frame.width as usize + left + x) * channels;
            let channel = |i: usize| u32::from(pixels.get(at + i).copied().unwrap_or(255));
            ((channel(0) * 299 + channel(1) * 587 + channel(2) * 114) / 1000) as u8
        };
        let kept = self
            .screenshot_dir
            .join(format!("{}-qr-code.png", self.engine.kind.name()));
        save_grey_png(&kept, width, height, &luma)?;
        let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, height, luma);
        let grids = image.detect_grids();
        let grid = grids.first().ok_or_else(|| {
            format!(
                "no QR code found in {css}'s {width}x{height} picture ({})",
                kept.display()
            )
        })?;
        let (_, text) = grid
            .decode()
            .map_err(|e| format!("the QR code in {css} does not read: {e:?}"))?;
        Ok(text)
    }

    /// Taps the first element matching `css` with a finger: a `touch`
    /// pointer (aimed as by [`Page::hover`]) goes down and up, so the page
    /// gets `pointerdown`/`pointerup` with `pointerType` "touch" and then a
    /// `click`. The finger is lifted and released afterwards.
    pub fn tap_on(&mut self, css: &str) -> Result<()> {
        let aim = self.aim(css)?;
        self.engine.input_used = true;
        let session = self.engine.session()?;
        session
            .perform_actions(json!([{
                "type": "pointer",
                "id": FINGER,
                "parameters": { "pointerType": "touch" },
                "actions": [aim, button("pointerDown"), button("pointerUp")],
            }]))
            .map_err(|e| format!("tap `{css}`: {e}"))?;
        session.release_actions()
    }

    /// Pinches with two fingers (two `touch` pointers) around `centre`
    /// (viewport coordinates): they go down `from` CSS pixels left and
    /// right of it, move in a few steps to `to` pixels apart each side, and
    /// lift. `to > from` spreads the fingers (zoom in).
    pub fn pinch(&mut self, centre: (f64, f64), from: f64, to: f64) -> Result<()> {
        let finger = |id: &str, side: f64| {
            let mut actions = vec![
                move_to(centre.0 + side * from, centre.1),
                button("pointerDown"),
            ];
            for step in 1..=DRAG_STEPS {
                let t = f64::from(step) / f64::from(DRAG_STEPS);
                let mut action = move_to(centre.0 + side * (from + (to - from) * t), centre.1);
                action["duration"] = json!(16);
                actions.push(action);
            }
            actions.push(button("pointerUp"));
            json!({
                "type": "pointer",
                "id": id,
                "parameters": { "pointerType": "touch" },
                "actions": actions,
            })
        };
        self.engine.input_used = true;
        let session = self.engine.session()?;
        session
            .perform_actions(json!([finger(FINGER, -1.0), finger("finger-2", 1.0)]))
            .map_err(|e| format!("pinch at {centre:?} from {from} to {to}: {e}"))?;
        session.release_actions()
    }

    /// Shift+Tab: moves the focus backwards.
    pub fn press_shift_tab(&mut self) -> Result<()> {
        self.press(&format!("{}{}", keys::SHIFT, keys::TAB))
    }

    /// Types `text` into the first element matching `css` (WebDriver's
    /// Element Send Keys: focuses it, then sends each character; special keys
    /// of [`keys`] work too). The text is added where the caret is.
    pub fn type_into(&mut self, css: &str, text: &str) -> Result<()> {
        let session = self.engine.session()?;
        let element = session.find(css)?;
        session
            .send_keys(&element, text)
            .map_err(|e| format!("type_into `{css}`: {e}"))
    }

    /// Releases every key and mouse button the actions left pressed
    /// (WebDriver's Release Actions). The pointer stays where it is.
    pub fn release_actions(&mut self) -> Result<()> {
        self.engine.session()?.release_actions()
    }

    /// Saves a PNG of the viewport as
    /// `target/e2e/screenshots/<engine>-<name>.png` and returns its path.
    /// `name` may hold letters, digits, `-`, `_` and `.`.
    pub fn screenshot_named(&self, name: &str) -> Result<PathBuf> {
        let allowed = |c: char| c.is_ascii_alphanumeric() || "-_.".contains(c);
        if name.is_empty() || name.starts_with('.') || !name.chars().all(allowed) {
            return Err(format!(
                "screenshot name {name:?}: use letters, digits, '-', '_' and '.'"
            ));
        }
        let file = format!("{}-{name}.png", self.engine.kind.name());
        self.screenshot(&self.screenshot_dir.join(file))
    }

    /// Runs axe-core (injected into the page once per page load) on the
    /// whole document with the rules tagged [`AXE_TAGS`], and returns one line
    /// per violated rule: `"<id> (<impact>): <help> — <n> node(s): <first
    /// targets>"`. Empty when nothing is violated.
    pub fn axe_violations(&self) -> Result<Vec<String>> {
        self.axe_violations_tagged(AXE_TAGS)
    }

    /// [`Page::axe_violations`] with other rule tags (e.g. `&["wcag2a"]`;
    /// see axe-core's rule descriptions).
    pub fn axe_violations_tagged(&self, tags: &[&str]) -> Result<Vec<String>> {
        let session = self.engine.session()?;
        let loaded = session.execute("return typeof window.axe === 'object';", Vec::new())?;
        if loaded != Value::Bool(true) {
            let source = axe_source()?;
            let got = session
                .execute(
                    &format!("{source}\n;return typeof window.axe === 'object';"),
                    Vec::new(),
                )
                .map_err(|e| format!("injecting axe-core: {e}"))?;
            if got != Value::Bool(true) {
                return Err(format!("injecting axe-core: window.axe is not set ({got})"));
            }
        }
        let value = session
            .execute_async(AXE_RUN, vec![json!(tags)])
            .map_err(|e| format!("axe.run: {e}"))?;
        let outcome: AxeOutcome = serde_json::from_value(value.clone())
            .map_err(|e| format!("axe.run returned {value}, which does not fit: {e}"))?;
        if let Some(error) = outcome.error {
            return Err(format!("axe.run failed: {error}"));
        }
        Ok(outcome
            .violations
            .into_iter()
            .map(|v| {
                let shown = 3;
                let mut targets = v.targets.iter().take(shown).cloned().collect::<Vec<_>>();
                if v.targets.len() > shown {
                    targets.push(format!("… {} more", v.targets.len() - shown));
                }
                format!(
                    "{} ({}): {} — {} node(s): {}",
                    v.id,
                    v.impact.as_deref().unwrap_or("no impact given"),
                    v.help,
                    v.targets.len(),
                    targets.join(", ")
                )
            })
            .collect())
    }

    /// Horizontal overflow: `None` when the document is no wider than the
    /// viewport (`document.documentElement.scrollWidth <=
    /// window.innerWidth`), else what overflows, naming the widest elements
    /// that reach past the right edge (up to 5, as `tag.class`; elements
    /// inside a box that clips or scrolls horizontally are not counted).
    pub fn overflow(&self) -> Result<Option<String>> {
        self.eval(OVERFLOW_JS)
    }

    /// Where to aim the pointer at the first element matching `css`: a
    /// `pointerMove` action (see [`Page::hover`]).
    fn aim(&self, css: &str) -> Result<Value> {
        let session = self.engine.session()?;
        let element = session.find(css)?;
        let aim = session
            .execute(AIM_JS, vec![element_ref(&element)])
            .map_err(|e| format!("aiming at `{css}`: {e}"))?;
        if let Some(error) = aim.get("error").and_then(Value::as_str) {
            return Err(format!("cannot point at `{css}`: {error}"));
        }
        if aim.get("centre") == Some(&Value::Bool(true)) {
            return Ok(json!({
                "type": "pointerMove",
                "duration": 0,
                "origin": element_ref(&element),
                "x": 0,
                "y": 0,
            }));
        }
        match (aim["x"].as_f64(), aim["y"].as_f64()) {
            (Some(x), Some(y)) => Ok(move_to(x, y)),
            _ => Err(format!("aiming at `{css}`: unexpected answer {aim}")),
        }
    }

    /// Performs `actions` with the mouse.
    fn pointer(&mut self, actions: Vec<Value>) -> Result<()> {
        self.engine.input_used = true;
        self.engine
            .session()?
            .perform_actions(pointer_source(actions))
    }

    fn recorded(&self, list: &str) -> Result<Vec<String>> {
        let got: Option<Vec<String>> =
            self.eval(&format!("window.__e2e ? window.__e2e.{list} : null"))?;
        got.ok_or_else(|| {
            "window.__e2e is missing: the page was not served by the e2e server".to_owned()
        })
    }
}

/// The mouse as an Actions API input source performing `actions`.
fn pointer_source(actions: Vec<Value>) -> Value {
    json!([{
        "type": "pointer",
        "id": MOUSE,
        "parameters": { "pointerType": "mouse" },
        "actions": actions,
    }])
}

/// A `pointerMove` to `(x, y)` in the viewport (rounded: not every driver
/// takes fractions).
fn move_to(x: impl Into<f64>, y: impl Into<f64>) -> Value {
    let round = |v: f64| v.round() as i64;
    json!({
        "type": "pointerMove",
        "duration": 0,
        "origin": "viewport",
        "x": round(x.into()),
        "y": round(y.into()),
    })
}

/// `pointerDown` or `pointerUp` of the left button.
fn button(kind: &str) -> Value {
    json!({ "type": kind, "button": 0 })
}

fn axe_source() -> Result<&'static str> {
    static SOURCE: OnceLock<String> = OnceLock::new();
    if let Some(source) = SOURCE.get() {
        return Ok(source);
    }
    let source = std::fs::read_to_string(AXE_JS).map_err(|e| {
        format!(
            "{AXE_JS}: {e}: axe-core is not installed. `scripts/test` installs it (the function \
             setup_e2e in scripts/setup.sh runs `npm ci` in tests/e2e); or run \
             `bash -c 'source scripts/setup.sh && setup_e2e'`"
        )
    })?;
    Ok(SOURCE.get_or_init(|| source))
}

#[derive(Deserialize)]
struct AxeOutcome {
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    violations: Vec<AxeViolation>,
}

#[derive(Deserialize)]
struct AxeViolation {
    id: String,
    impact: Option<String>,
    help: String,
    targets: Vec<String>,
}

/// Calls back after two animation frames (so one was painted), or after
/// 500 ms in a page that gets none (hidden).
/// Keeps, in `window.__e2eInput`, the mouse events the page receives (`click:table` for a view
/// button, else the target's tag name: `click:BUTTON`), emptied on each call.
const INPUT_RECORDER: &str = "(() => { if (!window.__e2eInput) { window.__e2eInput = []; \
    for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click']) { \
    addEventListener(type, (e) => { const b = e.target.closest && e.target.closest('[data-view]'); \
    window.__e2eInput.push(type + ':' + (b ? b.dataset.view : e.target.tagName)); }, true); } } \
    window.__e2eInput.length = 0; return null; })()";

const AFTER_NEXT_PAINT: &str = "const done = arguments[arguments.length - 1]; \
    setTimeout(() => done(false), 500); \
    requestAnimationFrame(() => requestAnimationFrame(() => done(true)));";

/// Runs axe on the document (async script: the callback is the last
/// argument; `arguments[0]` is the list of tags).
const AXE_RUN: &str = r#"
const done = arguments[arguments.length - 1];
const tags = arguments[0];
const target = (t) => Array.isArray(t) ? t.map(target).join(' >>> ') : String(t);
window.axe
  .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
  .then(
    (r) => done({
      violations: r.violations.map((v) => ({
        id: v.id,
        impact: v.impact || null,
        help: v.help,
        targets: v.nodes.map((n) => target(n.target)),
      })),
    }),
    (e) => done({ error: String((e && e.stack) || e) }),
  );
"#;

/// Where on `arguments[0]` the pointer should go: `{centre: true}` when the
/// element is on top at WebDriver's "in-view centre point" (the centre of
/// its first client rect, clipped to the viewport), else `{x, y}` of the
/// point nearest to it where it is, else `{error}`.
const AIM_JS: &str = r#"
const el = arguments[0];
const describe = (e) => e ? e.tagName.toLowerCase() +
  (e.getAttribute('class') ? '.' + e.getAttribute('class').trim().split(/\s+/).join('.') : '') : 'nothing';
let r = el.getClientRects()[0];
if (!r) return { error: 'it has no layout box (not rendered?)' };
if (r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight) {
  el.scrollIntoView({ block: 'center', inline: 'center' });
  r = el.getClientRects()[0];
}
const left = Math.max(0, r.left), right = Math.min(innerWidth, r.right);
const top = Math.max(0, r.top), bottom = Math.min(innerHeight, r.bottom);
if (right <= left || bottom <= top) return { error: 'it is outside the viewport' };
const hits = (x, y) => { const t = document.elementFromPoint(x, y); return t !== null && el.contains(t); };
const cx = Math.floor((left + right) / 2), cy = Math.floor((top + bottom) / 2);
if (hits(cx, cy)) return { centre: true };
for (const n of [4, 8, 16, 32]) {
  const points = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    points.push([Math.floor(left + (i + 0.5) * (right - left) / n),
                 Math.floor(top + (j + 0.5) * (bottom - top) / n)]);
  }
  points.sort((a, b) => Math.hypot(a[0] - cx, a[1] - cy) - Math.hypot(b[0] - cx, b[1] - cy));
  for (const [x, y] of points) if (hits(x, y)) return { x, y };
}
return { error: 'another element is on top of it everywhere tried (at its centre: ' +
  describe(document.elementFromPoint(cx, cy)) + ')' };
"#;

/// `null`, or a description of the horizontal overflow (see
/// [`Page::overflow`]).
const OVERFLOW_JS: &str = r#"(() => {
  const doc = document.documentElement, vw = window.innerWidth, sw = doc.scrollWidth;
  if (sw <= vw) return null;
  const describe = (e) => e.tagName.toLowerCase() +
    (e.getAttribute('class') ? '.' + e.getAttribute('class').trim().split(/\s+/).join('.') : '');
  const found = [];
  const walk = (parent) => {
    for (const el of parent.children) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right + window.scrollX > vw + 0.5) {
        found.push({ name: describe(el), width: r.width, right: r.right + window.scrollX });
      }
      // What a box clips or scrolls does not make the page wider.
      if (getComputedStyle(el).overflowX === 'visible') walk(el);
    }
  };
  walk(doc);
  found.sort((a, b) => b.width - a.width);
  const widest = found.slice(0, 5)
    .map((f) => `${f.name} (${Math.round(f.width)} px wide, right edge at ${Math.round(f.right)})`);
  return `the document is ${sw} px wide in a ${vw} px viewport; ` + (widest.length
    ? `widest elements past the right edge: ${widest.join(', ')}`
    : 'no element reaches past the right edge (a pseudo-element or margin?)');
})()"#;

/// What [`Page::memory`] measured, in bytes and counts.
#[derive(Clone, Copy, Debug)]
pub struct Memory {
    pub js_heap: f64,
    pub wasm: f64,
    pub nodes: f64,
    pub listeners: f64,
}

impl Memory {
    /// The JS heap plus the wasm memory.
    pub fn total(&self) -> f64 {
        self.js_heap + self.wasm
    }
}

/// Writes a greyscale PNG of `width` x `height` pixels from `luma`.
fn save_grey_png(
    path: &Path,
    width: usize,
    height: usize,
    luma: &impl Fn(usize, usize) -> u8,
) -> Result<()> {
    let fail = |e: &dyn std::fmt::Display| format!("{}: {e}", path.display());
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| fail(&e))?;
    }
    let file = std::fs::File::create(path).map_err(|e| fail(&e))?;
    let size = |n: usize| u32::try_from(n).map_err(|e| fail(&e));
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), size(width)?, size(height)?);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    let grey: Vec<u8> = (0..height)
        .flat_map(|y| (0..width).map(move |x| (x, y)))
        .map(|(x, y)| luma(x, y))
        .collect();
    let mut writer = encoder.write_header().map_err(|e| fail(&e))?;
    writer.write_image_data(&grey).map_err(|e| fail(&e))
}
