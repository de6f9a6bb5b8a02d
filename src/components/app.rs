//! The root component: owns the one reducer and lays out the page: header, toolbar, the map or
//! the table, the details and the list.

use super::{
    AssociationList, AssociationTable, Details, Downloads, EmbedDialog, EuropeMap, GrowthChart,
    HeadlineFigures, LangSwitch, MapLegend, SearchBox, ThemeSwitch, Timeline, YearBar,
};
use crate::data::{dataset, headline};
use crate::embed::bridge::use_embed_bridge;
use crate::export::Figure;
use crate::format;
use crate::hooks::{
    build_state, initial_state, use_adopted, use_browser_lang, use_document_keydown,
    use_document_lang, use_kiosk_guards, use_kiosk_idle, use_print_parts, use_shown_lang,
    use_toolbar, use_url_sync, HoverStore,
};
use crate::i18n::{fill, Lang};
use crate::state::{Action, AppState};
use crate::url::{to_query, UrlState};
use crate::vocab::{View, Words};
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

/// What the page tells the app before it starts.
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The language of the page the build renders (`fr/index.html`), and in the browser the
    /// language of the page it adopts (`hooks::page_lang`): the first render is in it.
    #[prop_or_default]
    pub page_lang: Option<Lang>,
}

/// The whole app.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    // The first render is the build's exactly (the default state, the page's language), so that
    // the app adopts the nodes the build wrote (`hooks/adoption.rs`); the address is applied
    // after it, as an action.
    let adopted = use_adopted();
    let print_parts = use_print_parts();
    let start = use_memo((), |()| initial_state());
    let built = use_memo((), |()| build_state());
    let url = if adopted { start.1 } else { built.1 };
    let state = {
        let built = built.clone();
        use_reducer_eq(move || built.0.clone())
    };
    // What is hovered is kept apart (`hooks/hover.rs`): a hover re-renders only what shows it,
    // not the app.
    let hover = use_memo((), |()| HoverStore::default());
    // The printed page's timeline marks nothing hovered: it is given a store nothing changes.
    let unhovered = use_memo((), |()| HoverStore::default());
    // One callback for the app's whole life: children whose other props did not change are
    // then not rendered again. Hover actions go to the hover store, the rest to the reducer.
    let dispatch = use_callback(
        (state.dispatcher(), hover.clone()),
        |action: Action, (dispatcher, hover)| {
            if !hover.take(&action) {
                dispatcher.dispatch(action);
            }
        },
    );
    {
        let dispatch = dispatch.clone();
        let start = start.clone();
        let hover = hover.clone();
        use_effect_with((), move |()| {
            if start.0 != built.0 {
                dispatch.emit(Action::Restore(Box::new(start.0.clone())));
            }
            // The first hover is as quick as the next (`HoverStore::warm_up`).
            hover.warm_up();
        });
    }
    use_url_sync(&start.0, start.1, &state, adopted, dispatch.clone());
    // The language: the URL's or the switch's, else the browser's, else English.
    let browser_lang = use_browser_lang(adopted);
    // The language on screen follows once its words have loaded (English is built in).
    // A language the reader chose that cannot be loaded is taken back (so that choosing it
    // again tries again); the notice says so.
    let on_failed = {
        let dispatch = dispatch.clone();
        let wish = state.lang;
        Callback::from(move |(failed, on_screen): (Lang, Lang)| {
            if wish == Some(failed) {
                dispatch.emit(Action::SetLang(Some(on_screen)));
            }
        })
    };
    let shown = use_shown_lang(
        state
            .lang
            .or(props.page_lang)
            .or(browser_lang)
            .unwrap_or_default(),
        on_failed,
    );
    let lang = shown.lang;
    use_document_lang(lang);
    // The view a host page would embed: a language page's language counts as chosen.
    let embed_query = {
        let mut view = UrlState::of_state(&state, &url);
        view.lang = view.lang.or(props.page_lang);
        to_query(&view)
    };
    let t = lang.strings();
    use_kiosk_guards(url.kiosk);
    let tour = use_memo((), |()| {
        dataset()
            .associations_by_founding()
            .into_iter()
            .map(|a| &*a.acronym)
            .collect::<Vec<&'static str>>()
    });
    let (kiosk_view, stay) = use_kiosk_idle(url.kiosk, url.lang, tour, dispatch.clone());
    let bridge = use_embed_bridge(&state, dispatch.clone());
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
    // The view switch is one Tab stop: the arrow keys go between its buttons.
    let views = [View::Map, View::Timeline, View::Table];
    let view_bar = use_toolbar(
        views.iter().position(|v| *v == state.view).unwrap_or(0),
        views.len(),
    );
    let view_button = |index: usize, label: &'static str| {
        let dispatch = dispatch.clone();
        let view = views[index];
        let pressed = state.view == view;
        let onclick = Callback::from(move |_: MouseEvent| dispatch.emit(Action::SetView(view)));
        html! {
            <button type="button" class="view-button" data-view={view.name()}
                tabindex={view_bar.tabindex(index)} aria-pressed={pressed.to_string()} {onclick}>{ label }</button>
        }
    };
    // `view-map`, `view-timeline`, `view-table`: the styles lay out each view by its name.
    let view_class = format!("view-{}", state.view.name());
    // The map sits in the main column (map view) or beside the timeline (timeline view); the
    // keys make Yew build it afresh there rather than move it between parents.
    let map = |key: &'static str| {
        html! { <EuropeMap key={key} state={state_rc.clone()} hover={(*hover).clone()} dispatch={dispatch.clone()} /> }
    };
    let year_bar = html! {
        <YearBar year={state.year} playing={state.playing} looping={state.looping} dispatch={dispatch.clone()} />
    };
    let year_bar_side = year_bar.clone();
    let timeline = html! {
        <Timeline year={state.year} selection={state.selection} hover={(*hover).clone()}
            milestone={state.milestone} dispatch={dispatch.clone()} />
    };
    let footer = html! {
        <footer class="app-footer">
            if url.controls && !url.kiosk {
                <ThemeSwitch theme={state.theme} dispatch={dispatch.clone()} />
                <Downloads figure={Figure::of_view(state.view)} />
            }
            <p>{ super::credits(t) }</p>
        </footer>
    };
    html! {
        <ContextProvider<Lang> context={lang}>
        <div class={class_list!("app", (!url.controls).then_some("no-controls"), url.kiosk.then_some("kiosk"), kiosk_view.cursor_hidden.then_some("cursor-hidden"))}
            data-app-ready={(cfg!(target_arch = "wasm32") && adopted).then_some("true")} data-theme={state.theme.name()} data-lang={lang.code()}
            data-kiosk-phase={match (kiosk_view.attract, kiosk_view.countdown) {
                (_, Some(_)) => "countdown",
                (true, None) => "attract",
                (false, None) => "active",
            }}
            data-kiosk-cycles={url.kiosk.then(|| kiosk_view.cycles.to_string())}
            data-messages-accepted={bridge.counters.accepted.to_string()}
            data-messages-rejected-origin={bridge.counters.rejected_origin.to_string()}
            data-messages-rejected-invalid={bridge.counters.rejected_invalid.to_string()}>
            <header class="app-header">
                <div class="title">
                    <h1>{ t.title() }</h1>
                    <p class="lede">{ super::lede(t) }</p>
                </div>
                <HeadlineFigures headline={headline()} />
            </header>
            <main class={class_list!("app-main", view_class)}>
                <div class="toolbar">
                    <SearchBox dispatch={dispatch.clone()} />
                    { view_bar.container("view-switch", t.show(), html! { <>
                        { view_button(0, t.view_map()) }
                        { view_button(1, t.view_timeline()) }
                        { view_button(2, t.view_table()) }
                    </> }) }
                    <EmbedDialog query={AttrValue::from(embed_query.clone())} />
                    // The language is chosen here, beside the search: a few Tabs from it, and
                    // out of the map's height (in kiosk mode the idle reset brings the URL's
                    // language back).
                    if url.controls {
                        <LangSwitch lang={lang} failed={shown.failed} dispatch={dispatch.clone()} />
                    }
                </div>
                // One keyed element per view, so that Yew replaces the view's content as a
                // whole; each slot of the side column is a wrapper element for the same reason.
                {
                    match state.view {
                        View::Map => html! {
                            <div class="view-main" key="map">{ map("map-main") }</div>
                        },
                        View::Timeline => html! {
                            <div class="view-main" key="timeline">
                                { year_bar }
                                { timeline }
                                <GrowthChart year={state.year} />
                            </div>
                        },
                        View::Table => html! {
                            <div class="view-main" key="table">
                                <AssociationTable sort={state.sort} selection={state.selection} dispatch={dispatch.clone()} />
                            </div>
                        },
                    }
                }
                // What the view lacks for the printed page (styles/print.css: map, timeline and
                // list on one sheet), hidden on screen, built when the page is about to print
                // (hooks/print.rs). Each is rendered only where the view has no copy of its own,
                // so no id appears twice; the print timeline ignores hovers.
                if adopted && print_parts {
                    if state.view != View::Timeline {
                        <div class="print-only print-timeline">
                            <Timeline year={state.year} selection={state.selection} hover={(*unhovered).clone()}
                                milestone={None} dispatch={dispatch.clone()} />
                        </div>
                    }
                    if state.view == View::Timeline {
                        <div class="print-only print-list">
                            <AssociationList selection={state.selection} dispatch={dispatch.clone()} />
                        </div>
                    }
                    if state.view == View::Table {
                        <div class="print-only print-map">{ map("map-print") }</div>
                    }
                }
                // `tabindex="-1"`: Firefox would otherwise stop Tab on the scrolling column itself.
                <aside class="side" aria-label={t.side()} tabindex="-1">
                    <div class="side-map">
                        if state.view == View::Map {
                            { year_bar_side }
                        }
                        if state.view == View::Timeline {
                            { map("map-side") }
                        }
                        if state.view != View::Table {
                            <MapLegend colouring={state.colouring} dispatch={dispatch.clone()} />
                        }
                    </div>
                    <div class="side-details">
                        <Details selection={state.selection} dispatch={dispatch.clone()} kiosk={url.kiosk} />
                    </div>
                    <div class="side-list">
                        if state.view == View::Map {
                            <AssociationList selection={state.selection} dispatch={dispatch.clone()} />
                        }
                    </div>
                    // The colours, the downloads and the credits close the side column, so
                    // that the map takes the window's height (a kiosk shows the credits along
                    // the bottom instead).
                    if !url.kiosk {
                        { footer.clone() }
                    }
                </aside>
            </main>
            if kiosk_view.attract && kiosk_view.countdown.is_none() {
                <div class="kiosk-attract" role="status">
                    <p>{ t.kiosk_touch() }</p>
                    <button type="button" class="kiosk-pause" onclick={{
                        let stay = stay.clone();
                        Callback::from(move |_: MouseEvent| stay.emit(()))
                    }}>{ t.kiosk_pause() }</button>
                </div>
            }
            if let Some(seconds) = kiosk_view.countdown {
                <div class="kiosk-countdown" role="alertdialog" aria-modal="true" aria-labelledby="countdown-heading" aria-describedby="countdown-text">
                    <h2 id="countdown-heading">{ t.kiosk_still_there() }</h2>
                    <p id="countdown-text">{ fill(t.plural(t.kiosk_countdown(), seconds as usize), &[("seconds", &seconds.to_string())]) }</p>
                    <button type="button" class="kiosk-stay" onclick={{
                        let stay = stay.clone();
                        Callback::from(move |_: MouseEvent| stay.emit(()))
                    }}>{ t.kiosk_stay() }</button>
                </div>
            }
            <p class="visually-hidden" aria-live="polite" data-live="selection">
                { format::selection_announcement(t, dataset(), state.selection) }
            </p>
            if url.kiosk {
                { footer }
            }
        </div>
        </ContextProvider<Lang>>
    }
}
