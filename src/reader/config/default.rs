//! `briefing config default`: the complete default configuration as a file, every colour
//! role and every binding with a comment saying what it does. Read back, it is exactly the
//! defaults (a test holds it to that), so any part of it can be copied and changed.

use crate::config::colour::Colour;
use crate::config::theme::{Palette, Preset, Role};
use crate::reader::keymap::{CONTEXTS, Keymap};

/// The complete default configuration, as TOML.
pub fn default_text() -> String {
    let mut out = String::from(HEADER);
    out += &theme(&Palette::default());
    out += &keys(&Keymap::defaults());
    out
}

const HEADER: &str = "\
# The complete default configuration of briefing. Put what you change in
# $XDG_CONFIG_HOME/briefing/config.toml (~/.config/briefing/config.toml): each entry
# merges over these defaults on its own, so a file needs only the keys and colours it
# changes. `briefing config check` checks a file; docs/config.md explains the format.

";

fn theme(palette: &Palette) -> String {
    let mut out =
        String::from("[theme]\n# dark: the terminal's own colours; light: dark shades for light backgrounds;\n");
    out += "# mono: no colour (as with NO_COLOR, which always wins)\n";
    out += &format!("preset = \"{}\"\n", Preset::default().name());
    out += "# A role takes a colour (its text colour) or { fg = …, bg = … }. Colours: default,\n";
    out += "# black, red, green, yellow, blue, magenta, cyan, gray, dark-gray, bright-red …\n";
    out += "# white, a 256-colour index (0 to 255) or \"#rrggbb\".\n";
    for role in Role::ALL {
        let paint = palette.paint(role);
        let value = match paint.bg {
            Colour::Default => paint.fg.to_string(),
            bg => format!("{{ fg = {}, bg = {bg} }}", paint.fg),
        };
        out += &format!("{} = {value}  # {}\n", role.name(), role.about());
    }
    out
}

fn keys(map: &Keymap) -> String {
    let mut out = String::new();
    for context in CONTEXTS {
        out += &format!("\n[keys.{}]\n# {}\n", context.name, context.about);
        for group in map.groups(context.value) {
            out += &format!("# {}\n", group.help);
            let actions: Vec<String> =
                group.actions.iter().filter_map(|a| a.name()).map(|n| format!("\"{n}\"")).collect();
            let value = match actions.as_slice() {
                [one] => one.clone(),
                many => format!("[{}]", many.join(", ")),
            };
            for keys in &group.keys {
                out += &format!("{} = {value}\n", quoted(&keys.to_string()));
            }
        }
    }
    out
}

/// `text` as a TOML basic string.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::config::parse::parse;
    use crate::reader::keymap::Names;

    #[test]
    fn the_default_configuration_reads_back_as_exactly_the_defaults() {
        let text = default_text();
        let (settings, problems) = parse::<Names>(Path::new("default.toml"), &text);
        assert!(problems.is_empty(), "{problems:?}");
        let (keys, problems) = Keymap::empty().merged(&settings.bindings, Path::new("default.toml"));
        assert!(problems.is_empty(), "{problems:?}");
        let without_positions = |map: &Keymap| {
            map.entries().iter().map(|e| (e.context, e.keys.clone(), e.actions.clone())).collect::<Vec<_>>()
        };
        assert_eq!(without_positions(&keys), without_positions(&Keymap::defaults()));
        assert_eq!(settings.palette(), Palette::default());
    }

    #[test]
    fn every_binding_has_a_comment_saying_what_it_does() {
        let text = default_text();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate().filter(|(_, l)| l.starts_with('"')) {
            let comment = lines[..i].iter().rev().find(|l| !l.starts_with('"'));
            assert!(comment.is_some_and(|c| c.starts_with("# ")), "{line} has no comment above it");
        }
        assert!(
            text.contains("# scroll down half a page\n\"Ctrl-d\" = \"half_page_down\"\n\"d\" = \"half_page_down\"\n")
        );
        assert!(text.contains("\"g g\" = \"top\""));
    }

    #[test]
    fn keys_are_quoted_as_toml_strings() {
        assert_eq!(quoted("\\"), "\"\\\\\"");
        assert_eq!(quoted("\""), "\"\\\"\"");
    }
}
