//! Where searches run. On a small library the search runs inline (it takes well under a
//! millisecond); on a large one it runs on a worker thread, so drawing never waits and
//! results arrive as they are ready. Either way a reply carries the rows to show, with
//! highlight positions computed for those rows only.

use std::sync::mpsc::{Receiver, Sender, TryRecvError};

use crate::library::Library;
use crate::search::{Category, Destination, Hit, Index, Query, Results, Session};

/// How many results a reply carries (and so how many rows get highlight positions).
pub const PAGE: usize = 200;

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
    /// The text that matched.
    pub text: &'l str,
    /// Character positions of the matched letters in `text`.
    pub positions: Vec<usize>,
    /// Where Enter goes.
    pub destination: Destination,
}

/// The answer to one query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reply<'l> {
    /// The query's sequence number, to drop stale replies.
    pub seq: u64,
    /// The best rows.
    pub rows: Vec<ResultRow<'l>>,
    /// How many matched in all.
    pub total: usize,
    /// Matches per category.
    pub counts: Vec<(Category, usize)>,
}

/// Runs a query and turns its best hits into rows.
pub fn answer<'l>(library: &'l Library, index: &Index<'l>, session: &mut Session, seq: u64, text: &str) -> Reply<'l> {
    let query = Query::parse(text);
    let Results { hits, total, counts } = session.search(index, &query, PAGE);
    let rows = hits.iter().map(|hit| row(library, index, hit, &query)).collect();
    Reply { seq, rows, total, counts }
}

fn row<'l>(library: &'l Library, index: &Index<'l>, hit: &Hit, query: &Query) -> ResultRow<'l> {
    let c = index.candidate(hit);
    let title = match &c.destination {
        Destination::Entity(id) => library.entity(*id).name.as_str(),
        Destination::Briefing(id) => library.briefing(*id).headline.as_str(),
        Destination::Sentence(..) => c.text,
    };
    let positions = index.positions(hit, query);
    ResultRow { category: c.category, title, text: c.text, positions, destination: c.destination.clone() }
}

/// The search engine as the reader holds it.
pub enum Searcher<'l> {
    /// Not built yet: the index is made on first use.
    Idle(&'l Library),
    /// Searching on this thread.
    Inline(&'l Library, Box<Index<'l>>, Session),
    /// Searching on a worker thread.
    Background(Sender<(u64, String)>, Receiver<Reply<'l>>),
}

impl<'l> Searcher<'l> {
    /// Sends a query; an inline searcher answers at once.
    pub fn submit(&mut self, seq: u64, text: &str) -> Option<Reply<'l>> {
        if let Searcher::Idle(library) = self {
            *self = Searcher::Inline(library, Box::new(Index::new(library)), Session::default());
        }
        match self {
            Searcher::Inline(library, index, session) => Some(answer(library, index, session, seq, text)),
            Searcher::Background(jobs, _) => {
                // A closed channel means the worker is gone; the box then shows no results.
                let _ = jobs.send((seq, text.to_string()));
                None
            }
            Searcher::Idle(_) => None,
        }
    }

    /// The newest reply that has arrived, if any.
    pub fn poll(&mut self) -> Option<Reply<'l>> {
        let Searcher::Background(_, replies) = self else { return None };
        let mut newest = None;
        loop {
            match replies.try_recv() {
                Ok(reply) => newest = Some(reply),
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => return newest,
            }
        }
    }
}

/// The worker's loop: build the index, then answer the newest query each time, skipping
/// queries the user has already typed past.
pub fn work<'l>(library: &'l Library, jobs: Receiver<(u64, String)>, replies: Sender<Reply<'l>>) {
    let index = Index::new(library);
    let mut session = Session::default();
    while let Ok(mut job) = jobs.recv() {
        while let Ok(newer) = jobs.try_recv() {
            job = newer;
        }
        if replies.send(answer(library, &index, &mut session, job.0, &job.1)).is_err() {
            return;
        }
    }
}
