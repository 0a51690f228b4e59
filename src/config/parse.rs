//! Reading `config.toml` entry by entry: every problem is reported with its position and,
//! where a name is misspelt, the nearest right one; an entry with a problem is left out
//! (so the default stays) and every other entry still applies, even after a syntax error,
//! since the TOML parser recovers and goes on.

use std::path::Path;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::colour::{self, Colour};
use super::key::{self, KeyError, KeySeq};
use super::theme::{PaintChange, Preset, Role};
use super::{Binding, Settings, Vocabulary, Word};
use crate::library::diagnostic::{Diagnostic, Position};
use crate::library::suggest::closest;

/// The tables a configuration has.
const TABLES: [&str; 2] = ["keys", "theme"];

/// Reads the configuration in `text` (from `file`, for the messages): the settings that
/// are right, and a diagnostic for each problem.
pub fn parse<V: Vocabulary>(file: &Path, text: &str) -> (Settings<V>, Vec<Diagnostic>) {
    let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
    let mut reader = Reader { file, text, line_starts, problems: Vec::new(), broken: Vec::new() };
    let (document, errors) = DeTable::parse_recoverable(text);
    for error in errors {
        let span = error.span().unwrap_or(0..0);
        reader.syntax(span, error.message());
    }
    let mut settings = Settings::default();
    for (name, value) in document.get_ref() {
        if reader.is_broken(name, value) {
            continue;
        }
        match name.get_ref().as_ref() {
            "keys" => reader.keys(value, &mut settings.bindings),
            "theme" => reader.theme(value, &mut settings),
            other if !value.get_ref().is_table() => {
                let message = match Role::named(other).is_some() || other == "preset" {
                    true => format!("`{other}` belongs in the [theme] table"),
                    false => format!("`{other}` is outside any table; entries go in [keys.CONTEXT] or [theme]"),
                };
                reader.problem(name.span().start, message);
            }
            other => {
                let hint = hint(other, TABLES, "the tables are keys and theme");
                reader.problem(name.span().start, format!("unknown table `{other}`{hint}"));
            }
        }
    }
    (settings, reader.problems)
}

type Value<'i> = Spanned<DeValue<'i>>;

/// The file being read and what is wrong with it so far.
struct Reader<'a> {
    file: &'a Path,
    text: &'a str,
    /// Where each line starts, so that placing an entry costs a search, not a scan.
    line_starts: Vec<usize>,
    problems: Vec<Diagnostic>,
    /// Lines with a syntax error: entries on them are left out (their defaults stay), and
    /// not reported again for what the parser made of them.
    broken: Vec<usize>,
}

impl Reader<'_> {
    /// A syntax error from the TOML parser, with the duplicate key named.
    fn syntax(&mut self, span: std::ops::Range<usize>, message: &str) {
        let mut message = message.replace('\n', "; ");
        // The parser keeps the first of two equal keys and merges a table written twice:
        // what it read is right, so those lines are not broken.
        if message != "duplicate key" {
            let (first, last) = (self.position(span.start).line, self.position(span.end).line);
            self.broken.extend(first..=last);
        }
        if message == "duplicate key" {
            let line_start = self.text.get(..span.start).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1);
            let line = self.text.get(line_start..).and_then(|t| t.lines().next()).unwrap_or_default().trim();
            let key = self.text.get(span.clone()).unwrap_or_default();
            message = match line.starts_with('[') {
                true => format!("the table {line} appears twice; put all its entries under one"),
                false => format!("duplicate key {key}: a table holds each key once"),
            };
        }
        self.problem(span.start, message);
    }

    /// Whether the entry from `key` to the end of `value` is on a line with a syntax error.
    fn is_broken<K>(&self, key: &Spanned<K>, value: &Value<'_>) -> bool {
        let (key, value) = (key.span(), value.span());
        let first = self.position(key.start.min(value.start)).line;
        let last = self.position(key.end.max(value.end)).line;
        self.broken.iter().any(|line| (first..=last).contains(line))
    }

    /// Line and column (in characters) of a byte offset.
    fn position(&self, offset: usize) -> Position {
        let line = self.line_starts.partition_point(|&start| start <= offset).max(1);
        let start = self.line_starts[line - 1];
        let before = self.text.get(start..offset.min(self.text.len())).unwrap_or_default();
        Position { line, column: before.chars().count() + 1 }
    }

    /// Records a problem, once: a parser recovering from deep nesting reports the same
    /// error at the same place once per level.
    fn problem(&mut self, offset: usize, message: impl Into<String>) {
        let problem = Diagnostic::error(self.file, Some(self.position(offset)), message);
        if self.problems.last() != Some(&problem) {
            self.problems.push(problem);
        }
    }

    /// The table in `value`, or a problem saying what `what` should have been.
    fn table<'v, 'i>(&mut self, value: &'v Value<'i>, what: &str) -> Option<&'v DeTable<'i>> {
        let table = value.get_ref().as_table();
        if table.is_none() {
            self.problem(value.span().start, format!("{what} must be a table, not {}", kind_of(value.get_ref())));
        }
        table
    }

    /// `[keys]`: one table per context.
    fn keys<V: Vocabulary>(&mut self, value: &Value<'_>, bindings: &mut Vec<Binding<V>>) {
        let Some(contexts) = self.table(value, "[keys]") else { return };
        for (name, table) in contexts {
            let name_text = name.get_ref().as_ref();
            if self.is_broken(name, table) {
                continue;
            }
            let Some(context) = V::contexts().iter().find(|w| w.name == name_text) else {
                let names: Vec<&str> = V::contexts().iter().map(|w| w.name).collect();
                let hint = hint(name_text, names.iter().copied(), &format!("the contexts are {}", names.join(", ")));
                self.problem(name.span().start, format!("unknown context `{name_text}`{hint}"));
                continue;
            };
            let Some(entries) = self.table(table, &format!("[keys.{name_text}]")) else { continue };
            for (keys, actions) in entries {
                if self.is_broken(keys, actions) {
                    continue;
                }
                if let Some(binding) = self.binding::<V>(context, keys, actions) {
                    if !self.duplicate(&binding, bindings, name_text) {
                        bindings.push(binding);
                    }
                }
            }
        }
    }

    /// One `"keys" = actions` entry.
    fn binding<V: Vocabulary>(
        &mut self,
        context: &Word<V::Context>,
        keys: &Spanned<std::borrow::Cow<'_, str>>,
        actions: &Value<'_>,
    ) -> Option<Binding<V>> {
        let seq = match KeySeq::parse(keys.get_ref()) {
            Ok(seq) => Some(seq),
            Err(error) => {
                self.problem(keys.span().start, key_problem(keys.get_ref(), &error));
                None
            }
        };
        let actions = self.actions::<V>(keys.get_ref(), actions);
        Some(Binding { context: context.value, keys: seq?, actions: actions?, at: self.position(keys.span().start) })
    }

    /// Two spellings of one key in a context (`C-d` and `Ctrl-d`): the later one is left out.
    fn duplicate<V: Vocabulary>(&mut self, binding: &Binding<V>, earlier: &[Binding<V>], context: &str) -> bool {
        let Some(first) = earlier.iter().find(|b| b.context == binding.context && b.keys == binding.keys) else {
            return false;
        };
        let message = format!(
            "`{}` is bound twice in [keys.{context}] (first on line {}); the first one applies",
            binding.keys, first.at.line
        );
        let position = binding.at;
        self.problems.push(Diagnostic::error(self.file, Some(position), message));
        true
    }

    /// An action name, or a list of them (`[]` unbinds).
    fn actions<V: Vocabulary>(&mut self, keys: &str, value: &Value<'_>) -> Option<Vec<V::Action>> {
        match value.get_ref() {
            DeValue::String(name) => self.action::<V>(name, value.span().start).map(|a| vec![a]),
            DeValue::Array(items) => {
                let mut actions = Vec::new();
                let mut ok = true;
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::String(name) => match self.action::<V>(name, item.span().start) {
                            Some(a) => actions.push(a),
                            None => ok = false,
                        },
                        other => {
                            let found = kind_of(other);
                            self.problem(
                                item.span().start,
                                format!("`{keys}`: a list of actions holds names, not {found}"),
                            );
                            ok = false;
                        }
                    }
                }
                ok.then_some(actions)
            }
            other => {
                let found = kind_of(other);
                let message = format!("`{keys}` must be bound to an action name or a list of them, not {found}");
                self.problem(value.span().start, message);
                None
            }
        }
    }

    fn action<V: Vocabulary>(&mut self, name: &str, offset: usize) -> Option<V::Action> {
        let found = V::actions().iter().find(|w| w.name == name).map(|w| w.value);
        if found.is_none() {
            let hint = hint(name, V::actions().iter().map(|w| w.name), "`briefing config default` lists every action");
            self.problem(offset, format!("unknown action `{name}`{hint}"));
        }
        found
    }

    /// `[theme]`: a preset and a paint per role.
    fn theme<V: Vocabulary>(&mut self, value: &Value<'_>, settings: &mut Settings<V>) {
        let Some(entries) = self.table(value, "[theme]") else { return };
        for (name, value) in entries {
            if self.is_broken(name, value) {
                continue;
            }
            let name_text = name.get_ref().as_ref();
            if name_text == "preset" {
                settings.preset = self.preset(value).or(settings.preset);
                continue;
            }
            let Some(role) = Role::named(name_text) else {
                let names = std::iter::once("preset").chain(Role::ALL.iter().map(|r| r.name()));
                let hint = hint(name_text, names, "`briefing config default` lists the roles");
                self.problem(name.span().start, format!("unknown colour role `{name_text}` in [theme]{hint}"));
                continue;
            };
            if let Some(change) = self.paint(name_text, value) {
                settings.paints.push((role, change));
            }
        }
    }

    fn preset(&mut self, value: &Value<'_>) -> Option<Preset> {
        let names = Preset::NAMED.map(|(n, _)| n);
        let Some(name) = value.get_ref().as_str() else {
            let found = kind_of(value.get_ref());
            self.problem(value.span().start, format!("`preset` must be one of {}, not {found}", names.join(", ")));
            return None;
        };
        let preset = Preset::named(name);
        if preset.is_none() {
            let hint = hint(name, names, &format!("the presets are {}", names.join(", ")));
            self.problem(value.span().start, format!("unknown preset `{name}`{hint}"));
        }
        preset
    }

    /// A role's value: a colour (the text colour), or a table `{ fg = …, bg = … }`.
    fn paint(&mut self, role: &str, value: &Value<'_>) -> Option<PaintChange> {
        let DeValue::Table(table) = value.get_ref() else {
            return self.colour(role, value).map(|fg| PaintChange { fg: Some(fg), bg: None });
        };
        let mut change = PaintChange::default();
        let mut ok = true;
        for (part, colour) in table {
            let slot = match part.get_ref().as_ref() {
                "fg" => &mut change.fg,
                "bg" => &mut change.bg,
                other => {
                    let hint = hint(other, ["fg", "bg"], "a colour table has fg and bg");
                    self.problem(part.span().start, format!("unknown part `{other}` of `{role}`{hint}"));
                    ok = false;
                    continue;
                }
            };
            match self.colour(&format!("{role}.{}", part.get_ref()), colour) {
                Some(c) => *slot = Some(c),
                None => ok = false,
            }
        }
        ok.then_some(change)
    }

    fn colour(&mut self, what: &str, value: &Value<'_>) -> Option<Colour> {
        let offset = value.span().start;
        match value.get_ref() {
            DeValue::String(text) => {
                let colour = Colour::parse(text);
                if colour.is_none() {
                    let names = std::iter::once("default").chain(colour::NAMES);
                    let otherwise = "colours are names such as \"blue\", \"#rrggbb\" or an index from 0 to 255";
                    let hint = if text.starts_with('#') {
                        "; write #rrggbb".to_string()
                    } else {
                        hint(text, names, otherwise)
                    };
                    self.problem(offset, format!("unknown colour `{text}` for `{what}`{hint}"));
                }
                colour
            }
            DeValue::Integer(n) => {
                let index = i64::from_str_radix(n.as_str(), n.radix()).ok().and_then(|n| u8::try_from(n).ok());
                if index.is_none() {
                    self.problem(offset, format!("colour index {n} for `{what}` is not from 0 to 255"));
                }
                index.map(Colour::index)
            }
            other => {
                let found = kind_of(other);
                let message =
                    format!("`{what}` must be a colour name, \"#rrggbb\" or an index from 0 to 255, not {found}");
                self.problem(offset, message);
                None
            }
        }
    }
}

/// "a string", "an integer": what a value is, for messages.
fn kind_of(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

/// What is wrong with a key, and what may have been meant.
fn key_problem(text: &str, error: &KeyError) -> String {
    match error {
        KeyError::Empty => "an empty key; write a key such as \"j\", \"Ctrl-d\" or \"g g\"".to_string(),
        KeyError::UnknownModifier(m) => {
            format!("unknown modifier `{m}` in `{text}`; the modifiers are Ctrl, Alt and Shift")
        }
        KeyError::UnknownKey(name) => {
            let spaced: Vec<String> = name.chars().map(String::from).collect();
            let hint = if (2..=3).contains(&spaced.len()) && name.chars().all(char::is_alphabetic) {
                format!("; did you mean the sequence `{}`?", spaced.join(" "))
            } else {
                hint(
                    name,
                    key::key_names(),
                    "keys are characters or names such as Tab, PgDn, F5, with Ctrl-, Alt-, Shift-",
                )
            };
            match name == text {
                true => format!("unknown key `{name}`{hint}"),
                false => format!("unknown key `{name}` in `{text}`{hint}"),
            }
        }
    }
}

/// "; did you mean `x`?" for the candidate nearest to `name`, or else "; `otherwise`".
fn hint<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>, otherwise: &str) -> String {
    did_you_mean(name, candidates).unwrap_or_else(|| format!("; {otherwise}"))
}

/// "; did you mean `x`?" for the candidate nearest to `name` (ignoring case), if any.
fn did_you_mean<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let candidates: Vec<&str> = candidates.into_iter().collect();
    let lower: Vec<String> = candidates.iter().map(|c| c.to_lowercase()).collect();
    let query = name.to_lowercase();
    let nearest = closest(&query, lower.iter().map(String::as_str), 1);
    let found = nearest.first().and_then(|n| lower.iter().position(|c| c == n)).map(|i| candidates[i]);
    found.filter(|&c| c != name).map(|c| format!("; did you mean `{c}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_ignore_case_and_never_repeat_the_name() {
        assert_eq!(did_you_mean("Qiut", ["quit", "top"]).as_deref(), Some("; did you mean `quit`?"));
        assert_eq!(did_you_mean("zzzzzz", ["quit", "top"]), None);
        assert_eq!(hint("zzzzzz", ["quit"], "see the list"), "; see the list");
    }

    #[test]
    fn deep_nesting_is_one_problem_per_place_not_one_per_level() {
        struct None_;
        impl crate::config::Vocabulary for None_ {
            type Context = ();
            type Action = ();
            fn contexts() -> &'static [Word<()>] {
                &[]
            }
            fn actions() -> &'static [Word<()>] {
                &[]
            }
        }
        let text = format!("x = {}", "[".repeat(100_000));
        let (_, problems) = parse::<None_>(Path::new("deep.toml"), &text);
        let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "deep.toml:1:85: error: cannot recurse further; max recursion depth met",
                "deep.toml:1:100005: error: unclosed array, expected `]`",
            ]
        );
        assert_eq!(
            key_problem("gg", &KeyError::UnknownKey("gg".into())),
            "unknown key `gg`; did you mean the sequence `g g`?"
        );
        assert_eq!(
            key_problem("Ctrl-PgDwn", &KeyError::UnknownKey("PgDwn".into())),
            "unknown key `PgDwn` in `Ctrl-PgDwn`; did you mean `PgDn`?"
        );
    }
}
