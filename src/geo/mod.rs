//! Map geometry: projection, path strings, the prepared country shapes (no yew, no web_sys).

pub mod adjacency;
pub mod europe;
pub mod labels;
pub mod order;
pub mod path;
pub mod projection;
pub mod targets;
pub mod viewport;
