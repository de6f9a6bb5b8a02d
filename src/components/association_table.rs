//! The table view: every association in a sortable table, in step with the map's selection.

use super::use_strings;
use crate::data::dataset;
use crate::format;
use crate::state::Action;
use crate::table::sorted_associations;
use crate::vocab::{Selection, Sort, SortKey};
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
    let chosen = data.associations_of(props.selection);
    let t = use_strings();
    let header = |key: SortKey, sort_key: &'static str, label: &'static str| {
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
                <button type="button" class="sort-button" data-sort={sort_key} {onclick}>
                    { label }<span class="sort-arrow" aria-hidden="true">{ arrow }</span>
                </button>
            </th>
        }
    };
    html! {
        <section class="association-table-section" aria-labelledby="table-heading">
            <h2 id="table-heading">{ t.table_heading() }</h2>
            <div class="table-scroll">
                <table class="association-table">
                    <caption class="visually-hidden">{ t.table_caption() }</caption>
                    <thead>
                        <tr>
                            { header(SortKey::Name, "name", t.column_name()) }
                            { header(SortKey::Country, "country", t.column_country()) }
                            { header(SortKey::Year, "founded", t.column_founded()) }
                            <th scope="col">{ t.column_members() }</th>
                        </tr>
                    </thead>
                    <tbody>
                        for association in sorted_associations(data, t, props.sort) {
                            {{
                                let acronym: &'static str = &association.acronym;
                                let selected = chosen.iter().any(|a| a.acronym == association.acronym);
                                let onclick = {
                                    let dispatch = props.dispatch.clone();
                                    Callback::from(move |_: MouseEvent| dispatch.emit(Action::Select(Selection::Association(acronym))))
                                };
                                html! {
                                    <tr class={class_list!(selected.then_some("selected"))} data-association={acronym}>
                                        <th scope="row">
                                            <button type="button" class="row-select" aria-pressed={selected.to_string()} {onclick}>
                                                <strong>{ acronym }</strong>
                                            </button>
                                            { super::own_name(t, association, "table-name") }
                                        </th>
                                        <td>{ format::country_names(t, data, association.countries.iter().map(|c| c.as_ref())) }</td>
                                        <td>{ format::founding(t, &association.founded) }</td>
                                        <td>{ association.members.first().map(|count| format::members(t, count, t.about_association(&association.acronym, "members.1"))).unwrap_or_default() }</td>
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
