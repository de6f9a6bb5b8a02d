//! Mounts the app in the browser; the native build of this binary only explains itself.

fn main() {
    // The app takes over the first view the build wrote into <div id="app"> (src/prerender.rs):
    // Yew empties the element and renders the same markup before the browser paints again.
    // A language page (`/fr/`) says its language on <html data-page-lang>.
    #[cfg(target_arch = "wasm32")]
    {
        let document = impala_map::hooks::window().and_then(|window| window.document());
        let props = impala_map::AppProps {
            page_lang: document
                .as_ref()
                .and_then(|d| d.document_element())
                .and_then(|root| root.get_attribute("data-page-lang"))
                .and_then(|code| impala_map::i18n::Lang::from_code(&code)),
        };
        match document.and_then(|document| document.get_element_by_id("app")) {
            Some(root) => {
                yew::Renderer::<impala_map::App>::with_root_and_props(root, props).render()
            }
            None => yew::Renderer::<impala_map::App>::with_props(props).render(),
        };
    }
    #[cfg(not(target_arch = "wasm32"))]
    println!("impala-map runs in a browser: start it with scripts/serve (see README.md).");
}
