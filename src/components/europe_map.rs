//! The map of Europe: every prepared country shape, the covered ones filled.

use crate::data::dataset;
use crate::geo::europe::EUROPE;
use yew::prelude::*;

/// An SVG map with one path per country; covered countries carry the class `member`.
#[function_component(EuropeMap)]
pub fn europe_map() -> Html {
    let data = dataset();
    let covered = data.covered_country_codes();
    let is_member = |id: Option<&str>| id.is_some_and(|id| covered.binary_search(&id).is_ok());
    let view_box = format!("0 0 {} {}", EUROPE.width, EUROPE.height);
    // Context countries first, so the members' borders are drawn on top.
    let context = EUROPE.countries.iter().filter(|s| !is_member(s.id));
    let members = EUROPE.countries.iter().filter(|s| is_member(s.id));
    html! {
        <figure class="map-figure">
            <svg class="europe-map" viewBox={view_box} role="img"
                aria-labelledby="map-title" aria-describedby="map-desc" preserveAspectRatio="xMidYMid meet">
                <title id="map-title">{ "Map of Europe" }</title>
                <desc id="map-desc">
                    { format!("The {} countries covered by IMPALA's national associations are filled in colour; other countries are grey.", covered.len()) }
                </desc>
                <rect class="sea" x="0" y="0" width={EUROPE.width.to_string()} height={EUROPE.height.to_string()} />
                <g class="context">
                    for shape in context {
                        <path class="country" d={shape.d} data-country={shape.id}>
                            <title>{ shape.name }</title>
                        </path>
                    }
                </g>
                <g class="members">
                    for shape in members {
                        <path class="country member" d={shape.d} data-country={shape.id}>
                            <title>{ data.country(shape.id.unwrap_or_default()).map_or(shape.name, |c| &*c.name) }</title>
                        </path>
                    }
                </g>
            </svg>
            <figcaption class="map-legend">
                <span class="legend-item">
                    <span class="swatch swatch-member" aria-hidden="true"></span>{ "covered by an IMPALA member association" }
                </span>
                <span class="legend-item">
                    <span class="swatch swatch-other" aria-hidden="true"></span>{ "other countries" }
                </span>
            </figcaption>
        </figure>
    }
}
