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
use crate::library::parallel;
use crate::library::{Kind, Library};

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
        let parts = scan(index, &unfiltered, query.filter, pool, limit);
        let mut matched = Vec::new();
        let mut counts = vec![0; CATEGORIES];
        let (mut total, mut hits) = (0, Vec::new());
        for part in parts {
            matched.extend(part.matched);
            counts.iter_mut().zip(&part.counts).for_each(|(sum, n)| *sum += n);
            total += part.total;
            hits.extend(part.best);
        }
        self.last = (!query.text.is_empty()).then_some((unfiltered, matched));
        let counts = Category::all().zip(counts).filter(|&(_, n)| n > 0).collect();
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

/// How many categories there are: every kind, sentences and briefings.
const CATEGORIES: usize = Kind::ALL.len() + 2;

/// What one thread found in its share of the candidates.
struct Part {
    /// Every matching candidate, in order, for narrowing the next keystroke.
    matched: Vec<u32>,
    /// Its best hits after removing duplicates and applying the filter.
    best: Vec<Hit>,
    /// Results per category, ignoring the filter.
    counts: Vec<usize>,
    /// Results passing the filter.
    total: usize,
}

/// Matches the query against `pool` (or every candidate), on all cores when large. Each
/// thread also removes duplicates, counts and picks its best hits, so that the work a
/// one-letter query makes of hundreds of thousands of hits is shared too.
fn scan(index: &Index<'_>, query: &Query, filter: Option<Category>, pool: Option<&[u32]>, limit: usize) -> Vec<Part> {
    let n = pool.map_or(index.candidates.len(), <[u32]>::len);
    let workers = if n >= PARALLEL_FROM { thread::available_parallelism().map_or(1, |w| w.get()) } else { 1 };
    let ranges = split(index, pool, n, workers);
    parallel::map(ranges, |range| part(index, query, filter, pool, range, limit))
}

/// Splits positions `0..n` of the pool into `workers` ranges, moving each cut past any
/// candidates that lead to the same place as the one before it, so that every duplicate
/// of a result lands in one range.
fn split(index: &Index<'_>, pool: Option<&[u32]>, n: usize, workers: usize) -> Vec<std::ops::Range<usize>> {
    let at = |position: usize| &index.candidates[pool.map_or(position, |p| p[position] as usize)].destination;
    let chunk = n.div_ceil(workers.max(1)).max(1);
    let mut ranges = Vec::with_capacity(workers);
    let mut start = 0;
    while start < n {
        let mut end = (start + chunk).min(n);
        while end < n && at(end) == at(end - 1) {
            end += 1;
        }
        ranges.push(start..end);
        start = end;
    }
    if ranges.is_empty() {
        ranges.push(0..0);
    }
    ranges
}

fn part(
    index: &Index<'_>,
    query: &Query,
    filter: Option<Category>,
    pool: Option<&[u32]>,
    range: std::ops::Range<usize>,
    limit: usize,
) -> Part {
    let hits = scan_range(index, query, pool, range);
    let matched = hits.iter().map(|h| h.index).collect();
    let mut unique = dedupe(index, &hits);
    let counts = count(index, &unique);
    if let Some(filter) = filter {
        unique.retain(|h| index.candidate(h).category == filter);
    }
    Part { matched, total: unique.len(), best: best(index, unique, limit), counts }
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

/// Matches per category (in [`Category::all`] order), in one pass over the hits.
fn count(index: &Index<'_>, hits: &[Hit]) -> Vec<usize> {
    let categories: Vec<Category> = Category::all().collect();
    let mut counts = vec![0usize; categories.len()];
    for hit in hits {
        let category = index.candidate(hit).category;
        if let Some(slot) = categories.iter().position(|&c| c == category) {
            counts[slot] += 1;
        }
    }
    counts
}

/// The best `limit` hits in order, without sorting the rest.
fn best(index: &Index<'_>, hits: Vec<Hit>, limit: usize) -> Vec<Hit> {
    let mut keyed: Vec<(rank::Key, Hit)> = hits.into_iter().map(|h| (rank::key(&h, &index.candidates), h)).collect();
    if keyed.len() > limit && limit > 0 {
        keyed.select_nth_unstable_by(limit - 1, |a, b| a.0.cmp(&b.0));
        keyed.truncate(limit);
    }
    keyed.sort_unstable_by_key(|k| k.0);
    keyed.into_iter().take(limit).map(|(_, h)| h).collect()
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;
    use std::path::PathBuf;

    use super::*;
    use crate::library::text::find_all;
    use crate::library::{Input, Options, load_sources};

    fn library(paragraph: &str) -> Library {
        let json = serde_json::json!({
            "id": "b", "headline": "H",
            "source": {"publication": "p", "title": "t", "date": "d"},
            "sections": [{"paragraphs": [paragraph]}],
        });
        let bytes = Cow::Owned(json.to_string().into_bytes());
        load_sources(&[Input { path: PathBuf::from("b.json"), bytes }], Options::default()).unwrap().library
    }

    #[test]
    fn a_sentence_search_finds_is_one_find_highlights() {
        let library = library("First one. The Éclair shop closed.");
        let index = Index::new(&library);
        let results = search(&index, &Query::parse("eclair"), 5);
        let hit = results.hits.first().expect("searching eclair finds the sentence");
        let sentence = index.candidate(hit).text;
        assert_eq!(sentence, "The Éclair shop closed.");
        let marked: Vec<&str> = find_all(sentence, "eclair").into_iter().map(|r| &sentence[r]).collect();
        assert_eq!(marked, ["Éclair"]);
    }
}
