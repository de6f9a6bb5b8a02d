//! The shape of the code: no module of `src/` reaches, through the modules it names, back to
//! itself (issue 17). A module's tests, doc comments and its own submodules do not count: a
//! parent and its children are one home.

#![allow(clippy::expect_used, clippy::panic)] // test code: a failed expectation is a failed test

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `geo::europe` for `src/geo/europe.rs`, `geo` for `src/geo/mod.rs`; `None` for the crate's
/// roots and binaries.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).ok()?.with_extension("");
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    match parts.first().map(String::as_str) {
        None | Some("lib" | "main" | "bin") => None,
        _ => Some(parts.join("::")),
    }
}

/// The paths a file names after `crate::` and `super::` (resolved), outside comments and its
/// test module.
fn named_paths(module: &str, is_mod_rs: bool, text: &str) -> BTreeSet<String> {
    let code = text
        .split("#[cfg(test)]\nmod tests")
        .next()
        .unwrap_or_default();
    let mut out = BTreeSet::new();
    let parent: Vec<&str> = {
        let mut parts: Vec<&str> = module.split("::").collect();
        if !is_mod_rs {
            parts.pop();
        }
        parts
    };
    for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
        for (prefix, base) in [
            ("crate::", Vec::new()),
            ("super::", {
                let mut up = parent.clone();
                if is_mod_rs {
                    up.pop();
                }
                up
            }),
        ] {
            let mut rest = line;
            while let Some(at) = rest.find(prefix) {
                let before = rest[..at].chars().last();
                rest = &rest[at + prefix.len()..];
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                    continue;
                }
                let path: String = rest
                    .chars()
                    .take_while(|c| {
                        c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_' || *c == ':'
                    })
                    .collect();
                let mut parts = base.iter().map(|s| s.to_string()).collect::<Vec<_>>();
                parts.extend(
                    path.split("::")
                        .filter(|p| !p.is_empty())
                        .map(str::to_string),
                );
                out.insert(parts.join("::"));
            }
        }
    }
    out
}

#[test]
fn no_module_reaches_back_to_itself() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeMap<String, PathBuf> = files
        .iter()
        .filter_map(|f| Some((module_of(&src, f)?, f.clone())))
        .collect();
    assert!(modules.len() > 40, "{} modules found", modules.len());
    let mut graph: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (module, file) in &modules {
        let text = std::fs::read_to_string(file).expect("a source file is readable");
        let is_mod_rs = file.file_name().is_some_and(|n| n == "mod.rs");
        let edges = graph.entry(module).or_default();
        for path in named_paths(module, is_mod_rs, &text) {
            let parts: Vec<&str> = path.split("::").collect();
            let target = (1..=parts.len())
                .rev()
                .map(|k| parts[..k].join("::"))
                .find_map(|candidate| modules.get_key_value(&candidate).map(|(k, _)| k.as_str()));
            if let Some(target) = target {
                let family = target == module
                    || target.starts_with(&format!("{module}::"))
                    || module.starts_with(&format!("{target}::"));
                if !family {
                    edges.insert(target);
                }
            }
        }
    }
    // A module on a cycle reaches itself again by following what it names.
    for &start in graph.keys() {
        let mut seen = BTreeSet::new();
        let mut trail: Vec<(&str, Vec<&str>)> = vec![(start, vec![start])];
        while let Some((at, path)) = trail.pop() {
            for &next in graph.get(at).into_iter().flatten() {
                if next == start {
                    panic!("an import cycle: {} -> {start}", path.join(" -> "));
                }
                if seen.insert(next) {
                    let mut longer = path.clone();
                    longer.push(next);
                    trail.push((next, longer));
                }
            }
        }
    }
}
