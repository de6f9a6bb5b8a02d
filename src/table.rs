//! The association table's order: by name, country or founding year, either way. Pure.

use crate::data::{query::fold, Association, Dataset};
use crate::i18n::Strings;
use crate::sorting::sort_by_key;
use crate::vocab::{Sort, SortKey};

/// The associations in the table's order. Names compare folded (accents and case ignored), in the
/// reader's language for the country column; ties on country fall back to the founding year.
pub fn sorted_associations(
    data: &'static Dataset,
    t: &Strings,
    sort: Sort,
) -> Vec<&'static Association> {
    let mut list: Vec<&'static Association> = data.associations.iter().collect();
    let country_name = |a: &Association| {
        a.countries
            .first()
            .and_then(|code| data.country(code))
            .map_or_else(String::new, |c| fold(t.country_name(&c.code, &c.code)))
    };
    match sort.key {
        SortKey::Name => sort_by_key(&mut list, |a| fold(&a.acronym)),
        SortKey::Country => {
            sort_by_key(&mut list, |a| (country_name(a), a.founded.sort_year()));
        }
        SortKey::Year => {
            sort_by_key(&mut list, |a| (a.founded.sort_year(), fold(&a.acronym)));
        }
    }
    if !sort.ascending {
        list.reverse();
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::dataset;

    #[test]
    fn the_default_table_order_starts_with_som_and_by_country_with_albania() {
        let by_year =
            sorted_associations(dataset(), crate::i18n::Lang::EN.strings(), Sort::default());
        assert_eq!(by_year.first().map(|a| &*a.acronym), Some("SOM"));
        let by_country = sorted_associations(
            dataset(),
            crate::i18n::Lang::EN.strings(),
            Sort {
                key: SortKey::Country,
                ascending: true,
            },
        );
        // Austria (VTMÖ) comes first: RUNDA's first country is Slovenia.
        assert_eq!(by_country.first().map(|a| &*a.acronym), Some("VTMÖ"));
    }
}
