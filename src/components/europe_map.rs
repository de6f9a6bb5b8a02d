//! The interactive map of Europe: the frame, the zoom controls, the layers ([`super::map_layers`]:
//! what is hovered and the tooltip are one of them, which alone re-renders on a hover) and the
//! selection's outlines. Thin: each event's facts go to [`crate::gesture`],
//! which says what to do; this component does it (dispatch, tooltip, pointer capture, focus).
//! The map is one Tab stop: the member that Tab reaches is the focused one, else the selected
//! one, else the first in reading order, and the arrow keys move between members.

use super::map_layers::{outline, Geometry, MapHover, MapLabels, MapShapes, Members};
use super::{MapControls, MapKeys};
use crate::data::dataset;
use crate::geo::europe::EUROPE;
use crate::geo::viewport::{Rect, Viewport};
use crate::gesture::{self, Device, Frame, Gestures, Key, Outcome, Press, Wheel};
use crate::hooks::{use_element_size, use_in_frame, use_timeout, use_wheel, HoverStore};
use crate::i18n::Lang;
use crate::number::short;
use crate::roving;
use crate::state::{Action, AppState};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, PointerEvent, WheelEvent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EuropeMapProps {
    pub state: Rc<AppState>,
    /// What is hovered (`hooks::hover`), shown by the hover layer ([`MapHover`]).
    pub hover: HoverStore,
    pub dispatch: Callback<Action>,
}

/// The member country on or above the element an event happened on.
fn country_of(target: Option<web_sys::EventTarget>) -> Option<&'static str> {
    let element = target?.dyn_into::<Element>().ok()?;
    let holder = element.closest("[data-country]").ok()??;
    dataset().covered_country(&holder.get_attribute("data-country")?)
}

fn client_point(event: &web_sys::MouseEvent) -> [f64; 2] {
    [f64::from(event.client_x()), f64::from(event.client_y())]
}

fn press(event: &PointerEvent) -> Press {
    Press {
        id: event.pointer_id(),
        at: client_point(event),
        device: Device::from_pointer_type(&event.pointer_type()),
        time: event.time_stamp(),
        over: country_of(event.target()),
    }
}

/// What an [`Outcome`] is carried out with.
#[derive(Clone)]
struct Effects {
    dispatch: Callback<Action>,
    /// What is hovered and the tooltip (`hooks::hover`): read when an event comes, set by the
    /// outcome.
    hover: HoverStore,
    wheel_hint: UseStateHandle<bool>,
    help: UseStateHandle<bool>,
    svg: NodeRef,
    /// The view box now shown, for listeners registered once.
    view: Rc<RefCell<Rect>>,
}

impl Effects {
    /// The map element's place on screen and the view box it shows.
    fn frame(&self) -> Option<Frame> {
        let rect = self.svg.cast::<Element>()?.get_bounding_client_rect();
        Some(Frame {
            element: Rect::new(rect.left(), rect.top(), rect.width(), rect.height()),
            view: *self.view.borrow(),
        })
    }

    fn run(&self, outcome: Outcome, event: &web_sys::Event) {
        if outcome.prevent_default {
            event.prevent_default();
        }
        for action in outcome.actions {
            self.dispatch.emit(action);
        }
        if let Some(tip) = outcome.tooltip {
            self.hover.set_tip(tip);
        }
        if let Some(shown) = outcome.wheel_hint {
            self.wheel_hint.set(shown);
        }
        if outcome.help {
            self.help.set(!*self.help);
        }
        if let Some(code) = outcome.focus {
            let selector = format!("path[data-country=\"{code}\"]");
            let target = self.svg.cast::<Element>();
            if let Some(path) = target.and_then(|svg| svg.query_selector(&selector).ok().flatten())
            {
                if let Ok(path) = path.dyn_into::<web_sys::SvgElement>() {
                    let _ = path.focus();
                }
            }
        }
        if outcome.capture {
            if let (Some(svg), Some(pointer)) =
                (self.svg.cast::<Element>(), event.dyn_ref::<PointerEvent>())
            {
                let _ = svg.set_pointer_capture(pointer.pointer_id());
            }
        }
    }
}

#[function_component(EuropeMap)]
pub fn europe_map(props: &EuropeMapProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = lang.strings();
    let state = &props.state;
    let svg_ref = use_node_ref();
    let size = use_element_size(svg_ref.clone());
    let in_frame = use_in_frame();
    let gestures = use_mut_ref(Gestures::default);
    let wheel_hint = use_state_eq(|| false);
    let help = use_state_eq(|| false);
    // The member with keyboard focus, if any.
    let focused = use_state_eq(|| None::<&'static str>);
    let view_box = state.viewport.view_box(&EUROPE);
    let latest_view = use_mut_ref(|| view_box);
    *latest_view.borrow_mut() = view_box;
    let effects = Effects {
        dispatch: props.dispatch.clone(),
        hover: props.hover.clone(),
        wheel_hint: wheel_hint.clone(),
        help: help.clone(),
        svg: svg_ref.clone(),
        view: latest_view,
    };

    // What never changes, what changes with the colouring, and what changes with the size and
    // the zoom are each computed once, not at every render.
    let members = use_memo(lang, |lang| Members::new(lang.strings()));
    let fills = use_memo(state.colouring, |colouring| members.fills(*colouring));
    let geometry = use_memo((size, state.viewport), |(size, _)| {
        Geometry::new(&members.covered, *size, view_box)
    });
    let highlighted = state.highlighted();
    let tab_stop = roving::tab_stop(&members.order, *focused, |c| highlighted.contains(c));

    {
        let effects = effects.clone();
        use_wheel(
            svg_ref.clone(),
            Callback::from(move |event: WheelEvent| {
                let facts = Wheel {
                    at: client_point(&event),
                    delta_y: event.delta_y(),
                    lines: event.delta_mode() == WheelEvent::DOM_DELTA_LINE,
                    modifier: event.ctrl_key() || event.meta_key(),
                };
                effects.run(gesture::wheel(facts, in_frame, effects.frame()), &event);
            }),
        );
    }
    {
        let (shown, wheel_hint) = (*wheel_hint, wheel_hint.clone());
        let hide = Callback::from(move |()| wheel_hint.set(false));
        use_timeout(shown, gesture::WHEEL_HINT_MS, hide);
    }

    let pointer = |on: fn(&mut Gestures, Press, Option<&'static str>, &Effects) -> Outcome| {
        let (gestures, effects) = (gestures.clone(), effects.clone());
        Callback::from(move |event: PointerEvent| {
            let hovered = effects.hover.now().hover.country;
            let outcome = on(&mut gestures.borrow_mut(), press(&event), hovered, &effects);
            effects.run(outcome, &event);
        })
    };
    let onpointerdown = {
        let gestures = gestures.clone();
        Callback::from(move |event: PointerEvent| {
            let primary = event.button() == 0;
            gestures.borrow_mut().down(press(&event), primary);
        })
    };
    let onpointermove = pointer(|g, press, hovered, fx| g.moved(press, hovered, || fx.frame()));
    let onpointerup = pointer(|g, press, _, fx| g.up(press, || fx.frame()));
    let onpointercancel = pointer(|g, press, _, _| {
        g.cancel(press.id);
        Outcome::default()
    });
    let onpointerleave = pointer(|g, press, hovered, _| g.leave(press.device, hovered));
    let onclick = {
        let (gestures, effects) = (gestures.clone(), effects.clone());
        Callback::from(move |event: MouseEvent| {
            let outcome = gestures.borrow_mut().click(country_of(event.target()));
            effects.run(outcome, &event);
        })
    };
    let ondblclick = {
        let (gestures, effects) = (gestures.clone(), effects.clone());
        Callback::from(move |event: MouseEvent| {
            let outcome = gestures
                .borrow()
                .double_click(client_point(&event), effects.frame());
            effects.run(outcome, &event);
        })
    };
    let onkeydown = {
        let (effects, members) = (effects.clone(), members.clone());
        Callback::from(move |event: KeyboardEvent| {
            let facts = Key {
                key: &event.key(),
                shift: event.shift_key(),
                command: event.ctrl_key() || event.meta_key() || event.alt_key(),
            };
            let outcome = gesture::key(facts, country_of(event.target()), &members.order, view_box);
            effects.run(outcome, &event);
        })
    };
    // Focus by keyboard shows the country as a hover would (tooltip, outline, brought into view);
    // focus by a press does not: the pointer already hovers it, and the app need not render twice
    // more before the click's own render.
    let by_keyboard = use_mut_ref(|| false);
    let onfocusin = {
        let (effects, focused, by_keyboard) =
            (effects.clone(), focused.clone(), by_keyboard.clone());
        Callback::from(move |event: FocusEvent| {
            let code = country_of(event.target());
            focused.set(code);
            let visible = event
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .is_none_or(|e| e.matches(":focus-visible").unwrap_or(true));
            *by_keyboard.borrow_mut() = visible;
            if visible {
                effects.run(gesture::focus(code, view_box), &event);
            }
        })
    };
    let onfocusout = {
        let (effects, focused) = (effects.clone(), focused.clone());
        Callback::from(move |event: FocusEvent| {
            // Focus moving to another country keeps the map's Tab stop where it lands, and that
            // country's focus-in shows it.
            let to_country = country_of(event.related_target());
            let by_keyboard = std::mem::take(&mut *by_keyboard.borrow_mut());
            if to_country.is_none() {
                focused.set(None);
                if by_keyboard {
                    effects.run(gesture::focus(None, view_box), &event);
                }
            }
        })
    };

    let at_home = state.viewport == Viewport::home();
    // The skip link shows while it has focus (a class as well as `:focus`, which WebKit does not
    // match in a window without system focus), and moves focus past the map without touching
    // the address. `tabindex` puts it in Safari's Tab order, which skips links by default.
    let skip_shown = use_state_eq(|| false);
    let show_skip = |shown: bool| {
        let skip_shown = skip_shown.clone();
        Callback::from(move |_: FocusEvent| skip_shown.set(shown))
    };
    let skip_map = Callback::from(|event: MouseEvent| {
        let after = crate::hooks::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("after-map"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(after) = after {
            event.prevent_default();
            let _ = after.focus();
        }
    });
    let toggle_help = {
        let help = help.clone();
        Callback::from(move |()| help.set(!*help))
    };

    let view_box_attr = view_box.view_box_attr();

    html! {
        <figure class="map-figure" aria-labelledby="map-title">
            <div class="map-stage">
            <div class={class_list!("map-frame", at_home.then_some("at-home"))}>
                <a class={class_list!("skip-map", skip_shown.then_some("shown"))} href="#after-map" tabindex="0"
                    onclick={skip_map} onfocus={show_skip(true)} onblur={show_skip(false)}>{ t.skip_map() }</a>
                <MapControls dispatch={props.dispatch.clone()} has_selection={state.selection.is_some()}
                    at_home={at_home} help={*help} toggle_help={toggle_help.clone()} />
                <svg class="europe-map" ref={svg_ref} viewBox={view_box_attr}
                    role="group" aria-labelledby="map-title" aria-describedby="map-desc"
                    preserveAspectRatio="xMidYMid meet"
                    {onpointerdown} {onpointermove} {onpointerup} {onpointercancel} {onpointerleave}
                    {onclick} {ondblclick} {onkeydown} {onfocusin} {onfocusout}>
                    <title id="map-title">{ t.map_title() }</title>
                    <desc id="map-desc">
                        { t.count(t.map_description(), members.covered.len(), &[]) }
                    </desc>
                    <defs>
                        for (code, fill) in fills.iter().filter(|(_, f)| f.slots().len() > 1) {
                            { super::map_layers::stripes(code, fill) }
                        }
                    </defs>
                    <rect class="sea" x={short(view_box.x)} y={short(view_box.y)}
                        width={short(view_box.width)} height={short(view_box.height)} />
                    // The layers are components with only the props they use: a hover changes
                    // none of them, so Yew skips them and redraws only the outlines and tooltip.
                    <MapShapes members={members.clone()} fills={fills.clone()} tab_stop={tab_stop}
                        geometry={geometry.clone()} highlighted={highlighted.clone()} year={state.year} />
                    <g class="outlines" aria-hidden="true">
                        for code in highlighted.iter() {
                            { outline(code, true) }
                        }
                    </g>
                    <MapLabels geometry={geometry.clone()} year={state.year} />
                </svg>
                <MapHover hover={props.hover.clone()} view_box={view_box} size={size}
                    highlighted={highlighted} />
                if *wheel_hint {
                    <p class="wheel-hint" role="status">{ t.wheel_hint() }</p>
                }
                if *help {
                    <MapKeys close={toggle_help} />
                }
            </div>
            </div>
            <span id="after-map" tabindex="-1"></span>
        </figure>
    }
}
