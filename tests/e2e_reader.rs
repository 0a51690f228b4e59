//! The real binary in a pseudo-terminal, used as a person would: follow a mention to a
//! card and a relation to another card, come back, find in the story, open the help,
//! resize, quit — and the terminal is given back as it was, on quit and on SIGTERM.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture or pty")]

#[path = "support/pty.rs"]
#[allow(dead_code, reason = "each test binary uses its own part of the harness")]
mod pty;

use pty::{Session, is_reversed, is_reversed_within};

const TAB: &str = "\t";
const ENTER: &str = "\r";
const BACKSPACE: &str = "\x7f";
const ESC: &str = "\x1b";

/// crossterm's sequences for leaving the alternate screen and releasing the mouse.
const LEAVE_ALTERNATE_SCREEN: &str = "\x1b[?1049l";
const ENTER_ALTERNATE_SCREEN: &str = "\x1b[?1049h";
const MOUSE_OFF: &str = "\x1b[?1000l";

/// The top row names exactly these panes, left to right.
fn panes_on_top(screen: &vt100::Screen) -> Vec<String> {
    let top = screen.contents().lines().next().unwrap_or_default().to_string();
    top.split('╭')
        .skip(1)
        .map(|pane| pane.trim_start_matches(' ').split(" ─").next().unwrap_or("").to_string())
        .collect()
}

/// The output after the program last entered the alternate screen.
fn after_last_enter(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let from = text.rfind(ENTER_ALTERNATE_SCREEN).expect("the reader entered the alternate screen");
    text[from..].to_string()
}

/// The terminal is back to normal: main screen, mouse released, cooked mode with echo.
fn assert_restored(session: &Session) {
    let bytes = session.bytes();
    let tail = after_last_enter(&bytes);
    assert!(tail.contains(LEAVE_ALTERNATE_SCREEN), "the alternate screen was not left: {tail:?}");
    assert!(tail.contains(MOUSE_OFF), "mouse capture was not released");
    session.wait_until("the main screen with the mouse released", |screen| {
        !screen.alternate_screen() && screen.mouse_protocol_mode() == vt100::MouseProtocolMode::None
    });
    let flags = session.local_flags();
    assert!(has_flags(&flags, &["ICANON", "ECHO"]), "raw mode was not undone: {flags}");
}

/// Whether termios' printed flags, like `LocalFlags(ECHO | ICANON)`, include all of `wanted`.
fn has_flags(flags: &str, wanted: &[&str]) -> bool {
    let set: Vec<&str> = flags.split(|c: char| !c.is_ascii_alphanumeric()).collect();
    wanted.iter().all(|flag| set.contains(flag))
}

/// Presses Tab until `link`, drawn within `text`, is reversed (the focused link).
fn tab_until_focused(session: &mut Session, text: &str, link: &str) {
    for _ in 0..20 {
        let before = session.formatted();
        session.send(TAB);
        session.wait_for_redraw(&before);
        if session.now(|screen| is_reversed_within(screen, text, link)) {
            return;
        }
    }
    panic!("Tab never focused `{link}`:\n{}", session.text());
}

#[test]
fn a_reader_follows_links_finds_resizes_and_quits_cleanly() {
    let mut s = Session::spawn(&["--open", "beijing-gambit"], 120, 40);
    s.wait_for("Huang Flies to Beijing to Rescue Nvidia’s China Business");
    s.wait_until("three panes", |screen| panes_on_top(screen) == ["Library", "Story", "Card"]);
    let flags = s.local_flags();
    assert!(!has_flags(&flags, &["ICANON"]) && !has_flags(&flags, &["ECHO"]), "the reader runs in raw mode: {flags}");

    // Tab to the first mention of Jensen Huang; the card previews him.
    tab_until_focused(&mut s, "●Jensen Huang, the chief", "●Jensen Huang");
    s.wait_for("CEO of → ■Nvidia");

    // Enter: his card has the keyboard.
    s.send(ENTER);
    s.wait_until("Huang's card focused", |screen| is_reversed(screen, " person "));
    s.wait_for("Jensen Huang  黄仁勋");
    s.wait_for("› Jensen Huang");

    // Tab through the card to the Nvidia relation, Enter: Nvidia's card.
    tab_until_focused(&mut s, "CEO of → ■Nvidia", "■Nvidia");
    s.send(ENTER);
    s.wait_for("■ COMPANY");
    s.wait_until("Nvidia's card", |screen| is_reversed(screen, " company "));
    s.wait_for("led by → ●Jensen Huang");

    // Back twice: Huang's card, then the story with his mention still focused.
    s.send(BACKSPACE);
    s.wait_until("Huang's card again", |screen| is_reversed(screen, " person "));
    s.send(BACKSPACE);
    s.wait_until("the story focused", |screen| is_reversed(screen, " Story "));
    s.wait_until("Huang's mention focused", |screen| {
        is_reversed_within(screen, "●Jensen Huang, the chief", "●Jensen Huang")
    });

    // Find H20: two matches (dek and story), counted; then Huang, and n steps to the next match.
    s.send("f");
    s.wait_for("Find: ");
    s.send("H20");
    s.wait_for("Find: H20");
    s.send(ENTER);
    s.wait_for("“H20” 1/2 n/N");
    s.send(ESC);
    s.wait_until("find cleared", |screen| !screen.contents().contains("“H20”"));
    s.send("f");
    s.wait_for("Find: ");
    s.send("Huang");
    s.send(ENTER);
    s.wait_for("“Huang” 1/11 n/N");
    s.send("n");
    s.wait_for("“Huang” 2/11 n/N");

    // Help, and Esc closes it.
    s.send("?");
    s.wait_for("Keys — Esc or ? to close");
    s.wait_for("focus the next link");
    s.send(ESC);
    s.wait_until("help closed", |screen| !screen.contents().contains("Keys — Esc"));

    // A smaller window: two panes, still drawn whole.
    s.resize(80, 24);
    s.wait_until("two panes at 80×24", |screen| {
        let text = screen.contents();
        panes_on_top(screen).len() == 2
            && text.lines().count() <= 24
            && text.lines().nth(22).is_some_and(|l| l.starts_with('╰') && l.ends_with('╯') && l.chars().count() == 80)
    });
    s.wait_for("Huang Flies to Beijing");

    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    assert_restored(&s);
}

#[test]
fn a_misspelt_open_id_fails_before_taking_the_screen() {
    let mut s = Session::spawn(&["--open", "nvidai"], 120, 40);
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 1, "exit status {status:?}");
    let output = String::from_utf8_lossy(&s.bytes()).to_string();
    assert!(output.contains("no entity or briefing `nvidai`"), "{output:?}");
    assert!(output.contains("closest: nvidia"), "{output:?}");
    assert!(!output.contains(ENTER_ALTERNATE_SCREEN), "the screen was taken: {output:?}");
    assert!(!output.contains("\x1b[?1000h"), "the mouse was captured: {output:?}");
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut s = Session::spawn(&["--open", "beijing-gambit"], 100, 30);
    s.wait_for("Huang Flies to Beijing");
    s.wait_until("mouse captured", |screen| screen.mouse_protocol_mode() != vt100::MouseProtocolMode::None);
    let killed = std::process::Command::new("kill").args(["-TERM", &s.pid().to_string()]).status().expect("run kill");
    assert!(killed.success());
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 128 + 15, "exit status {status:?}");
    assert_restored(&s);
}
