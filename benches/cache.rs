//! The library cache against loading the JSON, on synthetic libraries of 10k and 100k
//! entities (`examples/synth/generate.rs`).
//!
//! `cargo bench --bench cache` measures, per size: `json` — `load_dir`, what every start
//! cost before the cache; `index_build` — building the search index; `cold_and_write` — a
//! miss: loading the JSON, then writing the cache of the library and its (built) index; `warm` — opening a current cache (stamp every file,
//! read and check the library's part, rebuild the library); `warm_index` — reading the
//! index's part back. Results are written up in `docs/benchmarks.md`.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a benchmark stops loudly when its set-up fails")]
#![allow(clippy::print_stderr, reason = "a benchmark reports extra figures on standard error")]
#![allow(missing_docs, reason = "criterion_group! generates an undocumented function")]

#[path = "../examples/synth/generate.rs"]
mod synth;

use std::path::Path;
use std::time::Duration;

use briefing::cache::{self, Loaded};
use briefing::library::{Options, load_dir};
use briefing::search::Index;
use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};

/// Library sizes in entities, with the label used in benchmark names.
const SIZES: [(usize, &str); 2] = [(10_000, "10k"), (100_000, "100k")];

fn cache(c: &mut Criterion) {
    for (entities, label) in SIZES {
        let content = tempfile::tempdir().expect("a temporary directory");
        let summary = synth::write_library(content.path(), entities).expect("the synthetic library is written");
        eprintln!("library {label}: {summary}");
        let caches = tempfile::tempdir().expect("a temporary directory");
        let file = cache::file_for(caches.path(), content.path());
        let mut group = c.benchmark_group(format!("cache_{label}"));
        group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
        group.sampling_mode(SamplingMode::Flat);
        steps(&mut group, content.path(), &file);
        group.finish();
    }
}

type Group<'a> = criterion::BenchmarkGroup<'a, criterion::measurement::WallTime>;

fn steps(group: &mut Group<'_>, content: &Path, file: &Path) {
    group.bench_function("json", |b| b.iter_with_large_drop(|| load_dir(content, Options::default()).unwrap()));
    let library = load_dir(content, Options::default()).unwrap().library;
    group.bench_function("index_build", |b| b.iter_with_large_drop(|| Index::new(&library).len()));
    let index = Index::new(&library);
    group.bench_function("cold_and_write", |b| {
        b.iter(|| {
            std::fs::remove_file(file).ok();
            let cold = cache::load(content, file, Options::default()).unwrap();
            cold.pending.expect("a cache to write").write(&cold.library, index.tables()).unwrap();
        })
    });
    let warm = || cache::load(content, file, Options::default()).unwrap();
    assert!(warm().pending.is_none(), "the cache holds the library and its index");
    group.bench_function("warm", |b| b.iter_with_large_drop(warm));
    group.bench_function("warm_index", |b| {
        b.iter_with_large_drop(|| {
            let Loaded { library, index, .. } = warm();
            let len = Loaded::index(&library, index).len();
            (library, len)
        })
    });
}

criterion_group!(benches, cache);
criterion_main!(benches);
