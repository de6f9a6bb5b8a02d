//! The size of an element in CSS pixels, kept current with a `ResizeObserver`.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, ResizeObserver};
use yew::prelude::*;

/// `[width, height]` of the element behind `node` in CSS pixels, `None` until it is mounted.
#[hook]
pub fn use_element_size(node: NodeRef) -> Option<[f64; 2]> {
    let size = use_state_eq(|| None::<[f64; 2]>);
    {
        let size = size.clone();
        use_effect_with(node, move |node| {
            let mut observer = None;
            if let Some(element) = node.cast::<Element>() {
                let measure = move |element: &Element| {
                    let rect = element.get_bounding_client_rect();
                    size.set(Some([rect.width(), rect.height()]));
                };
                measure(&element);
                let observed = element.clone();
                let callback =
                    Closure::<dyn FnMut(JsValue)>::new(move |_entries: JsValue| measure(&observed));
                match ResizeObserver::new(callback.as_ref().unchecked_ref()) {
                    Ok(resize) => {
                        resize.observe(&element);
                        observer = Some((resize, callback));
                    }
                    Err(error) => {
                        web_sys::console::warn_2(
                            &"map: cannot watch the map's size".into(),
                            &error,
                        );
                    }
                }
            }
            move || {
                if let Some((resize, _callback)) = observer {
                    resize.disconnect();
                }
            }
        });
    }
    *size
}
