//! Search speed on synthetic libraries of 100k and 1M *entities*: queries typed one letter
//! at a time, as the reader sends them, each keystroke timed as the reader's worker runs
//! it (the search, then the 200 rows it shows with their highlights). Queries: a person's
//! name (one word, then two), a surname with a word of the role (terms in two fields), two
//! words of a story sentence, and every single letter a–z (a first keystroke matches the
//! most).
//!
//! `cargo bench --bench search`; results are written up in `docs/benchmarks.md`. The
//! libraries are generated into a temporary directory; set `BRIEFING_SYNTH_DIR` to a
//! directory holding `lib100k` and `lib1m` from `examples/synth` to reuse them.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a benchmark stops loudly when its set-up fails")]
#![allow(clippy::print_stdout, reason = "a benchmark prints its table")]

#[path = "../examples/synth/generate.rs"]
mod synth;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use briefing::library::{Kind, Library, Options, load_dir};
use briefing::reader::searcher::answer;
use briefing::search::{Index, Session};

/// The reader's allocator (see `src/main.rs`), so that a keystroke allocates as it does there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Times each keystroke is typed; the table shows the median and the slowest.
const RUNS: usize = 9;

fn library(entities: usize, label: &str) -> (Option<tempfile::TempDir>, Library) {
    let reuse = std::env::var_os("BRIEFING_SYNTH_DIR").map(|d| PathBuf::from(d).join(label));
    let (temp, dir) = match reuse.filter(|d| d.is_dir()) {
        Some(dir) => (None, dir),
        None => {
            let temp = tempfile::tempdir().expect("a temporary directory");
            synth::write_library(temp.path(), entities).expect("the synthetic library is written");
            let dir = temp.path().to_path_buf();
            (Some(temp), dir)
        }
    };
    let library = load_dir(&dir, Options::default()).expect("the synthetic library loads").library;
    (temp, library)
}

/// The queries to type, from the library itself.
fn queries(library: &Library) -> Vec<(&'static str, String)> {
    let person = library
        .entity_ids()
        .map(|e| library.entity(e))
        .find(|e| e.kind == Kind::Person && e.name.is_ascii() && e.name.len() >= 12 && !e.role.is_empty())
        .expect("a person with a long ASCII name and a role");
    let name = person.name.to_lowercase();
    let surname = name.split(' ').next_back().unwrap_or_default().to_string();
    let role_word = person.role.split(' ').next().unwrap_or_default().to_lowercase();
    let sentence = &library.briefing(library.briefing_ids().next().unwrap()).paragraphs[0].text;
    let words: Vec<String> =
        sentence.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 4).map(str::to_lowercase).take(2).collect();
    vec![
        ("name, 12 letters", name.chars().take(12).collect()),
        ("surname + role word", format!("{surname} {role_word}")),
        ("two story words", words.join(" ")),
    ]
}

/// Types `query` letter by letter `RUNS` times with one session, as the reader's worker
/// keeps one; per keystroke, (median, slowest).
fn type_query(library: &Library, index: &Index<'_>, query: &str) -> Vec<(String, Duration, Duration)> {
    let prefixes: Vec<String> = (1..=query.chars().count()).map(|k| query.chars().take(k).collect()).collect();
    let mut times = vec![Vec::new(); prefixes.len()];
    let mut results = vec![0; prefixes.len()];
    let mut session = Session::default();
    for _ in 0..RUNS {
        for (k, prefix) in prefixes.iter().enumerate() {
            let start = Instant::now();
            let reply = answer(library, index, &mut session, 0, prefix);
            times[k].push(start.elapsed());
            results[k] = reply.total;
        }
    }
    prefixes
        .into_iter()
        .zip(times)
        .zip(results)
        .map(|((p, mut t), n)| {
            t.sort();
            (format!("{p:?} ({n} results)"), t[t.len() / 2], t[t.len() - 1])
        })
        .collect()
}

/// Every letter as a first keystroke, the alphabet typed `RUNS` times over so that no
/// letter follows itself: the letter with the slowest median, (median, slowest).
fn letters(library: &Library, index: &Index<'_>) -> (String, Duration, Duration) {
    let mut session = Session::default();
    let mut times: Vec<(char, Vec<Duration>, usize)> = ('a'..='z').map(|c| (c, Vec::new(), 0)).collect();
    for _ in 0..RUNS {
        for (c, t, n) in &mut times {
            let start = Instant::now();
            *n = answer(library, index, &mut session, 0, &c.to_string()).total;
            t.push(start.elapsed());
        }
    }
    let mut stats: Vec<(String, Duration, Duration)> = times
        .into_iter()
        .map(|(c, mut t, n)| {
            t.sort();
            (format!("{c:?} ({n} results)"), t[t.len() / 2], t[t.len() - 1])
        })
        .collect();
    stats.sort_by_key(|s| s.1);
    stats.pop().expect("26 letters")
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1e3)
}

fn main() {
    let filter: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    for (entities, label) in [(100_000, "lib100k"), (1_000_000, "lib1m")] {
        if !filter.is_empty() && !filter.iter().any(|f| label.contains(f.as_str())) {
            continue;
        }
        let (_temp, library) = library(entities, label);
        let start = Instant::now();
        let index = Index::new(&library);
        println!(
            "\n## {label}: {} entities, {} destinations, {} word postings; index built in {} ms\n",
            library.entity_count(),
            index.len(),
            index.postings(),
            start.elapsed().as_millis()
        );
        println!("| query | keystroke | median ms | slowest ms |\n|---|---|---|---|");
        let mut worst = Duration::ZERO;
        for (what, query) in queries(&library) {
            for (prefix, median, slowest) in type_query(&library, &index, &query) {
                println!("| {what} | {prefix} | {} | {} |", ms(median), ms(slowest));
                worst = worst.max(slowest);
            }
        }
        let (letter, median, slowest) = letters(&library, &index);
        println!("| every letter a–z as a first key | slowest: {letter} | {} | {} |", ms(median), ms(slowest));
        worst = worst.max(slowest);
        println!("\n{label}: slowest keystroke of all: {} ms", ms(worst));
    }
}
