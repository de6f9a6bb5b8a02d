//! The headline figures: territories, associations and countries covered.

use super::use_strings;
use crate::data::Headline;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeadlineProps {
    pub headline: Headline,
}

/// "20 territories · 22 associations · 27 countries covered", counted from the data.
#[function_component(HeadlineFigures)]
pub fn headline_figures(props: &HeadlineProps) -> Html {
    let h = props.headline;
    let t = use_strings();
    let figure = |key: &'static str, value: usize, label: &'static str| {
        html! {
            <li class="figure">
                <span class="figure-value" data-figure={key}>{ value }</span>
                { " " }
                <span class="figure-label">{ label }</span>
            </li>
        }
    };
    html! {
        <ul class="headline" aria-label={t.figures()}>
            { figure("territories", h.territories, t.plural(t.figure_territories(), h.territories)) }
            { figure("associations", h.associations, t.plural(t.figure_associations(), h.associations)) }
            { figure("countries", h.countries, t.plural(t.figure_countries(), h.countries)) }
        </ul>
    }
}
