//! The reader remembers across runs, in a pseudo-terminal with a temporary state
//! directory: scroll into the third section, bookmark an entity, quit; start again and the
//! same paragraph is on screen with the bookmark listed; a briefing added to the content
//! directory is marked new, and so are the entities it brings.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture or pty")]

#[path = "support/pty.rs"]
#[allow(dead_code, reason = "each test binary uses its own part of the harness")]
mod pty;

use std::path::Path;
use std::process::Command;

use pty::Session;

/// The story pane's first text row (the second pane of three, between the borders).
fn story_top(screen: &vt100::Screen) -> String {
    let row = screen.contents().lines().nth(1).unwrap_or_default().to_string();
    row.split('│').nth(3).unwrap_or_default().trim().to_string()
}

/// The text of the third section of `beijing-gambit`, as the file has it.
fn third_section(content: &Path) -> String {
    let text = std::fs::read_to_string(content.join("beijing-gambit.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let paragraphs = json["sections"][2]["paragraphs"].as_array().unwrap();
    paragraphs.iter().map(|p| p.as_str().unwrap()).collect::<Vec<_>>().join(" ")
}

fn start(content: &Path, state: &Path, open: bool) -> Session {
    let (content, state) = (content.to_str().unwrap(), state.to_str().unwrap());
    let mut args = vec!["--content", content, "--state", state];
    if open {
        args.extend(["--open", "beijing-gambit"]);
    }
    Session::spawn(&args, 120, 40)
}

fn quit(mut s: Session) {
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn the_reader_reopens_where_it_was_with_its_bookmark_and_marks_what_is_new() {
    let content = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/content")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), content.path().join(entry.file_name())).unwrap();
    }
    let section = third_section(content.path());

    // First run: scroll until the story's top row is text of the third section.
    let mut s = start(content.path(), state.path(), true);
    s.wait_for("Huang Flies to Beijing");
    s.settle();
    let mut top = String::new();
    for _ in 0..80 {
        let before = s.formatted();
        s.send("j");
        s.wait_for_redraw(&before);
        top = s.now(story_top);
        if top.len() > 20 && section.contains(&top) {
            break;
        }
    }
    assert!(section.contains(&top), "never scrolled into the third section; top row {top:?}");
    // Bookmark the first mention on screen, an entity.
    s.send("\t");
    s.settle();
    s.send("B");
    s.wait_for("bookmarked ");
    let notice = s.text().lines().last().unwrap_or_default().to_string();
    let name = notice.split("bookmarked ").nth(1).unwrap().split("  ").next().unwrap().trim().to_string();
    quit(s);

    // Second run, no arguments: the same paragraph at the top, the bookmark listed.
    let s = start(content.path(), state.path(), false);
    s.wait_until("the same place in the story", |screen| story_top(screen) == top);
    s.wait_for("BOOKMARKS (1)");
    s.wait_for("★ ");
    assert!(s.text().contains(&name), "the bookmark {name:?} is listed:\n{}", s.text());
    quit(s);
    let out = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(["--state", state.path().to_str().unwrap(), "bookmarks", "--json"])
        .output()
        .unwrap();
    let listed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(listed[0]["target"]["kind"], "entity", "{listed}");
    assert_eq!(listed[0]["label"], name.as_str(), "{listed}");

    // A briefing added to the library: marked new, and counted.
    let added = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid/two-briefings/kestrel-fab.json");
    std::fs::copy(added, content.path().join("kestrel-fab.json")).unwrap();
    let s = start(content.path(), state.path(), false);
    s.wait_for("+new Kestrel picks");
    s.wait_for("1 new briefing · 4 new entities");
    s.wait_for("+new ●Mira Okafor");
    s.wait_for("PERSON (10) +1 new");
    s.wait_until("still the same place", |screen| story_top(screen) == top);
    quit(s);
}

#[test]
fn sigterm_and_sighup_flush_the_state_before_exit() {
    let content = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/content"));
    for signal in ["TERM", "HUP"] {
        let state = tempfile::tempdir().unwrap();
        let mut s = start(content, state.path(), true);
        s.wait_for("Huang Flies to Beijing");
        s.settle();
        s.send("\t");
        s.settle();
        s.send("B");
        s.wait_for("bookmarked ");
        s.signal(signal); // well within the debounce delay
        s.wait_exit();
        let saved = match briefing::state::file::read(state.path()) {
            briefing::state::file::Loaded::Read(saved) => saved,
            other => panic!("SIG{signal}: the state was not written: {other:?}"),
        };
        let keys: Vec<&str> = saved.bookmarks.iter().map(|(key, _)| key).collect();
        assert!(keys.len() == 1 && keys[0].starts_with("entity:"), "SIG{signal}: {keys:?}");
    }
}
