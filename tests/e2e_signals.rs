//! The real binary in a pseudo-terminal, stopped from outside the way supervisors, `timeout`
//! and shells do: SIGINT, SIGTERM and SIGHUP end it and SIGTSTP/SIGCONT (or Ctrl-Z) suspend
//! and resume it, each while the search box is open; afterwards the terminal is in cooked
//! mode with echo, on the main screen, with mouse reporting off and the cursor shown.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture or pty")]

#[path = "support/pty.rs"]
#[allow(dead_code, reason = "each test binary uses its own part of the harness")]
mod pty;

use pty::Session;

const ESC: &str = "\x1b";
const CTRL_Z: &str = "\x1a";

/// Starts the reader and opens the search box with a query typed.
fn reader_searching() -> Session {
    let mut s = Session::spawn(&["--open", "beijing-gambit"], 100, 30);
    s.wait_for("Huang Flies to Beijing");
    s.wait_until("mouse captured", |screen| screen.mouse_protocol_mode() != vt100::MouseProtocolMode::None);
    s.send("/");
    s.wait_for("Search — ");
    s.send("huan");
    s.wait_for("/ huan");
    s
}

/// Whether termios' printed flags, like `LocalFlags(ECHO | ICANON)`, include `flag`.
fn has_flag(session: &Session, flag: &str) -> bool {
    session.local_flags().split(|c: char| !c.is_ascii_alphanumeric()).any(|f| f == flag)
}

/// The terminal is as a shell wants it: main screen, mouse off, cursor shown, cooked with echo.
fn assert_given_back(session: &Session) {
    session.wait_until("the main screen, mouse released, cursor shown", |screen| {
        !screen.alternate_screen()
            && screen.mouse_protocol_mode() == vt100::MouseProtocolMode::None
            && !screen.hide_cursor()
    });
    assert!(has_flag(session, "ICANON") && has_flag(session, "ECHO"), "not cooked: {}", session.local_flags());
}

fn ends_on(signal: &str, number: i32) {
    let mut s = reader_searching();
    s.signal(signal);
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), (128 + number) as u32, "SIG{signal}: exit status {status:?}");
    assert_given_back(&s);
}

#[test]
fn sigint_from_outside_gives_the_terminal_back() {
    ends_on("INT", 2);
}

#[test]
fn sigterm_gives_the_terminal_back_with_the_cursor_shown() {
    ends_on("TERM", 15);
}

#[test]
fn sighup_gives_the_terminal_back_with_the_cursor_shown() {
    ends_on("HUP", 1);
}

#[test]
fn sigquit_and_sigusr1_give_the_terminal_back() {
    ends_on("QUIT", 3);
    ends_on("USR1", 10);
}

/// Stopped: the terminal is given back; continued: the reader takes it again with the search
/// box as it was, and still quits cleanly.
fn suspends_and_resumes(stop: impl FnOnce(&mut Session)) {
    let mut s = reader_searching();
    stop(&mut s);
    s.wait_until("the process stopped", |_| s.state() == Some('T'));
    assert_given_back(&s);
    s.signal("CONT");
    s.wait_until("the search box back on the alternate screen", |screen| {
        screen.alternate_screen() && screen.contents().contains("/ huan") && screen.hide_cursor()
    });
    s.wait_until("raw mode again", |_| !has_flag(&s, "ICANON"));
    s.wait_until("mouse captured again", |screen| screen.mouse_protocol_mode() != vt100::MouseProtocolMode::None);
    s.send("s");
    s.wait_for("/ huans");
    s.send(ESC);
    s.wait_until("search closed", |screen| !screen.contents().contains("/ huans"));
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    assert_given_back(&s);
}

#[test]
fn sigtstp_then_sigcont_suspends_and_resumes() {
    suspends_and_resumes(|s| s.signal("TSTP"));
}

#[test]
fn ctrl_z_suspends_like_sigtstp() {
    suspends_and_resumes(|s| s.send(CTRL_Z));
}

#[test]
fn a_dumb_terminal_is_refused_with_a_clear_message() {
    let mut s = Session::spawn_with(&[], &[("TERM", "dumb")], 100, 30);
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 2, "exit status {status:?}");
    let output = String::from_utf8_lossy(&s.bytes()).to_string();
    assert!(
        output.contains(
            "briefing: the reader needs a terminal (TERM=dumb: this terminal cannot move the cursor); use `briefing \
             screen` to print the reader's screen as text, or `briefing export` for the story"
        ),
        "{output:?}"
    );
    assert!(!output.contains("\x1b[?1049h"), "the screen was taken: {output:?}");
}
