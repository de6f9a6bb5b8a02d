//! Sources cited in a text, numbered in the order a reader meets them: the first source cited is
//! [1], a source cited again keeps its number, and the list of sources under the text is in the
//! same order. The details panel cites as it is written, top to bottom. Pure.

/// The sources cited so far, in the order of their numbers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Citations<'a> {
    ids: Vec<&'a str>,
}

impl<'a> Citations<'a> {
    /// The numbers of `sources` (1-based), numbering each source not cited before.
    pub fn cite<S: AsRef<str>>(&mut self, sources: &'a [S]) -> Vec<usize> {
        sources
            .iter()
            .map(|id| {
                let id = id.as_ref();
                match self.ids.iter().position(|known| *known == id) {
                    Some(i) => i + 1,
                    None => {
                        self.ids.push(id);
                        self.ids.len()
                    }
                }
            })
            .collect()
    }

    /// Every source cited, source `n` at index `n - 1`.
    pub fn ids(&self) -> &[&'a str] {
        &self.ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_numbered_as_first_cited_and_keep_their_number() {
        let mut cited = Citations::default();
        let first = ["impala-20", "vut-site"];
        let again = ["vut-site", "musikmarkt"];
        assert_eq!(cited.cite(&first), [1, 2]);
        assert_eq!(cited.cite(&again), [2, 3]);
        assert_eq!(cited.cite::<&str>(&[]), Vec::<usize>::new());
        assert_eq!(cited.ids(), ["impala-20", "vut-site", "musikmarkt"]);
    }
}
