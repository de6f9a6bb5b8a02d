//! The map's legend and the switch between its two colourings: by association (each with its
//! colour) and by founding period (each decade with its number of associations).

use super::use_strings;
use crate::data::dataset;
use crate::geo::europe::EUROPE;
use crate::hooks::use_toolbar;
use crate::palette::{period_of, periods, slot_class, AssociationSlots};
use crate::state::Action;
use crate::vocab::Colouring;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MapLegendProps {
    pub colouring: Colouring,
    pub dispatch: Callback<Action>,
}

#[function_component(MapLegend)]
pub fn map_legend(props: &MapLegendProps) -> Html {
    let data = dataset();
    let t = use_strings();
    // One Tab stop: the arrow keys go between the two colourings, in this order.
    let index_of = |colouring: Colouring| usize::from(colouring == Colouring::Period);
    let bar = use_toolbar(index_of(props.colouring), 2);
    let switch = |colouring: Colouring, label: &'static str, key: &'static str| {
        let dispatch = props.dispatch.clone();
        let pressed = props.colouring == colouring;
        let index = index_of(colouring);
        let onclick =
            Callback::from(move |_: MouseEvent| dispatch.emit(Action::SetColouring(colouring)));
        html! {
            <button type="button" class="view-button" data-colouring={key} tabindex={bar.tabindex(index)}
                aria-pressed={pressed.to_string()} {onclick}>{ label }</button>
        }
    };
    let items = match props.colouring {
        Colouring::Association => {
            let slots = AssociationSlots::new(data, &EUROPE);
            let mut associations: Vec<_> = data.associations.iter().collect();
            crate::sorting::sort_by_key(&mut associations, |a| {
                crate::data::query::fold(&a.acronym)
            });
            let used: Vec<u8> = (0..slots.slot_count()).collect();
            html! {
                <>
                    <li class="legend-item">
                        <span class="swatch-row" aria-hidden="true">
                            for slot in used {
                                <span class={class_list!("swatch", slot_class(slot))}></span>
                            }
                        </span>
                        { t.legend_one_colour() }
                    </li>
                    <li class="legend-item">
                        <span class="swatch swatch-striped" aria-hidden="true"></span>{ t.legend_stripes() }
                    </li>
                    <li class="legend-item legend-more">
                        <details>
                            <summary>{ t.legend_which() }</summary>
                            <ul class="legend-items legend-associations">
                                for association in associations {
                                    <li class="legend-item">
                                        <span class={class_list!("swatch", slots.slot_of(&association.acronym).map(slot_class))} aria-hidden="true"></span>
                                        { &*association.acronym }
                                    </li>
                                }
                            </ul>
                        </details>
                    </li>
                </>
            }
        }
        Colouring::Period => html! {
            <>
                for period in periods(data) {
                    <li class="legend-item">
                        <span class={class_list!("swatch", period.class())} aria-hidden="true"></span>
                        { format!("{} ({})", period.label(t),
                            data.associations.iter().filter(|a| period_of(&a.founded) == period).count()) }
                    </li>
                }
            </>
        },
    };
    html! {
        <div class="map-legend">
            { bar.container("colouring-switch view-switch", t.colour_by(), html! { <>
                { switch(Colouring::Association, t.by_association(), "association") }
                { switch(Colouring::Period, t.by_period(), "period") }
            </> }) }
            <ul class="legend-items" aria-label={t.legend()}>
                { items }
                <li class="legend-item">
                    <span class="swatch swatch-other" aria-hidden="true"></span>{ t.legend_no_member() }
                </li>
            </ul>
        </div>
    }
}
