//! The root component: owns the one reducer and lays out the page: header, toolbar, the map or
//! the table, the details and the list.

use super::{AssociationList, AssociationTable, Details, EuropeMap, HeadlineFigures, SearchBox};
use crate::data::{dataset, headline};
use crate::format;
use crate::hooks::use_document_keydown;
use crate::state::{Action, AppState, View};
use std::rc::Rc;
use yew::prelude::*;

/// `use_reducer` needs `Reducible`; the state's own pure `apply` does the work.
impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.apply(action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// The whole app.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer_eq(AppState::default);
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let state_rc: Rc<AppState> = Rc::new((*state).clone());
    // Escape clears the selection, wherever the focus is in the app's document.
    {
        let dispatch = dispatch.clone();
        let selected = state.selection.is_some();
        use_document_keydown(Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" && selected && !event.default_prevented() {
                dispatch.emit(Action::ClearSelection);
            }
        }));
    }
    let view_button = |view: View, label: &'static str| {
        let dispatch = dispatch.clone();
        let pressed = state.view == view;
        let onclick = Callback::from(move |_: MouseEvent| dispatch.emit(Action::SetView(view)));
        html! {
            <button type="button" class="view-button" data-view={label.to_lowercase()}
                aria-pressed={pressed.to_string()} {onclick}>{ label }</button>
        }
    };
    let view_class = match state.view {
        View::Map => "view-map",
        View::Table => "view-table",
    };
    html! {
        <div class="app" data-app-ready="true">
            <header class="app-header">
                <div class="title">
                    <h1>{ "Europe's independent music associations" }</h1>
                    <p class="lede">
                        { "The national associations of independent record labels that make up IMPALA, the Independent Music Companies Association." }
                    </p>
                </div>
                <HeadlineFigures headline={headline()} />
            </header>
            <main class={classes!("app-main", view_class)}>
            <div class="toolbar">
                <SearchBox dispatch={dispatch.clone()} />
                <div class="view-switch" role="group" aria-label="Show">
                    { view_button(View::Map, "Map") }
                    { view_button(View::Table, "Table") }
                </div>
            </div>
                if state.view == View::Map {
                    <EuropeMap state={state_rc.clone()} dispatch={dispatch.clone()} />
                } else {
                    <AssociationTable sort={state.sort} selection={state.selection} dispatch={dispatch.clone()} />
                }
                <aside class="side" aria-label="Details and list">
                    <Details selection={state.selection} dispatch={dispatch.clone()} />
                    if state.view == View::Map {
                        <AssociationList selection={state.selection} dispatch={dispatch.clone()} />
                    }
                </aside>
            </main>
            <p class="visually-hidden" aria-live="polite" data-live="selection">
                { format::selection_announcement(dataset(), state.selection) }
            </p>
            <footer class="app-footer">
                <p>
                    { "Facts: IMPALA's “20 things to know” article (2020) and the public sources named for each fact. Map: Natural Earth (public domain)." }
                </p>
            </footer>
        </div>
    }
}
