//! The app inside a host page: the message API between the app and the page that embeds it in an
//! iframe. `protocol` is pure (the versioned schema, validation, the origin allowlist, counters);
//! `bridge` is the browser side that listens and posts (a hook).

pub mod bridge;
pub mod protocol;
pub mod snippet;
