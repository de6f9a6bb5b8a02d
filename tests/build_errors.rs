//! A broken data file, map file or language file stops the real build with a message that names the file, the
//! entry and the fix. Each case builds (`cargo check`) a copy of the project with one mistake
//! made in it, in a target directory of its own (`target/build-errors`, reused between runs).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::expect_used, clippy::panic)] // test code: a failed expectation is a failed test

use std::path::{Path, PathBuf};
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A copy of what `cargo check` needs, removed again when dropped.
struct ProjectCopy(PathBuf);

impl ProjectCopy {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("impala-map-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for item in [
            "Cargo.toml",
            "Cargo.lock",
            "build.rs",
            "src",
            "data",
            "assets",
            "tools/prepare-map/Cargo.toml",
            "tools/prepare-map/src",
            "tools/gzip-best/Cargo.toml",
            "tools/gzip-best/src",
            "tests/e2e/Cargo.toml",
            "tests/e2e/src",
        ] {
            copy(&Path::new(ROOT).join(item), &dir.join(item));
        }
        ProjectCopy(dir)
    }

    fn edit(&self, file: &str, from: &str, to: &str) {
        let path = self.0.join(file);
        let text = std::fs::read_to_string(&path).expect("readable");
        assert!(text.contains(from), "{file} should contain {from:?}");
        std::fs::write(&path, text.replacen(from, to, 1)).expect("writable");
    }

    /// Runs `cargo check` and returns (success, stderr).
    fn check(&self) -> (bool, String) {
        let output = Command::new(env!("CARGO"))
            .args(["check", "--lib", "--offline", "--quiet"])
            .current_dir(&self.0)
            .env(
                "CARGO_TARGET_DIR",
                Path::new(ROOT).join("target/build-errors"),
            )
            .output()
            .expect("cargo runs");
        (
            output.status.success(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    }
}

impl Drop for ProjectCopy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn copy(from: &Path, to: &Path) {
    if from.is_dir() {
        std::fs::create_dir_all(to).expect("a directory");
        for entry in std::fs::read_dir(from).expect("listable") {
            let entry = entry.expect("an entry");
            copy(&entry.path(), &to.join(entry.file_name()));
        }
    } else {
        std::fs::create_dir_all(to.parent().expect("a parent")).expect("a directory");
        std::fs::copy(from, to).expect("copied");
    }
}

#[test]
fn mistakes_in_the_data_the_map_or_a_language_stop_the_build_with_what_to_fix() {
    let project = ProjectCopy::new("build-errors");

    let (ok, stderr) = project.check();
    assert!(ok, "the unchanged copy should build:\n{stderr}");

    project.edit(
        "data/associations.toml",
        "countries = [\"GB\"]",
        "countries = [\"GX\"]",
    );
    project.edit("data/associations.toml", "year = 1974", "year = 1874");
    let (ok, stderr) = project.check();
    assert!(!ok, "a broken data file must stop the build");
    for expected in [
        "error: data/associations.toml: association \"AIM\": country \"GX\" has no [[country]] entry: add one with code = \"GX\"",
        "error: data/associations.toml: association \"SOM\": year 1874 is outside 1900-2100",
        "The build stopped: 3 problem(s) above.",
    ] {
        assert!(stderr.contains(expected), "missing {expected:?} in:\n{stderr}");
    }

    project.edit(
        "data/associations.toml",
        "countries = [\"GX\"]",
        "countries = [\"GB\"]",
    );
    project.edit("data/associations.toml", "year = 1874", "year = 1974");
    project.edit("assets/map/europe.json", "{\"id\":\"XK\"", "{\"id\":\"QQ\"");
    let (ok, stderr) = project.check();
    assert!(!ok, "a map without Kosovo must stop the build");
    let expected = "error: data/associations.toml: country \"XK\" has no shape in assets/map/europe.json: add its ISO code to the tables in tools/prepare-map and run scripts/prepare-map";
    assert!(
        stderr.contains(expected),
        "missing {expected:?} in:\n{stderr}"
    );

    // Language files: an entry for something the data does not have, a file that says it is
    // another language, and a listed language without its file.
    project.edit("assets/map/europe.json", "{\"id\":\"QQ\"", "{\"id\":\"XK\"");
    project.edit(
        "data/lang/fr.toml",
        "[meta]",
        "[association.NOPE]\ndescription = \"Une association inventée.\"\n\n[meta]",
    );
    project.edit("data/lang/de.toml", "code = \"de\"", "code = \"dk\"");
    project.edit("data/lang/languages.toml", "\"sv\"]", "\"sv\", \"zz\"]");
    let (ok, stderr) = project.check();
    assert!(!ok, "broken language files must stop the build");
    for expected in [
        "error: data/lang/fr.toml: association.NOPE.description is not in English (data/lang/en.toml): remove it, or fix its name",
        "error: data/lang/de.toml: meta.code must be \"de\", the file's name",
        "error: data/lang/zz.toml: cannot read the language file",
    ] {
        assert!(stderr.contains(expected), "missing {expected:?} in:\n{stderr}");
    }
}
