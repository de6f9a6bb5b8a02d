//! The user interface: Yew function components, a file for each part of the page (a file may hold
//! the small components its part is made of: the map's shapes and labels are components of their
//! own in `map_layers.rs`, so a hover skips them; the map itself, `europe_map.rs`, forwards its
//! events to `crate::gesture`). Components render from props, state
//! and the embedded data alone (no `web_sys` calls, clocks or randomness while rendering); the
//! state changes only through `crate::state::Action`s. Their words come from the language the app
//! provides as a context ([`use_strings`]).

use yew::Html;

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
pub use map_tooltip::MapTooltip;
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
        None => match t.about(&association.acronym, "name") {
            Some(name) => (name, None),
            None => return Html::default(),
        },
    };
    yew::html! { <span class={class} lang={lang}>{ name }</span> }
}

/// The lede, IMPALA's full name (English, from the data) marked as English.
pub(crate) fn lede(t: &crate::i18n::Strings) -> Html {
    let (before, after) = crate::i18n::around(t.lede, "impala");
    let name: &'static str = &crate::data::dataset().impala.name;
    yew::html! { <>{ before }<span lang="en">{ name }</span>{ after }</> }
}

/// The credits line, IMPALA's article's title marked with its own language.
pub(crate) fn credits(t: &crate::i18n::Strings) -> Html {
    let (before, after) = crate::i18n::around(t.credits, "article");
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
