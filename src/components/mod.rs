//! The user interface: one Yew function component per file. Components render from props, state
//! and the embedded data alone (no `web_sys` calls, clocks or randomness while rendering).

mod app;
mod association_list;
mod europe_map;
mod headline;

pub use app::App;
pub use association_list::AssociationList;
pub use europe_map::EuropeMap;
pub use headline::HeadlineFigures;
