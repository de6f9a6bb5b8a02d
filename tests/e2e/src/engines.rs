//! The three browser engines: where their binaries are, how to start their
//! WebDriver servers, and the capabilities of a session.

use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::process::{free_port, start_xvfb, ChildGuard, TempDir};
use crate::webdriver::{Driver, Session};
use crate::Result;

/// The viewport every case starts with (`window.innerWidth`/`innerHeight`).
pub const WIDTH: u32 = 1280;
pub const HEIGHT: u32 = 900;
/// The largest viewport a case may ask for (4K UHD). The browsers' windows
/// must be able to grow to this plus their toolbars.
pub const MAX_WIDTH: u32 = 3840;
pub const MAX_HEIGHT: u32 = 2160;
/// Xvfb's screen (for WebKit): room for MiniBrowser's window at a
/// `MAX_WIDTH`x`MAX_HEIGHT` viewport plus its toolbar.
const XVFB_SCREEN: &str = "3960x2400x24";
const DRIVER_READY_TIMEOUT: Duration = Duration::from_secs(20);
/// Debian's Chromium, which every Chromium run uses (the benchmark's Lighthouse too).
pub const CHROMIUM: &str = "/usr/bin/chromium";
const FIREFOX: &str = "/usr/bin/firefox-esr";
const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EngineKind {
    Chromium,
    Firefox,
    Webkit,
}

impl EngineKind {
    pub const ALL: [Self; 3] = [Self::Chromium, Self::Firefox, Self::Webkit];

    pub fn name(self) -> &'static str {
        match self {
            Self::Chromium => "chromium",
            Self::Firefox => "firefox",
            Self::Webkit => "webkit",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The engines named in `E2E_ENGINES` (comma-separated), default all.
    pub fn selected() -> Result<Vec<Self>> {
        let Ok(list) = std::env::var("E2E_ENGINES") else {
            return Ok(Self::ALL.to_vec());
        };
        let mut out = Vec::new();
        for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let kind = Self::from_name(name).ok_or_else(|| {
                format!("E2E_ENGINES: unknown engine {name:?} (known: chromium, firefox, webkit)")
            })?;
            if !out.contains(&kind) {
                out.push(kind);
            }
        }
        Ok(out)
    }

    /// Finds every binary this engine needs, or says which is missing and
    /// which package provides it.
    fn binaries(self) -> Result<Binaries> {
        match self {
            Self::Chromium => Ok(Binaries {
                driver: find(
                    "chromedriver",
                    "install the Debian package `chromium-driver`",
                )?,
                browser: existing(CHROMIUM, "install the Debian package `chromium`")?,
                xvfb: None,
            }),
            Self::Firefox => Ok(Binaries {
                driver: find("geckodriver", "run `cargo install geckodriver`")?,
                browser: existing(FIREFOX, "install the Debian package `firefox-esr`")?,
                xvfb: None,
            }),
            Self::Webkit => Ok(Binaries {
                driver: find(
                    "WebKitWebDriver",
                    "install the Debian package `webkit2gtk-driver`",
                )?,
                browser: existing(
                    MINIBROWSER,
                    "install the Debian package `webkit2gtk-driver`",
                )?,
                xvfb: Some(find("Xvfb", "install the Debian package `xvfb`")?),
            }),
        }
    }
}

struct Binaries {
    driver: PathBuf,
    browser: PathBuf,
    xvfb: Option<PathBuf>,
}

/// `name` on `PATH`, or in cargo's bin directory (where `cargo install` puts it).
fn find(name: &str, how_to_install: &str) -> Result<PathBuf> {
    let path_dirs = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .unwrap_or_default();
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|d| d.join("bin"));
    path_dirs
        .into_iter()
        .chain(cargo_bin)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
        .ok_or_else(|| format!("`{name}` not found on PATH nor in ~/.cargo/bin: {how_to_install}"))
}

fn existing(path: &str, how_to_install: &str) -> Result<PathBuf> {
    let p = PathBuf::from(path);
    if p.is_file() {
        Ok(p)
    } else {
        Err(format!("{path} is missing: {how_to_install}"))
    }
}

/// A running engine: driver (and Xvfb) processes plus one session.
/// Dropping it deletes the session, then stops the processes.
pub struct Engine {
    pub kind: EngineKind,
    session: Option<Session>,
    /// Whether this engine's screenshot was saved already.
    pub screenshot_saved: bool,
    /// Whether the app failed to become ready in an earlier case.
    pub app_failed_to_load: bool,
    /// The viewport size last set (`WIDTH`x`HEIGHT` at start).
    pub viewport: (u32, u32),
    /// Whether a case used the Actions API since the last reset (the
    /// pointer may be somewhere, keys or buttons may be down).
    pub input_used: bool,
    // Dropped in this order: driver, then X server, then the scratch dir.
    _driver: ChildGuard,
    _xvfb: Option<ChildGuard>,
    _scratch: TempDir,
}

impl Engine {
    pub fn start(kind: EngineKind, log_dir: &Path) -> Result<Self> {
        let bins = kind.binaries()?;
        // Everything the driver and browser write (profiles, caches, temp
        // files) goes under this directory, removed when the engine stops.
        let scratch = TempDir::new(&format!("e2e-{}", kind.name()))?;
        let scratch_dir = |name: &str| -> Result<PathBuf> {
            let dir = scratch.path().join(name);
            std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            Ok(dir)
        };
        let config_home = scratch_dir("config")?;
        let scratch_env = [
            ("TMPDIR", scratch_dir("tmp")?),
            ("XDG_CACHE_HOME", scratch_dir("cache")?),
            ("XDG_CONFIG_HOME", config_home.clone()),
            ("XDG_DATA_HOME", scratch_dir("data")?),
        ];
        let profile = scratch_dir("profile")?;
        allow_narrow_windows(kind, &config_home, &profile)?;
        let log = |what: &str| log_dir.join(format!("{}-{what}.log", kind.name()));
        let xvfb = match &bins.xvfb {
            Some(xvfb) => Some(start_xvfb(xvfb, XVFB_SCREEN, &log("xvfb"))?),
            None => None,
        };
        let display = xvfb.as_ref().map(|(_, n)| *n);
        let xvfb = xvfb.map(|(guard, _)| guard);

        let mut attempt = 0;
        let (driver_process, driver) = loop {
            attempt += 1;
            let port = free_port()?;
            let mut cmd = Command::new(&bins.driver);
            match kind {
                // chromedriver has no host flag; it listens on loopback only.
                EngineKind::Chromium => cmd.arg(format!("--port={port}")),
                EngineKind::Firefox => {
                    cmd.args(["--host", "127.0.0.1", "--port", &port.to_string()])
                }
                EngineKind::Webkit => cmd.args(["--host=127.0.0.1", &format!("--port={port}")]),
            };
            cmd.envs(scratch_env.iter().map(|(k, v)| (k, v)));
            if let Some(n) = display {
                cmd.env("DISPLAY", format!(":{n}"))
                    .env("GDK_BACKEND", "x11")
                    .env_remove("WAYLAND_DISPLAY");
            }
            let mut process = ChildGuard::spawn(
                &bins.driver.display().to_string(),
                &mut cmd,
                Some(&log("driver")),
            )?;
            let driver = Driver {
                addr: SocketAddr::from((Ipv4Addr::LOCALHOST, port)),
            };
            match driver.wait_ready(DRIVER_READY_TIMEOUT, || process.check_alive()) {
                Ok(()) => break (process, driver),
                // The port may have been taken meanwhile: retry on another.
                Err(e) if attempt < 3 => eprintln!("e2e: {}: retrying: {e}", kind.name()),
                Err(e) => return Err(format!("{}: {e}{}", kind.name(), process.log_tail())),
            }
        };

        let caps = capabilities(kind, &bins.browser, &profile);
        let session = driver
            .new_session(caps)
            .map_err(|e| format!("{}: {e}{}", kind.name(), driver_process.log_tail()))?;
        let mut engine = Self {
            kind,
            session: Some(session),
            screenshot_saved: false,
            app_failed_to_load: false,
            viewport: (0, 0),
            input_used: false,
            _driver: driver_process,
            _xvfb: xvfb,
            _scratch: scratch,
        };
        engine
            .set_viewport(WIDTH, HEIGHT)
            .map_err(|e| format!("{}: setting the viewport size: {e}", kind.name()))?;
        Ok(engine)
    }

    pub fn session(&self) -> Result<&Session> {
        self.session
            .as_ref()
            .ok_or_else(|| format!("{}: no session", self.kind.name()))
    }

    /// Makes the viewport `width`x`height` (see [`set_viewport_size`]) and
    /// remembers it.
    pub fn set_viewport(&mut self, width: u32, height: u32) -> Result<()> {
        self.viewport = (0, 0); // unknown if this fails half-way
        set_viewport_size(self.session()?, width, height)?;
        self.viewport = (width, height);
        Ok(())
    }
}

impl Drop for Engine {
    fn drop(&mut self) {
        if let Some(session) = self.session.take() {
            if let Err(e) = session.delete() {
                eprintln!("e2e: {}: deleting the session: {e}", self.kind.name());
            }
        }
    }
}

/// Resizes the window so that the viewport (not the window) is
/// `width`x`height` in every engine: the window sizes the browsers take
/// include toolbars (MiniBrowser) or differ (headless Chromium), and
/// MiniBrowser has no size flag at all.
fn set_viewport_size(session: &Session, width: u32, height: u32) -> Result<()> {
    let inner = || -> Result<(i64, i64)> {
        let v = session.execute(
            "return [window.innerWidth, window.innerHeight];",
            Vec::new(),
        )?;
        match (v[0].as_i64(), v[1].as_i64()) {
            (Some(w), Some(h)) => Ok((w, h)),
            _ => Err(format!("unexpected inner size {v}")),
        }
    };
    let (want_w, want_h) = (i64::from(width), i64::from(height));
    // The window's extra size (toolbars) is measured before the resize, which gives the target
    // window size. WebKitGTK applies a resize asynchronously: poll until the viewport has the
    // wanted size, asking again only while the window is not at the target. Toolbars can change
    // height with the width (Firefox's at 360 px): once the window is at the target and the
    // viewport has kept one wrong size for a while, the extra size is measured again.
    let (w, h) = inner()?;
    if (w, h) == (want_w, want_h) {
        return Ok(());
    }
    let rect = session.window_rect()?;
    let mut target = (rect.0 + want_w - w, rect.1 + want_h - h);
    session.set_window_size(target.0, target.1)?;
    let deadline = Instant::now() + Duration::from_secs(15);
    let mut pause = Duration::from_millis(20);
    let mut settling: Option<((i64, i64), Instant)> = None;
    loop {
        let (w, h) = inner()?;
        if (w, h) == (want_w, want_h) {
            return Ok(());
        }
        if Instant::now() > deadline {
            let window = session.window_rect()?;
            return Err(format!(
                "viewport is {w}x{h}, wanted {want_w}x{want_h} (window {}x{}, asked for {}x{}; \
                 the largest supported viewport is {MAX_WIDTH}x{MAX_HEIGHT})",
                window.0, window.1, target.0, target.1
            ));
        }
        if session.window_rect()? != target {
            session.set_window_size(target.0, target.1)?;
            settling = None;
        } else {
            match settling {
                Some((size, since))
                    if size == (w, h) && since.elapsed() >= Duration::from_millis(500) =>
                {
                    target = (target.0 + want_w - w, target.1 + want_h - h);
                    session.set_window_size(target.0, target.1)?;
                    settling = None;
                }
                Some((size, _)) if size == (w, h) => {}
                _ => settling = Some(((w, h), Instant::now())),
            }
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(250));
    }
}

/// Lets the browser windows shrink to a 360 px wide viewport: Firefox's
/// window keeps a minimum width of 500 px and MiniBrowser's toolbar one of
/// about 450 px, so the first gets a `userChrome.css` in its profile and the
/// second a GTK style sheet (`$XDG_CONFIG_HOME/gtk-3.0/gtk.css`).
fn allow_narrow_windows(kind: EngineKind, config_home: &Path, profile: &Path) -> Result<()> {
    let (path, css) = match kind {
        EngineKind::Chromium => return Ok(()),
        EngineKind::Firefox => (
            profile.join("chrome/userChrome.css"),
            ":root, #main-window, toolbar, #nav-bar, #urlbar-container { \
             min-width: 0 !important; min-height: 0 !important; }\n",
        ),
        EngineKind::Webkit => (
            config_home.join("gtk-3.0/gtk.css"),
            "button, entry { min-width: 0; min-height: 0; padding: 0; margin: 0; }\n",
        ),
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&path, css).map_err(|e| format!("{}: {e}", path.display()))
}

fn capabilities(kind: EngineKind, browser: &Path, profile: &Path) -> Value {
    let common = json!({
        "pageLoadStrategy": "normal",
        "timeouts": { "pageLoad": 30_000, "script": 30_000, "implicit": 0 },
    });
    let mut caps = match kind {
        EngineKind::Chromium => {
            let args = vec![
                "--headless=new".to_owned(),
                "--no-sandbox".into(),
                "--disable-gpu".into(),
                "--disable-quic".into(),
                "--no-first-run".into(),
                "--disable-background-networking".into(),
                "--disable-component-update".into(),
                "--disable-sync".into(),
                // Every address but the test server's is blocked: the app must need none.
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1".into(),
                format!("--window-size={WIDTH},{HEIGHT}"),
                format!("--user-data-dir={}", profile.display()),
            ];
            json!({
                "browserName": "chrome",
                "goog:chromeOptions": { "binary": browser, "args": args },
            })
        }
        EngineKind::Firefox => json!({
            "browserName": "firefox",
            "moz:firefoxOptions": {
                "binary": browser,
                "args": [
                    "-headless",
                    format!("--width={WIDTH}"),
                    format!("--height={HEIGHT}"),
                    "-profile",
                    profile,
                ],
                // Reads the profile's chrome/userChrome.css (see allow_narrow_windows).
                "prefs": { "toolkit.legacyUserProfileCustomizations.stylesheets": true },
            },
        }),
        EngineKind::Webkit => json!({
            "browserName": "MiniBrowser",
            "webkitgtk:browserOptions": { "binary": browser, "args": ["--automation"] },
        }),
    };
    if let (Some(caps), Some(common)) = (caps.as_object_mut(), common.as_object()) {
        caps.extend(common.clone());
    }
    caps
}
