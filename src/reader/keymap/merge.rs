//! Merging the configuration's bindings over the key table, key by key. A binding
//! replaces whatever its keys did in its context, and a default that its keys would make
//! unreachable (`g g` once `g` alone is bound) gives way; a binding that cannot work (a
//! letter in a text input, two of the file's own keys where one starts the other) is left
//! out with a problem at its position.

use std::path::Path;

use super::{Context, Entry, Keymap, Names};
use crate::config::{Binding, KeySeq};
use crate::library::diagnostic::{Diagnostic, Position};

impl Keymap {
    /// This key table with `bindings` merged over it, and the problems they have.
    pub fn merged(mut self, bindings: &[Binding<Names>], file: &Path) -> (Keymap, Vec<Diagnostic>) {
        let mut problems = Vec::new();
        for binding in bindings {
            let mut report = |warning: bool, message: String| {
                let at = Some(binding.at);
                problems.push(if warning {
                    Diagnostic::warning(file, at, message)
                } else {
                    Diagnostic::error(file, at, message)
                });
            };
            if let Some(message) = self.refusal(binding) {
                report(false, message);
                continue;
            }
            for message in useless(binding) {
                report(true, message);
            }
            let before = self.entries.len();
            let unbinding = binding.actions.is_empty();
            self.entries.retain(|e| !(e.context == binding.context && shadows(&binding.keys, &e.keys, unbinding)));
            if unbinding && self.entries.len() == before {
                report(true, self.not_bound(binding));
            }
            if !unbinding {
                let entry = Entry {
                    context: binding.context,
                    keys: binding.keys.clone(),
                    actions: binding.actions.clone(),
                    at: Some(binding.at),
                };
                self.entries.push(entry);
            }
        }
        (self, problems)
    }

    /// Why `binding` cannot be merged, if it cannot.
    fn refusal(&self, binding: &Binding<Names>) -> Option<String> {
        let context = binding.context;
        let first = binding.keys.keys().first()?;
        if context.takes_text() && first.is_printable() {
            return Some(format!(
                "`{}` types into the {} there; bind keys with Ctrl or Alt, or named keys such as F2, in [keys.{}]",
                binding.keys,
                input_name(context),
                context.name()
            ));
        }
        let clash = self.entries.iter().find(|e| {
            e.context == context && e.at.is_some() && e.keys != binding.keys && overlaps(&binding.keys, &e.keys)
        })?;
        let line = clash.at.map_or(0, |p: Position| p.line);
        Some(format!(
            "`{}` and `{}` (line {line}) both in [keys.{}]: one starts the other, so one could never be pressed",
            binding.keys,
            clash.keys,
            context.name()
        ))
    }

    /// "`x` is not bound in [keys.global]", naming where it is bound, if anywhere.
    fn not_bound(&self, binding: &Binding<Names>) -> String {
        let elsewhere: Vec<String> = self
            .entries
            .iter()
            .filter(|e| e.keys == binding.keys)
            .map(|e| format!("[keys.{}]", e.context.name()))
            .collect();
        let context = binding.context.name();
        match elsewhere.is_empty() {
            true => format!("`{}` is not bound in [keys.{context}]; there is nothing to unbind", binding.keys),
            false => format!("`{}` is not bound in [keys.{context}] but in {}", binding.keys, elsewhere.join(", ")),
        }
    }
}

/// Warnings for actions that do nothing where they are bound.
fn useless(binding: &Binding<Names>) -> Vec<String> {
    let context = binding.context;
    let useless = binding.actions.iter().filter(|&&a| !context.handles(a));
    useless.filter_map(|a| Some(format!("`{}` does nothing in [keys.{}]", a.name()?, context.name()))).collect()
}

/// Whether binding `new` removes the existing `old`: the same keys, or one starting the
/// other; unbinding removes `old` only when `new` is it or starts it.
fn shadows(new: &KeySeq, old: &KeySeq, unbinding: bool) -> bool {
    new == old || new.is_prefix_of(old) || (!unbinding && old.is_prefix_of(new))
}

fn overlaps(a: &KeySeq, b: &KeySeq) -> bool {
    a.is_prefix_of(b) || b.is_prefix_of(a)
}

fn input_name(context: Context) -> &'static str {
    match context {
        Context::Find => "find query",
        _ => "search box",
    }
}
