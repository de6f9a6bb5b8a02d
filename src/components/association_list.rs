//! A plain list of the associations, oldest first.

use crate::data::{dataset, Association};
use crate::format;
use yew::prelude::*;

/// Every association with its full name, countries, founding year and membership.
#[function_component(AssociationList)]
pub fn association_list() -> Html {
    let data = dataset();
    html! {
        <section class="associations" aria-labelledby="associations-heading">
            <h2 id="associations-heading">{ "The associations, oldest first" }</h2>
            <ol class="association-list">
                for association in data.associations_by_founding() {
                    { entry(association) }
                }
            </ol>
        </section>
    }
}

fn entry(association: &'static Association) -> Html {
    let data = dataset();
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
        <li class="association" data-association={&*association.acronym}>
            <p class="association-title">
                <strong class="acronym">{ &*association.acronym }</strong>
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
