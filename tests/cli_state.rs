//! `briefing bookmarks` and `briefing note` on a temporary state directory.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture")]

use std::path::Path;
use std::process::{Command, Output};

use briefing::state::{Bookmark, Marked, Store};

fn run(state: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefing"))
        .env("XDG_STATE_HOME", state.join("xdg"))
        .env_remove("BRIEFING_STATE_DIR")
        .args(["--state", state.to_str().unwrap()])
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn bookmarks_are_listed_and_noted() {
    let dir = tempfile::tempdir().unwrap();
    let empty = run(dir.path(), &["bookmarks", "--json"]);
    assert_eq!(String::from_utf8_lossy(&empty.stdout).trim(), "[]");
    assert!(!dir.path().join("state.bin").exists(), "listing writes nothing");

    let store = Store::open(Some(dir.path()));
    store.change(|s, now| {
        let target = Marked::Entity { entity: "nvidia".into() };
        let mark = Bookmark { at: now, target: target.clone(), label: "Nvidia".into(), note: None, removed: false };
        s.bookmarks.insert(&target.key(), mark);
    });
    store.flush();

    let missing = run(dir.path(), &["note", "entity:nvdia", "x"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no bookmark `entity:nvdia`"));
    assert!(run(dir.path(), &["note", "entity:nvidia", "check", "the", "H20", "charge"]).status.success());
    let plain = String::from_utf8_lossy(&run(dir.path(), &["bookmarks"]).stdout).to_string();
    assert!(plain.contains("entity:nvidia") && plain.contains("Nvidia — check the H20 charge"), "{plain}");
    let json: serde_json::Value = serde_json::from_slice(&run(dir.path(), &["bookmarks", "--json"]).stdout).unwrap();
    assert_eq!(json[0]["note"], "check the H20 charge");
    let off = run(dir.path(), &["--no-state", "bookmarks", "--json"]);
    assert_eq!(String::from_utf8_lossy(&off.stdout).trim(), "[]", "--no-state reads nothing");
}
