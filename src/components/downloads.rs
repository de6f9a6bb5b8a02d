//! The download buttons: the map as it is on screen (SVG, or PNG at twice its size) and the data
//! with its sources (CSV for spreadsheets, JSON). Files are named by what they hold and the day
//! (`crate::export::file_name`).

use super::use_strings;
use crate::data::dataset;
use crate::export::{csv, file_name, json};
use crate::hooks::{download_map_png, download_map_svg, download_text, today};
use crate::i18n::Strings;
use yew::prelude::*;

/// One kind of file.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    MapSvg,
    MapPng,
    Csv,
    Json,
}

impl Kind {
    const ALL: [Kind; 4] = [Kind::MapSvg, Kind::MapPng, Kind::Csv, Kind::Json];

    fn label(self, t: &Strings) -> &'static str {
        match self {
            Kind::MapSvg => t.download_map_svg,
            Kind::MapPng => t.download_map_png,
            Kind::Csv => t.download_csv,
            Kind::Json => t.download_json,
        }
    }

    fn key(self) -> &'static str {
        match self {
            Kind::MapSvg => "svg",
            Kind::MapPng => "png",
            Kind::Csv => "csv",
            Kind::Json => "json",
        }
    }

    fn save(self) {
        let date = today();
        match self {
            Kind::MapSvg => download_map_svg(&file_name("map", date, "svg")),
            Kind::MapPng => download_map_png(&file_name("map", date, "png")),
            Kind::Csv => download_text(
                &file_name("associations", date, "csv"),
                "text/csv;charset=utf-8",
                &csv(dataset()),
            ),
            Kind::Json => download_text(
                &file_name("associations", date, "json"),
                "application/json",
                &json(dataset(), date),
            ),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct DownloadsProps {
    /// Whether a map is on the page (the map and timeline views); the table view has none.
    pub has_map: bool,
}

#[function_component(Downloads)]
pub fn downloads(props: &DownloadsProps) -> Html {
    let t = use_strings();
    html! {
        <div class="button-row downloads" role="group" aria-label={t.download}>
            <span class="button-row-label" aria-hidden="true">{ t.download }</span>
            for kind in Kind::ALL {
                if props.has_map || matches!(kind, Kind::Csv | Kind::Json) {
                    <button type="button" class="view-button" data-download={kind.key()}
                        onclick={Callback::from(move |_: MouseEvent| kind.save())}>{ kind.label(t) }</button>
                }
            }
        </div>
    }
}
