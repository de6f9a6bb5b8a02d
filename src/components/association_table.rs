//! The table view: every association in a sortable table, in step with the map's selection.

use crate::data::dataset;
use crate::format;
use crate::state::{selected_associations, sorted_associations, Action, Selection, Sort, SortKey};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AssociationTableProps {
    pub sort: Sort,
    pub selection: Option<Selection>,
    pub dispatch: Callback<Action>,
}

#[function_component(AssociationTable)]
pub fn association_table(props: &AssociationTableProps) -> Html {
    let data = dataset();
    let chosen = selected_associations(data, props.selection);
    let header = |key: SortKey, label: &'static str| {
        let sorted = props.sort.key == key;
        let aria_sort = match (sorted, props.sort.ascending) {
            (false, _) => None,
            (true, true) => Some("ascending"),
            (true, false) => Some("descending"),
        };
        let onclick = {
            let dispatch = props.dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.emit(Action::SortBy(key)))
        };
        let arrow = match aria_sort {
            Some("ascending") => "▲",
            Some(_) => "▼",
            None => "↕",
        };
        html! {
            <th scope="col" aria-sort={aria_sort}>
                <button type="button" class="sort-button" data-sort={label.to_lowercase()} {onclick}>
                    { label }<span class="sort-arrow" aria-hidden="true">{ arrow }</span>
                </button>
            </th>
        }
    };
    html! {
        <section class="association-table-section" aria-labelledby="table-heading">
            <h2 id="table-heading">{ "All associations" }</h2>
            <div class="table-scroll">
                <table class="association-table">
                    <caption class="visually-hidden">{ "IMPALA's national associations; select a column heading to sort." }</caption>
                    <thead>
                        <tr>
                            { header(SortKey::Name, "Name") }
                            { header(SortKey::Country, "Country") }
                            { header(SortKey::Year, "Founded") }
                            <th scope="col">{ "Members" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        for association in sorted_associations(data, props.sort) {
                            {{
                                let acronym: &'static str = &association.acronym;
                                let selected = chosen.iter().any(|a| a.acronym == association.acronym);
                                let onclick = {
                                    let dispatch = props.dispatch.clone();
                                    Callback::from(move |_: MouseEvent| dispatch.emit(Action::Select(Selection::Association(acronym))))
                                };
                                html! {
                                    <tr class={classes!(selected.then_some("selected"))} data-association={acronym}>
                                        <th scope="row">
                                            <button type="button" class="row-select" aria-pressed={selected.to_string()} {onclick}>
                                                <strong>{ acronym }</strong>
                                            </button>
                                            <span class="table-name">{ association.name_native.as_deref().or(association.name_english.as_deref()).unwrap_or_default() }</span>
                                        </th>
                                        <td>{ format::country_names(data, association.countries.iter().map(|c| c.as_ref())) }</td>
                                        <td>{ format::founding(&association.founded) }</td>
                                        <td>{ association.members.first().map(format::members).unwrap_or_default() }</td>
                                    </tr>
                                }
                            }}
                        }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
