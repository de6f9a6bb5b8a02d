//! The browser's window, the one way into it for the app's code, and the wait for the next
//! painted frame.

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

/// Resolves once the browser has painted the next frame (in a task queued by the frame's
/// animation callback), so that work the reader does not see can wait until what they do see is
/// on screen; or after [`PAINT_AT_MOST_MS`] where no frame comes (a hidden tab or frame).
pub async fn next_paint() {
    let Some(window) = window() else {
        return;
    };
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window.request_animation_frame(&resolve);
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, PAINT_AT_MOST_MS);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
    let after = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(after).await;
}

/// How long [`next_paint`] waits for a frame.
pub const PAINT_AT_MOST_MS: i32 = 200;
