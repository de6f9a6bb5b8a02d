//! The first stage of reading a host message: [`RawInbound`], what came in, read from any
//! JSON-like value that can be looked at one level at a time ([`Peek`]: a JS value in the
//! browser, a `serde_json::Value` in tests) without judging it. Every field is optional and
//! loosely typed ([`Loose`]), and a message that is not an object still reads (to its [`Shape`]),
//! so that [`validate`](super::validate) can say what is wrong with it.
//!
//! Only the schema's own fields are looked at, and only one level deep: arrays and objects keep
//! nothing but their shape. Reading never fails, never recurses, and costs the same for a
//! message nested a million levels deep as for a flat one.

use std::fmt;

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

/// A JSON-like value, looked at one level at a time: what a message is read from.
pub trait Peek: Sized {
    /// The value itself, with arrays and objects reduced to their shape.
    fn loose(&self) -> Loose;
    /// An object's own field `key` (`None` when it is absent, or when this is not an object).
    fn field(&self, key: &str) -> Option<Self>;
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

    /// Reads `message`: the schema's fields of an object, or the shape of anything else.
    pub fn read<V: Peek>(message: &V) -> RawInbound {
        let shape = message.loose().shape();
        if shape != Shape::Object {
            return RawInbound::not_object(shape);
        }
        let field = |key: &str| message.field(key).map(|value| value.loose());
        RawInbound {
            shape,
            version: field(super::VERSION_FIELD),
            message_type: field("type"),
            association: field("association"),
            country: field("country"),
            year: field("year"),
            theme: field("theme"),
            lang: field("lang"),
        }
    }
}
