//! Checks a freshly read data file before the app may embed it, and says what to fix.
//!
//! `check` returns every problem it finds, not only the first, each naming the entry (for
//! example `association "AIM"`) and what to change. The build script prefixes the file name and
//! stops the build when the list is not empty. Compiled into `build.rs` by path: `std` and its
//! sibling `model.rs` only.

use super::model::{Dataset, Founding, Text};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// The years a founding, count or milestone may have.
pub const YEARS: std::ops::RangeInclusive<u16> = 1900..=2100;

/// One problem in the data file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataError {
    /// Two entries of one kind share a key (`what` is e.g. `association acronym`).
    Duplicate { what: &'static str, key: String },
    /// A required piece of text is missing or blank.
    Missing {
        entry: String,
        field: &'static str,
        fix: &'static str,
    },
    /// A year lies outside 1900–2100.
    YearOutOfRange { entry: String, year: u16 },
    /// An entry names a source that has no `[[source]]` entry.
    UnknownSource { entry: String, source: String },
    /// A fact has no source at all.
    Unsourced { entry: String, fact: &'static str },
    /// A country code is not two capital letters.
    MalformedCountryCode { entry: String, code: String },
    /// An association covers a country that has no `[[country]]` entry.
    UnknownCountry { entry: String, code: String },
    /// A country is listed but no association covers it.
    UncoveredCountry { code: String },
    /// An association names a territory that has no `[[territory]]` entry.
    UnknownTerritory { entry: String, territory: String },
    /// A territory has no association.
    EmptyTerritory { territory: String },
    /// An association refers to an association that does not exist (or to itself).
    UnknownAssociation { entry: String, acronym: String },
    /// A disputed founding year lists no other year, or repeats the shown one.
    BadDispute { entry: String, detail: &'static str },
    /// An unknown founding range is empty.
    EmptyRange {
        entry: String,
        earliest: u16,
        latest: u16,
    },
    /// A web address does not start with `https://` or `http://`.
    BadUrl { entry: String, url: String },
    /// Milestone years are empty, unsorted or repeated.
    BadMilestoneYears { entry: String },
    /// A member count of zero.
    ZeroCount { entry: String },
    /// A language tag that is not a BCP 47 primary language subtag (`de`, `pt`).
    BadLanguage { entry: String, tag: String },
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DataError::Duplicate { what, key } => write!(
                f,
                "{what} \"{key}\" appears more than once: keep one entry, or give the other a different {what}"
            ),
            DataError::Missing { entry, field, fix } => {
                write!(f, "{entry}: `{field}` is missing or empty: {fix}")
            }
            DataError::YearOutOfRange { entry, year } => write!(
                f,
                "{entry}: year {year} is outside {}-{}: check the year (four digits, e.g. 1998)",
                YEARS.start(),
                YEARS.end()
            ),
            DataError::UnknownSource { entry, source } => write!(
                f,
                "{entry}: source \"{source}\" is not defined: add a [[source]] entry with id = \"{source}\", or fix the id"
            ),
            DataError::Unsourced { entry, fact } => write!(
                f,
                "{entry}: the {fact} has no source: add `sources = [\"...\"]` naming a [[source]] id"
            ),
            DataError::MalformedCountryCode { entry, code } => write!(
                f,
                "{entry}: \"{code}\" is not a country code: use the ISO 3166-1 alpha-2 code in capitals, e.g. \"SE\" (Kosovo: \"XK\")"
            ),
            DataError::UnknownCountry { entry, code } => write!(
                f,
                "{entry}: country \"{code}\" has no [[country]] entry: add one with code = \"{code}\" and native_names, and its name to each language file (data/lang, [countries])"
            ),
            DataError::UncoveredCountry { code } => write!(
                f,
                "country \"{code}\" is listed but no association covers it: add \"{code}\" to an association's countries, or remove the [[country]] entry"
            ),
            DataError::UnknownTerritory { entry, territory } => write!(
                f,
                "{entry}: territory \"{territory}\" is not defined: add a [[territory]] entry with id = \"{territory}\", or use an existing territory id"
            ),
            DataError::EmptyTerritory { territory } => write!(
                f,
                "territory \"{territory}\" has no association: set `territory = \"{territory}\"` on an association, or remove the [[territory]] entry"
            ),
            DataError::UnknownAssociation { entry, acronym } => write!(
                f,
                "{entry}: \"{acronym}\" is not another association's acronym: use the acronym of an existing [[association]]"
            ),
            DataError::BadDispute { entry, detail } => write!(
                f,
                "{entry}: a disputed founding year {detail}: list each other year under [[association.founded.other]] with its sources, or use certainty = \"exact\""
            ),
            DataError::EmptyRange {
                entry,
                earliest,
                latest,
            } => write!(
                f,
                "{entry}: the unknown founding range {earliest}-{latest} is empty: `earliest` must not be after `latest`"
            ),
            DataError::BadUrl { entry, url } => write!(
                f,
                "{entry}: \"{url}\" is not a web address: write it in full, starting with https://"
            ),
            DataError::BadMilestoneYears { entry } => write!(
                f,
                "{entry}: `years` must list one or more years, ascending, each once (e.g. years = [2006, 2007])"
            ),
            DataError::ZeroCount { entry } => write!(
                f,
                "{entry}: a member count of 0: give the count the source states, or remove the count"
            ),
            DataError::BadLanguage { entry, tag } => write!(
                f,
                "{entry}: name_native_lang = \"{tag}\" is not a language code: give the two- or three-letter code of the name's language, e.g. \"de\" or \"pt\""
            ),
        }
    }
}

impl std::error::Error for DataError {}

/// A BCP 47 primary language subtag: two or three lowercase ASCII letters.
fn is_language(tag: &str) -> bool {
    (2..=3).contains(&tag.len()) && tag.bytes().all(|b| b.is_ascii_lowercase())
}

/// Every problem in `data`; empty when the data may be embedded.
pub fn check(data: &Dataset) -> Vec<DataError> {
    let mut checker = Checker {
        errors: Vec::new(),
        sources: data.sources.iter().map(|s| s.id.as_ref()).collect(),
    };
    checker.sources_and_impala(data);
    checker.countries(data);
    checker.territories(data);
    checker.associations(data);
    checker.milestones(data);
    checker.errors
}

struct Checker<'a> {
    errors: Vec<DataError>,
    sources: BTreeSet<&'a str>,
}

impl<'a> Checker<'a> {
    fn push(&mut self, error: DataError) {
        self.errors.push(error);
    }

    fn text(&mut self, entry: &str, field: &'static str, value: &str, fix: &'static str) {
        if value.trim().is_empty() {
            self.push(DataError::Missing {
                entry: entry.to_string(),
                field,
                fix,
            });
        }
    }

    fn year(&mut self, entry: &str, year: u16) {
        if !YEARS.contains(&year) {
            self.push(DataError::YearOutOfRange {
                entry: entry.to_string(),
                year,
            });
        }
    }

    fn cited(&mut self, entry: &str, fact: &'static str, sources: &[Text]) {
        if sources.is_empty() {
            self.push(DataError::Unsourced {
                entry: entry.to_string(),
                fact,
            });
        }
        for source in sources {
            if !self.sources.contains(source.as_ref()) {
                self.push(DataError::UnknownSource {
                    entry: entry.to_string(),
                    source: source.to_string(),
                });
            }
        }
    }

    fn url(&mut self, entry: &str, url: Option<&Text>) {
        if let Some(url) = url {
            let has_host = ["https://", "http://"].iter().any(|scheme| {
                url.strip_prefix(scheme)
                    .is_some_and(|rest| rest.contains('.'))
            });
            if !has_host || url.contains(char::is_whitespace) {
                self.push(DataError::BadUrl {
                    entry: entry.to_string(),
                    url: url.to_string(),
                });
            }
        }
    }

    /// A language tag that goes with a name: required when the name is there, well formed.
    fn language(&mut self, entry: &str, field: &'static str, named: bool, tag: Option<&Text>) {
        match tag {
            None if named => self.push(DataError::Missing {
                entry: entry.to_string(),
                field,
                fix: "give the name's language, e.g. \"de\"",
            }),
            Some(tag) if !is_language(tag) => self.push(DataError::BadLanguage {
                entry: entry.to_string(),
                tag: tag.to_string(),
            }),
            _ => {}
        }
    }

    fn unique<'k>(&mut self, what: &'static str, keys: impl Iterator<Item = &'k str>) {
        let mut seen = BTreeSet::new();
        for key in keys {
            if !seen.insert(key.to_lowercase()) {
                self.push(DataError::Duplicate {
                    what,
                    key: key.to_string(),
                });
            }
        }
    }

    fn sources_and_impala(&mut self, data: &'a Dataset) {
        self.unique("source id", data.sources.iter().map(|s| s.id.as_ref()));
        for source in data.sources.iter() {
            let entry = format!("source \"{}\"", source.id);
            self.text(
                &entry,
                "id",
                &source.id,
                "give the source a short id, e.g. \"article\"",
            );
            if let Some(title) = &source.title {
                self.text(
                    &entry,
                    "title",
                    title,
                    "write the publication's own name, or remove `title`",
                );
            }
            self.language(&entry, "lang", source.title.is_some(), source.lang.as_ref());
            self.url(&entry, source.url.as_ref());
        }
        let impala = &data.impala;
        let entry = "[impala]";
        self.text(entry, "name", &impala.name, "write IMPALA's full name");
        self.year(entry, impala.founded);
        self.cited(entry, "founding year and seat", &impala.sources);
        self.url(entry, impala.website.as_ref());
    }

    fn countries(&mut self, data: &Dataset) {
        self.unique(
            "country code",
            data.countries.iter().map(|c| c.code.as_ref()),
        );
        let covered: BTreeSet<&str> = data
            .associations
            .iter()
            .flat_map(|a| a.countries.iter().map(|c| c.as_ref()))
            .collect();
        for country in data.countries.iter() {
            let entry = format!("country \"{}\"", country.code);
            if !is_country_code(&country.code) {
                self.push(DataError::MalformedCountryCode {
                    entry: entry.clone(),
                    code: country.code.to_string(),
                });
            }
            if country.native_names.iter().all(|n| n.trim().is_empty()) {
                self.push(DataError::Missing {
                    entry: entry.clone(),
                    field: "native_names",
                    fix: "list the country's name in its own language(s), e.g. native_names = [\"Sverige\"]",
                });
            }
            if !covered.contains(country.code.as_ref()) {
                self.push(DataError::UncoveredCountry {
                    code: country.code.to_string(),
                });
            }
        }
    }

    fn territories(&mut self, data: &Dataset) {
        self.unique(
            "territory id",
            data.territories.iter().map(|t| t.id.as_ref()),
        );
        let mut entries = BTreeMap::new();
        for territory in data.territories.iter() {
            if let Some(number) = territory.article_entry {
                if let Some(other) = entries.insert(number, territory.id.as_ref()) {
                    self.push(DataError::Duplicate {
                        what: "territory article_entry",
                        key: format!(
                            "{number} (territories \"{other}\" and \"{}\")",
                            territory.id
                        ),
                    });
                }
            }
            if !data
                .associations
                .iter()
                .any(|a| a.territory == territory.id)
            {
                self.push(DataError::EmptyTerritory {
                    territory: territory.id.to_string(),
                });
            }
        }
    }

    fn associations(&mut self, data: &Dataset) {
        self.unique(
            "association acronym",
            data.associations.iter().map(|a| a.acronym.as_ref()),
        );
        let countries: BTreeSet<&str> = data.countries.iter().map(|c| c.code.as_ref()).collect();
        let territories: BTreeSet<&str> = data.territories.iter().map(|t| t.id.as_ref()).collect();
        let acronyms: BTreeSet<&str> = data
            .associations
            .iter()
            .map(|a| a.acronym.as_ref())
            .collect();
        for association in data.associations.iter() {
            let entry = format!("association \"{}\"", association.acronym);
            self.text(
                &entry,
                "acronym",
                &association.acronym,
                "give the association's acronym, e.g. acronym = \"AIM\"",
            );
            if let Some(name) = &association.name_native {
                self.text(
                    &entry,
                    "name_native",
                    name,
                    "write its name in its own language, or remove `name_native` and give the name in each language file",
                );
            }
            self.language(
                &entry,
                "name_native_lang",
                association.name_native.is_some(),
                association.name_native_lang.as_ref(),
            );
            self.text(
                &entry,
                "territory",
                &association.territory,
                "add territory = \"...\" naming the id of a [[territory]] entry",
            );
            if !association.territory.trim().is_empty()
                && !territories.contains(association.territory.as_ref())
            {
                self.push(DataError::UnknownTerritory {
                    entry: entry.clone(),
                    territory: association.territory.to_string(),
                });
            }
            if association.countries.is_empty() {
                self.push(DataError::Missing {
                    entry: entry.clone(),
                    field: "countries",
                    fix: "list the countries it covers, e.g. countries = [\"GB\"]",
                });
            }
            let mut seen = BTreeSet::new();
            for code in association.countries.iter() {
                if !is_country_code(code) {
                    self.push(DataError::MalformedCountryCode {
                        entry: entry.clone(),
                        code: code.to_string(),
                    });
                } else if !countries.contains(code.as_ref()) {
                    self.push(DataError::UnknownCountry {
                        entry: entry.clone(),
                        code: code.to_string(),
                    });
                }
                if !seen.insert(code.as_ref()) {
                    self.push(DataError::Duplicate {
                        what: "country code",
                        key: format!("{code} (in {entry})"),
                    });
                }
            }
            self.founding(&entry, &association.founded);
            self.url(&entry, association.website.as_ref());
            for count in association.members.iter() {
                let entry = format!("{entry}, member count {}", count.count);
                if count.count == 0 {
                    self.push(DataError::ZeroCount {
                        entry: entry.clone(),
                    });
                }
                if let Some(year) = count.year {
                    self.year(&entry, year);
                }
                self.cited(&entry, "member count", &count.sources);
            }
            if let Some(representation) = &association.represented_by {
                if representation.association == association.acronym
                    || !acronyms.contains(representation.association.as_ref())
                {
                    self.push(DataError::UnknownAssociation {
                        entry: entry.clone(),
                        acronym: representation.association.to_string(),
                    });
                }
                self.cited(&entry, "representation", &representation.sources);
            }
            if let Some(joining) = &association.joined_impala {
                self.year(&entry, joining.year);
                self.cited(&entry, "year it joined IMPALA", &joining.sources);
            }
            for note in association.notes.iter() {
                self.cited(&entry, "note", &note.sources);
            }
            self.cited(&entry, "names and countries", &association.sources);
        }
    }

    fn founding(&mut self, entry: &str, founding: &Founding) {
        match founding {
            Founding::Exact { year, sources, .. } => {
                self.year(entry, *year);
                self.cited(entry, "founding year", sources);
            }
            Founding::Disputed {
                year,
                sources,
                other,
                ..
            } => {
                self.year(entry, *year);
                self.cited(entry, "founding year", sources);
                if other.is_empty() {
                    self.push(DataError::BadDispute {
                        entry: entry.to_string(),
                        detail: "lists no other year",
                    });
                }
                for alternative in other.iter() {
                    self.year(entry, alternative.year);
                    self.cited(entry, "other founding year", &alternative.sources);
                    if alternative.year == *year {
                        self.push(DataError::BadDispute {
                            entry: entry.to_string(),
                            detail: "repeats the shown year as another year",
                        });
                    }
                }
            }
            Founding::Unknown {
                earliest,
                latest,
                sources,
            } => {
                self.year(entry, *earliest);
                self.year(entry, *latest);
                if earliest > latest {
                    self.push(DataError::EmptyRange {
                        entry: entry.to_string(),
                        earliest: *earliest,
                        latest: *latest,
                    });
                }
                self.cited(entry, "founding range", sources);
            }
        }
    }

    fn milestones(&mut self, data: &Dataset) {
        self.unique(
            "milestone id",
            data.milestones.iter().map(|m| m.id.as_ref()),
        );
        for milestone in data.milestones.iter() {
            let entry = format!("milestone \"{}\"", milestone.id);
            self.text(
                &entry,
                "id",
                &milestone.id,
                "give the milestone a short id, e.g. id = \"emi-warner\"",
            );
            let ascending = milestone.years.windows(2).all(|pair| pair[0] < pair[1]);
            if milestone.years.is_empty() || !ascending {
                self.push(DataError::BadMilestoneYears {
                    entry: entry.clone(),
                });
            }
            for year in milestone.years.iter() {
                self.year(&entry, *year);
            }
            self.cited(&entry, "milestone", &milestone.sources);
        }
    }
}

/// Two capital ASCII letters.
pub fn is_country_code(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())
}
