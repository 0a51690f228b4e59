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

/// `entity:nvidia              Nvidia — a note`: the key `briefing note` takes, the label
/// and the note.
fn line(target: &Marked, label: &str, note: Option<&str>) -> String {
    let note = note.map(|n| format!(" — {n}")).unwrap_or_default();
    format!("{:<32} {label}{note}\n", target.key())
}

/// Sets (or with an empty `text`, clears) the note of the bookmark `key`, as
/// `briefing bookmarks` lists it; exit 1 when there is no such bookmark.
pub fn note(store: &Store, key: &str, text: &str) -> anyhow::Result<ExitCode> {
    if !store.writable() {
        let why = store.take_notice().unwrap_or_else(|| "the state cannot be written".into());
        anyhow::bail!("{why}");
    }
    let text = text.trim().to_string();
    let found = store.change(|s, now| match s.bookmarks.get_mut(key).filter(|b| !b.removed) {
        Some(bookmark) => {
            (bookmark.at, bookmark.note) = (now, (!text.is_empty()).then_some(text));
            true
        }
        None => false,
    });
    if !found {
        eprint(&format!("no bookmark `{key}`; `briefing bookmarks` lists them"));
        return Ok(ExitCode::FAILURE);
    }
    store.flush();
    match store.take_notice() {
        Some(problem) => anyhow::bail!("{problem}"),
        None => Ok(ExitCode::SUCCESS),
    }
}
