//! The user interface: one Yew function component per file. Components render from props, state
//! and the embedded data alone (no `web_sys` calls, clocks or randomness while rendering); the
//! state changes only through `crate::state::Action`s.

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
mod map_legend;
mod map_tooltip;
mod qr_code;
mod search_box;
mod theme_switch;
mod timeline;
mod year_bar;

pub use app::App;
pub use association_list::AssociationList;
pub use association_table::AssociationTable;
pub use details::Details;
pub use downloads::Downloads;
pub use embed_dialog::EmbedDialog;
pub use europe_map::EuropeMap;
pub use growth_chart::GrowthChart;
pub use headline::HeadlineFigures;
pub use map_controls::MapControls;
pub use map_legend::MapLegend;
pub use map_tooltip::MapTooltip;
pub use qr_code::QrCode;
pub use search_box::SearchBox;
pub use theme_switch::ThemeSwitch;
pub use timeline::Timeline;
pub use year_bar::YearBar;

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
