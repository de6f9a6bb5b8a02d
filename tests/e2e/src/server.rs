//! A static file server for the Trunk output directory, on 127.0.0.1 and a
//! free port. One thread accepts; each connection gets a short-lived thread
//! that answers one request and closes. `index.html` gets the console
//! recorder ([`CONSOLE_RECORDER`], served as [`RECORDER_PATH`]) referenced
//! right after `<head>`. Every response carries the strict
//! Content-Security-Policy of a host page ([`csp`]); the recorder also records
//! every violation of it as an error. Every response allows any origin to read
//! it (CORS), as a sandboxed frame (an opaque origin) needs for the app's
//! module script and wasm. `/examples/...` serves the repository's `examples/`, and
//! `/__single/...` the single self-contained file's folder ([`single_file`]), with a policy
//! that allows its inline script ([`SINGLE_CSP`]), and `/__noscript/...` `dist/` with a policy
//! that runs no script ([`NO_SCRIPT_CSP`]).

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use crate::Result;

/// The Content-Security-Policy header of every response: what a strict host
/// allows (no inline scripts or styles, WebAssembly allowed). The server's own origin is
/// named besides `'self'`: in a sandboxed frame (an opaque origin) WebKit
/// matches `'self'` with nothing, so the app's own scripts would be blocked.
pub fn csp(origin: &str) -> String {
    format!("script-src 'self' {origin} 'wasm-unsafe-eval'; style-src 'self' {origin}")
}

/// The policy of the single file's responses: it is one page with its script inline, so a site
/// that serves it allows inline scripts (and still nothing from elsewhere).
pub const SINGLE_CSP: &str = "default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src data:";

/// Pages under this path are `dist/`'s, served with a policy that runs no script at all
/// ([`NO_SCRIPT_CSP`]): the page as a browser with JavaScript off, or a crawler, sees it.
pub const NO_SCRIPT_PATH: &str = "/__noscript/";

/// Pages under this path are `dist/`'s, the first view in `index.html` changed as a browser
/// extension or a host's script might change it (an element added before the heading), which
/// the app must not adopt.
pub const CHANGED_PATH: &str = "/__changed/";

/// Pages under this path are `dist/`'s without the words they carry (the `impala-lang-<code>`
/// element renamed, as a host that strips unknown scripts might leave it): the app must read them
/// from the language's file.
pub const WORDLESS_PATH: &str = "/__wordless/";

/// As [`WORDLESS_PATH`], and the language files are missing too: the app cannot have its words.
pub const NO_WORDS_PATH: &str = "/__no-words/";

/// The policy of [`NO_SCRIPT_PATH`]'s responses.
pub const NO_SCRIPT_CSP: &str = "script-src 'none'";

/// Pages under this path are served from the single file's folder.
pub const SINGLE_PATH: &str = "/__single/";

/// The single file: `E2E_SINGLE`, or `<workspace>/dist-single/impala-map.html`.
pub fn single_file() -> PathBuf {
    std::env::var_os("E2E_SINGLE").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../dist-single/impala-map.html"),
        PathBuf::from,
    )
}

/// Where the server serves [`CONSOLE_RECORDER`].
pub const RECORDER_PATH: &str = "/__e2e/recorder.js";

/// The tag put into `index.html` right after `<head>`.
pub const RECORDER_TAG: &str = r#"<script src="/__e2e/recorder.js"></script>"#;

/// Runs in `index.html` before anything else: records `console.error`,
/// `console.warn`, uncaught errors, failed resource loads, unhandled promise
/// rejections and Content-Security-Policy violations into
/// `window.__e2e = {errors, warnings}`. A file, not inline, so that [`csp`]
/// allows it.
pub const CONSOLE_RECORDER: &str = r##"(function () {
  var rec = { errors: [], warnings: [] };
  window.__e2e = rec;
  function fmt(a) {
    try {
      if (a instanceof Error) {
        var s = String(a), st = a.stack || "";
        return st.indexOf(s) >= 0 ? st : st ? s + "\n" + st : s;
      }
      if (typeof a === "object" && a !== null) return JSON.stringify(a);
    } catch (_) {}
    return String(a);
  }
  function wrap(name, list) {
    var orig = console[name];
    console[name] = function () {
      try { list.push(Array.prototype.map.call(arguments, fmt).join(" ")); } catch (_) {}
      return orig.apply(console, arguments);
    };
  }
  wrap("error", rec.errors);
  wrap("warn", rec.warnings);
  window.addEventListener("error", function (ev) {
    var t = ev.target;
    if (t && t !== window && t.nodeType === 1) {
      rec.errors.push("failed to load resource: " + (t.src || t.href ||
        t.outerHTML.slice(0, 120)));
    } else {
      rec.errors.push("uncaught: " + ((ev.error && ev.error.stack) || ev.message) +
        " (" + ev.filename + ":" + ev.lineno + ")");
    }
  }, true);
  window.addEventListener("unhandledrejection", function (ev) {
    rec.errors.push("unhandled rejection: " + fmt(ev.reason));
  });
  // The app's wasm exports (for its memory), when Trunk's start-up script has run.
  addEventListener("TrunkApplicationStarted", function (ev) {
    rec.wasm = ev.detail && ev.detail.wasm;
  });
  // The first view's nodes as the build wrote them, kept before the app's scripts run (a
  // document is "interactive" just before its deferred and module scripts): a test finds out
  // whether the app adopted them or built others.
  document.addEventListener("readystatechange", function () {
    if (document.readyState !== "interactive" || rec.firstView) return;
    rec.firstViewParts = {
      heading: "#app h1",
      lede: "#app .lede",
      shapes: "#app svg.europe-map path.country",
      list: "#app .association-list > li"
    };
    rec.firstView = {};
    for (var part in rec.firstViewParts) {
      rec.firstView[part] = Array.prototype.slice.call(document.querySelectorAll(rec.firstViewParts[part]));
    }
    // Every write to a country's path in the first view's map (the app keeps the build's).
    rec.pathWrites = 0;
    var map = document.querySelector("#app svg.europe-map");
    if (map) new MutationObserver(function (records) {
      records.forEach(function (r) { if (r.target.classList.contains("country")) rec.pathWrites++; });
    }).observe(map, { attributes: true, attributeFilter: ["d"], subtree: true });
  });
  // Every map tooltip put into the page, and whether it was still there when the next frame
  // began (`shown`: null until then): the app prepares the first hover unseen after its start.
  rec.tooltips = [];
  new MutationObserver(function (records) {
    records.forEach(function (r) {
      Array.prototype.forEach.call(r.addedNodes, function (node) {
        if (node.nodeType !== 1 || !node.classList.contains("map-tooltip")) return;
        var seen = { shown: null };
        rec.tooltips.push(seen);
        requestAnimationFrame(function () { seen.shown = node.isConnected; });
      });
    });
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener("securitypolicyviolation", function (ev) {
    rec.errors.push("Content-Security-Policy violation: " + ev.violatedDirective +
      " blocked " + (ev.blockedURI || "inline code") + " (" + ev.sourceFile + ":" + ev.lineNumber + ")");
  });
})();"##;

/// The running server; dropping it stops the accept thread.
pub struct StaticServer {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl StaticServer {
    /// Serves `root` (which must contain `index.html`).
    pub fn start(root: &Path) -> Result<Self> {
        let root = root
            .canonicalize()
            .map_err(|e| format!("{}: {e}", root.display()))?;
        let listener =
            TcpListener::bind("127.0.0.1:0").map_err(|e| format!("binding 127.0.0.1:0: {e}"))?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let stop = Arc::clone(&stop);
            std::thread::Builder::new()
                .name("e2e-static-server".into())
                .spawn(move || accept_loop(&listener, &root, &stop))
                .map_err(|e| format!("spawning server thread: {e}"))?
        };
        Ok(Self {
            addr,
            stop,
            thread: Some(thread),
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT` (no trailing slash).
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the blocking accept() so it sees the flag.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn accept_loop(listener: &TcpListener, root: &Path, stop: &AtomicBool) {
    for stream in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = stream else { continue };
        let root = root.to_path_buf();
        // Connection threads end on their own: one request, read timeouts.
        let _ = std::thread::Builder::new()
            .name("e2e-static-conn".into())
            .spawn(move || {
                let _ = handle(stream, &root);
            });
    }
}

fn handle(mut stream: TcpStream, root: &Path) -> std::io::Result<()> {
    let mut csp = csp(&format!("http://{}", stream.local_addr()?));
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    stream.set_write_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line)? == 0 {
        return Ok(()); // opened and closed without a request (e.g. our wake-up)
    }
    let mut accepts_gzip = false;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line.trim_end().is_empty() {
            break;
        }
        let lower = line.to_ascii_lowercase();
        if lower.starts_with("accept-encoding:") && lower.contains("gzip") {
            accepts_gzip = true;
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    if target.starts_with(SINGLE_PATH) {
        SINGLE_CSP.clone_into(&mut csp);
    }
    if target.starts_with(NO_SCRIPT_PATH) {
        NO_SCRIPT_CSP.clone_into(&mut csp);
    }
    let mut encoding = "";
    let (status, content_type, body) = match method {
        "GET" | "HEAD" => match host_target(target) {
            Some((rest, compress)) => {
                let (status, content_type, body, gzipped) =
                    respond_as_host(root, rest, compress && accepts_gzip);
                if gzipped {
                    encoding = "Content-Encoding: gzip\r\nVary: Accept-Encoding\r\n";
                }
                (status, content_type, body)
            }
            None => respond(root, target),
        },
        _ => (
            405,
            "text/plain; charset=utf-8",
            b"method not allowed\n".to_vec(),
        ),
    };
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Internal Server Error",
    };
    let head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\n{encoding}\
         Content-Length: {}\r\nCache-Control: no-store\r\n\
         Content-Security-Policy: {csp}\r\nAccess-Control-Allow-Origin: *\r\n\
         Connection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&body)?;
    }
    stream.flush()
}

/// Pages under this path are `dist/`'s as a static host serves them: the files as built (no
/// console recorder), each sent gzipped from its precompressed `.gz` copy when the browser
/// accepts gzip (`scripts/precompress.mjs`), as nginx's `gzip_static` does. The benchmark's
/// Lighthouse runs load the app from here.
pub const HOST_PATH: &str = "/__host/";

/// The same as [`HOST_PATH`], from a host that compresses nothing.
pub const RAW_HOST_PATH: &str = "/__host-raw/";

/// The path under a host prefix, and whether that host sends precompressed files.
fn host_target(target: &str) -> Option<(&str, bool)> {
    if let Some(rest) = target.strip_prefix(HOST_PATH) {
        return Some((rest, true));
    }
    target.strip_prefix(RAW_HOST_PATH).map(|rest| (rest, false))
}

/// A file as a static host sends it: its `.gz` copy when `gzip` and there is one (then the
/// last value is true).
fn respond_as_host(root: &Path, rest: &str, gzip: bool) -> (u16, &'static str, Vec<u8>, bool) {
    let text = "text/plain; charset=utf-8";
    let Some(path) = resolve(root, &format!("/{rest}")) else {
        return (400, text, b"bad request path\n".to_vec(), false);
    };
    let content_type = mime_type(&path);
    let mut gz = path.clone().into_os_string();
    gz.push(".gz");
    if gzip {
        if let Ok(bytes) = std::fs::read(&gz) {
            return (200, content_type, bytes, true);
        }
    }
    match std::fs::read(&path) {
        Ok(bytes) => (200, content_type, bytes, false),
        Err(_) => (
            404,
            text,
            format!("not found: {rest}\n").into_bytes(),
            false,
        ),
    }
}

/// Every file under `dir`, in its folders too (in no particular order).
pub fn files_under(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries =
            std::fs::read_dir(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                files.push(path);
            }
        }
    }
    Ok(files)
}

/// Pages under this path are served from the repository's `examples/` folder (the example host
/// page), not from `dist/`.
pub const EXAMPLES_PATH: &str = "/examples/";

fn examples_root() -> Option<PathBuf> {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .canonicalize()
        .ok()
}

fn respond(root: &Path, target: &str) -> (u16, &'static str, Vec<u8>) {
    let text = "text/plain; charset=utf-8";
    if let Some(rest) = target.strip_prefix(EXAMPLES_PATH) {
        return match examples_root() {
            Some(examples) => respond(&examples, &format!("/{rest}")),
            None => (404, text, b"no examples folder\n".to_vec()),
        };
    }
    if let Some(rest) = target.strip_prefix(SINGLE_PATH) {
        return match single_file().parent().and_then(|f| f.canonicalize().ok()) {
            Some(folder) => respond(&folder, &format!("/{rest}")),
            None => (404, text, b"no single file folder\n".to_vec()),
        };
    }
    if let Some(rest) = target.strip_prefix(NO_SCRIPT_PATH) {
        return respond(root, &format!("/{rest}"));
    }
    if let Some(rest) = target.strip_prefix(CHANGED_PATH) {
        let (status, content_type, body) = respond(root, &format!("/{rest}"));
        if !content_type.starts_with("text/html") {
            return (status, content_type, body);
        }
        let html = String::from_utf8_lossy(&body).replacen(
            "<h1>",
            "<span class=\"added-by-an-extension\"></span><h1>",
            1,
        );
        return (status, content_type, html.into_bytes());
    }
    for (prefix, files_too) in [(WORDLESS_PATH, false), (NO_WORDS_PATH, true)] {
        if let Some(rest) = target.strip_prefix(prefix) {
            if files_too && rest.starts_with("lang/") {
                return (404, text, b"no such language file\n".to_vec());
            }
            let (status, content_type, body) = respond(root, &format!("/{rest}"));
            if !content_type.starts_with("text/html") {
                return (status, content_type, body);
            }
            let html = String::from_utf8_lossy(&body)
                .replace("id=\"impala-lang-", "id=\"stripped-impala-lang-");
            return (status, content_type, html.into_bytes());
        }
    }
    if target.split(['?', '#']).next() == Some(RECORDER_PATH) {
        return (
            200,
            "text/javascript; charset=utf-8",
            CONSOLE_RECORDER.as_bytes().to_vec(),
        );
    }
    let Some(path) = resolve(root, target) else {
        return (400, text, b"bad request path\n".to_vec());
    };
    let Ok(bytes) = std::fs::read(&path) else {
        return (404, text, format!("not found: {target}\n").into_bytes());
    };
    let content_type = mime_type(&path);
    if path.file_name().is_some_and(|n| n == "index.html") {
        let html = String::from_utf8_lossy(&bytes);
        return (200, content_type, inject_recorder(&html).into_bytes());
    }
    (200, content_type, bytes)
}

/// Maps a request target to a file under `root`, or `None` for anything that
/// could escape it (`..`, absolute parts, NUL, backslashes, bad escapes,
/// symlinks pointing outside). Missing files map to a path that won't open.
fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decode(path)?;
    if !decoded.starts_with('/') || decoded.contains(['\\', '\0']) {
        return None;
    }
    let mut file = root.to_path_buf();
    for component in Path::new(decoded.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => file.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    match file.canonicalize() {
        Ok(real) if !real.starts_with(root) => None,
        _ => Some(file),
    }
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn mime_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "json" | "map" => "application/json",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

/// Inserts [`RECORDER_TAG`] right after the `<head ...>` tag (or at the
/// very start if there is none).
fn inject_recorder(html: &str) -> String {
    let at = html
        .to_ascii_lowercase()
        .find("<head")
        .and_then(|start| html[start..].find('>').map(|end| start + end + 1))
        .unwrap_or(0);
    format!("{}{RECORDER_TAG}{}", &html[..at], &html[at..])
}

/// Checks of the server itself, run as `static_server::<name>` trials.
pub type SelfTest = fn(SocketAddr, &Path) -> Result<()>;

pub const SELF_TESTS: &[(&str, SelfTest)] = &[
    ("index_has_console_recorder", index_has_console_recorder),
    ("content_types", content_types),
    ("missing_files_and_traversal", missing_files_and_traversal),
];

fn get(addr: SocketAddr, path: &str) -> Result<crate::http::Response> {
    crate::http::request(addr, "GET", path, None, Duration::from_secs(10))
}

fn index_has_console_recorder(addr: SocketAddr, _: &Path) -> Result<()> {
    for path in ["/", "/index.html"] {
        let r = get(addr, path)?;
        let head_end = r
            .body
            .find("<head")
            .and_then(|at| r.body[at..].find('>').map(|end| at + end + 1))
            .ok_or_else(|| format!("GET {path}: no <head> in the page"))?;
        if r.status != 200
            || r.header("content-type") != Some(mime_type(Path::new("index.html")))
            || !r.body[head_end..].starts_with(RECORDER_TAG)
            || r.header("content-security-policy") != Some(csp(&format!("http://{addr}")).as_str())
        {
            return Err(format!(
                "GET {path}: HTTP {} {:?}, recorder right after <head>: {}",
                r.status,
                r.header("content-type"),
                r.body[head_end..].starts_with(RECORDER_TAG)
            ));
        }
    }
    let script = get(addr, RECORDER_PATH)?;
    if script.status != 200 || script.body != CONSOLE_RECORDER {
        return Err(format!("GET {RECORDER_PATH}: HTTP {}", script.status));
    }
    Ok(())
}

fn content_types(addr: SocketAddr, dist: &Path) -> Result<()> {
    for (name, want) in [
        ("a.wasm", "application/wasm"),
        ("a.js", "text/javascript; charset=utf-8"),
        ("a.css", "text/css; charset=utf-8"),
        ("a.svg", "image/svg+xml"),
        ("a.json", "application/json"),
        ("a.png", "image/png"),
        ("a.ico", "image/x-icon"),
        ("a.txt", "text/plain; charset=utf-8"),
        ("a.html", "text/html; charset=utf-8"),
    ] {
        let got = mime_type(Path::new(name));
        if got != want {
            return Err(format!("{name}: {got}, expected {want}"));
        }
    }
    // Every file of dist/ comes back whole with its type.
    let root = dist.canonicalize().map_err(|e| e.to_string())?;
    for path in files_under(&root)? {
        let Ok(rel) = path.strip_prefix(&root) else {
            continue;
        };
        let url = format!("/{}", rel.to_string_lossy());
        let r = get(addr, &url)?;
        let len = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        let is_index = url.ends_with("/index.html");
        if r.status != 200
            || r.header("content-type") != Some(mime_type(&path))
            || (!is_index && r.header("content-length") != Some(&len.to_string()))
        {
            return Err(format!(
                "GET {url}: HTTP {}, type {:?}, length {:?} (file: {len} bytes)",
                r.status,
                r.header("content-type"),
                r.header("content-length")
            ));
        }
    }
    Ok(())
}

fn missing_files_and_traversal(addr: SocketAddr, _: &Path) -> Result<()> {
    let missing = get(addr, "/no-such-file.js")?;
    if missing.status != 404 {
        return Err(format!(
            "missing file: HTTP {}, expected 404",
            missing.status
        ));
    }
    for path in [
        "/../Cargo.toml",
        "/../../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/..%2f..%2fCargo.toml",
        "/%2e%2e%5c%2e%2e%5cCargo.toml",
        "//etc/passwd",
        "/%00",
    ] {
        let r = get(addr, path)?;
        if r.status == 200 {
            return Err(format!("GET {path} was served (HTTP 200)"));
        }
    }
    Ok(())
}
