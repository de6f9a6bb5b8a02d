//! Questions the app asks of the data: the headline figures and look-ups by key.
//!
//! Everything is computed from the data, never typed in, so adding an association to the data
//! file changes the figures by itself.

use super::model::{Association, Country, Dataset, Source, Territory};
use std::collections::BTreeSet;

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
        let territories: BTreeSet<&str> = self
            .associations
            .iter()
            .map(|a| a.territory.as_ref())
            .collect();
        Headline {
            territories: territories.len(),
            associations: self.associations.len(),
            countries: self.covered_country_codes().len(),
        }
    }

    /// ISO codes of every country an association covers, sorted, each once.
    pub fn covered_country_codes(&self) -> Vec<&str> {
        let codes: BTreeSet<&str> = self
            .associations
            .iter()
            .flat_map(|a| a.countries.iter().map(|c| c.as_ref()))
            .collect();
        codes.into_iter().collect()
    }

    /// The association with this acronym.
    pub fn association(&self, acronym: &str) -> Option<&Association> {
        self.associations.iter().find(|a| a.acronym == acronym)
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
    pub fn associations_by_founding(&self) -> Vec<&Association> {
        let mut list: Vec<&Association> = self.associations.iter().collect();
        list.sort_by(|a, b| {
            (a.founded.sort_year(), a.acronym.as_ref())
                .cmp(&(b.founded.sort_year(), b.acronym.as_ref()))
        });
        list
    }
}

#[cfg(test)]
mod tests {
    use crate::data::dataset;

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
