//! Starts the app in the browser; the native build of this binary only explains itself.

fn main() {
    // The build wrote the first view into <div id="app"> (src/prerender.rs): the app adopts
    // those nodes (Yew's hydration) when they are still the build's, so the first paint is the
    // app's own; else it says why in the console and renders afresh (src/hooks/adoption.rs).
    #[cfg(target_arch = "wasm32")]
    {
        use impala_map::{hooks, AppProps};
        let props = AppProps {
            page_lang: hooks::page_lang(),
        };
        let root = hooks::window()
            .and_then(|window| window.document())
            .and_then(|document| document.get_element_by_id("app"));
        // The map's paths are in the page only (src/geo/europe.rs): their nodes are kept first,
        // whatever happens to the rest of the first view, and read when a path is needed.
        if let Some(root) = &root {
            hooks::adopt_map_paths(root);
        }
        // The wasm carries no language: the page's words (which the page carries, else their
        // file) are read first, and the app starts in them. Without them the page stays as the
        // build wrote it, readable but still.
        let lang = props.page_lang.unwrap_or(impala_map::i18n::Lang::EN);
        let inline = match hooks::read_inline(lang) {
            Some(Ok(())) => None,
            Some(Err(reason)) => Some(reason),
            None => Some("the page does not carry them".to_string()),
        };
        if let Some(inline) = inline {
            wasm_bindgen_futures::spawn_local(async move {
                match hooks::read_page_words_from_file(lang, inline).await {
                    Ok(()) => start(root, props),
                    Err(reason) => web_sys::console::warn_1(
                        &format!(
                            "language: cannot read the page's words ({reason}); the page stays \
                             as the build wrote it, without the app"
                        )
                        .into(),
                    ),
                }
            });
        } else {
            // The adoption runs in a task of its own, after the one that started the wasm and
            // read the page: the browser has the main thread back between the two (at 4x CPU
            // the start was one task of about 170 ms; Lighthouse counts every millisecond of a
            // task beyond 50 as blocking).
            let adopt = wasm_bindgen::closure::Closure::once_into_js(move || start(root, props));
            let queued = hooks::window().map(|window| {
                window.set_timeout_with_callback_and_timeout_and_arguments_0(
                    wasm_bindgen::JsCast::unchecked_ref(&adopt),
                    0,
                )
            });
            if !matches!(queued, Some(Ok(_))) {
                web_sys::console::warn_1(
                    &"start: cannot queue the adoption; the page stays as the build wrote it"
                        .into(),
                );
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    println!("impala-map runs in a browser: start it with scripts/serve (see README.md).");
}

/// Renders the app into `root` (the page's `<div id="app">`): it adopts the first view the build
/// wrote when its nodes are still the build's, else it says why in the console and renders
/// afresh.
#[cfg(target_arch = "wasm32")]
fn start(root: Option<web_sys::Element>, props: impala_map::AppProps) {
    use impala_map::{hooks, App};
    match root {
        Some(root) => match hooks::adoptable(&root) {
            Ok(()) => {
                hooks::begin_adoption();
                yew::Renderer::<App>::with_root_and_props(root, props).hydrate();
            }
            Err(reason) => {
                web_sys::console::warn_1(&format!("first view: {reason}; rendering afresh").into());
                root.set_inner_html("");
                yew::Renderer::<App>::with_root_and_props(root, props).render();
            }
        },
        None => {
            yew::Renderer::<App>::with_props(props).render();
        }
    }
}
