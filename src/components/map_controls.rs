//! The on-screen zoom buttons (in, out, all of Europe, the selection) and the button that opens
//! the map's keyboard help. They come before the map in Tab order.

use super::use_strings;
use crate::hooks::use_toolbar;
use crate::state::{Action, Zoom};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MapControlsProps {
    pub dispatch: Callback<Action>,
    pub has_selection: bool,
    pub at_home: bool,
    /// The keyboard help is open.
    pub help: bool,
    pub toggle_help: Callback<()>,
}

#[function_component(MapControls)]
pub fn map_controls(props: &MapControlsProps) -> Html {
    let t = use_strings();
    let zoom = |zoom: Zoom| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Zoom(zoom)))
    };
    // One Tab stop: the arrow keys go between the enabled buttons.
    let bar = use_toolbar(0, 5);
    bar.column(
        "map-controls",
        t.zoom(),
        html! {
            <>
                <button type="button" class="zoom-in" tabindex={bar.tabindex(0)} aria-label={t.zoom_in()} title={format!("{} (+)", t.zoom_in())}
                    onclick={zoom(Zoom::In(None))}>{ "+" }</button>
                <button type="button" class="zoom-out" tabindex={bar.tabindex(1)} aria-label={t.zoom_out()} title={format!("{} (−)", t.zoom_out())}
                    disabled={props.at_home} onclick={zoom(Zoom::Out(None))}>{ "−" }</button>
                <button type="button" class="zoom-reset" tabindex={bar.tabindex(2)} aria-label={t.zoom_home()} title={format!("{} (0)", t.zoom_home())}
                    disabled={props.at_home} onclick={zoom(Zoom::Reset)}>
                    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                        <path d="M2 6V2h4M14 6V2h-4M2 10v4h4M14 10v4h-4" />
                    </svg>
                </button>
                <button type="button" class="zoom-selection" tabindex={bar.tabindex(3)} aria-label={t.zoom_selection()} title={t.zoom_selection()}
                    disabled={!props.has_selection} onclick={zoom(Zoom::ToSelection)}>
                    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                        <circle cx="7" cy="7" r="4.5" /><path d="M10.5 10.5L14 14M5 7h4M7 5v4" />
                    </svg>
                </button>
                <button type="button" class="map-keys-button" tabindex={bar.tabindex(4)} aria-label={t.map_keys()} title={format!("{} (?)", t.map_keys())}
                    aria-expanded={props.help.to_string()} aria-controls="map-keys"
                    onclick={props.toggle_help.reform(|_: MouseEvent| ())}>{ "?" }</button>
            </>
        },
    )
}
