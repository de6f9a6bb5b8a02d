//! The growth chart: associations and countries covered, year by year, drawn by plotters
//! (`crate::chart`) into SVG, with the slider's year marked and a text alternative.

use crate::chart::{chart_summary, growth_chart_svg, ChartStyle};
use crate::data::dataset;
use crate::growth::series;
use crate::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GrowthChartProps {
    pub year: u16,
}

#[function_component(GrowthChart)]
pub fn growth_chart(props: &GrowthChartProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = lang.strings();
    let all = use_memo((), |()| series(dataset()));
    let drawn = {
        let all = all.clone();
        use_memo((props.year, lang), move |(year, _)| {
            let style = ChartStyle {
                labels: (t.chart_associations(), t.chart_countries()),
                ..ChartStyle::default()
            };
            let svg = growth_chart_svg(&all, Some(*year), &style);
            let summary = chart_summary(t, &all, Some(*year));
            (Html::from_html_unchecked(AttrValue::from(svg)), summary)
        })
    };
    let (svg, summary) = (&drawn.0, &drawn.1);
    html! {
        <figure class="growth-chart" aria-labelledby="growth-heading">
            <h2 id="growth-heading">{ t.growth_heading() }</h2>
            <div class="growth-svg" role="img" aria-label={summary.clone()}>{ svg.clone() }</div>
            <figcaption class="growth-summary">{ summary.clone() }</figcaption>
        </figure>
    }
}
