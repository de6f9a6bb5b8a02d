//! The data as files to download: CSV (one row per association, for spreadsheets) and JSON (the
//! associations with their countries, founding years and member counts, and every source they
//! cite), the view's figure as an image with its title and credits ([`Figure`], [`framed_svg`]),
//! and the files' names. Pure: the date, the figure's markup and its colours come from the caller.

use crate::data::{Association, Dataset, Founding};
use crate::format::{self, escape_markup as xml};
use crate::i18n::Strings;
use crate::number::short;
use crate::text_width::{chars_in, Face};
use crate::vocab::View;
use std::fmt::Write;

// The data files are written in the reader's language (names, countries, founding years, member
// counts, sources' titles); what a program reads stays the same in every language: the CSV's
// column names, the JSON's keys, codes, years and addresses, and the JSON says its `language`.

/// A calendar date, for file names and the JSON's `exported` field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// `2026-11-24`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// What a file holds and when it was made: `impala-associations-2026-11-24.csv`.
pub fn file_name(subject: &str, date: Date, extension: &str) -> String {
    format!("impala-{subject}-{}.{extension}", date.iso())
}

/// What an image download shows: the figure of the view on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figure {
    Map,
    Timeline,
}

impl Figure {
    /// The map view's map, the timeline view's timeline; the table view has no figure.
    pub fn of_view(view: View) -> Option<Figure> {
        match view {
            View::Map => Some(Figure::Map),
            View::Timeline => Some(Figure::Timeline),
            View::Table => None,
        }
    }

    /// The word in the file's name.
    pub fn subject(self) -> &'static str {
        match self {
            Figure::Map => "map",
            Figure::Timeline => "timeline",
        }
    }

    /// The element on screen to copy: the view's own, not the side map nor a print copy.
    pub fn selector(self) -> &'static str {
        match self {
            Figure::Map => ".view-main svg.europe-map",
            Figure::Timeline => ".view-main svg.timeline-chart",
        }
    }
}

/// The band under an exported figure, so that the image says what it shows and where its facts
/// come from wherever it travels: the title, then the credits, in the theme's colours.
#[derive(Clone, Copy, Debug)]
pub struct Caption<'a> {
    pub title: &'a str,
    pub credits: &'a str,
    /// CSS colours: the title's, the credits', the background's.
    pub ink: &'a str,
    pub soft: &'a str,
    pub paper: &'a str,
    /// The page's font family, as CSS gives it.
    pub font: &'a str,
}

const TITLE_SIZE: f64 = 15.0;
const CREDITS_SIZE: f64 = 11.0;
const LINE_HEIGHT: f64 = 1.35;
const PADDING: f64 = 10.0;

/// `text` broken at spaces into lines of at most `max_chars` characters; a longer word keeps a
/// line of its own.
pub fn wrap(text: &str, max_chars: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = line.chars().count() + 1 + word.chars().count();
        if !line.is_empty() && needed > max_chars {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The exported SVG document: `figure` (a serialised `<svg>` of `width` × `height`, which may
/// draw a little beyond its edges, like the timeline's first year) inside a margin, `caption`
/// wrapped to the same width below, all on the theme's background; its `<title>` is the
/// caption's title. Returns the document and its size.
pub fn framed_svg(figure: &str, width: f64, height: f64, caption: &Caption) -> (String, f64, f64) {
    // Lines are wrapped by counting characters, with the generous estimate: short lines.
    let chars = |size: f64| chars_in(width, size, Face::Text).max(12.0) as usize;
    let title = wrap(caption.title, chars(TITLE_SIZE));
    let credits = wrap(caption.credits, chars(CREDITS_SIZE));
    let mut y = PADDING + height + PADDING;
    let mut text = String::new();
    for (lines, size, weight, colour) in [
        (&title, TITLE_SIZE, "bold", caption.ink),
        (&credits, CREDITS_SIZE, "normal", caption.soft),
    ] {
        for line in lines {
            y += size * LINE_HEIGHT;
            let _ = write!(
                text,
                r#"<text x="{}" y="{}" font-size="{}" font-weight="{weight}" fill="{}">{}</text>"#,
                short(PADDING),
                crate::number::fixed(y - size * (LINE_HEIGHT - 1.0), 1),
                short(size),
                xml(colour),
                xml(line)
            );
        }
        y += PADDING / 2.0;
    }
    let total_width = width + 2.0 * PADDING;
    let total_height = (y + PADDING / 2.0).ceil();
    let svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{font}"><title>{title}</title><rect width="{w}" height="{h}" fill="{paper}"/><g transform="translate({pad} {pad})">{figure}</g>{text}</svg>"#,
        w = short(total_width),
        h = short(total_height),
        pad = short(PADDING),
        font = xml(caption.font),
        title = xml(caption.title),
        paper = xml(caption.paper),
    );
    (svg, total_width, total_height)
}

/// The columns of the CSV file, in order.
pub const CSV_COLUMNS: [&str; 13] = [
    "acronym",
    "name",
    "name_english",
    "countries",
    "country_codes",
    "founded",
    "founding_certainty",
    "founded_as_shown",
    "members",
    "website",
    "seat",
    "represented_by",
    "sources",
];

/// The associations as CSV (RFC 4180: commas, CRLF line ends, fields quoted where needed), oldest
/// first, with a byte-order mark so that spreadsheets read the accents right.
pub fn csv(data: &Dataset, t: &Strings) -> String {
    let mut out = String::from("\u{feff}");
    push_row(&mut out, CSV_COLUMNS.iter().map(|c| (*c).to_owned()));
    for association in data.associations_by_founding() {
        let founded = match &association.founded {
            Founding::Exact { year, .. } | Founding::Disputed { year, .. } => year.to_string(),
            Founding::Unknown { .. } => String::new(),
        };
        let sources: Vec<String> = source_ids(association)
            .into_iter()
            .map(|id| match data.source(id) {
                Some(source) => match &source.url {
                    Some(url) => format!("{} <{url}>", format::source_title(t, source)),
                    None => format::source_title(t, source),
                },
                None => id.to_owned(),
            })
            .collect();
        push_row(
            &mut out,
            [
                association.acronym.to_string(),
                association
                    .name_native
                    .as_deref()
                    .unwrap_or_default()
                    .to_owned(),
                t.about_association(&association.acronym, "name")
                    .unwrap_or_default()
                    .to_owned(),
                format::country_names(t, data, association.countries.iter().map(|c| &**c)),
                association.countries.join(" "),
                founded,
                certainty(&association.founded).to_owned(),
                format::founding(t, &association.founded),
                association
                    .members
                    .first()
                    .map(|count| {
                        format::members(
                            t,
                            count,
                            t.about_association(&association.acronym, "members.1"),
                        )
                    })
                    .unwrap_or_default(),
                association
                    .website
                    .as_deref()
                    .unwrap_or_default()
                    .to_owned(),
                t.about_association(&association.acronym, "seat")
                    .unwrap_or_default()
                    .to_owned(),
                association
                    .represented_by
                    .as_ref()
                    .map(|r| r.association.to_string())
                    .unwrap_or_default(),
                sources.join("; "),
            ],
        );
    }
    out
}

fn push_row(out: &mut String, fields: impl IntoIterator<Item = String>) {
    let fields: Vec<String> = fields.into_iter().map(|f| csv_field(&f)).collect();
    out.push_str(&fields.join(","));
    out.push_str("\r\n");
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

fn certainty(founded: &Founding) -> &'static str {
    match founded {
        Founding::Exact { .. } => "exact",
        Founding::Disputed { .. } => "disputed",
        Founding::Unknown { .. } => "unknown",
    }
}

/// Every source an association's facts cite, by id, each once, sorted.
fn source_ids(association: &Association) -> Vec<&str> {
    let other_years = match &association.founded {
        Founding::Disputed { other, .. } => &other[..],
        _ => &[],
    };
    let ids = [&association.sources[..], association.founded.sources()]
        .into_iter()
        .chain(other_years.iter().map(|year| &year.sources[..]))
        .chain(association.members.iter().map(|count| &count.sources[..]))
        .chain(
            association
                .joined_impala
                .iter()
                .map(|joined| &joined.sources[..]),
        )
        .chain(association.represented_by.iter().map(|by| &by.sources[..]))
        .chain(association.notes.iter().map(|note| &note.sources[..]))
        .flatten()
        .map(|id| &**id);
    crate::sorting::sorted_unique(ids)
}

/// The associations and their sources as JSON (UTF-8, pretty enough to read).
pub fn json(data: &Dataset, t: &Strings, exported: Date) -> String {
    let mut out = String::from("{\n");
    let _ = writeln!(out, "  \"title\": {},", string(t.title()));
    let _ = writeln!(out, "  \"language\": {},", string(t.code));
    let _ = writeln!(out, "  \"exported\": {},", string(&exported.iso()));
    out.push_str("  \"associations\": [\n");
    let associations = data.associations_by_founding();
    for (i, a) in associations.iter().enumerate() {
        let countries: Vec<String> = a
            .countries
            .iter()
            .map(|code| {
                let name = t.country_name(code, code);
                format!("{{\"code\": {}, \"name\": {}}}", string(code), string(name))
            })
            .collect();
        let founded = match &a.founded {
            Founding::Exact { year, .. } => {
                format!("{{\"certainty\": \"exact\", \"year\": {year}}}")
            }
            Founding::Disputed { year, other, .. } => {
                let others: Vec<String> = other.iter().map(|o| o.year.to_string()).collect();
                format!(
                    "{{\"certainty\": \"disputed\", \"year\": {year}, \"other_years\": [{}]}}",
                    others.join(", ")
                )
            }
            Founding::Unknown {
                earliest, latest, ..
            } => format!(
                "{{\"certainty\": \"unknown\", \"earliest\": {earliest}, \"latest\": {latest}}}"
            ),
        };
        let members: Vec<String> = a
            .members
            .iter()
            .enumerate()
            .map(|(n, m)| {
                let year = m.year.map_or_else(|| "null".to_owned(), |y| y.to_string());
                let detail = t.about_association(&a.acronym, &format!("members.{}", n + 1));
                format!(
                    "{{\"count\": {}, \"as_written\": {}, \"year\": {year}}}",
                    m.count,
                    string(&format::members(t, m, detail))
                )
            })
            .collect();
        let sources: Vec<String> = source_ids(a).into_iter().map(string).collect();
        let _ = write!(
            out,
            "    {{\"acronym\": {}, \"name\": {}, \"name_english\": {}, \"countries\": [{}], \
             \"founded\": {founded}, \"members\": [{}], \"website\": {}, \"seat\": {}, \
             \"description\": {}, \"sources\": [{}]}}",
            string(&a.acronym),
            optional(a.name_native.as_deref()),
            optional(t.about_association(&a.acronym, "name")),
            countries.join(", "),
            members.join(", "),
            optional(a.website.as_deref()),
            optional(t.about_association(&a.acronym, "seat")),
            string(
                t.about_association(&a.acronym, "description")
                    .unwrap_or_default()
            ),
            sources.join(", "),
        );
        out.push_str(if i + 1 < associations.len() {
            ",\n"
        } else {
            "\n"
        });
    }
    out.push_str("  ],\n  \"sources\": [\n");
    for (i, source) in data.sources.iter().enumerate() {
        let _ = write!(
            out,
            "    {{\"id\": {}, \"title\": {}, \"url\": {}}}",
            string(&source.id),
            string(&format::source_title(t, source)),
            optional(source.url.as_deref()),
        );
        out.push_str(if i + 1 < data.sources.len() {
            ",\n"
        } else {
            "\n"
        });
    }
    out.push_str("  ]\n}\n");
    out
}

/// A JSON string.
fn string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn optional(value: Option<&str>) -> String {
    value.map_or_else(|| "null".to_owned(), string)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::data::dataset;
    use crate::i18n::Lang;

    /// RFC 4180 records, as a spreadsheet would read them.
    fn parse_csv(text: &str) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let (mut row, mut field) = (Vec::new(), String::new());
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut field)),
                (false, '\r') => {}
                (false, '\n') => {
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => field.push(c),
            }
        }
        rows
    }

    #[test]
    fn the_csv_has_a_header_and_one_row_per_association() {
        let data = dataset();
        let text = csv(data, Lang::EN.strings());
        assert!(
            text.starts_with('\u{feff}'),
            "a byte-order mark for spreadsheets"
        );
        let rows = parse_csv(text.trim_start_matches('\u{feff}'));
        assert_eq!(rows[0], CSV_COLUMNS);
        assert_eq!(rows.len() - 1, data.associations.len());
        assert_eq!(rows.len() - 1, 22);
        for row in &rows {
            assert_eq!(row.len(), CSV_COLUMNS.len(), "{row:?}");
        }
        let column = |name: &str| CSV_COLUMNS.iter().position(|c| *c == name).unwrap_or(0);
        let by_acronym = |acronym: &str| {
            rows.iter()
                .find(|row| row[0] == acronym)
                .unwrap_or_else(|| panic!("no row for {acronym}"))
        };
        assert_eq!(rows[1][0], "SOM", "oldest first");
        assert_eq!(
            rows[22][column("founded")],
            "2018",
            "RUNDA, the youngest, last"
        );
        let runda = by_acronym("RUNDA");
        assert_eq!(runda[column("country_codes")].split(' ').count(), 8);
        let vtmo = by_acronym("VTMÖ");
        assert_eq!(vtmo[column("countries")], "Austria");
        let indiero = by_acronym("INDIERO");
        assert_eq!(indiero[column("founding_certainty")], "unknown");
        assert_eq!(indiero[column("founded")], "");
        assert_eq!(by_acronym("AIM")[column("founding_certainty")], "disputed");
        // Every association cites its sources, by title and address.
        for row in &rows[1..] {
            assert!(
                !row[column("sources")].is_empty(),
                "{} cites nothing",
                row[0]
            );
        }
        assert!(text.contains("\r\n"));
    }

    #[test]
    fn csv_fields_with_commas_and_quotes_are_quoted() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(
            parse_csv("\"a, b\",\"say \"\"hi\"\"\"\r\n"),
            [["a, b", "say \"hi\""]]
        );
    }

    #[test]
    fn the_files_speak_the_readers_language_and_keep_their_keys() {
        let fr = Lang::from_code("fr").map(Lang::strings).expect("French");
        let date = Date {
            year: 2026,
            month: 12,
            day: 4,
        };
        let value: serde_json::Value =
            serde_json::from_str(&json(dataset(), fr, date)).expect("the JSON parses");
        assert_eq!(value["language"], "fr");
        assert_eq!(value["title"], fr.title());
        let vut = value["associations"]
            .as_array()
            .and_then(|list| list.iter().find(|a| a["acronym"] == "VUT"))
            .expect("VUT");
        assert_eq!(vut["countries"][0]["name"], "Allemagne");
        let text = csv(dataset(), fr);
        let rows = parse_csv(text.trim_start_matches('\u{feff}'));
        assert_eq!(
            rows[0], CSV_COLUMNS,
            "the column names are the same in every language"
        );
        assert!(text.contains("Allemagne") && !text.contains("Germany"));
    }

    #[test]
    fn the_json_parses_and_names_every_source_it_cites() {
        let data = dataset();
        let date = Date {
            year: 2026,
            month: 11,
            day: 24,
        };
        let value: serde_json::Value =
            match serde_json::from_str(&json(data, Lang::EN.strings(), date)) {
                Ok(value) => value,
                Err(error) => panic!("the JSON does not parse: {error}"),
            };
        assert_eq!(value["exported"], "2026-11-24");
        let associations = value["associations"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert_eq!(associations.len(), 22);
        let sources = value["sources"].as_array().cloned().unwrap_or_default();
        let known: std::collections::BTreeSet<&str> =
            sources.iter().filter_map(|s| s["id"].as_str()).collect();
        for a in &associations {
            let cited = a["sources"].as_array().cloned().unwrap_or_default();
            assert!(!cited.is_empty(), "{} cites nothing", a["acronym"]);
            for id in &cited {
                assert!(
                    known.contains(id.as_str().unwrap_or_default()),
                    "{id} is not listed"
                );
            }
        }
        let runda = associations.iter().find(|a| a["acronym"] == "RUNDA");
        assert_eq!(
            runda.map(|a| a["countries"].as_array().map_or(0, Vec::len)),
            Some(8)
        );
        assert_eq!(string("a\"b\\c\n\u{1}"), "\"a\\\"b\\\\c\\n\\u0001\"");
    }

    #[test]
    fn file_names_say_what_and_when() {
        let date = Date {
            year: 2026,
            month: 3,
            day: 7,
        };
        assert_eq!(
            file_name("associations", date, "csv"),
            "impala-associations-2026-03-07.csv"
        );
        assert_eq!(file_name("map", date, "png"), "impala-map-2026-03-07.png");
        assert_eq!(
            Figure::of_view(View::Timeline).map(|f| file_name(f.subject(), date, "svg")),
            Some("impala-timeline-2026-03-07.svg".to_owned())
        );
        assert_eq!(Figure::of_view(View::Table), None);
    }

    #[test]
    fn wrap_breaks_at_spaces_within_the_width() {
        let credits = &crate::format::credits(
            Lang::from_code("fr").unwrap().strings(),
            crate::data::dataset(),
        );
        for width in [20, 40, 80] {
            let lines = wrap(credits, width);
            assert_eq!(
                lines.join(" "),
                credits.split_whitespace().collect::<Vec<_>>().join(" ")
            );
            assert!(
                lines.iter().all(|l| l.chars().count() <= width),
                "{lines:?}"
            );
            assert!(lines.windows(2).all(|w| {
                // Each line is as full as it can be: the next word did not fit.
                let next = w[1].split(' ').next().unwrap_or_default();
                w[0].chars().count() + 1 + next.chars().count() > width
            }));
        }
        assert_eq!(
            wrap("a verylongwordindeed b", 5),
            ["a", "verylongwordindeed", "b"]
        );
        assert!(wrap("   ", 10).is_empty());
    }

    #[test]
    fn the_framed_figure_has_its_title_and_credits_below_it() {
        let caption = Caption {
            title: "Maps & <timelines>",
            credits: &crate::format::credits(Lang::EN.strings(), crate::data::dataset()),
            ink: "rgb(0, 0, 0)",
            soft: "rgb(80, 80, 80)",
            paper: "rgb(255, 255, 255)",
            font: "\"Noto Sans\", sans-serif",
        };
        let figure = r#"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"></svg>"#;
        let (svg, width, height) = framed_svg(figure, 300.0, 200.0, &caption);
        assert_eq!(width, 300.0 + 2.0 * PADDING);
        assert!(height > 200.0 + 3.0 * CREDITS_SIZE, "{height}");
        assert!(svg.starts_with(&format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}""#
        )));
        assert!(svg.contains("<title>Maps &amp; &lt;timelines&gt;</title>"));
        assert!(svg.contains("font-family=\"&quot;Noto Sans&quot;, sans-serif\""));
        assert!(svg.contains(figure));
        // The credits, wrapped to 300 pixels, all there and all below the figure.
        let texts: Vec<&str> = svg.split("<text ").skip(1).collect();
        let words: Vec<&str> = texts
            .iter()
            .filter(|t| t.contains("font-size=\"11\""))
            .filter_map(|t| t.split('>').nth(1)?.split('<').next())
            .collect();
        assert!(words.len() > 1, "{texts:?}");
        assert_eq!(
            words.join(" "),
            xml(&crate::format::credits(
                Lang::EN.strings(),
                crate::data::dataset()
            ))
        );
        for text in &texts {
            let y: f64 = text
                .split("y=\"")
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .and_then(|y| y.parse().ok())
                .unwrap_or_default();
            assert!(y > PADDING + 200.0 && y < height, "{text}");
        }
    }
}
