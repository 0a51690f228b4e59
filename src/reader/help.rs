//! The help overlay's content as data, generated from the key table in force: the state
//! code pages through it and the drawing code styles it, and neither needs the other. The
//! README's key table is generated from the same rows ([`markdown`]).

use std::borrow::Cow;

use super::keymap::{Context, Keymap};
use crate::library::Kind;
use crate::search::query::SYNTAX;

/// One line of the help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpRow {
    /// A context's heading ("Story and card").
    Heading(&'static str),
    /// A binding: its keys as people read them, and what it does.
    Binding {
        /// "j / ↓".
        keys: String,
        /// "scroll down a line".
        help: Cow<'static, str>,
    },
    /// A line of the search syntax: an example query and what it does.
    Syntax {
        /// "^nv".
        example: &'static str,
        /// "a field starts with it".
        help: &'static str,
    },
    /// The legend's line for a kind of link.
    Kind(Kind),
    /// A gap between groups.
    Blank,
}

/// Every binding of `keys` grouped by context, then the legend of link markers.
pub fn rows(keys: &Keymap) -> Vec<HelpRow> {
    let mut rows = Vec::new();
    for context in Context::ALL {
        rows.push(HelpRow::Heading(context.title()));
        for group in keys.groups(context) {
            rows.push(HelpRow::Binding { keys: group.label(), help: group.help });
        }
        if context == Context::Search {
            rows.push(HelpRow::Blank);
            rows.push(HelpRow::Heading("Search syntax"));
            rows.extend(SYNTAX.iter().map(|&(example, help)| HelpRow::Syntax { example, help }));
        }
        rows.push(HelpRow::Blank);
    }
    rows.push(HelpRow::Heading("Links are marked by kind"));
    rows.extend(Kind::ALL.into_iter().map(HelpRow::Kind));
    rows
}

/// The key table as Markdown, one table per context, for the README.
pub fn markdown(keys: &Keymap) -> String {
    let mut out = String::new();
    for context in Context::ALL {
        out += &format!("**{}** (`[keys.{}]`)\n\n| key | does |\n|---|---|\n", context.title(), context.name());
        for group in keys.groups(context) {
            let labels: Vec<String> =
                group.keys.iter().map(|k| format!("`{}`", k.label().replace('|', "\\|"))).collect();
            out += &format!("| {} | {} |\n", labels.join(" "), group.help);
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::keymap::DEFAULTS;

    #[test]
    fn every_default_row_has_a_help_line() {
        let bindings = rows(&Keymap::defaults()).iter().filter(|r| matches!(r, HelpRow::Binding { .. })).count();
        assert_eq!(bindings, DEFAULTS.len());
    }

    #[test]
    fn the_markdown_names_every_context_and_key() {
        let text = markdown(&Keymap::defaults());
        for context in Context::ALL {
            assert!(text.contains(&format!("**{}**", context.title())), "{text}");
        }
        assert!(text.contains("| `Backspace` `Alt-←` `H` | back in history |"), "{text}");
        assert!(text.contains("| `g g` `Home` | go to the top |"), "{text}");
    }
}
