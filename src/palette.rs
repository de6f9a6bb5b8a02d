//! Colours of the map (to be written).
