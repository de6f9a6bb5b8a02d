//! The on-screen zoom buttons: in, out, all of Europe, and the selection.

use crate::state::{Action, Zoom};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MapControlsProps {
    pub dispatch: Callback<Action>,
    pub has_selection: bool,
    pub at_home: bool,
}

#[function_component(MapControls)]
pub fn map_controls(props: &MapControlsProps) -> Html {
    let zoom = |zoom: Zoom| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Zoom(zoom)))
    };
    html! {
        <div class="map-controls" role="group" aria-label="Zoom">
            <button type="button" class="zoom-in" aria-label="Zoom in" title="Zoom in (+)"
                onclick={zoom(Zoom::In(None))}>{ "+" }</button>
            <button type="button" class="zoom-out" aria-label="Zoom out" title="Zoom out (−)"
                disabled={props.at_home} onclick={zoom(Zoom::Out(None))}>{ "−" }</button>
            <button type="button" class="zoom-reset" aria-label="Show all of Europe" title="Show all of Europe (0)"
                disabled={props.at_home} onclick={zoom(Zoom::Reset)}>
                <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                    <path d="M2 6V2h4M14 6V2h-4M2 10v4h4M14 10v4h-4" />
                </svg>
            </button>
            <button type="button" class="zoom-selection" aria-label="Zoom to the selection" title="Zoom to the selection"
                disabled={!props.has_selection} onclick={zoom(Zoom::ToSelection)}>
                <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                    <circle cx="7" cy="7" r="4.5" /><path d="M10.5 10.5L14 14M5 7h4M7 5v4" />
                </svg>
            </button>
        </div>
    }
}
