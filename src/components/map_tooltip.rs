//! The tooltip over the map: a country and its association(s), placed towards the middle of the
//! map so that it stays on screen. It repeats what the country's accessible name says, so screen
//! readers skip it.

use super::use_strings;
use crate::data::dataset;
use crate::format;
use crate::geo::order::tooltip_placement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MapTooltipProps {
    pub code: &'static str,
    /// The anchor, in pixels from the map frame's top left corner.
    pub at: [f64; 2],
    /// The map frame's size in pixels.
    pub frame: [f64; 2],
}

#[function_component(MapTooltip)]
pub fn map_tooltip(props: &MapTooltipProps) -> Html {
    let data = dataset();
    let placement = tooltip_placement(props.at, props.frame);
    let t = use_strings();
    let name = format::country_name(t, data, props.code);
    // Placed through the element's style object, not a `style` attribute, which a page under
    // `style-src 'self'` would refuse.
    let tip = use_node_ref();
    {
        let tip = tip.clone();
        let at = props.at.map(|v| crate::number::fixed(v, 0));
        use_effect_with(at, move |[left, top]| {
            if let Some(tip) = tip.cast::<web_sys::HtmlElement>() {
                let style = tip.style();
                let _ = style.set_property("left", &format!("{left}px"));
                let _ = style.set_property("top", &format!("{top}px"));
            }
        });
    }
    html! {
        <div ref={tip} class={class_list!("map-tooltip", placement.left.then_some("left"), placement.above.then_some("above"))}
            aria-hidden="true" data-country={props.code}>
            <p class="tooltip-country">{ name }</p>
            <ul class="tooltip-associations">
                for association in data.associations_in(props.code) {
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
