//! The help overlay's content as data, generated from the key table: the state code pages
//! through it and the drawing code styles it, and neither needs the other.

use super::keymap::{BINDINGS, Context, key_name};
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
        help: &'static str,
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

/// Every binding grouped by context, then the legend of link markers.
pub fn rows() -> Vec<HelpRow> {
    let mut rows = Vec::new();
    for context in Context::ALL {
        rows.push(HelpRow::Heading(context.title()));
        for b in BINDINGS.iter().filter(|b| b.context == context) {
            let keys = b.keys.iter().map(key_name).collect::<Vec<_>>().join(" / ");
            rows.push(HelpRow::Binding { keys, help: b.help });
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

/// The largest useful scroll of the help when `visible` of its rows fit: its last row at
/// the bottom.
pub fn max_scroll(visible: usize) -> usize {
    rows().len().saturating_sub(visible)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_binding_has_a_row() {
        let bindings = rows().iter().filter(|r| matches!(r, HelpRow::Binding { .. })).count();
        assert_eq!(bindings, BINDINGS.len());
        assert_eq!(max_scroll(rows().len()), 0);
        assert_eq!(max_scroll(20), rows().len() - 20);
    }
}
