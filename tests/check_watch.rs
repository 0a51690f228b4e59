//! `briefing check --watch`: a report at start, and a fresh one after each change to the
//! content directory, natively and by polling; a usage error without `--content`.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture or pipe")]

#[path = "support/isolated.rs"]
mod isolated;

use std::fs;
use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::Duration;

/// A running `check --watch` and the lines of its standard output.
struct Watching {
    child: Child,
    lines: Receiver<String>,
}

impl Watching {
    fn start(dir: &std::path::Path, env: &[(&str, &str)]) -> Watching {
        let mut command = isolated::briefing();
        command.args(["--content", dir.to_str().unwrap(), "check", "--watch"]);
        command.envs(env.iter().copied()).stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = command.spawn().unwrap();
        let (tx, lines) = mpsc::channel();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        thread::spawn(move || stdout.lines().map_while(Result::ok).try_for_each(|line| tx.send(line)));
        Watching { child, lines }
    }

    /// The lines up to and including the next report's summary (`checked …`).
    fn report(&self) -> Vec<String> {
        let mut report = Vec::new();
        loop {
            let line = self.lines.recv_timeout(Duration::from_secs(10)).expect("a report within ten seconds");
            let done = line.starts_with("checked ");
            report.push(line);
            if done {
                return report;
            }
        }
    }

    /// The first line of standard error, once the process has ended.
    fn stop(mut self) -> String {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
        let mut err = String::new();
        std::io::Read::read_to_string(&mut self.child.stderr.take().unwrap(), &mut err).unwrap();
        err
    }
}

fn library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid/two-briefings");
    for entry in fs::read_dir(fixture).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    dir
}

fn reports_each_change(env: &[(&str, &str)]) -> String {
    let dir = library();
    let watching = Watching::start(dir.path(), env);
    let first = watching.report();
    assert!(first.last().unwrap().ends_with(": 0 errors, 0 warnings"), "{first:?}");

    fs::write(dir.path().join("broken.json"), "{\n  \"id\": \"broken\",\n").unwrap();
    let broken = watching.report();
    assert_eq!(broken[0], "", "a blank line between reports");
    assert_eq!(broken[1], format!("── {} changed: checked again ──", dir.path().display()));
    assert!(
        broken.iter().any(|l| l.ends_with("broken.json:3:1: error: truncated JSON: EOF while parsing a value")),
        "{broken:?}"
    );
    assert!(broken.last().unwrap().ends_with(": 1 error, 0 warnings"), "{broken:?}");

    fs::remove_file(dir.path().join("broken.json")).unwrap();
    let fixed = watching.report();
    assert!(fixed.last().unwrap().ends_with(": 0 errors, 0 warnings"), "{fixed:?}");
    watching.stop()
}

#[test]
fn a_fresh_report_follows_every_change() {
    let err = reports_each_change(&[]);
    assert!(err.starts_with("briefing: watching ") && err.contains("for changes; Ctrl-C stops"), "{err}");
}

#[test]
fn polling_reports_the_same_and_says_so_once() {
    let err = reports_each_change(&[("BRIEFING_WATCH", "poll")]);
    assert!(err.contains("by polling every 400 ms (BRIEFING_WATCH=poll)"), "{err}");
    assert_eq!(err.matches("polling").count(), 1, "{err}");
}

#[test]
fn watching_the_bundled_library_is_a_usage_error() {
    let out = isolated::briefing().args(["check", "--watch"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "briefing: check --watch needs --content DIR: the bundled library cannot change\n"
    );
}
