//! The app's view as a URL query string, both ways: what a link, a bookmark, the Back button or an
//! embed says to show. Pure: no `yew`, no `web_sys` (the app reads `location.search`, logs the
//! warnings to the console and pushes or replaces history entries itself).
//!
//! Parsing is in two stages, like ripgrep's low-level and high-level arguments: [`parse_query`]
//! splits and percent-decodes the text into a [`RawQuery`] (strings, for the known keys only), and
//! [`validate`] checks those into a [`UrlState`]. Neither stage fails or panics: a value that is
//! malformed, out of range, unknown to the data or too long is dropped with a [`Warning`] and the
//! default stays. [`to_query`] writes a state back, leaving out every value that is the default,
//! so the start view's URL has no query at all.
//!
//! | key | values | default | what |
//! | --- | --- | --- | --- |
//! | `view` | `map`, `timeline`, `table`; `list` is another name for `table`, `both` for `map` (the map view shows the map and the year slider together) | `map` | the main view |
//! | `year` | a year of the slider ([`state::year_range`]), e.g. `2003` | the last year | the year the network is shown in |
//! | `select` | an association's acronym (`VUT`, `VTM%C3%96`; also found ignoring case and accents: `vtmo`), or `country:` and a covered country's ISO code (`country:FR`) | nothing | the selection |
//! | `zoom` | a number from 1 to 12 | 1 | the map's zoom |
//! | `at` | `x,y`, a point inside the map in map units (x right, y down from the top left corner), e.g. `512.3,640.1`; read only with `zoom` | the map's centre | the centre of the view |
//! | `colour` | `association`, `period` | `association` | how member countries are coloured |
//! | `theme` | `auto`, `light`, `dark`, `contrast` | `auto` | the colour theme (`auto` follows the system) |
//! | `lang` | a code of `data/lang/languages.toml` (`en`, `fr`, `de`, `es`, `it`, `nl`, `pl`, `pt`, `sv`) | the page's language, else the browser's first language of these, else `en` | the interface's language |
//! | `kiosk` | `1`, `0`, `true`, `false`; a bare `kiosk` is `1` | `0` | kiosk mode |
//! | `controls` | `1`, `0`, `true`, `false` | `1` | `0` hides the controls (embeds) |
//!
//! Keys are case-sensitive; the word values (`view`, `colour`, `theme`, `lang`, booleans, the
//! `country:` prefix and its code) are not. When a key comes more than once the last one counts.
//! Only the first [`MAX_QUERY_BYTES`] bytes and [`MAX_PAIRS`] parameters are read, and a value
//! longer than [`MAX_VALUE_CHARS`] characters is dropped. [`to_query`] writes zoom and centre with
//! at most 2 decimals, so the states that round-trip exactly are the [`UrlState::canonical`] ones.

use std::fmt;

use crate::data::dataset;
use crate::geo::europe::EUROPE;
use crate::geo::viewport::{Viewport, MAX_ZOOM, MIN_ZOOM};
use crate::state::{self, Action, AppState};
use crate::vocab::{Colouring, Selection, Theme, View, Words};

/// The longest query read, in bytes; the parameter that crosses it and all after it are dropped.
pub const MAX_QUERY_BYTES: usize = 4096;
/// The most parameters read; the rest are dropped.
pub const MAX_PAIRS: usize = 32;
/// The longest value kept, in characters (after percent-decoding).
pub const MAX_VALUE_CHARS: usize = 200;
/// How many characters of a key or value a [`Warning`] shows.
const SHOWN_CHARS: usize = 40;

/// The interface's language (`crate::i18n`'s).
pub use crate::i18n::Lang;

/// Stage 2: the view a URL asks for, every value checked. The default is the app's start view.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UrlState {
    pub view: View,
    /// The slider's year; `None` is the last year.
    pub year: Option<u16>,
    /// With the data's own `&'static str` ids.
    pub selection: Option<Selection>,
    /// The zoom level (1 to 12) and the view's centre (map units, inside the map); `None` is the
    /// whole map.
    pub zoom: Option<(f64, [f64; 2])>,
    pub colouring: Colouring,
    pub theme: Theme,
    /// `None`: the browser's language.
    pub lang: Option<Lang>,
    pub kiosk: bool,
    /// `false` hides the controls (embeds).
    pub controls: bool,
}

impl Default for UrlState {
    fn default() -> Self {
        Self {
            view: View::default(),
            year: None,
            selection: None,
            zoom: None,
            colouring: Colouring::default(),
            theme: Theme::default(),
            lang: None,
            kiosk: false,
            controls: true,
        }
    }
}

impl UrlState {
    /// The state as its URL gives it back: zoom and centre rounded to 2 decimals.
    pub fn canonical(self) -> Self {
        Self {
            zoom: self
                .zoom
                .map(|(zoom, centre)| (round2(zoom), centre.map(round2))),
            ..self
        }
    }

    /// `state` showing this URL's view, year (none: the last), selection (none: cleared; a
    /// country with one association selects the association, as [`Action::Select`] does), zoom
    /// (none: the whole map) and colouring. The rest of `state` stays; playing stops only when the
    /// year changes.
    pub fn apply_to(&self, state: &AppState) -> AppState {
        let (_, last) = state::year_range();
        let year = self.year.unwrap_or(last);
        let mut next = state
            .apply(Action::SetView(self.view))
            .apply(Action::SetColouring(self.colouring))
            .apply(Action::SetTheme(self.theme))
            .apply(Action::SetLang(self.lang))
            .apply(Action::ClearSelection);
        if next.year != year {
            next = next.apply(Action::SetYear(year));
        }
        if let Some(selection) = self.selection {
            next = next.apply(Action::Select(selection));
        }
        next.viewport = match self.zoom {
            Some((zoom, centre)) => Viewport::at(zoom, centre, &EUROPE),
            None => Viewport::home(),
        };
        next
    }

    /// The URL state of `state` (view, year, selection, zoom, colouring, theme, language), with
    /// kiosk mode and controls from `base`. The last year and the whole map are left out (`None`).
    pub fn of_state(state: &AppState, base: &UrlState) -> UrlState {
        let (_, last) = state::year_range();
        let viewport = state.viewport;
        UrlState {
            view: state.view,
            year: (state.year != last).then_some(state.year),
            selection: state.selection,
            zoom: (viewport != Viewport::home())
                .then(|| (viewport.zoom(), viewport.center(&EUROPE))),
            colouring: state.colouring,
            theme: state.theme,
            lang: state.lang,
            ..*base
        }
    }
}

/// The page's settings that are not part of the view, read by the embed bridge and kiosk mode
/// ([`settings_from_query`]), in the same two stages as the view and warned about in the same way.
/// The app keeps them in the address as they were.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Settings {
    /// `embed-id`: the id the content height goes out under in Datawrapper's format (1 to 64
    /// letters, digits, `-`, `_`, `.` or `:`).
    pub embed_id: Option<String>,
    /// `origins`: the host origins the embed bridge obeys, as written (the bridge narrows its
    /// allowlist with them, and says which it cannot take).
    pub origins: Option<String>,
    /// `idle`: seconds without a touch before kiosk mode's attract loop (above 0).
    pub idle: Option<f64>,
    /// `reset`: seconds without a touch before kiosk mode resets (above 0).
    pub reset: Option<f64>,
    /// `clock`: the kiosk clock's speed, for tests of long runs (1 to
    /// [`crate::kiosk::MAX_CLOCK_SPEED`]).
    pub clock: Option<f64>,
}

impl Settings {
    /// The settings as query parameters (`embed-id=x&idle=30`), in [`Key`] order; "" for none.
    pub fn to_query(&self) -> String {
        query_of([
            (Key::EmbedId, self.embed_id.clone()),
            (Key::Origins, self.origins.clone()),
            (Key::Idle, self.idle.map(number)),
            (Key::Reset, self.reset.map(number)),
            (Key::Clock, self.clock.map(number)),
        ])
    }
}

/// The keys, in the order [`to_query`] writes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Key {
    View,
    Year,
    Select,
    Zoom,
    At,
    Colour,
    Theme,
    Lang,
    Kiosk,
    Controls,
    EmbedId,
    Origins,
    Idle,
    Reset,
    Clock,
}

impl Key {
    /// The view's keys first ([`to_query`] writes them in this order), then the settings'.
    const ALL: [Key; 15] = [
        Key::View,
        Key::Year,
        Key::Select,
        Key::Zoom,
        Key::At,
        Key::Colour,
        Key::Theme,
        Key::Lang,
        Key::Kiosk,
        Key::Controls,
        Key::EmbedId,
        Key::Origins,
        Key::Idle,
        Key::Reset,
        Key::Clock,
    ];

    fn name(self) -> &'static str {
        match self {
            Key::View => "view",
            Key::Year => "year",
            Key::Select => "select",
            Key::Zoom => "zoom",
            Key::At => "at",
            Key::Colour => "colour",
            Key::Theme => "theme",
            Key::Lang => "lang",
            Key::Kiosk => "kiosk",
            Key::Controls => "controls",
            Key::EmbedId => "embed-id",
            Key::Origins => "origins",
            Key::Idle => "idle",
            Key::Reset => "reset",
            Key::Clock => "clock",
        }
    }
}

/// Stage 1: the query as it came, split and percent-decoded, for the known keys only (each the
/// last occurrence's value), and what was dropped on the way.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawQuery {
    pub view: Option<String>,
    pub year: Option<String>,
    pub select: Option<String>,
    pub zoom: Option<String>,
    pub at: Option<String>,
    pub colour: Option<String>,
    pub theme: Option<String>,
    pub lang: Option<String>,
    pub kiosk: Option<String>,
    pub controls: Option<String>,
    pub embed_id: Option<String>,
    pub origins: Option<String>,
    pub idle: Option<String>,
    pub reset: Option<String>,
    pub clock: Option<String>,
    /// Unknown keys, repeated keys, overlong or undecodable values, the part past the limits.
    pub warnings: Vec<Warning>,
}

impl RawQuery {
    fn slot(&mut self, key: Key) -> &mut Option<String> {
        match key {
            Key::View => &mut self.view,
            Key::Year => &mut self.year,
            Key::Select => &mut self.select,
            Key::Zoom => &mut self.zoom,
            Key::At => &mut self.at,
            Key::Colour => &mut self.colour,
            Key::Theme => &mut self.theme,
            Key::Lang => &mut self.lang,
            Key::Kiosk => &mut self.kiosk,
            Key::Controls => &mut self.controls,
            Key::EmbedId => &mut self.embed_id,
            Key::Origins => &mut self.origins,
            Key::Idle => &mut self.idle,
            Key::Reset => &mut self.reset,
            Key::Clock => &mut self.clock,
        }
    }
}

/// Why a parameter was dropped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The key is none of the module's table.
    UnknownKey,
    /// The key comes again later; the last one counts.
    Repeated,
    /// The value is longer than [`MAX_VALUE_CHARS`] characters.
    TooLong,
    /// The value's percent-decoded bytes are not UTF-8.
    NotUtf8,
    /// The parameter crosses [`MAX_QUERY_BYTES`]: it and the rest were not read.
    QueryTooLong,
    /// More than [`MAX_PAIRS`] parameters: this one and the rest were not read.
    TooManyPairs,
    /// The value is not one the key takes; says what it takes ("a year between 1974 and 2020").
    Invalid(String),
    /// `at` without a valid `zoom`.
    AtWithoutZoom,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::UnknownKey => write!(f, "not a key of this app's URLs"),
            Problem::Repeated => write!(f, "the key comes again later and the last one counts"),
            Problem::TooLong => write!(f, "longer than {MAX_VALUE_CHARS} characters"),
            Problem::NotUtf8 => write!(f, "not UTF-8 text once percent-decoded"),
            Problem::QueryTooLong => write!(f, "the query is longer than {MAX_QUERY_BYTES} bytes"),
            Problem::TooManyPairs => write!(f, "the query has more than {MAX_PAIRS} parameters"),
            Problem::Invalid(expected) => write!(f, "not {expected}"),
            Problem::AtWithoutZoom => write!(f, "a centre needs a valid zoom"),
        }
    }
}

/// A parameter that was dropped, for the console.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The key, percent-decoded, at most 40 characters, control characters escaped.
    pub key: String,
    /// The value, the same way.
    pub value: String,
    pub problem: Problem,
}

impl Warning {
    fn new(key: &str, value: &str, problem: Problem) -> Self {
        Self {
            key: shown(key),
            value: shown(value),
            problem,
        }
    }
}

impl fmt::Display for Warning {
    /// E.g. `ignored year=99999: not a year between 1974 and 2020`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (key, value, problem) = (&self.key, &self.value, &self.problem);
        match problem {
            Problem::QueryTooLong | Problem::TooManyPairs if key.is_empty() && value.is_empty() => {
                write!(f, "ignored the rest of the query: {problem}")
            }
            Problem::QueryTooLong | Problem::TooManyPairs => {
                write!(
                    f,
                    "ignored {key}={value} and the rest of the query: {problem}"
                )
            }
            _ => write!(f, "ignored {key}={value}: {problem}"),
        }
    }
}

/// Stage 1: splits `query` (with or without its leading `?`) on `&` and each parameter on its
/// first `=` (none: an empty value), percent-decodes (`%XX`, `+` as a space; a `%` not followed
/// by two hex digits stays as it is) and keeps the known keys. Never fails.
pub fn parse_query(query: &str) -> RawQuery {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut raw = RawQuery::default();
    let (mut start, mut pairs) = (0, 0);
    for segment in query.split('&') {
        let end = start + segment.len();
        start = end + 1;
        let (key, value) = segment.split_once('=').unwrap_or((segment, ""));
        let too_many = pairs == MAX_PAIRS && !segment.is_empty();
        if end > MAX_QUERY_BYTES || too_many {
            let problem = if too_many {
                Problem::TooManyPairs
            } else {
                Problem::QueryTooLong
            };
            let [key, value] = [key, value].map(|text| decode_lossy(prefix(text, 4 * SHOWN_CHARS)));
            raw.warnings.push(Warning::new(&key, &value, problem));
            break;
        }
        if segment.is_empty() {
            continue;
        }
        pairs += 1;
        let key_text = decode_lossy(key);
        let Some(known) = Key::ALL.into_iter().find(|k| k.name() == key_text) else {
            raw.warnings.push(Warning::new(
                &key_text,
                &decode_lossy(value),
                Problem::UnknownKey,
            ));
            continue;
        };
        let slot = raw.slot(known);
        let earlier = slot.take();
        let decoded = String::from_utf8(percent_decode(value));
        let problem = match &decoded {
            Ok(text) if text.chars().count() > MAX_VALUE_CHARS => Some(Problem::TooLong),
            Ok(text) => {
                *slot = Some(text.clone());
                None
            }
            Err(_) => Some(Problem::NotUtf8),
        };
        if let Some(earlier) = earlier {
            let warning = Warning::new(&key_text, &earlier, Problem::Repeated);
            raw.warnings.push(warning);
        }
        if let Some(problem) = problem {
            let warning = Warning::new(&key_text, &decode_lossy(value), problem);
            raw.warnings.push(warning);
        }
    }
    raw
}

/// Stage 2: the checked state, and every warning of both stages. A value that is not valid is
/// dropped (its default stays) with a warning; nothing here panics.
pub fn validate(raw: &RawQuery) -> (UrlState, Vec<Warning>) {
    let mut warnings = raw.warnings.clone();
    let w = &mut warnings;
    let default = UrlState::default();
    let zoom = checked(Key::Zoom, &raw.zoom, parse_zoom, w);
    let centre = match (zoom, raw.at.as_deref()) {
        (Some(_), _) => checked(Key::At, &raw.at, parse_at, w),
        (None, Some(at)) => {
            w.push(Warning::new(Key::At.name(), at, Problem::AtWithoutZoom));
            None
        }
        (None, None) => None,
    };
    let map_centre = [EUROPE.width / 2.0, EUROPE.height / 2.0];
    let state = UrlState {
        view: checked(Key::View, &raw.view, |v| word(v, View::WORDS), w).unwrap_or(default.view),
        year: checked(Key::Year, &raw.year, parse_year, w),
        selection: checked(Key::Select, &raw.select, parse_selection, w),
        zoom: zoom.map(|zoom| (zoom, centre.unwrap_or(map_centre))),
        colouring: checked(Key::Colour, &raw.colour, |v| word(v, Colouring::WORDS), w)
            .unwrap_or(default.colouring),
        theme: checked(Key::Theme, &raw.theme, |v| word(v, Theme::WORDS), w)
            .unwrap_or(default.theme),
        lang: checked(Key::Lang, &raw.lang, language, w),
        kiosk: checked(Key::Kiosk, &raw.kiosk, flag, w).unwrap_or(default.kiosk),
        controls: checked(Key::Controls, &raw.controls, flag, w).unwrap_or(default.controls),
    };
    (state, warnings)
}

/// Stage 2 for the page's settings (the view's keys are [`validate`]'s): each value checked, with a
/// warning for each it drops.
pub fn validate_settings(raw: &RawQuery) -> (Settings, Vec<Warning>) {
    let mut warnings = Vec::new();
    let w = &mut warnings;
    let seconds = |value: &str| {
        decimal(value)
            .filter(|s| s.is_finite() && *s > 0.0)
            .ok_or_else(|| "a number of seconds above 0".to_string())
    };
    let settings = Settings {
        embed_id: checked(Key::EmbedId, &raw.embed_id, embed_id, w),
        origins: checked(
            Key::Origins,
            &raw.origins,
            |value| {
                (!value.trim().is_empty())
                    .then(|| value.to_string())
                    .ok_or_else(|| "origins such as https://example.org".to_string())
            },
            w,
        ),
        idle: checked(Key::Idle, &raw.idle, seconds, w),
        reset: checked(Key::Reset, &raw.reset, seconds, w),
        clock: checked(
            Key::Clock,
            &raw.clock,
            |value| {
                let most = crate::kiosk::MAX_CLOCK_SPEED;
                decimal(value)
                    .filter(|speed| (1.0..=most).contains(speed))
                    .ok_or_else(|| format!("a speed from 1 to {}", number(most)))
            },
            w,
        ),
    };
    (settings, warnings)
}

/// The page's settings from its query string: [`validate_settings`] of [`parse_query`]. The
/// warnings are stage 2's only: [`from_query`] gives stage 1's.
pub fn settings_from_query(query: &str) -> (Settings, Vec<Warning>) {
    validate_settings(&parse_query(query))
}

fn embed_id(value: &str) -> Result<String, String> {
    let allowed = |c: char| c.is_ascii_alphanumeric() || "-_.:".contains(c);
    (!value.is_empty() && value.chars().count() <= 64 && value.chars().all(allowed))
        .then(|| value.to_string())
        .ok_or_else(|| "an id of 1 to 64 letters, digits, '-', '_', '.' or ':'".to_string())
}

/// A decimal number as the address writes one (`12`, `-0.5`, `1e3`).
fn decimal(value: &str) -> Option<f64> {
    crate::number::parse_decimal(value)
}

/// Both stages at once: [`validate`] of [`parse_query`].
pub fn from_query(query: &str) -> (UrlState, Vec<Warning>) {
    validate(&parse_query(query))
}

/// Stage 2's way back: the query for `state` without its `?`, only the values that are not the
/// default, in the module table's key order, percent-encoded, zoom and centre with at most 2
/// decimals. Empty for the default state.
pub fn to_query(state: &UrlState) -> String {
    let default = UrlState::default();
    let unless_default = |differs: bool, code: &str| differs.then(|| code.to_owned());
    let values = [
        unless_default(state.view != default.view, state.view.name()),
        state.year.map(|year| year.to_string()),
        state.selection.map(|selection| match selection {
            Selection::Association(acronym) => acronym.to_owned(),
            Selection::Country(code) => format!("{COUNTRY}{code}"),
        }),
        state.zoom.map(|(zoom, _)| number(zoom)),
        state
            .zoom
            .map(|(_, [x, y])| format!("{},{}", number(x), number(y))),
        unless_default(state.colouring != default.colouring, state.colouring.name()),
        unless_default(state.theme != default.theme, state.theme.name()),
        state.lang.map(|lang| lang.code().to_owned()),
        unless_default(state.kiosk != default.kiosk, code(BOOLS, state.kiosk)),
        unless_default(
            state.controls != default.controls,
            code(BOOLS, state.controls),
        ),
    ];
    // `Key::ALL` lists the view's keys first, in the order of `values`.
    query_of(Key::ALL.into_iter().zip(values))
}

/// `key=value` for each key with a value, the value percent-encoded, joined with `&`.
fn query_of(pairs: impl IntoIterator<Item = (Key, Option<String>)>) -> String {
    pairs
        .into_iter()
        .filter_map(|(key, value)| Some(format!("{}={}", key.name(), encode(&value?))))
        .collect::<Vec<_>>()
        .join("&")
}

/// The words a yes-or-no key takes, the one [`to_query`] writes first. The other keys' words
/// are the vocabulary's (`crate::vocab`).
const BOOLS: &[(&str, bool)] = &[("1", true), ("0", false), ("true", true), ("false", false)];
/// The prefix of a country in `select`.
const COUNTRY: &str = "country:";

/// `parse` of the value, if there is one; a warning naming `key` when it is not valid.
fn checked<T>(
    key: Key,
    value: &Option<String>,
    parse: impl Fn(&str) -> Result<T, String>,
    warnings: &mut Vec<Warning>,
) -> Option<T> {
    let value = value.as_deref()?;
    match parse(value) {
        Ok(parsed) => Some(parsed),
        Err(expected) => {
            warnings.push(Warning::new(key.name(), value, Problem::Invalid(expected)));
            None
        }
    }
}

/// The thing a word names (ignoring ASCII case).
fn word<T: Copy>(value: &str, words: &[(&str, T)]) -> Result<T, String> {
    crate::vocab::look_up(words, value).ok_or_else(|| {
        let names: Vec<&str> = words.iter().map(|(w, _)| *w).collect();
        format!("one of {}", names.join(", "))
    })
}

/// The language a page's path names (`/impala/fr/`, `/impala/fr/index.html`: French), other
/// than English, whose page is the plain address. `None` for any other path.
pub fn path_lang(path: &str) -> Option<Lang> {
    let path = path.strip_suffix("index.html").unwrap_or(path);
    let folder = path.strip_suffix('/')?.rsplit('/').next()?;
    Lang::from_code(folder).filter(|lang| *lang != Lang::EN && lang.code() == folder)
}

/// The app's folder for the path of one of its pages: `/impala/` for `/impala/`,
/// `/impala/index.html` and `/impala/fr/`.
pub fn app_folder(path: &str) -> String {
    let folder = &path[..path.rfind('/').map_or(0, |at| at + 1)];
    match path_lang(path) {
        Some(lang) => folder
            .strip_suffix(&format!("{}/", lang.code()))
            .unwrap_or(folder)
            .to_string(),
        None => folder.to_string(),
    }
}

/// A language of the app's list, by its code (case ignored).
fn language(value: &str) -> Result<Lang, String> {
    Lang::from_code(value).ok_or_else(|| {
        let codes: Vec<&str> = Lang::all().map(Lang::code).collect();
        format!("one of {}", codes.join(", "))
    })
}

/// A boolean; a bare key (`?kiosk`) is `1`.
fn flag(value: &str) -> Result<bool, String> {
    if value.is_empty() {
        Ok(true)
    } else {
        word(value, BOOLS)
    }
}

/// The first word for `thing` ("" if none, which the tables rule out).
fn code<T: PartialEq>(words: &[(&'static str, T)], thing: T) -> &'static str {
    words
        .iter()
        .find(|(_, t)| *t == thing)
        .map_or("", |(w, _)| w)
}

fn parse_year(value: &str) -> Result<u16, String> {
    let (first, last) = state::year_range();
    value
        .parse::<u16>()
        .ok()
        .filter(|year| (first..=last).contains(year))
        .ok_or_else(|| format!("a year between {first} and {last}"))
}

fn parse_zoom(value: &str) -> Result<f64, String> {
    crate::number::parse_decimal(value)
        .filter(|zoom| (MIN_ZOOM..=MAX_ZOOM).contains(zoom))
        .ok_or_else(|| format!("a zoom from {} to {}", number(MIN_ZOOM), number(MAX_ZOOM)))
}

fn parse_at(value: &str) -> Result<[f64; 2], String> {
    let (width, height) = (EUROPE.width, EUROPE.height);
    let inside = |text: &str, size: f64| {
        crate::number::parse_decimal(text).filter(|v| (0.0..=size).contains(v))
    };
    value
        .split_once(',')
        .and_then(|(x, y)| Some([inside(x, width)?, inside(y, height)?]))
        .ok_or_else(|| {
            let [width, height] = [width, height].map(number);
            format!("a point x,y inside the map (x from 0 to {width}, y from 0 to {height})")
        })
}

/// An association by acronym (exactly, then folded: "vtmo" is VTMÖ) or `country:` and a covered
/// country's code, with the data's own `&'static str`.
fn parse_selection(value: &str) -> Result<Selection, String> {
    let data = dataset();
    let found = match value.get(..COUNTRY.len()) {
        Some(prefix) if prefix.eq_ignore_ascii_case(COUNTRY) => value
            .get(COUNTRY.len()..)
            .and_then(|code| data.resolve_covered_country(code))
            .map(Selection::Country),
        _ => data
            .resolve_association(value)
            .map(|a| Selection::Association(&a.acronym)),
    };
    found.ok_or_else(|| {
        format!("an association's acronym or {COUNTRY} and the code of a country with one")
    })
}

/// `value` as [`to_query`] writes it and [`validate`] reads it back: rounded to 2 decimals.
fn round2(value: f64) -> f64 {
    number(value).parse().unwrap_or(value)
}

/// A number with at most 2 decimals and no trailing zeros (`12.5`, `3`, never `-0`).
fn number(value: f64) -> String {
    crate::number::short(value)
}

/// Percent-encodes all but the unreserved characters and `:` and `,` (VTMÖ: `VTM%C3%96`).
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~:,".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The bytes `text` percent-encodes, `+` as a space; a `%` without two hex digits stays.
fn percent_decode(text: &str) -> Vec<u8> {
    let hex = |byte: Option<&u8>| byte.and_then(|b| char::from(*b).to_digit(16));
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        let escaped = match (byte, hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
            (b'%', Some(high), Some(low)) => u8::try_from(high * 16 + low).ok(),
            _ => None,
        };
        match (escaped, byte) {
            (Some(decoded), _) => {
                out.push(decoded);
                i += 3;
            }
            (None, b'+') => {
                out.push(b' ');
                i += 1;
            }
            (None, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    out
}

fn decode_lossy(text: &str) -> String {
    String::from_utf8_lossy(&percent_decode(text)).into_owned()
}

/// At most `bytes` bytes of `text`, cut at a character boundary.
fn prefix(text: &str, bytes: usize) -> &str {
    let mut end = bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or("")
}

/// `text` for a console message: at most [`SHOWN_CHARS`] characters (then `…`), control and
/// direction-changing characters escaped.
fn shown(text: &str) -> String {
    let mut out = String::new();
    for (count, c) in text.chars().enumerate() {
        if count == SHOWN_CHARS {
            out.push('…');
            break;
        }
        let invisible = matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        if c.is_control() || invisible {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding_keeps_what_is_not_an_escape() {
        for (text, bytes) in [
            ("VTM%C3%96", "VTMÖ".as_bytes()),
            ("a+b%20c", b"a b c"),
            ("%e2%82%ac", "€".as_bytes()),
            ("100%", b"100%"),
            ("%G1%4", b"%G1%4"),
            ("%%41", b"%A"),
            ("%FF%FE", &[0xFF, 0xFE]),
            ("", b""),
        ] {
            assert_eq!(percent_decode(text), bytes, "{text}");
        }
        assert_eq!(decode_lossy("%FFok"), "\u{FFFD}ok");
    }

    #[test]
    fn encoding_escapes_all_but_unreserved_characters_and_decoding_undoes_it() {
        assert_eq!(encode("VTMÖ"), "VTM%C3%96");
        assert_eq!(encode("country:FR"), "country:FR");
        assert_eq!(encode("512.3,640.1"), "512.3,640.1");
        assert_eq!(encode("a b&c=d+e%?#<>"), "a%20b%26c%3Dd%2Be%25%3F%23%3C%3E");
        for text in ["VTMÖ", "a b&c=d+e%", "€ ☃ \u{0} \u{10FFFF}"] {
            assert_eq!(percent_decode(&encode(text)), text.as_bytes());
        }
    }

    #[test]
    fn numbers_have_at_most_two_decimals_and_canonical_rounding_matches_them() {
        for (value, text) in [
            (2.5, "2.5"),
            (3.0, "3"),
            (512.345_6, "512.35"),
            (-0.001, "0"),
            (1049.0, "1049"),
            (0.005, "0.01"),
        ] {
            assert_eq!(number(value), text, "{value}");
            assert_eq!(round2(value).to_string(), text, "{value}");
        }
        for value in [1.005, 2.675, 11.115, 0.125, 1048.995] {
            assert_eq!(number(value).parse::<f64>().ok(), Some(round2(value)));
            assert_eq!(round2(round2(value)), round2(value));
        }
    }

    #[test]
    fn warnings_show_a_short_visible_form_of_what_came_in() {
        assert_eq!(shown("year"), "year");
        assert_eq!(shown(&"x".repeat(41)), format!("{}…", "x".repeat(40)));
        assert_eq!(shown("a\nb\u{1b}[0m"), "a\\u{a}b\\u{1b}[0m");
        assert_eq!(shown("abc\u{202E}def"), "abc\\u{202e}def");
        assert_eq!(prefix("aÖb", 2), "a");
        assert_eq!(prefix("aÖb", 3), "aÖ");
        assert_eq!(prefix("ab", 10), "ab");
    }

    #[test]
    fn every_word_key_writes_its_first_word_and_reads_it_back() {
        for (name, thing) in View::WORDS {
            assert_eq!(word(thing.name(), View::WORDS), Ok(*thing), "{name}");
            assert_eq!(word(name, View::WORDS), Ok(*thing));
        }
        for theme in Theme::ALL {
            assert_eq!(word(theme.name(), Theme::WORDS), Ok(theme));
        }
        for lang in Lang::all() {
            assert_eq!(language(lang.code()), Ok(lang));
            assert_eq!(language(&lang.code().to_uppercase()), Ok(lang));
        }
        assert_eq!(
            (flag(""), flag("TRUE"), flag("0")),
            (Ok(true), Ok(true), Ok(false))
        );
        assert!(flag("yes").is_err());
        let keys: Vec<&str> = Key::ALL.iter().map(|k| k.name()).collect();
        assert_eq!(
            keys,
            [
                "view", "year", "select", "zoom", "at", "colour", "theme", "lang", "kiosk",
                "controls", "embed-id", "origins", "idle", "reset", "clock"
            ]
        );
    }

    #[test]
    fn a_language_page_s_path_names_its_language_and_its_folder() {
        let fr = Lang::from_code("fr");
        assert_eq!(path_lang("/impala/fr/"), fr);
        assert_eq!(path_lang("/fr/index.html"), fr);
        assert_eq!(path_lang("/"), None);
        assert_eq!(path_lang("/impala/index.html"), None);
        assert_eq!(path_lang("/en/"), None);
        assert_eq!(path_lang("/FR/"), None);
        assert_eq!(path_lang("/impala/fr"), None);
        for (path, folder) in [
            ("/impala/", "/impala/"),
            ("/impala/index.html", "/impala/"),
            ("/impala/fr/", "/impala/"),
            ("/impala/fr/index.html", "/impala/"),
            ("/", "/"),
            ("", ""),
        ] {
            assert_eq!(app_folder(path), folder, "{path}");
        }
    }
}
