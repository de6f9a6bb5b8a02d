//! The map's layers, each a component with only the props it uses: the countries
//! ([`MapShapes`]: members coloured and focusable, the rest as context, hit targets for small
//! members) and the acronym labels ([`MapLabels`]), with what they are computed from, once per
//! language ([`Members`]), colouring ([`Members::fills`]) and size and zoom ([`Geometry`]); what
//! is hovered ([`MapHover`], the one layer a hover re-renders); and a country's outline
//! ([`outline`]), for the selection in the map and for what is hovered in the layer over it.

use super::map_tooltip::{tooltip, tooltip_position, TooltipAt};
use super::{status_class, use_strings};
use crate::data::dataset;
use crate::format;
use crate::geo::europe::{CountryShape, EUROPE};
use crate::geo::labels::{place_labels, Label};
use crate::geo::order::{map_to_element, reading_order};
use crate::geo::targets::{hit_targets, HitTarget};
use crate::geo::viewport::{px_per_unit, Rect};
use crate::growth::country_status;
use crate::hooks::{use_hovering, use_made_by_adoption, HoverStore};
use crate::i18n::Strings;
use crate::number::short;
use crate::palette::{fill_with, stripes_id, AssociationSlots, Fill};
use crate::vocab::Colouring;
use std::rc::Rc;
use yew::prelude::*;

/// Smallest hit target on screen for a small country, in CSS pixels (WCAG 2.5.8 asks 24).
const MIN_TARGET_PX: f64 = 28.0;
/// Label font size in CSS pixels: a fraction of the map's width, within these bounds.
const LABEL_PX: (f64, f64) = (11.0, 26.0);
const LABEL_FRACTION_OF_WIDTH: f64 = 1.0 / 70.0;

#[derive(Properties)]
pub struct MapShapesProps {
    pub members: Rc<Members>,
    pub fills: Rc<Vec<(&'static str, Fill)>>,
    pub geometry: Rc<Geometry>,
    pub highlighted: Vec<&'static str>,
    pub year: u16,
    /// The member that Tab reaches: the map is one Tab stop (a roving tabindex).
    pub tab_stop: Option<&'static str>,
}

/// Memoised values are compared by identity: the same `Rc` is the same value.
impl PartialEq for MapShapesProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.members, &other.members)
            && Rc::ptr_eq(&self.fills, &other.fills)
            && Rc::ptr_eq(&self.geometry, &other.geometry)
            && self.highlighted == other.highlighted
            && self.year == other.year
            && self.tab_stop == other.tab_stop
    }
}

/// The countries (the members coloured and focusable) and the hit targets of small members.
#[function_component(MapShapes)]
pub fn map_shapes(props: &MapShapesProps) -> Html {
    let data = dataset();
    let MapShapesProps {
        members,
        fills,
        geometry,
        highlighted,
        year,
        tab_stop,
    } = props;
    let is_member =
        |id: Option<&str>| id.is_some_and(|id| members.covered.binary_search(&id).is_ok());
    // The map made by adopting the first view keeps the paths the build wrote in its nodes: Yew
    // would write every one back when it adopts them (71 KB of text, read into the wasm first),
    // and the shapes never change. A map made later (another view's) has them from
    // `geo::europe`. So that no path of the adopted map is ever made again (it would have no
    // `d`), a member's path always sits in a group, which names its stripes when it has them.
    let keeps_paths = use_made_by_adoption();
    let d = |shape: &CountryShape| (!keeps_paths).then(|| shape.d());
    html! {
        <>
            <g class="context" aria-hidden="true">
                for shape in EUROPE.countries.iter().filter(|s| !is_member(s.id)) {
                    <path class="country" d={d(shape)} />
                }
            </g>
            <g class="members">
                for ((code, fill), name) in fills.iter().zip(members.names.iter()) {
                    if let Some(shape) = EUROPE.shape(code) {
                        {{
                            let path = html! {
                                <path
                                    class={class_list!("country", "member", fill.class(code),
                                        highlighted.contains(code).then_some("selected"),
                                        status_class(country_status(data, code, *year)))}
                                    d={d(shape)} data-country={*code} role="button"
                                    tabindex={if *tab_stop == Some(*code) { "0" } else { "-1" }}
                                    aria-pressed={highlighted.contains(code).to_string()}
                                    aria-label={name.clone()} />
                            };
                            // A striped country's paint is its group's `fill`, which it inherits.
                            html! { <g fill={fill.pattern(code)}>{ path }</g> }
                        }}
                    }
                }
            </g>
            <g class="targets" aria-hidden="true">
                for target in geometry.targets.iter() {
                    if (target.center[0] - target.anchor[0]).hypot(target.center[1] - target.anchor[1]) > 0.5 {
                        <line class="leader" x1={short(target.anchor[0])} y1={short(target.anchor[1])}
                            x2={short(target.center[0])} y2={short(target.center[1])} />
                    }
                    <circle class={class_list!("hit-target", highlighted.contains(&target.code).then_some("selected"))}
                        cx={short(target.center[0])} cy={short(target.center[1])}
                        r={short(target.radius)} data-country={target.code} />
                }
            </g>
        </>
    }
}

#[derive(Properties)]
pub struct MapLabelsProps {
    pub geometry: Rc<Geometry>,
    pub year: u16,
}

impl PartialEq for MapLabelsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.geometry, &other.geometry) && self.year == other.year
    }
}

/// The associations' acronyms on the map.
#[function_component(MapLabels)]
pub fn map_labels(props: &MapLabelsProps) -> Html {
    let data = dataset();
    let geometry = &props.geometry;
    html! {
        <g class="labels" aria-hidden="true" font-size={crate::number::fixed(geometry.label_font, 2)}>
            for label in geometry.labels.iter() {
                <text class={class_list!("map-label", status_class(country_status(data, label.country, props.year)))}
                    x={crate::number::fixed(label.x, 1)} y={crate::number::fixed(label.y, 1)}
                    data-country={label.country}>{ &label.text }</text>
            }
        </g>
    }
}

/// A pattern of diagonal stripes, one per association, for a country with several.
pub fn stripes(code: &str, fill: &Fill) -> Html {
    let slots = fill.slots();
    let width = (6 * slots.len()).to_string();
    html! {
        <pattern id={stripes_id(code)} patternUnits="userSpaceOnUse"
            width={width.clone()} height={width.clone()} patternTransform="rotate(45)">
            for (i, slot) in slots.iter().enumerate() {
                <rect class={format!("stripe fill-a{slot}")} x={(6 * i).to_string()} y="0"
                    width="6" height={width.clone()} />
            }
        </pattern>
    }
}

/// The member countries in Tab order, with their accessible names and colour slots.
pub struct Members {
    /// ISO codes, sorted.
    pub covered: Vec<&'static str>,
    /// ISO codes in reading order.
    pub order: Vec<&'static str>,
    /// Accessible names, in `order`.
    pub names: Vec<AttrValue>,
    slots: AssociationSlots<'static>,
}

impl Members {
    pub fn new(t: &Strings) -> Self {
        let data = dataset();
        let covered = data.covered_country_codes();
        let order = reading_order(&EUROPE, &covered);
        let names = order
            .iter()
            .enumerate()
            .map(|(i, code)| {
                let summary = format::country_summary(t, data, code);
                let (position, total) = ((i + 1).to_string(), order.len().to_string());
                AttrValue::from(crate::i18n::fill(
                    t.map_country(),
                    &[
                        ("summary", &summary),
                        ("position", &position),
                        ("total", &total),
                    ],
                ))
            })
            .collect();
        Self {
            covered,
            order,
            names,
            slots: AssociationSlots::new(data, &EUROPE),
        }
    }

    /// How each member is filled in a colouring, in `order`.
    pub fn fills(&self, colouring: Colouring) -> Vec<(&'static str, Fill)> {
        self.order
            .iter()
            .map(|&code| (code, fill_with(&self.slots, dataset(), colouring, code)))
            .collect()
    }
}

/// Hit areas and labels for one map size and view.
pub struct Geometry {
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
    pub fn new(covered: &[&'static str], size: Option<[f64; 2]>, view_box: Rect) -> Self {
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

/// A country's outline: a dark line on a light halo, visible on every fill; wider when selected.
pub fn outline(code: &str, selected: bool) -> Html {
    let Some(shape) = EUROPE.shape(code) else {
        return Html::default();
    };
    html! {
        <>
            <path class={class_list!("outline-halo", selected.then_some("selected"))} d={shape.d()} />
            <path class={class_list!("outline", selected.then_some("selected"))} d={shape.d()} />
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct MapHoverProps {
    pub hover: HoverStore,
    /// The view box the map shows.
    pub view_box: Rect,
    /// The map element's size in pixels, once measured.
    pub size: Option<[f64; 2]>,
    /// The selected countries: their outline is the selection's, hovered or not.
    pub highlighted: Vec<&'static str>,
}

/// What is hovered (`hooks::hover`): the country under the pointer or focus and the countries
/// of the association hovered on the timeline, outlined in a layer of their own over the map (a
/// hover repaints that layer, not every country; the map's download keeps the selection's
/// outline, which is drawn in the map itself), and the tooltip. The only part of the map a hover
/// re-renders.
#[function_component(MapHover)]
pub fn map_hover(props: &MapHoverProps) -> Html {
    let t = use_strings();
    let hovering = use_hovering(&props.hover);
    let (country, association) = (hovering.hover.country, hovering.hover.association);
    let linked = dataset().countries_of(association.map(crate::vocab::Selection::Association));
    let view = props.view_box;
    let tip = match (hovering.tip, country) {
        (Some(tip), Some(code)) if tip.code == code => tip
            .at
            .or_else(|| {
                let label = EUROPE.shape(code)?.label.map(f64::from);
                let [x, y, w, h] = [view.x, view.y, view.width, view.height];
                Some(map_to_element(props.size?, [x, y, w, h], label))
            })
            .map(|at| TooltipAt { code, at }),
        _ => None,
    };
    let node = use_node_ref();
    {
        let node = node.clone();
        let position = tip.map(|tip| tooltip_position(tip.at));
        use_effect_with(position, move |position| {
            let element = node.cast::<web_sys::HtmlElement>();
            if let (Some(element), Some([left, top])) = (element, position) {
                let style = element.style();
                let _ = style.set_property("left", left);
                let _ = style.set_property("top", top);
            }
        });
    }
    html! {
        <>
            <svg class="map-hover" aria-hidden="true" viewBox={view.view_box_attr()}
                preserveAspectRatio="xMidYMid meet">
                for code in country.iter().chain(linked.iter()) {
                    { outline(code, props.highlighted.contains(code)) }
                }
            </svg>
            if let Some(tip) = tip {
                { tooltip(t, tip, props.size.unwrap_or_default(), node) }
            }
        </>
    }
}
