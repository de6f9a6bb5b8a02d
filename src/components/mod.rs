//! The user interface: one Yew function component per file. Components render from props, state
//! and the embedded data alone (no `web_sys` calls, clocks or randomness while rendering); the
//! state changes only through `crate::state::Action`s.

mod app;
mod association_list;
mod association_table;
mod details;
mod europe_map;
mod headline;
mod map_controls;
mod map_legend;
mod map_tooltip;
mod search_box;

pub use app::App;
pub use association_list::AssociationList;
pub use association_table::AssociationTable;
pub use details::Details;
pub use europe_map::EuropeMap;
pub use headline::HeadlineFigures;
pub use map_controls::MapControls;
pub use map_legend::MapLegend;
pub use map_tooltip::MapTooltip;
pub use search_box::SearchBox;
