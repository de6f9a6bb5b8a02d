//! The test cases. Each runs once per selected engine as
//! `<engine>::<name>`. To add one: write a `fn(&mut Page, &Expected) ->
//! Result<()>` that starts with `page.open_app()?`, and list it in [`CASES`].

use std::collections::BTreeSet;

use crate::page::Page;
use crate::Result;

pub type CaseFn = fn(&mut Page, &Expected) -> Result<()>;

pub const CASES: &[(&str, CaseFn)] = &[
    ("loads_without_console_errors", loads_without_console_errors),
    ("one_shape_per_member_country", one_shape_per_member_country),
    ("headline_figures", headline_figures),
    ("lists_every_association_once", lists_every_association_once),
];

/// What the page must show, taken from the app's own data (built once).
#[derive(Debug)]
pub struct Expected {
    pub territories: usize,
    pub associations: usize,
    pub countries: usize,
    /// ISO 3166-1 alpha-2 codes of the covered countries (Kosovo is `XK`).
    pub country_codes: BTreeSet<String>,
    /// Acronyms of the member associations.
    pub acronyms: BTreeSet<String>,
}

impl Expected {
    pub fn from_app_data() -> Self {
        let headline = impala_map::data::headline();
        Self {
            territories: headline.territories,
            associations: headline.associations,
            countries: headline.countries,
            country_codes: impala_map::data::covered_country_codes()
                .into_iter()
                .map(str::to_owned)
                .collect(),
            acronyms: impala_map::data::dataset()
                .associations
                .iter()
                .map(|a| a.acronym.to_string())
                .collect(),
        }
    }
}

fn loads_without_console_errors(page: &mut Page, _: &Expected) -> Result<()> {
    page.open_app()?;
    for warning in page.console_warnings()? {
        page.note(&format!("console warning (allowed): {warning}"));
    }
    let errors = page.console_errors()?;
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} console error(s):\n  {}",
            errors.len(),
            errors.join("\n  ")
        ))
    }
}

fn one_shape_per_member_country(page: &mut Page, expected: &Expected) -> Result<()> {
    page.open_app()?;
    let codes: Vec<Option<String>> = page.eval(
        "Array.from(document.querySelectorAll('svg.europe-map path.country.member'), \
         (e) => e.getAttribute('data-country'))",
    )?;
    let mut problems = Vec::new();
    let unlabelled = codes.iter().filter(|c| c.is_none()).count();
    if unlabelled > 0 {
        problems.push(format!("{unlabelled} member shape(s) without data-country"));
    }
    let mut seen = BTreeSet::new();
    let mut duplicates = BTreeSet::new();
    for code in codes.iter().flatten() {
        if !seen.insert(code.clone()) {
            duplicates.insert(code.clone());
        }
    }
    if !duplicates.is_empty() {
        problems.push(format!("duplicated: {duplicates:?}"));
    }
    let missing: Vec<_> = expected.country_codes.difference(&seen).collect();
    if !missing.is_empty() {
        problems.push(format!("missing: {missing:?}"));
    }
    let unexpected: Vec<_> = seen.difference(&expected.country_codes).collect();
    if !unexpected.is_empty() {
        problems.push(format!("not covered but drawn as member: {unexpected:?}"));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "svg.europe-map path.country.member: {} shape(s), expected one per covered \
             country ({}): {}",
            codes.len(),
            expected.country_codes.len(),
            problems.join("; ")
        ))
    }
}

fn headline_figures(page: &mut Page, expected: &Expected) -> Result<()> {
    page.open_app()?;
    let mut problems = Vec::new();
    for (figure, want) in [
        ("territories", expected.territories),
        ("associations", expected.associations),
        ("countries", expected.countries),
    ] {
        let css = format!("[data-figure=\"{figure}\"]");
        let got: Option<String> = page.eval(&format!(
            "(() => {{ const e = document.querySelector('{css}'); \
             return e ? e.textContent.trim() : null; }})()"
        ))?;
        match got {
            None => problems.push(format!("no element {css}")),
            Some(text) if text != want.to_string() => {
                problems.push(format!("{css} shows {text:?}, expected \"{want}\""));
            }
            Some(_) => {}
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

fn lists_every_association_once(page: &mut Page, expected: &Expected) -> Result<()> {
    page.open_app()?;
    let listed: Vec<String> = page.eval(
        "Array.from(document.querySelectorAll('li[data-association]'), \
         (e) => e.getAttribute('data-association'))",
    )?;
    let set: BTreeSet<String> = listed.iter().cloned().collect();
    if listed.len() == expected.acronyms.len() && set == expected.acronyms {
        Ok(())
    } else {
        Err(format!(
            "listed {} item(s) {listed:?}, expected each of {:?} once",
            listed.len(),
            expected.acronyms
        ))
    }
}
