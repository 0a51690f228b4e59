//! The state file never loses what it held: a save killed part-way, a corrupt file, two
//! readers writing at once, a directory that cannot be written, a newer format version.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture")]

use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;
use std::time::Duration;

use briefing::state::file::{self, Loaded};
use briefing::state::{Bookmark, Marked, State, Store};

/// Set in a child copy of this test binary to the role it plays.
const ROLE: &str = "BRIEFING_STATE_TEST_ROLE";
const DIR: &str = "BRIEFING_STATE_TEST_DIR";

fn bookmark(state: &mut State, now: u64, entity: &str) {
    let target = Marked::Entity { entity: entity.into() };
    let mark = Bookmark { at: now, target: target.clone(), label: entity.into(), note: None, removed: false };
    state.bookmarks.insert(&target.key(), mark);
}

/// This test binary again, running only [`child`] in `role` on `dir`.
fn spawn_child(role: &str, dir: &Path) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child", "--nocapture", "--test-threads=1"])
        .env(ROLE, role)
        .env(DIR, dir)
        .stdout(Stdio::null())
        .spawn()
        .unwrap()
}

/// The child's part: `loop` saves forever (until killed); `writer:NAME` saves 100
/// bookmarks of its own, one save each.
#[test]
fn child() {
    let (Ok(role), Ok(dir)) = (std::env::var(ROLE), std::env::var(DIR)) else { return };
    let store = Store::open(Some(Path::new(&dir)));
    if role == "loop" {
        for i in 0.. {
            store.change(|s, now| {
                bookmark(s, now, &format!("loop-{i}"));
                for j in 0..200 {
                    State::remember(&mut s.finds, &format!("padding {i} {j}"), now);
                }
            });
            store.flush();
        }
    }
    if let Some(name) = role.strip_prefix("writer:") {
        for i in 0..100 {
            store.change(|s, now| bookmark(s, now, &format!("{name}-{i}")));
            store.flush();
        }
    }
}

fn load(dir: &Path) -> State {
    match file::read(dir) {
        Loaded::Read(state) => *state,
        other => panic!("the state did not load: {other:?}"),
    }
}

#[test]
fn a_save_killed_part_way_leaves_a_file_that_loads() {
    let dir = tempfile::tempdir().unwrap();
    for round in 0..5u64 {
        let mut child = spawn_child("loop", dir.path());
        thread::sleep(Duration::from_millis(150 + 37 * round));
        child.kill().unwrap(); // SIGKILL, wherever the write loop is
        child.wait().unwrap();
        let state = load(dir.path());
        assert!(!state.bookmarks.is_empty() || round == 0, "round {round}: the saved bookmarks are gone");
    }
    assert!(!load(dir.path()).bookmarks.is_empty());
}

#[test]
fn two_processes_writing_at_once_keep_both_sets_of_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = spawn_child("writer:a", dir.path());
    let mut b = spawn_child("writer:b", dir.path());
    assert!(a.wait().unwrap().success() && b.wait().unwrap().success());
    let state = load(dir.path());
    for name in ["a", "b"] {
        for i in 0..100 {
            assert!(state.bookmarks.contains(&format!("entity:{name}-{i}")), "lost {name}-{i}");
        }
    }
}

/// The files in `dir` whose names start with `prefix`.
fn files_starting(dir: &Path, prefix: &str) -> Vec<std::path::PathBuf> {
    let entries = std::fs::read_dir(dir).unwrap().filter_map(|e| e.ok());
    entries.filter(|e| e.file_name().to_string_lossy().starts_with(prefix)).map(|e| e.path()).collect()
}

#[test]
fn a_corrupt_file_is_kept_aside_and_the_reader_starts_afresh() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(file::FILE_NAME);
    let store = Store::open(Some(dir.path()));
    store.change(|s, now| bookmark(s, now, "amd"));
    store.flush();
    // One byte changed in the middle of a good file: the checksum finds it.
    let mut damaged = std::fs::read(&path).unwrap();
    let middle = damaged.len() / 2;
    damaged[middle] ^= 0x20;
    std::fs::write(&path, &damaged).unwrap();
    let store = Store::open(Some(dir.path()));
    let notice = store.take_notice().expect("a notice");
    assert!(notice.contains("corrupt (checksum does not match") && notice.contains("kept as"), "{notice}");
    assert!(!notice.contains('\n'), "one line: {notice}");
    let aside = files_starting(dir.path(), "state.bin.corrupt-");
    assert_eq!(aside.len(), 1, "the corrupt file is kept aside");
    assert_eq!(std::fs::read(&aside[0]).unwrap(), damaged, "byte for byte");
    store.change(|s, now| bookmark(s, now, "nvidia"));
    store.flush();
    let state = load(dir.path());
    assert!(state.bookmarks.contains("entity:nvidia") && !state.bookmarks.contains("entity:amd"), "afresh");

    // A version 1 file that does not parse is kept aside the same way.
    let old = tempfile::tempdir().unwrap();
    std::fs::write(old.path().join("state.json"), b"{\"version\": 1, \"bookmarks\": {tr").unwrap();
    let notice = Store::open(Some(old.path())).take_notice().expect("a notice");
    assert!(notice.contains("corrupt") && notice.contains("state.json.corrupt-"), "{notice}");
    let aside = files_starting(old.path(), "state.json.corrupt-");
    assert_eq!(std::fs::read(&aside[0]).unwrap(), b"{\"version\": 1, \"bookmarks\": {tr");

    // The reader itself starts on such a file and says so.
    std::fs::write(&path, b"\xff\xfe not a state").unwrap();
    let library = briefing::cli::load(&Default::default()).unwrap();
    let app = briefing::reader::app::App::remembering(library, (100, 30), None, Store::open(Some(dir.path())));
    assert!(app.notice.as_deref().is_some_and(|n| n.contains("corrupt")), "{:?}", app.notice);
}

#[test]
fn a_version_1_file_is_migrated_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let old = br#"{"version": 1, "briefings": {"beijing-gambit": [5, 3, 9, 14, 0, null]},
        "bookmarks": {"entity:nvidia": {"at": 7, "target": {"kind": "entity", "entity": "nvidia"}, "label": "Nvidia"}},
        "seen": {"b:beijing-gambit": 1}}"#;
    std::fs::write(dir.path().join("state.json"), old).unwrap();
    let store = Store::open(Some(dir.path()));
    assert_eq!(store.take_notice(), None);
    assert!(store.with(
        |s| s.bookmarks.contains("entity:nvidia") && s.briefings.get("beijing-gambit").is_some_and(|m| m.finished)
    ));
    store.change(|s, now| bookmark(s, now, "amd"));
    store.flush();
    let state = load(dir.path());
    assert_eq!(state.version, briefing::state::VERSION);
    assert!(state.bookmarks.contains("entity:nvidia") && state.bookmarks.contains("entity:amd"));
    assert_eq!(state.seen.get("b:beijing-gambit"), Some(&1));
    assert_eq!(std::fs::read(dir.path().join("state.json")).unwrap(), old, "the old file is not touched");
}

#[test]
fn a_version_2_file_is_read_and_written_again_in_this_version_at_the_first_save() {
    let dir = tempfile::tempdir().unwrap();
    let old = include_bytes!("fixtures/state/version-2.bin");
    std::fs::write(dir.path().join("state.bin"), old).unwrap();
    // A changes file of version 2 as well, which this build's first save folds in.
    std::fs::write(dir.path().join("state.changes.bin"), old).unwrap();
    let store = Store::open(Some(dir.path()));
    assert_eq!(store.take_notice(), None);
    let before = store.with(State::clone);
    assert!(before.bookmarks.get("entity:nvidia").is_some_and(|b| b.note.as_deref() == Some("check the H20 charge")));
    assert!(before.briefings.get("beijing-gambit").is_some_and(|m| m.finished && m.place.is_some()));
    assert_eq!(file::whole_version(dir.path()), Some(2));
    store.change(|s, now| bookmark(s, now, "amd"));
    store.flush();
    assert_eq!(file::whole_version(dir.path()), Some(briefing::state::VERSION), "written whole in this version");
    assert!(!dir.path().join("state.changes.bin").exists(), "the changes folded in");
    let after = load(dir.path());
    assert!(after.bookmarks.contains("entity:amd"));
    assert_eq!((after.briefings, after.seen, after.resume), (before.briefings, before.seen, before.resume));
    // From then on a save writes just its changes again.
    store.change(|s, now| bookmark(s, now, "intel"));
    store.flush();
    assert!(dir.path().join("state.changes.bin").exists());
    assert!(load(dir.path()).bookmarks.contains("entity:intel"));
}

#[test]
fn a_state_dir_that_cannot_be_written_leaves_the_reader_working() {
    let base = tempfile::tempdir().unwrap();
    // A directory under a regular file cannot be made, even by root.
    std::fs::write(base.path().join("file"), b"").unwrap();
    let dir = base.path().join("file").join("state");
    let store = Store::open(Some(&dir));
    assert!(!store.writable());
    let library = briefing::cli::load(&Default::default()).unwrap();
    let mut app = briefing::reader::app::App::remembering(library, (100, 30), None, store);
    let notice = app.notice.clone().expect("a notice");
    assert!(notice.contains("read-only") && notice.contains("nothing will be saved"), "{notice}");
    app.update(briefing::reader::action::Action::PageDown);
    app.update(briefing::reader::action::Action::ToggleBookmark);
    app.memory.store.flush();
    assert!(!dir.exists());
}

#[cfg(unix)]
#[test]
fn a_read_only_state_dir_is_read_and_never_written() {
    use std::os::unix::fs::PermissionsExt;
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        return; // root writes through permissions; the case above covers it
    }
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(Some(dir.path()));
    store.change(|s, now| bookmark(s, now, "nvidia"));
    store.flush();
    std::fs::remove_file(dir.path().join("state.lock")).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let store = Store::open(Some(dir.path()));
    assert!(!store.writable());
    assert!(store.with(|s| s.bookmarks.contains("entity:nvidia")));
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn a_newer_format_version_is_refused_and_left_untouched() {
    let mut newer = b"BRFSTATE".to_vec();
    newer.extend_from_slice(&99u32.to_le_bytes());
    newer.extend_from_slice(b"a layout this build does not know");
    for (name, bytes) in
        [("state.bin", newer), ("state.json", br#"{"version": 99, "bookmarks": [["a new shape"]]}"#.to_vec())]
    {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).unwrap();
        let store = Store::open(Some(dir.path()));
        let notice = store.take_notice().expect("a notice");
        assert!(notice.contains("version 99") && notice.contains("left alone"), "{name}: {notice}");
        store.change(|s, now| bookmark(s, now, "nvidia"));
        store.flush();
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{name}");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2, "{name}: only the file and the lock");
    }
}
