//! The growth chart: associations and countries covered, year by year, drawn by plotters
//! (`crate::chart`) into SVG, with the slider's year marked and a text alternative.

use crate::chart::{chart_summary, growth_chart_svg, ChartStyle};
use crate::data::dataset;
use crate::growth::series;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GrowthChartProps {
    pub year: u16,
}

#[function_component(GrowthChart)]
pub fn growth_chart(props: &GrowthChartProps) -> Html {
    let all = use_memo((), |()| series(dataset()));
    let drawn = {
        let all = all.clone();
        use_memo(props.year, move |year| {
            let svg = growth_chart_svg(&all, Some(*year), &ChartStyle::default());
            let summary = chart_summary(&all, Some(*year));
            (Html::from_html_unchecked(AttrValue::from(svg)), summary)
        })
    };
    let (svg, summary) = (&drawn.0, &drawn.1);
    html! {
        <figure class="growth-chart" aria-labelledby="growth-heading">
            <h2 id="growth-heading">{ "How the network grew" }</h2>
            <div class="growth-svg" role="img" aria-label={summary.clone()}>{ svg.clone() }</div>
            <figcaption class="growth-summary">{ summary.clone() }</figcaption>
        </figure>
    }
}
