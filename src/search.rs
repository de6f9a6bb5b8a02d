//! Finding an association or a country from what a person types (to be written).
