//! Loading and saving the reader's state at 10,000 bookmarks and 100,000 read marks.
//!
//! `cargo bench --bench state` writes such a state once into a temporary directory, then
//! measures: `save` (one change written atomically with both fsyncs, the files unchanged
//! on disk since, as a debounced save mostly is: just the changes file); `load` (read and
//! parse both files and merge the changes over the whole, as start-up does);
//! `save_whole` (a save after one read mark in six changed, more than the changes file holds
//! before it is folded in: the whole state is written); and `save_merge` (a save after
//! another reader wrote: re-read, merge per key, write). Results are written up in
//! `docs/benchmarks.md`.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a benchmark stops loudly when its set-up fails")]
#![allow(missing_docs, reason = "criterion_group! generates an undocumented function")]

use std::hint::black_box;
use std::time::Duration;

use briefing::state::file::{self, Loaded};
use briefing::state::{Bookmark, Mark, Marked, MentionAt, Place, State, Store};
use criterion::{Criterion, criterion_group, criterion_main};

const BOOKMARKS: usize = 10_000;
const MARKS: usize = 100_000;

/// A state of the benchmark's size, with ids shaped like real ones.
fn big_state() -> State {
    let mut state = State::new();
    for i in 0..MARKS {
        let mark = Mark {
            at: 1_764_000_000_000 + i as u64,
            opened: true,
            finished: i % 3 == 0,
            hash: 0x9e37_79b9_7f4a_7c15u64.wrapping_mul(i as u64),
            place: (i % 2 == 0).then_some(Place::Paragraph {
                paragraph: (i % 40) as u32,
                fingerprint: 0x85eb_ca6bu32.wrapping_mul(i as u32),
                line: 1,
                link: Some(MentionAt { paragraph: (i % 40) as u32, nth: (i % 7) as u32 }),
            }),
        };
        state.briefings.insert(&format!("briefing-{i:06}"), mark);
    }
    for i in 0..BOOKMARKS {
        let target = match i % 3 {
            0 => Marked::Entity { entity: format!("entity-{i:06}") },
            1 => Marked::Briefing { briefing: format!("briefing-{i:06}") },
            _ => Marked::Paragraph { briefing: format!("briefing-{i:06}"), paragraph: i % 30 },
        };
        let label = format!("Label of bookmark {i}");
        state.bookmarks.insert(&target.key(), Bookmark { at: i as u64, target, label, note: None, removed: false });
    }
    state
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(file::FILE_NAME);
    let store = Store::open(Some(dir.path()));
    store.change(|s, _| *s = big_state());
    store.flush();
    let size = std::fs::metadata(&path).unwrap().len();
    let mut group = c.benchmark_group(format!("state_{BOOKMARKS}_bookmarks_{MARKS}_marks_{}kB", size / 1000));
    group.sample_size(20).measurement_time(Duration::from_secs(4));
    let mut i = 0u64;
    group.bench_function("save", |b| {
        b.iter(|| {
            i += 1;
            store.change(|s, now| s.briefings.entry("briefing-000001").at = now + i);
            store.flush();
        })
    });
    group.bench_function("load", |b| b.iter(|| assert!(matches!(black_box(file::read(dir.path())), Loaded::Read(_)))));
    group.bench_function("save_whole", |b| {
        b.iter(|| {
            i += 1;
            store.change(|s, now| {
                for n in (0..MARKS).step_by(6) {
                    s.briefings.entry(&format!("briefing-{n:06}")).at = now + i;
                }
            });
            store.flush();
        })
    });
    let other = Store::open(Some(dir.path()));
    group.bench_function("save_merge", |b| {
        b.iter(|| {
            i += 1;
            other.change(|s, now| s.briefings.entry("briefing-000002").at = now + i);
            other.flush();
            store.change(|s, now| s.briefings.entry("briefing-000003").at = now + i);
            store.flush();
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
