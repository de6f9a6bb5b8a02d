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
        });
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("prerender: {path}: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
