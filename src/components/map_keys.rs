//! The map's keyboard help: every key of the map's one Tab stop, opened by the "?" key or the
//! button beside the zoom buttons. Escape or its close button closes it.

use super::use_strings;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MapKeysProps {
    pub close: Callback<()>,
}

#[function_component(MapKeys)]
pub fn map_keys(props: &MapKeysProps) -> Html {
    let t = use_strings();
    let arrows = "← → ↑ ↓";
    let rows: [(Vec<&str>, &str); 10] = [
        (vec![arrows], t.key_arrows()),
        (
            vec![t.key_name_shift(), " + ", arrows],
            t.key_shift_arrows(),
        ),
        (
            vec![t.key_name_home(), " / ", t.key_name_end()],
            t.key_home_end(),
        ),
        (
            vec![t.key_name_enter(), " / ", t.key_name_space()],
            t.key_enter(),
        ),
        (vec![t.key_name_escape()], t.key_escape()),
        (vec!["+", " / ", "−"], t.key_zoom()),
        (vec!["0"], t.zoom_home()),
        (vec!["?"], t.key_help()),
        (vec![t.key_name_tab()], t.key_tab()),
        (vec!["← →"], t.key_timeline()),
    ];
    let onclick = {
        let close = props.close.clone();
        Callback::from(move |_: MouseEvent| close.emit(()))
    };
    let onkeydown = {
        let close = props.close.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.prevent_default();
                event.stop_propagation();
                close.emit(());
            }
        })
    };
    html! {
        <section id="map-keys" class="map-keys" aria-labelledby="map-keys-title" {onkeydown}>
            <h2 id="map-keys-title">{ t.map_keys() }</h2>
            <button type="button" class="map-keys-close" aria-label={t.map_keys_close()}
                title={t.map_keys_close()} {onclick}>{ "×" }</button>
            <dl>
                for (keys, what) in rows {
                    <div>
                        <dt>
                            for key in keys {
                                // Separators (" + ", " / ") are spaced; keys are not.
                                if key.starts_with(' ') {
                                    { key }
                                } else {
                                    <kbd>{ key }</kbd>
                                }
                            }
                        </dt>
                        <dd>{ what }</dd>
                    </div>
                }
            </dl>
        </section>
    }
}
