//! In-browser tests (wasm-bindgen-test, headless Chromium): the app mounted into a real DOM.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::expect_used, clippy::panic)] // test code: a failed expectation is a failed test

use impala_map::data::{covered_country_codes, headline};
use impala_map::hooks::read_inline;
use impala_map::i18n::Lang;
use impala_map::App;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app into a fresh element and waits (yielding to the browser, at most ~5 s) until
/// it has rendered.
async fn mount_app() -> Element {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let root = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    // The wasm carries no language: English's words, as its page carries them, read first (as
    // src/main.rs does).
    if Lang::EN.loaded().is_none() {
        let words = document.create_element("script").expect("a script");
        words
            .set_attribute("type", "application/json")
            .expect("type");
        words.set_id("impala-lang-en");
        words.set_text_content(Some(include_str!(concat!(
            env!("OUT_DIR"),
            "/lang/en.json"
        ))));
        document
            .body()
            .expect("a body")
            .append_child(&words)
            .expect("appended");
        assert_eq!(read_inline(Lang::EN), Some(Ok(())), "English's words read");
    }
    yew::Renderer::<App>::with_root(root.clone()).render();
    for _ in 0..500 {
        if root
            .query_selector("[data-app-ready]")
            .ok()
            .flatten()
            .is_some()
        {
            return root;
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("the app did not render within 5 s");
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).expect("a valid selector");
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter_map(|node| node.dyn_into::<HtmlElement>().ok())
        .map(|element| {
            element
                .text_content()
                .unwrap_or_default()
                .trim()
                .to_string()
        })
        .collect()
}

#[wasm_bindgen_test]
async fn the_map_fills_exactly_the_covered_countries() {
    let root = mount_app().await;
    let members = root
        .query_selector_all("svg.europe-map path.country.member")
        .expect("a valid selector");
    let mut codes: Vec<String> = (0..members.length())
        .filter_map(|i| members.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .filter_map(|element| element.get_attribute("data-country"))
        .collect();
    codes.sort();
    assert_eq!(codes, covered_country_codes());
}

#[wasm_bindgen_test]
async fn the_headline_figures_are_counted_from_the_data() {
    let root = mount_app().await;
    let h = headline();
    for (key, value) in [
        ("territories", h.territories),
        ("associations", h.associations),
        ("countries", h.countries),
    ] {
        assert_eq!(
            texts(&root, &format!("[data-figure=\"{key}\"]")),
            vec![value.to_string()],
            "{key}"
        );
    }
}

#[wasm_bindgen_test]
async fn the_list_names_every_association_once() {
    let root = mount_app().await;
    let items = root
        .query_selector_all("li[data-association]")
        .expect("a valid selector");
    assert_eq!(items.length() as usize, headline().associations);
}
