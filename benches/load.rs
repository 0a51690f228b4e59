//! Loading a library, step by step, on synthetic libraries of 10k and 100k entities.
//!
//! `cargo bench --bench load` writes each library once into a temporary directory (see
//! `examples/synth/generate.rs`), then measures: reading the files; parsing them into
//! `format::BriefingFile` (one thread, one thread through `serde_path_to_error` as the loader
//! does, and both cores as the loader does); `load_sources` (parse + validate + indexes);
//! `load_dir` (all of it, from disk); linking one briefing on demand, as the reader does
//! when it opens one; `link_all` on a fresh library, the full pass `check` adds; and the
//! whole `check` pass. Results are written up in `docs/benchmarks.md`.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a benchmark stops loudly when its set-up fails")]
#![allow(clippy::print_stderr, reason = "a benchmark reports extra figures on standard error")]
#![allow(missing_docs, reason = "criterion_group! generates an undocumented function")]

#[path = "../examples/synth/generate.rs"]
mod synth;

use std::hint::black_box;
use std::path::Path;
use std::thread;
use std::time::Duration;

use briefing::library::format::BriefingFile;
use briefing::library::load::read_dir;
use briefing::library::{Input, Library, Options, link, load_dir, load_sources};
use criterion::{BatchSize, Criterion, SamplingMode, criterion_group, criterion_main};

/// Library sizes in entities, with the label used in benchmark names.
const SIZES: [(usize, &str); 2] = [(10_000, "10k"), (100_000, "100k")];

fn load(c: &mut Criterion) {
    for (entities, label) in SIZES {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let summary = synth::write_library(dir.path(), entities).expect("the synthetic library is written");
        eprintln!("library {label}: {summary}");
        let mut group = c.benchmark_group(format!("load_{label}"));
        group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
        group.sampling_mode(SamplingMode::Flat);
        steps(&mut group, dir.path());
        group.finish();
    }
}

type Group<'a> = criterion::BenchmarkGroup<'a, criterion::measurement::WallTime>;

fn steps(group: &mut Group<'_>, dir: &Path) {
    group.bench_function("read", |b| b.iter_with_large_drop(|| read_dir(dir)));
    let (inputs, problems) = read_dir(dir);
    assert!(problems.is_empty(), "the synthetic library reads cleanly");
    group.bench_function("parse_1_thread", |b| b.iter_with_large_drop(|| parse_plain(&inputs)));
    group.bench_function("parse_1_thread_path_to_error", |b| b.iter_with_large_drop(|| parse_tracked(&inputs)));
    group.bench_function("parse_2_threads", |b| b.iter_with_large_drop(|| parse_parallel(&inputs)));
    group.bench_function("load_sources", |b| b.iter_with_large_drop(|| load_sources(&inputs, Options::default())));
    group.bench_function("load_dir", |b| b.iter_with_large_drop(|| load_dir(dir, Options::default())));
    let library = fresh(dir);
    let ids: Vec<_> = library.briefing_ids().collect();
    let mut next = 0;
    group.bench_function("link_one", |b| {
        b.iter(|| {
            next = (next + 1) % ids.len();
            link::link_briefing(&library, ids[next])
        })
    });
    group.bench_function("link_all", |b| {
        let linked = |library: Library| {
            link::link_all(black_box(&library));
            library // dropped after the timing, like every output here
        };
        b.iter_batched(|| fresh(dir), linked, BatchSize::PerIteration)
    });
    let check = Options { lint_mentions: true };
    group.bench_function("check", |b| b.iter_with_large_drop(|| load_sources(&inputs, check)));
}

/// A newly loaded library, none of whose briefings is linked yet.
fn fresh(dir: &Path) -> Library {
    load_dir(dir, Options::default()).expect("the synthetic library loads").library
}

/// serde_json alone, the floor for parsing on one core.
fn parse_plain(inputs: &[Input]) -> Vec<BriefingFile> {
    inputs.iter().map(|i| serde_json::from_slice(&i.bytes).expect("valid JSON")).collect()
}

/// What the loader does per file: UTF-8 check, then serde through `serde_path_to_error`.
fn parse_tracked(inputs: &[Input]) -> Vec<BriefingFile> {
    inputs.iter().map(parse_one).collect()
}

fn parse_one(input: &Input) -> BriefingFile {
    let text = std::str::from_utf8(&input.bytes).expect("UTF-8");
    let mut deserializer = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut deserializer).expect("valid briefing")
}

/// [`parse_tracked`] over the machine's cores, split as the loader splits it.
fn parse_parallel(inputs: &[Input]) -> Vec<BriefingFile> {
    let workers = thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = inputs.len().div_ceil(workers);
    thread::scope(|scope| {
        let handles: Vec<_> = inputs.chunks(chunk).map(|part| scope.spawn(move || parse_tracked(part))).collect();
        handles.into_iter().flat_map(|h| h.join().expect("parser thread")).collect()
    })
}

criterion_group!(benches, load);
criterion_main!(benches);
