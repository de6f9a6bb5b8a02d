//! Map geometry: projection, path strings, the prepared country shapes (no yew, no web_sys).

pub mod europe;
pub mod path;
pub mod projection;
