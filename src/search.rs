//! Ranked search over a whole library, with no UI: the reader's search box and
//! `briefing search` are both built on [`Session`]. The syntax and the ranking rules are
//! written up in `docs/search.md`.
//!
//! A query is terms that must all match, each anywhere in a destination's texts. The
//! [`Index`] maps words to the texts they occur in, so each term costs only as much as it
//! has matches: its matches are graded into a per-destination table, group after group,
//! keeping only destinations that matched every group so far. Only the best `limit`
//! survivors are sorted; highlight positions are computed later, for the rows shown.

pub mod edit;
pub mod fold;
mod frequent;
pub mod index;
mod lookup;
pub mod mark;
pub mod query;
pub mod rank;
pub mod source;
pub mod words;

pub use self::frequent::STORED;
use self::index::Posting;
pub use self::index::{Index, Tables};
use self::lookup::Scope;
pub use self::mark::Mark;
pub use self::query::{Query, Term};
use self::rank::{Grade, grade, key, ungrade};
pub use self::rank::{Hit, Tier, Together};
pub use self::source::{Category, Destination, Field, Text};

/// The outcome of a search.
#[derive(Debug, Clone, Default)]
pub struct Results {
    /// The best hits, best first, at most the limit asked for.
    pub hits: Vec<Hit>,
    /// How many destinations matched in all (after the `@` filter).
    pub total: usize,
    /// How many matched in each category, ignoring the `@` filter.
    pub counts: Vec<(Category, usize)>,
}

/// One destination's state during a search. Kept together so that grading a posting
/// touches one cache line: on a library of a million entities the tables hold millions of
/// slots, and separate arrays cost a cache miss each.
#[derive(Debug, Clone, Copy)]
struct Slot {
    /// The current group's best grade (`Grade::MAX`: not matched yet).
    best: Grade,
    /// The weakest group grade so far.
    weakest: Grade,
    /// The current group's best match: which text of the destination, and word position.
    best_piece: u16,
    /// Where the previous group's best match sat.
    chain_piece: u16,
    best_pos: u16,
    chain_pos: u16,
    /// How many groups have matched so far.
    matched: u8,
    /// Whether the groups so far sit in one text in the order typed, and side by side.
    in_order: bool,
    phrase: bool,
}

// Every pass over a search's matches reads or writes their slots, spread over the whole
// table: their size is what those passes cost.
const _: () = assert!(size_of::<Slot>() == 20);

const EMPTY: Slot = Slot {
    best: Grade::MAX,
    weakest: 0,
    best_piece: 0,
    chain_piece: 0,
    best_pos: 0,
    chain_pos: 0,
    matched: 0,
    in_order: false,
    phrase: false,
};

/// A search's working table, one slot per destination, kept between searches so that a
/// keystroke allocates nothing; every slot touched is put back before the search returns.
#[derive(Debug, Clone, Default)]
pub struct Session {
    slots: Vec<Slot>,
    /// The first group of the last query and the slots it left: typing a second term
    /// does not look the first one up again.
    first: Option<FirstGroup>,
    /// Each core's matches of a first group before grading, kept for their memory.
    staging: [Staging; 2],
    /// The survivors of the groups before a later one, one bit per destination, kept for
    /// its memory (see [`Running`]).
    running: Running,
    /// Never split work between cores, whatever the size: the plain way, which tests
    /// compare the split way against.
    one_core: bool,
    /// Never take an answer the index stores ([`frequent`]): always match and rank, as
    /// the index does when it stores them, and as tests do to compare them.
    computing: bool,
}

/// A first group's terms and the slots of the destinations it matched.
type FirstGroup = (Vec<query::Term>, Vec<(u32, Slot)>);

/// From this many destinations on, the first group is matched on two cores (in unit tests,
/// from two, so that both ways are tested).
const PARALLEL_FROM: usize = if cfg!(test) { 2 } else { 100_000 };

/// From this many survivors on, a later group of one term is matched on two cores too (in
/// unit tests, from two).
const LATER_IN_HALVES_FROM: usize = if cfg!(test) { 2 } else { 1000 };

/// Scattered letters are a fallback: a group that already matches this many destinations
/// by the other tiers is not looked up by them (they would rank below all of those anyway).
pub const FUZZY_BELOW: usize = 1000;

/// Queries of more groups than this are cut: the per-destination count is a byte.
const MAX_GROUPS: usize = 200;

impl Session {
    /// Whether work may be split between two cores.
    fn two_cores(&self) -> bool {
        !self.one_core && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1)
    }

    fn fit(&mut self, n: usize) {
        if self.slots.len() != n {
            self.slots = vec![EMPTY; n];
            self.first = None;
        }
    }

    /// The first group's matches: restored when the last query began with the same group,
    /// else looked up and kept for the next query.
    fn first_group(&mut self, index: &Index<'_>, group: &[query::Term]) -> Vec<u32> {
        if let Some((terms, slots)) = &self.first {
            if terms.as_slice() == group {
                slots.iter().for_each(|&(d, slot)| self.slots[d as usize] = slot);
                return slots.iter().map(|&(d, _)| d).collect();
            }
        }
        let mut kept = self.first.take().map(|(_, kept)| kept).unwrap_or_default();
        let touched = self.grade_group(index, group, 0, Scope::All);
        kept.clear();
        kept.reserve(touched.len());
        // Closed and kept in one pass: the slots are spread over the whole table, and
        // each visit costs a cache miss.
        for &d in &touched {
            let slot = &mut self.slots[d as usize];
            close_group(slot, 0);
            kept.push((d, *slot));
        }
        self.first = Some((group.to_vec(), kept));
        touched
    }

    /// Runs `query` over `index`, returning the best `limit` hits.
    pub fn search(&mut self, index: &Index<'_>, query: &Query, limit: usize) -> Results {
        if query.is_empty() || !query.unknown.is_empty() {
            return Results::default();
        }
        if query.groups.is_empty() {
            return only_filter(index, query, limit);
        }
        if !self.computing {
            if let Some(stored) = index.tables.frequent.answer(index, query, limit) {
                return stored;
            }
        }
        let (survivors, groups) = self.match_all(index, query);
        let results = self.rank(index, query, &survivors, groups, limit);
        self.reset();
        results
    }

    /// Grades every group of `query` into the table, returning the destinations that
    /// matched every group, and how many groups there were (a destination an excluded term
    /// matches has `matched` past that number). The table is left filled for ranking;
    /// [`Session::reset`] empties it.
    fn match_all(&mut self, index: &Index<'_>, query: &Query) -> (Vec<u32>, u8) {
        self.fit(index.len());
        // Groups run in the order typed, so that the chain of best matches tells whether
        // the terms sit in that order.
        let groups: Vec<&Vec<query::Term>> = query.groups.iter().take(MAX_GROUPS).collect();
        let mut survivors: Vec<u32> = Vec::new();
        for (k, group) in groups.iter().enumerate() {
            survivors.sort_unstable();
            let scope = if k == 0 { Scope::All } else { Scope::Only(&survivors) };
            survivors =
                if k == 0 { self.first_group(index, group) } else { self.match_group(index, group, k as u8, scope) };
        }
        self.exclude(index, query, &survivors);
        (survivors, groups.len() as u8)
    }

    /// Empties the table after a search. Every slot the search touched is one of the first
    /// group's: the later groups and the exclusions only look at destinations that matched it.
    fn reset(&mut self) {
        for &(d, _) in self.first.iter().flat_map(|(_, kept)| kept) {
            self.slots[d as usize] = EMPTY;
        }
    }

    /// Grades every match of one group among destinations that matched the groups before
    /// it, and returns the destinations that match this one too.
    fn match_group(&mut self, index: &Index<'_>, group: &[query::Term], k: u8, scope: Scope<'_>) -> Vec<u32> {
        let touched = self.grade_group(index, group, k, scope);
        for &d in &touched {
            close_group(&mut self.slots[d as usize], k);
        }
        touched
    }

    /// Grades every match of group `k` into the slots of the destinations that matched
    /// the groups before it, returning those it matched; [`close_group`] then records the
    /// group's best match in each.
    fn grade_group(&mut self, index: &Index<'_>, group: &[query::Term], k: u8, scope: Scope<'_>) -> Vec<u32> {
        // A later group is split only when it is one term: the scattered-letter fallback
        // counts the matches so far, which for several terms would be counted otherwise.
        let many = match scope {
            Scope::All => true,
            Scope::Only(survivors) => group.len() == 1 && survivors.len() >= LATER_IN_HALVES_FROM,
            Scope::Dests(..) | Scope::OnlyIn(..) => false,
        };
        let halves = many && self.slots.len() >= PARALLEL_FROM && self.two_cores();
        let mut touched: Vec<u32> = if halves { self.group_in_halves(index, group, k, scope) } else { Vec::new() };
        for term in group {
            if !halves {
                let words = lookup::term_words(index, term);
                lookup::each_match(index, term, &words, scope, &mut |p, tier, score| {
                    self.offer(k, p, tier, score, &mut touched)
                });
            }
            // Initials, one typo and scattered letters are the weakest tiers: a destination
            // already matched better by this group, or out of the running, needs none.
            let slots = &self.slots;
            let needs = |d: u32| {
                let slot = &slots[d as usize];
                slot.matched == k && slot.best > grade(Tier::Initials, Field::Sentence, 0)
            };
            let mut found: Vec<(Posting, Tier, i64)> = Vec::new();
            let scattered = touched.len() < FUZZY_BELOW;
            lookup::each_loose_match(index, term, scope, scattered, &needs, &mut |p, tier, score| {
                found.push((p, tier, score))
            });
            for (p, tier, score) in found {
                self.offer(k, p, tier, score, &mut touched);
            }
        }
        touched
    }

    /// Grades one match of group `k`, for a destination that matched the groups before.
    fn offer(&mut self, k: u8, p: Posting, tier: Tier, score: i64, touched: &mut Vec<u32>) {
        offer_in(&mut self.slots, 0, k, (p, tier, score), touched);
    }

    /// Group `k`'s matches in `scope` (all, or the survivors) from the word index, on two
    /// cores, each grading the destinations of its half of the library into its half of
    /// the table. The words each term is looked up by are found once, for both.
    fn group_in_halves(&mut self, index: &Index<'_>, group: &[query::Term], k: u8, within: Scope<'_>) -> Vec<u32> {
        let words: Vec<lookup::TermWords> = group.iter().map(|term| lookup::term_words(index, term)).collect();
        let words = &words;
        let mid = self.slots.len() / 2;
        let end = self.slots.len() as u32;
        // Only a later group has survivors to keep to; a first group takes every match.
        let running = match within {
            Scope::Only(survivors) => Some(self.running.fill(self.slots.len(), survivors)),
            _ => None,
        };
        let (left, right) = self.slots.split_at_mut(mid);
        let [one, two] = &mut self.staging;
        let halves = [(left, one, 0, mid as u32), (right, two, mid as u32, end)];
        std::thread::scope(|scope| {
            let workers: Vec<_> = halves
                .into_iter()
                .map(|(slots, staging, start, end)| {
                    scope.spawn(move || {
                        staging.clear();
                        let dests = match within {
                            Scope::Only(survivors) => {
                                let from = survivors.partition_point(|&d| d < start);
                                let to = survivors.partition_point(|&d| d < end);
                                Scope::OnlyIn(&survivors[from..to], start, end)
                            }
                            _ => Scope::Dests(start, end),
                        };
                        for (term, words) in group.iter().zip(words) {
                            // A later group's postings of destinations out of the running
                            // are dropped here rather than sorted with the others.
                            lookup::each_match(index, term, words, dests, &mut |p, tier, score| {
                                if running.is_none_or(|r| r.has(p.dest)) {
                                    staging.push(Graded::new(p, tier, score))
                                }
                            });
                        }
                        staging.grade_in_order(slots, start, k)
                    })
                })
                .collect();
            workers
                .into_iter()
                .flat_map(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
                .collect()
        })
    }
}

/// The destinations still in the running for a later group, one bit each. A later term
/// such as the "ch" of "vice ch" reads the postings of thousands of words, each list in
/// destination order but together spread over the whole library: asking the slots
/// whether each one's destination survived misses the cache nearly every time (a million
/// slots are tens of megabytes), where this table of a bit per destination stays in it.
#[derive(Debug, Clone, Default)]
struct Running {
    bits: Vec<u64>,
}

impl Running {
    /// Sets the table to hold exactly `survivors`, among `n` destinations.
    fn fill(&mut self, n: usize, survivors: &[u32]) -> &Self {
        self.bits.clear();
        self.bits.resize(n.div_ceil(64), 0);
        for &d in survivors {
            if let Some(word) = self.bits.get_mut(d as usize / 64) {
                *word |= 1 << (d % 64);
            }
        }
        self
    }

    /// Whether destination `d` is in the running.
    fn has(&self, d: u32) -> bool {
        self.bits.get(d as usize / 64).is_some_and(|word| word & 1 << (d % 64) != 0)
    }
}

/// Ends group `k` for a destination it matched: its best match joins the chain (whether
/// the terms sit in order, side by side), the weakest grade so far is kept, and the slot
/// is ready for the next group.
fn close_group(slot: &mut Slot, k: u8) {
    if k == 0 {
        slot.in_order = true;
        slot.phrase = true;
        slot.weakest = slot.best;
    } else {
        slot.in_order = slot.in_order && slot.chain_piece == slot.best_piece && slot.best_pos > slot.chain_pos;
        slot.phrase = slot.in_order && slot.phrase && slot.best_pos == slot.chain_pos + 1;
        slot.weakest = slot.weakest.max(slot.best);
    }
    slot.chain_piece = slot.best_piece;
    slot.chain_pos = slot.best_pos;
    slot.matched = k + 1;
    slot.best = Grade::MAX;
}

/// Grades one match of group `k`, for a destination that matched the groups before.
fn offer_in(slots: &mut [Slot], base: usize, k: u8, (p, tier, score): (Posting, Tier, i64), touched: &mut Vec<u32>) {
    let Some(slot) = (p.dest as usize).checked_sub(base).and_then(|i| slots.get_mut(i)) else { return };
    offer_graded(slot, k, Graded::new(p, tier, score), touched);
}

/// Grades one match into its destination's slot: the best grade of the group wins, the
/// first of equal grades keeps its place.
fn offer_graded(slot: &mut Slot, k: u8, m: Graded, touched: &mut Vec<u32>) {
    if slot.matched != k {
        return;
    }
    if slot.best == Grade::MAX {
        touched.push(m.dest);
    }
    if m.grade < slot.best {
        slot.best = m.grade;
        slot.best_piece = m.local;
        slot.best_pos = m.pos;
    }
}

/// A match, graded, waiting for its destination's slot.
#[derive(Debug, Clone, Copy)]
struct Graded {
    dest: u32,
    grade: Grade,
    local: u16,
    pos: u16,
}

impl Graded {
    fn new(p: Posting, tier: Tier, score: i64) -> Self {
        Graded { dest: p.dest, grade: grade(tier, p.field(), score), local: p.local, pos: p.pos() }
    }
}

/// Bits of the destination sorted on per pass when a first group's matches are sorted.
const RADIX_BITS: u32 = 11;

/// One core's matches of a first group, gathered before they are graded. A common short
/// term has hundreds of thousands of matches spread over the whole table, and grading them
/// as they come misses the cache on nearly every one; sorted by destination first (stably,
/// so each destination sees its matches in the same order), the slots are read in order,
/// which the processor fetches ahead, and the destinations come out in library order,
/// which is how ranking them reads the slots again.
#[derive(Debug, Clone, Default)]
struct Staging {
    found: Vec<Graded>,
    spare: Vec<Graded>,
}

impl Staging {
    fn clear(&mut self) {
        self.found.clear();
    }

    fn push(&mut self, m: Graded) {
        self.found.push(m);
    }

    /// Grades the matches of group `k` into `slots` (the table from destination `start`
    /// on) in destination order, returning the destinations matched, in that order.
    fn grade_in_order(&mut self, slots: &mut [Slot], start: u32, k: u8) -> Vec<u32> {
        self.sort_by_dest(start, usize::BITS - slots.len().leading_zeros());
        let mut touched = Vec::with_capacity(self.found.len());
        for m in &self.found {
            if let Some(slot) = m.dest.checked_sub(start).and_then(|i| slots.get_mut(i as usize)) {
                offer_graded(slot, k, *m, &mut touched);
            }
        }
        touched
    }

    /// Sorts the matches by destination, stably: a least-significant-digit radix sort on
    /// the destination's `bits` low bits (counted from `start`).
    fn sort_by_dest(&mut self, start: u32, bits: u32) {
        let mask = (1usize << RADIX_BITS) - 1;
        let mut shift = 0;
        while shift < bits {
            let digit = |m: &Graded| ((m.dest - start) as usize >> shift) & mask;
            let mut next = vec![0usize; mask + 2];
            self.found.iter().for_each(|m| next[digit(m) + 1] += 1);
            for d in 1..next.len() {
                next[d] += next[d - 1];
            }
            self.spare.clear();
            self.spare.resize(self.found.len(), Graded { dest: 0, grade: 0, local: 0, pos: 0 });
            for m in &self.found {
                let at = &mut next[digit(m)];
                self.spare[*at] = *m;
                *at += 1;
            }
            std::mem::swap(&mut self.found, &mut self.spare);
            shift += RADIX_BITS;
        }
    }
}

impl Session {
    /// Marks survivors that an excluded term matches as not matched.
    fn exclude(&mut self, index: &Index<'_>, query: &Query, survivors: &[u32]) {
        if query.excluded.is_empty() || survivors.is_empty() {
            return;
        }
        let n = self.slots[survivors[0] as usize].matched;
        let mut sorted = survivors.to_vec();
        sorted.sort_unstable();
        for term in &query.excluded {
            let words = lookup::term_words(index, term);
            lookup::each_match(index, term, &words, Scope::Only(&sorted), &mut |p, _, _| {
                let d = p.dest as usize;
                if self.slots[d].matched == n {
                    self.slots[d].matched = n + 1;
                }
            });
        }
    }

    fn together(&self, d: usize, groups: u8) -> Together {
        let c = &self.slots[d];
        match (groups, c.phrase, c.in_order) {
            (1, _, _) => Together::Phrase,
            (_, true, _) => Together::Phrase,
            (_, _, true) => Together::InOrder,
            _ => Together::Apart,
        }
    }

    /// Counts the survivors still matched, keeps those the filter passes, and picks the
    /// best; many survivors are ranked on two cores, half each, and the two bests merged.
    fn rank(&self, index: &Index<'_>, query: &Query, survivors: &[u32], groups: u8, limit: usize) -> Results {
        let parts = if survivors.len() >= RANK_IN_HALVES_FROM && self.two_cores() {
            let (left, right) = survivors.split_at(survivors.len() / 2);
            std::thread::scope(|scope| {
                let other = scope.spawn(|| self.rank_part(index, query, left, groups, limit));
                let mine = self.rank_part(index, query, right, groups, limit);
                vec![other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)), mine]
            })
        } else {
            vec![self.rank_part(index, query, survivors, groups, limit)]
        };
        let mut counts = CategoryCounts::default();
        let mut total = 0;
        let mut keyed = Vec::new();
        for part in parts {
            counts.merge(&part.counts);
            total += part.total;
            keyed.extend(part.best);
        }
        let hits = best(keyed, limit)
            .into_iter()
            .map(|(_, i)| {
                let (tier, field, score) = ungrade(self.slots[i].weakest);
                Hit { dest: i as u32, tier, together: self.together(i, groups), field, score }
            })
            .collect();
        Results { hits, total, counts: counts.list() }
    }

    /// Ranks some of the survivors: their counts, and the best `limit` of them with their
    /// keys (see [`Best`]).
    fn rank_part(&self, index: &Index<'_>, query: &Query, survivors: &[u32], groups: u8, limit: usize) -> Ranked {
        let mut counts = CategoryCounts::default();
        let mut total = 0;
        let mut kept = Best::new(limit);
        for &d in survivors {
            let i = d as usize;
            if self.slots[i].matched != groups {
                continue;
            }
            let category = index.category(d);
            counts.add(category);
            if !query.keeps(category) {
                continue;
            }
            total += 1;
            if limit == 0 {
                continue;
            }
            kept.offer(key(self.slots[i].weakest, self.together(i, groups), index.tables.title_len[i], d), i);
        }
        Ranked { counts, total, best: kept.into_best() }
    }
}

/// The best `limit` of what is offered, by key, holding only a few at a time: whenever
/// `2 × limit` have gathered, the best `limit` are kept, and a key no better than the worst
/// of those is dropped as it comes (keys are unique, so it could never be among the best).
#[derive(Debug, Clone)]
struct Best<T> {
    limit: usize,
    keyed: Vec<((u64, u32), T)>,
    bar: Option<(u64, u32)>,
}

impl<T: Copy> Best<T> {
    fn new(limit: usize) -> Self {
        Best { limit, keyed: Vec::with_capacity(2 * limit), bar: None }
    }

    fn offer(&mut self, k: (u64, u32), value: T) {
        if self.limit == 0 || self.bar.is_some_and(|bar| k > bar) {
            return;
        }
        self.keyed.push((k, value));
        if self.keyed.len() == 2 * self.limit {
            self.keyed = best(std::mem::take(&mut self.keyed), self.limit);
            self.bar = self.keyed.last().map(|&(k, _)| k);
        }
    }

    /// The best of all offered, best first, with their keys.
    fn into_best(self) -> Vec<((u64, u32), T)> {
        best(self.keyed, self.limit)
    }
}

/// Part of the survivors, ranked.
struct Ranked {
    counts: CategoryCounts,
    /// How many passed the filter.
    total: usize,
    /// The best of those, best first, with their keys.
    best: Vec<((u64, u32), usize)>,
}

/// From this many survivors on, ranking runs on two cores (in unit tests, from two, so
/// that both ways are tested).
const RANK_IN_HALVES_FROM: usize = if cfg!(test) { 2 } else { 50_000 };

/// The best `limit` of `keyed`, in order, with their keys, without sorting the rest.
fn best<T: Copy>(mut keyed: Vec<((u64, u32), T)>, limit: usize) -> Vec<((u64, u32), T)> {
    if keyed.len() > limit && limit > 0 {
        keyed.select_nth_unstable_by_key(limit - 1, |k| k.0);
        keyed.truncate(limit);
    }
    keyed.sort_unstable_by_key(|k| k.0);
    keyed.truncate(limit);
    keyed
}

/// A query of `@kinds` alone: every destination of those kinds, in library order.
fn only_filter(index: &Index<'_>, query: &Query, limit: usize) -> Results {
    let mut counts = CategoryCounts::default();
    let mut hits = Vec::new();
    let mut total = 0;
    for d in 0..index.len() as u32 {
        let category = index.category(d);
        if query.keeps(category) {
            counts.add(category);
            total += 1;
            if hits.len() < limit {
                let field = Field::Name;
                hits.push(Hit { dest: d, tier: Tier::Exact, together: Together::Phrase, field, score: 0 });
            }
        }
    }
    Results { hits, total, counts: counts.list() }
}

/// Results per category, in [`Category::all`] order.
#[derive(Debug, Clone, Default)]
struct CategoryCounts([usize; crate::library::Kind::ALL.len() + 2]);

impl CategoryCounts {
    fn slot(category: Category) -> usize {
        match category {
            Category::Entity(kind) => crate::library::Kind::ALL.iter().position(|&k| k == kind).unwrap_or(0),
            Category::Sentence => crate::library::Kind::ALL.len(),
            Category::Briefing => crate::library::Kind::ALL.len() + 1,
        }
    }

    fn add(&mut self, category: Category) {
        self.0[Self::slot(category)] += 1;
    }

    fn merge(&mut self, other: &CategoryCounts) {
        self.0.iter_mut().zip(other.0).for_each(|(n, m)| *n += m);
    }

    fn list(&self) -> Vec<(Category, usize)> {
        Category::all().zip(self.0).filter(|&(_, n)| n > 0).collect()
    }
}

/// One search with no tables kept.
pub fn search(index: &Index<'_>, query: &Query, limit: usize) -> Results {
    Session::default().search(index, query, limit)
}

/// Where each term of `query` matches in destination `dest`: for each text of the
/// destination that some term matches, the terms (by their place in [`Query::terms`])
/// with their tiers and positions. For shown rows and `search --json` only.
pub fn matches<'l>(index: &Index<'l>, dest: u32, query: &Query) -> Vec<TextMatch<'l>> {
    let terms: Vec<&Term> = query.terms().collect();
    let mut out = Vec::new();
    for (field, text) in index.texts(dest) {
        let joined = text.joined();
        let marks: Vec<(usize, Mark)> =
            terms.iter().enumerate().filter_map(|(i, t)| mark::mark(&joined, t, field).map(|m| (i, m))).collect();
        if !marks.is_empty() {
            out.push(TextMatch { field, text, marks });
        }
    }
    out
}

/// What a result row shows: the matches in the destination's first text (its name, headline
/// or sentence), and the first other text, in field order, that a term missing from the
/// first one matches. Cheaper than [`matches`]: most rows stop at the first text.
pub fn title_and_context<'l>(
    index: &Index<'l>,
    dest: u32,
    query: &Query,
) -> (Option<TextMatch<'l>>, Option<TextMatch<'l>>) {
    let terms: Vec<&Term> = query.terms().collect();
    let texts = index.texts(dest);
    let mut rest = texts.into_iter();
    let title = rest.next().and_then(|(field, text)| text_match(&terms, field, text, |_| true));
    let covered = |t: usize| title.as_ref().is_some_and(|m| m.marks.iter().any(|(i, _)| *i == t));
    let missing: Vec<usize> = (0..terms.len()).filter(|&t| !covered(t)).collect();
    if missing.is_empty() {
        return (title, None);
    }
    let context = rest.find_map(|(field, text)| {
        let joined = text.joined();
        missing
            .iter()
            .any(|&t| mark::mark(&joined, terms[t], field).is_some())
            .then(|| text_match(&terms, field, text, |_| true))?
    });
    (title, context)
}

fn text_match<'l>(
    terms: &[&Term],
    field: Field,
    text: Text<'l>,
    wanted: impl Fn(usize) -> bool,
) -> Option<TextMatch<'l>> {
    let joined = text.joined();
    let marks: Vec<(usize, Mark)> = terms
        .iter()
        .enumerate()
        .filter(|&(i, _)| wanted(i))
        .filter_map(|(i, t)| mark::mark(&joined, t, field).map(|m| (i, m)))
        .collect();
    (!marks.is_empty()).then_some(TextMatch { field, text, marks })
}

/// The terms that match one text of a destination.
#[derive(Debug, Clone)]
pub struct TextMatch<'l> {
    /// Which field the text is.
    pub field: Field,
    /// The text.
    pub text: Text<'l>,
    /// The terms that match it: their place in [`Query::terms`], and how and where.
    pub marks: Vec<(usize, Mark)>,
}

impl TextMatch<'_> {
    /// The positions of every matched character, sorted, each once.
    pub fn positions(&self) -> Vec<usize> {
        let mut all: Vec<usize> = self.marks.iter().flat_map(|(_, m)| m.positions.iter().copied()).collect();
        all.sort_unstable();
        all.dedup();
        all
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;
    use std::path::PathBuf;

    use super::*;
    use crate::library::text::find_all;
    use crate::library::{Input, Library, Options, load_sources};

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
        let sentence = index.destination(hit.dest).title(&library);
        assert_eq!(sentence, "The Éclair shop closed.");
        let marked: Vec<&str> = find_all(sentence, "eclair").into_iter().map(|r| &sentence[r]).collect();
        assert_eq!(marked, ["Éclair"]);
    }

    /// Every one- and two-letter query (where the split and sorted path carries the most)
    /// and some longer ones (later terms are split too), typed in a row into one session:
    /// the same hits, in the same order, and the same counts, whether the work is split
    /// between cores or not. Neither session takes the index's stored answers.
    #[test]
    fn work_split_between_cores_ranks_as_one_core_does() {
        let library = crate::library::bundled::load(Options::default()).unwrap().library;
        let index = Index::new(&library);
        let letters: Vec<String> = ('a'..='z').map(String::from).collect();
        let pairs = letters.iter().flat_map(|a| letters.iter().map(move |b| format!("{a}{b}")));
        let longer = [
            "nvidia ceo",
            "ch",
            "ch ",
            "ch in",
            "vice premier",
            "jenson",
            "^h20$",
            "ai !chip",
            "h2 | a",
            "@person ch",
            "a e",
            "ch a in",
            "the ch",
            "in the",
            "beijing ex",
            "chip in | ex",
            "Jenson",
            "Huang ceo",
            "ch Nvidia",
        ];
        let queries: Vec<String> = letters.iter().cloned().chain(pairs).chain(longer.map(String::from)).collect();
        let mut split = Session { computing: true, ..Session::default() };
        let mut plain = Session { one_core: true, computing: true, ..Session::default() };
        for limit in [0, 3, 200] {
            for query in &queries {
                let query = Query::parse(query);
                let (a, b) = (split.search(&index, &query, limit), plain.search(&index, &query, limit));
                assert_eq!((&a.hits, a.total, &a.counts), (&b.hits, b.total, &b.counts), "{query:?}, limit {limit}");
            }
        }
        assert!(search(&index, &Query::parse("ch"), 200).total > 3, "the queries match enough to rank");
    }

    #[test]
    fn terms_match_in_any_order_and_exclusions_remove() {
        let library = library("The shop closed early. Early the shop closed.");
        let index = Index::new(&library);
        let both = search(&index, &Query::parse("shop early"), 5);
        assert_eq!(both.total, 2);
        assert_eq!(both.hits[0].together, Together::InOrder, "the sentence with the terms in order first");
        assert_eq!(search(&index, &Query::parse("shop !early"), 5).total, 0);
        assert_eq!(search(&index, &Query::parse("closed early | nothing"), 5).total, 2);
    }

    #[test]
    fn the_running_table_holds_exactly_the_last_survivors() {
        let mut running = Running::default();
        running.fill(200, &[0, 63, 64, 199]);
        let held: Vec<u32> = (0..200).filter(|&d| running.has(d)).collect();
        assert_eq!(held, [0, 63, 64, 199]);
        running.fill(130, &[5]);
        let held: Vec<u32> = (0..260).filter(|&d| running.has(d)).collect();
        assert_eq!(held, [5], "a new fill forgets the survivors before it; beyond the table none runs");
    }
}
