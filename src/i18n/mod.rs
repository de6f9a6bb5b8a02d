//! The app's words in every language it speaks. Pure: no `yew`, no `web_sys`.
//!
//! Each language is one file, `data/lang/<code>.toml` (the list and its order:
//! `data/lang/languages.toml`). The build checks every file against English and the data
//! ([`pack`]), then writes each as a JSON object of dotted keys and texts. In the browser no
//! language is built into the app: each language's page carries its own words, which the app
//! reads before it starts (`src/main.rs`), and every other language is a file that it loads when
//! a reader chooses it (`hooks/language.rs`), so a reader downloads no language but their own.
//! Natively (tests, the build-time first view) every language is built in.
//!
//! [`Lang`] names a language of the list; [`Strings`] is one language's words: the interface's
//! texts as fields, and everything else (country and territory names, the data's prose, what each
//! source is) looked up by key.

pub mod pack;

pub use pack::{placeholders, Form, PluralRule};

use std::cell::{Cell, RefCell};

/// A language the app speaks, as the build lists it.
#[derive(Debug)]
pub struct Language {
    /// ISO 639-1 code, as in the URL and `<html lang>`.
    pub code: &'static str,
    /// The language's name in itself ("Français").
    pub name: &'static str,
    /// Its file, relative to the app's folder (`lang/fr.<hash>.json`).
    pub file: &'static str,
}

// `LANGUAGES` (English first), `BUILT_IN` (the languages compiled in: none in the browser,
// every one natively), `FILES` (each language's file) and `ENGLISH_COUNTRY_NAMES` (for the
// search), written by build.rs.
include!(concat!(env!("OUT_DIR"), "/languages.rs"));

/// A language of the app's list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang(u8);

impl Lang {
    /// English, the reference language (every other is checked against it) and the default.
    pub const EN: Lang = Lang(0);

    /// Every language, in the switch's order.
    pub fn all() -> impl Iterator<Item = Lang> {
        (0..LANGUAGES.len()).filter_map(|i| u8::try_from(i).ok().map(Lang))
    }

    fn language(self) -> &'static Language {
        LANGUAGES.get(usize::from(self.0)).unwrap_or(&LANGUAGES[0])
    }

    /// The ISO 639-1 code (`en`, `fr`), as in the URL and `<html lang>`.
    pub fn code(self) -> &'static str {
        self.language().code
    }

    /// The language's name in itself, as the language switch shows it.
    pub fn own_name(self) -> &'static str {
        self.language().name
    }

    /// Its file's address relative to the app's folder.
    pub fn file(self) -> &'static str {
        self.language().file
    }

    /// Where this language's page is, relative to the app's folder: `./` for English, `fr/`.
    pub fn page(self) -> String {
        if self == Lang::EN {
            "./".to_string()
        } else {
            format!("{}/", self.code())
        }
    }

    /// The language with this code, ignoring case.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::all().find(|lang| lang.code().eq_ignore_ascii_case(code))
    }

    /// The first of the browser's preferred languages (BCP 47 tags, best first, as in
    /// `navigator.languages`) that the app speaks: `fr-CA` gives French. `None` when none is.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Option<Lang> {
        preferred.into_iter().find_map(|tag| {
            let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
            Lang::from_code(primary)
        })
    }

    /// This language's words, once they are loaded (natively, every language is built in).
    pub fn loaded(self) -> Option<&'static Strings> {
        let index = usize::from(self.0);
        if let Some(strings) = LOADED.with(|loaded| loaded.borrow().get(index).copied().flatten()) {
            return Some(strings);
        }
        // Natively every language is built in: read it once.
        let (_, texts) = BUILT_IN.iter().find(|(code, _)| *code == self.code())?;
        let strings = leak(Strings::from_texts(texts).ok()?);
        LOADED.with(|loaded| {
            if let Some(slot) = loaded.borrow_mut().get_mut(index) {
                *slot = Some(strings);
            }
        });
        Some(strings)
    }

    /// This language's words, or, while they are not loaded, the first language's that was
    /// ([`Lang::first_loaded`]: the page's, which the app reads before it starts).
    pub fn strings(self) -> &'static Strings {
        self.loaded()
            .or_else(|| Lang::first_loaded().loaded())
            .unwrap_or_else(Strings::blank)
    }

    /// The first language whose words were loaded: in the browser, the page's language, read
    /// before the app starts (`src/main.rs`); natively, English, which is built in. The app
    /// shows it until another language's words arrive.
    pub fn first_loaded() -> Lang {
        FIRST_LOADED.with(Cell::get).unwrap_or(Lang::EN)
    }

    /// Takes this language's words from its file's contents (the keys and texts of the JSON
    /// object). Kept for the app's lifetime: each language is read at most once. An error says
    /// which entry is missing.
    pub fn install(
        self,
        texts: impl IntoIterator<Item = (String, String)>,
    ) -> Result<&'static Strings, String> {
        if let Some(strings) = self.loaded() {
            return Ok(strings);
        }
        let texts: Vec<(&'static str, &'static str)> = texts
            .into_iter()
            .map(|(key, text)| (leak_str(key), leak_str(text)))
            .collect();
        // The build writes every file sorted by key, and the browser keeps the order.
        if !texts.windows(2).all(|pair| pair[0].0 < pair[1].0) {
            return Err("the file's entries are not in order: build it again".to_string());
        }
        let strings =
            Strings::from_texts(Vec::leak(texts)).map_err(|key| format!("{key} is missing"))?;
        if strings.code != self.code() {
            return Err(format!(
                "the file is for \"{}\", not \"{}\"",
                strings.code,
                self.code()
            ));
        }
        let strings = leak(strings);
        LOADED.with(|loaded| {
            if let Some(slot) = loaded.borrow_mut().get_mut(usize::from(self.0)) {
                *slot = Some(strings);
            }
        });
        FIRST_LOADED.with(|first| {
            if first.get().is_none() {
                first.set(Some(self));
            }
        });
        Ok(strings)
    }

    /// This country's English name, which the search knows in every language ("Germany" finds
    /// Allemagne). A table of names built in, not English's words.
    pub fn english_country_name(code: &str) -> Option<&'static str> {
        ENGLISH_COUNTRY_NAMES
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, name)| *name)
    }
}

thread_local! {
    /// The languages read so far, by index. A language is read once and kept, so a kiosk that
    /// switches languages for days holds at most one copy of each.
    static LOADED: RefCell<[Option<&'static Strings>; LANGUAGE_COUNT]> =
        const { RefCell::new([None; LANGUAGE_COUNT]) };
    /// The first language [`Lang::install`] read (see [`Lang::first_loaded`]).
    static FIRST_LOADED: Cell<Option<Lang>> = const { Cell::new(None) };
}

fn leak(strings: Strings) -> &'static Strings {
    Box::leak(Box::new(strings))
}

fn leak_str(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

/// The text with `key` in `texts` (sorted by key), or the key as the error. One function, not
/// inlined at each of the fields' reads: the wasm stays small.
#[inline(never)]
fn lookup(
    texts: &'static [(&'static str, &'static str)],
    key: &'static str,
) -> Result<&'static str, String> {
    find(texts, key).ok_or_else(|| key.to_string())
}

/// The text with `key` in `texts` (sorted by key): the one search every look-up goes through.
fn find(texts: &'static [(&'static str, &'static str)], key: &str) -> Option<&'static str> {
    texts
        .binary_search_by(|(k, _)| (*k).cmp(key))
        .ok()
        .map(|i| texts[i].1)
}

/// The interface text `ui.<name>` (a plain text reads as a [`Plural`] whose forms are all it),
/// or the first missing key as the error.
fn read_field(
    texts: &'static [(&'static str, &'static str)],
    name: &str,
    plural: bool,
) -> Result<Plural, String> {
    let get = |suffix: &str| {
        let key = format!("ui.{name}{suffix}");
        find(texts, &key).ok_or(key)
    };
    if !plural {
        let text = get("")?;
        return Ok(Plural {
            one: text,
            few: text,
            many: text,
            other: text,
        });
    }
    let other = get(".other")?;
    Ok(Plural {
        one: get(".one")?,
        few: get(".few").unwrap_or(other),
        many: get(".many").unwrap_or(other),
        other,
    })
}

/// A text with plural forms; [`Strings::plural`] picks the one a number takes.
#[derive(Clone, Copy, Debug, Default)]
pub struct Plural {
    pub one: &'static str,
    pub few: &'static str,
    pub many: &'static str,
    pub other: &'static str,
}

impl Plural {
    /// No text in any form.
    pub const NONE: Plural = Plural {
        one: "",
        few: "",
        many: "",
        other: "",
    };
}

/// Declares [`Strings`] once: its words, each read by a method of its name, and how they are
/// read from a language's texts.
macro_rules! strings {
    ($( $(#[$meta:meta])* $field:ident: $kind:ident, )*) => {
        /// Each word's index in [`Strings`]'s `words`.
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        enum Field { $( $field, )* }

        /// Each word's key (without `ui.`) and whether it has plural forms.
        const FIELDS: &[(&str, bool)] = &[ $( (stringify!($field), strings!(@plural $kind)), )* ];

        /// One language's words. Texts with `{name}` are templates for [`fill`].
        #[derive(Debug)]
        pub struct Strings {
            /// The language's code.
            pub code: &'static str,
            /// How its numbers take plural forms.
            pub rule: PluralRule,
            /// Every text by dotted key, sorted by key (`countries.DE`, `association.SOM.notes.1`).
            texts: &'static [(&'static str, &'static str)],
            /// The interface's words, in the order of [`Field`] (a plain text as a [`Plural`]
            /// whose forms are all it): one array, which a language's file fills in one loop
            /// (a field per word would be filled by code written out once per word in the wasm).
            words: [Plural; FIELDS.len()],
        }

        impl Strings {
            $(
                $(#[$meta])*
                #[inline]
                pub fn $field(&self) -> strings!(@type $kind) {
                    strings!(@take $kind, self.words[Field::$field as usize])
                }
            )*

            /// Reads the words from `texts` (sorted by key); an error names the first missing
            /// entry's key.
            pub fn from_texts(texts: &'static [(&'static str, &'static str)]) -> Result<Strings, String> {
                let mut words = [Plural::NONE; FIELDS.len()];
                for (word, (name, plural)) in words.iter_mut().zip(FIELDS) {
                    *word = read_field(texts, name, *plural)?;
                }
                let rule_name = lookup(texts, "meta.plural")?;
                Ok(Strings {
                    code: lookup(texts, "meta.code")?,
                    rule: PluralRule::parse(rule_name)
                        .ok_or_else(|| format!("meta.plural \"{rule_name}\" is unknown"))?,
                    texts,
                    words,
                })
            }

            /// No words at all: what [`Lang::strings`] gives before any language is loaded,
            /// which the app never renders (it starts once its page's words are read).
            pub fn blank() -> &'static Strings {
                static BLANK: Strings = Strings {
                    code: "",
                    rule: PluralRule::OneOther,
                    texts: &[],
                    words: [Plural::NONE; FIELDS.len()],
                };
                &BLANK
            }

            /// Each interface text's key and text (for the tests).
            #[cfg(test)]
            #[allow(clippy::vec_init_then_push)]
            fn entries(&self) -> Vec<(&'static str, &'static str)> {
                let mut out = Vec::new();
                $( strings!(@list $kind, out, stringify!($field), self.$field()); )*
                out
            }
        }
    };
    (@type text) => { &'static str };
    (@type plural) => { &Plural };
    (@plural text) => { false };
    (@plural plural) => { true };
    (@take text, $value:expr) => { $value.other };
    (@take plural, $value:expr) => { &$value };
    (@list text, $out:ident, $name:expr, $value:expr) => { $out.push(($name, $value)); };
    (@list plural, $out:ident, $name:expr, $value:expr) => {
        $out.push(($name, $value.one));
        $out.push(($name, $value.other));
    };
}

strings! {
    /// The document's title.
    page_title: text,
    title: text,
    lede: text,
    /// The page's description, and what it says with JavaScript off.
    description: text,
    noscript: text,
    /// The headline figures' list and its three labels.
    figures: text,
    figure_territories: plural,
    figure_associations: plural,
    figure_countries: plural,
    /// The view switch.
    show: text,
    view_map: text,
    view_timeline: text,
    view_table: text,
    side: text,
    language: text,
    credits: text,
    /// Kiosk overlays: `{seconds}`.
    kiosk_touch: text,
    kiosk_pause: text,
    kiosk_still_there: text,
    kiosk_countdown: plural,
    kiosk_stay: text,
    /// Selection announcements: `{acronym}`, `{name}` (with its comma), `{countries}`,
    /// `{founded}`; `{country}`, `{count}`, `{acronyms}`.
    announce_association: text,
    announce_country: plural,
    /// Founding years: `{year}`, `{others}`, `{earliest}`, `{latest}`.
    also_given_as: text,
    unknown_range: text,
    founded_year: text,
    founded_unknown: text,
    /// Lists: "a, b and c", "a or b".
    and: text,
    or: text,
    /// Member counts: `{count}`, `{unit}`, `{year}`.
    thousands_separator: text,
    about: text,
    over: text,
    close_to: text,
    unit_members: text,
    unit_labels: text,
    count_unit: text,
    count_unit_year: text,
    /// The list beside the map.
    list_heading: text,
    list_founded: text,
    represented_by: text,
    joined: text,
    /// The table.
    table_heading: text,
    table_caption: text,
    column_name: text,
    column_country: text,
    column_founded: text,
    column_members: text,
    /// The details panel.
    close_details: text,
    close_esc: text,
    several_in_country: plural,
    country_one: text,
    country_many: text,
    founded: text,
    members: text,
    based_in: text,
    website: text,
    qr_code_for: text,
    sources: text,
    sources_below: text,
    sources_disagree: text,
    other_sources_give: text,
    unknown_between: text,
    /// The map.
    map_title: text,
    map_description: plural,
    wheel_hint: text,
    zoom: text,
    zoom_in: text,
    zoom_out: text,
    zoom_home: text,
    zoom_selection: text,
    /// The map's keyboard: `{summary}`, `{position}`, `{total}`.
    map_country: text,
    skip_map: text,
    map_keys: text,
    map_keys_close: text,
    key_name_shift: text,
    key_name_home: text,
    key_name_end: text,
    key_name_enter: text,
    key_name_space: text,
    key_name_escape: text,
    key_name_tab: text,
    key_arrows: text,
    key_shift_arrows: text,
    key_home_end: text,
    key_enter: text,
    key_escape: text,
    key_zoom: text,
    key_help: text,
    key_tab: text,
    key_timeline: text,
    /// The legend: `{decade}`.
    colour_by: text,
    by_association: text,
    by_period: text,
    legend: text,
    legend_one_colour: text,
    legend_stripes: text,
    legend_which: text,
    legend_no_member: text,
    decade: text,
    period_unknown: text,
    /// The search box: `{count}`.
    search_label: text,
    search_placeholder: text,
    search_matches: text,
    search_none: text,
    search_found: plural,
    kind_association: text,
    kind_country: text,
    /// The year bar.
    year: text,
    play: text,
    pause: text,
    year_back: text,
    year_forward: text,
    loop_years: text,
    /// Year totals: `{year}`, `{count}`, `{associations}`, `{countries}`.
    n_associations: plural,
    n_countries: plural,
    year_totals: text,
    n_more_unknown: plural,
    totals_in_year: text,
    growth_from_to: text,
    growth_chosen: text,
    growth_heading: text,
    chart_associations: text,
    chart_countries: text,
    /// The timeline: `{year}`, `{years}`, `{earliest}`, `{latest}`.
    timeline_heading: text,
    track_associations: text,
    impala_founded: text,
    band_title: text,
    also_given: text,
    ongoing: text,
    close_milestone: text,
    key: text,
    key_box: text,
    key_other: text,
    key_band: text,
    key_milestone: text,
    category_competition: text,
    category_digital: text,
    category_policy: text,
    category_sector: text,
    /// The footer's switches and downloads.
    colours: text,
    theme_auto: text,
    theme_light: text,
    theme_dark: text,
    theme_contrast: text,
    download: text,
    download_map_svg: text,
    download_map_png: text,
    download_timeline_svg: text,
    download_timeline_png: text,
    download_csv: text,
    download_json: text,
    /// The embed dialog.
    embed: text,
    embed_heading: text,
    embed_help: text,
    copy: text,
    copied: text,
    copy_refused: text,
    preview_width: text,
    phone: text,
    desktop: text,
    preview_title: text,
    close: text,
    /// How words are joined: "{label}: {text}", "; ", "{acronym}, {founded}".
    labelled: text,
    list_separator: text,
    association_founded: text,
    count_unit_detail: text,
    /// The notice shown when a language's file cannot be loaded: `{language}`.
    pack_failed: text,
}

impl Strings {
    /// Every text by dotted key, sorted by key.
    pub fn texts(&self) -> &'static [(&'static str, &'static str)] {
        self.texts
    }

    /// The text with this dotted key, if the language has it.
    pub fn text(&self, key: &str) -> Option<&'static str> {
        find(self.texts, key)
    }

    /// The form of `plural` that `n` takes in this language.
    pub fn plural(&self, plural: &Plural, n: usize) -> &'static str {
        match self.rule.form(n as u64) {
            Form::One => plural.one,
            Form::Few => plural.few,
            Form::Many => plural.many,
            Form::Other => plural.other,
        }
    }

    /// `plural` in the form `n` takes, with `{count}` (and `values`) filled in.
    pub fn count(&self, plural: &Plural, n: usize, values: &[(&str, &str)]) -> String {
        let count = n.to_string();
        let mut all = vec![("count", count.as_str())];
        all.extend_from_slice(values);
        fill(self.plural(plural, n), &all)
    }

    /// A country's name in this language, else `fallback`.
    pub fn country_name<'a>(&self, code: &str, fallback: &'a str) -> &'a str {
        self.text(&format!("countries.{code}")).unwrap_or(fallback)
    }

    /// A territory's name in this language, else `fallback`.
    pub fn territory_name<'a>(&self, id: &str, fallback: &'a str) -> &'a str {
        self.text(&format!("territories.{id}")).unwrap_or(fallback)
    }

    /// A text about an association: `description`, `name`, `founded`, `seat`, `other.<year>`,
    /// `members.<n>`, `notes.<n>` (numbered from 1).
    pub fn about_association(&self, acronym: &str, field: &str) -> Option<&'static str> {
        self.text(&format!("association.{acronym}.{field}"))
    }

    /// A milestone's `title` or `description`.
    pub fn milestone(&self, id: &str, field: &str) -> &'static str {
        self.text(&format!("milestone.{id}.{field}"))
            .unwrap_or_default()
    }

    /// What a source is, with `{title}` where its published name goes.
    pub fn source(&self, id: &str) -> &'static str {
        self.text(&format!("source.{id}")).unwrap_or_default()
    }

    /// "{label}: {text}" with this language's punctuation.
    pub fn with_label(&self, label: &str, text: &str) -> String {
        fill(self.labelled(), &[("label", label), ("text", text)])
    }
}

/// `template` with each `{name}` replaced by its value; unknown placeholders stay as written.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match values.iter().find(|(key, _)| *key == name) {
                    Some((_, value)) => out.push_str(value),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text before and after `{name}` in `template`, for putting an element (a button, a link)
/// where the placeholder is. The whole template before, and nothing after, when it has none.
pub fn around<'a>(template: &'a str, name: &str) -> (&'a str, &'a str) {
    let placeholder = format!("{{{name}}}");
    template
        .split_once(placeholder.as_str())
        .unwrap_or((template, ""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::dataset;

    fn lang(code: &str) -> Lang {
        Lang::from_code(code).unwrap()
    }

    #[test]
    fn every_language_is_built_in_natively_and_reads_completely() {
        let english = Lang::EN.strings().entries();
        assert!(Lang::all().count() >= 3);
        for lang in Lang::all() {
            let strings = lang
                .loaded()
                .unwrap_or_else(|| panic!("{} does not read", lang.code()));
            assert_eq!(strings.code, lang.code());
            let entries = strings.entries();
            assert_eq!(entries.len(), english.len());
            for ((field, text), (_, en)) in entries.iter().zip(english.iter()) {
                assert!(
                    !text.trim().is_empty() || *field == "thousands_separator",
                    "{}: {field} is empty",
                    lang.code()
                );
                let _ = en;
            }
        }
    }

    #[test]
    fn every_country_territory_association_and_milestone_has_words_in_every_language() {
        let data = dataset();
        for lang in Lang::all() {
            let t = lang.strings();
            for country in data.countries.iter() {
                assert!(
                    t.text(&format!("countries.{}", country.code)).is_some(),
                    "{}: {}",
                    lang.code(),
                    country.code
                );
            }
            for territory in data.territories.iter() {
                assert!(t.text(&format!("territories.{}", territory.id)).is_some());
            }
            for a in data.associations.iter() {
                assert!(
                    t.about_association(&a.acronym, "description").is_some(),
                    "{}: {}",
                    lang.code(),
                    a.acronym
                );
            }
            for m in data.milestones.iter() {
                assert!(!t.milestone(&m.id, "title").is_empty());
                assert!(!t.milestone(&m.id, "description").is_empty());
            }
        }
        assert_eq!(lang("fr").strings().country_name("DE", "DE"), "Allemagne");
        assert_eq!(lang("de").strings().country_name("DE", "DE"), "Deutschland");
        assert_eq!(Lang::EN.strings().country_name("DE", "DE"), "Germany");
    }

    #[test]
    fn a_file_installs_once_and_must_be_for_its_language() {
        let fr = lang("fr");
        // Natively French is built in: installing gives the same words back.
        let again = fr
            .install([("meta.code".to_string(), "fr".to_string())])
            .unwrap();
        assert!(std::ptr::eq(again, fr.strings()));
        // A file that lacks entries is refused with the entry's name.
        let texts: Vec<(String, String)> = vec![
            ("meta.code".into(), "xx".into()),
            ("meta.plural".into(), "one-other".into()),
        ];
        let error = Strings::from_texts(Vec::leak(
            texts
                .iter()
                .map(|(k, v)| (leak_str(k.clone()), leak_str(v.clone())))
                .collect(),
        ))
        .unwrap_err();
        assert_eq!(error, "ui.page_title", "the first missing entry is named");
    }

    #[test]
    fn plurals_follow_each_language() {
        let en = Lang::EN.strings();
        assert_eq!(en.count(en.n_associations(), 1, &[]), "1 association");
        assert_eq!(en.count(en.n_associations(), 22, &[]), "22 associations");
        let pl = lang("pl").strings();
        assert_eq!(pl.count(pl.n_associations(), 2, &[]), "2 stowarzyszenia");
        assert_eq!(pl.count(pl.n_associations(), 5, &[]), "5 stowarzyszeń");
    }

    #[test]
    fn fill_replaces_known_placeholders_and_keeps_the_rest() {
        assert_eq!(fill("{a} and {b}", &[("a", "x"), ("b", "y")]), "x and y");
        assert_eq!(fill("in {s} s.", &[("s", "5")]), "in 5 s.");
        assert_eq!(fill("{a} {unknown} {", &[("a", "1")]), "1 {unknown} {");
        assert_eq!(fill("no braces", &[("a", "1")]), "no braces");
        assert_eq!(around("by {acronym}.", "acronym"), ("by ", "."));
        assert_eq!(around("none", "acronym"), ("none", ""));
        assert_eq!(placeholders("{b} {a} {b}"), vec!["a", "b", "b"]);
    }

    #[test]
    fn the_browser_language_picks_the_first_one_spoken() {
        assert_eq!(Lang::negotiate(["fr-CA", "en"]), Some(lang("fr")));
        assert_eq!(Lang::negotiate(["xx", "de-AT", "fr"]), Some(lang("de")));
        assert_eq!(Lang::negotiate(["EN_gb"]), Some(Lang::EN));
        assert_eq!(Lang::negotiate(["ja", "zh-TW"]), None);
        assert_eq!(Lang::negotiate(["", "frx"]), None);
        assert_eq!(Lang::negotiate([]), None);
    }
}
