//! The browser's window, the one way into it for the app's code.

/// The page's window, or `None` where there is none: in the build step that renders the first
/// view into `index.html` (`crate::prerender`, native), where the app sees no URL, no media
/// queries and no frame, and starts as it would with an empty address.
pub fn window() -> Option<web_sys::Window> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}
