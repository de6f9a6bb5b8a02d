//! The tooltip over the map: a country and its association(s), placed towards the middle of the
//! map so that it stays on screen. It repeats what the country's accessible name says, so screen
//! readers skip it. Drawn by the map's hover layer (`map_layers::MapHover`), which places it.

use crate::data::dataset;
use crate::format;
use crate::geo::order::tooltip_placement;
use crate::i18n::Strings;
use yew::prelude::*;

/// Where the tooltip is: the country, and its anchor in pixels from the map frame's top left
/// corner.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TooltipAt {
    pub code: &'static str,
    pub at: [f64; 2],
}

/// The tooltip's anchor as its `left` and `top`, in whole pixels.
pub fn tooltip_position(at: [f64; 2]) -> [String; 2] {
    at.map(|v| format!("{}px", crate::number::fixed(v, 0)))
}

/// The tooltip for `tip` in a map frame of `frame` pixels. Its `left` and `top` are set through
/// `node`'s style object (`tooltip_position`), not a `style` attribute, which a page under
/// `style-src 'self'` would refuse.
pub fn tooltip(t: &'static Strings, tip: TooltipAt, frame: [f64; 2], node: NodeRef) -> Html {
    let data = dataset();
    let placement = tooltip_placement(tip.at, frame);
    let name = format::country_name(t, data, tip.code);
    html! {
        <div ref={node} class={class_list!("map-tooltip", placement.left.then_some("left"), placement.above.then_some("above"))}
            aria-hidden="true" data-country={tip.code}>
            <p class="tooltip-country">{ name }</p>
            <ul class="tooltip-associations">
                for association in data.associations_in(tip.code) {
                    <li>
                        <strong>{ &*association.acronym }</strong>
                        { " " }
                        <span>{ format::founded_phrase(t, &association.founded) }</span>
                    </li>
                }
            </ul>
        </div>
    }
}
