//! The search box measured end to end: the release `briefing` in a pseudo-terminal on a
//! synthetic library, a query typed one key at a time, and for each key the time until
//! the screen echoes it and until its results are drawn (the count line updated, no
//! "searching…"). Nothing is asserted; the tables go into `docs/benchmarks.md`.
//!
//! Each library is measured from two starts: **cold**, with an empty cache (the reader
//! loads the JSON, builds the index and writes the cache while the keys are typed), and
//! **warm**, from a current cache written beforehand by `briefing search` (the library
//! and the index's postings mapped from it: the usual start after the first). Each query
//! is typed [`TYPINGS`] times in a row, the box closed and opened between typings; the
//! table gives each key's first typing and the median and slowest of all of them.
//!
//! `BRIEFING_SYNTH_DIR=DIR cargo bench --bench search_pty`, with `DIR/lib100k` and
//! `DIR/lib1m` written by `examples/synth`; a library that is missing is skipped. An
//! argument picks the libraries and starts whose label contains it (`lib1m`, `warm`).
//! `BRIEFING_BIN=PATH` measures another build of `briefing` instead of this one's (to
//! compare two commits in one run).
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a benchmark stops loudly when its set-up fails")]
#![allow(clippy::print_stdout, missing_docs, reason = "a benchmark prints its table")]

#[path = "../tests/support/pty.rs"]
#[allow(dead_code)]
mod pty;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use pty::Session;

/// How long the reader may take to load a library and build its index.
const START: Duration = Duration::from_secs(300);

/// How many times each query is typed in one start.
const TYPINGS: usize = 5;

/// The queries typed, letter by letter: a name, a role word and a surname, and a short
/// first key with the most results.
const QUERIES: [&str; 3] = ["mila moroides", "vice chief", "al"];

/// The binary measured: `BRIEFING_BIN`, else this build's.
fn binary() -> PathBuf {
    std::env::var_os("BRIEFING_BIN").map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_briefing")), PathBuf::from)
}

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

/// One key's times over the typings: (echo, results drawn) in milliseconds.
#[derive(Default)]
struct Key {
    typed: String,
    echo: Vec<f64>,
    drawn: Vec<f64>,
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted[sorted.len() / 2]
}

fn slowest(values: &[f64]) -> f64 {
    values.iter().copied().fold(0.0, f64::max)
}

/// Types `query` once, key by key, adding each key's times to `keys`.
fn type_once(s: &mut Session, query: &str, keys: &mut Vec<Key>) {
    // A pause after Esc, so that Esc and / are not read as Alt-/.
    s.send("\x1b");
    thread::sleep(Duration::from_millis(150));
    s.send("/");
    until(s, START, |screen| screen.contains("Type to search")).expect("the box opens");
    let mut typed = String::new();
    for (i, c) in query.chars().enumerate() {
        typed.push(c);
        let sent = Instant::now();
        s.send(&c.to_string());
        let prompt = format!("/ {typed}▏");
        let echo = until(s, START, |screen| screen.contains(&prompt)).expect("echo");
        until(s, START, |screen| answered(screen, &typed)).expect("results");
        let drawn = sent.elapsed();
        if keys.len() <= i {
            keys.push(Key { typed: typed.clone(), ..Key::default() });
        }
        keys[i].echo.push(echo.as_secs_f64() * 1e3);
        keys[i].drawn.push(drawn.as_secs_f64() * 1e3);
    }
}

/// Starts the reader on `dir` (through the cache in `cache`, if any), types every query
/// [`TYPINGS`] times and prints the table.
fn measure(dir: &Path, label: &str, cache: Option<&Path>) {
    let content = dir.to_string_lossy().to_string();
    let mut args = vec!["--no-state".to_string(), "--content".into(), content];
    if let Some(cache) = cache {
        args.extend(["--cache".into(), cache.to_string_lossy().to_string()]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let started = Instant::now();
    let mut s = Session::spawn_program(&binary(), &args, &[], 120, 40);
    until(&s, START, |screen| screen.contains("Library")).expect("the reader starts");
    let first_screen = started.elapsed();
    s.send("/");
    s.send("zq");
    until(&s, START, |screen| answered(screen, "zq")).expect("the index is ready");
    let ready = started.elapsed();
    println!("\n## {label}: first screen after {first_screen:.2?}, search ready after {ready:.2?}\n");
    println!("| query | key | echo ms, median | results drawn ms: first typing | median | slowest |");
    println!("|---|---|---|---|---|---|");
    for query in QUERIES {
        let mut keys = Vec::new();
        for _ in 0..TYPINGS {
            type_once(&mut s, query, &mut keys);
        }
        for key in &keys {
            println!(
                "| {query} | {:?} | {:.1} | {:.1} | {:.1} | {:.1} |",
                key.typed,
                median(&key.echo),
                key.drawn[0],
                median(&key.drawn),
                slowest(&key.drawn)
            );
        }
    }
    println!("\n{}", memory(&s, dir));
    s.send("\x1b");
    thread::sleep(Duration::from_millis(150));
    s.send("q");
    s.wait_exit();
}

/// The reader's memory after the typing, from `/proc`: its peak resident size and what it
/// holds now, beside the size of the library's JSON.
fn memory(s: &Session, dir: &Path) -> String {
    let mb = |field: &str| s.status_kb(field) / 1024;
    format!(
        "reader's memory after the typing: peak {} MB, resident {} MB ({} MB anonymous, {} MB of files); \
         the library's JSON: {} MB",
        mb("VmHWM:"),
        mb("VmRSS:"),
        mb("RssAnon:"),
        mb("RssFile:"),
        bytes_under(dir) / (1024 * 1024)
    )
}

/// The bytes of every file under `dir`.
fn bytes_under(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
    entries
        .flatten()
        .map(|e| match e.file_type() {
            Ok(t) if t.is_dir() => bytes_under(&e.path()),
            _ => e.metadata().map_or(0, |m| m.len()),
        })
        .sum()
}

/// Writes a current cache of `dir`, its index included, into `cache` with the binary
/// measured (the cache is keyed on the binary).
fn write_cache(dir: &Path, cache: &Path) {
    let status = Command::new(binary())
        .args(["--no-state", "--cache"])
        .arg(cache)
        .arg("--content")
        .arg(dir)
        .args(["search", "zq"])
        .stdout(std::process::Stdio::null())
        .status()
        .expect("run briefing search");
    assert!(status.code().is_some_and(|c| c <= 1), "briefing search writes the cache");
}

fn main() {
    let Some(root) = std::env::var_os("BRIEFING_SYNTH_DIR").map(PathBuf::from) else {
        println!("set BRIEFING_SYNTH_DIR to a directory with lib100k and lib1m from examples/synth");
        return;
    };
    let only: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let wanted = |label: &str| only.as_deref().is_none_or(|o| label.contains(o));
    for name in ["lib100k", "lib1m"] {
        let dir = root.join(name);
        if !dir.is_dir() {
            continue;
        }
        let cold = format!("{name}, cold start");
        if wanted(&cold) {
            measure(&dir, &cold, None);
        }
        let warm = format!("{name}, warm start");
        if wanted(&warm) {
            let cache = tempfile::tempdir().expect("a cache directory");
            write_cache(&dir, cache.path());
            measure(&dir, &warm, Some(cache.path()));
        }
    }
}
