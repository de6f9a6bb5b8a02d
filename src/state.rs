//! The app's state and the one reducer that changes it: what is selected, how the map is coloured
//! and zoomed, which view is shown and how the table is sorted; and, apart from it, what is
//! hovered ([`Hover`]), which changes far more often and is shown by few parts of the page. Pure:
//! no `yew`, no `web_sys`; every id in the state is a `&'static str` borrowed from the embedded
//! data, and an action naming something the data does not have leaves the state as it was.

use crate::data::{dataset, Dataset};
use crate::geo::europe::{EuropeMap, EUROPE};
use crate::geo::viewport::Viewport;
use crate::i18n::Lang;
use crate::vocab::{Colouring, Selection, Sort, SortKey, Theme, View};

/// A zoom or pan request. Points and distances are map units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Zoom {
    /// One step in, around `anchor` (the view's centre when `None`).
    In(Option<[f64; 2]>),
    /// One step out, around `anchor` (the view's centre when `None`).
    Out(Option<[f64; 2]>),
    /// By a factor (above 1 zooms in), keeping `anchor` in place (pinch, wheel).
    By(f64, [f64; 2]),
    /// Move the view by this many map units.
    Pan(f64, f64),
    /// Back to the whole map.
    Reset,
    /// Fit the selected countries.
    ToSelection,
}

/// How much one step of the + and - buttons zooms.
pub const ZOOM_STEP: f64 = 1.5;
/// The fraction of the view one arrow key press pans.
pub const PAN_STEP: f64 = 0.1;

/// Everything the interface shows that can change.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub selection: Option<Selection>,
    pub view: View,
    pub colouring: Colouring,
    pub viewport: Viewport,
    pub sort: Sort,
    /// The year the map shows the network in (the last year of the data: all of it).
    pub year: u16,
    /// The year slider is playing through the years.
    pub playing: bool,
    /// Playing starts again from the first year at the end.
    pub looping: bool,
    /// The IMPALA milestone whose description is shown (an index into the data's milestones).
    pub milestone: Option<usize>,
    /// The colour theme asked for (by the URL or the host page); `Auto` follows the system.
    pub theme: Theme,
    /// The interface's language asked for (by the URL or the language switch); `None` follows
    /// the browser.
    pub lang: Option<Lang>,
}

/// The years the slider covers: the first founding year to the end of the data.
pub fn year_range() -> (u16, u16) {
    crate::growth::year_range(dataset())
}

impl Default for AppState {
    fn default() -> Self {
        Self {
            selection: None,
            view: View::default(),
            colouring: Colouring::default(),
            viewport: Viewport::home(),
            sort: Sort::default(),
            year: year_range().1,
            playing: false,
            looping: false,
            milestone: None,
            theme: Theme::Auto,
            lang: None,
        }
    }
}

/// What the pointer (or the keyboard's focus) is on without choosing it: a country on the map, an
/// association's mark on the timeline. The map outlines the country and its association's
/// countries, and the timeline marks the country's associations. Kept apart from [`AppState`],
/// which the address and the host page follow: a hover changes only what shows it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hover {
    /// The member country under the pointer or with keyboard focus.
    pub country: Option<&'static str>,
    /// The association under the pointer or focus on the timeline.
    pub association: Option<&'static str>,
}

impl Hover {
    /// The hover after `action`: a hover action ([`Action::is_hover`]) sets it (an id the data
    /// does not have hovers nothing), a reset clears it (a kiosk's idle reset leaves no tooltip
    /// behind), and anything else leaves it as it is.
    pub fn apply(&self, action: &Action) -> Hover {
        self.apply_to(dataset(), action)
    }

    /// [`Hover::apply`] against any data set (for tests).
    pub fn apply_to(&self, data: &'static Dataset, action: &Action) -> Hover {
        match *action {
            Action::Hover(code) => Hover {
                country: code.and_then(|code| data.covered_country(code)),
                ..*self
            },
            Action::HoverAssociation(acronym) => Hover {
                association: acronym
                    .and_then(|a| data.association(a))
                    .map(|a| &*a.acronym),
                ..*self
            },
            Action::Reset => Hover::default(),
            _ => *self,
        }
    }
}

/// Everything that can happen to the state (and to the [`Hover`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The pointer or focus entered a country (or left all of them): a [`Hover`] action.
    Hover(Option<&'static str>),
    /// A country was clicked, tapped or activated: its association when it has one, the country
    /// itself when it has several.
    ActivateCountry(&'static str),
    /// An association or a country was picked (details, list, table, search).
    Select(Selection),
    /// Escape or the close button.
    ClearSelection,
    SetView(View),
    SetColouring(Colouring),
    /// Sort the table by a column; the same column again reverses the order.
    SortBy(SortKey),
    Zoom(Zoom),
    /// Show the network as it stood in this year (clamped to the data's years); stops playing.
    SetYear(u16),
    /// One year back (-1) or forward (+1); stops playing.
    StepYear(i32),
    /// Start playing (from the first year when at the last).
    Play,
    Pause,
    /// The play timer fired: one year on; at the end, stop or start again when looping.
    Tick,
    SetLooping(bool),
    /// The pointer or focus entered an association's mark (or left it): a [`Hover`] action.
    HoverAssociation(Option<&'static str>),
    /// Show a milestone's description (or none).
    ShowMilestone(Option<usize>),
    SetTheme(Theme),
    /// The interface's language (`None`: the browser's).
    SetLang(Option<Lang>),
    /// Back to the start view (keeps the theme and the language).
    Reset,
    /// Replace the whole state (a URL opened, Back or Forward).
    Restore(Box<AppState>),
}

impl Action {
    /// Whether the action is a hover's, which changes the [`Hover`] and not the app state.
    pub fn is_hover(&self) -> bool {
        matches!(self, Action::Hover(_) | Action::HoverAssociation(_))
    }
}

impl AppState {
    /// The state after `action`. Unknown ids leave the state unchanged.
    pub fn apply(&self, action: Action) -> AppState {
        self.apply_to(dataset(), &EUROPE, action)
    }

    /// [`AppState::apply`] against any data set and map (for tests).
    pub fn apply_to(&self, data: &'static Dataset, map: &EuropeMap, action: Action) -> AppState {
        let mut next = self.clone();
        match action {
            // What is hovered is not the app state's: see [`Hover`].
            Action::Hover(_) | Action::HoverAssociation(_) => {}
            Action::ActivateCountry(code) => {
                if let Some(code) = data.covered_country(code) {
                    let mut found = data.associations_in(code);
                    next.selection = match (found.next(), found.next()) {
                        (Some(only), None) => Some(Selection::Association(&only.acronym)),
                        _ => Some(Selection::Country(code)),
                    };
                }
            }
            Action::Select(Selection::Country(code)) => {
                return self.apply_to(data, map, Action::ActivateCountry(code));
            }
            Action::Select(selection) => {
                if let Some(valid) = data.resolve_selection(selection) {
                    next.selection = Some(valid);
                }
            }
            Action::ClearSelection => next.selection = None,
            Action::SetView(view) => next.view = view,
            Action::SetColouring(colouring) => next.colouring = colouring,
            Action::SortBy(key) => {
                next.sort = if self.sort.key == key {
                    Sort {
                        key,
                        ascending: !self.sort.ascending,
                    }
                } else {
                    Sort {
                        key,
                        ascending: true,
                    }
                };
            }
            Action::Zoom(zoom) => next.viewport = self.zoomed(data, map, zoom),
            Action::SetYear(year) => {
                let (first, last) = crate::growth::year_range(data);
                next.year = year.clamp(first, last);
                next.playing = false;
            }
            Action::StepYear(step) => {
                let (first, last) = crate::growth::year_range(data);
                let year =
                    (i32::from(self.year) + step.signum()).clamp(i32::from(first), i32::from(last));
                next.year = u16::try_from(year).unwrap_or(self.year);
                next.playing = false;
            }
            Action::Play => {
                let (first, last) = crate::growth::year_range(data);
                if self.year >= last {
                    next.year = first;
                }
                next.playing = true;
            }
            Action::Pause => next.playing = false,
            Action::Tick => {
                if self.playing {
                    let (first, last) = crate::growth::year_range(data);
                    if self.year >= last {
                        if self.looping {
                            next.year = first;
                        } else {
                            next.playing = false;
                        }
                    } else {
                        next.year = self.year + 1;
                        if next.year >= last && !self.looping {
                            next.playing = false;
                        }
                    }
                }
            }
            Action::SetLooping(looping) => next.looping = looping,
            Action::ShowMilestone(index) => {
                next.milestone = index.filter(|i| *i < data.milestones.len());
            }
            Action::SetTheme(theme) => next.theme = theme,
            Action::SetLang(lang) => next.lang = lang,
            Action::Reset => {
                next = AppState {
                    theme: self.theme,
                    lang: self.lang,
                    ..AppState::default()
                };
            }
            Action::Restore(state) => next = *state,
        }
        next
    }

    fn zoomed(&self, data: &'static Dataset, map: &EuropeMap, zoom: Zoom) -> Viewport {
        let view = self.viewport.view_box(map);
        let centre = [view.x + view.width / 2.0, view.y + view.height / 2.0];
        match zoom {
            Zoom::In(anchor) => self
                .viewport
                .zoom_by(ZOOM_STEP, anchor.unwrap_or(centre), map),
            Zoom::Out(anchor) => {
                self.viewport
                    .zoom_by(1.0 / ZOOM_STEP, anchor.unwrap_or(centre), map)
            }
            Zoom::By(factor, anchor) if factor.is_finite() && factor > 0.0 => {
                self.viewport.zoom_by(factor, anchor, map)
            }
            Zoom::By(..) => self.viewport,
            Zoom::Pan(dx, dy) if dx.is_finite() && dy.is_finite() => {
                self.viewport.pan_by(dx, dy, map)
            }
            Zoom::Pan(..) => self.viewport,
            Zoom::Reset => Viewport::home(),
            Zoom::ToSelection => match selection_bbox(data, map, self.selection) {
                Some(bbox) => Viewport::fit(bbox, 0.15, map),
                None => self.viewport,
            },
        }
    }

    /// ISO codes of the countries the selection covers (RUNDA: its eight), in data order.
    pub fn highlighted(&self) -> Vec<&'static str> {
        dataset().countries_of(self.selection)
    }
}

/// The bounding box (`[x0, y0, x1, y1]`, map units) of the selected countries' shapes.
fn selection_bbox(
    data: &'static Dataset,
    map: &EuropeMap,
    selection: Option<Selection>,
) -> Option<[f64; 4]> {
    data.countries_of(selection)
        .into_iter()
        .filter_map(|code| map.shape(code))
        .map(|shape| shape.bbox.map(f64::from))
        .reduce(|a, b| {
            [
                a[0].min(b[0]),
                a[1].min(b[1]),
                a[2].max(b[2]),
                a[3].max(b[3]),
            ]
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(actions: impl IntoIterator<Item = Action>) -> AppState {
        actions
            .into_iter()
            .fold(AppState::default(), |state, action| state.apply(action))
    }

    #[test]
    fn hover_actions_change_the_hover_and_nothing_else() {
        let state = AppState::default();
        for action in [
            Action::Hover(Some("DE")),
            Action::HoverAssociation(Some("VUT")),
        ] {
            assert!(action.is_hover(), "{action:?}");
            assert_eq!(state.apply(action.clone()), state, "{action:?}");
        }
        let on_germany = Hover::default().apply(&Action::Hover(Some("DE")));
        let germany = Hover {
            country: Some("DE"),
            association: None,
        };
        assert_eq!(on_germany, germany);
        // The two are independent: a mark hovered on the timeline keeps the map's country.
        let both = on_germany.apply(&Action::HoverAssociation(Some("VUT")));
        assert_eq!(
            both,
            Hover {
                country: Some("DE"),
                association: Some("VUT")
            }
        );
        let left = both.apply(&Action::Hover(None));
        assert_eq!((left.country, left.association), (None, Some("VUT")));
        // Other actions are the app state's: they keep the hover, but a reset clears it.
        for action in [
            Action::ClearSelection,
            Action::Select(Selection::Country("DE")),
            Action::SetView(View::Timeline),
        ] {
            assert!(!action.is_hover(), "{action:?}");
            assert_eq!(germany.apply(&action), germany, "{action:?}");
        }
        assert!(!Action::Reset.is_hover());
        assert_eq!(both.apply(&Action::Reset), Hover::default());
    }

    #[test]
    fn activating_germany_selects_vut() {
        let state = after([Action::ActivateCountry("DE")]);
        assert_eq!(state.selection, Some(Selection::Association("VUT")));
        assert_eq!(state.highlighted(), ["DE"]);
    }

    #[test]
    fn activating_france_selects_the_country_and_offers_both_associations() {
        let state = after([Action::ActivateCountry("FR")]);
        assert_eq!(state.selection, Some(Selection::Country("FR")));
        let offered: Vec<&str> = dataset()
            .associations_of(state.selection)
            .iter()
            .map(|a| &*a.acronym)
            .collect();
        assert_eq!(offered, ["UPFI", "FELIN"]);
    }

    #[test]
    fn activating_any_runda_country_highlights_all_eight() {
        let state = after([Action::ActivateCountry("XK")]);
        assert_eq!(state.selection, Some(Selection::Association("RUNDA")));
        assert_eq!(
            state.highlighted(),
            ["SI", "HR", "RS", "BA", "XK", "ME", "MK", "AL"]
        );
    }

    #[test]
    fn selecting_a_country_with_one_association_selects_the_association() {
        let state = after([Action::Select(Selection::Country("AT"))]);
        assert_eq!(state.selection, Some(Selection::Association("VTMÖ")));
        let state = after([Action::Select(Selection::Country("IT"))]);
        assert_eq!(state.selection, Some(Selection::Country("IT")));
    }

    #[test]
    fn unknown_ids_leave_the_state_as_it_was() {
        let before = after([Action::ActivateCountry("DE")]);
        for action in [
            Action::ActivateCountry("US"),
            Action::Select(Selection::Association("NOPE")),
            Action::Select(Selection::Country("GR")),
            Action::Select(Selection::Country("")),
        ] {
            assert_eq!(before.apply(action.clone()), before, "{action:?}");
        }
        let hover = Hover::default();
        assert_eq!(hover.apply(&Action::Hover(Some("ZZ"))), hover);
    }

    #[test]
    fn escape_clears_the_selection_but_keeps_the_view() {
        let state = after([
            Action::SetView(View::Table),
            Action::Select(Selection::Association("VTMÖ")),
            Action::ClearSelection,
        ]);
        assert_eq!(state.selection, None);
        assert_eq!(state.view, View::Table);
    }

    #[test]
    fn sorting_by_the_same_column_twice_reverses_it() {
        let once = after([Action::SortBy(SortKey::Name)]);
        let twice = once.apply(Action::SortBy(SortKey::Name));
        let names = |state: &AppState| -> Vec<&str> {
            crate::table::sorted_associations(
                dataset(),
                crate::i18n::Lang::EN.strings(),
                state.sort,
            )
            .iter()
            .map(|a| &*a.acronym)
            .collect()
        };
        let mut reversed = names(&once);
        reversed.reverse();
        assert_eq!(names(&twice), reversed);
        assert_eq!(names(&once).first(), Some(&"AIM"));
        // Accents fold: VTMÖ sorts between UPFI and VUT.
        let position = |acronym| names(&once).iter().position(|a| *a == acronym);
        assert!(position("UPFI") < position("VTMÖ") && position("VTMÖ") < position("VUT"));
    }

    #[test]
    fn zoom_in_out_and_reset_and_to_the_selection() {
        let zoomed = after([Action::Zoom(Zoom::In(None))]);
        assert!(zoomed.viewport != Viewport::home());
        let back = zoomed.apply(Action::Zoom(Zoom::Out(None)));
        let home = Viewport::home().view_box(&EUROPE);
        let view = back.viewport.view_box(&EUROPE);
        assert!((view.width - home.width).abs() < 1e-6 && (view.x - home.x).abs() < 1e-6);
        assert_eq!(
            zoomed.apply(Action::Zoom(Zoom::Reset)).viewport,
            Viewport::home()
        );
        // Nothing selected: zooming to the selection does nothing.
        assert_eq!(
            zoomed.apply(Action::Zoom(Zoom::ToSelection)).viewport,
            zoomed.viewport
        );
        let runda = after([
            Action::Select(Selection::Association("RUNDA")),
            Action::Zoom(Zoom::ToSelection),
        ]);
        let view = runda.viewport.view_box(&EUROPE);
        for code in runda.highlighted() {
            let [x0, y0, x1, y1] = EUROPE.shape(code).expect("shape").bbox.map(f64::from);
            assert!(
                view.x <= x0
                    && view.y <= y0
                    && x1 <= view.x + view.width
                    && y1 <= view.y + view.height,
                "{code} outside the zoomed view {view:?}"
            );
        }
        assert!(view.width < home.width / 2.0, "zoomed to the Balkans");
    }

    #[test]
    fn nonsense_zoom_values_are_ignored() {
        let state = AppState::default();
        for zoom in [
            Zoom::By(f64::NAN, [0.0, 0.0]),
            Zoom::By(-2.0, [0.0, 0.0]),
            Zoom::Pan(f64::INFINITY, 0.0),
        ] {
            assert_eq!(state.apply(Action::Zoom(zoom)), state, "{zoom:?}");
        }
    }

    #[test]
    fn the_year_starts_at_the_end_and_stays_within_the_data() {
        let (first, last) = year_range();
        let state = AppState::default();
        assert_eq!(state.year, last);
        assert_eq!(state.apply(Action::SetYear(1900)).year, first);
        assert_eq!(state.apply(Action::SetYear(3000)).year, last);
        assert_eq!(state.apply(Action::StepYear(1)).year, last);
        assert_eq!(state.apply(Action::StepYear(-1)).year, last - 1);
        assert_eq!(
            state.apply(Action::StepYear(-40)).year,
            last - 1,
            "one step at a time"
        );
    }

    #[test]
    fn play_runs_from_the_first_year_to_the_last_and_stops() {
        let (first, last) = year_range();
        let mut state = AppState::default().apply(Action::Play);
        assert_eq!((state.year, state.playing), (first, true));
        let mut ticks = 0;
        while state.playing {
            state = state.apply(Action::Tick);
            ticks += 1;
            assert!(ticks <= usize::from(last - first), "play must stop");
        }
        assert_eq!(state.year, last);
        assert_eq!(ticks, usize::from(last - first));
        // A tick while paused does nothing.
        assert_eq!(state.apply(Action::Tick), state);
    }

    #[test]
    fn looping_play_starts_again_and_pause_stops_it() {
        let (first, last) = year_range();
        let mut state = AppState::default()
            .apply(Action::SetLooping(true))
            .apply(Action::Play);
        for _ in 0..(last - first) {
            state = state.apply(Action::Tick);
        }
        assert_eq!((state.year, state.playing), (last, true));
        state = state.apply(Action::Tick);
        assert_eq!((state.year, state.playing), (first, true));
        state = state.apply(Action::Pause);
        assert!(!state.playing);
        // Dragging the slider while playing stops it too.
        let dragged = state.apply(Action::Play).apply(Action::SetYear(2003));
        assert_eq!((dragged.year, dragged.playing), (2003, false));
    }

    #[test]
    fn hovering_and_milestones_accept_only_what_the_data_has() {
        let state = AppState::default();
        let hover = Hover::default();
        let association = |action| hover.apply(&action).association;
        assert_eq!(
            association(Action::HoverAssociation(Some("RUNDA"))),
            Some("RUNDA")
        );
        assert_eq!(association(Action::HoverAssociation(Some("NOPE"))), None);
        assert_eq!(
            state.apply(Action::ShowMilestone(Some(0))).milestone,
            Some(0)
        );
        assert_eq!(
            state.apply(Action::ShowMilestone(Some(999))).milestone,
            None
        );
    }
}
