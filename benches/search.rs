//! Search speed on synthetic libraries at about 10k, 100k and 1M candidates: the first
//! keystroke of a 12-letter query (a full scan) and each further keystroke (narrowing the
//! previous matches), plus typing the whole query. Before the criterion runs, the same
//! queries go through `fzf --filter` on the same candidate strings, when fzf is installed,
//! and the two are printed side by side as ratios measured in one run.
//!
//! `cargo bench --bench search`; results are written up in `docs/benchmarks.md`.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a benchmark stops loudly when its set-up fails")]
#![allow(clippy::print_stderr, reason = "a benchmark reports extra figures on standard error")]
#![allow(missing_docs, reason = "criterion_group! generates an undocumented function")]

#[path = "../examples/synth/mod.rs"]
mod synth;

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use briefing::library::{Kind, Library, Options, load_dir};
use briefing::search::{self, Candidate, Index, Query, Session};
use criterion::{BatchSize, Criterion};

/// Rows the reader asks for.
const LIMIT: usize = 200;

/// Candidate counts, with the library (in entities) that holds at least that many.
const SIZES: [(usize, usize, &str); 3] =
    [(10_000, 10_000, "10k"), (100_000, 30_000, "100k"), (1_000_000, 250_000, "1m")];

fn library(entities: usize) -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    synth::write_library(dir.path(), entities).expect("the synthetic library is written");
    let library = load_dir(dir.path(), Options::default()).expect("the synthetic library loads").library;
    (dir, library)
}

/// The query: the first 12 letters of a person's name, lower-cased, as a reader types it.
fn query(library: &Library) -> String {
    let name = library
        .entities
        .iter()
        .filter(|e| e.kind == Kind::Person && e.name.is_ascii())
        .map(|e| e.name.to_lowercase())
        .find(|n| n.chars().count() >= 12)
        .expect("a person with a name of 12 letters or more");
    name.chars().take(12).collect()
}

/// The first `n` candidates of the library's index.
fn first<'l>(index: &Index<'l>, n: usize) -> Index<'l> {
    assert!(index.candidates.len() >= n, "the library has {} candidates, fewer than {n}", index.candidates.len());
    Index::from_candidates(index.candidates[..n].to_vec())
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    for (candidates, entities, label) in SIZES {
        let (_dir, library) = library(entities);
        let full = Index::new(&library);
        let index = first(&full, candidates);
        let q = query(&library);
        eprintln!("search_{label}: {} candidates from {} entities, query {q:?}", index.candidates.len(), entities);
        compare_with_fzf(&index, &q, label);
        let mut group = criterion.benchmark_group(format!("search_{label}"));
        group.sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2));
        keystrokes(&mut group, &index, &q);
        group.finish();
    }
    criterion.final_summary();
}

type Group<'a> = criterion::BenchmarkGroup<'a, criterion::measurement::WallTime>;

/// Keystroke 1 scans everything; keystroke k narrows the matches of keystroke k − 1.
fn keystrokes(group: &mut Group<'_>, index: &Index<'_>, q: &str) {
    let prefix = |k: usize| -> String { q.chars().take(k).collect() };
    group.bench_function("keystroke_01", |b| b.iter(|| search::search(index, &Query::parse(&prefix(1)), LIMIT)));
    for k in 2..=12 {
        let mut before = Session::default();
        for j in 1..k {
            before.search(index, &Query::parse(&prefix(j)), LIMIT);
        }
        let typed = Query::parse(&prefix(k));
        group.bench_function(format!("keystroke_{k:02}"), |b| {
            b.iter_batched(|| before.clone(), |mut s| s.search(index, &typed, LIMIT), BatchSize::LargeInput)
        });
    }
    group.bench_function("all_12_keystrokes", |b| {
        b.iter(|| {
            let mut session = Session::default();
            (1..=12).map(|k| session.search(index, &Query::parse(&prefix(k)), LIMIT).total).sum::<usize>()
        })
    });
    group.bench_function("fresh_12_letters", |b| b.iter(|| search::search(index, &Query::parse(q), LIMIT)));
}

/// Times `fzf --filter` and our fresh search on the same strings and queries, in one run.
fn compare_with_fzf(index: &Index<'_>, q: &str, label: &str) {
    if Command::new("fzf").arg("--version").output().is_err() {
        eprintln!("fzf_{label}: fzf is not installed (apt-get install fzf); comparison skipped");
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = dir.path().join("candidates.txt");
    write_candidates(&index.candidates, &file);
    for k in [1, 4, 12] {
        let typed: String = q.chars().take(k).collect();
        let fzf = median(|| run_fzf(&file, &typed));
        let ours = median(|| {
            let start = Instant::now();
            std::hint::black_box(search::search(index, &Query::parse(&typed), LIMIT));
            start.elapsed()
        });
        eprintln!(
            "fzf_{label} {k:>2} letters: fzf --filter {:>9.3} ms, briefing {:>9.3} ms, fzf/briefing {:>6.1}x",
            ms(fzf),
            ms(ours),
            fzf.as_secs_f64() / ours.as_secs_f64()
        );
    }
}

fn write_candidates(candidates: &[Candidate<'_>], file: &Path) {
    let mut out = std::io::BufWriter::new(fs::File::create(file).expect("create the candidate file"));
    for c in candidates {
        writeln!(out, "{}", c.text.replace('\n', " ")).expect("write a candidate");
    }
}

fn run_fzf(file: &Path, query: &str) -> Duration {
    let input = fs::File::open(file).expect("open the candidate file");
    let start = Instant::now();
    let status =
        Command::new("fzf").args(["--filter", query]).stdin(input).stdout(Stdio::null()).status().expect("run fzf");
    let elapsed = start.elapsed();
    assert!(status.code().is_some_and(|c| c <= 1), "fzf failed: {status}");
    elapsed
}

fn median(mut run: impl FnMut() -> Duration) -> Duration {
    let mut times: Vec<Duration> = (0..7).map(|_| run()).collect();
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
