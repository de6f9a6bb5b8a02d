//! The founding-year timeline: the associations above the year axis (disputed years with their
//! other years, unknown years as a labelled band), IMPALA's founding and milestones below it,
//! and the slider's year as a line across. Laid out by `crate::timeline`; this component draws
//! the layout and turns pointer and keyboard events into actions. Its marks are one Tab stop:
//! ← and → go from mark to mark by year, Home and End to the ends, Enter or Space selects. Wider
//! than its box on a phone: then it scrolls sideways.

use super::{status_class, use_strings};
use crate::data::{dataset, Category};
use crate::format;
use crate::growth::{status, Status};
use crate::hooks::{use_element_size, use_hovering, HoverStore};
use crate::i18n::{fill, Strings};
use crate::roving::{self, Axis};
use crate::state::Action;
use crate::timeline::{layout, Certainty, LayoutOptions, MarkId, TimelineLayout};
use crate::vocab::Selection;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub year: u16,
    pub selection: Option<Selection>,
    /// What is hovered (`hooks::hover`): the associations of the country hovered on the map
    /// are outlined here, and so is the mark hovered here ([`TimelineHover`], which alone
    /// re-renders on a hover).
    pub hover: HoverStore,
    pub milestone: Option<usize>,
    pub dispatch: Callback<Action>,
}

/// The mark an event happened on, from its `data-*` attributes.
fn target_of(target: Option<web_sys::EventTarget>) -> Option<MarkId> {
    let element = target?.dyn_into::<Element>().ok()?;
    let holder = element
        .closest("[data-association], [data-milestone]")
        .ok()??;
    if let Some(acronym) = holder.get_attribute("data-association") {
        let association = dataset().association(&acronym)?;
        return Some(MarkId::Association(&association.acronym));
    }
    holder
        .get_attribute("data-milestone")?
        .parse()
        .ok()
        .map(MarkId::Milestone)
}

/// Moves keyboard focus to a mark's element inside `svg`.
fn focus_mark(svg: &NodeRef, mark: MarkId) {
    let selector = match mark {
        MarkId::Association(acronym) => format!("[data-association=\"{acronym}\"]"),
        MarkId::Milestone(index) => format!("[data-milestone=\"{index}\"]"),
    };
    let found = svg
        .cast::<Element>()
        .and_then(|svg| svg.query_selector(&selector).ok().flatten());
    if let Some(element) = found.and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok()) {
        let _ = element.focus();
    }
}

#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let data = dataset();
    let t = use_strings();
    let box_ref = use_node_ref();
    let size = use_element_size(box_ref.clone());
    // Whole pixels, so that sub-pixel resizes do not lay the timeline out again.
    let width = size.map_or(0, |[w, _]| w.floor() as u32);
    let laid: Rc<TimelineLayout> = use_memo(width, |width| {
        layout(data, &LayoutOptions::for_width(f64::from(*width)))
    });
    let chosen = data.associations_of(props.selection);
    let svg_ref = use_node_ref();
    let order = use_memo(width, |_| laid.keyboard_order());
    // The mark with keyboard focus; else Tab reaches the chosen one, else the first.
    let focused = use_state_eq(|| None::<MarkId>);
    let tab_stop = roving::tab_stop(&order, *focused, |mark| match mark {
        MarkId::Association(a) => chosen.iter().any(|c| c.acronym == *a),
        MarkId::Milestone(i) => props.milestone == Some(*i),
    });
    let tabindex = |mark: MarkId| if tab_stop == Some(mark) { "0" } else { "-1" };

    let activate = {
        let dispatch = props.dispatch.clone();
        let milestone = props.milestone;
        move |target: MarkId| match target {
            MarkId::Association(acronym) => {
                dispatch.emit(Action::Select(Selection::Association(acronym)))
            }
            MarkId::Milestone(index) => dispatch.emit(Action::ShowMilestone(
                (milestone != Some(index)).then_some(index),
            )),
        }
    };
    let onclick = {
        let activate = activate.clone();
        Callback::from(move |event: MouseEvent| {
            if let Some(target) = target_of(event.target()) {
                activate(target);
            }
        })
    };
    let onkeydown = {
        let (svg, order) = (svg_ref.clone(), order.clone());
        Callback::from(move |event: KeyboardEvent| {
            let key = event.key();
            if event.ctrl_key() || event.meta_key() || event.alt_key() || event.shift_key() {
                return;
            }
            let on = target_of(event.target());
            if matches!(key.as_str(), "Enter" | " ") {
                if let Some(target) = on {
                    event.prevent_default();
                    activate(target);
                }
            } else if let Some(next) = roving::step(&order, on, &key, Axis::Horizontal) {
                event.prevent_default();
                focus_mark(&svg, next);
            }
        })
    };
    // The hover store tells its watchers only of a change, so every move over a mark may say
    // which it is on.
    let hover_mark = |props: &TimelineProps| {
        let dispatch = props.dispatch.clone();
        move |target: Option<web_sys::EventTarget>| {
            let acronym = match target_of(target) {
                Some(MarkId::Association(acronym)) => Some(acronym),
                _ => None,
            };
            dispatch.emit(Action::HoverAssociation(acronym));
        }
    };
    let onpointerover = {
        let hover = hover_mark(props);
        Callback::from(move |event: PointerEvent| hover(event.target()))
    };
    let onfocusin = {
        let (hover, focused) = (hover_mark(props), focused.clone());
        Callback::from(move |event: FocusEvent| {
            focused.set(target_of(event.target()));
            hover(event.target());
        })
    };
    let onpointerleave = {
        let hover = hover_mark(props);
        Callback::from(move |_: PointerEvent| hover(None))
    };
    let onfocusout = {
        let (hover, focused) = (hover_mark(props), focused.clone());
        Callback::from(move |event: FocusEvent| {
            // Focus moving to another mark keeps the Tab stop where it lands.
            if target_of(event.related_target()).is_none() {
                focused.set(None);
            }
            hover(None);
        })
    };

    let scale = laid.scale;
    let cursor = scale.x(f64::from(props.year) + 0.5);
    // Where the timeline scrolls sideways (a phone), keep the slider's year in view.
    {
        let box_ref = box_ref.clone();
        use_effect_with((props.year, width), move |_| {
            if let Some(scroller) = box_ref.cast::<Element>() {
                let visible = f64::from(scroller.client_width());
                let left = f64::from(scroller.scroll_left());
                if f64::from(scroller.scroll_width()) > visible
                    && (cursor < left + 24.0 || cursor > left + visible - 24.0)
                {
                    scroller.set_scroll_left((cursor - visible / 2.0).max(0.0) as i32);
                }
            }
        });
    }
    let h = LayoutOptions::default().mark_height;
    let view_box = format!(
        "0 0 {} {}",
        crate::number::fixed(laid.width, 0),
        crate::number::fixed(laid.height, 0)
    );
    let milestone_panel = props.milestone.and_then(|i| data.milestones.get(i)).map(|m| {
        let close = {
            let dispatch = props.dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.emit(Action::ShowMilestone(None)))
        };
        let years: Vec<String> = m.years.iter().map(u16::to_string).collect();
        let years = years.join("–");
        let years = if m.ongoing { fill(t.ongoing(), &[("years", &years)]) } else { years };
        html! {
            <section class="milestone-details" aria-labelledby="milestone-heading" aria-live="polite">
                <button type="button" class="details-close" aria-label={t.close_milestone()} onclick={close}>{ "×" }</button>
                <h3 id="milestone-heading">
                    <span class="milestone-years">{ years }</span>
                    { " " }<span>{ t.milestone(&m.id, "title") }</span>
                </h3>
                <p>{ t.milestone(&m.id, "description") }</p>
                <p class="milestone-category">{ category_name(t, m.category) }</p>
            </section>
        }
    });

    html! {
        <section class="timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{ t.timeline_heading() }</h2>
            <div class="timeline-scroll" ref={box_ref}>
                <svg class="timeline-chart" ref={svg_ref} viewBox={view_box} width={crate::number::fixed(laid.width, 0)}
                    height={crate::number::fixed(laid.height, 0)} role="group" aria-labelledby="timeline-heading"
                    {onclick} {onkeydown} {onpointerover} {onpointerleave} {onfocusin} {onfocusout}>
                    <line class="axis" x1={f(scale.x0)} x2={f(scale.x1)} y1={f(laid.axis_y)} y2={f(laid.axis_y)} />
                    for year in scale.ticks(1) {
                        <line class={class_list!("tick", (year % 10 == 0).then_some("decade"))}
                            x1={f(scale.x(f64::from(year)))} x2={f(scale.x(f64::from(year)))}
                            y1={f(laid.axis_y)} y2={f(laid.axis_y + if year % 10 == 0 { 8.0 } else { 4.0 })} />
                    }
                    for year in scale.ticks(10) {
                        <text class="tick-label" x={f(scale.x(f64::from(year)))} y={f(laid.axis_y + 20.0)}>{ year }</text>
                    }
                    <line class="year-cursor" x1={f(cursor)} x2={f(cursor)} y1="0" y2={f(laid.height)} />
                    <g class="tl-associations">
                        for mark in laid.associations.iter() {
                            {{
                                let association = data.association(mark.acronym);
                                let state = association.map_or(Status::Founded, |a| status(&a.founded, props.year));
                                let selected = chosen.iter().any(|a| a.acronym == mark.acronym);
                                let [bx, by, bw, bh] = mark.box_rect(h);
                                let name = association.map_or_else(|| mark.acronym.to_string(), |a| format!("{}, {}", a.acronym, format::founded_phrase(t, &a.founded)));
                                html! {
                                    <g class={class_list!("tl-mark", certainty_class(mark.certainty), status_class(state),
                                            selected.then_some("selected"))}
                                        data-association={mark.acronym} role="button" tabindex={tabindex(MarkId::Association(mark.acronym))}
                                        aria-pressed={selected.to_string()} aria-label={name}>
                                        if let Some((earliest, latest, x0, x1)) = mark.range {
                                            <rect class="tl-band" x={f(x0)} y={f(mark.y - h / 2.0)} width={f(x1 - x0)} height={f(h)} rx="3">
                                                <title>{ format::range(t.band_title(), earliest, latest) }</title>
                                            </rect>
                                        }
                                        for (other, x) in mark.alternatives.iter() {
                                            <line class="tl-link" x1={f(mark.x)} x2={f(*x)} y1={f(mark.y)} y2={f(mark.y)} />
                                            <rect class="tl-other" x={f(*x - 4.0)} y={f(mark.y - h / 2.0 + 2.0)} width="8" height={f(h - 4.0)} rx="2">
                                                <title>{ fill(t.also_given(), &[("year", &other.to_string())]) }</title>
                                            </rect>
                                        }
                                        <rect class="tl-box" x={f(bx)} y={f(by)} width={f(bw)} height={f(bh)} rx="3" />
                                        <text class="tl-label" x={f(mark.x)} y={f(mark.y)}>
                                            { mark.acronym }
                                            if mark.certainty == Certainty::Unknown { { "?" } }
                                        </text>
                                    </g>
                                }
                            }}
                        }
                    </g>
                    <TimelineHover hover={props.hover.clone()} laid={laid.clone()} />
                    <text class="track-label" x={f(scale.x0)} y={f(laid.associations.iter().map(|m| m.y).fold(laid.axis_y, f64::min))}>
                        { t.track_associations() }
                    </text>
                    <text class="track-label" x={f(scale.x(f64::from(scale.start) + 0.5))} y={f(laid.impala_y)}>
                        { "IMPALA" }
                    </text>
                    <g class="tl-impala">
                        <circle class="tl-impala-founding" cx={f(laid.impala)} cy={f(laid.impala_y)} r={f(laid.dot_radius)}
                            role="img" aria-label={fill(t.impala_founded(), &[("year", &data.impala.founded.to_string())])}>
                            <title>{ fill(t.impala_founded(), &[("year", &data.impala.founded.to_string())]) }</title>
                        </circle>
                        for mark in laid.milestones.iter() {
                            if let Some(milestone) = data.milestones.get(mark.index) {
                                <g class={class_list!("tl-milestone", (props.milestone == Some(mark.index)).then_some("selected"),
                                        (mark.first > props.year).then_some("not-yet"))}
                                    data-milestone={mark.index.to_string()} role="button" tabindex={tabindex(MarkId::Milestone(mark.index))}
                                    aria-pressed={(props.milestone == Some(mark.index)).to_string()}
                                    aria-label={t.with_label(&milestone_years(t, mark.first, mark.last, mark.ongoing), t.milestone(&milestone.id, "title"))}>
                                    if mark.x1 > mark.x0 {
                                        <line class="tl-span" x1={f(mark.x0)} x2={f(mark.x1)} y1={f(mark.y)} y2={f(mark.y)} />
                                    }
                                    <circle class="tl-dot" cx={f(mark.x0)} cy={f(mark.y)} r={f(laid.dot_radius)} />
                                    <title>{ t.milestone(&milestone.id, "title") }</title>
                                </g>
                            }
                        }
                    </g>
                </svg>
            </div>
            <ul class="timeline-key" aria-label={t.key()}>
                <li><span class="key key-box" aria-hidden="true"></span>{ t.key_box() }</li>
                <li><span class="key key-other" aria-hidden="true"></span>{ t.key_other() }</li>
                <li><span class="key key-band" aria-hidden="true"></span>{ t.key_band() }</li>
                <li><span class="key key-dot" aria-hidden="true"></span>{ t.key_milestone() }</li>
            </ul>
            { for milestone_panel }
        </section>
    }
}

#[derive(Properties)]
struct TimelineHoverProps {
    hover: HoverStore,
    laid: Rc<TimelineLayout>,
}

/// The same store and the same layout (by identity) are the same props.
impl PartialEq for TimelineHoverProps {
    fn eq(&self, other: &Self) -> bool {
        self.hover == other.hover && Rc::ptr_eq(&self.laid, &other.laid)
    }
}

/// What is hovered, on the timeline: an outline over the marks of the country hovered on the map
/// and over the mark hovered here, in a layer of its own over the marks. The only part of the
/// timeline a hover re-renders, as the map's hover layer is the map's (`map_layers::MapHover`).
#[function_component(TimelineHover)]
fn timeline_hover(props: &TimelineHoverProps) -> Html {
    let hover = use_hovering(&props.hover).hover;
    let linked: Vec<&str> = hover
        .country
        .map(|code| {
            dataset()
                .associations_in(code)
                .map(|a| &*a.acronym)
                .collect()
        })
        .unwrap_or_default();
    let h = LayoutOptions::default().mark_height;
    html! {
        <g class="tl-hover" aria-hidden="true">
            for (acronym, [x, y, width, height]) in props.laid.associations.iter()
                .filter(|m| linked.contains(&m.acronym) || hover.association == Some(m.acronym))
                .map(|m| (m.acronym, m.box_rect(h)))
            {
                <rect class="tl-linked" data-association={acronym} x={f(x)} y={f(y)} width={f(width)} height={f(height)} rx="3" />
            }
        </g>
    }
}

fn f(value: f64) -> String {
    crate::number::fixed(value, 1)
}

fn certainty_class(certainty: Certainty) -> &'static str {
    match certainty {
        Certainty::Exact => "exact",
        Certainty::Disputed => "disputed",
        Certainty::Unknown => "unknown",
    }
}

fn milestone_years(t: &Strings, first: u16, last: u16, ongoing: bool) -> String {
    let span = if last > first {
        format!("{first}–{last}")
    } else {
        first.to_string()
    };
    if ongoing {
        fill(t.ongoing(), &[("years", &span)])
    } else {
        span
    }
}

fn category_name(t: &Strings, category: Category) -> &'static str {
    match category {
        Category::Competition => t.category_competition(),
        Category::Digital => t.category_digital(),
        Category::Policy => t.category_policy(),
        Category::Sector => t.category_sector(),
    }
}
