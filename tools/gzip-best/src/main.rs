//! `gzip-best < FILE > FILE.gz`: gzip, as small as zopfli makes it (about 4 % smaller than
//! `gzip -9` for the wasm), and readable by every gzip reader, the browsers'
//! `DecompressionStream("gzip")` among them. `scripts/single-file` packs the wasm and the
//! languages with it, and the build writes its `.gz` copies with it (`scripts/precompress.mjs`).
//! Slow (about 2 s for the wasm), so it runs only where bytes are kept.

use std::io::{Read, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut input = Vec::new();
    if let Err(error) = std::io::stdin().read_to_end(&mut input) {
        eprintln!("gzip-best: cannot read the input: {error}");
        return ExitCode::FAILURE;
    }
    let mut output = Vec::new();
    if let Err(error) = zopfli::compress(
        zopfli::Options::default(),
        zopfli::Format::Gzip,
        &input[..],
        &mut output,
    ) {
        eprintln!("gzip-best: cannot compress: {error}");
        return ExitCode::FAILURE;
    }
    if let Err(error) = std::io::stdout().write_all(&output) {
        eprintln!("gzip-best: cannot write the output: {error}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
