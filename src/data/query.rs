//! Questions the app asks of the data: the headline figures, look-ups by key, and [`fold`], the
//! one way a typed name is compared with the data's (the search, the URL, the messages).
//!
//! Everything is computed from the data, never typed in, so adding an association to the data
//! file changes the figures by itself.

use super::model::{Association, Country, Dataset, Source, Territory};
use crate::vocab::Selection;

/// The figures the app leads with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Headline {
    /// Territories that have at least one association.
    pub territories: usize,
    /// Member associations.
    pub associations: usize,
    /// Distinct countries covered by at least one association.
    pub countries: usize,
}

impl Dataset {
    /// Counts territories, associations and countries covered.
    pub fn headline(&self) -> Headline {
        let territories =
            crate::sorting::sorted_unique(self.associations.iter().map(|a| a.territory.as_ref()));
        Headline {
            territories: territories.len(),
            associations: self.associations.len(),
            countries: self.covered_country_codes().len(),
        }
    }

    /// ISO codes of every country an association covers, sorted, each once.
    pub fn covered_country_codes(&self) -> Vec<&str> {
        crate::sorting::sorted_unique(
            self.associations
                .iter()
                .flat_map(|a| a.countries.iter().map(|c| c.as_ref())),
        )
    }

    /// The association with this acronym.
    pub fn association(&self, acronym: &str) -> Option<&Association> {
        self.associations.iter().find(|a| a.acronym == acronym)
    }

    /// The association a person or a host page names: by its acronym exactly, else folded
    /// ([`fold`]: `vtmo` and `Vtmö` name VTMÖ). The address and the host's messages both resolve
    /// acronyms here.
    pub fn resolve_association(&self, typed: &str) -> Option<&Association> {
        self.association(typed).or_else(|| {
            let folded = fold(typed);
            (!folded.is_empty())
                .then(|| {
                    self.associations
                        .iter()
                        .find(|a| fold(&a.acronym) == folded)
                })
                .flatten()
        })
    }

    /// The data's own string for `code`, when an association covers that country.
    pub fn covered_country(&self, code: &str) -> Option<&str> {
        self.associations
            .iter()
            .flat_map(|a| a.countries.iter())
            .find(|c| **c == *code)
            .map(|c| &**c)
    }

    /// [`Self::covered_country`] from a typed ISO code in any case (`fr`: `FR`).
    pub fn resolve_covered_country(&self, typed: &str) -> Option<&str> {
        self.covered_country(typed)
            .or_else(|| self.covered_country(&typed.to_ascii_uppercase()))
    }

    /// The country with this ISO code.
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.code == code)
    }

    /// The territory with this id.
    pub fn territory(&self, id: &str) -> Option<&Territory> {
        self.territories.iter().find(|t| t.id == id)
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The associations that cover a country.
    pub fn associations_in<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Association> {
        self.associations
            .iter()
            .filter(move |a| a.countries.iter().any(|c| c == code))
    }

    /// The associations, oldest first (unknown years at the start of their range; ties by
    /// acronym).
    /// ISO codes of the countries a selection covers (RUNDA: its eight), in data order.
    pub fn countries_of(&'static self, selection: Option<Selection>) -> Vec<&'static str> {
        match selection {
            Some(Selection::Association(acronym)) => self
                .association(acronym)
                .map(|a| a.countries.iter().map(|c| &**c).collect())
                .unwrap_or_default(),
            Some(Selection::Country(code)) => vec![code],
            None => Vec::new(),
        }
    }

    /// The associations a selection shows: one, or every association of a country.
    pub fn associations_of(
        &'static self,
        selection: Option<Selection>,
    ) -> Vec<&'static Association> {
        match selection {
            Some(Selection::Association(acronym)) => {
                self.association(acronym).into_iter().collect()
            }
            Some(Selection::Country(code)) => self.associations_in(code).collect(),
            None => Vec::new(),
        }
    }

    /// The selection with the data's own ids, or `None` when the data has no such thing.
    pub fn resolve_selection(&'static self, selection: Selection) -> Option<Selection> {
        match selection {
            Selection::Association(acronym) => self
                .association(acronym)
                .map(|a| Selection::Association(&a.acronym)),
            Selection::Country(code) => self.covered_country(code).map(Selection::Country),
        }
    }

    /// Every association, oldest first (an unknown year counts as the start of its range; ties
    /// by acronym): the order of the list, the timeline, the kiosk's tour and the exports.
    pub fn associations_by_founding(&self) -> Vec<&Association> {
        let mut list: Vec<&Association> = self.associations.iter().collect();
        crate::sorting::sort_by_key(&mut list, |a| (a.founded.sort_year(), a.acronym.as_ref()));
        list
    }
}

/// Lowercases `text`, strips diacritics (Latin-1 Supplement, Latin Extended-A, ș/ț and combining
/// marks: "Ö" becomes "o", "ß" becomes "ss", "Ł" becomes "l"), keeps other scripts (lowercased),
/// turns everything that is not a letter or digit into a space and collapses and trims spaces.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if is_mark(c) {
            continue;
        }
        if !c.is_alphanumeric() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        match base(c) {
            Some(plain) => out.push_str(plain),
            None => out.push(c),
        }
    }
    out
}

/// Characters dropped without a trace: combining accents, Hebrew and Arabic vowel points, soft
/// hyphen and zero-width characters.
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}'
        | '\u{0591}'..='\u{05BD}' | '\u{05BF}' | '\u{05C1}' | '\u{05C2}' | '\u{05C4}' | '\u{05C5}'
        | '\u{05C7}' | '\u{064B}'..='\u{065F}' | '\u{0670}'
        | '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// The plain Latin letters for a lowercase accented letter, if it is one.
fn base(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ð' | 'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' | 'ĸ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŉ' | 'ŋ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'ſ' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn typed_names_resolve_exactly_then_folded() {
        let data = dataset();
        for typed in ["VTMÖ", "vtmo", "Vtmö", " VTMÖ "] {
            let found = data.resolve_association(typed).map(|a| &*a.acronym);
            assert_eq!(found, Some("VTMÖ"), "{typed:?}");
        }
        assert!(data.resolve_association("").is_none());
        assert!(data.resolve_association("VTM").is_none());
        assert_eq!(data.resolve_covered_country("fr"), Some("FR"));
        assert_eq!(data.resolve_covered_country("XK"), Some("XK"));
        assert_eq!(
            data.resolve_covered_country("IE"),
            None,
            "no association covers Ireland"
        );
    }
    use crate::data::dataset;

    #[test]
    fn fold_lowercases_strips_accents_and_collapses_separators() {
        let cases = [
            ("VTMÖ", "vtmo"),
            ("Österreich", "osterreich"),
            ("Fédération Nationale", "federation nationale"),
            ("Straße", "strasse"),
            ("Ørsted Æble", "orsted aeble"),
            ("Łódź Đakovo Győr", "lodz dakovo gyor"),
            ("România Țară Şcoală Ștefan", "romania tara scoala stefan"),
            ("Česko", "cesko"),
            ("O\u{308}sterreich", "osterreich"), // decomposed Ö
            ("  Crna-Gora.  x  ", "crna gora x"),
            ("Србија", "србија"),
            ("ישראל", "ישראל"),
            ("<b>é</b>\u{0}\t😀!", "b e b"),
            ("", ""),
        ];
        for (text, want) in cases {
            assert_eq!(fold(text), want, "fold({text:?})");
        }
    }

    #[test]
    fn france_and_italy_each_have_two_associations() {
        let acronyms = |code| -> Vec<&str> {
            dataset()
                .associations_in(code)
                .map(|a| a.acronym.as_ref())
                .collect()
        };
        assert_eq!(acronyms("FR"), ["UPFI", "FELIN"]);
        assert_eq!(acronyms("IT"), ["PMI", "AUDIOCOOP"]);
        assert_eq!(acronyms("XK"), ["RUNDA"]);
    }

    #[test]
    fn associations_by_founding_start_with_som_and_place_unknown_years_at_their_range_start() {
        let order: Vec<&str> = dataset()
            .associations_by_founding()
            .iter()
            .map(|a| a.acronym.as_ref())
            .collect();
        assert_eq!(order.first(), Some(&"SOM"));
        let position = |acronym| order.iter().position(|a| *a == acronym);
        // FELIN's range starts in 2010, INDIERO's in 2011 (after PLATFORMA, 2011, by acronym).
        assert!(position("FELIN") < position("INDIERO"));
        assert!(position("AUDIOCOOP") < position("DUP"));
    }
}
