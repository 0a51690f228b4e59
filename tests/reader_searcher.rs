//! The search box against a searcher on another thread: replies arrive late, out of
//! order and after the box that asked was closed. Only replies to the open box's newest
//! query may show, and the box says "searching…" while one is due.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture or pty")]

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use briefing::library::{Library, Options, bundled};
use briefing::reader::action::Action;
use briefing::reader::app::App;
use briefing::reader::screen_text;
use briefing::reader::searcher::{Cached, Reply, Searcher, Ticket, answer, start_worker};
use briefing::search::{Index, Session};

/// How many times a worker has woken the loop.
static WAKES: AtomicUsize = AtomicUsize::new(0);

fn count_wake() {
    WAKES.fetch_add(1, Ordering::SeqCst);
}

fn library() -> Library {
    bundled::load(Options::default()).expect("the bundled library loads").library
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Type(c));
    }
}

/// The titles of the rows a reply carries.
fn titles<'l>(rows: impl IntoIterator<Item = &'l briefing::reader::searcher::ResultRow<'l>>) -> Vec<&'l str> {
    rows.into_iter().map(|r| r.title).collect()
}

/// What an inline search answers for `text`.
fn expected<'l>(library: &'l Library, text: &str) -> Reply<'l> {
    answer(library, &Index::new(library), &mut Session::default(), 0, text)
}

#[test]
fn a_late_reply_to_a_closed_box_never_shows_under_a_new_query() {
    let library = library();
    let (jobs, job_rx) = mpsc::channel::<(Ticket, String)>();
    let (reply_tx, replies) = mpsc::channel();
    let mut app = App::new(&library, (120, 40), None);
    app.searcher = Searcher::over(jobs, replies, Arc::new(AtomicBool::new(true)));
    let index = Index::new(&library);
    let mut session = Session::default();
    let mut reply = |ticket, text: &str| reply_tx.send(answer(&library, &index, &mut session, ticket, text));

    app.update(Action::StartSearch);
    type_text(&mut app, "h");
    let (old, text) = job_rx.recv().expect("the query went to the worker");
    assert_eq!(text, "h");
    assert!(screen_text(&app).contains("searching…"), "a reply is due");
    app.update(Action::Cancel);

    app.update(Action::StartSearch);
    type_text(&mut app, "nv");
    reply(old, "h").expect("the app is listening");
    app.update(Action::Tick);
    let search = app.search().expect("the box is open");
    assert!(search.rows.is_empty(), "the closed box's reply was dropped: {:?}", titles(&search.rows));
    assert!(search.pending());
    assert!(screen_text(&app).contains("searching…"), "still waiting for its own reply");

    let (n, _) = job_rx.recv().expect("n");
    let (nv, text) = job_rx.recv().expect("nv");
    assert_eq!(text, "nv");
    reply(nv, "nv").expect("sent");
    reply(n, "n").expect("sent");
    app.update(Action::Tick);
    let search = app.search().expect("the box is open");
    assert!(!search.pending(), "the newest query is answered");
    assert_eq!(titles(&search.rows), titles(&expected(&library, "nv").rows), "rows of the new query");
    assert!(!screen_text(&app).contains("searching…"));
}

#[test]
fn the_background_worker_answers_the_reopened_box() {
    let library = library();
    thread::scope(|scope| {
        let mut app = App::new(&library, (120, 40), None);
        app.searcher = start_worker(scope, &library, Cached::default(), count_wake);
        app.update(Action::StartSearch);
        type_text(&mut app, "h");
        app.update(Action::Cancel);
        app.update(Action::StartSearch);
        type_text(&mut app, "nvidia");
        // Each reply is announced by a wake-up, which is all the loop waits for: a tick
        // after each takes the replies in, the last one the newest query's.
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut seen = 0;
        while app.search().is_some_and(|s| s.pending()) && Instant::now() < deadline {
            while WAKES.load(Ordering::SeqCst) == seen && Instant::now() < deadline {
                thread::sleep(Duration::from_millis(1));
            }
            seen = WAKES.load(Ordering::SeqCst);
            app.update(Action::Tick);
        }
        let search = app.search().expect("the box is open");
        assert!(!search.pending(), "the worker answered, and woke the loop after its reply");
        assert_eq!(search.query, "nvidia");
        assert_eq!(titles(&search.rows), titles(&expected(&library, "nvidia").rows));
        assert!(search.rows.first().is_some_and(|r| r.title == "Nvidia"), "Nvidia first");
    });
}

#[test]
fn the_box_says_indexing_until_the_worker_has_its_index() {
    let library = library();
    let (jobs, _job_rx) = mpsc::channel::<(Ticket, String)>();
    let (_reply_tx, replies) = mpsc::channel();
    let ready = Arc::new(AtomicBool::new(false));
    let mut app = App::new(&library, (120, 40), None);
    app.searcher = Searcher::over(jobs, replies, Arc::clone(&ready));
    app.update(Action::StartSearch);
    type_text(&mut app, "nv");
    assert!(screen_text(&app).contains("indexing…"), "{}", screen_text(&app));
    ready.store(true, Ordering::Release);
    app.update(Action::Tick);
    let screen = screen_text(&app);
    assert!(screen.contains("searching…") && !screen.contains("indexing…"), "{screen}");
}
