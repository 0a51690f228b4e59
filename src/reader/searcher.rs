//! Where searches run. On a small library the search runs inline (it takes well under a
//! millisecond); on a large one it runs on a worker thread, so drawing never waits and
//! results arrive as they are ready. Either way a reply carries the rows to show, with
//! highlight positions computed for those rows only.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread::{self, Scope};

use crate::library::Library;
use std::borrow::Cow;

use crate::cache::{IndexPart, Loaded, Pending};
use crate::search::{Category, Destination, Field, Hit, Index, Query, Results, Session, title_and_context};

/// How many results a reply carries (and so how many rows get highlight positions).
pub const PAGE: usize = 200;

// A first keystroke's answer comes from the index's stored hits when a page needs no more.
const _: () = assert!(PAGE <= crate::search::STORED, "a page of a stored term's hits is stored");

/// Libraries with this many entities or more search on a worker thread (their index
/// holds a few hundred thousand candidates; smaller ones answer inline in well under a
/// frame).
pub const BACKGROUND_FROM_ENTITIES: usize = 20_000;

/// A result as the search box shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultRow<'l> {
    /// What it is.
    pub category: Category,
    /// The name of what it leads to (an entity's name, a briefing's headline); for a
    /// sentence, the sentence.
    pub title: &'l str,
    /// Character positions of the matched letters in `title`.
    pub positions: Vec<usize>,
    /// Another text of the result that matched terms the title does not hold (an alias, a
    /// role, a relation …), with its field and matched positions.
    pub context: Option<(Field, Cow<'l, str>, Vec<usize>)>,
    /// The headline of the briefing a sentence or a figure comes from.
    pub briefing: Option<&'l str>,
    /// Where Enter goes.
    pub destination: Destination,
}

/// The number the searcher gives a query, counting up for the life of the reader, so a
/// reply can always be told apart from replies to earlier queries — of this search box or
/// of one closed before it.
pub type Ticket = u64;

/// The answer to one query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reply<'l> {
    /// The ticket of the query it answers.
    pub ticket: Ticket,
    /// The best rows.
    pub rows: Vec<ResultRow<'l>>,
    /// How many matched in all.
    pub total: usize,
    /// Matches per category.
    pub counts: Vec<(Category, usize)>,
    /// How the query was read, for the box to show back.
    pub reading: String,
    /// Whether the query names a kind that does not exist.
    pub unknown_kind: bool,
}

/// Runs a query and turns its best hits into rows.
pub fn answer<'l>(
    library: &'l Library,
    index: &Index<'l>,
    session: &mut Session,
    ticket: Ticket,
    text: &str,
) -> Reply<'l> {
    let query = Query::parse(text);
    let Results { hits, total, counts } = session.search(index, &query, PAGE);
    let rows = hits.iter().map(|hit| row(library, index, hit, &query)).collect();
    Reply { ticket, rows, total, counts, reading: query.describe(), unknown_kind: !query.unknown.is_empty() }
}

/// A hit as a row: the title with its matches, and the first other text (in field order)
/// that holds a term the title does not.
pub fn row<'l>(library: &'l Library, index: &Index<'l>, hit: &Hit, query: &Query) -> ResultRow<'l> {
    let destination = index.destination(hit.dest).clone();
    let title = destination.title(library);
    let (title_match, context) = title_and_context(index, hit.dest, query);
    let positions = title_match.map(|m| m.positions()).unwrap_or_default();
    let context = context.map(|m| (m.field, m.text.joined(), m.positions()));
    let briefing = from_briefing(library, &destination);
    ResultRow { category: index.category(hit.dest), title, positions, context, briefing, destination }
}

/// The headline of the briefing a sentence or figure is stated in.
fn from_briefing<'l>(library: &'l Library, destination: &Destination) -> Option<&'l str> {
    match destination {
        Destination::Sentence(b, _, _) => Some(&library.briefing(*b).headline),
        Destination::Entity(id) => {
            library.entity(*id).figure.as_ref().map(|f| library.briefing(f.briefing).headline.as_str())
        }
        Destination::Briefing(_) => None,
    }
}

/// The search engine as the reader holds it, and the counter of the tickets it hands out.
pub struct Searcher<'l> {
    last: Ticket,
    engine: Engine<'l>,
}

/// Where queries are answered.
enum Engine<'l> {
    /// Not built yet: the index is made on first use.
    Idle(&'l Library),
    /// Searching on this thread.
    Inline(&'l Library, Box<Index<'l>>, Session),
    /// Searching on a worker thread, which sets the flag once its index is ready.
    Background(Sender<(Ticket, String)>, Receiver<Reply<'l>>, Arc<AtomicBool>),
}

impl<'l> Searcher<'l> {
    /// A searcher that answers inline, building its index on the first query.
    pub fn new(library: &'l Library) -> Self {
        Searcher { last: 0, engine: Engine::Idle(library) }
    }

    /// A searcher that answers inline with an index already built (from the cache).
    pub fn inline(index: Index<'l>) -> Self {
        Searcher { last: 0, engine: Engine::Inline(index.library(), Box::new(index), Session::default()) }
    }

    /// A searcher whose queries go down `jobs` and whose answers come back on `replies`:
    /// to a worker started by [`start_worker`], or to a test playing the worker.
    pub fn over(jobs: Sender<(Ticket, String)>, replies: Receiver<Reply<'l>>, ready: Arc<AtomicBool>) -> Self {
        Searcher { last: 0, engine: Engine::Background(jobs, replies, ready) }
    }

    /// Whether the index is ready: a worker may still be building it or reading it from the
    /// cache; an inline searcher builds its own on the first query, in well under a frame.
    pub fn ready(&self) -> bool {
        match &self.engine {
            Engine::Background(_, _, ready) => ready.load(Ordering::Acquire),
            Engine::Idle(_) | Engine::Inline(..) => true,
        }
    }

    /// The newest ticket handed out.
    pub fn last_ticket(&self) -> Ticket {
        self.last
    }

    /// Sends a query and returns its ticket; an inline searcher answers at once.
    pub fn submit(&mut self, text: &str) -> (Ticket, Option<Reply<'l>>) {
        self.last += 1;
        let ticket = self.last;
        if let Engine::Idle(library) = self.engine {
            self.engine = Engine::Inline(library, Box::new(Index::new(library)), Session::default());
        }
        let reply = match &mut self.engine {
            Engine::Inline(library, index, session) => Some(answer(library, index, session, ticket, text)),
            Engine::Background(jobs, _, _) => {
                // A closed channel means the worker is gone; the box then shows no results.
                let _ = jobs.send((ticket, text.to_string()));
                None
            }
            Engine::Idle(_) => None,
        };
        (ticket, reply)
    }

    /// Of the replies that have arrived, the one to the newest query, if any.
    pub fn poll(&mut self) -> Option<Reply<'l>> {
        let Engine::Background(_, replies, _) = &self.engine else { return None };
        let mut newest: Option<Reply<'l>> = None;
        loop {
            match replies.try_recv() {
                Ok(reply) if newest.as_ref().is_none_or(|n| n.ticket < reply.ticket) => newest = Some(reply),
                Ok(_) => {}
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => return newest,
            }
        }
    }
}

/// What the library cache gave for the search: the index it held, and the cache still to
/// be written once an index is built.
#[derive(Debug, Default)]
pub struct Cached {
    /// The index the cache holds, not read yet.
    pub index: Option<IndexPart>,
    /// The cache still to be written.
    pub pending: Option<Pending>,
}

/// The searcher for the reader's run on `scope`: a worker thread for a large library, else
/// inline. A cache left to write is written on a thread of `scope` once the index is
/// built, so neither the first screen nor a search waits for the disk. A worker calls
/// `wake` after each reply it sends, so that a loop waiting for input takes the reply in
/// at once rather than at its next look.
pub fn start<'scope, 'l: 'scope>(
    scope: &'scope Scope<'scope, 'l>,
    library: &'l Library,
    cached: Cached,
    wake: fn(),
) -> Searcher<'l> {
    if library.entity_count() >= BACKGROUND_FROM_ENTITIES {
        return start_worker(scope, library, cached, wake);
    }
    if let Some(pending) = cached.pending {
        scope.spawn(move || pending.write_in_background(library, Index::new(library).tables()));
    }
    match cached.index {
        Some(part) => Searcher::inline(Loaded::index(library, Some(part))),
        None => Searcher::new(library),
    }
}

/// Starts a search worker on `scope` for `library` and returns the searcher that talks to
/// it; the worker calls `wake` after each reply it sends. The worker ends when the
/// searcher is dropped.
pub fn start_worker<'scope, 'l: 'scope>(
    scope: &'scope Scope<'scope, 'l>,
    library: &'l Library,
    cached: Cached,
    wake: fn(),
) -> Searcher<'l> {
    let (jobs, job_rx) = mpsc::channel();
    let (reply_tx, replies) = mpsc::channel();
    let ready = Arc::new(AtomicBool::new(false));
    let set_when_ready = Arc::clone(&ready);
    scope.spawn(move || work(library, cached, &set_when_ready, (job_rx, reply_tx), wake));
    Searcher::over(jobs, replies, ready)
}

/// The worker's two channels: queries in, replies out.
type Channels<'l> = (Receiver<(Ticket, String)>, Sender<Reply<'l>>);

/// The worker: take the cached index or build one (and then write the cache beside the
/// answering), then answer the newest query each time, skipping queries the user has
/// already typed past.
fn work<'l>(library: &'l Library, cached: Cached, ready: &AtomicBool, channels: Channels<'l>, wake: fn()) {
    let index = Loaded::index(library, cached.index);
    ready.store(true, Ordering::Release);
    thread::scope(|scope| {
        if let Some(pending) = cached.pending {
            scope.spawn(|| pending.write_in_background(library, index.tables()));
        }
        answer_jobs(library, &index, channels, wake);
    });
}

fn answer_jobs<'l>(library: &'l Library, index: &Index<'l>, (jobs, replies): Channels<'l>, wake: fn()) {
    let mut session = Session::default();
    while let Ok(mut job) = jobs.recv() {
        while let Ok(newer) = jobs.try_recv() {
            job = newer;
        }
        if replies.send(answer(library, index, &mut session, job.0, &job.1)).is_err() {
            return;
        }
        wake();
        // After the reply is out: the reader holds only what the next search maps again.
        index.release_pages();
    }
}
