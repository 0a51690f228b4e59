//! Settling each entity from every entry that states something about it, once all files
//! are declared: kind and name must agree, and role, summary and native name may differ
//! nowhere. Each disagreement is reported at every entry that takes part in it, naming
//! another place, so what is reported never depends on which file's name sorts first.

use std::mem::take;

use super::super::built::Built;
use super::super::model::{Entity, Kind};
use super::{Origins, Reporter, Statement};

const NAME_HINT: &str = "an entry may leave `name` out, or repeat it exactly; list other forms under `aliases`";
const ONE_HINT: &str = "give it in one entry only, or word it the same everywhere";
const KIND_HINT: &str = "an entity has one kind";

/// Sets every entity's kind, name, role, summary and native name from its entries.
pub(super) fn reconcile(library: &mut Built, origins: &mut Origins, reporter: &mut Reporter<'_>) {
    let mut all = take(&mut origins.statements);
    // Sorting positions rather than the entries themselves keeps this cheap; the sort is
    // stable, so each entity's entries stay in file order.
    let mut order: Vec<(usize, u32)> = all.iter().enumerate().map(|(i, (entity, _))| (*entity, i as u32)).collect();
    order.sort_by_key(|&(entity, _)| entity);
    let mut group = Vec::new();
    for same in order.chunk_by(|a, b| a.0 == b.0) {
        group.clear();
        group.extend(same.iter().map(|&(_, i)| all[i as usize].1.take_out()));
        settle(&mut library.entities[same[0].0], &mut group, reporter);
    }
}

fn settle(entity: &mut Entity, statements: &mut [Statement], reporter: &mut Reporter<'_>) {
    let id = entity.id.as_str();
    let kind = agree(reporter, id, statements, "kind", KIND_HINT, |s| s.kind.map(Kind::as_str));
    let name = agree(reporter, id, statements, "name", NAME_HINT, |s| s.name.as_deref());
    let (Some(kind), Some(name)) = (kind, name) else {
        return only_referred_to(reporter, id, statements);
    };
    entity.kind = statements[kind].kind.unwrap_or(entity.kind);
    entity.name = statements[name].name.take().unwrap_or_default();
    if let Some(i) = agree(reporter, id, statements, "role", ONE_HINT, |s| some(&s.role)) {
        entity.role = take(&mut statements[i].role);
    }
    if let Some(i) = agree(reporter, id, statements, "summary", ONE_HINT, |s| some(&s.summary)) {
        entity.summary = take(&mut statements[i].summary);
    }
    if let Some(i) = agree(reporter, id, statements, "native_name", ONE_HINT, |s| s.native_name.as_deref()) {
        entity.native_name = statements[i].native_name.take();
    }
}

fn some(text: &str) -> Option<&str> {
    (!text.is_empty()).then_some(text)
}

/// The first entry that gives `field` (the entries agree, or it is reported); each entry
/// whose value differs from another's is reported there, naming that other place.
fn agree(
    reporter: &mut Reporter<'_>,
    id: &str,
    statements: &[Statement],
    field: &'static str,
    hint: &str,
    get: impl Fn(&Statement) -> Option<&str>,
) -> Option<usize> {
    for s in statements {
        let Some(value) = get(s) else { continue };
        let Some(other) = statements.iter().find(|t| get(t).is_some_and(|o| o != value)) else { continue };
        let place = reporter.place_at(other.origin.file, &other.origin.path().key(field));
        let (value, theirs) = (shorten(value), shorten(get(other).unwrap_or_default()));
        let message = format!("`{id}` has {field} `{value}` here but `{theirs}` at {place}: {hint}");
        reporter.error(s.origin.file, &s.origin.path().key(field), message);
    }
    statements.iter().position(|s| get(s).is_some())
}

/// Every entry of an entity that no entry declares with a kind and a name.
fn only_referred_to(reporter: &mut Reporter<'_>, id: &str, statements: &[Statement]) {
    let has_kind = statements.iter().any(|s| s.kind.is_some());
    let has_name = statements.iter().any(|s| s.name.is_some());
    let missing = match (has_kind, has_name) {
        (false, false) => "a `kind` and a `name`",
        (false, true) => "a `kind`",
        _ => "a `name`",
    };
    for s in statements {
        let message = format!("`{id}` is referred to, but no entry in the library gives it {missing}: declare it once");
        reporter.error(s.origin.file, &s.origin.path(), message);
    }
}

/// A long text quoted in a message: its first 40 characters.
fn shorten(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}
