//! A plain list of the associations, oldest first. Its acronyms are one Tab stop (`crate::roving`):
//! ↑ and ↓ go from association to association, Home and End to the ends.

use super::use_strings;
use crate::data::{dataset, Association};
use crate::format;
use crate::i18n::{fill, Strings};
use crate::roving::{self, Axis};
use crate::state::Action;
use crate::vocab::Selection;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AssociationListProps {
    pub selection: Option<Selection>,
    pub dispatch: Callback<Action>,
}

/// Every association with its full name, countries, founding year and membership; the acronym
/// selects it.
#[function_component(AssociationList)]
pub fn association_list(props: &AssociationListProps) -> Html {
    let data = dataset();
    let chosen = data.associations_of(props.selection);
    let t = use_strings();
    let list = use_node_ref();
    // Oldest first, sorted once: the entries and the arrow keys (by acronym) follow one order.
    let sorted = use_memo((), |()| {
        let associations = data.associations_by_founding();
        let order: Vec<&'static str> = associations.iter().map(|a| &*a.acronym).collect();
        (associations, order)
    });
    let (associations, order) = (&sorted.0, &sorted.1);
    // The acronym with keyboard focus; else Tab reaches the chosen one, else the first.
    let focused = use_state_eq(|| None::<&'static str>);
    let tab_stop = roving::tab_stop(order, *focused, |a| chosen.iter().any(|c| c.acronym == *a));
    let onkeydown = {
        let (list, sorted, dispatch) = (list.clone(), sorted.clone(), props.dispatch.clone());
        Callback::from(move |event: KeyboardEvent| {
            let Some(on) = acronym_of(event.target()) else {
                return;
            };
            let key = event.key();
            // Enter and Space select here rather than by the button's click, which Firefox does
            // not send for a button focused by a script while its window is in the background.
            if matches!(key.as_str(), "Enter" | " ") {
                event.prevent_default();
                dispatch.emit(Action::Select(Selection::Association(on)));
                return;
            }
            let button = roving::step(&sorted.1, Some(on), &key, Axis::Vertical).and_then(|next| {
                let selector = format!("li[data-association=\"{next}\"] .acronym");
                list.cast::<Element>()?.query_selector(&selector).ok()?
            });
            if let Some(button) = button.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
                event.prevent_default();
                let _ = button.focus();
            }
        })
    };
    let onfocusin = {
        let focused = focused.clone();
        Callback::from(move |event: FocusEvent| focused.set(acronym_of(event.target())))
    };
    let onfocusout = {
        let focused = focused.clone();
        Callback::from(move |event: FocusEvent| {
            if acronym_of(event.related_target()).is_none() {
                focused.set(None);
            }
        })
    };
    html! {
        <section class="associations" aria-labelledby="associations-heading">
            <h2 id="associations-heading">{ t.list_heading() }</h2>
            <ol class="association-list" ref={list} {onkeydown} {onfocusin} {onfocusout}>
                for &association in associations.iter() {
                    { entry(t, association, chosen.iter().any(|a| a.acronym == association.acronym),
                        tab_stop == Some(&*association.acronym), &props.dispatch) }
                }
            </ol>
        </section>
    }
}

/// The association whose acronym button an event happened on.
fn acronym_of(target: Option<web_sys::EventTarget>) -> Option<&'static str> {
    let element = target?.dyn_into::<Element>().ok()?;
    if !element.class_list().contains("acronym") {
        return None;
    }
    let holder = element.closest("[data-association]").ok()??;
    let association = dataset().association(&holder.get_attribute("data-association")?)?;
    Some(&association.acronym)
}

fn entry(
    t: &'static Strings,
    association: &'static Association,
    selected: bool,
    tab_stop: bool,
    dispatch: &Callback<Action>,
) -> Html {
    let data = dataset();
    let acronym: &'static str = &association.acronym;
    let onclick = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::Select(Selection::Association(acronym)))
        })
    };
    let countries =
        format::country_names(t, data, association.countries.iter().map(|c| c.as_ref()));
    html! {
        <li class={class_list!("association", selected.then_some("selected"))} data-association={acronym}>
            <p class="association-title">
                <button type="button" class="acronym" aria-pressed={selected.to_string()}
                    tabindex={if tab_stop { "0" } else { "-1" }} {onclick}>{ acronym }</button>
                { super::own_name(t, association, "name") }
            </p>
            <p class="association-facts">
                <span class="countries">{ countries }</span>
                <span class="founded">{ fill(t.list_founded(), &[("year", &format::founding(t, &association.founded))]) }</span>
                if let Some(count) = association.members.first() {
                    <span class="members">{ format::members(t, count, t.about_association(acronym, "members.1")) }</span>
                }
            </p>
            <p class="association-description">{ t.about_association(acronym, "description").unwrap_or_default() }</p>
            if let Some(representation) = &association.represented_by {
                <p class="association-relation">
                    { fill(t.represented_by(), &[("acronym", &representation.association)]) }
                </p>
            }
            if let Some(joining) = &association.joined_impala {
                <p class="association-relation">{ fill(t.joined(), &[("year", &joining.year.to_string())]) }</p>
            }
        </li>
    }
}
