//! A composite widget's one Tab stop, WAI-ARIA's roving tabindex: Tab reaches one item of the
//! widget (the one last focused, else the chosen one, else the first) and the arrow keys move
//! between its items. Used by the timeline's marks (← →), the list of associations (↑ ↓) and the
//! groups of buttons (`hooks::use_toolbar`); the map's countries share its Tab stop but move by
//! their places instead (`geo::order::nearest_in_direction`). Pure.

/// Which arrow keys move through the items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    /// ← and →, as along a timeline.
    Horizontal,
    /// ↑ and ↓, as down a list.
    Vertical,
}

/// The item Tab reaches: the focused one, else the first chosen, else the first.
pub fn tab_stop<T: Copy + PartialEq>(
    order: &[T],
    focused: Option<T>,
    chosen: impl Fn(&T) -> bool,
) -> Option<T> {
    focused
        .filter(|f| order.contains(f))
        .or_else(|| order.iter().find(|item| chosen(item)).copied())
        .or_else(|| order.first().copied())
}

/// Where a key moves the focus among `order`: the axis's arrows one item (staying at the ends),
/// Home and End to the first and last; `None` for any other key. From no item, the arrows start
/// at the first.
pub fn step<T: Copy + PartialEq>(order: &[T], from: Option<T>, key: &str, axis: Axis) -> Option<T> {
    let (back, forward) = match axis {
        Axis::Horizontal => ("ArrowLeft", "ArrowRight"),
        Axis::Vertical => ("ArrowUp", "ArrowDown"),
    };
    let last = order.len().checked_sub(1)?;
    let at = from.and_then(|from| order.iter().position(|item| *item == from));
    let index = match (key, at) {
        ("Home", _) => 0,
        ("End", _) => last,
        (k, None) if k == back || k == forward => 0,
        (k, Some(i)) if k == back => i.saturating_sub(1),
        (k, Some(i)) if k == forward => (i + 1).min(last),
        _ => return None,
    };
    order.get(index).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_step_and_stop_at_the_ends_home_and_end_jump() {
        let order = ["SOM", "FONO", "PIL", "VUT"];
        let v = Axis::Vertical;
        assert_eq!(step(&order, Some("FONO"), "ArrowDown", v), Some("PIL"));
        assert_eq!(step(&order, Some("FONO"), "ArrowUp", v), Some("SOM"));
        assert_eq!(step(&order, Some("SOM"), "ArrowUp", v), Some("SOM"));
        assert_eq!(step(&order, Some("VUT"), "ArrowDown", v), Some("VUT"));
        assert_eq!(step(&order, Some("PIL"), "Home", v), Some("SOM"));
        assert_eq!(step(&order, None, "End", v), Some("VUT"));
        assert_eq!(step(&order, None, "ArrowDown", v), Some("SOM"));
        assert_eq!(
            step(&order, Some("PIL"), "ArrowRight", v),
            None,
            "not this axis"
        );
        assert_eq!(
            step(&order, Some("PIL"), "ArrowRight", Axis::Horizontal),
            Some("VUT")
        );
        assert_eq!(step(&order, Some("PIL"), "Enter", v), None);
        assert_eq!(step::<&str>(&[], None, "Home", v), None);
    }

    #[test]
    fn tab_reaches_the_focused_else_the_chosen_else_the_first() {
        let order = [1, 2, 3];
        assert_eq!(tab_stop(&order, Some(3), |_| false), Some(3));
        assert_eq!(tab_stop(&order, None, |n| *n == 2), Some(2));
        assert_eq!(
            tab_stop(&order, Some(9), |_| false),
            Some(1),
            "an item no longer there"
        );
        assert_eq!(tab_stop::<i32>(&[], None, |_| true), None);
    }
}
