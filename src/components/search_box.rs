//! The search box: a combobox that finds an association or a country as you type (ignoring case
//! and accents) and selects it. Matching is `crate::search`; this component is the ARIA 1.2
//! combobox pattern around it.

use super::use_strings;
use crate::data::dataset;
use crate::search::{search, SearchHit};
use crate::state::Action;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// At most this many suggestions are listed.
const LIMIT: usize = 8;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub dispatch: Callback<Action>,
}

#[function_component(SearchBox)]
pub fn search_box(props: &SearchBoxProps) -> Html {
    let query = use_state(String::new);
    let active = use_state_eq(|| 0_usize);
    let open = use_state_eq(|| false);
    let t = use_strings();
    let hits: Vec<SearchHit> = search(dataset(), t, &query, LIMIT);
    let expanded = *open && !hits.is_empty();

    let pick = {
        let dispatch = props.dispatch.clone();
        let query = query.clone();
        let open = open.clone();
        move |hit: &SearchHit| {
            dispatch.emit(Action::Select(hit.selection));
            query.set(String::new());
            open.set(false);
        }
    };
    let oninput = {
        let query = query.clone();
        let active = active.clone();
        let open = open.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            query.set(input.value());
            active.set(0);
            open.set(true);
        })
    };
    let onkeydown = {
        let hits = hits.clone();
        let active = active.clone();
        let open = open.clone();
        let query = query.clone();
        let pick = pick.clone();
        Callback::from(move |event: KeyboardEvent| {
            let count = hits.len();
            match event.key().as_str() {
                "ArrowDown" if count > 0 => {
                    event.prevent_default();
                    open.set(true);
                    active.set((*active + 1) % count);
                }
                "ArrowUp" if count > 0 => {
                    event.prevent_default();
                    open.set(true);
                    active.set((*active + count - 1) % count);
                }
                "Enter" => {
                    event.prevent_default();
                    if let Some(hit) = hits.get(*active).or(hits.first()) {
                        pick(hit);
                    }
                }
                "Escape" if *open || !query.is_empty() => {
                    // Clears the box first; a second Escape reaches the app (clears the selection).
                    event.stop_propagation();
                    event.prevent_default();
                    open.set(false);
                    query.set(String::new());
                }
                _ => {}
            }
        })
    };
    let onblur = {
        let open = open.clone();
        Callback::from(move |_: FocusEvent| open.set(false))
    };
    let onfocus = {
        let open = open.clone();
        Callback::from(move |_: FocusEvent| open.set(true))
    };
    let status = if query.trim().is_empty() {
        String::new()
    } else if hits.is_empty() {
        t.search_none().to_string()
    } else {
        t.count(t.search_found(), hits.len(), &[])
    };

    html! {
        <div class="search" role="search">
            <label for="search-input" class="search-label">{ t.search_label() }</label>
            <div class="search-field">
                <input id="search-input" type="text" class="search-input" autocomplete="off" spellcheck="false"
                    role="combobox" aria-autocomplete="list" aria-controls="search-results"
                    aria-expanded={expanded.to_string()}
                    aria-activedescendant={expanded.then(|| format!("search-hit-{}", *active))}
                    placeholder={t.search_placeholder()}
                    value={(*query).clone()} {oninput} {onkeydown} {onblur} {onfocus} />
                <ul id="search-results" class="search-results" role="listbox" aria-label={t.search_matches()} hidden={!expanded}>
                    for (i, hit) in hits.iter().enumerate() {
                        { option(i, hit, i == *active, if hit.kind == "country" { t.kind_country() } else { t.kind_association() }, pick.clone()) }
                    }
                </ul>
            </div>
            <p class="visually-hidden" role="status" aria-live="polite">{ status }</p>
        </div>
    }
}

fn option(
    index: usize,
    hit: &SearchHit,
    active: bool,
    kind: &'static str,
    pick: impl Fn(&SearchHit) + 'static,
) -> Html {
    let chosen = hit.clone();
    // Pointer down, not click: the input's blur would close the list before a click lands.
    let onpointerdown = Callback::from(move |event: PointerEvent| {
        event.prevent_default();
        pick(&chosen);
    });
    html! {
        <li id={format!("search-hit-{index}")} role="option" aria-selected={active.to_string()}
            class={class_list!("search-hit", active.then_some("active"))} data-kind={hit.kind} {onpointerdown}>
            <span class="search-kind">{ kind }</span>
            { &hit.label }
        </li>
    }
}
