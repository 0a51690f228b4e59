//! Live reload in the real binary, as an author uses it: the reader open on a copy of the
//! bundled library, the story scrolled and a mention focused; the headline changed by
//! rewriting the file in place and by renaming a new file over it, each shown on screen;
//! the JSON broken, which opens the problems panel with the file, line and column while
//! the last good story stays; the JSON fixed, which closes it. The reader's place (the
//! story's first line and the focused mention) stays the same throughout.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture or pty")]

#[path = "support/pty.rs"]
#[allow(dead_code, reason = "each test binary uses its own part of the harness")]
mod pty;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use pty::Session;

const HEADLINE: &str = "Huang Flies to Beijing to Rescue Nvidia’s China Business";

/// A copy of the bundled library in a temporary directory.
fn content() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/content")).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    dir
}

/// The columns of the story pane, from its top border.
fn story_columns(screen: &vt100::Screen) -> (u16, u16) {
    let top = screen.contents_between(0, 0, 0, screen.size().1);
    let start = top.find("╭ Story").map(|at| top[..at].chars().count() as u16).expect("a story pane");
    let width = top[..].chars().skip(start as usize + 1).take_while(|&c| c != '╮').count() as u16;
    (start + 1, start + 1 + width)
}

/// The story pane's first text line.
fn story_top(screen: &vt100::Screen) -> String {
    let (from, to) = story_columns(screen);
    screen.contents_between(1, from, 1, to).trim_end().to_string()
}

/// The text of the story pane drawn in reverse video: the focused mention.
fn focused(screen: &vt100::Screen) -> String {
    let (from, to) = story_columns(screen);
    let mut text = String::new();
    for row in 1..screen.size().0 - 2 {
        for col in from..to {
            let cell = screen.cell(row, col).expect("a cell on screen");
            if cell.inverse() {
                text.push_str(cell.contents());
            }
        }
    }
    text
}

/// Writes `text` over `file` in place (truncate, then write), as most editors save.
fn write_in_place(file: &Path, text: &str) {
    fs::write(file, text).unwrap();
}

/// Writes `text` to a temporary file beside `file` and renames it over `file`, as editors
/// that save atomically do.
fn rename_over(file: &Path, text: &str) {
    let temporary: PathBuf = file.with_extension("json.tmp");
    fs::write(&temporary, text).unwrap();
    fs::rename(&temporary, file).unwrap();
}

/// Waits until the screen shows `text`, printing how long it took from `since` (with
/// `--nocapture`): a figure to read, not one to assert.
#[allow(clippy::print_stderr, reason = "the time a save took to show, for whoever runs the test")]
fn shown(s: &Session, text: &str, since: Instant) {
    s.wait_for(text);
    eprintln!("{text:?} on screen {} ms after the save", since.elapsed().as_millis());
}

#[test]
fn edits_show_while_the_reader_keeps_its_place_and_a_broken_file_opens_the_problems_panel() {
    let dir = content();
    let file = dir.path().join("beijing-gambit.json");
    let original = fs::read_to_string(&file).unwrap();
    let args = ["--no-state", "--no-cache", "--content", dir.path().to_str().unwrap(), "--open", "beijing-gambit"];
    let mut s = Session::spawn(&args, 150, 40);
    s.wait_for(HEADLINE);

    // A place deeper than the top: scrolled three lines, a mention focused.
    s.send("jjj\t");
    s.wait_until("a focused mention", |screen| !focused(screen).is_empty());
    s.settle();
    let (top, mention) = s.now(|screen| (story_top(screen), focused(screen)));
    assert!(!top.contains(HEADLINE), "the story is scrolled past its headline: {top:?}");
    let place_kept = |s: &Session, when: &str| {
        s.settle();
        let (now_top, now_mention) = s.now(|screen| (story_top(screen), focused(screen)));
        assert_eq!((now_top.as_str(), now_mention.as_str()), (top.as_str(), mention.as_str()), "{when}:\n{}", s.text());
    };

    // Rewritten in place: the navigator lists the new headline (150 columns show enough
    // of it).
    let saved = Instant::now();
    write_in_place(&file, &original.replacen(HEADLINE, "Huang Jets to Beijing", 1));
    shown(&s, "Huang Jets", saved);
    s.wait_for("content reloaded");
    place_kept(&s, "after a save in place");

    // A new file renamed over it.
    let saved = Instant::now();
    rename_over(&file, &original.replacen(HEADLINE, "Huang Hurries to Beijing", 1));
    shown(&s, "Huang Hurri", saved);
    place_kept(&s, "after a rename over the file");
    assert!(!dir.path().join("beijing-gambit.json.tmp").exists());

    // Broken: the panel names the file, line and column; the last good story stays.
    let broken = original.replacen(HEADLINE, "Huang Hurries to Beijing\" oops \"", 1);
    let saved = Instant::now();
    write_in_place(&file, &broken);
    shown(&s, "beijing-gambit.json:4:42", saved);
    s.wait_for("showing the last good version");
    s.wait_for("malformed JSON");
    assert!(s.text().contains("Huang Hurri"), "the last good library stays:\n{}", s.text());
    place_kept(&s, "with the problems panel open");

    // Fixed: the panel closes by itself, the new headline shows, the place is the same.
    let saved = Instant::now();
    write_in_place(&file, &original.replacen(HEADLINE, "Huang Races to Beijing", 1));
    shown(&s, "Huang Races", saved);
    s.wait_until("the panel closed", |screen| !screen.contents().contains("last good version"));
    place_kept(&s, "after the fix");

    // Swap and backup files beside it change nothing and break nothing.
    fs::write(dir.path().join(".beijing-gambit.json.swp"), "not json").unwrap();
    fs::write(dir.path().join("beijing-gambit.json~"), "not json").unwrap();
    s.send("j");
    s.settle();
    assert!(!s.text().contains("last good version"), "{}", s.text());

    s.send("q");
    assert!(s.wait_exit().success());
}
