//! The root component: the page's layout.

use super::{AssociationList, EuropeMap, HeadlineFigures};
use crate::data::headline;
use yew::prelude::*;

/// The whole app.
#[function_component(App)]
pub fn app() -> Html {
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
            <main class="app-main">
                <EuropeMap />
                <AssociationList />
            </main>
            <footer class="app-footer">
                <p>
                    { "Facts: IMPALA's “20 things to know” article (2020) and the public sources named for each fact. Map: Natural Earth (public domain)." }
                </p>
            </footer>
        </div>
    }
}
