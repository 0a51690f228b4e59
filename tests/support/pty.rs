//! Drives the real `briefing` binary in a pseudo-terminal, as a person at a terminal
//! would: keys go in as bytes, output is fed to a vt100 parser by a background thread,
//! and every check polls the parsed screen until it holds or a deadline passes — then
//! fails with the screen in the message.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// How long any one expectation may take before the test fails.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// How often the screen is looked at while waiting.
const POLL: Duration = Duration::from_millis(5);

/// How long the screen must stay unchanged to count as fully redrawn.
const SETTLE: Duration = Duration::from_millis(60);

/// What the terminal has received so far.
struct Output {
    parser: vt100::Parser,
    bytes: Vec<u8>,
}

/// A running `briefing` in its own pseudo-terminal.
pub struct Session {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    output: Arc<Mutex<Output>>,
    reader: Option<JoinHandle<()>>,
    /// The session's own XDG state, config and cache homes, removed with it: the real
    /// home is never read or written by a test.
    _home: tempfile::TempDir,
}

impl Session {
    /// Starts the binary with `args` in a `cols`×`rows` terminal with TERM=xterm-256color.
    pub fn spawn(args: &[&str], cols: u16, rows: u16) -> Session {
        Session::spawn_with(args, &[], cols, rows)
    }

    /// Starts the binary as [`Session::spawn`] does, with `env` set on top.
    pub fn spawn_with(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Session {
        Session::spawn_program(env!("CARGO_BIN_EXE_briefing").as_ref(), args, env, cols, rows)
    }

    /// Starts `program` (a `briefing` binary: this build's, or another to compare it with)
    /// as [`Session::spawn_with`] does.
    pub fn spawn_program(
        program: &std::path::Path,
        args: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> Session {
        let pair = native_pty_system().openpty(size(cols, rows)).expect("open a pty");
        let mut command = CommandBuilder::new(program);
        command.args(args);
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        command.env_remove("BRIEFING_STATE_DIR");
        let home = tempfile::tempdir().expect("a temporary home");
        for var in ["XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"] {
            command.env(var, home.path().join(var));
        }
        for (key, value) in env {
            command.env(key, value);
        }
        command.cwd(env!("CARGO_MANIFEST_DIR"));
        let child = pair.slave.spawn_command(command).expect("spawn briefing");
        drop(pair.slave);
        let output = Arc::new(Mutex::new(Output { parser: vt100::Parser::new(rows, cols, 0), bytes: Vec::new() }));
        let reader = pair.master.try_clone_reader().expect("pty reader");
        let reader = Some(thread::spawn({
            let output = Arc::clone(&output);
            move || pump(reader, &output)
        }));
        let writer = pair.master.take_writer().expect("pty writer");
        Session { master: pair.master, writer, child, output, reader, _home: home }
    }

    fn output(&self) -> MutexGuard<'_, Output> {
        self.output.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Types `keys` (raw bytes: "\t" Tab, "\r" Enter, "\x7f" Backspace, "\x1b" Esc).
    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write to the pty");
        self.writer.flush().expect("flush the pty");
    }

    /// The screen as plain text, one line per row.
    pub fn text(&self) -> String {
        self.output().parser.screen().contents()
    }

    /// The screen with its attributes, to tell when a redraw changed only styles.
    pub fn formatted(&self) -> Vec<u8> {
        self.output().parser.screen().contents_formatted()
    }

    /// Everything the program wrote, escape sequences included.
    pub fn bytes(&self) -> Vec<u8> {
        self.output().bytes.clone()
    }

    /// Waits until `check` holds for the parsed screen; fails after [`TIMEOUT`] with `what`
    /// and the screen.
    pub fn wait_until(&self, what: &str, mut check: impl FnMut(&vt100::Screen) -> bool) {
        let start = Instant::now();
        loop {
            if check(self.output().parser.screen()) {
                return;
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out after {TIMEOUT:?} waiting for {what}; the screen:\n{}", self.text());
            }
            thread::sleep(POLL);
        }
    }

    /// Waits until `text` is on screen.
    pub fn wait_for(&self, text: &str) {
        self.wait_until(&format!("`{text}`"), |screen| screen.contents().contains(text));
    }

    /// Waits until the screen (text or attributes) differs from `before` and then stays the
    /// same for a moment, so a frame that arrives in pieces is looked at whole.
    pub fn wait_for_redraw(&self, before: &[u8]) {
        self.wait_until("the screen to change", |screen| screen.contents_formatted() != before);
        self.settle();
    }

    /// Waits until the screen has stayed the same for a moment: a frame that arrives in
    /// pieces has finished.
    pub fn settle(&self) {
        let mut last = self.formatted();
        let mut quiet_since = Instant::now();
        self.wait_until("the screen to settle", |screen| {
            let now = screen.contents_formatted();
            if now != last {
                last = now;
                quiet_since = Instant::now();
            }
            quiet_since.elapsed() >= SETTLE
        });
    }

    /// Looks at the screen now.
    pub fn now<T>(&self, look: impl FnOnce(&vt100::Screen) -> T) -> T {
        look(self.output().parser.screen())
    }

    /// Resizes the terminal, as a window manager would.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.output().parser.screen_mut().set_size(rows, cols);
        self.master.resize(size(cols, rows)).expect("resize the pty");
    }

    /// Sends `signal` (a name `kill` knows: TERM, INT, TSTP…) to the program.
    pub fn signal(&self, signal: &str) {
        let sent = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &self.pid().to_string()])
            .status()
            .expect("run kill");
        assert!(sent.success(), "kill -{signal} failed");
    }

    /// The child's process state letter from `/proc` (`S` sleeping, `T` stopped).
    pub fn state(&self) -> Option<char> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).ok()?;
        stat.rsplit_once(") ").and_then(|(_, rest)| rest.chars().next())
    }

    /// A line of the child's `/proc` status in kB (`VmHWM:`, `RssAnon:` …); 0 where there
    /// is none.
    pub fn status_kb(&self, field: &str) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid())).unwrap_or_default();
        let line = status.lines().find(|l| l.starts_with(field)).unwrap_or_default();
        line.split_whitespace().nth(1).and_then(|n| n.parse().ok()).unwrap_or(0)
    }

    /// The child's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    /// The terminal's local mode flags (ICANON, ECHO…) as termios prints them.
    pub fn local_flags(&self) -> String {
        let termios = self.master.get_termios().expect("termios of the pty");
        format!("{:?}", termios.local_flags)
    }

    /// Waits for the program to exit and for its last output to be read.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("poll the child") {
                break status;
            }
            if start.elapsed() > TIMEOUT {
                panic!("briefing did not exit within {TIMEOUT:?}; the screen:\n{}", self.text());
            }
            thread::sleep(POLL);
        };
        if let Some(reader) = self.reader.take() {
            while !reader.is_finished() && start.elapsed() < TIMEOUT * 2 {
                thread::sleep(POLL);
            }
            if reader.is_finished() {
                reader.join().expect("the pty reader thread");
            }
        }
        status
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }
}

/// Feeds the pty's output to the parser until the program's side closes.
fn pump(mut reader: Box<dyn Read + Send>, output: &Mutex<Output>) {
    let mut buffer = [0u8; 8192];
    while let Ok(n @ 1..) = reader.read(&mut buffer) {
        let mut output = output.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        output.parser.process(&buffer[..n]);
        output.bytes.extend_from_slice(&buffer[..n]);
    }
}

/// Row and column of the first occurrence of `text` on screen.
pub fn position(screen: &vt100::Screen, text: &str) -> Option<(u16, u16)> {
    let (rows, cols) = screen.size();
    let wanted: Vec<String> = text.chars().map(String::from).collect();
    (0..rows).find_map(|row| {
        let line: Vec<(u16, String)> = (0..cols)
            .filter_map(|col| Some((col, screen.cell(row, col)?)))
            .filter(|(_, cell)| !cell.is_wide_continuation())
            .map(|(col, cell)| (col, if cell.has_contents() { cell.contents().to_string() } else { " ".into() }))
            .collect();
        (0..line.len())
            .find(|&start| line[start..].iter().map(|(_, s)| s).take(wanted.len()).eq(wanted.iter()))
            .map(|start| (row, line[start].0))
    })
}

/// Whether every cell of the first `text` on screen (single-width characters) is drawn in
/// reverse video.
pub fn is_reversed(screen: &vt100::Screen, text: &str) -> bool {
    is_reversed_within(screen, text, text)
}

/// Whether `part` of the first `text` on screen is drawn in reverse video, as a focused link
/// is: `is_reversed_within(screen, "CEO of → ■Nvidia", "■Nvidia")`.
pub fn is_reversed_within(screen: &vt100::Screen, text: &str, part: &str) -> bool {
    let Some(offset) = text.find(part).map(|at| text[..at].chars().count() as u16) else { return false };
    position(screen, text).is_some_and(|(row, col)| {
        let start = col + offset;
        (start..start + part.chars().count() as u16).all(|c| screen.cell(row, c).is_some_and(|cell| cell.inverse()))
    })
}
