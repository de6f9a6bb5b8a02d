//! The colours of the map against the data, the real map's neighbours and the style sheets:
//! neighbouring associations never share a colour, every colour has a custom property and rules,
//! every member fill stands out from the sea, the other countries and the member borders, and the
//! association colours stay apart for people with the common colour-vision deficiencies.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::expect_used, clippy::panic)] // test code: a failed expectation is a failed test

use impala_map::data::dataset;
use impala_map::geo::europe::EUROPE;
use impala_map::palette::{
    contrast_ratio, country_period, delta_e76, fill, period_of, periods, relative_luminance,
    slot_class, AssociationSlots, Fill, Period, Vision, SLOT_COUNT,
};
use impala_map::vocab::Colouring;
use std::collections::BTreeMap;
use std::path::Path;

/// WCAG 2's minimum contrast for graphical objects (1.4.11 Non-text Contrast).
const MIN_CONTRAST: f64 = 3.0;
/// The smallest CIE76 difference between two fills that must be told apart.
const MIN_DELTA_E: f64 = 10.0;
/// The kinds of vision two association colours must stay apart for.
const VISIONS: [Vision; 3] = [Vision::Normal, Vision::Protanopia, Vision::Deuteranopia];

// ---- A tiny CSS reader: rules (selector and body), and the `:root` custom properties. ----

/// The text without `/* comments */`.
fn strip_comments(css: &str) -> String {
    let mut out = String::new();
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    out.push_str(rest);
    out
}

/// Every rule as `(selector, body)`, with the rules inside at-rules (`@media`) flattened.
fn rules(css: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = css;
    while let Some(open) = rest.find('{') {
        let selector = rest[..open].trim().to_owned();
        let mut depth = 0;
        let mut close = None;
        for (i, c) in rest[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(open + i);
                        break;
                    }
                }
                _ => {}
            }
        }
        let close = close.unwrap_or_else(|| panic!("unbalanced braces after {selector:?}"));
        let body = &rest[open + 1..close];
        if body.contains('{') {
            out.extend(rules(body));
        } else {
            out.push((selector, body.trim().to_owned()));
        }
        rest = &rest[close + 1..];
    }
    out
}

/// The style sheets, by file name, without comments.
fn style_sheets() -> BTreeMap<String, String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("styles");
    let mut sheets = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).expect("styles/ can be read") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_some_and(|e| e == "css") {
            let text = std::fs::read_to_string(&path).expect("a style sheet can be read");
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            sheets.insert(name.unwrap_or_default(), strip_comments(&text));
        }
    }
    sheets
}

/// Every rule of every style sheet.
fn all_rules() -> Vec<(String, String)> {
    style_sheets().values().flat_map(|css| rules(css)).collect()
}

/// The custom properties a rule's body sets, as `(name without the dashes, value)`, in order.
fn custom_properties(body: &str) -> Vec<(String, String)> {
    body.split(';')
        .filter_map(|declaration| declaration.trim().split_once(':'))
        .filter_map(|(name, value)| {
            let name = name.trim().strip_prefix("--")?;
            Some((name.to_owned(), value.trim().to_owned()))
        })
        .collect()
}

/// The `--name: #rrggbb;` custom properties of the `:root` rules (name without the dashes).
/// A name defined twice is an error: the style sheets would depend on their order.
fn colours() -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (selector, body) in all_rules().iter().filter(|(s, _)| s == ":root") {
        for (name, value) in custom_properties(body) {
            if value.starts_with('#') {
                let previous = out.insert(name.clone(), value);
                assert!(previous.is_none(), "--{name} is defined twice ({selector})");
            }
        }
    }
    out
}

/// The themes besides light (whose colours are the `:root` ones); styles/themes.css.
const THEMES: [&str; 2] = ["dark", "contrast"];

/// The selector of a theme's custom properties in styles/themes.css.
fn theme_selector(theme: &str) -> String {
    format!(":root:has(.app[data-theme=\"{theme}\"])")
}

/// The custom properties a theme's rule sets (name without the dashes), in order.
fn theme_rule(theme: &str) -> Vec<(String, String)> {
    let selector = theme_selector(theme);
    let rules = all_rules();
    let bodies: Vec<&String> = rules
        .iter()
        .filter(|(s, _)| *s == selector)
        .map(|(_, body)| body)
        .collect();
    assert_eq!(bodies.len(), 1, "one rule `{selector}` in styles/*.css");
    custom_properties(bodies[0])
}

/// The colours in effect in each theme: light's, then each other theme's over them. A theme may
/// only set properties that light defines.
fn themes() -> Vec<(&'static str, BTreeMap<String, String>)> {
    let light = colours();
    let mut out = vec![("light", light.clone())];
    for theme in THEMES {
        let mut colours = light.clone();
        for (name, value) in theme_rule(theme) {
            assert!(
                colours.insert(name.clone(), value).is_some(),
                "the {theme} theme sets --{name}, which the light theme (:root) does not define"
            );
        }
        out.push((theme, colours));
    }
    out
}

fn colour(colours: &BTreeMap<String, String>, name: &str) -> String {
    colours
        .get(name)
        .unwrap_or_else(|| panic!("no custom property --{name} in styles/*.css"))
        .clone()
}

/// Whether some rule has exactly this selector and this declaration.
fn has_rule(rules: &[(String, String)], selector: &str, declaration: &str) -> bool {
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    rules.iter().any(|(s, body)| {
        squeeze(s) == selector
            && body
                .split(';')
                .any(|d| squeeze(d).replace(": ", ":") == declaration.replace(": ", ":"))
    })
}

/// Custom properties as `(name without the dashes, colour)`.
type Named = Vec<(String, String)>;

/// The association colours (`slot-0`...) and the period colours (`period-1970s`...), each sorted.
fn fills(colours: &BTreeMap<String, String>) -> (Named, Named) {
    let pick = |prefix: &str| -> Named {
        colours
            .iter()
            .filter(|(name, _)| name.starts_with(prefix))
            .map(|(name, value)| (name.clone(), value.clone()))
            .collect()
    };
    (pick("slot-"), pick("period-"))
}

#[test]
fn the_css_reader_finds_rules_nested_rules_and_custom_properties() {
    let css = strip_comments(
        "/* a { b } */ :root { --x: #123456; --font: serif; }\n@media (x) { .a, .b { c: d } }\n.e{f:g}",
    );
    assert_eq!(
        rules(&css),
        [
            (
                ":root".to_owned(),
                "--x: #123456; --font: serif;".to_owned()
            ),
            (".a, .b".to_owned(), "c: d".to_owned()),
            (".e".to_owned(), "f:g".to_owned()),
        ]
    );
    assert!(has_rule(&rules(&css), ".e", "f: g"));
}

// ---- The neighbours of the real map. ----

#[test]
fn the_real_map_knows_which_countries_share_a_border() {
    for (a, b) in [
        ("FR", "ES"),
        ("FR", "DE"),
        ("DE", "AT"),
        ("RS", "XK"),
        ("SI", "HR"),
        ("BE", "NL"),
        ("FR", "IT"),
        ("CH", "IT"),
        ("NO", "SE"),
        ("HU", "RO"),
    ] {
        assert!(EUROPE.are_neighbours(a, b), "{a} and {b} share a border");
        assert!(EUROPE.are_neighbours(b, a), "{b} and {a} share a border");
    }
    // Georgia and Türkiye touch at a single point where their border meets the view's edge.
    for (a, b) in [
        ("ES", "DE"),
        ("GB", "FR"),
        ("SE", "DK"),
        ("FR", "FR"),
        ("GE", "TR"),
    ] {
        assert!(!EUROPE.are_neighbours(a, b), "{a} and {b} share no border");
    }
}

#[test]
fn the_baked_neighbours_are_sorted_pairs_of_country_ids_each_once() {
    assert!(EUROPE.neighbours.len() > 50, "{}", EUROPE.neighbours.len());
    assert!(EUROPE.neighbours.windows(2).all(|w| w[0] < w[1]));
    for &(a, b) in EUROPE.neighbours {
        assert!(a < b, "({a}, {b}) is in order");
        assert!(EUROPE.shape(a).is_some() && EUROPE.shape(b).is_some());
    }
    let of_germany: Vec<&str> = EUROPE.neighbours_of("DE").collect();
    assert_eq!(
        of_germany,
        ["AT", "BE", "CH", "CZ", "DK", "FR", "LU", "NL", "PL"]
    );
}

#[test]
fn neighbouring_member_countries() {
    let covered = dataset().covered_country_codes();
    let pairs: Vec<String> = EUROPE
        .neighbours
        .iter()
        .filter(|(a, b)| covered.contains(a) && covered.contains(b))
        .map(|(a, b)| format!("{a}-{b}"))
        .collect();
    println!(
        "{} pairs of member countries share a border: {}",
        pairs.len(),
        pairs.join(" ")
    );
    assert!(pairs.contains(&"AT-SI".to_owned()));
}

// ---- The colouring by association. ----

#[test]
fn no_two_neighbouring_associations_share_a_slot() {
    let data = dataset();
    let slots = AssociationSlots::new(data, &EUROPE);
    assert_eq!(slots.slots().len(), data.associations.len());
    let mut checked = 0;
    for a in data.associations.iter() {
        for b in data.associations.iter().filter(|b| b.acronym < a.acronym) {
            let touch = a.countries.iter().any(|x| {
                b.countries
                    .iter()
                    .any(|y| x == y || EUROPE.are_neighbours(x, y))
            });
            if touch {
                checked += 1;
                assert_ne!(
                    slots.slot_of(&a.acronym),
                    slots.slot_of(&b.acronym),
                    "{} and {} are neighbours",
                    a.acronym,
                    b.acronym
                );
            }
        }
    }
    assert!(checked > 20, "{checked} neighbouring pairs");
    println!("{} slots: {:?}", slots.slot_count(), slots.slots());
}

#[test]
fn france_and_italy_show_both_their_associations_in_two_slots() {
    let slots = AssociationSlots::new(dataset(), &EUROPE);
    for (code, first, second) in [("FR", "UPFI", "FELIN"), ("IT", "PMI", "AUDIOCOOP")] {
        let both = slots.country_slots(code);
        assert_eq!(
            both,
            [slots.slot_of(first), slots.slot_of(second)].map(|s| s.expect("a slot")),
            "{code}"
        );
        assert_ne!(both[0], both[1], "{code}");
        let shown = fill(dataset(), &EUROPE, Colouring::Association, code);
        assert_eq!(shown, Fill::Associations(both.clone()));
        assert_eq!(shown.pattern(code), Some(format!("url(#stripes-{code})")));
        assert_eq!(shown.class(code), "striped");
    }
}

#[test]
fn runda_countries_share_one_slot_and_other_countries_have_one() {
    let data = dataset();
    let slots = AssociationSlots::new(data, &EUROPE);
    let runda = slots.slot_of("RUNDA").expect("RUNDA has a slot");
    let association = data.association("RUNDA").expect("RUNDA");
    assert_eq!(association.countries.len(), 8);
    for code in association.countries.iter() {
        assert_eq!(slots.country_slots(code), [runda], "{code}");
    }
    for code in data.covered_country_codes() {
        let expected = if matches!(code, "FR" | "IT") { 2 } else { 1 };
        assert_eq!(slots.country_slots(code).len(), expected, "{code}");
        let shown = fill(data, &EUROPE, Colouring::Association, code);
        let first = slots.country_slots(code)[0];
        if expected == 1 {
            assert_eq!(shown.class(code), slot_class(first), "{code}");
            assert_eq!(shown.pattern(code), None, "{code}");
        } else {
            // Striped: the shape's paint is its pattern of both slots.
            assert_eq!(shown.class(code), "striped", "{code}");
            assert_eq!(shown.slots(), slots.country_slots(code), "{code}");
        }
    }
    assert!(slots.country_slots("IE").is_empty());
}

#[test]
fn every_slot_used_has_a_colour_and_rules() {
    let slots = AssociationSlots::new(dataset(), &EUROPE);
    let (colours, rules) = (colours(), all_rules());
    let (slot_colours, _) = fills(&colours);
    assert!(
        slots.slot_count() <= SLOT_COUNT,
        "the colouring needs {} slots; styles/palette.css has {SLOT_COUNT}",
        slots.slot_count()
    );
    assert_eq!(
        slot_colours.len(),
        usize::from(SLOT_COUNT),
        "{slot_colours:?}"
    );
    for slot in 0..SLOT_COUNT {
        let class = slot_class(slot);
        let value = format!("var(--slot-{slot})");
        colour(&colours, &format!("slot-{slot}"));
        for (selector, property) in [
            (format!(".europe-map .country.member.{class}"), "fill"),
            (format!(".europe-map .stripe.{class}"), "fill"),
            (format!(".swatch.{class}"), "background"),
        ] {
            assert!(
                has_rule(&rules, &selector, &format!("{property}: {value}")),
                "no rule `{selector} {{ {property}: {value} }}`"
            );
        }
    }
}

// ---- The colouring by founding period. ----

#[test]
fn every_association_is_in_the_period_of_its_founding_year() {
    let data = dataset();
    for association in data.associations.iter() {
        let expected = association
            .founded
            .year()
            .map_or(Period::Unknown, |y| Period::Decade(y / 10 * 10));
        assert_eq!(
            period_of(&association.founded),
            expected,
            "{}",
            association.acronym
        );
    }
    let period = |acronym: &str| {
        period_of(&data.association(acronym).expect("in the data").founded)
            .label(impala_map::i18n::Lang::EN.strings())
    };
    for (acronym, label) in [
        ("SOM", "1970s"),
        ("FONO", "1980s"),
        ("VUT", "1990s"),
        ("UPFI", "1990s"),
        ("AUDIOCOOP", "2000s"),
        ("RUNDA", "2010s"),
        ("INDIERO", "founding year unknown"),
        ("FELIN", "founding year unknown"),
    ] {
        assert_eq!(period(acronym), label, "{acronym}");
    }
    assert_eq!(
        periods(data),
        [1970, 1980, 1990, 2000, 2010]
            .map(Period::Decade)
            .into_iter()
            .chain([Period::Unknown])
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_country_with_two_associations_shows_the_earliest_known_founding() {
    let data = dataset();
    assert_eq!(country_period(data, "FR"), Some(Period::Decade(1990)));
    assert_eq!(country_period(data, "IT"), Some(Period::Decade(2000)));
    assert_eq!(country_period(data, "RO"), Some(Period::Unknown));
    assert_eq!(country_period(data, "XK"), Some(Period::Decade(2010)));
    assert_eq!(country_period(data, "IE"), None);
    let shown = fill(data, &EUROPE, Colouring::Period, "SE");
    assert_eq!(
        (shown.class("SE"), shown.pattern("SE")),
        ("fill-p1970s".to_owned(), None)
    );
}

#[test]
fn every_period_used_has_a_colour_and_rules() {
    let (colours, rules) = (colours(), all_rules());
    let (_, period_colours) = fills(&colours);
    let used = periods(dataset());
    assert_eq!(period_colours.len(), used.len(), "{period_colours:?}");
    for period in used {
        let (class, property) = (period.class(), period.custom_property());
        colour(&colours, &property[2..]);
        let value = format!("var({property})");
        assert!(has_rule(
            &rules,
            &format!(".europe-map .country.member.{class}"),
            &format!("fill: {value}")
        ));
        assert!(has_rule(
            &rules,
            &format!(".swatch.{class}"),
            &format!("background: {value}")
        ));
    }
}

#[test]
fn the_period_ramp_gets_lighter_with_each_decade_in_every_theme() {
    for (theme, colours) in themes() {
        let luminance: Vec<f64> = periods(dataset())
            .into_iter()
            .filter(|p| *p != Period::Unknown)
            .map(|p| {
                relative_luminance(&colour(&colours, &p.custom_property()[2..])).expect("a colour")
            })
            .collect();
        assert!(
            luminance.windows(2).all(|w| w[0] < w[1]),
            "{theme}: the ramp is ordered: {luminance:?}"
        );
    }
}

// ---- Contrast and colour-vision deficiencies. ----

#[test]
fn every_member_fill_stands_out_from_the_sea_the_other_countries_and_the_member_borders() {
    let mut failures = Vec::new();
    for (theme, colours) in themes() {
        let (slots, periods) = fills(&colours);
        let backgrounds = ["sea", "other", "member-edge"].map(|n| (n, colour(&colours, n)));
        let mut lowest = f64::INFINITY;
        for (name, value) in slots.iter().chain(&periods) {
            for (background, against) in &backgrounds {
                let ratio = contrast_ratio(value, against)
                    .unwrap_or_else(|| panic!("--{name}: {value} or --{background}: {against}"));
                lowest = lowest.min(ratio);
                if ratio < MIN_CONTRAST {
                    failures.push(format!(
                        "{theme}: --{name} {value} on --{background} {against}: {ratio:.2}"
                    ));
                }
            }
        }
        println!("{theme}: lowest contrast {lowest:.2}");
    }
    assert!(
        failures.is_empty(),
        "contrast below {MIN_CONTRAST}:1\n{}",
        failures.join("\n")
    );
}

/// WCAG 2's minimum contrast for text (1.4.3 Contrast, AA).
const MIN_TEXT_CONTRAST: f64 = 4.5;

/// Text colour on background: every pair the style sheets draw text with.
const TEXT_PAIRS: [(&str, &str); 11] = [
    ("chart-associations", "paper"),
    ("chart-countries", "paper"),
    ("ink", "paper"),
    ("ink", "paper-soft"),
    ("ink", "selected-soft"),
    ("ink-soft", "paper"),
    ("ink-soft", "paper-soft"),
    ("accent", "paper"),
    ("accent", "paper-soft"),
    ("paper", "accent"),
    ("label-ink", "label-halo"),
];

/// Lines and edges that must be seen against the page: focus rings, control borders.
const EDGE_PAIRS: [(&str, &str); 4] = [
    ("focus", "paper"),
    ("focus", "sea"),
    ("control-edge", "paper"),
    ("selected-edge", "sea"),
];

#[test]
fn every_text_and_edge_has_enough_contrast_in_every_theme() {
    let mut failures = Vec::new();
    for (theme, colours) in themes() {
        for (pairs, minimum) in [
            (&TEXT_PAIRS[..], MIN_TEXT_CONTRAST),
            (&EDGE_PAIRS[..], MIN_CONTRAST),
        ] {
            for (ink, background) in pairs {
                let (a, b) = (colour(&colours, ink), colour(&colours, background));
                let ratio = contrast_ratio(&a, &b).expect("colours");
                if ratio < minimum {
                    failures.push(format!(
                        "{theme}: --{ink} {a} on --{background} {b}: {ratio:.2} (at least {minimum})"
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_colour_of_the_growth_chart_follows_the_theme() {
    use impala_map::chart::ChartStyle;
    let style = ChartStyle::default();
    let rules = all_rules();
    for (r, g, b) in [
        style.ink,
        style.marker,
        style.grid,
        style.associations,
        style.countries,
    ] {
        let hex = format!("#{r:02X}{g:02X}{b:02X}");
        let themed = rules.iter().any(|(selector, body)| {
            selector.starts_with(".growth-svg [")
                && selector.contains(&hex)
                && body.contains("var(--")
        });
        assert!(
            themed,
            "no rule in styles/ gives the chart's {hex} a theme colour"
        );
    }
}

#[test]
fn a_dark_system_gets_the_dark_theme_when_the_url_asks_for_none() {
    let dark = theme_rule("dark");
    let sheets = style_sheets();
    let themes_css = sheets.get("themes.css").expect("styles/themes.css");
    let media = "@media (prefers-color-scheme: dark)";
    let at = themes_css.find(media).expect("a rule for dark systems");
    let auto = rules(&themes_css[at + media.len()..])
        .into_iter()
        .find(|(selector, _)| *selector == theme_selector("auto"))
        .expect("the auto theme's rule in a dark system");
    assert_eq!(
        custom_properties(&auto.1),
        dark,
        "auto in a dark system is the dark theme"
    );
}

/// Every pair of colours at least `MIN_DELTA_E` apart for each vision; the failures otherwise.
fn too_close(colours: &[(String, String)], visions: &[Vision]) -> (Vec<String>, f64) {
    let mut failures = Vec::new();
    let mut lowest = f64::INFINITY;
    for (i, (a, x)) in colours.iter().enumerate() {
        for (b, y) in colours.iter().skip(i + 1) {
            for &vision in visions {
                let distance = delta_e76(x, y, vision).expect("colours");
                lowest = lowest.min(distance);
                if distance < MIN_DELTA_E {
                    failures.push(format!(
                        "--{a} {x} and --{b} {y}, {vision:?}: ΔE {distance:.1}"
                    ));
                }
            }
        }
    }
    (failures, lowest)
}

#[test]
fn association_colours_stay_apart_with_protanopia_and_deuteranopia() {
    for (theme, colours) in themes() {
        let (slots, _) = fills(&colours);
        let (failures, lowest) = too_close(&slots, &VISIONS);
        assert!(failures.is_empty(), "{theme}:\n{}", failures.join("\n"));
        println!("{theme}: association colours: lowest ΔE {lowest:.1}");
    }
}

#[test]
fn period_colours_stay_apart_with_protanopia_and_deuteranopia() {
    for (theme, colours) in themes() {
        let (_, periods) = fills(&colours);
        let (failures, lowest) = too_close(&periods, &VISIONS);
        assert!(failures.is_empty(), "{theme}:\n{}", failures.join("\n"));
        println!("{theme}: period colours: lowest ΔE {lowest:.1}");
    }
}
