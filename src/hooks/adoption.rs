//! Adopting the first view the build wrote into the page (`crate::prerender`): whether its nodes
//! are still the build's (`crate::first_view`), which language's page it is, and the moment the
//! app has taken it over.
//!
//! The app's first render in the browser is the build's exactly: the default state, the page's
//! language, no window. Only then, in an effect, does it read what the address, the browser and
//! the frame say, and apply it as ordinary actions, so the nodes painted first are the nodes the
//! app drives, whatever the address asks for.

use crate::first_view::{Shape, SHAPE_ATTRIBUTE};
use crate::i18n::Lang;
use web_sys::{Element, Node};
use yew::prelude::*;

/// The language of the page the build wrote: `fr/`'s is French; the plain address is English's
/// page, which the build renders with no language asked for (`None`).
pub fn page_lang() -> Option<Lang> {
    let root = super::window()?.document()?.document_element()?;
    Lang::from_code(&root.get_attribute("lang")?).filter(|&lang| lang != Lang::EN)
}

/// Whether `root`'s nodes are the first view the build wrote, in the shape it recorded: `Err`
/// says why not (no first view, or nodes that a host page or an extension changed).
pub fn adoptable(root: &Element) -> Result<(), String> {
    let Some(recorded) = root.get_attribute(SHAPE_ATTRIBUTE) else {
        return Err("the page has no first view to adopt".into());
    };
    let mut shape = Shape::default();
    walk(root, 0, &mut shape);
    if shape.hex() == recorded {
        Ok(())
    } else {
        Err(format!(
            "the first view's nodes are not the ones the build wrote (shape {} instead of {recorded})",
            shape.hex()
        ))
    }
}

fn walk(parent: &Node, depth: usize, shape: &mut Shape) {
    let mut child = parent.first_child();
    while let Some(node) = child {
        match node.node_type() {
            Node::ELEMENT_NODE => {
                shape.element(depth, &node.node_name());
                walk(&node, depth + 1, shape);
            }
            Node::COMMENT_NODE => shape.comment(depth, &node.text_content().unwrap_or_default()),
            _ => {}
        }
        child = node.next_sibling();
    }
}

/// Takes the map's paths from the first view in `root` for the app's life (`geo::europe`; the
/// wasm carries none of its own): `Err` says why it could not.
pub fn adopt_map_paths(root: &Element) -> Result<(), String> {
    use crate::geo::europe::{adopt_paths, paths_from_first_view, EUROPE};
    let all = |css: &str| -> Vec<Element> {
        root.query_selector_all(css)
            .map(|list| {
                (0..list.length())
                    .filter_map(|i| list.item(i))
                    .filter_map(|node| wasm_bindgen::JsCast::dyn_into::<Element>(node).ok())
                    .collect()
            })
            .unwrap_or_default()
    };
    let d = |path: &Element| path.get_attribute("d").unwrap_or_default();
    let members: Vec<(String, String)> = all("svg.europe-map g.members path[data-country]")
        .iter()
        .map(|path| {
            (
                path.get_attribute("data-country").unwrap_or_default(),
                d(path),
            )
        })
        .collect();
    let others: Vec<String> = all("svg.europe-map g.context path").iter().map(d).collect();
    adopt_paths(paths_from_first_view(&EUROPE, &members, &others)?)
}

/// False during the app's first render (which must be the build's), true from the render after.
#[hook]
pub fn use_adopted() -> bool {
    let adopted = use_state_eq(|| false);
    {
        let adopted = adopted.clone();
        use_effect_with((), move |()| adopted.set(true));
    }
    *adopted
}
