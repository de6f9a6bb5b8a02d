//! The bytes the page loads, from the files themselves (so no cache can hide any): each URL the
//! page loaded is mapped to its file in `dist/` and measured raw, gzipped (level 9, flate2) and
//! brotli-compressed (quality 11, window 22), with totals by type; and the build's own `.gz` copy
//! beside it (`scripts/precompress.mjs`, zopfli), what a host that sends the copies (nginx's
//! `gzip_static`) sends. `index.html` is measured as built, without the line the e2e server
//! injects; the server's own recorder script is left out.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Component, Path};

use crate::server::RECORDER_PATH;
use crate::Result;

/// Raw, gzip and brotli sizes in bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Sizes {
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
    /// The build's `.gz` copy (its gzip -9 size where the build wrote none).
    pub gzip_copy: u64,
}

impl Sizes {
    fn add(&mut self, other: Sizes) {
        self.raw += other.raw;
        self.gzip += other.gzip;
        self.brotli += other.brotli;
        self.gzip_copy += other.gzip_copy;
    }
}

pub struct File {
    /// The path in `dist/` (`index.html`, `impala-map-<hash>_bg.wasm`, ...).
    pub path: String,
    /// `wasm`, `js`, `css`, `html` or `other`.
    pub kind: &'static str,
    pub sizes: Sizes,
}

pub struct Bytes {
    pub files: Vec<File>,
    /// Totals per kind, in the order wasm, js, css, html, other (kinds with no file left out).
    pub by_kind: Vec<(&'static str, Sizes)>,
    pub total: Sizes,
    /// URLs loaded that are not files of `dist/` (with why), besides the recorder.
    pub unmatched: Vec<String>,
}

const KINDS: [&str; 5] = ["wasm", "js", "css", "html", "other"];

/// Measures the files behind `urls` (as loaded from `base_url`, the server of `dist`).
pub fn measure(dist: &Path, base_url: &str, urls: &BTreeSet<String>) -> Result<Bytes> {
    let mut paths = BTreeSet::new();
    let mut unmatched = Vec::new();
    for url in urls {
        match file_for(base_url, url) {
            Ok(Some(path)) if dist.join(&path).is_file() => {
                paths.insert(path);
            }
            Ok(Some(path)) => unmatched.push(format!("{url}: no {path} in {}", dist.display())),
            Ok(None) => {} // the e2e server's recorder: not the app's
            Err(e) => unmatched.push(e),
        }
    }
    if !paths.contains("index.html") {
        return Err(format!(
            "the page's document is not among the loaded URLs: {urls:?}"
        ));
    }
    let mut files = Vec::new();
    for path in paths {
        let file = dist.join(&path);
        let data = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let mut sizes = compressed_sizes(&data)?;
        let copy = dist.join(format!("{path}.gz"));
        sizes.gzip_copy = std::fs::metadata(&copy).map_or(sizes.gzip, |m| m.len());
        files.push(File {
            kind: kind_of(&path),
            sizes,
            path,
        });
    }
    files.sort_by_key(|f| {
        (
            KINDS.iter().position(|k| *k == f.kind),
            std::cmp::Reverse(f.sizes.raw),
        )
    });
    let mut total = Sizes::default();
    let mut by_kind = Vec::new();
    for kind in KINDS {
        let mut sum = Sizes::default();
        let mut any = false;
        for file in files.iter().filter(|f| f.kind == kind) {
            sum.add(file.sizes);
            any = true;
        }
        if any {
            by_kind.push((kind, sum));
            total.add(sum);
        }
    }
    Ok(Bytes {
        files,
        by_kind,
        total,
        unmatched,
    })
}

/// The `dist/` path a URL of the server names; `None` for the e2e recorder; `Err` for another
/// origin or a path that could leave `dist/`.
fn file_for(base_url: &str, url: &str) -> Result<Option<String>> {
    let Some(rest) = url.strip_prefix(base_url) else {
        return Err(format!("{url}: not from the app's server"));
    };
    let path = rest.split(['?', '#']).next().unwrap_or("");
    if path == RECORDER_PATH {
        return Ok(None);
    }
    let path = path.trim_start_matches('/');
    let path = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_owned()
    };
    let safe = Path::new(&path)
        .components()
        .all(|c| matches!(c, Component::Normal(_)));
    if !safe || path.contains('%') {
        return Err(format!("{url}: a path the bench does not map to a file"));
    }
    Ok(Some(path))
}

fn kind_of(path: &str) -> &'static str {
    match path.rsplit_once('.').map(|(_, ext)| ext) {
        Some("wasm") => "wasm",
        Some("js" | "mjs") => "js",
        Some("css") => "css",
        Some("html" | "htm") => "html",
        _ => "other",
    }
}

fn compressed_sizes(data: &[u8]) -> Result<Sizes> {
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(9));
    gzip.write_all(data).map_err(|e| format!("gzip: {e}"))?;
    let gzip = gzip.finish().map_err(|e| format!("gzip: {e}"))?;
    let mut brotli = brotli::CompressorWriter::new(Vec::new(), 4096, 11, 22);
    brotli.write_all(data).map_err(|e| format!("brotli: {e}"))?;
    let brotli = brotli.into_inner();
    Ok(Sizes {
        raw: data.len() as u64,
        gzip: gzip.len() as u64,
        brotli: brotli.len() as u64,
        gzip_copy: gzip.len() as u64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_urls_to_files() {
        let base = "http://127.0.0.1:1234";
        let file = |url: &str| file_for(base, url);
        assert_eq!(
            file("http://127.0.0.1:1234/").unwrap().as_deref(),
            Some("index.html")
        );
        assert_eq!(
            file("http://127.0.0.1:1234/?view=map").unwrap().as_deref(),
            Some("index.html")
        );
        assert_eq!(
            file("http://127.0.0.1:1234/a.css#x").unwrap().as_deref(),
            Some("a.css")
        );
        assert_eq!(
            file("http://127.0.0.1:1234/__e2e/recorder.js").unwrap(),
            None
        );
        assert!(file("http://example.org/a.css").is_err());
        assert!(file("http://127.0.0.1:1234/../Cargo.toml").is_err());
        assert_eq!(kind_of("a_bg.wasm"), "wasm");
        assert_eq!(kind_of("index.html"), "html");
        assert_eq!(kind_of("favicon.ico"), "other");
    }

    #[test]
    fn the_gzip_copy_is_the_builds_own_where_there_is_one() {
        let dist = std::env::temp_dir().join(format!("bench-bytes-{}", std::process::id()));
        std::fs::create_dir_all(&dist).unwrap();
        let page = b"<!doctype html><p>a page</p>".repeat(100);
        std::fs::write(dist.join("index.html"), &page).unwrap();
        std::fs::write(dist.join("index.html.gz"), b"seven b").unwrap();
        std::fs::write(dist.join("app.css"), b"p { color: red }".repeat(50)).unwrap();
        let base = "http://127.0.0.1:1234";
        let urls: BTreeSet<String> = [format!("{base}/"), format!("{base}/app.css")].into();
        let bytes = measure(&dist, base, &urls).unwrap();
        std::fs::remove_dir_all(&dist).unwrap();
        let size = |path: &str| bytes.files.iter().find(|f| f.path == path).unwrap().sizes;
        assert_eq!(size("index.html").gzip_copy, 7);
        assert_eq!(size("app.css").gzip_copy, size("app.css").gzip);
        assert_eq!(bytes.total.gzip_copy, 7 + size("app.css").gzip);
    }

    #[test]
    fn compresses() {
        let data = b"abcabcabc".repeat(1000);
        let sizes = compressed_sizes(&data).unwrap();
        assert_eq!(sizes.raw, 9000);
        assert!(sizes.gzip < 200 && sizes.brotli < 200, "{sizes:?}");
    }
}
