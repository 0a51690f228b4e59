//! The one key table. [`DEFAULTS`] lists every default binding with its help line; a
//! [`Keymap`] is that table with the configuration merged over it, and dispatch, the help
//! overlay, the status-bar hints, `briefing config default` and the README's key table
//! all read a `Keymap`, so a key cannot do one thing and be documented as another.

mod defaults;
mod merge;

use std::borrow::Cow;

pub use self::defaults::{DEFAULTS, Row};
use super::action::{ACTIONS, Action};
use crate::config::{Key, KeySeq, Vocabulary, Word};
use crate::library::diagnostic::Position;

/// Where a binding applies. Several contexts are active at once, most specific first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Anywhere, unless an input or overlay has the keyboard.
    Global,
    /// In the story or a card.
    Reading,
    /// In the library navigator.
    Navigator,
    /// Typing a find-in-story query.
    Find,
    /// In the search box.
    Search,
    /// With the help overlay open.
    Help,
}

/// Every context by its name in `[keys.NAME]`.
pub const CONTEXTS: [Word<Context>; 6] = [
    Word { name: "story", value: Context::Reading, about: "in the story, a view or a card" },
    Word { name: "library", value: Context::Navigator, about: "in the library navigator" },
    Word { name: "global", value: Context::Global, about: "anywhere, unless an input or the help has the keyboard" },
    Word { name: "search", value: Context::Search, about: "in the search box" },
    Word { name: "find", value: Context::Find, about: "typing a find-in-story query" },
    Word { name: "help", value: Context::Help, about: "with the help open" },
];

impl Context {
    /// Heading of the context in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Anywhere",
            Context::Reading => "Story and card",
            Context::Navigator => "Library",
            Context::Find => "Find in story",
            Context::Search => "Search box",
            Context::Help => "Help",
        }
    }

    /// The context's name in `[keys.NAME]`.
    pub fn name(self) -> &'static str {
        CONTEXTS.iter().find(|w| w.value == self).map_or("global", |w| w.name)
    }

    /// Contexts in the order the help overlay lists them.
    pub const ALL: [Context; 6] =
        [Context::Reading, Context::Navigator, Context::Global, Context::Search, Context::Find, Context::Help];

    /// Whether printable keys type into an input in this context.
    pub fn takes_text(self) -> bool {
        matches!(self, Context::Find | Context::Search)
    }

    /// Whether `action` does anything here. The reading contexts share one handler; the
    /// inputs and the help take only what they can use (and Suspend, which the event loop
    /// handles everywhere).
    pub fn handles(self, action: Action) -> bool {
        use Action::*;
        let input = matches!(
            action,
            Erase | EraseWord | CursorLeft | CursorRight | CursorStart | CursorEnd | Submit | RecallOlder | RecallNewer
        );
        match self {
            Context::Global | Context::Reading | Context::Navigator => !input,
            Context::Find => matches!(action, Erase | Submit | Cancel | RecallOlder | RecallNewer | Quit | Suspend),
            Context::Search => input || matches!(action, Down | Up | PageDown | PageUp | Cancel | Quit | Suspend),
            Context::Help => matches!(
                action,
                ToggleHelp
                    | Cancel
                    | Quit
                    | Suspend
                    | Down
                    | Up
                    | PageDown
                    | PageUp
                    | HalfPageDown
                    | HalfPageUp
                    | Top
                    | Bottom
            ),
        }
    }
}

/// The names of the key table, for the configuration file.
#[derive(Debug)]
pub struct Names;

impl Vocabulary for Names {
    type Context = Context;
    type Action = Action;
    fn contexts() -> &'static [Word<Context>] {
        &CONTEXTS
    }
    fn actions() -> &'static [Word<Action>] {
        ACTIONS
    }
}

/// One binding in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Where it applies.
    pub context: Context,
    /// The keys to press.
    pub keys: KeySeq,
    /// What they do, in order (never empty: unbinding removes the entry).
    pub actions: Vec<Action>,
    /// Where the configuration set it; `None` for a default.
    pub at: Option<Position>,
}

/// The bindings of one context that do the same, as the help lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The keys, the one hints show first.
    pub keys: Vec<KeySeq>,
    /// What they do.
    pub actions: Vec<Action>,
    /// The help line.
    pub help: Cow<'static, str>,
    /// The status bar's word for it, for the few that matter most.
    pub hint: Option<&'static str>,
}

impl Group {
    /// The keys as the help writes them: `j / ↓`.
    pub fn label(&self) -> String {
        self.keys.iter().map(KeySeq::label).collect::<Vec<_>>().join(" / ")
    }
}

/// Every binding in force: the defaults with the configuration merged over them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    entries: Vec<Entry>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::defaults()
    }
}

/// What a key press, after the keys pending before it, comes to in one context.
enum Found<'a> {
    Run(&'a [Action]),
    Prefix,
    Nothing,
}

impl Keymap {
    /// The default key table.
    pub fn defaults() -> Keymap {
        let entries = DEFAULTS
            .iter()
            .flat_map(|row| {
                row.keys.iter().filter_map(|text| KeySeq::parse(text).ok()).map(|keys| Entry {
                    context: row.context,
                    keys,
                    actions: vec![row.action],
                    at: None,
                })
            })
            .collect();
        Keymap { entries }
    }

    /// No bindings at all, for building a key table from a configuration alone.
    pub fn empty() -> Keymap {
        Keymap { entries: Vec::new() }
    }

    /// Every binding, defaults first in table order, then the configuration's in file order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// What `key`, pressed after `pending`, asks for in the active contexts (most specific
    /// first): the bound actions; [`Action::Prefix`] when it starts a longer sequence;
    /// [`Action::Unbound`] when it ends a sequence no binding has; or, in a text input, a
    /// printable key typing itself.
    pub fn dispatch(&self, contexts: &[Context], pending: &[Key], key: Key) -> Option<Vec<Action>> {
        let mut pressed = pending.to_vec();
        pressed.push(key);
        let pressed = KeySeq(pressed);
        for &context in contexts {
            match self.find(context, &pressed) {
                Found::Run(actions) => return Some(actions.to_vec()),
                Found::Prefix => return Some(vec![Action::Prefix(key)]),
                Found::Nothing => {}
            }
        }
        if !pending.is_empty() {
            return self.dispatch(contexts, &[], key).or(Some(vec![Action::Unbound]));
        }
        typed(contexts, key).map(|a| vec![a])
    }

    fn find(&self, context: Context, pressed: &KeySeq) -> Found<'_> {
        let mut found = Found::Nothing;
        for entry in self.entries.iter().filter(|e| e.context == context) {
            if entry.keys == *pressed {
                return Found::Run(&entry.actions);
            }
            if pressed.is_prefix_of(&entry.keys) {
                found = Found::Prefix;
            }
        }
        found
    }

    /// The bindings that complete `pending` in the active contexts: (keys, what they do).
    pub fn continuations(&self, contexts: &[Context], pending: &[Key]) -> Vec<(String, Cow<'static, str>)> {
        let pending = KeySeq(pending.to_vec());
        let context = contexts.iter().find(|&&c| matches!(self.find(c, &pending), Found::Prefix));
        let Some(&context) = context else { return Vec::new() };
        self.groups(context)
            .into_iter()
            .flat_map(|g| {
                let help = g.help.clone();
                g.keys.into_iter().filter(|k| pending.is_prefix_of(k)).map(move |k| (k.label(), help.clone()))
            })
            .collect()
    }

    /// The bindings of `context` grouped by what they do, as the help lists them: the
    /// default table's rows in order (with their help lines), then what the configuration
    /// added; an action left with no key is left out.
    pub fn groups(&self, context: Context) -> Vec<Group> {
        let mut groups: Vec<Group> = DEFAULTS
            .iter()
            .filter(|row| row.context == context)
            .map(|row| Group { keys: Vec::new(), actions: vec![row.action], help: row.help.into(), hint: row.hint })
            .collect();
        for entry in self.entries.iter().filter(|e| e.context == context) {
            match groups.iter_mut().find(|g| g.actions == entry.actions) {
                Some(group) => group.keys.push(entry.keys.clone()),
                None => groups.push(Group {
                    keys: vec![entry.keys.clone()],
                    actions: entry.actions.clone(),
                    help: describe(&entry.actions).into(),
                    hint: None,
                }),
            }
        }
        groups.retain(|g| !g.keys.is_empty());
        groups
    }

    /// The first key that asks for `action` in the active contexts, as help writes it: what
    /// the reader can honestly tell the user to press (`q` to quit while reading, `Ctrl-c`
    /// while typing a query, where `q` types a letter).
    pub fn key_for(&self, contexts: &[Context], action: Action) -> Option<String> {
        self.keys_for(contexts, action).into_iter().next()
    }

    /// Every key that asks for `action` alone in the first active context that has one.
    pub fn keys_for(&self, contexts: &[Context], action: Action) -> Vec<String> {
        contexts
            .iter()
            .map(|&c| {
                self.entries
                    .iter()
                    .filter(|e| e.context == c && e.actions == [action])
                    .map(|e| e.keys.label())
                    .collect()
            })
            .find(|keys: &Vec<String>| !keys.is_empty())
            .unwrap_or_default()
    }

    /// The status-bar hints of the active contexts: (first key, word).
    pub fn hints(&self, contexts: &[Context]) -> Vec<(String, &'static str)> {
        contexts.iter().flat_map(|&c| self.groups(c)).filter_map(|g| Some((g.keys.first()?.label(), g.hint?))).collect()
    }
}

/// "follow the focused link, then back in history": a list of actions in words.
fn describe(actions: &[Action]) -> String {
    actions.iter().map(|a| a.about()).collect::<Vec<_>>().join(", then ")
}

/// A printable key in a text context types itself.
fn typed(contexts: &[Context], key: Key) -> Option<Action> {
    match key.code {
        crate::config::Code::Char(c) if contexts.first().is_some_and(|c| c.takes_text()) && key.is_printable() => {
            Some(Action::Type(c))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests;
