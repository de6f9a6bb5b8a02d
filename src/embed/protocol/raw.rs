//! The first stage of reading a host message: [`RawInbound`], what came in, decoded from any
//! serde data (a JS value through serde-wasm-bindgen, a `serde_json::Value` in tests) without
//! judging it. Every field is optional and loosely typed ([`Loose`]), unknown fields are skipped,
//! and a message that is not an object still decodes (to its [`Shape`]), so that
//! [`validate`](super::validate) can say what is wrong with it instead of serde.
//!
//! Decoding fails only for values serde-wasm-bindgen cannot read at all (a function, a symbol) or
//! for ignored values nested deeper than [`MAX_DEPTH`]: skipping is recursive, and a limit keeps a
//! hostile message from exhausting the wasm stack.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// How deeply ignored values (unknown fields, arrays, objects) may nest before decoding gives up.
pub const MAX_DEPTH: usize = 16;

/// The kind of a JSON-like value, for messages about values of the wrong kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Shape {
    /// `null` (or `undefined`).
    Null,
    Bool,
    Number,
    Text,
    /// An array (or typed array).
    List,
    #[default]
    Object,
}

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Shape::Null => "null",
            Shape::Bool => "a boolean",
            Shape::Number => "a number",
            Shape::Text => "a string",
            Shape::List => "an array",
            Shape::Object => "an object",
        })
    }
}

/// One field's value as it came in. Arrays and objects keep only their shape: no field of the
/// schema holds one.
#[derive(Clone, Debug, PartialEq)]
pub enum Loose {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    List,
    Object,
}

impl Loose {
    /// The kind of value this is.
    pub fn shape(&self) -> Shape {
        match self {
            Loose::Null => Shape::Null,
            Loose::Bool(_) => Shape::Bool,
            Loose::Number(_) => Shape::Number,
            Loose::Text(_) => Shape::Text,
            Loose::List => Shape::List,
            Loose::Object => Shape::Object,
        }
    }
}

/// A host message as it came in, before validation. `None`: the field was absent.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RawInbound {
    /// What the message as a whole was; only an object has fields.
    pub shape: Shape,
    /// `impala-map`: the schema version.
    pub version: Option<Loose>,
    /// `type`: which command.
    pub message_type: Option<Loose>,
    pub association: Option<Loose>,
    pub country: Option<Loose>,
    pub year: Option<Loose>,
    pub theme: Option<Loose>,
    pub lang: Option<Loose>,
}

impl RawInbound {
    /// A message that is not an object (it has no fields).
    pub fn not_object(shape: Shape) -> RawInbound {
        RawInbound {
            shape,
            ..RawInbound::default()
        }
    }

    /// Where a field of the schema goes; `None` for fields the schema does not have.
    fn slot(&mut self, key: &str) -> Option<&mut Option<Loose>> {
        match key {
            super::VERSION_FIELD => Some(&mut self.version),
            "type" => Some(&mut self.message_type),
            "association" => Some(&mut self.association),
            "country" => Some(&mut self.country),
            "year" => Some(&mut self.year),
            "theme" => Some(&mut self.theme),
            "lang" => Some(&mut self.lang),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for RawInbound {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(MessageVisitor)
    }
}

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        LooseSeed { depth: 0 }.deserialize(deserializer)
    }
}

/// Reads a message: an object's fields, or the shape of anything else.
struct MessageVisitor;

impl<'de> Visitor<'de> for MessageVisitor {
    type Value = RawInbound;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a message object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawInbound, A::Error> {
        let mut raw = RawInbound::default();
        while let Some(key) = map.next_key_seed(LooseSeed { depth: 1 })? {
            let slot = match &key {
                Loose::Text(key) => raw.slot(key),
                _ => None,
            };
            match slot {
                // A repeated key (possible in JSON text, not in a JS object): the last one wins.
                Some(slot) => *slot = Some(map.next_value_seed(LooseSeed { depth: 1 })?),
                None => map.next_value_seed(Skip { depth: 1 })?,
            }
        }
        Ok(raw)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<RawInbound, A::Error> {
        skip_seq(seq, 1).map(|()| RawInbound::not_object(Shape::List))
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<RawInbound, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<RawInbound, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_none<E: de::Error>(self) -> Result<RawInbound, E> {
        Ok(RawInbound::not_object(Shape::Null))
    }

    fn visit_unit<E: de::Error>(self) -> Result<RawInbound, E> {
        Ok(RawInbound::not_object(Shape::Null))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<RawInbound, E> {
        Ok(RawInbound::not_object(Shape::Bool))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<RawInbound, E> {
        Ok(RawInbound::not_object(Shape::Number))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<RawInbound, E> {
        Ok(RawInbound::not_object(Shape::Number))
    }

    fn visit_i128<E: de::Error>(self, _: i128) -> Result<RawInbound, E> {
        Ok(RawInbound::not_object(Shape::Number))
    }

    fn visit_u128<E: de::Error>(self, _: u128) -> Result<RawInbound, E> {
        Ok(RawInbound::not_object(Shape::Number))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<RawInbound, E> {
        Ok(RawInbound::not_object(Shape::Number))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<RawInbound, E> {
        Ok(RawInbound::not_object(Shape::Text))
    }

    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<RawInbound, E> {
        Ok(RawInbound::not_object(Shape::List))
    }
}

/// Reads one value as a [`Loose`], `depth` levels into the message.
#[derive(Clone, Copy)]
struct LooseSeed {
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for LooseSeed {
    type Value = Loose;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Loose, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for LooseSeed {
    type Value = Loose;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON-like value")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Loose, A::Error> {
        skip_map(map, self.depth + 1).map(|()| Loose::Object)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Loose, A::Error> {
        skip_seq(seq, self.depth + 1).map(|()| Loose::List)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Loose, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Loose, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_none<E: de::Error>(self) -> Result<Loose, E> {
        Ok(Loose::Null)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Loose, E> {
        Ok(Loose::Null)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Loose, E> {
        Ok(Loose::Bool(v))
    }

    // Integers beyond 2^53 lose precision as f64; no field of the schema is that large.
    #[allow(clippy::cast_precision_loss)]
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Loose, E> {
        Ok(Loose::Number(v as f64))
    }

    #[allow(clippy::cast_precision_loss)]
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Loose, E> {
        Ok(Loose::Number(v as f64))
    }

    #[allow(clippy::cast_precision_loss)]
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Loose, E> {
        Ok(Loose::Number(v as f64))
    }

    #[allow(clippy::cast_precision_loss)]
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Loose, E> {
        Ok(Loose::Number(v as f64))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Loose, E> {
        Ok(Loose::Number(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Loose, E> {
        Ok(Loose::Text(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Loose, E> {
        Ok(Loose::Text(v))
    }

    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Loose, E> {
        Ok(Loose::List)
    }
}

/// Reads and drops one value, `depth` levels into the message.
#[derive(Clone, Copy)]
struct Skip {
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for Skip {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Skip {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON-like value")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        skip_map(map, self.depth + 1)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        skip_seq(seq, self.depth + 1)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_i128<E: de::Error>(self, _: i128) -> Result<(), E> {
        Ok(())
    }

    fn visit_u128<E: de::Error>(self, _: u128) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<(), E> {
        Ok(())
    }
}

/// Drops every element of an array whose elements sit `depth` levels into the message.
fn skip_seq<'de, A: SeqAccess<'de>>(mut seq: A, depth: usize) -> Result<(), A::Error> {
    if depth > MAX_DEPTH {
        return Err(too_deep());
    }
    while seq.next_element_seed(Skip { depth })?.is_some() {}
    Ok(())
}

/// Drops every entry of an object whose values sit `depth` levels into the message.
fn skip_map<'de, A: MapAccess<'de>>(mut map: A, depth: usize) -> Result<(), A::Error> {
    if depth > MAX_DEPTH {
        return Err(too_deep());
    }
    while map
        .next_entry_seed(Skip { depth }, Skip { depth })?
        .is_some()
    {}
    Ok(())
}

fn too_deep<E: de::Error>() -> E {
    E::custom(format_args!(
        "values nested more than {MAX_DEPTH} levels deep"
    ))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use serde_json::json;

    fn decode(value: serde_json::Value) -> Result<RawInbound, String> {
        serde_json::from_value(value).map_err(|e| e.to_string())
    }

    #[test]
    fn an_object_keeps_the_schema_fields_and_skips_the_rest() {
        let raw = decode(json!({
            "impala-map": 1, "type": "select", "association": "VUT",
            "extra": {"deep": [1, 2, {"x": null}]}, "year": [2003], "theme": null,
        }))
        .expect("decodes");
        assert_eq!(raw.shape, Shape::Object);
        assert_eq!(raw.version, Some(Loose::Number(1.0)));
        assert_eq!(raw.message_type, Some(Loose::Text("select".into())));
        assert_eq!(raw.association, Some(Loose::Text("VUT".into())));
        assert_eq!(raw.year, Some(Loose::List));
        assert_eq!(raw.theme, Some(Loose::Null));
        assert_eq!(raw.country, None);
    }

    #[test]
    fn anything_that_is_not_an_object_decodes_to_its_shape() {
        for (value, shape) in [
            (json!(null), Shape::Null),
            (json!(true), Shape::Bool),
            (json!(3), Shape::Number),
            (json!(-3.5), Shape::Number),
            (json!("{\"impala-map\":1}"), Shape::Text),
            (json!([1, "select", {"a": []}]), Shape::List),
        ] {
            assert_eq!(
                decode(value.clone()),
                Ok(RawInbound::not_object(shape)),
                "{value}"
            );
        }
    }

    #[test]
    fn nesting_is_limited_and_reported_not_overflowed() {
        let mut deep = json!(0);
        for _ in 0..(MAX_DEPTH + 5) {
            deep = json!([deep]);
        }
        let error = decode(json!({ "extra": deep }));
        assert!(error.is_err_and(|e| e.contains("nested")));
        let mut shallow = json!(0);
        for _ in 0..(MAX_DEPTH - 2) {
            shallow = json!({ "a": shallow });
        }
        assert!(decode(json!({ "extra": shallow })).is_ok());
    }

    #[test]
    fn a_json_text_decodes_too_and_a_repeated_key_keeps_the_last() {
        let raw: Result<RawInbound, _> = serde_json::from_str(
            r#"{"impala-map": 1, "type": "play", "type": "pause", "x": [[]]}"#,
        );
        assert_eq!(
            raw.ok().and_then(|raw| raw.message_type),
            Some(Loose::Text("pause".into()))
        );
    }
}
