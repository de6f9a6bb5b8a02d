//! Writes data values back out as Rust source, so the build script can embed the checked data
//! file as a `static` that needs no parsing at run time.
//!
//! The output names types without paths (`Association { .. }`, `Cow::Borrowed(..)`): it is
//! `include!`d where `model::*` and `std::borrow::Cow` are in scope. Compiled into `build.rs` by
//! path, so it uses only `std` and its sibling `model.rs` (which defines the `Bake` trait; this
//! file implements it for the model's leaves).

use super::model::{Bake, Category, Founding, Qualifier};
use std::borrow::Cow;
use std::fmt::Write;

/// The Rust source of a value.
pub fn to_source<T: Bake>(value: &T) -> String {
    let mut out = String::new();
    value.bake(&mut out);
    out
}

impl Bake for Cow<'static, str> {
    fn bake(&self, out: &mut String) {
        // `Debug` of a `str` is a valid Rust string literal, escapes included.
        let _ = write!(out, "Cow::Borrowed({:?})", self.as_ref());
    }
}

impl<T: Bake + Clone> Bake for Cow<'static, [T]> {
    fn bake(&self, out: &mut String) {
        out.push_str("Cow::Borrowed(&[");
        for item in self.iter() {
            item.bake(out);
            out.push_str(", ");
        }
        out.push_str("])");
    }
}

impl<T: Bake> Bake for Option<T> {
    fn bake(&self, out: &mut String) {
        match self {
            Some(value) => {
                out.push_str("Some(");
                value.bake(out);
                out.push(')');
            }
            None => out.push_str("None"),
        }
    }
}

macro_rules! bake_by_debug {
    ($($ty:ty),*) => {$(
        impl Bake for $ty {
            fn bake(&self, out: &mut String) {
                let _ = write!(out, "{:?}", self);
            }
        }
    )*};
}

// Plain numbers and field-less enums print as valid Rust through `Debug`.
bake_by_debug!(u8, u16, u32, bool);

impl Bake for Qualifier {
    fn bake(&self, out: &mut String) {
        let _ = write!(out, "Qualifier::{self:?}");
    }
}

impl Bake for Category {
    fn bake(&self, out: &mut String) {
        let _ = write!(out, "Category::{self:?}");
    }
}

/// Writes `Founding::Variant { field: value, .. }`.
fn bake_variant(out: &mut String, variant: &str, fields: &[(&str, &dyn Bake)]) {
    let _ = write!(out, "Founding::{variant} {{");
    for (name, value) in fields {
        let _ = write!(out, "{name}: ");
        value.bake(out);
        out.push_str(", ");
    }
    out.push('}');
}

impl Bake for Founding {
    fn bake(&self, out: &mut String) {
        match self {
            Founding::Exact { year, sources } => {
                bake_variant(out, "Exact", &[("year", year), ("sources", sources)])
            }
            Founding::Disputed {
                year,
                sources,
                other,
            } => bake_variant(
                out,
                "Disputed",
                &[("year", year), ("sources", sources), ("other", other)],
            ),
            Founding::Unknown {
                earliest,
                latest,
                sources,
            } => bake_variant(
                out,
                "Unknown",
                &[
                    ("earliest", earliest),
                    ("latest", latest),
                    ("sources", sources),
                ],
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_written_as_an_escaped_borrowed_literal() {
        let text: Cow<'static, str> = Cow::Owned("Say \"hé\"\n".to_string());
        assert_eq!(to_source(&text), r#"Cow::Borrowed("Say \"hé\"\n")"#);
    }

    #[test]
    fn lists_and_options_nest() {
        let list: Cow<'static, [Option<u16>]> = Cow::Owned(vec![Some(1974), None]);
        assert_eq!(to_source(&list), "Cow::Borrowed(&[Some(1974), None, ])");
    }

    #[test]
    fn a_founding_names_its_variant_and_fields() {
        let founding = Founding::Unknown {
            earliest: 2011,
            latest: 2019,
            sources: Cow::Owned(vec![]),
        };
        assert_eq!(
            to_source(&founding),
            "Founding::Unknown {earliest: 2011, latest: 2019, sources: Cow::Borrowed(&[]), }"
        );
    }
}
