//! `briefing bookmarks`: the saved bookmarks, newest first, as text or JSON.

use std::process::ExitCode;

use super::{eprint, print};
use crate::state::{Marked, Store};

/// Prints the live bookmarks of `store`; a state that could not be read is said on
/// standard error, and the (empty) list still printed.
pub fn run(store: &Store, json: bool) -> anyhow::Result<ExitCode> {
    if let Some(notice) = store.take_notice() {
        eprint(&notice);
    }
    let bookmarks = store.with(|s| s.live_bookmarks().into_iter().cloned().collect::<Vec<_>>());
    let text = if json {
        serde_json::to_string_pretty(&bookmarks)? + "\n"
    } else {
        bookmarks.iter().map(|b| line(&b.target, &b.label, b.note.as_deref())).collect()
    };
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// `entity    nvidia          Nvidia — a note`
fn line(target: &Marked, label: &str, note: Option<&str>) -> String {
    let (kind, id) = match target {
        Marked::Briefing { briefing } => ("briefing", briefing.clone()),
        Marked::Entity { entity } => ("entity", entity.clone()),
        Marked::Paragraph { briefing, paragraph } => ("paragraph", format!("{briefing}#{paragraph}")),
    };
    let note = note.map(|n| format!(" — {n}")).unwrap_or_default();
    format!("{kind:<9} {id:<24} {label}{note}\n")
}
