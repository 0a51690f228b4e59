//! The configuration's JSON Schema (`docs/config.schema.json`), generated from the key
//! table's contexts and actions and from the colour roles, so editors complete and check
//! exactly the names `briefing config check` accepts.

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Map, Value};

use crate::config::schema::ThemeSchema;
use crate::reader::action::ACTIONS;
use crate::reader::keymap::CONTEXTS;

/// The whole file.
struct ConfigSchema;

impl JsonSchema for ConfigSchema {
    fn schema_name() -> Cow<'static, str> {
        "Config".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let keys = generator.subschema_for::<KeysSchema>();
        let theme = generator.subschema_for::<ThemeSchema>();
        json_schema!({
            "title": "briefing configuration",
            "description": "config.toml: keys and colours, each entry merged over the defaults (see docs/config.md).",
            "type": "object",
            "properties": { "keys": keys, "theme": theme },
            "additionalProperties": false
        })
    }
}

/// `[keys]`: one table per context.
struct KeysSchema;

impl JsonSchema for KeysSchema {
    fn schema_name() -> Cow<'static, str> {
        "Keys".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let binding = generator.subschema_for::<BindingSchema>();
        let mut properties = Map::new();
        for context in CONTEXTS {
            let table = serde_json::json!({
                "description": format!("Keys {}.", context.about),
                "type": "object",
                "propertyNames": {
                    "description": "A key (`j`, `Ctrl-d`, `Shift-Tab`, `PgDn`, `F5`) or keys pressed one after another, separated by spaces (`g g`)."
                },
                "additionalProperties": binding.clone()
            });
            properties.insert(context.name.into(), table);
        }
        json_schema!({
            "description": "Key bindings by context; the most specific context wins (story or library over global).",
            "type": "object",
            "properties": properties,
            "additionalProperties": false
        })
    }
}

/// What a key is bound to.
struct BindingSchema;

impl JsonSchema for BindingSchema {
    fn schema_name() -> Cow<'static, str> {
        "Binding".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let action = generator.subschema_for::<ActionSchema>();
        json_schema!({
            "description": "An action, a list of actions run in order, or [] to unbind the key.",
            "anyOf": [action, { "type": "array", "items": action }]
        })
    }
}

/// An action name.
struct ActionSchema;

impl JsonSchema for ActionSchema {
    fn schema_name() -> Cow<'static, str> {
        "Action".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let actions: Vec<Value> =
            ACTIONS.iter().map(|a| serde_json::json!({ "const": a.name, "description": a.about })).collect();
        json_schema!({ "oneOf": actions })
    }
}

/// The JSON Schema of `config.toml`.
pub fn json_schema() -> String {
    let schema = SchemaSettings::draft2020_12().into_generator().into_root_schema_for::<ConfigSchema>();
    // Serialising a schema built of maps, strings and numbers with string keys cannot fail.
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_names_every_context_action_and_role() {
        let schema: Value = serde_json::from_str(&json_schema()).unwrap();
        let keys = &schema["$defs"]["Keys"]["properties"];
        assert!(CONTEXTS.iter().all(|c| keys.get(c.name).is_some()), "{keys}");
        let actions = schema["$defs"]["Action"]["oneOf"].as_array().map_or(0, Vec::len);
        assert_eq!(actions, ACTIONS.len());
        let theme = &schema["$defs"]["Theme"]["properties"];
        assert!(crate::config::theme::Role::ALL.iter().all(|r| theme.get(r.name()).is_some()), "{theme}");
        assert_eq!(schema["properties"]["keys"]["$ref"], "#/$defs/Keys");
    }
}
