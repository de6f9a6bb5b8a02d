//! The user interface: Yew function components, a file for each part of the page (a file may hold
//! the small components its part is made of: the map's shapes, labels and hover layer are
//! components of their own in `map_layers.rs`, so that a hover re-renders the hover layer alone;
//! the map itself, `europe_map.rs`, forwards its events to `crate::gesture`). Components render
//! from props, state and the embedded data alone (no `web_sys` calls, clocks or randomness while
//! rendering); the state changes only through `crate::state::Action`s (what is hovered, through
//! the same actions, lives in `crate::hooks::HoverStore`). Their words come from the language the
//! app provides as a context ([`use_strings`]).

use yew::Html;

/// A `class` attribute from its parts, in order: `&str`s, `String`s and `Option`s of them (`None`
/// and empty parts are left out; no parts at all, no attribute). What Yew's `classes!` gives,
/// built as one string, without the hashed set `classes!` builds for every element at every
/// render (and its code in the wasm).
macro_rules! class_list {
    ($($part:expr),+ $(,)?) => {{
        let mut list = String::new();
        $( $crate::components::ClassPart::push_to(&$part, &mut list); )+
        (!list.is_empty()).then(|| yew::AttrValue::from(list))
    }};
}

/// What [`class_list!`] takes as a part.
pub(crate) trait ClassPart {
    /// Appends this part to `list`, after a space when `list` is not empty.
    fn push_to(&self, list: &mut String);
}

impl ClassPart for &str {
    fn push_to(&self, list: &mut String) {
        if !self.is_empty() {
            if !list.is_empty() {
                list.push(' ');
            }
            list.push_str(self);
        }
    }
}

impl ClassPart for String {
    fn push_to(&self, list: &mut String) {
        self.as_str().push_to(list);
    }
}

impl<T: ClassPart> ClassPart for Option<T> {
    fn push_to(&self, list: &mut String) {
        if let Some(part) = self {
            part.push_to(list);
        }
    }
}

mod app;
mod association_list;
mod association_table;
mod details;
mod downloads;
mod embed_dialog;
mod europe_map;
mod growth_chart;
mod headline;
mod map_controls;
mod map_keys;
mod map_layers;
mod map_legend;
mod map_tooltip;
mod qr_code;
mod search_box;
mod switches;
mod timeline;
mod year_bar;

pub use app::{App, AppProps};
pub use association_list::AssociationList;
pub use association_table::AssociationTable;
pub use details::Details;
pub use downloads::Downloads;
pub use embed_dialog::EmbedDialog;
pub use europe_map::EuropeMap;
pub use growth_chart::GrowthChart;
pub use headline::HeadlineFigures;
pub use map_controls::MapControls;
pub use map_keys::MapKeys;
pub use map_legend::MapLegend;
pub use qr_code::QrCode;
pub use search_box::SearchBox;
pub use switches::{LangSwitch, ThemeSwitch};
pub use timeline::Timeline;
pub use year_bar::YearBar;

/// The words of the interface's language, which the app provides as a context.
#[yew::hook]
pub(crate) fn use_strings() -> &'static crate::i18n::Strings {
    yew::use_context::<crate::i18n::Lang>()
        .unwrap_or_default()
        .strings()
}

/// An association's full name as it leads: its own language's, marked with that language, else
/// the name the reader's language file gives it.
pub(crate) fn own_name(
    t: &crate::i18n::Strings,
    association: &'static crate::data::Association,
    class: &'static str,
) -> Html {
    let (name, lang): (&'static str, Option<&'static str>) = match &association.name_native {
        Some(native) => (native, association.name_native_lang.as_deref()),
        None => match t.about_association(&association.acronym, "name") {
            Some(name) => (name, None),
            None => return Html::default(),
        },
    };
    yew::html! { <span class={class} lang={lang}>{ name }</span> }
}

/// The lede, IMPALA's full name (English, from the data) marked as English.
pub(crate) fn lede(t: &crate::i18n::Strings) -> Html {
    let (before, after) = crate::i18n::around(t.lede(), "impala");
    let name: &'static str = &crate::data::dataset().impala.name;
    yew::html! { <>{ before }<span lang="en">{ name }</span>{ after }</> }
}

/// The credits line, IMPALA's article's title marked with its own language.
pub(crate) fn credits(t: &crate::i18n::Strings) -> Html {
    let (before, after) = crate::i18n::around(t.credits(), "article");
    let article = crate::data::dataset().source("article");
    let title = article.and_then(|a| a.title.as_deref()).unwrap_or_default();
    let lang = article.and_then(|a| a.lang.as_deref());
    yew::html! { <>{ before }<cite lang={lang}>{ title }</cite>{ after }</> }
}

/// The class that shows how an association or a country stands in the slider's year.
pub(crate) fn status_class(status: crate::growth::Status) -> &'static str {
    use crate::growth::Status;
    match status {
        Status::NotYet => "not-yet",
        Status::Possibly => "possibly",
        Status::FoundedThisYear => "new",
        Status::Founded => "present",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_class_list_joins_its_parts_in_order_and_leaves_out_the_empty_ones() {
        let selected = true;
        let list = class_list!(
            "country",
            String::from("fill-a1"),
            "",
            None::<&str>,
            selected.then_some("selected"),
            Some(String::from("present")),
        );
        assert_eq!(list.as_deref(), Some("country fill-a1 selected present"));
        assert_eq!(class_list!(None::<&str>, ""), None, "no attribute at all");
    }
}
