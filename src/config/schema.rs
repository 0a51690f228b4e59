//! JSON Schema pieces for the configuration's `[theme]` table, generated from the roles,
//! presets and colour names the reader uses, so that an editor completes and checks what
//! `briefing config check` accepts. The reader adds `[keys]`, whose names are its own.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Map, Value};

use super::colour::NAMES;
use super::theme::{Preset, Role};

/// A colour: a palette name, `default`, `#rrggbb` or a 256-colour index.
pub struct ColourSchema;

impl JsonSchema for ColourSchema {
    fn schema_name() -> Cow<'static, str> {
        "Colour".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let mut names: Vec<String> = std::iter::once("default").chain(NAMES).map(String::from).collect();
        let other_spellings: Vec<String> = names
            .iter()
            .filter(|n| n.contains("gray") || n.contains("bright"))
            .map(|n| n.replace("gray", "grey").replace("bright-", "light-"))
            .collect();
        names.extend(other_spellings);
        names.push("bright-black".into());
        names.dedup();
        json_schema!({
            "description": "A colour: a name from the terminal's palette, `default` (the terminal's own), \"#rrggbb\", or a 256-colour index.",
            "anyOf": [
                { "type": "string", "enum": names },
                { "type": "string", "pattern": "^#[0-9a-fA-F]{6}$" },
                { "type": "integer", "minimum": 0, "maximum": 255 }
            ]
        })
    }
}

/// A role's paint: a colour (its text colour) or `{ fg, bg }`.
pub struct PaintSchema;

impl JsonSchema for PaintSchema {
    fn schema_name() -> Cow<'static, str> {
        "Paint".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let colour = generator.subschema_for::<ColourSchema>();
        json_schema!({
            "description": "A colour sets the text colour (a reversed role stays reversed); a table sets either or both, and a background ends the reverse.",
            "anyOf": [
                colour,
                {
                    "type": "object",
                    "properties": { "fg": colour, "bg": colour },
                    "additionalProperties": false
                }
            ]
        })
    }
}

/// The `[theme]` table: a preset, then a paint per role.
pub struct ThemeSchema;

impl JsonSchema for ThemeSchema {
    fn schema_name() -> Cow<'static, str> {
        "Theme".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let paint = generator.subschema_for::<PaintSchema>();
        let mut properties = Map::new();
        let presets: Vec<&str> = Preset::NAMED.iter().map(|(n, _)| *n).collect();
        properties.insert(
            "preset".into(),
            serde_json::json!({
                "description": "The colours to start from: dark (the terminal's own, the default), light (for light backgrounds) or mono (none).",
                "enum": presets
            }),
        );
        for role in Role::ALL {
            let mut schema = paint.clone();
            schema.insert("description".into(), Value::from(role.about()));
            properties.insert(role.name().into(), schema.to_value());
        }
        json_schema!({
            "description": "Colours by role. NO_COLOR, when set, wins over all of them.",
            "type": "object",
            "properties": properties,
            "additionalProperties": false
        })
    }
}
