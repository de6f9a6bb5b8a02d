//! What is hovered, held apart from the app's reducer so that a hover re-renders only the parts
//! of the page that show it: the map's hover layer and tooltip (`map_layers::MapHover`) and the
//! timeline's marks. The app makes one [`HoverStore`] and hands it to them; its dispatch
//! shows every action to the store first ([`HoverStore::take`]) and the rest to its reducer, so
//! a component dispatches a hover as it dispatches anything else. What the actions do to the
//! hover is `crate::state::Hover`'s.

use crate::gesture::Tip;
use crate::state::{Action, Hover};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use yew::prelude::*;

/// What a hover shows: what is hovered, and where the map's tooltip points.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Hovering {
    pub hover: Hover,
    /// The tooltip's country and anchor; it shows while that country is the hovered one.
    pub tip: Option<Tip>,
}

#[derive(Default)]
struct Inner {
    now: Hovering,
    /// The components showing the hover, each told of every change.
    watchers: Vec<(u32, Callback<Hovering>)>,
    next_id: u32,
}

/// The hover, shared by the app's components. Clones share one store.
#[derive(Clone, Default)]
pub struct HoverStore(Rc<RefCell<Inner>>);

/// The same store is the same prop: a hover never re-renders a component for its store.
impl PartialEq for HoverStore {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl HoverStore {
    /// What is hovered now (read in event handlers, which must not wait for a render).
    pub fn now(&self) -> Hovering {
        self.0.borrow().now
    }

    /// Takes in an action before the app's reducer does: the hover changes with it where it
    /// should (`crate::state::Hover::apply`), and the watchers are told. True when the action is
    /// the hover's alone ([`Action::is_hover`]): the reducer need not see it.
    pub fn take(&self, action: &Action) -> bool {
        let now = self.now();
        let hover = now.hover.apply(action);
        // The tooltip points at the hovered country: none, no tooltip.
        let tip = now.tip.filter(|_| hover.country.is_some());
        self.set(Hovering { hover, tip });
        action.is_hover()
    }

    /// Points the map's tooltip (or hides it, with `None`).
    pub fn set_tip(&self, tip: Option<Tip>) {
        let now = self.now();
        self.set(Hovering { tip, ..now });
    }

    /// After the next paint, shows a hover of one member country with its tooltip and takes it
    /// back before the browser paints again: nothing is seen, but the code that shows a hover
    /// has run once. Browsers compile a wasm function the first time it runs; on a slow device
    /// that made the reader's first hover two or three times slower than the next (4x CPU in
    /// Chromium: 40 ms from the pointer's arrival to paint, against 12 to 15). Skipped when
    /// something is hovered by then.
    pub fn warm_up(&self) {
        let store = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            super::next_paint().await;
            let Some(&code) = crate::data::dataset().covered_country_codes().first() else {
                return;
            };
            if store.now() != Hovering::default() {
                return;
            }
            store.take(&Action::Hover(Some(code)));
            store.set_tip(Some(Tip { code, at: None }));
            // Yew renders the hover in a task of its queue, queued just now; this one, queued
            // after it, takes the hover back in the same task of the browser's: before any paint.
            wasm_bindgen_futures::spawn_local(async move {
                if store.now().hover.country == Some(code) {
                    store.take(&Action::Hover(None));
                }
            });
        });
    }

    fn set(&self, next: Hovering) {
        let watchers = {
            let mut inner = self.0.borrow_mut();
            if inner.now == next {
                return;
            }
            inner.now = next;
            inner.watchers.clone()
        };
        // Told outside the borrow: a watcher may read the store.
        for (_, watcher) in watchers {
            watcher.emit(next);
        }
    }

    /// Tells `watcher` of every change until the returned handle is dropped.
    fn watch(&self, watcher: Callback<Hovering>) -> Watch {
        let mut inner = self.0.borrow_mut();
        let id = inner.next_id;
        inner.next_id = inner.next_id.wrapping_add(1);
        inner.watchers.push((id, watcher));
        Watch {
            store: Rc::downgrade(&self.0),
            id,
        }
    }
}

/// A watcher's registration; dropping it ends it.
struct Watch {
    store: Weak<RefCell<Inner>>,
    id: u32,
}

impl Drop for Watch {
    fn drop(&mut self) {
        if let Some(store) = self.store.upgrade() {
            store.borrow_mut().watchers.retain(|(id, _)| *id != self.id);
        }
    }
}

/// What is hovered, for a component that shows it: it re-renders when the hover changes.
#[hook]
pub fn use_hovering(store: &HoverStore) -> Hovering {
    let update = use_force_update();
    let now = store.now();
    use_effect_with(store.clone(), move |store| {
        let watcher = update.clone();
        let watch = store.watch(Callback::from(move |_| watcher.force_update()));
        // A change between this render and the watch (in another component's effect) shows at
        // once.
        if store.now() != now {
            update.force_update();
        }
        move || drop(watch)
    });
    now
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::Selection;

    /// A store and a log of what its one watcher was told.
    fn watched() -> (HoverStore, Rc<RefCell<Vec<Hovering>>>, Watch) {
        let store = HoverStore::default();
        let told = Rc::new(RefCell::new(Vec::new()));
        let log = told.clone();
        let watch = store.watch(Callback::from(move |now| log.borrow_mut().push(now)));
        (store, told, watch)
    }

    #[test]
    fn hover_actions_stay_in_the_store_and_watchers_hear_each_change_once() {
        let (store, told, _watch) = watched();
        assert!(store.take(&Action::Hover(Some("DE"))));
        assert!(store.take(&Action::Hover(Some("DE"))), "still the hover's");
        let tip = Tip {
            code: "DE",
            at: Some([10.0, 20.0]),
        };
        store.set_tip(Some(tip));
        assert_eq!(told.borrow().len(), 2, "the same hover twice is one change");
        assert_eq!(store.now().hover.country, Some("DE"));
        assert_eq!(store.now().tip, Some(tip));
        // Any other action goes on to the reducer; a selection keeps the hover.
        assert!(!store.take(&Action::Select(Selection::Country("DE"))));
        assert_eq!(told.borrow().len(), 2);
        // Leaving the country takes its tooltip with it; a reset clears everything.
        assert!(store.take(&Action::HoverAssociation(Some("VUT"))));
        assert!(store.take(&Action::Hover(None)));
        assert_eq!(store.now().tip, None);
        assert_eq!(store.now().hover.association, Some("VUT"));
        assert!(!store.take(&Action::Reset));
        assert_eq!(store.now(), Hovering::default());
        assert_eq!(told.borrow().last(), Some(&Hovering::default()));
    }

    #[test]
    fn a_dropped_watch_hears_nothing_more() {
        let (store, told, watch) = watched();
        store.take(&Action::Hover(Some("FR")));
        drop(watch);
        store.take(&Action::Hover(Some("ES")));
        assert_eq!(told.borrow().len(), 1);
        assert!(store.0.borrow().watchers.is_empty());
        assert!(store == store.clone(), "clones share one store");
        assert!(store != HoverStore::default());
    }
}
