//! The year slider: play / pause, a step back and forward, the slider itself (a native range
//! input: arrows, Page Up / Page Down, Home / End, spoken as "2003: 11 associations in 13
//! countries") and the running totals. Playing steps one year per tick; with reduced motion the
//! steps are slower and nothing on the map animates.

use super::use_strings;
use crate::data::dataset;
use crate::growth::{describe, totals};
use crate::hooks::{use_interval, use_media_query, use_toolbar};
use crate::state::{year_range, Action};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Milliseconds per year while playing: the whole range in a few seconds.
const TICK_MS: i32 = 160;
/// The same with `prefers-reduced-motion`: calmer steps, still year by year.
const TICK_REDUCED_MS: i32 = 450;

#[derive(Properties, PartialEq)]
pub struct YearBarProps {
    pub year: u16,
    pub playing: bool,
    pub looping: bool,
    pub dispatch: Callback<Action>,
}

#[function_component(YearBar)]
pub fn year_bar(props: &YearBarProps) -> Html {
    let (first, last) = year_range();
    let reduced = use_media_query("(prefers-reduced-motion: reduce)");
    {
        let dispatch = props.dispatch.clone();
        use_interval(
            props.playing,
            if reduced { TICK_REDUCED_MS } else { TICK_MS },
            Callback::from(move |()| dispatch.emit(Action::Tick)),
        );
    }
    let t = use_strings();
    let now = totals(dataset(), props.year);
    let spoken = describe(t, &now);
    let send = |action: Action| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(action.clone()))
    };
    let oninput = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Ok(year) = input.value().parse::<u16>() {
                dispatch.emit(Action::SetYear(year));
            }
        })
    };
    let onloop = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            dispatch.emit(Action::SetLooping(input.checked()));
        })
    };
    let (play_label, play_action, play_icon) = if props.playing {
        (t.pause(), Action::Pause, "❚❚")
    } else {
        (t.play(), Action::Play, "▶")
    };
    // Play, back and forward are one Tab stop: the arrow keys go between them.
    let bar = use_toolbar(0, 3);
    html! {
        <div class="year-bar" role="group" aria-label={t.year()}>
            { bar.container("year-buttons", t.year(), html! { <>
                <button type="button" class="year-play" tabindex={bar.tabindex(0)} aria-label={play_label} title={play_label}
                    data-playing={props.playing.to_string()} onclick={send(play_action)}>
                    <span aria-hidden="true">{ play_icon }</span>
                </button>
                <button type="button" class="year-back" tabindex={bar.tabindex(1)} aria-label={t.year_back()} title={t.year_back()}
                    disabled={props.year <= first} onclick={send(Action::StepYear(-1))}>
                    <span aria-hidden="true">{ "◀" }</span>
                </button>
                <button type="button" class="year-forward" tabindex={bar.tabindex(2)} aria-label={t.year_forward()} title={t.year_forward()}
                    disabled={props.year >= last} onclick={send(Action::StepYear(1))}>
                    <span aria-hidden="true">{ "▶" }</span>
                </button>
            </> }) }
            <input type="range" class="year-slider" id="year-slider" aria-label={t.year()}
                min={first.to_string()} max={last.to_string()} step="1"
                value={props.year.to_string()} aria-valuetext={spoken.clone()} {oninput} />
            <output class="year-totals" for="year-slider" data-year={props.year.to_string()}>
                <strong class="year-value">{ props.year }</strong>
                { spoken.strip_prefix(&props.year.to_string()).unwrap_or(&spoken).trim_start_matches(|c: char| c == ':' || c.is_whitespace()).to_string() }
            </output>
            <label class="year-loop">
                <input type="checkbox" checked={props.looping} onchange={onloop} />
                { t.loop_years() }
            </label>
        </div>
    }
}
