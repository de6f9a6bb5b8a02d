//! A plain list of the associations, oldest first.

use crate::data::{dataset, Association};
use crate::format;
use crate::state::{selected_associations, Action, Selection};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AssociationListProps {
    pub selection: Option<Selection>,
    pub dispatch: Callback<Action>,
}

/// Every association with its full name, countries, founding year and membership; the acronym
/// selects it.
#[function_component(AssociationList)]
pub fn association_list(props: &AssociationListProps) -> Html {
    let data = dataset();
    let chosen = selected_associations(data, props.selection);
    html! {
        <section class="associations" aria-labelledby="associations-heading">
            <h2 id="associations-heading">{ "The associations, oldest first" }</h2>
            <ol class="association-list">
                for association in data.associations_by_founding() {
                    { entry(association, chosen.iter().any(|a| a.acronym == association.acronym), &props.dispatch) }
                }
            </ol>
        </section>
    }
}

fn entry(association: &'static Association, selected: bool, dispatch: &Callback<Action>) -> Html {
    let data = dataset();
    let acronym: &'static str = &association.acronym;
    let onclick = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::Select(Selection::Association(acronym)))
        })
    };
    let name = association
        .name_native
        .as_deref()
        .or(association.name_english.as_deref())
        .unwrap_or_default();
    let english = association.name_english.as_deref().filter(|english| {
        association
            .name_native
            .as_deref()
            .is_some_and(|native| native != *english)
    });
    let countries = format::country_names(data, association.countries.iter().map(|c| c.as_ref()));
    html! {
        <li class={classes!("association", selected.then_some("selected"))} data-association={acronym}>
            <p class="association-title">
                <button type="button" class="acronym" aria-pressed={selected.to_string()} {onclick}>{ acronym }</button>
                <span class="name">{ name }</span>
                if let Some(english) = english {
                    <span class="name-english">{ format!("({english})") }</span>
                }
            </p>
            <p class="association-facts">
                <span class="countries">{ countries }</span>
                <span class="founded">{ format!("Founded {}", format::founding(&association.founded)) }</span>
                if let Some(count) = association.members.first() {
                    <span class="members">{ format::members(count) }</span>
                }
            </p>
            <p class="association-description">{ &*association.description }</p>
            if let Some(representation) = &association.represented_by {
                <p class="association-relation">
                    { format!("Represented within IMPALA by {}.", representation.association) }
                </p>
            }
            if let Some(joining) = &association.joined_impala {
                <p class="association-relation">{ format!("Joined IMPALA in {}.", joining.year) }</p>
            }
        </li>
    }
}
