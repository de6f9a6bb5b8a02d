//! The app's vocabulary: what a reader can pick (a [`Selection`], a [`View`], a [`Colouring`], a
//! table [`Sort`], a [`Theme`]), each with its one word table. The address (`crate::url`), the
//! host page's messages (`crate::embed::protocol`), the components' classes and data attributes
//! and the exports all write and read these words here, so a word changes in one place. Pure: std
//! only; every other module may use it, and it uses none.

/// What the user has picked: one association, or one country (when a country has several
/// associations, like France and Italy, the country is selected and the details offer each).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Selection {
    /// An association, by acronym (as in the data, e.g. `"VTMÖ"`).
    Association(&'static str),
    /// A country, by ISO 3166-1 alpha-2 code (Kosovo: `"XK"`).
    Country(&'static str),
}

/// A closed set of values with a word for each: the first word a value has in [`Self::WORDS`] is
/// its name; the others are accepted when read (older addresses, synonyms).
pub trait Words: Copy + PartialEq + 'static {
    /// Every word read, with its value; each value's name first.
    const WORDS: &'static [(&'static str, Self)];

    /// The value's name, as the app writes it.
    fn name(self) -> &'static str {
        Self::WORDS
            .iter()
            .find(|(_, value)| *value == self)
            .map_or("", |(word, _)| word)
    }

    /// The value a word names (ASCII case ignored).
    fn parse(word: &str) -> Option<Self> {
        look_up(Self::WORDS, word)
    }
}

/// The value `word` names in a table of words (ASCII case ignored): [`Words::parse`], and the
/// address's other word tables (`crate::url`).
pub fn look_up<T: Copy>(words: &[(&str, T)], word: &str) -> Option<T> {
    words
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
        .map(|&(_, value)| value)
}

/// Which view of the associations the main area shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    /// The map of Europe.
    #[default]
    Map,
    /// The founding-year timeline and the growth chart, with a smaller map beside them.
    Timeline,
    /// A sortable table.
    Table,
}

impl Words for View {
    /// `list` and `both` are the names of earlier versions' views.
    const WORDS: &'static [(&'static str, View)] = &[
        ("map", View::Map),
        ("timeline", View::Timeline),
        ("table", View::Table),
        ("list", View::Table),
        ("both", View::Map),
    ];
}

/// How member countries are coloured.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Colouring {
    /// A colour per association; neighbours never share one.
    #[default]
    Association,
    /// A colour per decade of founding.
    Period,
}

impl Words for Colouring {
    const WORDS: &'static [(&'static str, Colouring)] = &[
        ("association", Colouring::Association),
        ("period", Colouring::Period),
    ];
}

/// A column the table can be sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// The acronym.
    Name,
    /// The (first) country's English name.
    Country,
    /// The founding year (unknown years at the start of their range).
    #[default]
    Year,
}

impl Words for SortKey {
    const WORDS: &'static [(&'static str, SortKey)] = &[
        ("name", SortKey::Name),
        ("country", SortKey::Country),
        ("year", SortKey::Year),
    ];
}

/// The table's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sort {
    pub key: SortKey,
    pub ascending: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Self {
            key: SortKey::Year,
            ascending: true,
        }
    }
}

/// The colour theme: the reader's system setting, or forced light, dark or high contrast.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
    Contrast,
}

impl Theme {
    pub const ALL: [Theme; 4] = [Theme::Auto, Theme::Light, Theme::Dark, Theme::Contrast];
}

impl Words for Theme {
    const WORDS: &'static [(&'static str, Theme)] = &[
        ("auto", Theme::Auto),
        ("light", Theme::Light),
        ("dark", Theme::Dark),
        ("contrast", Theme::Contrast),
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trips<T: Words + std::fmt::Debug>(all: &[T]) {
        let mut names = Vec::new();
        for &value in all {
            let name = value.name();
            assert!(!name.is_empty(), "{value:?} has no name");
            assert_eq!(T::parse(name), Some(value), "{name}");
            assert_eq!(T::parse(&name.to_ascii_uppercase()), Some(value), "{name}");
            names.push(name);
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), all.len(), "two values share a name");
        // Every word read is some value's, and no word is listed twice.
        let mut words: Vec<&str> = T::WORDS.iter().map(|(word, _)| *word).collect();
        words.sort_unstable();
        words.dedup();
        assert_eq!(words.len(), T::WORDS.len());
        assert_eq!(T::parse(""), None);
        assert_eq!(T::parse("sepia"), None);
    }

    #[test]
    fn every_value_has_one_name_that_reads_back() {
        round_trips(&[View::Map, View::Timeline, View::Table]);
        round_trips(&[Colouring::Association, Colouring::Period]);
        round_trips(&[SortKey::Name, SortKey::Country, SortKey::Year]);
        round_trips(&Theme::ALL);
    }

    #[test]
    fn older_words_still_read() {
        assert_eq!(View::parse("list"), Some(View::Table));
        assert_eq!(View::parse("both"), Some(View::Map));
        assert_eq!(View::Table.name(), "table");
        assert_eq!(Theme::parse("DARK"), Some(Theme::Dark));
        assert_eq!(Colouring::Period.name(), "period");
    }
}
