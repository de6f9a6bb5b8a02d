//! The founding-year timeline, laid out: a year axis, the associations' founding marks above it
//! and IMPALA's founding and milestones below it, each track packed into lanes (rows) so that no
//! two marks overlap. Pure: std only, no `yew`, no `web_sys`.
//!
//! Units and axes: "timeline units", x to the right, y DOWN, origin at the top left of the
//! `width` × `height` box. The UI draws one unit as one CSS px; a narrow screen scrolls the
//! timeline sideways rather than squeezing it below [`MIN_WIDTH`].
//!
//! Conventions:
//! - a year is a slot of the axis: year `y` covers `x(y)` to `x(y + 1)`, so `x(y as f64 + 0.5)`
//!   is its centre. Point marks sit at year centres; a tick for year `t` sits at the slot's left
//!   edge, `x(t)`. The axis runs from `x(start)` (= `x0`) to `x(end)` (= `x1`): `end` is the
//!   first year *not* on the axis;
//! - a mark's `x`, `y` is the centre of its box. Lanes count from the axis outwards: association
//!   lane 0 is just above the axis line, milestone lane 0 just below the year labels;
//! - an association's box is `mark_height` high and as wide as its acronym's estimated text. A
//!   disputed founding also occupies its lane out to its other years (hollow ticks
//!   `milestone_width` wide, linked to the mark); an unknown one occupies its whole band, which
//!   covers the slots `earliest..=latest`, with the mark box at the band's middle;
//! - a milestone is a dot `milestone_width` across, or a bar that thick from its first year's
//!   centre to its last year's (an ongoing one: to the axis end); IMPALA's own founding is a dot
//!   placed first, so it is always in milestone lane 0;
//! - associations are placed in (year, acronym) order (an unknown year sorts by `earliest`),
//!   milestones by (first, last, index); each goes into the lowest lane where it keeps `mark_gap`
//!   clear of every mark already there.

use crate::data::{Dataset, Founding};
use crate::text_width::{width_em, Face};

/// The narrowest timeline, in units (= CSS px): below it the UI scrolls sideways. 640 fits the
/// timeline's column on a 1280-pixel laptop screen (about 665 px), so that there it does not
/// scroll, which cut off the start of its row labels ("ciations"). At 640 a year is about 11.5
/// units, so neighbouring years' milestone dots share a lane, and the real data needs 6
/// association lanes, as at 720 (5 from 1000 up; 7 or more below 500).
pub const MIN_WIDTH: f64 = 640.0;

/// Maps years to x.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct YearScale {
    /// First year on the axis (a decade).
    pub start: u16,
    /// First year after the axis (exclusive end).
    pub end: u16,
    /// x of `start` (left edge of its slot) and of `end`.
    pub x0: f64,
    pub x1: f64,
}

impl YearScale {
    /// Width of one year's slot.
    pub fn year_width(&self) -> f64 {
        (self.x1 - self.x0) / f64::from(self.end.saturating_sub(self.start).max(1))
    }

    /// x of a (fractional) year: `x(y as f64)` is the left edge of year `y`, `x(y as f64 + 0.5)`
    /// its centre.
    pub fn x(&self, year: f64) -> f64 {
        self.x0 + (year - f64::from(self.start)) * self.year_width()
    }

    /// The year whose slot contains `x`, clamped to `start..end` (for pointer → year).
    pub fn year_at(&self, x: f64) -> u16 {
        let last = self.end.saturating_sub(1).max(self.start);
        let year = (f64::from(self.start) + (x - self.x0) / self.year_width()).floor();
        (year as u16).clamp(self.start, last) // `as` saturates, and maps NaN to 0
    }

    /// Years from `start` to `end` (inclusive) divisible by `every`; none when `every` is 0.
    pub fn ticks(&self, every: u16) -> Vec<u16> {
        (self.start..=self.end)
            .filter(|y| every > 0 && y % every == 0)
            .collect()
    }
}

/// How sure a founding year is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Certainty {
    Exact,
    Disputed,
    Unknown,
}

/// One association on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct AssociationMark {
    pub acronym: &'static str,
    pub certainty: Certainty,
    /// The founding year (a disputed one's primary year). For an unknown one: `earliest`, the
    /// sort year only; never show it as a year, use `range`.
    pub year: u16,
    /// Centre of the box: the year's centre, or for an unknown year the middle of its band.
    pub x: f64,
    pub y: f64,
    /// Width of the box (its height is `mark_height`).
    pub width: f64,
    pub lane: usize,
    /// A disputed founding's other years and their centres' x, as in the data.
    pub alternatives: Vec<(u16, f64)>,
    /// An unknown founding's `earliest`, `latest` and the band's x from the left edge of
    /// `earliest` to the right edge of `latest`.
    pub range: Option<(u16, u16, f64, f64)>,
}

impl AssociationMark {
    /// The mark's box as `[x, y, width, height]`, for boxes `height` high: the box itself, and
    /// the hover's outline drawn over it.
    pub fn box_rect(&self, height: f64) -> [f64; 4] {
        [
            self.x - self.width / 2.0,
            self.y - height / 2.0,
            self.width,
            height,
        ]
    }

    /// The x extent the mark occupies in its lane: its box, its other years' hollow ticks
    /// (`tick_width` wide) and its band.
    pub fn extent(&self, tick_width: f64) -> (f64, f64) {
        let half = tick_width / 2.0;
        let ticks = self.alternatives.iter().map(|a| (a.1 - half, a.1 + half));
        let own = (self.x - self.width / 2.0, self.x + self.width / 2.0);
        (ticks.chain(self.range.map(|r| (r.2, r.3))))
            .fold(own, |(l, r), (a, b)| (l.min(a), r.max(b)))
    }
}

/// IMPALA's milestone `index` on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct MilestoneMark {
    /// Index into `data.milestones`.
    pub index: usize,
    pub first: u16,
    pub last: u16,
    /// Centre of the first year; centre of the last year, or the axis end when ongoing. Equal for
    /// a single year (a dot).
    pub x0: f64,
    pub x1: f64,
    pub ongoing: bool,
    pub lane: usize,
    pub y: f64,
}

/// The whole timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineLayout {
    pub scale: YearScale,
    pub associations: Vec<AssociationMark>,
    pub milestones: Vec<MilestoneMark>,
    /// The radius of every dot (IMPALA's founding, a milestone's year): half the
    /// `milestone_width` the lanes are packed for, so the dots drawn never overlap.
    pub dot_radius: f64,
    /// x and y of IMPALA's founding dot.
    pub impala: f64,
    pub impala_y: f64,
    /// y of the axis line; the year labels go in the `axis_height` below it.
    pub axis_y: f64,
    pub association_lanes: usize,
    pub milestone_lanes: usize,
    pub width: f64,
    pub height: f64,
}

/// A mark the keyboard visits on the timeline: an association or one of IMPALA's milestones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkId {
    Association(&'static str),
    /// Index into `data.milestones`.
    Milestone(usize),
}

impl TimelineLayout {
    /// Every mark in the order ← and → visit them: by year from left to right; at the same place,
    /// associations (top to bottom) before milestones.
    pub fn keyboard_order(&self) -> Vec<MarkId> {
        let associations = self
            .associations
            .iter()
            .map(|m| ((m.x, 0, m.y), MarkId::Association(m.acronym)));
        let milestones = self
            .milestones
            .iter()
            .map(|m| ((m.x0, 1, m.y), MarkId::Milestone(m.index)));
        // An insertion sort: the marks come nearly in order (both lists run by year) and are
        // few, and it keeps a general sort's code out of the wasm.
        let mut marks: Vec<((f64, u8, f64), MarkId)> = Vec::new();
        for (key, id) in associations.chain(milestones) {
            let before = |(x, k, y): &(f64, u8, f64)| {
                x.total_cmp(&key.0)
                    .then(k.cmp(&key.1))
                    .then(y.total_cmp(&key.2))
                    != std::cmp::Ordering::Greater
            };
            let at = marks
                .iter()
                .rposition(|(k, _)| before(k))
                .map_or(0, |i| i + 1);
            marks.insert(at, (key, id));
        }
        marks.into_iter().map(|(_, id)| id).collect()
    }
}

/// Sizes, in timeline units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutOptions {
    /// Total width of the timeline.
    pub width: f64,
    /// Least space left and right of the axis (for the year labels); it grows when a mark near
    /// an end of the axis would stick out of `width`.
    pub margin: f64,
    /// Font size of an acronym (bold capitals, styles/timeline.css), its width estimated by
    /// [`crate::text_width`].
    pub mark_font: f64,
    /// Added to the text width of a box (both ends together).
    pub mark_padding: f64,
    pub mark_height: f64,
    /// Diameter of a milestone dot, thickness of its bar, width of a hollow tick.
    pub milestone_width: f64,
    /// Vertical space between lanes, and around the tracks.
    pub lane_gap: f64,
    /// Least horizontal space between two marks in one lane.
    pub mark_gap: f64,
    /// Height below the axis line for the year labels.
    pub axis_height: f64,
}

impl Default for LayoutOptions {
    /// A desktop timeline, 1000 units wide.
    fn default() -> Self {
        LayoutOptions {
            width: 1000.0,
            margin: 20.0,
            mark_font: 11.0,
            mark_padding: 8.0,
            mark_height: 18.0,
            milestone_width: 10.0,
            lane_gap: 4.0,
            mark_gap: 4.0,
            axis_height: 24.0,
        }
    }
}

impl LayoutOptions {
    /// The default sizes for a container `px` wide, but never narrower than [`MIN_WIDTH`] (a NaN
    /// width gives [`MIN_WIDTH`] too).
    pub fn for_width(px: f64) -> Self {
        LayoutOptions {
            width: MIN_WIDTH.max(px),
            ..Self::default()
        }
    }

    /// Width of an acronym's box.
    pub fn mark_width(&self, acronym: &str) -> f64 {
        width_em(acronym, Face::BoldCaps) * self.mark_font + self.mark_padding
    }
}

/// The axis: the slider's years (`growth::year_range`: the first founding year any source gives,
/// to the last year of the founding and milestone data, at least
/// [`crate::growth::LAST_YEAR_AT_LEAST`]), starting at the decade of the first one. The end is
/// exclusive: the axis runs to the end of the last year.
pub fn axis_range(data: &Dataset) -> (u16, u16) {
    let (first, last) = crate::growth::year_range(data);
    let start = first - first % 10;
    (start, last.saturating_add(1).max(start + 1))
}

/// Lays the timeline out for `data` at `options`.
pub fn layout(data: &'static Dataset, options: &LayoutOptions) -> TimelineLayout {
    let o = options;
    let (start, end) = axis_range(data);
    let dot = o.milestone_width / 2.0;

    // Track 1: the associations, above the axis. The margins grow until every mark lies inside
    // the width (one near an end of the axis may need more than `margin`; a box wider than the
    // whole timeline never fits).
    let scale_for = |margin: f64| YearScale {
        start,
        end,
        x0: margin,
        x1: o.width - margin,
    };
    let mut scale = scale_for(o.margin.max(dot));
    let mut marks = association_marks(data, o, &scale);
    for _ in 0..4 {
        let extents = marks.iter().map(|m| m.extent(o.milestone_width));
        let spill = extents.fold(0.0, |s: f64, (l, r)| s.max(-l).max(r - o.width));
        if spill <= 0.0 {
            break;
        }
        scale = scale_for((scale.x0 + spill + 1.0).min(o.width / 4.0)); // +1: converge at once
        marks = association_marks(data, o, &scale);
    }
    let centre = |year: u16| scale.x(f64::from(year) + 0.5);
    let extents: Vec<(f64, f64)> = marks.iter().map(|m| m.extent(o.milestone_width)).collect();
    let (lanes, association_lanes) = pack(&extents, o.mark_gap);
    let pitch = o.mark_height + o.lane_gap;
    let axis_y = o.lane_gap + association_lanes.max(1) as f64 * pitch;
    for (mark, lane) in marks.iter_mut().zip(lanes) {
        mark.lane = lane;
        mark.y = axis_y - o.lane_gap - o.mark_height / 2.0 - lane as f64 * pitch;
    }

    // Track 2: IMPALA's founding, then its milestones, below the axis and its year labels.
    let impala = centre(data.impala.founded);
    let mut milestones: Vec<MilestoneMark> = (data.milestones.iter().enumerate())
        .filter_map(|(index, m)| {
            let (first, last, ongoing) = (*m.years.first()?, *m.years.last()?, m.ongoing);
            let (x0, x1) = (centre(first), if ongoing { scale.x1 } else { centre(last) });
            Some(MilestoneMark {
                index,
                first,
                last,
                x0,
                x1,
                ongoing,
                lane: 0,
                y: 0.0,
            })
        })
        .collect();
    crate::sorting::sort_by_key(&mut milestones, |m| (m.first, m.last, m.index));
    let extents: Vec<(f64, f64)> = std::iter::once((impala, impala))
        .chain(milestones.iter().map(|m| (m.x0, m.x1)))
        .map(|(x0, x1)| (x0 - dot, x1 + dot))
        .collect();
    let (lanes, milestone_lanes) = pack(&extents, o.mark_gap);
    let top = axis_y + o.axis_height;
    let lane_y = |lane: usize| top + dot + lane as f64 * (o.milestone_width + o.lane_gap);
    let impala_y = lane_y(lanes.first().copied().unwrap_or(0));
    for (mark, lane) in milestones.iter_mut().zip(lanes.into_iter().skip(1)) {
        mark.lane = lane;
        mark.y = lane_y(lane);
    }
    let height = top + milestone_lanes as f64 * (o.milestone_width + o.lane_gap) + o.lane_gap;
    TimelineLayout {
        scale,
        associations: marks,
        milestones,
        dot_radius: dot,
        impala,
        impala_y,
        axis_y,
        association_lanes,
        milestone_lanes,
        width: o.width,
        height,
    }
}

/// The associations' marks in (year, acronym) order, at `scale`, not yet in lanes.
fn association_marks(
    data: &'static Dataset,
    o: &LayoutOptions,
    scale: &YearScale,
) -> Vec<AssociationMark> {
    let centre = |year: u16| scale.x(f64::from(year) + 0.5);
    let list = data.associations_by_founding().into_iter();
    list.map(|a| {
        let (certainty, x, alternatives, range) = match &a.founded {
            Founding::Exact { year, .. } => (Certainty::Exact, centre(*year), vec![], None),
            Founding::Disputed { year, other, .. } => {
                let others = other.iter().map(|y| (y.year, centre(y.year))).collect();
                (Certainty::Disputed, centre(*year), others, None)
            }
            Founding::Unknown {
                earliest, latest, ..
            } => {
                let band = (
                    scale.x(f64::from(*earliest)),
                    scale.x(f64::from(*latest) + 1.0),
                );
                let range = Some((*earliest, *latest, band.0, band.1));
                (Certainty::Unknown, (band.0 + band.1) / 2.0, vec![], range)
            }
        };
        AssociationMark {
            acronym: &a.acronym,
            certainty,
            year: a.founded.sort_year(),
            x,
            y: 0.0,
            width: o.mark_width(&a.acronym),
            lane: 0,
            alternatives,
            range,
        }
    })
    .collect()
}

/// Greedy lane packing: each extent, in order, goes into the lowest lane where it keeps `gap`
/// clear of every extent already there. Returns each extent's lane and the number of lanes.
fn pack(extents: &[(f64, f64)], gap: f64) -> (Vec<usize>, usize) {
    let mut lanes: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut assigned = Vec::with_capacity(extents.len());
    for &(left, right) in extents {
        let fits = |lane: &Vec<(f64, f64)>| {
            lane.iter()
                .all(|&(l, r)| left >= r + gap || right + gap <= l)
        };
        let lane = lanes.iter().position(fits).unwrap_or(lanes.len());
        match lanes.get_mut(lane) {
            Some(placed) => placed.push((left, right)),
            None => lanes.push(vec![(left, right)]),
        }
        assigned.push(lane);
    }
    let count = lanes.len();
    (assigned, count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::dataset;

    const EPS: f64 = 1e-9;

    /// A phone (the minimum width), a laptop's column (720 px), the default 1000 and a 4K
    /// screen's 2000.
    fn widths() -> [LayoutOptions; 4] {
        [
            LayoutOptions::for_width(360.0),
            LayoutOptions::for_width(720.0),
            LayoutOptions::default(),
            LayoutOptions::for_width(2000.0),
        ]
    }

    fn mark<'a>(layout: &'a TimelineLayout, acronym: &str) -> &'a AssociationMark {
        let found = layout.associations.iter().find(|m| m.acronym == acronym);
        found.unwrap_or_else(|| panic!("no mark for {acronym}"))
    }

    /// No two `(lane, left, right)` extents in one lane come closer than `gap`; all lie in `0..width`.
    fn assert_disjoint(extents: &[(usize, f64, f64)], gap: f64, width: f64) {
        for (i, a) in extents.iter().enumerate() {
            assert!(a.1 >= -EPS && a.2 <= width + EPS, "{a:?} sticks out");
            for b in &extents[i + 1..] {
                let apart = a.1 >= b.2 + gap - EPS || b.1 >= a.2 + gap - EPS;
                assert!(a.0 != b.0 || apart, "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn the_axis_runs_from_1970_to_2021_and_narrow_screens_get_the_minimum_width() {
        assert_eq!(axis_range(dataset()), (1970, 2021));
        let scale = layout(dataset(), &LayoutOptions::default()).scale;
        assert_eq!((scale.start, scale.end), (1970, 2021));
        assert_eq!(scale.ticks(10), [1970, 1980, 1990, 2000, 2010, 2020]);
        assert!(scale.ticks(0).is_empty());
        assert_eq!(LayoutOptions::for_width(360.0).width, MIN_WIDTH);
        assert_eq!(LayoutOptions::for_width(f64::NAN).width, MIN_WIDTH);
        assert_eq!(LayoutOptions::for_width(1400.0).width, 1400.0);
    }

    #[test]
    fn marks_never_overlap_keep_to_their_track_and_lie_on_the_axis() {
        for o in widths() {
            let layout = layout(dataset(), &o);
            // The radius the timeline draws its dots with (components/timeline.rs).
            let dot = layout.dot_radius;
            assert_eq!(dot * 2.0, o.milestone_width);
            let mut associations = vec![];
            for m in &layout.associations {
                let (left, right) = m.extent(o.milestone_width);
                let mut xs = vec![m.x - m.width / 2.0, m.x + m.width / 2.0];
                xs.extend(m.alternatives.iter().flat_map(|a| [a.1 - dot, a.1 + dot]));
                xs.extend(m.range.iter().flat_map(|r| [r.2, r.3]));
                assert!(
                    xs.iter().all(|x| *x >= left - EPS && *x <= right + EPS),
                    "{m:?}"
                );
                // The box drawn (and the hover's outline over it) is inside the extent, centred
                // on the mark, below the top edge.
                let [bx, by, bw, bh] = m.box_rect(o.mark_height);
                assert!(
                    bx >= left - EPS
                        && bx + bw <= right + EPS
                        && by >= -EPS
                        && (bx + bw / 2.0 - m.x).abs() < EPS
                        && (by + bh / 2.0 - m.y).abs() < EPS,
                    "{m:?}"
                );
                associations.push((m.lane, left, right));
            }
            assert_disjoint(&associations, o.mark_gap, o.width);
            let mut milestones = vec![(0, layout.impala - dot, layout.impala + dot)];
            milestones.extend(
                layout
                    .milestones
                    .iter()
                    .map(|m| (m.lane, m.x0 - dot, m.x1 + dot)),
            );
            assert_disjoint(&milestones, o.mark_gap, o.width);
            let pitch = o.mark_height + o.lane_gap;
            for m in &layout.associations {
                let y = layout.axis_y - o.lane_gap - o.mark_height / 2.0 - m.lane as f64 * pitch;
                assert!(m.lane < layout.association_lanes && (m.y - y).abs() < EPS);
                assert!(m.y - o.mark_height / 2.0 >= -EPS);
            }
            for m in &layout.milestones {
                assert!(m.lane < layout.milestone_lanes);
                assert!(m.y - dot >= layout.axis_y + o.axis_height - EPS);
                assert!(m.y + dot <= layout.height + EPS);
            }
            assert!((layout.impala_y - (layout.axis_y + o.axis_height + dot)).abs() < EPS);
            assert_ne!(mark(&layout, "DUP").lane, mark(&layout, "INDIECO").lane);
            assert_ne!(mark(&layout, "UFI").lane, mark(&layout, "VTMÖ").lane);
            let s = layout.scale;
            let on = |x: f64| x >= s.x0 - EPS && x <= s.x1 + EPS;
            assert!(s.x0 >= o.margin - EPS && s.x1 <= o.width - o.margin + EPS);
            assert!(on(layout.impala));
            for m in &layout.associations {
                assert!(on(m.x) && m.alternatives.iter().all(|a| on(a.1)), "{m:?}");
                assert!(m.range.iter().all(|r| on(r.2) && on(r.3)), "{m:?}");
            }
            assert!(layout.milestones.iter().all(|m| on(m.x0) && on(m.x1)));
            assert_eq!(layout, super::layout(dataset(), &o), "deterministic");
        }
    }

    #[test]
    fn every_association_has_exactly_one_mark_and_disputed_ones_their_other_years() {
        let layout = layout(dataset(), &LayoutOptions::default());
        assert_eq!(layout.associations.len(), dataset().associations.len());
        for a in dataset().associations.iter() {
            let mut found = layout
                .associations
                .iter()
                .filter(|m| m.acronym == a.acronym);
            assert!(
                found.next().is_some() && found.next().is_none(),
                "{}",
                a.acronym
            );
        }
        let alternatives = |acronym| &mark(&layout, acronym).alternatives;
        let years = |acronym| -> Vec<u16> { alternatives(acronym).iter().map(|a| a.0).collect() };
        assert_eq!(years("AIM"), [1999]);
        assert_eq!(years("UPFI"), [1986, 1993]);
        assert_eq!(years("RUNDA"), [2019]);
        let upfi = mark(&layout, "UPFI");
        assert_eq!((upfi.certainty, upfi.year), (Certainty::Disputed, 1996));
        assert!((upfi.x - layout.scale.x(1996.5)).abs() < EPS);
        assert!((upfi.alternatives[0].1 - layout.scale.x(1986.5)).abs() < EPS);
        let som = mark(&layout, "SOM");
        assert!(som.certainty == Certainty::Exact && som.range.is_none());
        assert!(som.alternatives.is_empty());
    }

    #[test]
    fn unknown_foundings_are_bands_never_years() {
        for o in widths() {
            let layout = layout(dataset(), &o);
            for (acronym, earliest, latest) in [("INDIERO", 2011, 2019), ("FELIN", 2010, 2020)] {
                let m = mark(&layout, acronym);
                assert!(m.certainty == Certainty::Unknown && m.alternatives.is_empty());
                let Some((e, l, x0, x1)) = m.range else {
                    panic!("{acronym} has no band")
                };
                assert_eq!((e, l), (earliest, latest));
                assert!((x0 - layout.scale.x(f64::from(earliest))).abs() < EPS);
                assert!((x1 - layout.scale.x(f64::from(latest) + 1.0)).abs() < EPS);
                assert!((m.x - (x0 + x1) / 2.0).abs() < EPS);
            }
            let banded = layout.associations.iter().filter(|m| m.range.is_some());
            assert!(banded.clone().all(|m| m.certainty == Certainty::Unknown));
            assert_eq!(banded.count(), 2);
        }
    }

    #[test]
    fn every_milestone_has_a_mark_spans_extend_and_ongoing_reaches_the_end() {
        let (data, layout) = (dataset(), layout(dataset(), &LayoutOptions::default()));
        let mut indices: Vec<usize> = layout.milestones.iter().map(|m| m.index).collect();
        indices.sort_unstable();
        assert_eq!(indices, (0..data.milestones.len()).collect::<Vec<_>>());
        for m in &layout.milestones {
            let years = &data.milestones[m.index].years;
            assert_eq!(
                [Some(&m.first), Some(&m.last)],
                [years.first(), years.last()]
            );
            if m.ongoing {
                assert!((m.x1 - layout.scale.x1).abs() < EPS);
            } else if m.last > m.first {
                assert!(m.x1 > m.x0 + EPS);
            } else {
                assert!((m.x1 - m.x0).abs() < EPS);
            }
        }
        assert_eq!(layout.milestones.iter().filter(|m| m.ongoing).count(), 1);
        assert!((layout.impala - layout.scale.x(2000.5)).abs() < EPS);
        let in_2020 = layout.milestones.iter().filter(|m| m.first == 2020).count();
        assert!(layout.milestone_lanes > in_2020); // and the ongoing bar
    }

    #[test]
    fn a_long_acronym_at_the_axis_start_widens_the_margin() {
        let mut data = dataset().clone();
        let list = data.associations.to_mut();
        list.iter_mut().for_each(|a| {
            a.founded = Founding::Unknown {
                earliest: 1970,
                latest: 1970,
                sources: vec![].into(),
            }
        });
        let data: &'static Dataset = Box::leak(Box::new(data));
        let o = LayoutOptions::default();
        let layout = layout(data, &o);
        assert!(layout.scale.x0 > o.margin + 10.0 && layout.association_lanes == 22);
        for m in &layout.associations {
            assert!(m.x - m.width / 2.0 >= -EPS, "{m:?}");
        }
    }

    #[test]
    fn year_at_round_trips_and_clamps() {
        let s = layout(dataset(), &LayoutOptions::default()).scale;
        for year in s.start..s.end {
            assert_eq!(s.year_at(s.x(f64::from(year) + 0.5)), year);
        }
        assert_eq!((s.year_at(-1e9), s.year_at(f64::NAN)), (s.start, s.start));
        assert_eq!((s.year_at(1e9), s.year_at(s.x1)), (s.end - 1, s.end - 1));
    }

    #[test]
    fn arrows_visit_every_mark_by_year_and_stop_at_the_ends() {
        let laid = layout(dataset(), &LayoutOptions::for_width(1000.0));
        let order = laid.keyboard_order();
        assert_eq!(
            order.len(),
            laid.associations.len() + laid.milestones.len(),
            "every mark once"
        );
        let x_of = |mark: &MarkId| match mark {
            MarkId::Association(a) => laid
                .associations
                .iter()
                .find(|m| m.acronym == *a)
                .map(|m| m.x),
            MarkId::Milestone(i) => laid.milestones.iter().find(|m| m.index == *i).map(|m| m.x0),
        };
        let xs: Vec<f64> = order.iter().filter_map(x_of).collect();
        assert!(
            xs.windows(2).all(|w| w[0] <= w[1]),
            "marks by year, left to right: {xs:?}"
        );
        let first_association = order.iter().find(|m| matches!(m, MarkId::Association(_)));
        assert_eq!(
            first_association,
            Some(&MarkId::Association("SOM")),
            "Sweden's SOM, 1974"
        );
        let step_mark =
            |from, key| crate::roving::step(&order, from, key, crate::roving::Axis::Horizontal);
        let mut at = step_mark(None, "ArrowRight");
        let mut seen = vec![];
        while let Some(mark) = at {
            if seen.last() == Some(&mark) {
                break;
            }
            seen.push(mark);
            at = step_mark(Some(mark), "ArrowRight");
        }
        assert_eq!(
            seen, order,
            "→ from the first reaches every mark, in order, and stops"
        );
        let last = order.last().copied();
        assert_eq!(step_mark(last, "ArrowRight"), last);
        let first = order.first().copied();
        assert_eq!(step_mark(first, "ArrowLeft"), first);
        assert_eq!(
            step_mark(Some(MarkId::Association("VUT")), "Home"),
            order.first().copied()
        );
        assert_eq!(step_mark(None, "End"), last);
        assert_eq!(step_mark(last, "Enter"), None);
        let vut = order.iter().position(|m| *m == MarkId::Association("VUT"));
        let before = vut
            .and_then(|i| i.checked_sub(1))
            .and_then(|i| order.get(i))
            .copied();
        assert_eq!(
            step_mark(Some(MarkId::Association("VUT")), "ArrowLeft"),
            before
        );
    }
}
