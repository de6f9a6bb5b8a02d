//! Build script: checks the data file and the prepared map, then embeds both as Rust `static`s.
//!
//! - `data/associations.toml` is read into the model (`src/data/model.rs`), checked
//!   (`src/data/validate.rs`) and written to `$OUT_DIR/dataset.rs` (`src/data/bake.rs`).
//! - `assets/map/europe.json` (made by `scripts/prepare-map`) is read, every country of the data
//!   file must have a shape in it, and it is written to `$OUT_DIR/europe_map.rs`, together with
//!   the pairs of countries that share a border (`src/geo/adjacency.rs`).
//!
//! - `data/lang/languages.toml` lists the languages; each `data/lang/<code>.toml` is read,
//!   flattened and checked against English and the data (`src/i18n/pack.rs`), then written to
//!   `$OUT_DIR/lang/<code>.json`, with `$OUT_DIR/languages.rs` naming each language's file (by a
//!   hash of its contents) and building English in.
//!
//! Any problem stops the build with a message naming the file, the entry and what to fix.

#[allow(dead_code)]
#[path = "src/geo/adjacency.rs"]
mod adjacency;
#[allow(dead_code)]
#[path = "src/data/bake.rs"]
mod bake;
#[allow(dead_code)]
#[path = "src/data/model.rs"]
pub mod model;
#[allow(dead_code)]
#[path = "src/number.rs"]
mod number;
#[allow(dead_code)]
#[path = "src/i18n/pack.rs"]
mod pack;
#[allow(dead_code)]
#[path = "src/geo/path.rs"]
mod path;
#[allow(dead_code)]
#[path = "src/data/validate.rs"]
mod validate;
/// `pack.rs` names the model by its path in the app.
mod data {
    pub use super::model;
}

use serde::Deserialize;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const DATA_FILE: &str = "data/associations.toml";
const MAP_FILE: &str = "assets/map/europe.json";
const LANG_DIR: &str = "data/lang";
const LANG_LIST: &str = "data/lang/languages.toml";

fn main() {
    for path in [
        DATA_FILE,
        MAP_FILE,
        "src/data/model.rs",
        "src/data/validate.rs",
        "src/data/bake.rs",
        "src/geo/adjacency.rs",
        "src/geo/path.rs",
        "src/number.rs",
        "src/i18n/pack.rs",
        LANG_DIR,
    ] {
        println!("cargo:rerun-if-changed={path}");
    }
    if let Err(problems) = run() {
        eprintln!();
        for problem in &problems {
            eprintln!("error: {problem}");
        }
        eprintln!(
            "\nThe build stopped: {} problem(s) above. The README's \"Editing the data\" section describes every field.",
            problems.len()
        );
        std::process::exit(1);
    }
}

fn run() -> Result<(), Vec<String>> {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").map_err(one)?);
    let out = PathBuf::from(std::env::var("OUT_DIR").map_err(one)?);

    let dataset = read_dataset(&root.join(DATA_FILE))?;
    let map = read_map(&root.join(MAP_FILE))?;
    let missing: Vec<String> = dataset
        .countries
        .iter()
        .filter(|country| !map.countries.iter().any(|shape| shape.id.as_deref() == Some(&country.code)))
        .map(|country| {
            format!(
                "{DATA_FILE}: country \"{}\" has no shape in {MAP_FILE}: add its ISO code to the tables in tools/prepare-map and run scripts/prepare-map",
                country.code
            )
        })
        .collect();
    if !missing.is_empty() {
        return Err(missing);
    }

    write(
        &out.join("dataset.rs"),
        &format!(
            "/// The checked contents of `{DATA_FILE}`.\npub static DATASET: Dataset = {};\n",
            bake::to_source(&dataset)
        ),
    )?;
    let neighbours = map_neighbours(&map)?;
    // The wasm takes the shapes' path data from the first view it adopts (`geo::europe`), so
    // the paths travel once, in the page: only native builds (the first view's render, the
    // tests) carry them.
    let with_paths = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() != Ok("wasm32");
    write(
        &out.join("europe_map.rs"),
        &bake_map(&map, &neighbours, with_paths),
    )?;
    write_languages(&root, &out, &dataset)?;
    Ok(())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageList {
    languages: Vec<String>,
}

/// Reads, checks and writes every language file; English first.
fn write_languages(root: &Path, out: &Path, dataset: &model::Dataset) -> Result<(), Vec<String>> {
    let text = std::fs::read_to_string(root.join(LANG_LIST)).map_err(|e| {
        one(format!(
            "{LANG_LIST}: cannot read the list of languages: {e}"
        ))
    })?;
    let list: LanguageList = toml::from_str(&text).map_err(|e| {
        one(format!(
            "{LANG_LIST}: cannot be read: {}",
            e.to_string().trim_end()
        ))
    })?;
    if list.languages.first().map(String::as_str) != Some("en") {
        return Err(one(format!(
            "{LANG_LIST}: the list must start with \"en\": English is the reference every language is checked against, and the default page"
        )));
    }
    let mut problems = Vec::new();
    let mut packs = Vec::new();
    for code in &list.languages {
        let file = format!("{LANG_DIR}/{code}.toml");
        println!("cargo:rerun-if-changed={file}");
        if !(2..=3).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_lowercase()) {
            problems.push(format!("{LANG_LIST}: \"{code}\" is not a language code: use its ISO 639-1 code, e.g. \"fr\""));
            continue;
        }
        if packs.iter().any(|(c, _): &(String, pack::Flat)| c == code) {
            problems.push(format!("{LANG_LIST}: \"{code}\" is listed twice: keep one"));
            continue;
        }
        match read_pack(&root.join(&file)) {
            Ok(flat) => packs.push((code.clone(), flat)),
            Err(problem) => problems.push(format!("{file}: {problem}")),
        }
    }
    if let Some((_, english)) = packs.first() {
        for problem in pack::check_english(english, dataset) {
            problems.push(format!("{LANG_DIR}/en.toml: {problem}"));
        }
        for (code, flat) in &packs {
            for problem in pack::check(code, flat, english) {
                problems.push(format!("{LANG_DIR}/{code}.toml: {problem}"));
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let lang_out = out.join("lang");
    std::fs::create_dir_all(&lang_out)
        .map_err(|e| one(format!("cannot create {}: {e}", lang_out.display())))?;
    let mut source = String::new();
    let mut files = Vec::new();
    source.push_str("/// The languages, in the switch's order (from `data/lang/languages.toml`).\npub static LANGUAGES: &[Language] = &[\n");
    for (code, flat) in &packs {
        let json = pack::to_json(flat);
        let file = format!("lang/{code}.{}.json", &pack::content_hash(&json)[..12]);
        write(&lang_out.join(format!("{code}.json")), &json)?;
        let name = flat.get("meta.name").map(String::as_str).unwrap_or(code);
        let _ = writeln!(
            source,
            "    Language {{ code: {code:?}, name: {name:?}, file: {file:?} }},"
        );
        files.push((code.clone(), file));
    }
    source.push_str("];\n");
    let _ = writeln!(
        source,
        "/// How many languages there are.\nconst LANGUAGE_COUNT: usize = {};",
        packs.len()
    );
    let bake_pack = |source: &mut String, code: &str, flat: &pack::Flat| {
        let _ = write!(source, "({code:?}, &[");
        for (key, text) in flat
            .iter()
            .filter(|(k, _)| !k.starts_with("meta.same_as_english."))
        {
            let _ = write!(source, "({key:?}, {text:?}), ");
        }
        source.push_str("]),\n");
    };
    // The countries' English names, which the search also knows in every language ("Germany"
    // finds Allemagne): a look-up table, not a language the browser reads.
    source.push_str("/// Each country's English name by code, for the search.\npub static ENGLISH_COUNTRY_NAMES: &[(&str, &str)] = &[");
    for (key, name) in packs[0].1.iter() {
        if let Some(code) = key.strip_prefix("countries.") {
            let _ = write!(source, "({code:?}, {name:?}), ");
        }
    }
    source.push_str("];\n");
    source.push_str("/// The languages built in: none in the browser (each is its own file).\n#[cfg(target_arch = \"wasm32\")]\nstatic BUILT_IN: &[(&str, &[(&str, &str)])] = &[];\n");
    source.push_str("/// The languages built in: all of them natively (tests, the first views).\n#[cfg(not(target_arch = \"wasm32\"))]\nstatic BUILT_IN: &[(&str, &[(&str, &str)])] = &[\n");
    for (code, flat) in &packs {
        bake_pack(&mut source, code, flat);
    }
    source.push_str("];\n/// Each language's file name and contents, for the build step that writes them beside the app.\n#[cfg(not(target_arch = \"wasm32\"))]\npub static FILES: &[(&str, &str)] = &[\n");
    // English too: in the browser it is a language like any other, read from its page or file.
    for (code, file) in &files {
        let _ = writeln!(
            source,
            "    ({file:?}, include_str!(concat!(env!(\"OUT_DIR\"), \"/lang/{code}.json\"))),"
        );
    }
    source.push_str("];\n");
    write(&out.join("languages.rs"), &source)
}

/// A language file as dotted keys and texts.
fn read_pack(path: &Path) -> Result<pack::Flat, String> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        format!("cannot read the language file ({e}): copy data/lang/en.toml to make it, and translate it")
    })?;
    let value: toml::Table = toml::from_str(&text)
        .map_err(|e| format!("cannot be read: {}", e.to_string().trim_end()))?;
    let mut flat = pack::Flat::new();
    let mut problems = Vec::new();
    flatten("", &toml::Value::Table(value), &mut flat, &mut problems);
    if problems.is_empty() {
        Ok(flat)
    } else {
        Err(problems.join("; "))
    }
}

fn flatten(prefix: &str, value: &toml::Value, flat: &mut pack::Flat, problems: &mut Vec<String>) {
    let key = |name: &str| {
        if prefix.is_empty() {
            name.to_string()
        } else {
            format!("{prefix}.{name}")
        }
    };
    match value {
        toml::Value::String(text) => {
            flat.insert(prefix.to_string(), text.clone());
        }
        toml::Value::Table(table) => {
            for (name, value) in table {
                flatten(&key(name), value, flat, problems);
            }
        }
        toml::Value::Array(items) => {
            for (index, value) in items.iter().enumerate() {
                flatten(&key(&(index + 1).to_string()), value, flat, problems);
            }
        }
        _ => problems.push(format!("{prefix} must be text in quotes")),
    }
}

fn one(error: impl std::fmt::Display) -> Vec<String> {
    vec![error.to_string()]
}

fn write(path: &Path, text: &str) -> Result<(), Vec<String>> {
    std::fs::write(path, text).map_err(|e| one(format!("cannot write {}: {e}", path.display())))
}

fn read_dataset(path: &Path) -> Result<model::Dataset, Vec<String>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| one(format!("{DATA_FILE}: cannot read the data file: {e}")))?;
    let dataset: model::Dataset = toml::from_str(&text).map_err(|e| {
        one(format!(
            "{DATA_FILE}: cannot be read: {}",
            e.to_string().trim_end()
        ))
    })?;
    let problems = validate::check(&dataset);
    if problems.is_empty() {
        Ok(dataset)
    } else {
        Err(problems
            .iter()
            .map(|p| format!("{DATA_FILE}: {p}"))
            .collect())
    }
}

/// `assets/map/europe.json`, as `scripts/prepare-map` writes it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MapFile {
    #[allow(dead_code)]
    about: String,
    width: f64,
    height: f64,
    projection: ProjectionFile,
    countries: Vec<ShapeFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProjectionFile {
    lon0_deg: f64,
    lat0_deg: f64,
    scale: f64,
    translate: [f64; 2],
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ShapeFile {
    id: Option<String>,
    name: String,
    d: String,
    label: [f64; 2],
    bbox: [f64; 4],
}

fn read_map(path: &Path) -> Result<MapFile, Vec<String>> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        one(format!(
            "{MAP_FILE}: cannot read the prepared map ({e}): run scripts/prepare-map to make it"
        ))
    })?;
    let map: MapFile = serde_json::from_str(&text).map_err(|e| {
        one(format!(
            "{MAP_FILE}: not a prepared map ({e}): run scripts/prepare-map to make it again"
        ))
    })?;
    let mut problems = Vec::new();
    if !(map.width > 0.0 && map.height > 0.0) {
        problems.push(format!("{MAP_FILE}: the view size must be positive"));
    }
    for shape in &map.countries {
        if !shape.d.starts_with('M') || shape.d.contains(['"', '\\']) {
            problems.push(format!(
                "{MAP_FILE}: country \"{}\": `d` is not a path string: run scripts/prepare-map again",
                shape.name
            ));
        }
    }
    if problems.is_empty() {
        Ok(map)
    } else {
        Err(problems)
    }
}

/// The pairs of shapes with an id that share a border, sorted, each once.
fn map_neighbours(map: &MapFile) -> Result<Vec<(String, String)>, Vec<String>> {
    let shapes: Vec<(&str, &str)> = map
        .countries
        .iter()
        .filter_map(|shape| Some((shape.id.as_deref()?, shape.d.as_str())))
        .collect();
    adjacency::neighbours(&shapes).map_err(|e| {
        one(format!(
            "{MAP_FILE}: {e}: run scripts/prepare-map to make it again"
        ))
    })
}

fn bake_map(map: &MapFile, neighbours: &[(String, String)], with_paths: bool) -> String {
    let p = &map.projection;
    let mut out = String::new();
    let _ = writeln!(out, "/// The prepared map of Europe, from `{MAP_FILE}`.");
    let _ = writeln!(
        out,
        "pub static EUROPE: EuropeMap = EuropeMap {{ width: {:?}, height: {:?}, projection: Projection {{ raw: LambertAzimuthalEqualArea {{ lon0_deg: {:?}, lat0_deg: {:?} }}, transform: Transform {{ scale: {:?}, translate: [{:?}, {:?}] }} }}, countries: &[",
        map.width, map.height, p.lon0_deg, p.lat0_deg, p.scale, p.translate[0], p.translate[1]
    );
    for (index, shape) in map.countries.iter().enumerate() {
        let _ = writeln!(
            out,
            "CountryShape {{ id: {:?}, name: {:?}, index: {index}, d: {:?}, label: [{:?}, {:?}], bbox: [{:?}, {:?}, {:?}, {:?}] }},",
            shape.id.as_deref(),
            shape.name,
            if with_paths { shape.d.as_str() } else { "" },
            shape.label[0] as f32,
            shape.label[1] as f32,
            shape.bbox[0] as f32,
            shape.bbox[1] as f32,
            shape.bbox[2] as f32,
            shape.bbox[3] as f32,
        );
    }
    out.push_str("], neighbours: &[");
    for (a, b) in neighbours {
        let _ = write!(out, "({a:?}, {b:?}), ");
    }
    out.push_str("] };\n");
    out
}
