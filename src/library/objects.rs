//! Objects must be written as objects. serde's derived structs also accept a JSON array of
//! their fields in order (`"stated_in": [0, 0]`, `"source": ["…", "…", "…"]`), which the
//! published schema rejects and which no author means; a field read through [`object`] or
//! [`objects`] accepts only `{ … }`, so `check` and the schema agree.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{DeserializeSeed, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, forward_to_deserialize_any};

/// Reads a struct from a JSON object only.
pub(crate) fn object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<T, D::Error> {
    T::deserialize(MapOnly(deserializer))
}

/// Reads an array of structs, each from a JSON object only.
pub(crate) fn objects<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
    deserializer.deserialize_seq(Elements(PhantomData))
}

/// Reads an optional struct from a JSON object only (or `null`, or nothing when the field
/// is `#[serde(default)]`).
pub(crate) fn optional_object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    deserializer.deserialize_option(Optional(PhantomData))
}

/// Reads `null` as `None` and anything else through [`object`].
struct Optional<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for Optional<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object or null")
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        object(deserializer).map(Some)
    }
}

/// A deserializer that reads a struct as a map, never as a sequence, and leaves everything
/// else to the deserializer it wraps. Only the struct itself is read through it: its fields
/// are read by the wrapped deserializer directly.
struct MapOnly<D>(D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for MapOnly<D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.0.deserialize_any(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_map(visitor)
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

/// Reads the elements of an array through [`MapOnly`].
struct Elements<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for Elements<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of objects")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element_seed(Element(PhantomData))? {
            out.push(item);
        }
        Ok(out)
    }
}

/// One element of an array, read as an object only.
struct Element<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for Element<T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        object(deserializer)
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Place {
        section: usize,
        paragraph: usize,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Holder {
        #[serde(deserialize_with = "super::object")]
        one: Place,
        #[serde(default, deserialize_with = "super::objects")]
        many: Vec<Place>,
        #[serde(default, deserialize_with = "super::optional_object")]
        maybe: Option<Place>,
    }

    #[test]
    fn objects_are_read_and_arrays_refused() {
        let ok: Holder = serde_json::from_str(
            r#"{"one": {"section": 1, "paragraph": 2}, "many": [{"section": 0, "paragraph": 0}]}"#,
        )
        .unwrap();
        assert_eq!(ok.one, Place { section: 1, paragraph: 2 });
        assert_eq!(ok.many.len(), 1);
        let one = serde_json::from_str::<Holder>(r#"{"one": [1, 2]}"#).unwrap_err().to_string();
        assert!(one.starts_with("invalid type: sequence, expected struct Place"), "{one}");
        let maybe: Holder = serde_json::from_str(r#"{"one": {"section": 1, "paragraph": 2}, "maybe": null}"#).unwrap();
        assert_eq!(maybe.maybe, None);
        let maybe = serde_json::from_str::<Holder>(r#"{"one": {"section": 1, "paragraph": 2}, "maybe": [0, 0]}"#);
        assert!(maybe.unwrap_err().to_string().starts_with("invalid type: sequence, expected struct Place"));
        let many = serde_json::from_str::<Holder>(r#"{"one": {"section": 1, "paragraph": 2}, "many": [[0, 0]]}"#);
        assert!(many.unwrap_err().to_string().starts_with("invalid type: sequence, expected struct Place"));
    }
}
