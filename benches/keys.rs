//! What the configurable key table costs per key press and per frame: dispatching a key
//! (a single key, and the second key of a sequence), the status-bar hints a frame draws,
//! the help's rows, and reading and merging a configuration file at start.
//!
//! `cargo bench --bench keys`; results are written up in `docs/benchmarks.md`.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a benchmark stops loudly when its set-up fails")]
#![allow(missing_docs, reason = "criterion_group! generates an undocumented function")]

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use briefing::config::Key;
use briefing::config::parse::parse;
use briefing::reader::config::default_text;
use briefing::reader::help;
use briefing::reader::keymap::{Context, Keymap, Names};
use criterion::{Criterion, criterion_group, criterion_main};

const READING: [Context; 2] = [Context::Reading, Context::Global];

fn keys(c: &mut Criterion) {
    let map = Keymap::defaults();
    let (j, g, esc) = (Key::parse("j").unwrap(), Key::parse("g").unwrap(), Key::parse("Esc").unwrap());
    let text = default_text();
    let mut group = c.benchmark_group("keys");
    group.warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2));
    group.bench_function("dispatch_j", |b| b.iter(|| map.dispatch(black_box(&READING), &[], black_box(j))));
    group.bench_function("dispatch_esc_global", |b| b.iter(|| map.dispatch(black_box(&READING), &[], black_box(esc))));
    group.bench_function("dispatch_g_g", |b| b.iter(|| map.dispatch(black_box(&READING), &[g], black_box(g))));
    group.bench_function("hints_per_frame", |b| b.iter(|| map.hints(black_box(&READING))));
    group.bench_function("help_rows", |b| b.iter(|| help::rows(black_box(&map))));
    group.bench_function("read_and_merge_the_full_default_file", |b| {
        b.iter(|| {
            let (settings, _) = parse::<Names>(Path::new("config.toml"), black_box(&text));
            Keymap::defaults().merged(&settings.bindings, Path::new("config.toml"))
        })
    });
    group.finish();
}

criterion_group!(benches, keys);
criterion_main!(benches);
