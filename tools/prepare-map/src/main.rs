//! `prepare-map`: turns Natural Earth 1:50m countries (world-atlas 2.0.2 TopoJSON, degrees)
//! into `assets/map/europe.json`, the pre-projected, simplified and clipped map of Europe the
//! app embeds (view units: 1000 wide, origin top left, x right, y down).
//!
//! Usage: `cargo run --release -p prepare-map [-- INPUT OUTPUT]`; by default it reads
//! `tools/prepare-map/node_modules/world-atlas/countries-50m.json` and writes
//! `assets/map/europe.json` (paths relative to the repository). `scripts/prepare-map` installs
//! the npm package first and runs this.

// The app library's pure geometry modules, compiled in directly: depending on the `impala-map`
// crate would run its build script, which needs the file this tool writes.
#[allow(dead_code)]
#[path = "../../../src/number.rs"]
mod number;
#[allow(dead_code)]
#[path = "../../../src/geo/path.rs"]
mod path;
#[allow(dead_code)]
#[path = "../../../src/geo/projection.rs"]
mod projection;

mod clip;
mod iso;
mod pipeline;
mod polylabel;
mod simplify;
mod topojson;

use std::path::PathBuf;
use std::process::ExitCode;

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let tool_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut args = std::env::args_os().skip(1);
    let input = args.next().map_or_else(
        || tool_dir.join("node_modules/world-atlas/countries-50m.json"),
        PathBuf::from,
    );
    let output = args.next().map_or_else(
        || tool_dir.join("../../assets/map/europe.json"),
        PathBuf::from,
    );

    let text = std::fs::read_to_string(&input).map_err(|e| {
        format!(
            "cannot read {}: {e} (run scripts/prepare-map, which installs world-atlas)",
            input.display()
        )
    })?;
    let topology = topojson::Topology::from_json(&text)?;
    let settings = pipeline::Settings::default();
    let map = pipeline::prepare(&topology, &settings)?;
    let json = pipeline::to_json(&map)?;
    if let Some(parent) = output.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(&output, &json)?;

    let s = &map.stats;
    let t = &map.projection.transform;
    eprintln!(
        "prepare-map: {} features, {} arcs, {} -> {} points (Visvalingam area {} units²)",
        s.features, s.arcs, s.points_before, s.points_kept, settings.simplify_area
    );
    eprintln!(
        "prepare-map: view {}×{}, scale {}, translate [{}, {}]",
        map.width, map.height, t.scale, t.translate[0], t.translate[1]
    );
    eprintln!(
        "prepare-map: {} countries, {} rings, {} bytes of paths, {} bytes written to {}",
        map.countries.len(),
        s.rings_written,
        s.path_bytes,
        json.len(),
        output.display()
    );
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("prepare-map: {e}");
            ExitCode::FAILURE
        }
    }
}
