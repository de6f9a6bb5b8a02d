//! Mounts the app in the browser; the native build of this binary only explains itself.

fn main() {
    // The app takes over the first view the build wrote into <div id="app"> (src/prerender.rs):
    // Yew empties the element and renders the same markup before the browser paints again.
    // A language's page (`fr/`) is read as such from the address (`hooks/url_state.rs`).
    #[cfg(target_arch = "wasm32")]
    match impala_map::hooks::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("app"))
    {
        Some(root) => yew::Renderer::<impala_map::App>::with_root(root).render(),
        None => yew::Renderer::<impala_map::App>::new().render(),
    };
    #[cfg(not(target_arch = "wasm32"))]
    println!("impala-map runs in a browser: start it with scripts/serve (see README.md).");
}
