//! A language file, flattened, and the checks the build runs on it. Pure: `std` only, so that
//! `build.rs` compiles it by path as well.
//!
//! A language file (`data/lang/<code>.toml`) is read into a [`Flat`] map of dotted keys to texts:
//! `ui.title`, `ui.n_associations.one`, `countries.DE`, `association.SOM.notes.1`,
//! `milestone.emi-warner.title`, `meta.plural` (lists are numbered from 1). English is the
//! reference: [`check`] compares another language with it, [`check_english`] compares English
//! with the data file, so that every word the data needs exists in every language.

use crate::data::model::{Dataset, Founding};
use std::collections::{BTreeMap, BTreeSet};

/// A language file as dotted keys and texts.
pub type Flat = BTreeMap<String, String>;

/// The plural forms a language distinguishes, named after CLDR's categories.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PluralRule {
    /// 1 is singular, everything else plural (English, German, Spanish, ...).
    #[default]
    OneOther,
    /// 0 and 1 are singular (French).
    ZeroOneOther,
    /// 1; 2–4 (not 12–14) ending numbers; the rest (Polish).
    OneFewMany,
}

/// A plural category: which form of a text a number takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    One,
    Few,
    Many,
    Other,
}

impl Form {
    /// The key of this form in a language file.
    pub fn key(self) -> &'static str {
        match self {
            Form::One => "one",
            Form::Few => "few",
            Form::Many => "many",
            Form::Other => "other",
        }
    }
}

impl PluralRule {
    /// The rule named in `meta.plural`.
    pub fn parse(name: &str) -> Option<PluralRule> {
        match name {
            "one-other" => Some(PluralRule::OneOther),
            "zero-one-other" => Some(PluralRule::ZeroOneOther),
            "one-few-many" => Some(PluralRule::OneFewMany),
            _ => None,
        }
    }

    /// The forms a plural text must give under this rule.
    pub fn forms(self) -> &'static [Form] {
        match self {
            PluralRule::OneOther | PluralRule::ZeroOneOther => &[Form::One, Form::Other],
            PluralRule::OneFewMany => &[Form::One, Form::Few, Form::Many, Form::Other],
        }
    }

    /// The form a whole number takes.
    pub fn form(self, n: u64) -> Form {
        match self {
            PluralRule::OneOther if n == 1 => Form::One,
            PluralRule::ZeroOneOther if n <= 1 => Form::One,
            PluralRule::OneFewMany if n == 1 => Form::One,
            PluralRule::OneFewMany
                if (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100)) =>
            {
                Form::Few
            }
            PluralRule::OneFewMany => Form::Many,
            _ => Form::Other,
        }
    }
}

/// The `{placeholders}` of a text, sorted.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .collect();
    names.sort_unstable();
    names
}

/// Keys of `meta` that are not shown and not compared.
const META: &[&str] = &["meta.code", "meta.name", "meta.plural"];

/// The key of a plural text's `other` form, without the form: `ui.n_countries`.
fn plural_base(key: &str) -> Option<&str> {
    key.strip_prefix("ui.")?;
    let (base, form) = key.rsplit_once('.')?;
    ["one", "few", "many", "other"]
        .contains(&form)
        .then_some(base)
}

/// Every problem of the language file `pack` (its code `code`) compared with English, each a
/// sentence that names the entry and the fix. `same_allowed`: keys that may read as in English.
pub fn check(code: &str, pack: &Flat, english: &Flat) -> Vec<String> {
    let mut problems = Vec::new();
    let rule = match pack.get("meta.plural").map(|name| PluralRule::parse(name)) {
        Some(Some(rule)) => rule,
        _ => {
            problems.push(
                "meta.plural is missing or unknown: write plural = \"one-other\", \"zero-one-other\" or \"one-few-many\"".to_string(),
            );
            PluralRule::OneOther
        }
    };
    if pack.get("meta.code").map(String::as_str) != Some(code) {
        problems.push(format!("meta.code must be \"{code}\", the file's name"));
    }
    if pack
        .get("meta.name")
        .is_none_or(|name| name.trim().is_empty())
    {
        problems.push(
            "meta.name is missing: write the language's name in itself, e.g. name = \"Français\""
                .to_string(),
        );
    }
    let same: BTreeSet<&str> = pack
        .iter()
        .filter(|(key, _)| key.starts_with("meta.same_as_english."))
        .map(|(_, value)| value.as_str())
        .collect();
    let plural_bases: BTreeSet<&str> = english.keys().filter_map(|k| plural_base(k)).collect();
    // What English has, this language must have.
    for (key, en) in english {
        if META.contains(&key.as_str()) || key.starts_with("meta.") {
            continue;
        }
        if let Some(base) = plural_base(key) {
            if key.ends_with(".other") {
                for form in rule.forms() {
                    let form_key = format!("{base}.{}", form.key());
                    match pack.get(&form_key) {
                        None => {
                            problems.push(format!(
                            "{form_key} is missing: this language's plural rule needs the forms {}",
                            rule.forms().iter().map(|f| f.key()).collect::<Vec<_>>().join(", ")
                        ))
                        }
                        Some(text) => {
                            let expected = placeholders(en);
                            let found = placeholders(text);
                            // A singular may write the number as a word.
                            let word_for_one =
                                *form == Form::One && found.iter().all(|p| expected.contains(p));
                            if found != expected && !word_for_one {
                                problems.push(format!(
                                    "{form_key} has the placeholders {found:?}; English has {expected:?}: use the same"
                                ));
                            }
                            if text.trim().is_empty() {
                                problems.push(format!("{form_key} is empty: write it"));
                            }
                        }
                    }
                }
            }
            continue;
        }
        match pack.get(key) {
            None => problems.push(format!("{key} is missing: add it (English: \"{en}\")")),
            Some(text) => {
                if text.trim().is_empty() && key != "ui.thousands_separator" {
                    problems.push(format!("{key} is empty: write it"));
                }
                let (found, expected) = (placeholders(text), placeholders(en));
                if found != expected {
                    problems.push(format!(
                        "{key} has the placeholders {found:?}; English has {expected:?}: use the same"
                    ));
                }
                if code != "en"
                    && text == en
                    && !key.starts_with("countries.")
                    && !key.starts_with("territories.")
                    && !same.contains(key.as_str())
                    && has_words(text)
                {
                    problems.push(format!(
                        "{key} is still in English (\"{en}\"): translate it, or, if this language writes it the same, list \"{key}\" in meta.same_as_english"
                    ));
                }
            }
        }
    }
    // What English does not have is a mistake: a misspelt key, or an entry for something the
    // data does not have.
    for key in pack.keys() {
        if key.starts_with("meta.") {
            continue;
        }
        let known = english.contains_key(key)
            || plural_base(key).is_some_and(|base| plural_bases.contains(base));
        if !known {
            problems.push(format!(
                "{key} is not in English (data/lang/en.toml): remove it, or fix its name"
            ));
        }
    }
    problems
}

/// Whether a text has words of its own, outside its `{placeholders}`: "{title} (2021)" has none.
fn has_words(text: &str) -> bool {
    let mut inside = false;
    text.chars().any(|c| {
        match c {
            '{' => inside = true,
            '}' => inside = false,
            _ => {}
        }
        !inside && c.is_alphabetic()
    })
}

/// Every word the data needs that English lacks, and every entry English has for something the
/// data does not have.
pub fn check_english(english: &Flat, data: &Dataset) -> Vec<String> {
    let mut needed: BTreeMap<String, &'static str> = BTreeMap::new();
    let mut optional: BTreeSet<String> = BTreeSet::new();
    let mut need = |key: String, what: &'static str| {
        needed.insert(key, what);
    };
    need("impala.seat".into(), "IMPALA's seat, as a postal address");
    optional.insert("impala.founded".into());
    for country in data.countries.iter() {
        need(format!("countries.{}", country.code), "the country's name");
    }
    for territory in data.territories.iter() {
        need(
            format!("territories.{}", territory.id),
            "the territory's name",
        );
    }
    for source in data.sources.iter() {
        need(format!("source.{}", source.id), "what the source is");
    }
    for a in data.associations.iter() {
        let key = |field: &str| format!("association.{}.{field}", a.acronym);
        need(
            key("description"),
            "one or two sentences about it, in the project's own words",
        );
        if a.name_native.is_none() {
            need(
                key("name"),
                "its full name (it has no name_native in the data)",
            );
        }
        for (index, _) in a.notes.iter().enumerate() {
            need(
                key(&format!("notes.{}", index + 1)),
                "the words of the data's note",
            );
        }
        optional.insert(key("founded"));
        optional.insert(key("seat"));
        if let Founding::Disputed { other, .. } = &a.founded {
            for o in other.iter() {
                optional.insert(key(&format!("other.{}", o.year)));
            }
        }
        if let Founding::Unknown { .. } = &a.founded {
            need(key("founded"), "why the founding year is unknown");
        }
        for index in 0..a.members.len() {
            optional.insert(key(&format!("members.{}", index + 1)));
        }
    }
    for m in data.milestones.iter() {
        need(format!("milestone.{}.title", m.id), "a short title");
        need(
            format!("milestone.{}.description", m.id),
            "one sentence in the project's own words",
        );
    }
    let mut problems = Vec::new();
    for (key, what) in &needed {
        if !english.contains_key(key) {
            problems.push(format!("{key} is missing: write {what}"));
        }
    }
    for key in english.keys() {
        let data_entry = [
            "impala.",
            "countries.",
            "territories.",
            "source.",
            "association.",
            "milestone.",
        ]
        .iter()
        .any(|prefix| key.starts_with(prefix));
        if data_entry && !needed.contains_key(key) && !optional.contains(key) {
            problems.push(format!(
                "{key} is for something data/associations.toml does not have: remove it, or add the entry to the data"
            ));
        }
    }
    // A source's words show its published name through {title} exactly when the data has one.
    for source in data.sources.iter() {
        let key = format!("source.{}", source.id);
        if let Some(text) = english.get(&key) {
            let has = placeholders(text).contains(&"title");
            if has != source.title.is_some() {
                problems.push(if has {
                    format!("{key} uses {{title}}, but the source has no title in the data: add title and lang to the source, or remove {{title}}")
                } else {
                    format!("{key} must show the source's published name: put {{title}} where it goes")
                });
            }
        }
    }
    problems
}

/// `pack` as a JSON object of its keys and texts (the form the browser reads), without the
/// build-only `meta.same_as_english` list.
pub fn to_json(pack: &Flat) -> String {
    let mut out = String::from("{");
    for (i, (key, value)) in pack
        .iter()
        .filter(|(key, _)| !key.starts_with("meta.same_as_english."))
        .enumerate()
    {
        if i > 0 {
            out.push(',');
        }
        json_string(&mut out, key);
        out.push(':');
        json_string(&mut out, value);
    }
    out.push('}');
    out
}

fn json_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            // `<` escaped, so a pack can sit inside an HTML <script> element (single file).
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The keys and texts of a language file as the browser receives it (the JSON object
/// [`to_json`] writes), in the file's order; `Err` says what is wrong and where. The app reads
/// the page's copy and a fetched file with it, in one piece: parsing in the browser and then
/// copying each text across into the wasm cost 20 ms of the start on a slow phone (4x CPU).
/// Any JSON object whose values are all strings is read (escapes, `\u` pairs and white space
/// included); anything else is refused.
pub fn from_json(text: &str) -> Result<Vec<(String, String)>, String> {
    let mut reader = JsonReader {
        bytes: text.as_bytes(),
        text,
        at: 0,
    };
    let mut entries = Vec::new();
    reader.expect(b'{', "an object")?;
    if !reader.eat(b'}') {
        loop {
            let key = reader.string("a key in quotes")?;
            reader.expect(b':', "a colon after a key")?;
            let value = reader.string("a text in quotes")?;
            entries.push((key, value));
            if reader.eat(b'}') {
                break;
            }
            reader.expect(b',', "a comma or the object's end")?;
        }
    }
    reader.skip_space();
    if reader.at < reader.bytes.len() {
        return Err(reader.error("nothing after the object"));
    }
    Ok(entries)
}

/// The position in a JSON text that [`from_json`] has reached.
struct JsonReader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl JsonReader<'_> {
    fn error(&self, wanted: &str) -> String {
        format!("not a language file: expected {wanted} at byte {}", self.at)
    }

    fn skip_space(&mut self) {
        while matches!(self.bytes.get(self.at), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    /// Skips white space, then `byte` if it is next.
    fn eat(&mut self, byte: u8) -> bool {
        self.skip_space();
        let found = self.bytes.get(self.at) == Some(&byte);
        self.at += usize::from(found);
        found
    }

    fn expect(&mut self, byte: u8, wanted: &str) -> Result<(), String> {
        if self.eat(byte) {
            Ok(())
        } else {
            Err(self.error(wanted))
        }
    }

    /// A string in quotes, its escapes read.
    fn string(&mut self, wanted: &str) -> Result<String, String> {
        self.expect(b'"', wanted)?;
        let mut out = String::new();
        loop {
            // The run up to the next quote, backslash or control character is copied as it is
            // (it cannot end inside a character: those three are ASCII).
            let start = self.at;
            while let Some(&b) = self.bytes.get(self.at) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            out.push_str(self.text.get(start..self.at).unwrap_or_default());
            match self.bytes.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escaped = self.bytes.get(self.at).copied();
                    self.at += 1;
                    match escaped {
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'/') => out.push('/'),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'n') => out.push('\n'),
                        Some(b'r') => out.push('\r'),
                        Some(b't') => out.push('\t'),
                        Some(b'u') => out.push(self.unicode_escape()?),
                        _ => {
                            self.at -= 1;
                            return Err(self.error("an escape (\\\", \\n, \\u0041, ...)"));
                        }
                    }
                }
                _ => return Err(self.error("the text's closing quote")),
            }
        }
    }

    /// The character of a `\u` escape whose `u` was just read (two escapes for a character
    /// beyond the Basic Multilingual Plane).
    fn unicode_escape(&mut self) -> Result<char, String> {
        let high = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&high) {
            if self.bytes.get(self.at..self.at + 2) != Some(b"\\u") {
                return Err(self.error("the second half of a surrogate pair"));
            }
            self.at += 2;
            let low = self.hex4()?;
            if !(0xDC00..0xE000).contains(&low) {
                return Err(self.error("the second half of a surrogate pair"));
            }
            0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        } else {
            high
        };
        char::from_u32(code).ok_or_else(|| self.error("a character, not half a surrogate pair"))
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self
            .text
            .get(self.at..self.at + 4)
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| self.error("four hexadecimal digits"))?;
        self.at += 4;
        Ok(digits
            .chars()
            .filter_map(|c| c.to_digit(16))
            .fold(0, |code, digit| code * 16 + digit))
    }
}

/// A short content hash (FNV-1a, 64 bits, as 16 hex digits) for a pack's file name, so that a
/// changed pack gets a new address and caches never serve an old one.
pub fn content_hash(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flat(entries: &[(&str, &str)]) -> Flat {
        entries
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn plural_rules_pick_the_form_a_reader_expects() {
        use Form::*;
        let en = PluralRule::OneOther;
        assert_eq!(
            [0, 1, 2, 22].map(|n| en.form(n)),
            [Other, One, Other, Other]
        );
        let fr = PluralRule::ZeroOneOther;
        assert_eq!([0, 1, 2].map(|n| fr.form(n)), [One, One, Other]);
        let pl = PluralRule::OneFewMany;
        assert_eq!(
            [1, 2, 4, 5, 12, 14, 21, 22, 25, 27, 0].map(|n| pl.form(n)),
            [One, Few, Few, Many, Many, Many, Many, Few, Many, Many, Many]
        );
    }

    #[test]
    fn a_pack_that_lacks_differs_or_adds_is_told_what_to_fix() {
        let en = flat(&[
            ("meta.code", "en"),
            ("meta.name", "English"),
            ("meta.plural", "one-other"),
            ("ui.title", "Map"),
            ("ui.zoom", "Zoom"),
            ("ui.year_totals", "{year}: {count}"),
            ("ui.n.one", "{count} thing"),
            ("ui.n.other", "{count} things"),
        ]);
        let pl = flat(&[
            ("meta.code", "pl"),
            ("meta.name", "Polski"),
            ("meta.plural", "one-few-many"),
            ("ui.zoom", "Zoom"),
            ("ui.year_totals", "{year}: {cout}"),
            ("ui.n.one", "jedna rzecz"),
            ("ui.n.few", "{count} rzeczy"),
            ("ui.n.other", "{count} rzeczy"),
            ("ui.extra", "?"),
        ]);
        let problems = check("pl", &pl, &en);
        let has = |needle: &str| problems.iter().any(|p| p.contains(needle));
        assert!(has("ui.title is missing"), "{problems:?}");
        assert!(has("ui.zoom is still in English"), "{problems:?}");
        assert!(has("ui.year_totals has the placeholders"), "{problems:?}");
        assert!(has("ui.n.many is missing"), "{problems:?}");
        assert!(has("ui.extra is not in English"), "{problems:?}");
        assert!(
            !has("ui.n.one"),
            "a singular may write the number as a word: {problems:?}"
        );
        let mut allowed = pl.clone();
        allowed.insert("meta.same_as_english.1".into(), "ui.zoom".into());
        assert!(!check("pl", &allowed, &en)
            .iter()
            .any(|p| p.contains("ui.zoom")));
    }

    #[test]
    fn json_reads_escapes_space_and_pairs() {
        let text = " {\n \"a\" : \"\\ud83c\\udfb5 caf\\u00e9\\/\\t\\\"x\\\"\\\\\" ,\"b\":\"\"}\n";
        assert_eq!(
            from_json(text),
            Ok(vec![
                ("a".to_string(), "\u{1f3b5} café/\t\"x\"\\".to_string()),
                ("b".to_string(), String::new()),
            ])
        );
        assert_eq!(from_json("{}"), Ok(vec![]));
    }

    #[test]
    fn json_that_is_not_a_language_file_is_refused_with_where() {
        for bad in [
            "",
            "[]",
            "{\"a\":1}",
            "{\"a\":{\"b\":\"c\"}}",
            "{\"a\":\"b\"",
            "{\"a\":\"b}",
            "{\"a\" \"b\"}",
            "{\"a\":\"b\",}",
            "{\"a\":\"b\"} x",
            "{\"a\":\"\\ud83c\"}",
            "{\"a\":\"\\udfb5\"}",
            "{\"a\":\"\\x\"}",
            "{\"a\":\"\\u00g1\"}",
            "{\"a\":\"line\nbreak\"}",
        ] {
            let error = from_json(bad).expect_err(bad);
            assert!(
                error.contains("expected") && error.contains("at byte"),
                "{bad}: {error}"
            );
        }
    }

    #[test]
    fn json_escapes_quotes_and_markup() {
        let pack = flat(&[("a", "say \"hi\" <b>"), ("meta.same_as_english.1", "a")]);
        assert_eq!(to_json(&pack), r#"{"a":"say \"hi\" \u003cb>"}"#);
        assert_eq!(content_hash("x"), content_hash("x"));
        assert_ne!(content_hash("x"), content_hash("y"));
    }
}

/// Tests that need what only native builds have: every language built in, serde_json, proptest.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod native_tests {
    use super::*;

    #[test]
    fn every_language_file_reads_as_a_json_parser_reads_it() {
        for (file, json) in crate::i18n::FILES {
            let ours = from_json(json).unwrap_or_else(|e| panic!("{file}: {e}"));
            let theirs: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(json).expect("JSON");
            assert_eq!(ours.len(), theirs.len(), "{file}");
            assert!(ours.len() > 300, "{file} has {} entries", ours.len());
            for (key, text) in &ours {
                assert_eq!(theirs[key].as_str(), Some(text.as_str()), "{file}: {key}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn json_written_by_the_build_reads_back(
            entries in proptest::collection::btree_map("[a-z.]{1,12}", "\\PC{0,20}|[\"\\\\<\\n\\x01\\u{1f3b5}]{0,6}", 0..8)
        ) {
            let read = from_json(&to_json(&entries)).expect("the build's own JSON");
            let expected: Vec<(String, String)> = entries.into_iter().collect();
            proptest::prop_assert_eq!(read, expected);
        }
    }
}
