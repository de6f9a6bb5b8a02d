//! The download buttons: the view's figure (the map, or the timeline) as it is on screen, with its
//! title and credits (SVG, or PNG at twice its size), and the data with its sources (CSV for
//! spreadsheets, JSON). Files are named by what they hold and the day
//! (`crate::export::file_name`).

use super::use_strings;
use crate::data::dataset;
use crate::export::{csv, file_name, json, Figure};
use crate::hooks::{download_figure_png, download_figure_svg, download_text, today, use_toolbar};
use crate::i18n::Strings;
use yew::prelude::*;

/// One kind of file.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Svg(Figure),
    Png(Figure),
    Csv,
    Json,
}

impl Kind {
    /// The files on offer: the figure's images, when the view has a figure, and the data.
    fn offered(figure: Option<Figure>) -> impl Iterator<Item = Kind> {
        let images = figure.map(|figure| [Kind::Svg(figure), Kind::Png(figure)]);
        images.into_iter().flatten().chain([Kind::Csv, Kind::Json])
    }

    fn label(self, t: &Strings) -> &'static str {
        match self {
            Kind::Svg(Figure::Map) => t.download_map_svg(),
            Kind::Png(Figure::Map) => t.download_map_png(),
            Kind::Svg(Figure::Timeline) => t.download_timeline_svg(),
            Kind::Png(Figure::Timeline) => t.download_timeline_png(),
            Kind::Csv => t.download_csv(),
            Kind::Json => t.download_json(),
        }
    }

    fn key(self) -> &'static str {
        match self {
            Kind::Svg(_) => "svg",
            Kind::Png(_) => "png",
            Kind::Csv => "csv",
            Kind::Json => "json",
        }
    }

    fn save(self, t: &Strings) {
        let date = today();
        match self {
            Kind::Svg(figure) => {
                download_figure_svg(figure, t, &file_name(figure.subject(), date, "svg"));
            }
            Kind::Png(figure) => {
                download_figure_png(figure, t, &file_name(figure.subject(), date, "png"));
            }
            Kind::Csv => download_text(
                &file_name("associations", date, "csv"),
                "text/csv;charset=utf-8",
                &csv(dataset(), t),
            ),
            Kind::Json => download_text(
                &file_name("associations", date, "json"),
                "application/json",
                &json(dataset(), t, date),
            ),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct DownloadsProps {
    /// The view's figure; the table view has none.
    pub figure: Option<Figure>,
}

#[function_component(Downloads)]
pub fn downloads(props: &DownloadsProps) -> Html {
    let t = use_strings();
    let offered: Vec<Kind> = Kind::offered(props.figure).collect();
    let bar = use_toolbar(0, offered.len());
    bar.container(
        "button-row downloads",
        t.download(),
        html! {
            <>
                <span class="button-row-label" aria-hidden="true">{ t.download() }</span>
                for (index, kind) in offered.into_iter().enumerate() {
                    <button type="button" class="view-button" data-download={kind.key()} tabindex={bar.tabindex(index)}
                        onclick={Callback::from(move |_: MouseEvent| kind.save(t))}>{ kind.label(t) }</button>
                }
            </>
        },
    )
}
