//! The search box measured end to end: the release `briefing` in a pseudo-terminal on a
//! synthetic library, a query typed one key at a time, and for each key the time until
//! the screen echoes it and until its results are drawn (the count line updated, no
//! "searching…"). Nothing is asserted; the table goes into `docs/benchmarks.md`.
//!
//! `BRIEFING_SYNTH_DIR=DIR cargo bench --bench search_pty`, with `DIR/lib100k` and
//! `DIR/lib1m` written by `examples/synth`; a library that is missing is skipped.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a benchmark stops loudly when its set-up fails")]
#![allow(clippy::print_stdout, missing_docs, reason = "a benchmark prints its table")]

#[path = "../tests/support/pty.rs"]
#[allow(dead_code)]
mod pty;

use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use pty::Session;

/// How long the reader may take to load a library and build its index.
const START: Duration = Duration::from_secs(300);

/// Polls the screen until `check` holds; the time it took, or `None` after `limit`.
fn until(s: &Session, limit: Duration, mut check: impl FnMut(&str) -> bool) -> Option<Duration> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if s.now(|screen| check(&screen.contents())) {
            return Some(start.elapsed());
        }
        thread::sleep(Duration::from_micros(500));
    }
    None
}

/// Whether the screen shows results for `typed`: the prompt holds it and no reply is due.
fn answered(screen: &str, typed: &str) -> bool {
    let prompt = format!("/ {typed}▏");
    screen.contains(&prompt) && !screen.contains("searching…") && screen.contains(" result")
}

fn measure(dir: &Path, label: &str, queries: &[&str]) {
    let content = dir.to_string_lossy().to_string();
    let started = Instant::now();
    let mut s = Session::spawn(&["--content", &content], 120, 40);
    until(&s, START, |screen| screen.contains("Library")).expect("the reader starts");
    let first_screen = started.elapsed();
    s.send("/");
    s.send("zq");
    until(&s, START, |screen| answered(screen, "zq")).expect("the index is built");
    let ready = started.elapsed();
    println!("\n## {label}: first screen after {first_screen:.1?}, search ready after {ready:.1?}\n");
    println!("| query | key | echo ms | results drawn ms |\n|---|---|---|---|");
    for query in queries {
        // A pause after Esc, so that Esc and / are not read as Alt-/.
        s.send("\x1b");
        thread::sleep(Duration::from_millis(150));
        s.send("/");
        until(&s, START, |screen| screen.contains("Type to search")).expect("the box opens");
        let mut typed = String::new();
        for c in query.chars() {
            typed.push(c);
            let sent = Instant::now();
            s.send(&c.to_string());
            let prompt = format!("/ {typed}▏");
            let echo = until(&s, START, |screen| screen.contains(&prompt)).expect("echo");
            until(&s, START, |screen| answered(screen, &typed)).expect("results");
            let drawn = sent.elapsed();
            println!("| {query} | {typed:?} | {:.1} | {:.1} |", echo.as_secs_f64() * 1e3, drawn.as_secs_f64() * 1e3);
        }
    }
    s.send("\x1b");
    thread::sleep(Duration::from_millis(150));
    s.send("q");
    s.wait_exit();
}

fn main() {
    let Some(root) = std::env::var_os("BRIEFING_SYNTH_DIR").map(PathBuf::from) else {
        println!("set BRIEFING_SYNTH_DIR to a directory with lib100k and lib1m from examples/synth");
        return;
    };
    for label in ["lib100k", "lib1m"] {
        let dir = root.join(label);
        if dir.is_dir() {
            measure(&dir, label, &["mila moroides", "vice chief"]);
        }
    }
}
