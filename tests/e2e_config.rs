//! The configuration, end to end: the real binary in a pseudo-terminal with a temporary
//! XDG config directory holding `briefing/config.toml`. A key rebound to quit quits (and
//! the unbound one no longer does); a key sequence runs once both keys are in; the `light`
//! theme draws no text that would vanish on a light terminal, judged on the terminal's own
//! cells; a bad file opens the reader anyway, with one line saying so.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture or pty")]

#[path = "support/contrast.rs"]
mod contrast;
#[path = "support/pty.rs"]
#[allow(dead_code, reason = "each test binary uses its own part of the harness")]
mod pty;

use std::fs;
use std::thread;
use std::time::Duration;

use contrast::Cell;
use pty::Session;

const ENTER: &str = "\r";
const TAB: &str = "\t";

/// A temporary config home with `text` as `briefing/config.toml`.
fn config_home(text: &str) -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    fs::create_dir_all(home.path().join("briefing")).unwrap();
    fs::write(home.path().join("briefing/config.toml"), text).unwrap();
    home
}

fn spawn(home: &tempfile::TempDir, cols: u16, rows: u16) -> Session {
    let dir = home.path().to_str().unwrap().to_string();
    let session = Session::spawn_with(&["--no-state"], &[("XDG_CONFIG_HOME", &dir)], cols, rows);
    session.wait_for("Story");
    session.settle();
    session
}

#[test]
fn a_key_rebound_to_quit_quits_and_the_unbound_one_does_not() {
    let home = config_home("[keys.global]\n\"x\" = \"quit\"\n\"q\" = []\n");
    let mut s = spawn(&home, 100, 30);
    s.send("q");
    thread::sleep(Duration::from_millis(200));
    assert_eq!(s.state().map(|c| c != 'Z'), Some(true), "q no longer quits:\n{}", s.text());
    s.send("x");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
}

#[test]
fn a_sequence_waits_for_its_second_key_and_then_runs() {
    let home = config_home("[keys.global]\n\"Z Q\" = \"quit\"\n");
    let mut s = spawn(&home, 100, 30);
    s.send("Z");
    s.wait_for("Z …  Z Q quit");
    s.send("j");
    s.wait_until("the sequence dropped by a key that does not go on", |screen| !screen.contents().contains("Z …"));
    s.send("ZQ");
    assert!(s.wait_exit().success());
}

/// Every cell of text on screen that would be hard to read on a light terminal.
fn unreadable(screen: &vt100::Screen) -> Vec<String> {
    let cell = |c: vt100::Color| match c {
        vt100::Color::Default => Cell::Default,
        vt100::Color::Idx(n) => Cell::Index(n),
        vt100::Color::Rgb(r, g, b) => Cell::Rgb(r, g, b),
    };
    let (rows, cols) = screen.size();
    let mut found = Vec::new();
    for row in 0..rows {
        for col in 0..cols {
            let Some(c) = screen.cell(row, col) else { continue };
            if c.contents().trim().is_empty() {
                continue;
            }
            if let Some(why) = contrast::problem(cell(c.fgcolor()), cell(c.bgcolor()), c.inverse()) {
                found.push(format!("{row}:{col} {:?}: {why}", c.contents()));
            }
        }
    }
    found
}

fn assert_readable(s: &Session, what: &str) {
    s.settle();
    let bad = s.now(unreadable);
    assert!(
        bad.is_empty(),
        "{what}: {} unreadable cells, the first {:?}\n{}",
        bad.len(),
        &bad[..bad.len().min(5)],
        s.text()
    );
}

#[test]
fn the_light_theme_draws_nothing_that_vanishes_on_a_light_terminal() {
    let home = config_home("[theme]\npreset = \"light\"\n");
    let mut s = spawn(&home, 120, 40);
    let coloured = s.now(|screen| {
        let (rows, cols) = screen.size();
        (0..rows).flat_map(|r| (0..cols).map(move |c| (r, c))).any(|(r, c)| {
            screen.cell(r, c).is_some_and(|cell| matches!(cell.fgcolor(), vt100::Color::Idx(n) if n >= 16))
        })
    });
    assert!(coloured, "the light preset's 256-colour shades are on screen");
    assert_readable(&s, "the story");
    s.send(TAB);
    s.send(TAB);
    assert_readable(&s, "a focused link");
    s.send(ENTER);
    assert_readable(&s, "the card");
    s.send("f");
    s.send("Nvidia");
    s.wait_until("find matches", |screen| {
        screen.contents().contains("Find: Nvidia") && !screen.contents().contains("no matches")
    });
    s.send(ENTER);
    assert_readable(&s, "find matches");
    s.send("/");
    s.send("huang");
    s.wait_for("Jensen Huang");
    assert_readable(&s, "the search box");
    s.send("\x1b");
    s.wait_until("the search box closed", |screen| !screen.contents().contains("Search —"));
    s.send("?");
    s.wait_for("Keys —");
    assert_readable(&s, "the help");
    s.send("q");
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn the_default_theme_is_not_judged_readable_on_a_light_terminal() {
    let home = config_home("# nothing: the defaults\n");
    let mut s = spawn(&home, 120, 40);
    s.send("f");
    s.send("Nvidia");
    s.send(ENTER);
    s.settle();
    assert!(!s.now(unreadable).is_empty(), "yellow matches reversed are white on yellow:\n{}", s.text());
}

#[test]
fn a_bad_file_opens_the_reader_with_one_line_saying_so() {
    let home = config_home("[keys.global]\n\"x\" = \"qiut\"\n\"y\" = \"quit\"\n");
    let mut s = spawn(&home, 100, 30);
    s.wait_for("config.toml: 1 error, defaults used for them (briefing config check)");
    s.send("y");
    assert!(s.wait_exit().success(), "the good entry after the bad one applies");
}
