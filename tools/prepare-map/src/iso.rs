//! Country identity: ISO 3166-1 numeric -> alpha-2 codes for every country that can appear in
//! the Europe view (Europe, the North Atlantic, North Africa and the Sahel, the Middle East,
//! the Caucasus and Central Asia), and proper English names for Natural Earth's abbreviations.
//!
//! No units or axes here: codes and names only.

/// `(numeric, alpha-2)` pairs, sorted by numeric code.
const NUMERIC_TO_ALPHA2: &[(&str, &str)] = &[
    ("004", "AF"), // Afghanistan
    ("008", "AL"), // Albania
    ("012", "DZ"), // Algeria
    ("020", "AD"), // Andorra
    ("031", "AZ"), // Azerbaijan
    ("040", "AT"), // Austria
    ("048", "BH"), // Bahrain
    ("051", "AM"), // Armenia
    ("056", "BE"), // Belgium
    ("070", "BA"), // Bosnia and Herzegovina
    ("100", "BG"), // Bulgaria
    ("112", "BY"), // Belarus
    ("124", "CA"), // Canada
    ("148", "TD"), // Chad
    ("191", "HR"), // Croatia
    ("196", "CY"), // Cyprus
    ("203", "CZ"), // Czechia
    ("208", "DK"), // Denmark
    ("231", "ET"), // Ethiopia
    ("232", "ER"), // Eritrea
    ("233", "EE"), // Estonia
    ("234", "FO"), // Faroe Islands
    ("246", "FI"), // Finland
    ("248", "AX"), // Åland
    ("250", "FR"), // France
    ("262", "DJ"), // Djibouti
    ("268", "GE"), // Georgia
    ("275", "PS"), // Palestine
    ("276", "DE"), // Germany
    ("292", "GI"), // Gibraltar
    ("300", "GR"), // Greece
    ("304", "GL"), // Greenland
    ("336", "VA"), // Vatican
    ("348", "HU"), // Hungary
    ("352", "IS"), // Iceland
    ("364", "IR"), // Iran
    ("368", "IQ"), // Iraq
    ("372", "IE"), // Ireland
    ("376", "IL"), // Israel
    ("380", "IT"), // Italy
    ("398", "KZ"), // Kazakhstan
    ("400", "JO"), // Jordan
    ("414", "KW"), // Kuwait
    ("417", "KG"), // Kyrgyzstan
    ("422", "LB"), // Lebanon
    ("428", "LV"), // Latvia
    ("434", "LY"), // Libya
    ("438", "LI"), // Liechtenstein
    ("440", "LT"), // Lithuania
    ("442", "LU"), // Luxembourg
    ("466", "ML"), // Mali
    ("470", "MT"), // Malta
    ("478", "MR"), // Mauritania
    ("492", "MC"), // Monaco
    ("498", "MD"), // Moldova
    ("499", "ME"), // Montenegro
    ("504", "MA"), // Morocco
    ("512", "OM"), // Oman
    ("528", "NL"), // Netherlands
    ("562", "NE"), // Niger
    ("578", "NO"), // Norway
    ("616", "PL"), // Poland
    ("620", "PT"), // Portugal
    ("634", "QA"), // Qatar
    ("642", "RO"), // Romania
    ("643", "RU"), // Russia
    ("674", "SM"), // San Marino
    ("682", "SA"), // Saudi Arabia
    ("688", "RS"), // Serbia
    ("703", "SK"), // Slovakia
    ("705", "SI"), // Slovenia
    ("724", "ES"), // Spain
    ("728", "SS"), // South Sudan
    ("729", "SD"), // Sudan
    ("732", "EH"), // Western Sahara
    ("744", "SJ"), // Svalbard and Jan Mayen
    ("752", "SE"), // Sweden
    ("756", "CH"), // Switzerland
    ("760", "SY"), // Syria
    ("762", "TJ"), // Tajikistan
    ("784", "AE"), // United Arab Emirates
    ("788", "TN"), // Tunisia
    ("792", "TR"), // Turkey
    ("795", "TM"), // Turkmenistan
    ("804", "UA"), // Ukraine
    ("807", "MK"), // North Macedonia
    ("818", "EG"), // Egypt
    ("826", "GB"), // United Kingdom
    ("831", "GG"), // Guernsey
    ("832", "JE"), // Jersey
    ("833", "IM"), // Isle of Man
    ("860", "UZ"), // Uzbekistan
    ("887", "YE"), // Yemen
];

/// Natural Earth names (`properties.name`) without an id, and the code they get.
const NAME_TO_ALPHA2: &[(&str, &str)] = &[("Kosovo", "XK")];

/// Areas Natural Earth draws apart that are drawn as part of a country: Åland is an autonomous
/// region of Finland, not a country of its own.
const DRAWN_AS: &[(&str, &str)] = &[("AX", "FI")];

/// The code an area is drawn under: its country's for a part listed in `DRAWN_AS`, else its own.
pub fn drawn_as(alpha2: &'static str) -> &'static str {
    DRAWN_AS
        .iter()
        .find(|(part, _)| *part == alpha2)
        .map_or(alpha2, |(_, country)| *country)
}

/// Natural Earth's abbreviated names and the English names written instead.
const NAME_FIXES: &[(&str, &str)] = &[
    ("Bosnia and Herz.", "Bosnia and Herzegovina"),
    ("Macedonia", "North Macedonia"),
    ("Faeroe Is.", "Faroe Islands"),
    ("N. Cyprus", "Northern Cyprus"),
    ("W. Sahara", "Western Sahara"),
    ("S. Sudan", "South Sudan"),
    ("Vatican", "Vatican City"),
    ("Central African Rep.", "Central African Republic"),
    ("Dem. Rep. Congo", "Democratic Republic of the Congo"),
    ("Eq. Guinea", "Equatorial Guinea"),
];

/// The alpha-2 code for a feature: from its numeric id when it has one, from its name
/// otherwise (Kosovo). `None` when neither is known.
pub fn alpha2(numeric_id: Option<&str>, name: &str) -> Option<&'static str> {
    match numeric_id {
        Some(numeric) => NUMERIC_TO_ALPHA2
            .binary_search_by(|(n, _)| (*n).cmp(numeric))
            .ok()
            .and_then(|i| NUMERIC_TO_ALPHA2.get(i))
            .map(|(_, alpha)| *alpha),
        None => NAME_TO_ALPHA2
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, alpha)| *alpha),
    }
}

/// The English name to show for a Natural Earth name (unchanged unless abbreviated).
pub fn english_name(natural_earth_name: &str) -> &str {
    NAME_FIXES
        .iter()
        .find(|(short, _)| *short == natural_earth_name)
        .map_or(natural_earth_name, |(_, long)| long)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_numeric_table_is_sorted_and_has_no_duplicates() {
        assert!(NUMERIC_TO_ALPHA2.windows(2).all(|w| w[0].0 < w[1].0));
        let mut alphas: Vec<&str> = NUMERIC_TO_ALPHA2.iter().map(|(_, a)| *a).collect();
        alphas.sort_unstable();
        let count = alphas.len();
        alphas.dedup();
        assert_eq!(alphas.len(), count);
    }

    #[test]
    fn member_countries_get_their_codes() {
        // (numeric id, Natural Earth name, expected code)
        let cases = [
            (Some("752"), "Sweden", Some("SE")),
            (Some("376"), "Israel", Some("IL")),
            (Some("826"), "United Kingdom", Some("GB")),
            (Some("807"), "Macedonia", Some("MK")),
            (Some("070"), "Bosnia and Herz.", Some("BA")),
            (None, "Kosovo", Some("XK")),
            (None, "N. Cyprus", None),
            (Some("999"), "Nowhere", None),
        ];
        for (id, name, expected) in cases {
            assert_eq!(alpha2(id, name), expected, "{id:?} {name}");
        }
    }

    #[test]
    fn aland_is_drawn_as_part_of_finland_and_countries_as_themselves() {
        assert_eq!(drawn_as("AX"), "FI");
        assert_eq!(drawn_as("FI"), "FI");
        assert_eq!(drawn_as("SE"), "SE");
    }

    #[test]
    fn abbreviated_names_are_written_out_and_others_stay() {
        let cases = [
            ("Bosnia and Herz.", "Bosnia and Herzegovina"),
            ("Macedonia", "North Macedonia"),
            ("Czechia", "Czechia"),
            ("Kosovo", "Kosovo"),
        ];
        for (short, long) in cases {
            assert_eq!(english_name(short), long);
        }
    }
}
