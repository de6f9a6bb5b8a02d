//! The prepared map of Europe, embedded: view size, the fitted projection and one SVG path per
//! country. Made ahead of time by `scripts/prepare-map` into `assets/map/europe.json`, checked
//! and embedded by `build.rs`.
//!
//! The paths travel once: natively (the build's first view, the tests) they are embedded; the
//! wasm has none of its own and reads them from the first view it adopts, where the build drew
//! every shape, the first time a shape's path is asked for ([`read_paths_with`], given its reader
//! by `crate::hooks::adopt_map_paths` before the app starts). The adopted map itself never asks:
//! its nodes keep the paths the build wrote (`crate::components::map_layers::MapShapes`), so
//! a start copies none of them into the wasm and writes none back.
//!
//! Coordinates are view units: x to the right, y down, origin at the top left, the view being
//! `width` by `height`. Paths are SVG path data in the same units.

use super::projection::{LambertAzimuthalEqualArea, Projection, Transform};

/// One country's shape.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CountryShape {
    /// ISO 3166-1 alpha-2 code (Kosovo: `XK`); `None` for areas without one.
    pub id: Option<&'static str>,
    /// English name, from Natural Earth.
    pub name: &'static str,
    /// Its place in [`EuropeMap::countries`].
    pub index: usize,
    /// SVG path data, clipped to the view; empty in the wasm, which reads it with [`Self::d`].
    pub d: &'static str,
    /// A point well inside the largest part of the shape, for labels and markers.
    pub label: [f32; 2],
    /// Bounding box: `[x0, y0, x1, y1]`.
    pub bbox: [f32; 4],
}

/// The whole prepared map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EuropeMap {
    pub width: f64,
    pub height: f64,
    /// Longitude/latitude in degrees to view units.
    pub projection: Projection,
    pub countries: &'static [CountryShape],
    /// The pairs of countries (by id; shapes without an id are left out) that share a border,
    /// each pair once as `(smaller id, larger id)`, sorted. Worked out by `build.rs` with
    /// [`super::adjacency::neighbours`].
    pub neighbours: &'static [(&'static str, &'static str)],
}

include!(concat!(env!("OUT_DIR"), "/europe_map.rs"));

/// Reads the first view's paths, by [`CountryShape::index`] (empty when they cannot be read).
type PathReader = Box<dyn FnOnce() -> Vec<String>>;

thread_local! {
    /// The paths read from the first view, by [`CountryShape::index`]: read once, when first
    /// asked for.
    static ADOPTED: std::cell::OnceCell<Vec<&'static str>> = const { std::cell::OnceCell::new() };
    /// How to read them, until they are read.
    static READER: std::cell::RefCell<Option<PathReader>> = const { std::cell::RefCell::new(None) };
}

impl CountryShape {
    /// The shape's SVG path data: embedded, or read from the first view ([`read_paths_with`]);
    /// empty when neither has it.
    pub fn d(&self) -> &'static str {
        if !self.d.is_empty() {
            return self.d;
        }
        ADOPTED.with(|paths| {
            paths
                .get_or_init(|| {
                    let read = READER.with(|reader| reader.borrow_mut().take());
                    read.map(|read| read())
                        .unwrap_or_default()
                        .into_iter()
                        .map(|d| &*Box::leak(d.into_boxed_str()))
                        .collect()
                })
                .get(self.index)
                .copied()
                .unwrap_or_default()
        })
    }
}

/// Gives the shapes the reader of the first view's paths (which returns them as
/// [`paths_from_first_view`] does, or nothing): it runs once, the first time a path is asked
/// for, if ever. Once: a second reader changes nothing and says so.
pub fn read_paths_with(read: impl FnOnce() -> Vec<String> + 'static) -> Result<(), String> {
    READER.with(|reader| {
        let mut reader = reader.borrow_mut();
        let read_already = ADOPTED.with(|paths| paths.get().is_some());
        if reader.is_some() || read_already {
            return Err("the map's paths have a reader already".to_string());
        }
        *reader = Some(Box::new(read));
        Ok(())
    })
}

/// The map's paths as the first view drew them: `members`, each member country's code and path
/// (`path[data-country]` in `g.members`), and `others`, the other shapes' paths in the map's
/// order (`g.context`). Returns them by [`CountryShape::index`], or what does not fit.
pub fn paths_from_first_view(
    map: &EuropeMap,
    members: &[(String, String)],
    others: &[String],
) -> Result<Vec<String>, String> {
    let is_member = |shape: &CountryShape| {
        shape
            .id
            .is_some_and(|id| members.iter().any(|(code, _)| code == id))
    };
    let expected_others = map.countries.iter().filter(|s| !is_member(s)).count();
    if others.len() != expected_others || members.len() + others.len() != map.countries.len() {
        return Err(format!(
            "the first view draws {} member and {} other shapes; the map has {} shapes",
            members.len(),
            others.len(),
            map.countries.len()
        ));
    }
    let mut others = others.iter();
    let mut paths = Vec::with_capacity(map.countries.len());
    for shape in map.countries {
        let d = match shape.id.filter(|_| is_member(shape)) {
            Some(id) => members.iter().find(|(code, _)| code == id).map(|(_, d)| d),
            None => others.next(),
        };
        match d {
            Some(d) if d.starts_with(['M', 'm']) => paths.push(d.clone()),
            _ => return Err(format!("the first view has no path for {}", shape.name)),
        }
    }
    Ok(paths)
}

impl EuropeMap {
    /// The shape of the country with this ISO code.
    pub fn shape(&self, code: &str) -> Option<&'static CountryShape> {
        self.countries.iter().find(|s| s.id == Some(code))
    }

    /// Whether the countries with these ISO codes share a border on the map (either order).
    pub fn are_neighbours(&self, a: &str, b: &str) -> bool {
        super::adjacency::contains_pair(self.neighbours, a, b)
    }

    /// The ISO codes of the countries that share a border with this one, sorted.
    pub fn neighbours_of<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'static str> + 'a {
        self.neighbours.iter().filter_map(move |&(a, b)| {
            if a == code {
                Some(b)
            } else if b == code {
                Some(a)
            } else {
                None
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_views_paths_come_back_to_their_shapes() {
        // As the first view draws them: members by code, in any order; the others in order.
        let members: Vec<(String, String)> = ["SE", "DE", "FR"]
            .iter()
            .filter_map(|code| EUROPE.shape(code))
            .map(|s| (s.id.unwrap_or_default().to_string(), s.d.to_string()))
            .collect();
        let codes = ["SE", "DE", "FR"];
        let others: Vec<String> = EUROPE
            .countries
            .iter()
            .filter(|s| !s.id.is_some_and(|id| codes.contains(&id)))
            .map(|s| s.d.to_string())
            .collect();
        let paths =
            paths_from_first_view(&EUROPE, &members, &others).unwrap_or_else(|e| panic!("{e}"));
        for shape in EUROPE.countries {
            assert_eq!(paths[shape.index], shape.d, "{}", shape.name);
        }
        // One shape short, or a path that is none, is refused.
        assert!(paths_from_first_view(&EUROPE, &members, &others[1..]).is_err());
        let mut broken = others.clone();
        broken[0] = "<script>".into();
        assert!(paths_from_first_view(&EUROPE, &members, &broken).is_err());
    }

    #[test]
    fn a_shape_without_its_own_path_reads_the_first_views_once_when_first_asked() {
        use std::cell::Cell;
        use std::rc::Rc;
        // As in the wasm: a shape whose path is not embedded.
        let bare = |index: usize| CountryShape {
            d: "",
            index,
            ..EUROPE.countries[index]
        };
        let reads = Rc::new(Cell::new(0));
        let counted = reads.clone();
        read_paths_with(move || {
            counted.set(counted.get() + 1);
            EUROPE.countries.iter().map(|s| s.d.to_string()).collect()
        })
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(reads.get(), 0, "nothing is read before a path is asked for");
        assert!(
            read_paths_with(Vec::new).is_err(),
            "a second reader is refused"
        );
        for index in [3, 0, 3] {
            assert_eq!(bare(index).d(), EUROPE.countries[index].d);
        }
        assert_eq!(reads.get(), 1, "read once");
        assert!(read_paths_with(Vec::new).is_err(), "and for good");
        let beyond = CountryShape {
            index: EUROPE.countries.len(),
            ..bare(0)
        };
        assert_eq!(
            beyond.d(),
            "",
            "no path for a shape the first view did not draw"
        );
    }

    #[test]
    fn shapes_know_their_place_and_their_path() {
        for (index, shape) in EUROPE.countries.iter().enumerate() {
            assert_eq!(shape.index, index);
            assert_eq!(shape.d(), shape.d);
        }
    }
}
