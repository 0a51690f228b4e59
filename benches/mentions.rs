//! Cost against the number of mentions in one paragraph: `show` (the card of an entity
//! mentioned in every other word, as text) and the reader's first frame, on the story and
//! on that card, for one paragraph of 7,500, 15,000 and 30,000 mentions. Each step doubles
//! the mentions; linear cost doubles the time.
//!
//! ```text
//! cargo bench --bench mentions
//! ```
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a benchmark stops loudly when its set-up fails")]
#![allow(missing_docs, reason = "criterion_group! generates an undocumented function")]

use std::borrow::Cow;
use std::path::PathBuf;
use std::time::Duration;

use briefing::library::card::Card;
use briefing::library::card_text::card_text;
use briefing::library::{Input, Library, Options, load_sources};
use briefing::reader::app::App;
use briefing::reader::{resolve_open, screen_text};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

/// A briefing whose one paragraph mentions Acme and Bolt `mentions / 2` times each, in one
/// sentence: the case where cost grew with the square of the mentions.
fn library(mentions: usize) -> Library {
    let paragraph = vec!["Acme and Bolt met"; mentions / 2].join(" ") + ".";
    let file = serde_json::json!({
        "id": "big", "headline": "Big", "source": {"publication": "p", "title": "t", "date": "d"},
        "sections": [{"paragraphs": [paragraph]}],
        "entities": [{"id": "acme", "kind": "company", "name": "Acme"}, {"id": "bolt", "kind": "company", "name": "Bolt"}]
    });
    let input = Input { path: PathBuf::from("big.json"), bytes: Cow::Owned(serde_json::to_vec(&file).unwrap()) };
    load_sources(&[input], Options::default()).expect("the library loads").library
}

fn first_frame(library: &Library, open: &str) -> String {
    let app = App::new(library, (120, 40), Some(resolve_open(library, open).unwrap()));
    screen_text(&app)
}

fn mentions(c: &mut Criterion) {
    let mut group = c.benchmark_group("mentions");
    group.sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));
    for n in [7_500, 15_000, 30_000] {
        let library = library(n);
        let acme = library.entity_by_id("acme").unwrap();
        // The library links mentions on first use; link before measuring.
        assert_eq!(Card::new(&library, acme).mentions.len(), n / 2);
        group.bench_with_input(BenchmarkId::new("show", n), &library, |b, l| {
            b.iter(|| card_text(&Card::new(l, acme)).len())
        });
        group.bench_with_input(BenchmarkId::new("first_frame_story", n), &library, |b, l| {
            b.iter(|| first_frame(l, "big").len())
        });
        group.bench_with_input(BenchmarkId::new("first_frame_card", n), &library, |b, l| {
            b.iter(|| first_frame(l, "acme").len())
        });
    }
    group.finish();
}

criterion_group!(benches, mentions);
criterion_main!(benches);
