//! Ranked fuzzy search over a whole library, with no UI: the reader's search box and
//! `briefing search` are both built on [`Session`].
//!
//! Speed comes from doing less: a character-set prefilter skips candidates that cannot
//! match before the matcher runs, a query that extends the previous one only re-checks the
//! previous matches, only the best `limit` hits are sorted, highlight positions are
//! computed only for rows that are shown, and large scans are split across all cores with
//! one matcher per thread.

pub mod candidate;
pub mod fold;
pub mod query;
pub mod rank;

use std::cmp::Ordering;
use std::thread;

use fuzzy_matcher::skim::SkimMatcherV2;

pub use self::candidate::{Candidate, Category, Destination, Field};
use self::fold::fold_keep_case;
pub use self::query::Query;
pub use self::rank::{Hit, Tier};
use crate::library::Library;

/// Below this many candidates to check, one thread is faster than starting others.
const PARALLEL_FROM: usize = 20_000;

/// Every searchable text of a library.
pub struct Index<'l> {
    /// The candidates, entities first, then briefings and their sentences.
    pub candidates: Vec<Candidate<'l>>,
}

impl<'l> Index<'l> {
    /// Collects the candidates of `library`.
    pub fn new(library: &'l Library) -> Self {
        Index { candidates: candidate::collect(library) }
    }

    /// An index over given candidates (for tests and benchmarks).
    pub fn from_candidates(candidates: Vec<Candidate<'l>>) -> Self {
        Index { candidates }
    }

    /// The candidate a hit refers to.
    pub fn candidate(&self, hit: &Hit) -> &Candidate<'l> {
        &self.candidates[hit.index as usize]
    }

    /// Character positions of the query in a hit's text, for highlighting.
    pub fn positions(&self, hit: &Hit, query: &Query) -> Vec<usize> {
        let c = self.candidate(hit);
        let matcher = matcher(query);
        if query.case_sensitive {
            rank::positions(&matcher, hit.tier, &fold_keep_case(c.text), &query.form)
        } else {
            rank::positions(&matcher, hit.tier, &c.folded, &query.form)
        }
    }
}

/// The outcome of a search.
#[derive(Debug, Clone, Default)]
pub struct Results {
    /// The best hits, best first, at most the limit asked for.
    pub hits: Vec<Hit>,
    /// How many candidates matched in all.
    pub total: usize,
    /// How many matched in each category, ignoring the query's filter.
    pub counts: Vec<(Category, usize)>,
}

/// A search that remembers its last query, to narrow instead of rescanning when the user
/// types one more letter.
#[derive(Debug, Clone, Default)]
pub struct Session {
    last: Option<(Query, Vec<u32>)>,
}

impl Session {
    /// Runs `query` over `index`, returning the best `limit` hits.
    pub fn search(&mut self, index: &Index<'_>, query: &Query, limit: usize) -> Results {
        if query.is_empty() {
            self.last = None;
            return Results::default();
        }
        let unfiltered = Query { filter: None, ..query.clone() };
        let pool: Option<&[u32]> = match &self.last {
            Some((earlier, matched)) if unfiltered.narrows(earlier) => Some(matched),
            _ => None,
        };
        let matched = scan(index, &unfiltered, pool);
        let mut hits = dedupe(index, &matched);
        let counts = count(index, &hits);
        self.last = (!query.text.is_empty()).then(|| (unfiltered, matched.iter().map(|h| h.index).collect()));
        if let Some(filter) = query.filter {
            hits.retain(|h| index.candidate(h).category == filter);
        }
        let total = hits.len();
        Results { hits: best(index, hits, limit), total, counts }
    }
}

/// One search with no history.
pub fn search(index: &Index<'_>, query: &Query, limit: usize) -> Results {
    Session::default().search(index, query, limit)
}

fn matcher(query: &Query) -> SkimMatcherV2 {
    let matcher = SkimMatcherV2::default();
    if query.case_sensitive { matcher.respect_case() } else { matcher.ignore_case() }
}

/// Matches the query against `pool` (or every candidate), on all cores when large.
fn scan(index: &Index<'_>, query: &Query, pool: Option<&[u32]>) -> Vec<Hit> {
    let n = pool.map_or(index.candidates.len(), <[u32]>::len);
    let workers = if n >= PARALLEL_FROM { thread::available_parallelism().map_or(1, |w| w.get()) } else { 1 };
    let chunk = n.div_ceil(workers).max(1);
    if workers == 1 {
        return scan_range(index, query, pool, 0..n);
    }
    thread::scope(|scope| {
        let parts: Vec<_> = (0..n)
            .step_by(chunk)
            .map(|start| scope.spawn(move || scan_range(index, query, pool, start..(start + chunk).min(n))))
            .collect();
        parts.into_iter().flat_map(|p| p.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    })
}

/// Matches positions `range` of the pool, with this thread's own matcher.
fn scan_range(index: &Index<'_>, query: &Query, pool: Option<&[u32]>, range: std::ops::Range<usize>) -> Vec<Hit> {
    let matcher = matcher(query);
    let mut hits = Vec::new();
    for at in range {
        let i = pool.map_or(at as u32, |p| p[at]);
        let c = &index.candidates[i as usize];
        if query.mask & !c.mask != 0 {
            continue;
        }
        let hit = if query.text.is_empty() {
            Some(Hit { index: i, tier: Tier::Exact, score: 0 })
        } else if query.case_sensitive {
            rank::rank(&matcher, i, &fold_keep_case(c.text), &query.form, c.field <= Field::Alias)
        } else {
            rank::rank(&matcher, i, &c.folded, &query.form, c.field <= Field::Alias)
        };
        hits.extend(hit);
    }
    hits
}

/// One hit per destination: an entity matched by its name and an alias is one result,
/// shown by its better match. An entity's candidates are adjacent, and `hits` is in
/// candidate order, so comparing neighbours is enough.
fn dedupe(index: &Index<'_>, hits: &[Hit]) -> Vec<Hit> {
    let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
    for &hit in hits {
        match out.last_mut() {
            Some(last) if index.candidate(last).destination == index.candidate(&hit).destination => {
                if rank::order(&hit, last, &index.candidates) == Ordering::Less {
                    *last = hit;
                }
            }
            _ => out.push(hit),
        }
    }
    out
}

fn count(index: &Index<'_>, hits: &[Hit]) -> Vec<(Category, usize)> {
    Category::all()
        .map(|cat| (cat, hits.iter().filter(|h| index.candidate(h).category == cat).count()))
        .filter(|&(_, n)| n > 0)
        .collect()
}

/// The best `limit` hits in order, without sorting the rest.
fn best(index: &Index<'_>, mut hits: Vec<Hit>, limit: usize) -> Vec<Hit> {
    let order = |a: &Hit, b: &Hit| -> Ordering { rank::order(a, b, &index.candidates) };
    if hits.len() > limit && limit > 0 {
        hits.select_nth_unstable_by(limit - 1, order);
        hits.truncate(limit);
    }
    hits.sort_by(order);
    hits.truncate(limit);
    hits
}
