//! A group of buttons as one Tab stop (WAI-ARIA's toolbar pattern): Tab reaches the button last
//! focused, else the chosen one (the view shown, the theme in use), else the first; the arrow
//! keys move between the group's enabled buttons (← ↑ back, → ↓ on), Home and End to the ends.
//! The order and the steps are `crate::roving`'s; this hook reads the buttons from the page.

use crate::roving::{self, Axis};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// A toolbar's state: [`Toolbar::container`] (or [`Toolbar::column`]) renders its container
/// with the ref and the handlers (Yew delegates events, so the container is found by its ref, not
/// the event), and [`Toolbar::tabindex`] goes on each button, by its place among the container's
/// buttons.
pub struct Toolbar {
    node: NodeRef,
    onkeydown: Callback<KeyboardEvent>,
    onfocusin: Callback<FocusEvent>,
    onfocusout: Callback<FocusEvent>,
    stop: usize,
}

impl Toolbar {
    /// The toolbar's container, `<div role="toolbar">` with `class` and the accessible name
    /// `label`, holding `buttons` (and whatever else the row shows, such as its visible label).
    pub fn container(&self, class: &'static str, label: &'static str, buttons: Html) -> Html {
        self.render(class, label, None, buttons)
    }

    /// The same for a column of buttons (`aria-orientation="vertical"`), such as the zoom
    /// buttons.
    pub fn column(&self, class: &'static str, label: &'static str, buttons: Html) -> Html {
        self.render(class, label, Some("vertical"), buttons)
    }

    fn render(
        &self,
        class: &'static str,
        label: &'static str,
        orientation: Option<&'static str>,
        buttons: Html,
    ) -> Html {
        html! {
            <div class={class} role="toolbar" aria-orientation={orientation} aria-label={label}
                ref={self.node.clone()} onkeydown={self.onkeydown.clone()}
                onfocusin={self.onfocusin.clone()} onfocusout={self.onfocusout.clone()}>
                { buttons }
            </div>
        }
    }

    /// `"0"` for the button Tab reaches, `"-1"` for the others.
    pub fn tabindex(&self, index: usize) -> &'static str {
        if index == self.stop {
            "0"
        } else {
            "-1"
        }
    }
}

/// The buttons inside the container, and the index among them of the one `target` is in.
fn buttons_of(
    node: &NodeRef,
    target: Option<web_sys::EventTarget>,
) -> Option<(Vec<Element>, usize)> {
    let container = node.cast::<Element>()?;
    let list = container.query_selector_all("button").ok()?;
    let buttons: Vec<Element> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect();
    let target = target?.dyn_into::<Element>().ok()?;
    let button = target.closest("button").ok()??;
    let index = buttons.iter().position(|b| *b == button)?;
    Some((buttons, index))
}

/// One Tab stop for the `len` buttons of a group; `chosen` is the index of the button Tab
/// reaches when none of them was focused last (or the one focused is gone: the downloads
/// offered change with the view).
#[hook]
pub fn use_toolbar(chosen: usize, len: usize) -> Toolbar {
    let focused = use_state_eq(|| None::<usize>);
    let node = use_node_ref();
    let onkeydown = {
        let node = node.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.ctrl_key() || event.meta_key() || event.alt_key() || event.shift_key() {
                return;
            }
            let key = match event.key().as_str() {
                "ArrowUp" => "ArrowLeft".to_owned(),
                "ArrowDown" => "ArrowRight".to_owned(),
                other => other.to_owned(),
            };
            let Some((buttons, index)) = buttons_of(&node, event.target()) else {
                return;
            };
            let enabled: Vec<usize> = (0..buttons.len())
                .filter(|&i| !buttons[i].has_attribute("disabled"))
                .collect();
            let next = roving::step(&enabled, Some(index), &key, Axis::Horizontal);
            let button = next.and_then(|i| buttons.get(i)?.clone().dyn_into::<HtmlElement>().ok());
            if let Some(button) = button {
                event.prevent_default();
                let _ = button.focus();
            }
        })
    };
    let onfocusin = {
        let (focused, node) = (focused.clone(), node.clone());
        Callback::from(move |event: FocusEvent| {
            focused.set(buttons_of(&node, event.target()).map(|(_, i)| i));
        })
    };
    let onfocusout = {
        let (focused, node) = (focused.clone(), node.clone());
        Callback::from(move |event: FocusEvent| {
            if buttons_of(&node, event.related_target()).is_none() {
                focused.set(None);
            }
        })
    };
    Toolbar {
        node,
        onkeydown,
        onfocusin,
        onfocusout,
        stop: focused
            .filter(|&i| i < len)
            .unwrap_or_else(|| chosen.min(len.saturating_sub(1))),
    }
}
