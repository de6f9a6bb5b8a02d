//! The interactive map of Europe: country shapes coloured by association or by period, hit
//! targets for small countries, acronym labels, and the pointer, touch, wheel and keyboard
//! gestures that select, zoom and pan. The geometry is computed by `crate::geo`; this component
//! turns events into [`Action`]s and renders the state.

use super::{status_class, MapControls, MapTooltip};
use crate::data::dataset;
use crate::format;
use crate::geo::europe::EUROPE;
use crate::geo::labels::{place_labels, Label};
use crate::geo::order::{map_to_element, reading_order};
use crate::geo::targets::{hit_targets, HitTarget};
use crate::geo::viewport::{client_to_map, px_per_unit, Rect};
use crate::hooks::{use_element_size, use_in_frame, use_wheel};
use crate::i18n::{Lang, Strings};
use crate::palette::{fill_with, stripes_id, AssociationSlots, Fill};
use crate::state::{country_code, country_status, Action, AppState, Zoom, PAN_STEP};
use crate::vocab::Colouring;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, PointerEvent, WheelEvent};
use yew::prelude::*;

/// Smallest hit target on screen for a small country, in CSS pixels (WCAG 2.5.8 asks 24).
const MIN_TARGET_PX: f64 = 28.0;
/// Label font size in CSS pixels: a fraction of the map's width, within these bounds.
const LABEL_PX: (f64, f64) = (11.0, 26.0);
const LABEL_FRACTION_OF_WIDTH: f64 = 1.0 / 70.0;
/// Pointer travel, in CSS pixels, after which a press becomes a drag rather than a click.
const DRAG_THRESHOLD_PX: f64 = 6.0;
/// Two taps closer than this in time (ms) and space (px) are a double tap.
const DOUBLE_TAP_MS: f64 = 350.0;
const DOUBLE_TAP_PX: f64 = 30.0;

#[derive(Properties, PartialEq)]
pub struct EuropeMapProps {
    pub state: Rc<AppState>,
    pub dispatch: Callback<Action>,
}

/// Where the tooltip points, in pixels from the map frame's top left corner.
#[derive(Clone, Copy, PartialEq)]
struct TooltipAnchor {
    code: &'static str,
    /// Where the pointer or finger is; `None` for keyboard focus: the country's label point.
    at: Option<[f64; 2]>,
}

/// Pointers pressed on the map and what they have done so far.
#[derive(Default)]
struct Gesture {
    /// Pointer id and its last client position.
    pointers: Vec<(i32, [f64; 2])>,
    /// Where the single pointer went down.
    start: Option<[f64; 2]>,
    /// The press moved far enough to be a drag (the click that follows is not a selection).
    dragged: bool,
    /// Distance between two pinching pointers.
    pinch: Option<f64>,
    /// Time and place of the last tap, for double taps.
    last_tap: Option<(f64, [f64; 2])>,
    /// The last press came from a touch screen or a pen.
    touch: bool,
}

/// The country code on or above the element the event happened on.
fn country_of(target: Option<web_sys::EventTarget>) -> Option<&'static str> {
    let element = target?.dyn_into::<Element>().ok()?;
    let holder = element.closest("[data-country]").ok()??;
    country_code(&holder.get_attribute("data-country")?)
}

fn client_point(event: &web_sys::MouseEvent) -> [f64; 2] {
    [f64::from(event.client_x()), f64::from(event.client_y())]
}

fn distance(a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] - b[0]).hypot(a[1] - b[1])
}

fn rect_of(element: &Element) -> Rect {
    let r = element.get_bounding_client_rect();
    Rect {
        x: r.left(),
        y: r.top(),
        width: r.width(),
        height: r.height(),
    }
}

#[function_component(EuropeMap)]
pub fn europe_map(props: &EuropeMapProps) -> Html {
    let data = dataset();
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = lang.strings();
    let state = &props.state;
    let svg_ref = use_node_ref();
    let size = use_element_size(svg_ref.clone());
    let in_frame = use_in_frame();
    let gesture = use_mut_ref(Gesture::default);
    let tooltip = use_state_eq(|| None::<TooltipAnchor>);
    let wheel_hint = use_state_eq(|| false);

    let view_box = state.viewport.view_box(&EUROPE);
    let view_box_array = [view_box.x, view_box.y, view_box.width, view_box.height];
    // The latest view box, for listeners registered once.
    let latest_view = use_mut_ref(|| view_box);
    *latest_view.borrow_mut() = view_box;

    // The map point under a client position, and a client distance in map units.
    let to_map = {
        let svg_ref = svg_ref.clone();
        let latest_view = latest_view.clone();
        move |client: [f64; 2]| -> Option<[f64; 2]> {
            let svg = svg_ref.cast::<Element>()?;
            Some(client_to_map(rect_of(&svg), *latest_view.borrow(), client))
        }
    };
    let units_per_px = {
        let svg_ref = svg_ref.clone();
        let latest_view = latest_view.clone();
        move || -> Option<f64> {
            let svg = svg_ref.cast::<Element>()?;
            let ppu = px_per_unit(rect_of(&svg), *latest_view.borrow());
            (ppu > 0.0).then(|| 1.0 / ppu)
        }
    };
    let frame_point = {
        let svg_ref = svg_ref.clone();
        move |client: [f64; 2]| -> Option<[f64; 2]> {
            let rect = rect_of(&svg_ref.cast::<Element>()?);
            Some([client[0] - rect.x, client[1] - rect.y])
        }
    };

    // Wheel: zooms at the pointer; inside a frame only with Ctrl or Cmd held (otherwise the host
    // page scrolls as usual and a hint says how to zoom).
    {
        let dispatch = props.dispatch.clone();
        let wheel_hint = wheel_hint.clone();
        let to_map = to_map.clone();
        use_wheel(
            svg_ref.clone(),
            Callback::from(move |event: WheelEvent| {
                if in_frame && !(event.ctrl_key() || event.meta_key()) {
                    wheel_hint.set(true);
                    return;
                }
                event.prevent_default();
                wheel_hint.set(false);
                let lines = event.delta_mode() == WheelEvent::DOM_DELTA_LINE;
                let delta = event.delta_y() * if lines { 16.0 } else { 1.0 };
                let factor = (-delta.clamp(-200.0, 200.0) * 0.004).exp();
                if let Some(anchor) = to_map(client_point(&event)) {
                    dispatch.emit(Action::Zoom(Zoom::By(factor, anchor)));
                }
            }),
        );
    }
    // The wheel hint fades after a moment.
    {
        let wheel_hint = wheel_hint.clone();
        use_effect_with(*wheel_hint, move |shown| {
            let mut timer = None;
            if *shown {
                let hide = wasm_bindgen::closure::Closure::once(move || wheel_hint.set(false));
                if let Some(window) = crate::hooks::window() {
                    timer = window
                        .set_timeout_with_callback_and_timeout_and_arguments_0(
                            hide.as_ref().unchecked_ref(),
                            1800,
                        )
                        .ok()
                        .map(|id| (window, id, hide));
                }
            }
            move || {
                if let Some((window, id, _hide)) = timer {
                    window.clear_timeout_with_handle(id);
                }
            }
        });
    }

    let onpointerdown = {
        let gesture = gesture.clone();
        Callback::from(move |event: PointerEvent| {
            if event.pointer_type() == "mouse" && event.button() != 0 {
                return;
            }
            let mut g = gesture.borrow_mut();
            let point = client_point(&event);
            g.touch = event.pointer_type() != "mouse";
            g.pointers.retain(|(id, _)| *id != event.pointer_id());
            g.pointers.push((event.pointer_id(), point));
            match g.pointers.as_slice() {
                [_] => {
                    g.start = Some(point);
                    g.dragged = false;
                    g.pinch = None;
                }
                [(_, a), (_, b), ..] => {
                    g.pinch = Some(distance(*a, *b));
                    g.dragged = true;
                }
                [] => {}
            }
        })
    };
    let onpointermove = {
        let gesture = gesture.clone();
        let dispatch = props.dispatch.clone();
        let state = state.clone();
        let tooltip = tooltip.clone();
        let to_map = to_map.clone();
        let units_per_px = units_per_px.clone();
        let frame_point = frame_point.clone();
        Callback::from(move |event: PointerEvent| {
            let point = client_point(&event);
            let mut g = gesture.borrow_mut();
            let Some(index) = g
                .pointers
                .iter()
                .position(|(id, _)| *id == event.pointer_id())
            else {
                // Not pressed: hovering.
                drop(g);
                let code = country_of(event.target());
                if state.hovered != code {
                    dispatch.emit(Action::Hover(code));
                }
                tooltip.set(
                    code.zip(frame_point(point))
                        .map(|(code, at)| TooltipAnchor { code, at: Some(at) }),
                );
                return;
            };
            let previous = g.pointers[index].1;
            g.pointers[index].1 = point;
            if let ([(_, a), (_, b), ..], Some(before)) = (g.pointers.as_slice(), g.pinch) {
                let now = distance(*a, *b);
                let middle = [(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0];
                g.pinch = Some(now);
                if before > 0.0 && now > 0.0 {
                    if let Some(anchor) = to_map(middle) {
                        dispatch.emit(Action::Zoom(Zoom::By(now / before, anchor)));
                    }
                }
                return;
            }
            let moved = g
                .start
                .is_some_and(|start| distance(start, point) > DRAG_THRESHOLD_PX);
            if moved && !g.dragged {
                g.dragged = true;
                if let Some(svg) = event
                    .current_target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                {
                    let _ = svg.set_pointer_capture(event.pointer_id());
                }
            }
            if g.dragged {
                if let Some(scale) = units_per_px() {
                    dispatch.emit(Action::Zoom(Zoom::Pan(
                        (previous[0] - point[0]) * scale,
                        (previous[1] - point[1]) * scale,
                    )));
                }
            }
        })
    };
    let onpointerup = {
        let gesture = gesture.clone();
        let dispatch = props.dispatch.clone();
        let to_map = to_map.clone();
        let tooltip = tooltip.clone();
        let frame_point = frame_point.clone();
        Callback::from(move |event: PointerEvent| {
            let point = client_point(&event);
            let mut g = gesture.borrow_mut();
            g.pointers.retain(|(id, _)| *id != event.pointer_id());
            if g.pointers.is_empty() {
                g.pinch = None;
                g.start = None;
            }
            if g.dragged || event.pointer_type() == "mouse" {
                return;
            }
            // A tap: show the tooltip where the finger was (a finger never hovers, so the tap
            // sets what is "hovered"); two quick taps zoom in.
            let code = country_of(event.target());
            dispatch.emit(Action::Hover(code));
            tooltip.set(
                code.zip(frame_point(point))
                    .map(|(code, at)| TooltipAnchor { code, at: Some(at) }),
            );
            let now = event.time_stamp();
            match g.last_tap {
                Some((then, at))
                    if now - then < DOUBLE_TAP_MS && distance(at, point) < DOUBLE_TAP_PX =>
                {
                    g.last_tap = None;
                    if let Some(anchor) = to_map(point) {
                        dispatch.emit(Action::Zoom(Zoom::In(Some(anchor))));
                    }
                }
                _ => g.last_tap = Some((now, point)),
            }
        })
    };
    let onpointercancel = {
        let gesture = gesture.clone();
        Callback::from(move |event: PointerEvent| {
            let mut g = gesture.borrow_mut();
            g.pointers.retain(|(id, _)| *id != event.pointer_id());
            g.pinch = None;
        })
    };
    let onpointerleave = {
        let dispatch = props.dispatch.clone();
        let tooltip = tooltip.clone();
        let gesture = gesture.clone();
        let hovered = state.hovered;
        Callback::from(move |event: PointerEvent| {
            if event.pointer_type() == "mouse" && gesture.borrow().pointers.is_empty() {
                if hovered.is_some() {
                    dispatch.emit(Action::Hover(None));
                }
                tooltip.set(None);
            }
        })
    };
    let onclick = {
        let gesture = gesture.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: MouseEvent| {
            let mut g = gesture.borrow_mut();
            if std::mem::take(&mut g.dragged) {
                return;
            }
            if let Some(code) = country_of(event.target()) {
                dispatch.emit(Action::ActivateCountry(code));
            }
        })
    };
    let ondblclick = {
        let gesture = gesture.clone();
        let dispatch = props.dispatch.clone();
        let to_map = to_map.clone();
        Callback::from(move |event: MouseEvent| {
            // Touch double taps are handled on pointer up.
            if gesture.borrow().touch {
                return;
            }
            event.prevent_default();
            if let Some(anchor) = to_map(client_point(&event)) {
                dispatch.emit(Action::Zoom(Zoom::In(Some(anchor))));
            }
        })
    };
    let onkeydown = {
        let dispatch = props.dispatch.clone();
        let view = view_box;
        Callback::from(move |event: KeyboardEvent| {
            if event.ctrl_key() || event.meta_key() || event.alt_key() {
                return;
            }
            let pan = |dx: f64, dy: f64| {
                Action::Zoom(Zoom::Pan(
                    dx * view.width * PAN_STEP,
                    dy * view.height * PAN_STEP,
                ))
            };
            let action = match event.key().as_str() {
                "+" | "=" => Action::Zoom(Zoom::In(None)),
                "-" | "_" => Action::Zoom(Zoom::Out(None)),
                "0" => Action::Zoom(Zoom::Reset),
                "ArrowLeft" => pan(-1.0, 0.0),
                "ArrowRight" => pan(1.0, 0.0),
                "ArrowUp" => pan(0.0, -1.0),
                "ArrowDown" => pan(0.0, 1.0),
                "Enter" | " " => match country_of(event.target()) {
                    Some(code) => Action::ActivateCountry(code),
                    None => return,
                },
                _ => return,
            };
            event.prevent_default();
            dispatch.emit(action);
        })
    };
    let onfocusin = {
        let dispatch = props.dispatch.clone();
        let tooltip = tooltip.clone();
        Callback::from(move |event: FocusEvent| {
            let code = country_of(event.target());
            dispatch.emit(Action::Hover(code));
            // A country reached with Tab while zoomed in is brought into view.
            if let Some(shape) = code.and_then(|code| EUROPE.shape(code)) {
                let [x, y] = shape.label.map(f64::from);
                let inside = x >= view_box.x
                    && x <= view_box.right()
                    && y >= view_box.y
                    && y <= view_box.bottom();
                if !inside {
                    let [cx, cy] = view_box.center();
                    dispatch.emit(Action::Zoom(Zoom::Pan(x - cx, y - cy)));
                }
            }
            tooltip.set(code.map(|code| TooltipAnchor { code, at: None }));
        })
    };
    let onfocusout = {
        let dispatch = props.dispatch.clone();
        let tooltip = tooltip.clone();
        Callback::from(move |_: FocusEvent| {
            dispatch.emit(Action::Hover(None));
            tooltip.set(None);
        })
    };

    // What never changes, what changes with the colouring, and what changes with the size and
    // the zoom are each computed once, not on every hover.
    let members = use_memo(lang, |lang| Members::new(lang.strings()));
    let fills = use_memo(state.colouring, |colouring| members.fills(*colouring));
    let geometry = use_memo((size, state.viewport), |(size, _)| {
        Geometry::new(&members.covered, *size, view_box)
    });
    let covered = &members.covered;
    let highlighted = state.highlighted();
    // Countries of the association hovered on the timeline, list or table.
    let linked: Vec<&'static str> = state
        .hovered_association
        .and_then(|acronym| data.association(acronym))
        .map(|a| a.countries.iter().map(|c| &**c).collect())
        .unwrap_or_default();
    let at_home = state.viewport == crate::geo::viewport::Viewport::home();

    let tooltip_html = match (*tooltip, state.hovered) {
        (Some(anchor), Some(code)) if anchor.code == code => {
            let at = anchor.at.or_else(|| {
                let shape = EUROPE.shape(code)?;
                Some(map_to_element(
                    size?,
                    view_box_array,
                    shape.label.map(f64::from),
                ))
            });
            match at {
                Some(at) => html! {
                    <MapTooltip code={code} at={at} frame={size.unwrap_or_default()} />
                },
                None => html! {},
            }
        }
        _ => html! {},
    };

    html! {
        <figure class="map-figure" aria-labelledby="map-caption">
            <div class="map-stage">
            <div class={classes!("map-frame", at_home.then_some("at-home"))}>
                <svg class="europe-map" ref={svg_ref} viewBox={state.viewport.view_box_attr(&EUROPE)}
                    role="group" aria-labelledby="map-title" aria-describedby="map-desc"
                    preserveAspectRatio="xMidYMid meet"
                    {onpointerdown} {onpointermove} {onpointerup} {onpointercancel} {onpointerleave}
                    {onclick} {ondblclick} {onkeydown} {onfocusin} {onfocusout}>
                    <title id="map-title">{ t.map_title }</title>
                    <desc id="map-desc">
                        { t.count(&t.map_description, covered.len(), &[]) }
                    </desc>
                    <defs>
                        for (code, fill) in fills.iter().filter(|(_, f)| f.slots().len() > 1) {
                            { stripes(code, fill) }
                        }
                    </defs>
                    <rect class="sea" x={view_box.x.to_string()} y={view_box.y.to_string()}
                        width={view_box.width.to_string()} height={view_box.height.to_string()} />
                    // The shapes and the labels are components of their own with the props they
                    // use: a hover changes neither, so Yew skips them and redraws only the
                    // outlines and the tooltip.
                    <MapShapes members={members.clone()} fills={fills.clone()}
                        geometry={geometry.clone()} highlighted={highlighted.clone()} year={state.year} />
                    <g class="outlines" aria-hidden="true">
                        for code in highlighted.iter().chain(state.hovered.iter()).chain(linked.iter()) {
                            if let Some(shape) = EUROPE.shape(code) {
                                <path class={classes!("outline-halo", highlighted.contains(code).then_some("selected"))} d={shape.d()} />
                                <path class={classes!("outline", highlighted.contains(code).then_some("selected"))} d={shape.d()} />
                            }
                        }
                    </g>
                    <MapLabels geometry={geometry.clone()} year={state.year} />
                </svg>
                <MapControls dispatch={props.dispatch.clone()} has_selection={state.selection.is_some()} at_home={at_home} />
                { tooltip_html }
                if *wheel_hint {
                    <p class="wheel-hint" role="status">{ t.wheel_hint }</p>
                }
            </div>
            </div>
        </figure>
    }
}

#[derive(Properties)]
struct MapShapesProps {
    members: Rc<Members>,
    fills: Rc<Vec<(&'static str, Fill)>>,
    geometry: Rc<Geometry>,
    highlighted: Vec<&'static str>,
    year: u16,
}

/// Memoised values are compared by identity: the same `Rc` is the same value.
impl PartialEq for MapShapesProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.members, &other.members)
            && Rc::ptr_eq(&self.fills, &other.fills)
            && Rc::ptr_eq(&self.geometry, &other.geometry)
            && self.highlighted == other.highlighted
            && self.year == other.year
    }
}

/// The countries (the members coloured and focusable) and the hit targets of small members.
#[function_component(MapShapes)]
fn map_shapes(props: &MapShapesProps) -> Html {
    let data = dataset();
    let MapShapesProps {
        members,
        fills,
        geometry,
        highlighted,
        year,
    } = props;
    let is_member =
        |id: Option<&str>| id.is_some_and(|id| members.covered.binary_search(&id).is_ok());
    html! {
        <>
            <g class="context" aria-hidden="true">
                for shape in EUROPE.countries.iter().filter(|s| !is_member(s.id)) {
                    <path class="country" d={shape.d()} />
                }
            </g>
            <g class="members">
                for ((code, fill), name) in fills.iter().zip(members.names.iter()) {
                    if let Some(shape) = EUROPE.shape(code) {
                        {{
                            let path = html! {
                                <path
                                    class={classes!("country", "member", fill.class(code),
                                        highlighted.contains(code).then_some("selected"),
                                        status_class(country_status(data, code, *year)))}
                                    d={shape.d()} data-country={*code} tabindex="0" role="button"
                                    aria-pressed={highlighted.contains(code).to_string()}
                                    aria-label={name.clone()} />
                            };
                            // A striped country's paint is its group's `fill`, which it inherits.
                            match fill.pattern(code) {
                                Some(pattern) => html! { <g class="stripes" fill={pattern}>{ path }</g> },
                                None => path,
                            }
                        }}
                    }
                }
            </g>
            <g class="targets" aria-hidden="true">
                for target in geometry.targets.iter() {
                    if distance(target.center, target.anchor) > 0.5 {
                        <line class="leader" x1={target.anchor[0].to_string()} y1={target.anchor[1].to_string()}
                            x2={target.center[0].to_string()} y2={target.center[1].to_string()} />
                    }
                    <circle class={classes!("hit-target", highlighted.contains(&target.code).then_some("selected"))}
                        cx={target.center[0].to_string()} cy={target.center[1].to_string()}
                        r={target.radius.to_string()} data-country={target.code} />
                }
            </g>
        </>
    }
}

#[derive(Properties)]
struct MapLabelsProps {
    geometry: Rc<Geometry>,
    year: u16,
}

impl PartialEq for MapLabelsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.geometry, &other.geometry) && self.year == other.year
    }
}

/// The associations' acronyms on the map.
#[function_component(MapLabels)]
fn map_labels(props: &MapLabelsProps) -> Html {
    let data = dataset();
    let geometry = &props.geometry;
    html! {
        <g class="labels" aria-hidden="true" font-size={crate::format::fixed(geometry.label_font, 2)}>
            for label in geometry.labels.iter() {
                <text class={classes!("map-label", status_class(country_status(data, label.country, props.year)))}
                    x={crate::format::fixed(label.x, 1)} y={crate::format::fixed(label.y, 1)}
                    data-country={label.country}>{ &label.text }</text>
            }
        </g>
    }
}

/// A pattern of diagonal stripes, one per association, for a country with several.
fn stripes(code: &str, fill: &Fill) -> Html {
    let slots = fill.slots();
    let width = 6.0 * slots.len() as f64;
    html! {
        <pattern id={stripes_id(code)} patternUnits="userSpaceOnUse"
            width={width.to_string()} height={width.to_string()} patternTransform="rotate(45)">
            for (i, slot) in slots.iter().enumerate() {
                <rect class={format!("stripe fill-a{slot}")} x={(6.0 * i as f64).to_string()} y="0"
                    width="6" height={width.to_string()} />
            }
        </pattern>
    }
}

/// The member countries in Tab order, with their accessible names and colour slots.
struct Members {
    /// ISO codes, sorted.
    covered: Vec<&'static str>,
    /// ISO codes in reading order.
    order: Vec<&'static str>,
    /// Accessible names, in `order`.
    names: Vec<AttrValue>,
    slots: AssociationSlots<'static>,
}

impl Members {
    fn new(t: &Strings) -> Self {
        let data = dataset();
        let covered = data.covered_country_codes();
        let order = reading_order(&EUROPE, &covered);
        let names = order
            .iter()
            .map(|code| AttrValue::from(format::country_summary(t, data, code)))
            .collect();
        Self {
            covered,
            order,
            names,
            slots: AssociationSlots::new(data, &EUROPE),
        }
    }

    /// How each member is filled in a colouring, in `order`.
    fn fills(&self, colouring: Colouring) -> Vec<(&'static str, Fill)> {
        self.order
            .iter()
            .map(|&code| (code, fill_with(&self.slots, dataset(), colouring, code)))
            .collect()
    }
}

/// Hit areas and labels for one map size and view.
struct Geometry {
    targets: Vec<HitTarget>,
    labels: Vec<Label>,
    /// Label font size in map units.
    label_font: f64,
}

/// The map's width in CSS pixels before it is measured: about its width on a laptop's screen.
/// The first view in `index.html` (rendered at build time, where nothing can be measured) places
/// its labels for this width; the app places them again for the real size before its first paint.
const UNMEASURED_WIDTH_PX: f64 = 620.0;

impl Geometry {
    fn new(covered: &[&'static str], size: Option<[f64; 2]>, view_box: Rect) -> Self {
        let [width, height] = size.unwrap_or([
            UNMEASURED_WIDTH_PX,
            UNMEASURED_WIDTH_PX * view_box.height / view_box.width,
        ]);
        let scale = Some(px_per_unit(
            Rect {
                x: 0.0,
                y: 0.0,
                width,
                height,
            },
            view_box,
        ))
        .filter(|ppu| *ppu > 0.0);
        let label_px = (width * LABEL_FRACTION_OF_WIDTH).clamp(LABEL_PX.0, LABEL_PX.1);
        Self {
            targets: scale
                .map(|ppu| hit_targets(covered, &EUROPE, ppu, MIN_TARGET_PX))
                .unwrap_or_default(),
            labels: scale
                .map(|ppu| place_labels(dataset(), &EUROPE, ppu, label_px, view_box))
                .unwrap_or_default(),
            label_font: scale.map_or(label_px, |ppu| label_px / ppu),
        }
    }
}
