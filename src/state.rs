//! The app's state and the one reducer that changes it: what is selected, hovered, how the map is
//! coloured and zoomed, which view is shown. Pure: no `yew`, no `web_sys`.

/// What the user has picked: one association, or one country (when a country has several
/// associations, like France and Italy, the country is selected and the details offer each).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Selection {
    /// An association, by acronym (as in the data, e.g. `"VTMÖ"`).
    Association(&'static str),
    /// A country, by ISO 3166-1 alpha-2 code (Kosovo: `"XK"`).
    Country(&'static str),
}
