//! The "Embed" button and dialog: the HTML snippet for the current view, a copy button, and a
//! live preview at a phone's or a desktop's width. The snippet is `crate::embed::snippet`'s.

use super::use_strings;
use crate::embed::snippet::{embed_snippet, embed_url};
use crate::hooks::copy_text;
use wasm_bindgen::JsCast;
use web_sys::HtmlDialogElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmbedDialogProps {
    /// The current view's query string (without `?`).
    pub query: AttrValue,
}

/// The folder the app is served from, ending in `/` (the page's address without its file name,
/// query and fragment).
fn app_base() -> String {
    // The document's base: a language's page (`fr/`) names the app's folder with <base>.
    crate::hooks::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .map(|href| {
            let href = href
                .split(['?', '#'])
                .next()
                .unwrap_or_default()
                .to_string();
            match href.rfind('/') {
                Some(at) => href[..=at].to_string(),
                None => href,
            }
        })
        .unwrap_or_default()
}

#[function_component(EmbedDialog)]
pub fn embed_dialog(props: &EmbedDialogProps) -> Html {
    let dialog = use_node_ref();
    let open = use_state_eq(|| false);
    let phone = use_state_eq(|| false);
    let t = use_strings();
    let copied = use_state_eq(|| None::<bool>);
    let base = use_memo((), |()| app_base());
    let snippet = embed_snippet(&base, &props.query, t.title());
    let preview = embed_url(&base, &props.query);

    // Open and close the native dialog (modal: focus stays inside, Escape closes it).
    {
        let dialog = dialog.clone();
        use_effect_with(*open, move |open| {
            if let Some(element) = dialog.cast::<HtmlDialogElement>() {
                if *open && !element.open() {
                    let _ = element.show_modal();
                } else if !*open && element.open() {
                    element.close();
                }
            }
        });
    }
    let show = {
        let open = open.clone();
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            copied.set(None);
            open.set(true);
        })
    };
    let hide = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(false))
    };
    // The dialog closed itself (Escape): keep the state in step.
    let onclose = {
        let open = open.clone();
        Callback::from(move |_: Event| open.set(false))
    };
    let copy = {
        let snippet = snippet.clone();
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            copy_text(&snippet, move |ok| copied.set(Some(ok)));
        })
    };
    let width = |is_phone: bool, key: &'static str, label: &'static str| {
        let phone = phone.clone();
        let pressed = *phone == is_phone;
        let onclick = Callback::from(move |_: MouseEvent| phone.set(is_phone));
        html! {
            <button type="button" class="view-button" data-width={key}
                aria-pressed={pressed.to_string()} {onclick}>{ label }</button>
        }
    };
    html! {
        <>
            <button type="button" class="embed-button" onclick={show}>{ t.embed() }</button>
            <dialog class="embed-dialog" ref={dialog} aria-labelledby="embed-heading" {onclose}>
                if *open {
                    <div class="embed-body">
                        <h2 id="embed-heading">{ t.embed_heading() }</h2>
                        <p>{ t.embed_help() }</p>
                        <label for="embed-snippet" class="embed-label">{ "HTML" }</label>
                        <textarea id="embed-snippet" class="embed-snippet" readonly=true rows="5"
                            value={snippet.clone()} onfocus={Callback::from(|event: FocusEvent| {
                                if let Some(area) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                                    area.select();
                                }
                            })} />
                        <div class="embed-actions">
                            <button type="button" class="embed-copy" onclick={copy}>{ t.copy() }</button>
                            <span class="embed-status" role="status">
                                { match *copied {
                                    Some(true) => t.copied(),
                                    Some(false) => t.copy_refused(),
                                    None => "",
                                } }
                            </span>
                            <div class="view-switch" role="group" aria-label={t.preview_width()}>
                                { width(true, "phone", t.phone()) }
                                { width(false, "desktop", t.desktop()) }
                            </div>
                        </div>
                        <div class="embed-preview">
                            <iframe class={class_list!("embed-preview-frame", phone.then_some("phone"))}
                                src={preview} title={t.preview_title()} loading="lazy"></iframe>
                        </div>
                        <button type="button" class="details-close embed-close" aria-label={t.close()} onclick={hide}>{ "×" }</button>
                    </div>
                }
            </dialog>
        </>
    }
}
