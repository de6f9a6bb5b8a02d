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

/// Gives the map the way to its paths: the first view's path elements in `root`, kept now (a
/// view switch may take them out of the page) and read the first time a path is asked for
/// (`geo::europe`; the wasm carries none of its own). What cannot be kept or read, it says in
/// the console (when the paths are read, for a first view whose paths do not fit the map), and
/// the map then has no shapes.
pub fn adopt_map_paths(root: &Element) {
    if let Err(reason) = keep_map_paths(root) {
        no_shapes(&reason);
    }
}

/// The console's word for a map without its paths.
fn no_shapes(reason: &str) {
    web_sys::console::warn_1(&format!("map: {reason}; the map has no shapes").into());
}

fn keep_map_paths(root: &Element) -> Result<(), String> {
    use crate::geo::europe::{paths_from_first_view, read_paths_with, EUROPE};
    let all = |css: &str| {
        root.query_selector_all(css)
            .map_err(|_| format!("cannot look for {css}"))
    };
    let members = all("svg.europe-map g.members path[data-country]")?;
    let others = all("svg.europe-map g.context path")?;
    read_paths_with(move || {
        let elements = |list: &web_sys::NodeList| -> Vec<Element> {
            (0..list.length())
                .filter_map(|i| list.item(i))
                .filter_map(|node| wasm_bindgen::JsCast::dyn_into::<Element>(node).ok())
                .collect()
        };
        let attribute =
            |element: &Element, name: &str| element.get_attribute(name).unwrap_or_default();
        let members: Vec<(String, String)> = elements(&members)
            .iter()
            .map(|path| (attribute(path, "data-country"), attribute(path, "d")))
            .collect();
        let others: Vec<String> = elements(&others)
            .iter()
            .map(|path| attribute(path, "d"))
            .collect();
        paths_from_first_view(&EUROPE, &members, &others).unwrap_or_else(|reason| {
            no_shapes(&reason);
            Vec::new()
        })
    })
}

thread_local! {
    /// True while Yew adopts the first view: from [`begin_adoption`] to the end of the app's first
    /// render.
    static ADOPTING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Says that the app's first render adopts the build's nodes (Yew's hydration), as the
/// components it creates then can ask ([`use_made_by_adoption`]). Called just before it starts.
pub fn begin_adoption() {
    ADOPTING.with(|adopting| adopting.set(true));
}

/// Whether this component was made by adopting the first view, for its whole life: its nodes are
/// then the build's.
#[hook]
pub fn use_made_by_adoption() -> bool {
    *use_memo((), |()| ADOPTING.with(std::cell::Cell::get))
}

/// False during the app's first render (which must be the build's), true from the render after.
#[hook]
pub fn use_adopted() -> bool {
    let adopted = use_state_eq(|| false);
    {
        let adopted = adopted.clone();
        use_effect_with((), move |()| {
            // Every component of the first render has been made by now (their effects run
            // before the app's).
            ADOPTING.with(|adopting| adopting.set(false));
            adopted.set(true)
        });
    }
    *adopted
}
