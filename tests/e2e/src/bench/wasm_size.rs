//! What takes the space in the wasm the page loads: its sections (read here), and `twiggy top`
//! when twiggy is installed (`scripts/bench` puts it in `target/tools/bin`). The release wasm
//! has no names (wasm-opt drops the name section unless told `-g`), so twiggy sees only
//! `code[N]` and `data[N]`; for names, the bench optimises wasm-bindgen's output of the same
//! build again with the build's `wasm-opt -Oz` plus `-g` (about half a minute, kept in
//! `target/bench/` per wasm file) and uses that copy when its code section is byte for byte as
//! large as the release's. Never fails: what could not be done becomes a note.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;

use crate::bytes::Bytes;
use crate::Result;

/// How many entries of `twiggy top` the report keeps.
pub const TOP: usize = 20;

pub struct Item {
    pub name: String,
    pub bytes: u64,
    /// Of the release wasm's size.
    pub percent: f64,
}

pub struct WasmSize {
    /// The wasm file in `dist/`, and its size.
    pub file: String,
    pub bytes: u64,
    /// `(section, bytes)` in file order; custom sections as `custom "name"`.
    pub sections: Vec<(String, u64)>,
    /// `twiggy top` of the release wasm (indices only when it has no names).
    pub top: Vec<Item>,
    /// `twiggy top` of the names-kept copy (the name section's own entries left out).
    pub top_named: Vec<Item>,
    pub named_copy: Option<PathBuf>,
    /// `twiggy-opt 0.8.0`, or `none`.
    pub tool: String,
    pub notes: Vec<String>,
}

#[derive(Deserialize)]
struct TwiggyItem {
    name: String,
    shallow_size: u64,
}

/// Analyses the wasm among `bytes.files` (a file of `dist`).
pub fn analyse(root: &Path, target: &Path, dist: &Path, bytes: &Bytes, out_dir: &Path) -> WasmSize {
    let mut report = WasmSize {
        file: String::new(),
        bytes: 0,
        sections: Vec::new(),
        top: Vec::new(),
        top_named: Vec::new(),
        named_copy: None,
        tool: "none".into(),
        notes: Vec::new(),
    };
    let Some(file) = bytes.files.iter().find(|f| f.kind == "wasm") else {
        report.notes.push("the page loaded no wasm".into());
        return report;
    };
    report.file.clone_from(&file.path);
    report.bytes = file.sizes.raw;
    let wasm = dist.join(&file.path);
    match std::fs::read(&wasm)
        .map_err(|e| e.to_string())
        .and_then(|d| sections(&d))
    {
        Ok(s) => report.sections = s,
        Err(e) => report.notes.push(format!("{}: {e}", wasm.display())),
    }
    let Some(twiggy) = find_twiggy(target) else {
        report.notes.push(
            "twiggy is not installed (scripts/bench installs it with `cargo install --locked \
             twiggy --root target/tools`): only the sections are listed"
                .into(),
        );
        return report;
    };
    report.tool = run(Command::new(&twiggy).arg("--version"))
        .map_or_else(|_| "twiggy".to_owned(), |v| v.trim().to_owned());
    let total = report.bytes as f64;
    match top(&twiggy, &wasm, TOP, total) {
        Ok(items) => report.top = items,
        Err(e) => report.notes.push(format!("twiggy top: {e}")),
    }
    if report
        .sections
        .iter()
        .any(|(name, _)| name == "custom \"name\"")
    {
        return report; // twiggy saw names already
    }
    report.notes.push(
        "the release wasm has no name section (wasm-opt drops it), so twiggy names its \
         functions by index"
            .into(),
    );
    match named_copy(root, target, &wasm, &file.path, out_dir, &report.sections) {
        Ok(copy) => {
            match top(&twiggy, &copy, TOP * 3, total) {
                Ok(items) => {
                    let is_names_section = |name: &str| {
                        name.ends_with(" subsection") || name.starts_with("custom section 'name'")
                    };
                    report.top_named = items
                        .into_iter()
                        .filter(|i| !is_names_section(&i.name))
                        .take(TOP)
                        .collect();
                }
                Err(e) => report
                    .notes
                    .push(format!("twiggy top (names-kept copy): {e}")),
            }
            report.named_copy = Some(copy);
        }
        Err(e) => report.notes.push(format!("no names-kept copy: {e}")),
    }
    report
}

fn find_twiggy(target: &Path) -> Option<PathBuf> {
    let local = target.join("tools/bin/twiggy");
    if local.is_file() {
        return Some(local);
    }
    std::env::var_os("PATH")
        .map(|p| {
            std::env::split_paths(&p)
                .map(|d| d.join("twiggy"))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
        .into_iter()
        .find(|p| p.is_file())
}

fn run(command: &mut Command) -> Result<String> {
    let output = command.output().map_err(|e| format!("{command:?}: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "{command:?}: {}: {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// `twiggy top -n <n>` of `wasm`, percentages of `total` bytes.
fn top(twiggy: &Path, wasm: &Path, n: usize, total: f64) -> Result<Vec<Item>> {
    let json = run(Command::new(twiggy)
        .args(["top", "-n", &n.to_string(), "-f", "json"])
        .arg(wasm))?;
    let items: Vec<TwiggyItem> =
        serde_json::from_str(&json).map_err(|e| format!("twiggy's JSON: {e}"))?;
    Ok(items
        .into_iter()
        .map(|i| Item {
            percent: 100.0 * i.shallow_size as f64 / total,
            name: i.name,
            bytes: i.shallow_size,
        })
        .collect())
}

/// The release build's wasm again, with names: wasm-bindgen's output (in `target/wasm-bindgen/
/// release/`) through `wasm-opt -Oz -g`. Kept as `<out_dir>/<dist name>.names.wasm`; used only
/// if its code section is as large as the release's (else it is from another build).
fn named_copy(
    root: &Path,
    target: &Path,
    wasm: &Path,
    dist_name: &str,
    out_dir: &Path,
    release_sections: &[(String, u64)],
) -> Result<PathBuf> {
    let copy = out_dir.join(format!("{dist_name}.names.wasm"));
    if !copy.is_file() {
        let dir = target.join("wasm-bindgen/release");
        let input = std::fs::read_dir(&dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .flatten()
            .map(|e| e.path())
            .find(|p| p.to_string_lossy().ends_with("_bg.wasm"))
            .ok_or_else(|| format!("no *_bg.wasm in {}", dir.display()))?;
        eprintln!(
            "bench: optimising {} again with names kept (wasm-opt -Oz -g)",
            input.display()
        );
        let partial = copy.with_extension("partial");
        run(Command::new("wasm-opt")
            .current_dir(root)
            .args(["-Oz", "-g"])
            .arg(&input)
            .arg("-o")
            .arg(&partial))
        .map_err(|e| format!("{e} (wasm-opt is on PATH when run through scripts/bench)"))?;
        std::fs::rename(&partial, &copy).map_err(|e| format!("{}: {e}", copy.display()))?;
    }
    let code = |s: &[(String, u64)]| s.iter().find(|(n, _)| n == "code").map(|(_, b)| *b);
    let data = std::fs::read(&copy).map_err(|e| format!("{}: {e}", copy.display()))?;
    let named = code(&sections(&data)?);
    if named.is_none() || named != code(release_sections) {
        let _ = std::fs::remove_file(&copy);
        return Err(format!(
            "the copy's code section ({named:?} bytes) differs from {}'s ({:?}): \
             wasm-bindgen's output is from another build",
            wasm.display(),
            code(release_sections)
        ));
    }
    Ok(copy)
}

/// The sections of a wasm module: `(name, size of its contents)`.
fn sections(data: &[u8]) -> Result<Vec<(String, u64)>> {
    if data.get(..4) != Some(b"\0asm".as_slice()) {
        return Err("not a wasm module".into());
    }
    let mut at = 8;
    let mut out = Vec::new();
    while at < data.len() {
        let id = data[at];
        let (size, len) = leb128(&data[at + 1..])?;
        let start = at + 1 + len;
        let body = data
            .get(start..start + size)
            .ok_or("a section runs past the end of the file")?;
        let name = match id {
            0 => {
                let (n, len) = leb128(body)?;
                let name = body
                    .get(len..len + n)
                    .ok_or("a custom section's name is cut")?;
                format!("custom \"{}\"", String::from_utf8_lossy(name))
            }
            1 => "type".into(),
            2 => "import".into(),
            3 => "function".into(),
            4 => "table".into(),
            5 => "memory".into(),
            6 => "global".into(),
            7 => "export".into(),
            8 => "start".into(),
            9 => "element".into(),
            10 => "code".into(),
            11 => "data".into(),
            12 => "data count".into(),
            13 => "tag".into(),
            other => format!("unknown ({other})"),
        };
        out.push((name, size as u64));
        at = start + size;
    }
    Ok(out)
}

/// An unsigned LEB128 number and how many bytes it took.
fn leb128(data: &[u8]) -> Result<(usize, usize)> {
    let mut value = 0usize;
    for (i, byte) in data.iter().enumerate().take(5) {
        value |= usize::from(byte & 0x7f) << (7 * i);
        if byte & 0x80 == 0 {
            return Ok((value, i + 1));
        }
    }
    Err("a bad LEB128 number".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sections() {
        // magic, version, a type section of 1 byte, a custom section "name" with 2 bytes.
        let module = [
            0, b'a', b's', b'm', 1, 0, 0, 0, 1, 1, 0, 0, 7, 4, b'n', b'a', b'm', b'e', 9, 9,
        ];
        let s = sections(&module).unwrap();
        assert_eq!(
            s,
            [("type".to_owned(), 1), ("custom \"name\"".to_owned(), 7)]
        );
        assert!(sections(b"nope").is_err());
        assert_eq!(leb128(&[0xe5, 0x8e, 0x26]).unwrap(), (624_485, 3));
    }
}
