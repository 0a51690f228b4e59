//! Stored answers for the queries that cost the most: a single term of one or two letters.
//! On a library of a million entities such a term matches a good part of all 2.6 million
//! destinations ("mi": 540,000; "th": 2.1 million), and matching, counting and ranking them all takes tens of milliseconds
//! on every first keystroke. There are few such terms, and their answers do not depend on
//! anything typed after them, so the index ranks them once, when it is built, and keeps
//! for each term its count per category and the best [`STORED`] hits of each category.
//! A query of that term alone, with or without `@kind` filters, is then answered by merging
//! the kept lists of the categories it keeps — exactly the hits, order and counts a search
//! would find, since the stored lists are what that search ranks first.

use super::index::{Frequent, Index};
use super::lookup::Scope;
use super::query::{Mode, Query, Term};
use super::rank::{Grade, Together, key, ungrade};
use super::source::Category;
use super::{Best, CategoryCounts, EMPTY, Hit, Results, Session, best};
use crate::library::Library;

/// How many hits of each category are kept per term: a query of the term asking for this
/// many results or fewer is answered from them.
pub const STORED: usize = 200;

/// From this many postings read (an upper bound of its matches), a term's answers are
/// stored; below it a search is quick. In unit tests, every term is stored, so that the
/// stored answers can be compared with searches on a small library.
const STORED_FROM: usize = if cfg!(test) { 1 } else { 20_000 };

/// The longest term stored, in characters.
const LONGEST: usize = 2;

/// How many categories there are.
const CATEGORIES: usize = crate::library::Kind::ALL.len() + 2;

impl<'l> Index<'l> {
    /// Indexes every searchable text of `library`, on all cores, and stores the answers to
    /// its costliest short terms, searched once with the words indexed.
    pub fn new(library: &'l Library) -> Self {
        let mut index = Index::words_only(library);
        index.store_answers();
        index
    }

    /// Searches and keeps the answers to the costliest short terms, as [`Index::new`] does:
    /// for an index built with [`Index::words_only`] once it is to be kept, since only
    /// later searches read them. An index of one query's words ([`Index::for_query`])
    /// stores none: it would miss the words the short terms match.
    pub fn store_answers(&mut self) {
        if !self.whole {
            return;
        }
        self.tables.frequent = Frequent::build(self);
    }
}

impl Frequent {
    /// Searches and ranks every costly term of one or two letters ([`costly_terms`]).
    pub fn build(index: &Index<'_>) -> Frequent {
        let mut out = Frequent { starts: vec![0], ..Frequent::default() };
        let mut session = Session::default();
        for term in costly_terms(index) {
            let (counts, kept) = ranked_by_category(&mut session, index, &Query::parse(&term));
            out.terms.push(term);
            out.counts.extend(counts.0.iter().map(|&n| n.min(u32::MAX as usize) as u32));
            for list in kept {
                out.hits.extend(list.into_iter().map(|((_, d), grade)| (d, grade)));
                out.starts.push(out.hits.len() as u32);
            }
        }
        out
    }

    /// The answer to `query` when it is one stored term alone (`@kind` filters allowed)
    /// and asks for at most [`STORED`] hits; `None` otherwise, and for stored lists that
    /// do not fit the index (a damaged cache), which are then searched as any query is.
    pub fn answer(&self, index: &Index<'_>, query: &Query, limit: usize) -> Option<Results> {
        let term = single_term(query).filter(|_| limit <= STORED)?;
        let t = self.terms.binary_search_by(|stored| stored.as_str().cmp(&term.folded)).ok()?;
        let counts = self.counts.get(t * CATEGORIES..(t + 1) * CATEGORIES)?;
        let mut total = 0;
        let mut keyed = Vec::new();
        for category in Category::all() {
            if !query.keeps(category) {
                continue;
            }
            let c = CategoryCounts::slot(category);
            total += counts[c] as usize;
            let at = t * CATEGORIES + c;
            let (&from, &to) = (self.starts.get(at)?, self.starts.get(at + 1)?);
            for &(d, grade) in self.hits.get(from as usize..to as usize)? {
                let title_len = *index.tables.title_len.get(d as usize)?;
                keyed.push((key(grade, Together::Phrase, title_len, d), grade));
            }
        }
        let hits = best(keyed, limit)
            .into_iter()
            .map(|((_, dest), grade)| {
                let (tier, field, score) = ungrade(grade);
                Hit { dest, tier, together: Together::Phrase, field, score }
            })
            .collect();
        let mut all = CategoryCounts::default();
        all.0.iter_mut().zip(counts).for_each(|(n, &m)| *n = m as usize);
        Some(Results { hits, total, counts: all.list() })
    }
}

/// The one term of `query` when the query is that term alone, plain (no operators, no
/// capitals) and short enough to be stored; `@kind` filters may come with it.
fn single_term(query: &Query) -> Option<&Term> {
    let [group] = query.groups.as_slice() else { return None };
    let [term] = group.as_slice() else { return None };
    let plain = term.cased.is_none() && term.mode == Mode::default() && term.len() <= LONGEST;
    (plain && query.excluded.is_empty() && query.unknown.is_empty()).then_some(term)
}

/// Every term of one or two letters that starts a word of the vocabulary and reads at
/// least [`STORED_FROM`] postings (a one-letter term reads those in names only), as a
/// query of it reads it, sorted.
fn costly_terms(index: &Index<'_>) -> Vec<String> {
    let vocab = &index.tables.vocab;
    let postings = &index.tables.postings;
    let mut read: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for w in 0..vocab.len() {
        let word = vocab.word(w);
        let names = postings.names(w).len();
        let all = names + postings.others(w).len();
        for (n, (end, _)) in word.char_indices().skip(1).chain([(word.len(), ' ')]).enumerate().take(LONGEST) {
            *read.entry(&word[..end]).or_default() += if n == 0 { names } else { all };
        }
    }
    let mut terms: Vec<String> = read
        .into_iter()
        .filter(|&(_, n)| n >= STORED_FROM)
        .filter_map(|(prefix, _)| single_term(&Query::parse(prefix)).map(|t| t.folded.clone()))
        .collect();
    terms.sort_unstable();
    terms.dedup();
    terms
}

/// A hit with its place in the result order.
type Keyed = ((u64, u32), Grade);

/// The counts per category of a one-term query's matches, and the best [`STORED`] of each
/// category with their keys, best first, as [`Session::search`] would rank them. The
/// matches are graded as a first group is, but not kept for a next query.
fn ranked_by_category(session: &mut Session, index: &Index<'_>, query: &Query) -> (CategoryCounts, Vec<Vec<Keyed>>) {
    session.fit(index.len());
    let group = query.groups.first().map_or(&[][..], Vec::as_slice);
    let matched = session.match_group(index, group, 0, Scope::All);
    let mut kept: Vec<Best<Grade>> = vec![Best::new(STORED); CATEGORIES];
    let mut counts = CategoryCounts::default();
    for &d in &matched {
        let category = index.category(d);
        counts.add(category);
        let grade = session.slots[d as usize].weakest;
        let k = key(grade, Together::Phrase, index.tables.title_len[d as usize], d);
        kept[CategoryCounts::slot(category)].offer(k, grade);
    }
    matched.iter().for_each(|&d| session.slots[d as usize] = EMPTY);
    (counts, kept.into_iter().map(Best::into_best).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{Options, bundled};

    /// Every one- and two-letter query, alone and with one or two `@kind` filters, at a few
    /// limits: the stored answer is the search's, hit for hit, with the same counts.
    #[test]
    fn stored_answers_are_what_a_search_finds() {
        let library = bundled::load(Options::default()).unwrap().library;
        let index = Index::new(&library);
        assert!(index.tables.frequent.terms.len() > 100, "in unit tests every short term is stored");
        let mut computing = Session { computing: true, ..Session::default() };
        let mut stored = Session::default();
        let filters = ["", " @person", " @company @sentence", " @briefing"];
        let mut answered = 0;
        for term in &index.tables.frequent.terms {
            for filter in filters {
                for limit in [0, 1, 5, STORED] {
                    let query = Query::parse(&format!("{term}{filter}"));
                    let a = index.tables.frequent.answer(&index, &query, limit).expect("a stored term is answered");
                    let b = computing.search(&index, &query, limit);
                    assert_eq!((&a.hits, a.total, &a.counts), (&b.hits, b.total, &b.counts), "{query:?}, {limit}");
                    let c = stored.search(&index, &query, limit);
                    assert_eq!(c.hits, a.hits, "a session answers from the store");
                    answered += usize::from(!a.hits.is_empty());
                }
            }
        }
        assert!(answered > 100, "the stored answers hold hits");
    }

    /// What a one-off search builds: an index with no stored answers that finds what the
    /// whole index finds, and stores the same answers once asked to.
    #[test]
    fn an_index_of_words_only_answers_alike_and_stores_the_same_answers_later() {
        let library = bundled::load(Options::default()).unwrap().library;
        let whole = Index::new(&library);
        let mut words_only = Index::words_only(&library);
        assert!(words_only.tables.frequent.terms.is_empty());
        // A session keeps what its last search found, so each index has its own.
        let (mut searching, mut answering) = (Session::default(), Session::default());
        for term in whole.tables.frequent.terms.iter().take(40).chain(&["nvidia".to_owned(), "vice premier".to_owned()])
        {
            let query = Query::parse(term);
            let (a, b) = (searching.search(&words_only, &query, STORED), answering.search(&whole, &query, STORED));
            assert_eq!((&a.hits, a.total, &a.counts), (&b.hits, b.total, &b.counts), "{term}");
        }
        words_only.store_answers();
        assert_eq!(words_only.tables.frequent.terms, whole.tables.frequent.terms);
        assert_eq!(words_only.tables.frequent.hits, whole.tables.frequent.hits);
        assert_eq!(words_only.tables.frequent.counts, whole.tables.frequent.counts);
    }

    #[test]
    fn other_queries_are_not_answered_from_the_store() {
        let library = bundled::load(Options::default()).unwrap().library;
        let index = Index::new(&library);
        let frequent = &index.tables.frequent;
        assert!(frequent.answer(&index, &Query::parse("nv"), STORED).is_some());
        for query in ["nv ai", "'nv", "^nv", "nv$", "Nv", "nv | ai", "nv !ai", "nvi", "nv @persn"] {
            assert!(frequent.answer(&index, &Query::parse(query), STORED).is_none(), "{query}");
        }
        assert!(frequent.answer(&index, &Query::parse("nv"), STORED + 1).is_none(), "more than is stored");
    }

    #[test]
    fn stored_lists_that_do_not_fit_the_index_are_not_used() {
        let library = bundled::load(Options::default()).unwrap().library;
        let mut index = Index::new(&library);
        let hits = &mut index.tables.frequent.hits;
        hits.iter_mut().for_each(|(d, _)| *d = u32::MAX);
        assert!(index.tables.frequent.answer(&index, &Query::parse("nv"), STORED).is_none());
        let results = Session::default().search(&index, &Query::parse("nv"), STORED);
        assert!(results.hits.iter().any(|h| index.destination(h.dest).title(&library) == "Nvidia"), "searched instead");
    }
}
