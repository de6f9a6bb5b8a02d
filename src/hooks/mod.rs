//! Side effects, a file for each: adopting the first view the build wrote (`adoption`), the
//! address (`url_state`), the page's language and loading a language's file (`language`),
//! measuring an element (`element_size`), the wheel without a passive listener (`wheel`), keys on
//! the document (`keys`), the embedding frame (`embedding`), what is hovered, shared apart from
//! the app's reducer (`hover`), media queries (`media`), when the
//! printed page's own parts are wanted (`print`), timers
//! (`interval`: repeating and one-shot), kiosk mode's guards and idle clock (`kiosk`,
//! `kiosk_idle`), downloads and the clipboard (`download`, `clipboard`), a group of buttons as
//! one Tab stop (`toolbar`), and event listeners that remove themselves (`listener`).
//! Components call these; nothing else in the app touches the browser outside event handlers.
//! The way to the browser is [`window()`], which is `None` when the first view is rendered at
//! build time (`crate::prerender`); [`next_paint`] waits for the next painted frame.

mod adoption;
mod clipboard;
mod download;
mod element_size;
mod embedding;
mod hover;
mod interval;
mod keys;
mod kiosk;
mod kiosk_idle;
mod language;
mod listener;
mod media;
mod print;
mod toolbar;
mod url_state;
mod wheel;
mod window;

pub use adoption::{
    adopt_map_paths, adoptable, begin_adoption, page_lang, use_adopted, use_made_by_adoption,
};
pub use clipboard::copy_text;
pub use download::{download_figure_png, download_figure_svg, download_text, today};
pub use element_size::use_element_size;
pub use embedding::{framing_parent, use_in_frame};
pub use hover::{use_hovering, HoverStore, Hovering};
pub use interval::{use_interval, use_timeout};
pub use keys::use_document_keydown;
pub use kiosk::use_kiosk_guards;
pub use kiosk_idle::{use_kiosk_idle, KioskView};
pub use language::{
    read_inline, read_page_words_from_file, use_browser_lang, use_document_lang, use_shown_lang,
    Shown,
};
pub use listener::{Listener, Options as ListenerOptions};
pub use media::use_media_query;
pub use print::use_print_parts;
pub use toolbar::{use_toolbar, Toolbar};
pub use url_state::{build_state, initial_state, page_settings, use_url_sync};
pub use wheel::use_wheel;
pub use window::{next_paint, window};
