//! What hands do on the map, turned into the app's actions: mouse, touch and pen pointers (hover,
//! click, drag to pan, pinch to zoom, double tap or double click to zoom in), the wheel, and the
//! keys of the map's one Tab stop (arrows between countries, Shift + arrows to pan, Home and End,
//! Enter and Space, + and −, 0, ?). Pure: no `yew`, no `web_sys`. The component reads each
//! event's facts ([`Press`], [`Wheel`], [`Key`]), asks [`Gestures`] or the functions here, and
//! carries out the [`Outcome`].
//!
//! Positions are CSS pixels in the browser's client space unless a name says map units.

use crate::geo::europe::{EuropeMap, EUROPE};
use crate::geo::order::{nearest_in_direction, Direction};
use crate::geo::viewport::{client_to_map, px_per_unit, Rect};
use crate::state::{Action, Zoom, PAN_STEP};

/// Pointer travel, in CSS pixels, after which a press becomes a drag rather than a click.
pub const DRAG_THRESHOLD_PX: f64 = 6.0;
/// Two taps closer than this in time (ms) and space (px) are a double tap.
pub const DOUBLE_TAP_MS: f64 = 350.0;
pub const DOUBLE_TAP_PX: f64 = 30.0;
/// One line of a line-based wheel (Firefox with a mouse), in pixels.
pub const WHEEL_LINE_PX: f64 = 16.0;
/// The largest wheel step taken into account, in pixels: one flick of a free-spinning wheel
/// zooms by at most `exp(WHEEL_MAX_PX * WHEEL_ZOOM_PER_PX)`, 2.2 times.
pub const WHEEL_MAX_PX: f64 = 200.0;
/// How much one pixel of wheel zooms, as the exponent's factor.
pub const WHEEL_ZOOM_PER_PX: f64 = 0.004;
/// How long the "Ctrl + wheel zooms" hint stays, in ms.
pub const WHEEL_HINT_MS: i32 = 1800;

/// What kind of pointer pressed: a mouse hovers; a finger or a pen only touches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Device {
    Mouse,
    Touch,
}

impl Device {
    /// From a pointer event's `pointerType` ("mouse", "touch", "pen").
    pub fn from_pointer_type(kind: &str) -> Device {
        if kind == "mouse" {
            Device::Mouse
        } else {
            Device::Touch
        }
    }
}

/// Where the map is drawn: its element's client rectangle and the view box it shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub element: Rect,
    pub view: Rect,
}

impl Frame {
    /// The map point under a client position.
    pub fn to_map(&self, client: [f64; 2]) -> [f64; 2] {
        client_to_map(self.element, self.view, client)
    }

    /// Map units per CSS pixel (`None` before the map has a size).
    fn units_per_px(&self) -> Option<f64> {
        let ppu = px_per_unit(self.element, self.view);
        (ppu > 0.0).then(|| 1.0 / ppu)
    }

    /// A client position relative to the map element's top left corner.
    fn local(&self, client: [f64; 2]) -> [f64; 2] {
        [client[0] - self.element.x, client[1] - self.element.y]
    }
}

/// Where the tooltip points: a country, and the pointer's place in the map element (`None` for
/// keyboard focus: the component puts it at the country's label point).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tip {
    pub code: &'static str,
    pub at: Option<[f64; 2]>,
}

/// What the component does after an event, in this order: dispatch the actions, set the tooltip,
/// capture the pointer, cancel the browser's default, show or hide the wheel hint, move focus,
/// open or close the keyboard help.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    pub actions: Vec<Action>,
    /// `Some(tip)`: set the tooltip to `tip` (`Some(None)` hides it).
    pub tooltip: Option<Option<Tip>>,
    /// Capture the event's pointer (a drag has begun), so the drag goes on outside the map.
    pub capture: bool,
    pub prevent_default: bool,
    pub wheel_hint: Option<bool>,
    /// Move keyboard focus to this member country.
    pub focus: Option<&'static str>,
    /// Toggle the keyboard help.
    pub help: bool,
}

impl Outcome {
    fn action(action: Action) -> Outcome {
        Outcome {
            actions: vec![action],
            ..Outcome::default()
        }
    }

    fn handled(mut self) -> Outcome {
        self.prevent_default = true;
        self
    }
}

/// A pointer event's facts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Press {
    pub id: i32,
    pub at: [f64; 2],
    pub device: Device,
    /// The event's time stamp, in ms.
    pub time: f64,
    /// The member country under the pointer.
    pub over: Option<&'static str>,
}

fn distance(a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] - b[0]).hypot(a[1] - b[1])
}

fn middle(a: [f64; 2], b: [f64; 2]) -> [f64; 2] {
    [(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0]
}

/// The pointers pressed on the map and what they have done so far.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Gestures {
    /// Each pressed pointer's id and last position.
    pointers: Vec<(i32, [f64; 2])>,
    /// Where the single pointer went down.
    start: Option<[f64; 2]>,
    /// The press moved far enough to be a drag (the click that follows is not a selection).
    dragged: bool,
    /// Distance between two pinching pointers.
    pinch: Option<f64>,
    /// Time and place of the last tap, for double taps.
    last_tap: Option<(f64, [f64; 2])>,
    /// The last press came from a touch screen or a pen.
    touch: bool,
}

impl Gestures {
    /// No pointer is pressed.
    pub fn idle(&self) -> bool {
        self.pointers.is_empty()
    }

    /// A pointer went down (`primary`: not a mouse's right or middle button).
    pub fn down(&mut self, press: Press, primary: bool) {
        if press.device == Device::Mouse && !primary {
            return;
        }
        self.touch = press.device == Device::Touch;
        self.pointers.retain(|(id, _)| *id != press.id);
        self.pointers.push((press.id, press.at));
        match self.pointers.as_slice() {
            [_] => {
                self.start = Some(press.at);
                self.dragged = false;
                self.pinch = None;
            }
            [(_, a), (_, b), ..] => {
                self.pinch = Some(distance(*a, *b));
                self.dragged = true;
            }
            [] => {}
        }
    }

    /// A pointer moved: a hover when it is not pressed, else a drag that pans or a pinch that
    /// zooms. `hovered` is the country the state has under the pointer; `frame` measures the map
    /// (only called when a drag or pinch needs it).
    pub fn moved(
        &mut self,
        press: Press,
        hovered: Option<&'static str>,
        frame: impl FnOnce() -> Option<Frame>,
    ) -> Outcome {
        let Some(index) = self.pointers.iter().position(|(id, _)| *id == press.id) else {
            let tip = frame().and_then(|frame| {
                press.over.map(|code| Tip {
                    code,
                    at: Some(frame.local(press.at)),
                })
            });
            let mut outcome = Outcome {
                tooltip: Some(tip),
                ..Outcome::default()
            };
            if hovered != press.over {
                outcome.actions.push(Action::Hover(press.over));
            }
            return outcome;
        };
        let previous = self.pointers[index].1;
        self.pointers[index].1 = press.at;
        if let ([(_, a), (_, b), ..], Some(before)) = (self.pointers.as_slice(), self.pinch) {
            let now = distance(*a, *b);
            let centre = middle(*a, *b);
            self.pinch = Some(now);
            return match frame() {
                Some(frame) if before > 0.0 && now > 0.0 => {
                    Outcome::action(Action::Zoom(Zoom::By(now / before, frame.to_map(centre))))
                }
                _ => Outcome::default(),
            };
        }
        let mut outcome = Outcome::default();
        let moved = self
            .start
            .is_some_and(|start| distance(start, press.at) > DRAG_THRESHOLD_PX);
        if moved && !self.dragged {
            self.dragged = true;
            outcome.capture = true;
        }
        if self.dragged {
            if let Some(scale) = frame().and_then(|frame| frame.units_per_px()) {
                outcome.actions.push(Action::Zoom(Zoom::Pan(
                    (previous[0] - press.at[0]) * scale,
                    (previous[1] - press.at[1]) * scale,
                )));
            }
        }
        outcome
    }

    /// A pointer went up. A finger's tap (not a drag) shows the tooltip where it touched (a
    /// finger never hovers, so the tap sets what is hovered); two quick taps zoom in.
    pub fn up(&mut self, press: Press, frame: impl FnOnce() -> Option<Frame>) -> Outcome {
        self.pointers.retain(|(id, _)| *id != press.id);
        if self.pointers.is_empty() {
            self.pinch = None;
            self.start = None;
        }
        if self.dragged || press.device == Device::Mouse {
            return Outcome::default();
        }
        let frame = frame();
        let mut outcome = Outcome {
            actions: vec![Action::Hover(press.over)],
            tooltip: Some(frame.and_then(|frame| {
                press.over.map(|code| Tip {
                    code,
                    at: Some(frame.local(press.at)),
                })
            })),
            ..Outcome::default()
        };
        match self.last_tap {
            Some((then, at))
                if press.time - then < DOUBLE_TAP_MS && distance(at, press.at) < DOUBLE_TAP_PX =>
            {
                self.last_tap = None;
                if let Some(frame) = frame {
                    let anchor = frame.to_map(press.at);
                    outcome.actions.push(Action::Zoom(Zoom::In(Some(anchor))));
                }
            }
            _ => self.last_tap = Some((press.time, press.at)),
        }
        outcome
    }

    /// The browser took a pointer away (a scroll began, the finger left the screen's edge).
    pub fn cancel(&mut self, id: i32) {
        self.pointers.retain(|(pointer, _)| *pointer != id);
        self.pinch = None;
    }

    /// The pointer left the map: a mouse no longer hovers anything.
    pub fn leave(&self, device: Device, hovered: Option<&'static str>) -> Outcome {
        if device != Device::Mouse || !self.idle() {
            return Outcome::default();
        }
        Outcome {
            actions: hovered.map(|_| Action::Hover(None)).into_iter().collect(),
            tooltip: Some(None),
            ..Outcome::default()
        }
    }

    /// A click: activates the country under it, unless it ended a drag.
    pub fn click(&mut self, over: Option<&'static str>) -> Outcome {
        if std::mem::take(&mut self.dragged) {
            return Outcome::default();
        }
        over.map_or_else(Outcome::default, |code| {
            Outcome::action(Action::ActivateCountry(code))
        })
    }

    /// A double click zooms in at the pointer (a touch's double tap is handled on pointer up).
    pub fn double_click(&self, at: [f64; 2], frame: Option<Frame>) -> Outcome {
        match frame {
            Some(frame) if !self.touch => {
                Outcome::action(Action::Zoom(Zoom::In(Some(frame.to_map(at))))).handled()
            }
            _ => Outcome::default(),
        }
    }
}

/// A wheel event's facts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Wheel {
    pub at: [f64; 2],
    /// Vertical travel: pixels, or lines when `lines`.
    pub delta_y: f64,
    pub lines: bool,
    /// Ctrl or Cmd is held.
    pub modifier: bool,
}

/// The wheel zooms at the pointer. Inside a host page's frame it zooms only with Ctrl or Cmd held;
/// otherwise the host page scrolls as usual and a hint says how to zoom.
pub fn wheel(wheel: Wheel, in_frame: bool, frame: Option<Frame>) -> Outcome {
    if in_frame && !wheel.modifier {
        return Outcome {
            wheel_hint: Some(true),
            ..Outcome::default()
        };
    }
    let px = wheel.delta_y * if wheel.lines { WHEEL_LINE_PX } else { 1.0 };
    let factor = (-px.clamp(-WHEEL_MAX_PX, WHEEL_MAX_PX) * WHEEL_ZOOM_PER_PX).exp();
    Outcome {
        actions: frame
            .map(|frame| Action::Zoom(Zoom::By(factor, frame.to_map(wheel.at))))
            .into_iter()
            .collect(),
        wheel_hint: Some(false),
        ..Outcome::default()
    }
    .handled()
}

/// A key pressed on the map's focused country.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Key<'a> {
    /// `KeyboardEvent.key`: "ArrowLeft", "+", "Home", " ".
    pub key: &'a str,
    pub shift: bool,
    /// Ctrl, Alt or Cmd is held: the key belongs to the browser.
    pub command: bool,
}

/// What a key does on the map. `focused` is the member country with focus, `order` the members
/// in reading order, `view` the view box shown.
pub fn key(key: Key, focused: Option<&'static str>, order: &[&'static str], view: Rect) -> Outcome {
    key_on(&EUROPE, key, focused, order, view)
}

/// [`key`] on any map (for tests).
pub fn key_on(
    map: &EuropeMap,
    key: Key,
    focused: Option<&'static str>,
    order: &[&'static str],
    view: Rect,
) -> Outcome {
    if key.command {
        return Outcome::default();
    }
    let direction = match key.key {
        "ArrowLeft" => Some(Direction::Left),
        "ArrowRight" => Some(Direction::Right),
        "ArrowUp" => Some(Direction::Up),
        "ArrowDown" => Some(Direction::Down),
        _ => None,
    };
    if let Some(direction) = direction {
        let outcome = if key.shift {
            let [dx, dy] = match direction {
                Direction::Left => [-1.0, 0.0],
                Direction::Right => [1.0, 0.0],
                Direction::Up => [0.0, -1.0],
                Direction::Down => [0.0, 1.0],
            };
            Outcome::action(Action::Zoom(Zoom::Pan(
                dx * view.width * PAN_STEP,
                dy * view.height * PAN_STEP,
            )))
        } else {
            Outcome {
                focus: focused
                    .and_then(|code| nearest_in_direction(map, order, code, direction))
                    .or_else(|| focused.is_none().then(|| order.first().copied()).flatten()),
                ..Outcome::default()
            }
        };
        return outcome.handled();
    }
    let outcome = match key.key {
        "+" | "=" => Outcome::action(Action::Zoom(Zoom::In(None))),
        "-" | "_" | "\u{2212}" => Outcome::action(Action::Zoom(Zoom::Out(None))),
        "0" => Outcome::action(Action::Zoom(Zoom::Reset)),
        "Home" => Outcome {
            focus: order.first().copied(),
            ..Outcome::default()
        },
        "End" => Outcome {
            focus: order.last().copied(),
            ..Outcome::default()
        },
        "Enter" | " " => match focused {
            Some(code) => Outcome::action(Action::ActivateCountry(code)),
            None => return Outcome::default(),
        },
        "?" => Outcome {
            help: true,
            ..Outcome::default()
        },
        _ => return Outcome::default(),
    };
    outcome.handled()
}

/// Keyboard focus reached a country (or left them all): it counts as hovered, its tooltip opens
/// at its label, and when it lies outside the view the view pans to it.
pub fn focus(code: Option<&'static str>, view: Rect) -> Outcome {
    focus_on(&EUROPE, code, view)
}

/// [`focus`] on any map (for tests).
pub fn focus_on(map: &EuropeMap, code: Option<&'static str>, view: Rect) -> Outcome {
    let mut outcome = Outcome {
        actions: vec![Action::Hover(code)],
        tooltip: Some(code.map(|code| Tip { code, at: None })),
        ..Outcome::default()
    };
    if let Some(shape) = code.and_then(|code| map.shape(code)) {
        let [x, y] = shape.label.map(f64::from);
        let inside = x >= view.x && x <= view.right() && y >= view.y && y <= view.bottom();
        if !inside {
            let [cx, cy] = view.center();
            outcome
                .actions
                .push(Action::Zoom(Zoom::Pan(x - cx, y - cy)));
        }
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::covered_country_codes;
    use crate::geo::order::reading_order;

    /// A 1000 × 500 px map at the client's origin showing a 2000 × 1000 unit view box.
    fn frame() -> Frame {
        Frame {
            element: Rect::new(0.0, 0.0, 1000.0, 500.0),
            view: Rect::new(0.0, 0.0, 2000.0, 1000.0),
        }
    }

    fn press(id: i32, at: [f64; 2], device: Device, time: f64) -> Press {
        Press {
            id,
            at,
            device,
            time,
            over: Some("DE"),
        }
    }

    fn pans(outcome: &Outcome) -> Vec<(f64, f64)> {
        outcome
            .actions
            .iter()
            .filter_map(|a| match a {
                Action::Zoom(Zoom::Pan(dx, dy)) => Some((*dx, *dy)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_mouse_hovering_sets_the_country_and_a_tooltip_at_the_pointer() {
        let mut g = Gestures::default();
        let out = g.moved(press(1, [100.0, 50.0], Device::Mouse, 0.0), None, || {
            Some(frame())
        });
        assert_eq!(out.actions, [Action::Hover(Some("DE"))]);
        assert_eq!(
            out.tooltip,
            Some(Some(Tip {
                code: "DE",
                at: Some([100.0, 50.0])
            }))
        );
        // Moving within the same country dispatches nothing new.
        let again = g.moved(
            press(1, [101.0, 50.0], Device::Mouse, 1.0),
            Some("DE"),
            || Some(frame()),
        );
        assert!(again.actions.is_empty());
        // Leaving the map clears the hover.
        let left = g.leave(Device::Mouse, Some("DE"));
        assert_eq!(left.actions, [Action::Hover(None)]);
        assert_eq!(left.tooltip, Some(None));
    }

    #[test]
    fn a_small_press_is_a_click_and_a_drag_pans_and_swallows_its_click() {
        let mut g = Gestures::default();
        g.down(press(1, [100.0, 100.0], Device::Mouse, 0.0), true);
        let small = g.moved(press(1, [103.0, 100.0], Device::Mouse, 1.0), None, || {
            Some(frame())
        });
        assert!(
            small.actions.is_empty() && !small.capture,
            "3 px is not a drag"
        );
        g.up(press(1, [103.0, 100.0], Device::Mouse, 2.0), || {
            Some(frame())
        });
        assert_eq!(g.click(Some("DE")).actions, [Action::ActivateCountry("DE")]);

        g.down(press(1, [100.0, 100.0], Device::Mouse, 10.0), true);
        let drag = g.moved(press(1, [80.0, 90.0], Device::Mouse, 11.0), None, || {
            Some(frame())
        });
        assert!(drag.capture, "a drag captures the pointer");
        // 20 px left and 10 up at 2 units per px: the view moves 40 units right and 20 down.
        assert_eq!(pans(&drag), [(40.0, 20.0)]);
        g.up(
            press(1, [80.0, 90.0], Device::Mouse, 12.0),
            || Some(frame()),
        );
        assert!(
            g.click(Some("DE")).actions.is_empty(),
            "no selection after a drag"
        );
        assert_eq!(
            g.click(Some("DE")).actions,
            [Action::ActivateCountry("DE")],
            "the next click selects again"
        );
    }

    #[test]
    fn a_right_button_press_starts_nothing() {
        let mut g = Gestures::default();
        g.down(press(1, [100.0, 100.0], Device::Mouse, 0.0), false);
        assert!(g.idle());
    }

    #[test]
    fn a_pinch_zooms_by_the_ratio_of_the_fingers_distance_around_their_middle() {
        let mut g = Gestures::default();
        g.down(press(1, [100.0, 100.0], Device::Touch, 0.0), true);
        g.down(press(2, [200.0, 100.0], Device::Touch, 0.0), true);
        let out = g.moved(press(2, [300.0, 100.0], Device::Touch, 1.0), None, || {
            Some(frame())
        });
        assert_eq!(
            out.actions,
            [Action::Zoom(Zoom::By(2.0, [400.0, 200.0]))],
            "fingers twice as far apart, middle at (200, 100) px"
        );
        // Lifting both fingers is no tap.
        assert!(g
            .up(press(1, [100.0, 100.0], Device::Touch, 2.0), || Some(
                frame()
            ))
            .actions
            .is_empty());
        assert!(g
            .up(press(2, [300.0, 100.0], Device::Touch, 2.0), || Some(
                frame()
            ))
            .actions
            .is_empty());
        assert!(g.idle());
    }

    #[test]
    fn a_tap_shows_the_tooltip_and_a_quick_second_tap_zooms_in_there() {
        let mut g = Gestures::default();
        g.down(press(1, [100.0, 100.0], Device::Touch, 0.0), true);
        let tap = g.up(press(1, [100.0, 100.0], Device::Touch, 50.0), || {
            Some(frame())
        });
        assert_eq!(tap.actions, [Action::Hover(Some("DE"))]);
        assert_eq!(
            tap.tooltip,
            Some(Some(Tip {
                code: "DE",
                at: Some([100.0, 100.0])
            }))
        );
        g.down(press(1, [110.0, 100.0], Device::Touch, 200.0), true);
        let second = g.up(press(1, [110.0, 100.0], Device::Touch, 250.0), || {
            Some(frame())
        });
        assert_eq!(
            second.actions,
            [
                Action::Hover(Some("DE")),
                Action::Zoom(Zoom::In(Some([220.0, 200.0])))
            ]
        );
        // A third tap soon after is a new first tap, and a slow one zooms nothing.
        g.down(press(1, [110.0, 100.0], Device::Touch, 300.0), true);
        let third = g.up(press(1, [110.0, 100.0], Device::Touch, 320.0), || {
            Some(frame())
        });
        assert_eq!(third.actions.len(), 1);
        g.down(press(1, [110.0, 100.0], Device::Touch, 1000.0), true);
        let slow = g.up(press(1, [110.0, 100.0], Device::Touch, 1020.0), || {
            Some(frame())
        });
        assert_eq!(
            slow.actions.len(),
            1,
            "{DOUBLE_TAP_MS} ms apart is two taps"
        );
        // After a touch, the browser's dblclick is left to the taps.
        assert!(g
            .double_click([110.0, 100.0], Some(frame()))
            .actions
            .is_empty());
    }

    #[test]
    fn a_double_click_zooms_in_at_the_pointer() {
        let g = Gestures::default();
        let out = g.double_click([250.0, 125.0], Some(frame()));
        assert_eq!(out.actions, [Action::Zoom(Zoom::In(Some([500.0, 250.0])))]);
        assert!(out.prevent_default);
    }

    #[test]
    fn the_wheel_zooms_at_the_pointer_but_in_a_frame_only_with_ctrl() {
        let down = Wheel {
            at: [500.0, 250.0],
            delta_y: 100.0,
            lines: false,
            modifier: false,
        };
        let out = wheel(down, false, Some(frame()));
        let expected = (-100.0 * WHEEL_ZOOM_PER_PX).exp();
        assert_eq!(
            out.actions,
            [Action::Zoom(Zoom::By(expected, [1000.0, 500.0]))]
        );
        assert!(out.prevent_default && out.wheel_hint == Some(false));
        // Three lines count as 48 px; a huge flick is capped.
        let lines = wheel(
            Wheel {
                delta_y: 3.0,
                lines: true,
                ..down
            },
            false,
            Some(frame()),
        );
        assert_eq!(
            lines.actions,
            [Action::Zoom(Zoom::By(
                (-48.0 * WHEEL_ZOOM_PER_PX).exp(),
                [1000.0, 500.0]
            ))]
        );
        let flick = wheel(
            Wheel {
                delta_y: -5000.0,
                ..down
            },
            false,
            Some(frame()),
        );
        assert_eq!(
            flick.actions,
            [Action::Zoom(Zoom::By(
                (WHEEL_MAX_PX * WHEEL_ZOOM_PER_PX).exp(),
                [1000.0, 500.0]
            ))]
        );
        // In a host's frame, the page scrolls and the hint shows; Ctrl zooms.
        let hosted = wheel(down, true, Some(frame()));
        assert!(hosted.actions.is_empty() && !hosted.prevent_default);
        assert_eq!(hosted.wheel_hint, Some(true));
        let ctrl = wheel(
            Wheel {
                modifier: true,
                ..down
            },
            true,
            Some(frame()),
        );
        assert_eq!(ctrl.actions.len(), 1);
    }

    fn press_key(key_name: &str, shift: bool, focused: Option<&'static str>) -> Outcome {
        let order = reading_order(&EUROPE, &covered_country_codes());
        key(
            Key {
                key: key_name,
                shift,
                command: false,
            },
            focused,
            &order,
            Rect::new(0.0, 0.0, 1000.0, 800.0),
        )
    }

    #[test]
    fn arrows_move_focus_between_neighbours_and_shift_arrows_pan() {
        assert_eq!(press_key("ArrowRight", false, Some("DE")).focus, Some("PL"));
        assert_eq!(press_key("ArrowRight", false, Some("PT")).focus, Some("ES"));
        let edge = press_key("ArrowLeft", false, Some("PT"));
        assert_eq!(edge.focus, None, "nothing west of Portugal: focus stays");
        assert!(edge.prevent_default, "and the page does not scroll");
        let pan = press_key("ArrowRight", true, Some("DE"));
        assert_eq!(pan.focus, None, "Shift + arrow does not move focus");
        assert_eq!(pans(&pan), [(1000.0 * PAN_STEP, 0.0)]);
        assert_eq!(
            pans(&press_key("ArrowUp", true, None)),
            [(0.0, -800.0 * PAN_STEP)]
        );
    }

    #[test]
    fn home_end_enter_zoom_and_help_keys() {
        let order = reading_order(&EUROPE, &covered_country_codes());
        assert_eq!(
            press_key("Home", false, Some("DE")).focus,
            order.first().copied()
        );
        assert_eq!(
            press_key("End", false, Some("DE")).focus,
            order.last().copied()
        );
        assert_eq!(
            press_key("Enter", false, Some("DE")).actions,
            [Action::ActivateCountry("DE")]
        );
        assert_eq!(
            press_key(" ", false, Some("FR")).actions,
            [Action::ActivateCountry("FR")]
        );
        assert_eq!(
            press_key("+", false, None).actions,
            [Action::Zoom(Zoom::In(None))]
        );
        assert_eq!(
            press_key("-", false, None).actions,
            [Action::Zoom(Zoom::Out(None))]
        );
        assert_eq!(
            press_key("0", false, None).actions,
            [Action::Zoom(Zoom::Reset)]
        );
        assert!(press_key("?", true, None).help);
        let browser = key(
            Key {
                key: "+",
                shift: false,
                command: true,
            },
            None,
            &order,
            Rect::new(0.0, 0.0, 1.0, 1.0),
        );
        assert_eq!(
            browser,
            Outcome::default(),
            "Ctrl + + is the browser's zoom"
        );
        let other = press_key("x", false, Some("DE"));
        assert!(!other.prevent_default && other.actions.is_empty());
    }

    #[test]
    fn focus_outside_the_view_pans_to_the_country() {
        let label = EUROPE
            .shape("PT")
            .map(|s| s.label.map(f64::from))
            .unwrap_or_default();
        let inside = Rect::new(label[0] - 10.0, label[1] - 10.0, 20.0, 20.0);
        let out = focus(Some("PT"), inside);
        assert_eq!(out.actions, [Action::Hover(Some("PT"))]);
        assert_eq!(
            out.tooltip,
            Some(Some(Tip {
                code: "PT",
                at: None
            }))
        );
        let away = Rect::new(label[0] + 100.0, label[1], 20.0, 20.0);
        let moved = focus(Some("PT"), away);
        assert_eq!(pans(&moved), [(-110.0, -10.0)]);
        assert_eq!(focus(None, away).actions, [Action::Hover(None)]);
    }
}
