//! Drawing a full 200×50 frame of the reader into a buffer on the 100k-entity synthetic
//! library: the story, an entity card, the navigator, the search box with results and the
//! figures chart; and frames drawn while a search over about 1M candidates runs on the
//! other core, as the reader does on a large library.
//!
//! `cargo bench --bench frame`; results are written up in `docs/benchmarks.md`.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a benchmark stops loudly when its set-up fails")]
#![allow(clippy::print_stderr, reason = "a benchmark reports extra figures on standard error")]
#![allow(missing_docs, reason = "criterion_group! generates an undocumented function")]

#[path = "../examples/synth/generate.rs"]
mod synth;

use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use briefing::library::{Library, Options, load_dir};
use briefing::reader::action::{Action, Pane};
use briefing::reader::app::App;
use briefing::reader::theme::Theme;
use briefing::reader::ui;
use briefing::reader::views::ViewKind;
use briefing::search::{self, Index, Query};
use criterion::Criterion;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZE: (u16, u16) = (200, 50);

fn library(entities: usize) -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    synth::write_library(dir.path(), entities).expect("the synthetic library is written");
    let library = load_dir(dir.path(), Options::default()).expect("the synthetic library loads").library;
    (dir, library)
}

fn app<'l>(library: &'l Library, actions: &[Action]) -> App<'l> {
    let mut app = App::new(library, SIZE, None);
    app.theme = Theme::new(true);
    for &action in actions {
        app.update(action);
    }
    app
}

fn typed(text: &str) -> Vec<Action> {
    std::iter::once(Action::StartSearch).chain(text.chars().map(Action::Type)).collect()
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    let (_dir, library) = library(100_000);
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("a test terminal");
    let open_story = [Action::Focus(Pane::Navigator), Action::Down, Action::Follow];
    let screens: Vec<(&str, Vec<Action>)> = vec![
        ("story", open_story.to_vec()),
        ("card", [&open_story[..], &[Action::NextLink, Action::NextLink, Action::Follow]].concat()),
        ("navigator", vec![Action::Focus(Pane::Navigator), Action::PageDown]),
        ("search_box", typed("ma")),
        ("figures", [&open_story[..], &[Action::ShowView(ViewKind::Figures)]].concat()),
    ];
    let mut group = criterion.benchmark_group("frame_200x50_100k");
    group.sample_size(50).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2));
    for (name, actions) in &screens {
        let app = app(&library, actions);
        group.bench_function(*name, |b| {
            b.iter(|| terminal.draw(|frame| ui::render(&app, frame)).map(|_| ()).expect("draw"))
        });
    }
    group.finish();
    frames_during_search(&library);
    criterion.final_summary();
}

/// Draws frames on this thread while the other core searches ~1M candidates in a loop, and
/// prints the slowest and median frame: the reader's drawing never waits for search.
fn frames_during_search(library: &Library) {
    let (_dir, big) = self::library(250_000);
    let index = Index::new(&big);
    let app = app(library, &[Action::Focus(Pane::Navigator), Action::Down, Action::Follow]);
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("a test terminal");
    let stop = AtomicBool::new(false);
    let (frames, searches) = thread::scope(|scope| {
        let searcher = scope.spawn(|| {
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                std::hint::black_box(search::search(&index, &Query::parse("ma"), 200));
                n += 1;
            }
            n
        });
        let mut frames = Vec::new();
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(3) {
            let t = Instant::now();
            terminal.draw(|frame| ui::render(&app, frame)).expect("draw");
            frames.push(t.elapsed());
        }
        stop.store(true, Ordering::Relaxed);
        (frames, searcher.join().unwrap_or(0))
    });
    let mut sorted = frames.clone();
    sorted.sort();
    eprintln!(
        "frames during search: {} destinations, {searches} searches, {} frames: median {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        index.len(),
        frames.len(),
        sorted[sorted.len() / 2].as_secs_f64() * 1e3,
        sorted[sorted.len() * 99 / 100].as_secs_f64() * 1e3,
        sorted[sorted.len() - 1].as_secs_f64() * 1e3
    );
}
