//! Writes the app's pages (Trunk's post-build hook runs it; see `src/prerender.rs`): the built
//! `index.html` becomes the English page with its first view (its screen style sheets joined
//! into one), `<code>/index.html` each other
//! language's, and `lang/<code>.<hash>.json` each language's words, beside it:
//!
//!     cargo run --bin prerender -- dist/index.html

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: prerender <index.html>");
        return std::process::ExitCode::FAILURE;
    };
    match write_pages(std::path::Path::new(&path)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("prerender: {path}: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn write_pages(index: &std::path::Path) -> Result<(), String> {
    use impala_map::i18n::{Lang, FILES};
    use impala_map::prerender::{language_page, language_path};
    use impala_map::stylesheet::one_style_sheet;
    let built =
        std::fs::read_to_string(index).map_err(|error| format!("cannot read it: {error}"))?;
    let dir = index.parent().unwrap_or_else(|| std::path::Path::new("."));
    // One style sheet for the screen, in place of Trunk's one per source file.
    let (template, sheet, css, merged) = one_style_sheet(&built, |name| {
        std::fs::read_to_string(dir.join(name))
            .map_err(|error| format!("cannot read the style sheet {name}: {error}"))
    })?;
    std::fs::write(dir.join(&sheet), css)
        .map_err(|error| format!("cannot write {sheet}: {error}"))?;
    for name in merged {
        std::fs::remove_file(dir.join(&name))
            .map_err(|error| format!("cannot remove {name}: {error}"))?;
    }
    let write = |path: std::path::PathBuf, text: &str| -> Result<(), String> {
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)
                .map_err(|error| format!("cannot create {}: {error}", folder.display()))?;
        }
        std::fs::write(&path, text)
            .map_err(|error| format!("cannot write {}: {error}", path.display()))
    };
    // The app's public address, when the host gives it: the pages then name each other for
    // search engines (`hreflang`, which takes full addresses only).
    let site = std::env::var("IMPALA_SITE_URL")
        .ok()
        .filter(|url| !url.is_empty());
    if let Some(url) = &site {
        if !(url.starts_with("https://") || url.starts_with("http://")) || url.contains('"') {
            return Err(format!(
                "IMPALA_SITE_URL is {url:?}: give the app's full public address, such as \
                 https://maps.example.org/impala/, or leave it unset"
            ));
        }
    }
    for lang in Lang::all() {
        let page = language_page(&template, lang, site.as_deref())?;
        write(dir.join(language_path(lang)).join("index.html"), &page)?;
    }
    for (file, json) in FILES {
        write(dir.join(file), json)?;
    }
    Ok(())
}

#[cfg(target_arch = "wasm32")]
fn main() {}
