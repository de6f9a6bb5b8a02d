//! The data model: what the app knows about IMPALA, its national associations, the countries they
//! cover and IMPALA's milestones, with the source of every fact.
//!
//! One set of types serves three uses: the build script deserialises `data/associations.toml`
//! into them (owned `Cow`s), checks them (`validate.rs`) and writes them back out as Rust source
//! (`bake.rs`) that the app embeds as a `static` (borrowed `Cow`s, no parsing at run time). This
//! file is also compiled into `build.rs` by path, so it may use only `std` and `serde`.
//!
//! Years are calendar years (`u16`). Country codes are ISO 3166-1 alpha-2, with `XK` for Kosovo.
//! Sources are named by the `id` of a `[[source]]` entry.

use serde::Deserialize;
use std::borrow::Cow;

/// A piece of text: borrowed from the embedded data, owned when freshly parsed.
pub type Text = Cow<'static, str>;
/// A list: borrowed from the embedded data, owned when freshly parsed.
pub type List<T> = Cow<'static, [T]>;

/// A value that can print itself as a Rust constant expression: how the build script embeds the
/// checked data (`bake.rs` implements it for the model's leaves: texts, lists, numbers, enums;
/// [`data_struct!`] for every struct). Defined here so that the model does not depend on
/// `bake.rs`, which depends on it.
pub trait Bake {
    fn bake(&self, out: &mut String);
}

/// Declares a data struct once: its fields, its serde form and its `Bake` impl (Rust source out).
macro_rules! data_struct {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$field_meta:meta])* pub $field:ident : $ty:ty, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $( $(#[$field_meta])* pub $field: $ty, )*
        }

        impl Bake for $name {
            fn bake(&self, out: &mut String) {
                out.push_str(concat!(stringify!($name), " {"));
                $(
                    out.push_str(concat!(stringify!($field), ": "));
                    self.$field.bake(out);
                    out.push_str(", ");
                )*
                out.push('}');
            }
        }
    };
}

data_struct! {
    /// Everything the app shows, as read from the data file.
    pub struct Dataset {
        /// IMPALA itself.
        pub impala: Impala,
        /// Where the facts come from; other entries name these by `id`.
        #[serde(rename = "source", default)]
        pub sources: List<Source>,
        /// The countries covered by at least one association.
        #[serde(rename = "country", default)]
        pub countries: List<Country>,
        /// The territories, as IMPALA's article groups the associations.
        #[serde(rename = "territory", default)]
        pub territories: List<Territory>,
        /// The national associations that are members of IMPALA.
        #[serde(rename = "association", default)]
        pub associations: List<Association>,
        /// IMPALA's own milestones.
        #[serde(rename = "milestone", default)]
        pub milestones: List<Milestone>,
    }
}

data_struct! {
    /// IMPALA, the Independent Music Companies Association.
    pub struct Impala {
        pub acronym: Text,
        pub name: Text,
        /// Founding year.
        pub founded: u16,
        /// Country of the seat (alpha-2).
        pub seat_country: Text,
        #[serde(default)]
        pub website: Option<Text>,
        #[serde(default)]
        pub sources: List<Text>,
    }
}

data_struct! {
    /// A publication that facts are taken from.
    pub struct Source {
        /// Short name other entries use to cite it, e.g. `article`.
        pub id: Text,
        /// The publication's or publisher's own name, as published (e.g. "BBC News", "SOM 50 år"),
        /// shown in its own language inside the language file's words for the source. `None`
        /// when there is no name to quote ("a Swiss newspaper article").
        #[serde(default)]
        pub title: Option<Text>,
        /// The language of `title` (BCP 47 primary subtag). Required with `title`.
        #[serde(default)]
        pub lang: Option<Text>,
        /// Where to read it, when it is online.
        #[serde(default)]
        pub url: Option<Text>,
    }
}

data_struct! {
    /// A country on the map.
    pub struct Country {
        /// ISO 3166-1 alpha-2 (Kosovo: `XK`).
        pub code: Text,
        /// The name in the country's own language(s), official ones first.
        #[serde(default)]
        pub native_names: List<Text>,
    }
}

data_struct! {
    /// A territory: one numbered entry of the article's list; one or more associations.
    pub struct Territory {
        /// Short name associations use to refer to it, e.g. `france`.
        pub id: Text,
        /// Its number in the article's list (1 to 20), when it has one.
        #[serde(default)]
        pub article_entry: Option<u8>,
    }
}

data_struct! {
    /// A national (or trans-national) association of independent record labels.
    pub struct Association {
        /// Short name, unique, e.g. `AIM`.
        pub acronym: Text,
        /// Full name in its own language, when known. Without it, the language files give the
        /// name (`association.<acronym>.name`) in each language.
        #[serde(default)]
        pub name_native: Option<Text>,
        /// The language of `name_native`, as a BCP 47 tag (`de`, `pt`), so that it is marked
        /// and read out in that language. Required with `name_native`.
        #[serde(default)]
        pub name_native_lang: Option<Text>,
        /// The `id` of its territory.
        #[serde(default)]
        pub territory: Text,
        /// Countries it covers (alpha-2).
        #[serde(default)]
        pub countries: List<Text>,
        /// When it was founded, and how sure that is.
        pub founded: Founding,
        /// Home page.
        #[serde(default)]
        pub website: Option<Text>,
        /// Membership counts, the one to show first.
        #[serde(default)]
        pub members: List<MemberCount>,
        /// Another IMPALA member that represents it within IMPALA.
        #[serde(default)]
        pub represented_by: Option<Representation>,
        /// When it joined IMPALA, where that is known separately from its founding.
        #[serde(default)]
        pub joined_impala: Option<Joining>,
        /// Further facts worth telling, each with its sources.
        #[serde(default)]
        pub notes: List<Note>,
        /// Sources of its names, territory and countries.
        #[serde(default)]
        pub sources: List<Text>,
    }
}

/// When an association was founded, and how certain that is.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(tag = "certainty", rename_all = "lowercase", deny_unknown_fields)]
pub enum Founding {
    /// The sources agree (or only one source gives a year).
    Exact { year: u16, sources: List<Text> },
    /// Sources disagree: `year` is the one the app shows first (IMPALA's article, where it gives
    /// one); `other` lists each other year with its sources.
    Disputed {
        year: u16,
        sources: List<Text>,
        #[serde(default)]
        other: List<OtherYear>,
    },
    /// No source gives the year; it lies between `earliest` and `latest` (inclusive).
    Unknown {
        earliest: u16,
        latest: u16,
        sources: List<Text>,
    },
}

data_struct! {
    /// A founding year that another source gives.
    pub struct OtherYear {
        pub year: u16,
        pub sources: List<Text>,
    }
}

data_struct! {
    /// A membership count.
    pub struct MemberCount {
        pub count: u32,
        /// How the source puts it.
        #[serde(default)]
        pub qualifier: Qualifier,
        /// The year of the count, when known.
        #[serde(default)]
        pub year: Option<u16>,
        /// What is counted, when not member companies (e.g. "labels").
        #[serde(default)]
        pub unit: Option<Text>,
        pub sources: List<Text>,
    }
}

/// How exact a count is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    #[default]
    Exact,
    About,
    Over,
    CloseTo,
}

data_struct! {
    /// Another association represents this one within IMPALA.
    pub struct Representation {
        /// The representing association's acronym.
        pub association: Text,
        pub sources: List<Text>,
    }
}

data_struct! {
    /// The year an association joined IMPALA.
    pub struct Joining {
        pub year: u16,
        pub sources: List<Text>,
    }
}

data_struct! {
    /// A further fact about an association: its words are in the language files
    /// (`association.<acronym>.notes`, in the data's order), its sources here.
    pub struct Note {
        pub sources: List<Text>,
    }
}

data_struct! {
    /// One of IMPALA's milestones.
    pub struct Milestone {
        /// Short name, unique; the language files give its title and description by it.
        pub id: Text,
        /// The year or years it happened in, ascending.
        pub years: List<u16>,
        /// True when the work it started goes on.
        #[serde(default)]
        pub ongoing: bool,
        pub category: Category,
        pub sources: List<Text>,
    }
}

/// What kind of milestone it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Mergers, divestments and market concentration.
    Competition,
    /// Licensing deals and disputes with online services.
    Digital,
    /// European law, programmes and funding.
    Policy,
    /// Structures, networks and commitments built for the sector.
    Sector,
}

impl Founding {
    /// The year to show, when one is known (for a disputed year, the primary one).
    pub fn year(&self) -> Option<u16> {
        match self {
            Founding::Exact { year, .. } | Founding::Disputed { year, .. } => Some(*year),
            Founding::Unknown { .. } => None,
        }
    }

    /// The year to sort and place by: the shown year, or the start of the unknown range.
    pub fn sort_year(&self) -> u16 {
        match self {
            Founding::Exact { year, .. } | Founding::Disputed { year, .. } => *year,
            Founding::Unknown { earliest, .. } => *earliest,
        }
    }

    /// The sources of the shown year (or range).
    pub fn sources(&self) -> &[Text] {
        match self {
            Founding::Exact { sources, .. }
            | Founding::Disputed { sources, .. }
            | Founding::Unknown { sources, .. } => sources,
        }
    }
}
