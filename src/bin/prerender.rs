//! Writes the app's first view into a built `index.html` (Trunk's post-build hook runs it; see
//! `src/prerender.rs`):
//!
//!     cargo run --bin prerender -- dist/index.html

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use impala_map::prerender::{first_view, into_page};
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: prerender <index.html>");
        return std::process::ExitCode::FAILURE;
    };
    let result = std::fs::read_to_string(&path)
        .map_err(|error| format!("cannot read it: {error}"))
        .and_then(|page| into_page(&page, &first_view()?))
        .and_then(|page| {
            std::fs::write(&path, page).map_err(|error| format!("cannot write it: {error}"))
        })
        .and_then(|()| write_language_files(&path));
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("prerender: {path}: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Each language's file (`lang/<code>.<hash>.json`) beside the page, for the app to load when a
/// reader chooses that language.
#[cfg(not(target_arch = "wasm32"))]
fn write_language_files(page: &str) -> Result<(), String> {
    let dir = std::path::Path::new(page)
        .parent()
        .unwrap_or_else(|| std::path::Path::new("."));
    for (file, json) in impala_map::i18n::FILES {
        let path = dir.join(file);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)
                .map_err(|error| format!("cannot create {}: {error}", folder.display()))?;
        }
        std::fs::write(&path, json)
            .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
    }
    Ok(())
}

#[cfg(target_arch = "wasm32")]
fn main() {}
