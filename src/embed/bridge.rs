//! The host page's side of the app, in the browser: listens to `message` events (origin checked,
//! then read through [`Peek`] and validated by [`super::protocol`]), posts the app's
//! events and its content height to the parent window, and marks the document as framed. Every
//! browser call lives here, in one hook; the rules are in the pure protocol module.

use super::protocol::{
    datawrapper_height, receive, Allowlist, Counters, Event, HeightReport, Ignored, Loose, Peek,
};
use crate::hooks::{framing_parent, Listener, ListenerOptions};
use crate::state::{Action, AppState};
use crate::vocab::Selection;
use serde::Serialize;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, ResizeObserver, Window};
use yew::prelude::*;

/// The origins obeyed by default, set when the app is built (`IMPALA_MAP_EMBED_ORIGINS`, a
/// comma- or space-separated list of origins); the app's own origin is always added.
const BUILD_ORIGINS: &str = match option_env!("IMPALA_MAP_EMBED_ORIGINS") {
    Some(list) => list,
    None => "https://www.impalamusic.org https://impalamusic.org",
};

/// The id under which the height goes out in Datawrapper's format, unless the URL's `embed-id`
/// names another.
const DEFAULT_EMBED_ID: &str = "impala-map";

/// What the bridge exposes to the page (as `data-*` attributes on the app's root, for hosts'
/// tests): the message counters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BridgeStatus {
    pub counters: Counters,
}

fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}

/// Serialises `value` the way a host's script expects plain JSON objects.
fn to_js<T: Serialize>(value: &T) -> Option<JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .ok()
}

/// A message's data, as the protocol reads it. It is a structured clone of what the host posted:
/// plain data, with no functions and no getters that could run or throw.
struct JsMessage(JsValue);

impl Peek for JsMessage {
    fn loose(&self) -> Loose {
        let value = &self.0;
        if value.is_null() || value.is_undefined() {
            Loose::Null
        } else if let Some(flag) = value.as_bool() {
            Loose::Bool(flag)
        } else if let Some(number) = value.as_f64() {
            Loose::Number(number)
        } else if value.is_bigint() {
            // Integers beyond 2^53 lose precision, and beyond 64 bits read as NaN: no field of
            // the schema is that large.
            let bigint: js_sys::BigInt = value.clone().unchecked_into();
            #[allow(clippy::cast_precision_loss)]
            Loose::Number(i64::try_from(bigint).map_or(f64::NAN, |n| n as f64))
        } else if let Some(text) = value.as_string() {
            Loose::Text(text)
        } else if js_sys::Array::is_array(value) || js_sys::ArrayBuffer::is_view(value) {
            Loose::List
        } else {
            Loose::Object
        }
    }

    fn field(&self, key: &str) -> Option<JsMessage> {
        if !self.0.is_object() {
            return None;
        }
        let object: &js_sys::Object = self.0.unchecked_ref();
        let key = JsValue::from_str(key);
        if !js_sys::Object::has_own(object, &key) {
            return None;
        }
        js_sys::Reflect::get(object, &key).ok().map(JsMessage)
    }
}

/// Posts `message` to the page that frames the app; a page that is not framed gets nothing, and
/// nothing is serialised for it.
fn post<T: Serialize>(window: &Window, message: &T) {
    if let Some(parent) = framing_parent(window) {
        if let Some(message) = to_js(message) {
            // Events carry only public facts (what is shown), so any host may read them.
            let _ = parent.post_message(&message, "*");
        }
    }
}

/// The allowlist in force: the build's origins and the app's own, narrowed by the URL's
/// `origins` parameter when there is one.
fn allowlist(window: &Window) -> Allowlist {
    let own = window.location().origin().unwrap_or_default();
    let (built, dropped) = Allowlist::from_build(&format!("{BUILD_ORIGINS} {own}"));
    for entry in dropped.iter().filter(|entry| entry.as_str() != "null") {
        warn(&format!(
            "embed: the build's origin list has {entry:?}, which is not an origin"
        ));
    }
    match crate::hooks::page_settings().origins {
        Some(param) => {
            let (narrowed, dropped) = built.narrow(&param);
            for entry in dropped {
                warn(&format!(
                    "embed: origins={entry:?} ignored: not an allowed origin"
                ));
            }
            narrowed
        }
        None => built,
    }
}

/// Runs the bridge: obeys allowed hosts' commands, reports events and height to the parent.
/// Returns the message counters (they change as messages arrive).
#[hook]
pub fn use_embed_bridge(state: &AppState, dispatch: Callback<Action>) -> BridgeStatus {
    let status = use_state_eq(BridgeStatus::default);
    let latest_dispatch = use_mut_ref(|| dispatch.clone());
    *latest_dispatch.borrow_mut() = dispatch;

    // Listen for messages, measure the height, say "ready": once.
    {
        let status = status.clone();
        use_effect_with((), move |()| {
            let mut cleanup: Vec<Box<dyn FnOnce()>> = Vec::new();
            if let Some(window) = crate::hooks::window() {
                if framing_parent(&window).is_some() {
                    if let Some(root) = window.document().and_then(|d| d.document_element()) {
                        let _ = root.class_list().add_1("in-frame");
                    }
                }
                let allowed = allowlist(&window);
                let counters = Rc::new(RefCell::new(Counters::default()));
                let on_message = {
                    let counters = counters.clone();
                    let window = window.clone();
                    move |event: web_sys::Event| {
                        let Ok(event) = event.dyn_into::<MessageEvent>() else {
                            return;
                        };
                        // Only the embedding page gives commands; messages from elsewhere (the
                        // embed dialog's own preview frame, other scripts' windows) are not
                        // addressed to the app.
                        let from_parent = match (event.source(), framing_parent(&window)) {
                            (Some(source), Some(parent)) => {
                                JsValue::from(source) == JsValue::from(parent)
                            }
                            _ => false,
                        };
                        if !from_parent {
                            return;
                        }
                        let outcome = receive(&allowed, &event.origin(), &JsMessage(event.data()));
                        counters.borrow_mut().record(&outcome);
                        match outcome {
                            Ok(command) => latest_dispatch.borrow().emit(command.to_action()),
                            Err(Ignored::Invalid(rejection)) if !rejection.is_foreign() => {
                                warn(&format!("embed: message ignored: {rejection}"));
                            }
                            Err(Ignored::Origin(origin)) => {
                                warn(&format!(
                                    "embed: message from {origin} ignored: origin not allowed"
                                ));
                            }
                            Err(_) => {}
                        }
                        status.set(BridgeStatus {
                            counters: *counters.borrow(),
                        });
                    }
                };
                if let Some(listener) =
                    Listener::new(&window, "message", ListenerOptions::default(), on_message)
                {
                    cleanup.push(Box::new(move || drop(listener)));
                }
                // The content height, whenever it changes: in the app's format and Datawrapper's.
                if framing_parent(&window).is_some() {
                    let id = crate::hooks::page_settings()
                        .embed_id
                        .unwrap_or_else(|| DEFAULT_EMBED_ID.to_string());
                    let report = Rc::new(RefCell::new(HeightReport::default()));
                    let measure = {
                        let window = window.clone();
                        move || {
                            let Some(root) = window.document().and_then(|d| d.document_element())
                            else {
                                return;
                            };
                            let height = root.get_bounding_client_rect().height();
                            if let Some(height) = report.borrow_mut().update(height) {
                                post(&window, &Event::Height { height });
                                post(&window, &datawrapper_height(&id, height));
                            }
                        }
                    };
                    measure();
                    let observed = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| measure());
                    if let (Ok(observer), Some(root)) = (
                        ResizeObserver::new(observed.as_ref().unchecked_ref()),
                        window.document().and_then(|d| d.document_element()),
                    ) {
                        observer.observe(&root);
                        cleanup.push(Box::new(move || {
                            observer.disconnect();
                            drop(observed);
                        }));
                    }
                }
                post(&window, &Event::ready());
            }
            move || cleanup.into_iter().for_each(|undo| undo())
        });
    }

    // Tell the host what changed.
    use_effect_with(state.selection, |selection: &Option<Selection>| {
        if let Some(window) = crate::hooks::window() {
            post(
                &window,
                &Event::SelectionChanged {
                    selection: *selection,
                },
            );
        }
    });
    use_effect_with(state.year, |year: &u16| {
        if let Some(window) = crate::hooks::window() {
            post(&window, &Event::year_changed(*year));
        }
    });
    *status
}
