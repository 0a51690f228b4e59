//! Finding one term's matches through the index, tier by tier: the vocabulary words it
//! starts (a range of the sorted vocabulary), the words it is inside (one substring search
//! over the vocabulary's buffer), the initials of names, the name words one edit away, and
//! scattered letters in names. Every match is handed on as (posting, tier, score); the
//! rules are those of [`super::mark`], which finds the same matches in one text.

use std::ops::Range;

use fuzzy_matcher::skim::SkimMatcherV2;

use super::Index;
use super::edit::one_edit;
use super::fold::char_mask;
use super::index::Posting;
use super::mark::{MIN_TYPO, fuzzy_score, infix_from, loose, mark};
use super::query::Term;
use super::rank::Tier;
use super::source::Field;

/// Which destinations a lookup may report: all, or only these (sorted) — the survivors
/// of the terms before, when they are few enough that finding their postings by binary
/// search beats reading a word's whole list.
#[derive(Clone, Copy)]
pub(crate) enum Scope<'a> {
    All,
    Only(&'a [u32]),
    /// Only destinations in this range: one core's share of the library.
    Dests(u32, u32),
    /// Only these (sorted) destinations, all in this range: one core's share of the
    /// survivors.
    OnlyIn(&'a [u32], u32, u32),
}

impl Scope<'_> {
    /// Whether destination `dest` is in scope.
    fn holds(&self, dest: u32) -> bool {
        match *self {
            Scope::All => true,
            Scope::Only(dests) => dests.binary_search(&dest).is_ok(),
            Scope::Dests(start, end) => (start..end).contains(&dest),
            Scope::OnlyIn(dests, start, end) => (start..end).contains(&dest) && dests.binary_search(&dest).is_ok(),
        }
    }
}

/// The vocabulary words a term without capitals is looked up by: the range of words it
/// starts, and the words it is inside of (a substring search over the whole vocabulary).
/// Found once per term, then read by each core for its share of the library.
#[derive(Debug, Default)]
pub(crate) struct TermWords {
    starting: Range<usize>,
    inside: Vec<usize>,
}

/// The words `term` is looked up by; none for a term with capitals, which is matched
/// otherwise (see [`each_match`]).
pub(crate) fn term_words(index: &Index<'_>, term: &Term) -> TermWords {
    if term.cased.is_some() {
        return TermWords::default();
    }
    TermWords { starting: index.tables.vocab.prefixed(&term.folded), inside: inside_word_ids(index, term) }
}

/// Calls `f` with every match of `term` in `scope` from the word index (whole, start of,
/// inside a word), reading the postings of `words` (the term's [`term_words`]); a posting
/// may come more than once, with different tiers. A term with capitals is matched here in
/// full.
pub(crate) fn each_match(
    index: &Index<'_>,
    term: &Term,
    words: &TermWords,
    scope: Scope<'_>,
    f: &mut impl FnMut(Posting, Tier, i64),
) {
    match &term.cased {
        Some(_) => each_cased(index, term, scope, f),
        None => {
            starting_words(index, term, words, scope, f);
            inside_words(index, term, words, scope, f);
        }
    }
}

/// Calls `f` with the matches of `term` that [`each_match`] leaves out: by initials, one
/// typo and (when `with_scattered`) scattered letters, for destinations `wanted(dest)`
/// still needs them for.
pub(crate) fn each_loose_match(
    index: &Index<'_>,
    term: &Term,
    scope: Scope<'_>,
    with_scattered: bool,
    wanted: &dyn Fn(u32) -> bool,
    f: &mut impl FnMut(Posting, Tier, i64),
) {
    if term.cased.is_none() && loose(term) {
        by_initials(index, term, wanted, f);
        one_typo(index, term, wanted, f);
        if with_scattered {
            scattered(index, term, scope, wanted, f);
        }
    }
}

/// Every match of a term without capitals.
fn each_folded(index: &Index<'_>, term: &Term, scope: Scope<'_>, f: &mut impl FnMut(Posting, Tier, i64)) {
    let words = term_words(index, term);
    starting_words(index, term, &words, scope, f);
    inside_words(index, term, &words, scope, f);
    if loose(term) {
        each_loose_match(index, term, scope, true, &|dest| scope.holds(dest), f);
    }
}

/// Calls `f` with the postings of word `w` in scope, in names only or in every field.
fn postings_of(index: &Index<'_>, w: usize, names_only: bool, scope: Scope<'_>, f: &mut impl FnMut(Posting)) {
    let names = index.tables.postings.names(w);
    let others: &[Posting] = if names_only { &[] } else { index.tables.postings.others(w) };
    for list in [names, others] {
        match scope {
            Scope::Only(dests) | Scope::OnlyIn(dests, ..) if dests.len() * 16 < list.len() => in_dests(list, dests, f),
            Scope::Dests(start, end) | Scope::OnlyIn(_, start, end) => {
                let from = list.partition_point(|p| p.dest < start);
                list[from..].iter().take_while(|p| p.dest < end).for_each(|&p| f(p));
            }
            _ => list.iter().for_each(|&p| f(p)),
        }
    }
}

/// The postings of `list` (in destination order) that belong to `dests`, found by binary
/// search.
fn in_dests(list: &[Posting], dests: &[u32], f: &mut impl FnMut(Posting)) {
    let mut from = 0;
    for &d in dests {
        from += list[from..].partition_point(|p| p.dest < d);
        list[from..].iter().take_while(|p| p.dest == d).for_each(|&p| f(p));
    }
}

/// Words the term starts: the field's start when first, a word start otherwise.
fn starting_words(
    index: &Index<'_>,
    term: &Term,
    words: &TermWords,
    scope: Scope<'_>,
    f: &mut impl FnMut(Posting, Tier, i64),
) {
    let len = term.len();
    for w in words.starting.clone() {
        let equal = index.tables.vocab.word(w).len() == term.folded.len();
        if term.mode.end && !equal {
            continue;
        }
        postings_of(index, w, len < 2, scope, &mut |p| {
            if (term.mode.start && p.pos() != 0) || (term.mode.end && !p.last()) {
                return;
            }
            let tier = match p.pos() {
                0 if equal && index.tables.pieces[p.piece(index) as usize].letters as usize == len => Tier::Exact,
                0 => Tier::Prefix,
                _ => Tier::Word,
            };
            f(p, tier, 0);
        });
    }
}

/// Matches inside words (not at their start): two letters in names, three elsewhere.
fn inside_words(
    index: &Index<'_>,
    term: &Term,
    words: &TermWords,
    scope: Scope<'_>,
    f: &mut impl FnMut(Posting, Tier, i64),
) {
    let names_only = term.len() < infix_from(Field::Sentence);
    for &w in &words.inside {
        postings_of(index, w, names_only, scope, &mut |p| {
            if !term.mode.end || p.last() {
                f(p, Tier::Contains, 0);
            }
        });
    }
}

/// The words the term is inside of, not at their start (and at their end, for `x$`), each
/// once, in vocabulary order: one substring search over the vocabulary's buffer.
fn inside_word_ids(index: &Index<'_>, term: &Term) -> Vec<usize> {
    if term.mode.start || term.len() < infix_from(Field::Name) {
        return Vec::new();
    }
    let vocab = &index.tables.vocab;
    let arena = &vocab.arena;
    let mut out = Vec::new();
    // Where the last word taken ends: later matches before it are inside that word.
    let mut taken_end = 0;
    for offset in memchr::memmem::find_iter(arena.as_bytes(), term.folded.as_bytes()) {
        if offset < taken_end {
            continue;
        }
        let w = vocab.at_offset(offset);
        let start = vocab.starts[w] as usize;
        if offset == start {
            continue;
        }
        if term.mode.end && arena.as_bytes().get(offset + term.folded.len()) != Some(&b'\n') {
            continue;
        }
        taken_end = vocab.starts.get(w + 1).map_or(arena.len(), |&e| e as usize);
        out.push(w);
    }
    out
}

/// Names and aliases whose words' initials the term starts.
fn by_initials(index: &Index<'_>, term: &Term, wanted: &dyn Fn(u32) -> bool, f: &mut impl FnMut(Posting, Tier, i64)) {
    if term.len() < 2 {
        return;
    }
    for i in index.tables.initials.prefixed(&term.folded) {
        for &piece in &index.tables.initial_pieces[i] {
            if wanted(index.tables.pieces[piece as usize].dest) {
                f(Posting::of_piece(index, piece), Tier::Initials, 0);
            }
        }
    }
}

/// Name and alias words one edit from a term of five letters or more.
fn one_typo(index: &Index<'_>, term: &Term, wanted: &dyn Fn(u32) -> bool, f: &mut impl FnMut(Posting, Tier, i64)) {
    let len = term.len();
    if len < MIN_TYPO {
        return;
    }
    let mask = char_mask(&term.folded);
    for n in len - 1..=len + 1 {
        for &(w, m) in index.tables.name_words_by_len.get(&n).map_or(&[][..], Vec::as_slice) {
            // One edit adds at most one character the other lacks, each way.
            if (mask & !m).count_ones() > 1 || (m & !mask).count_ones() > 1 {
                continue;
            }
            let word = index.tables.vocab.word(w as usize);
            if !word.starts_with(&term.folded) && one_edit(&term.folded, word) {
                let postings = index.tables.postings.names(w as usize).iter();
                postings.filter(|p| wanted(p.dest)).for_each(|&p| f(p, Tier::Typo, 0));
            }
        }
    }
}

/// Names and aliases holding the term's letters in order, the first at the start of a
/// word, scoring above the floor. The character-set tests and the in-order test skip
/// most names before the matcher runs.
fn scattered(
    index: &Index<'_>,
    term: &Term,
    scope: Scope<'_>,
    wanted: &dyn Fn(u32) -> bool,
    f: &mut impl FnMut(Posting, Tier, i64),
) {
    let len = term.len();
    if len < 3 {
        return;
    }
    let mask = char_mask(&term.folded);
    let first = term.folded.chars().next().map_or(0, |c| char_mask(&c.to_string()));
    let matcher = SkimMatcherV2::default().ignore_case();
    let mut try_name = |i: usize| {
        if mask & !index.tables.name_masks[i] != 0 || first & !index.tables.name_initials[i] != 0 {
            return;
        }
        let name = index.tables.names.word(i);
        let piece = index.tables.name_pieces[i];
        if !in_order(name, &term.folded) || !wanted(index.tables.pieces[piece as usize].dest) {
            return;
        }
        if let Some(score) = fuzzy_score(&matcher, name, &term.folded, len) {
            f(Posting::of_piece(index, piece), Tier::Fuzzy, score);
        }
    };
    match scope {
        Scope::Only(dests) | Scope::OnlyIn(dests, ..) if dests.len() * 16 < index.tables.name_pieces.len() => {
            for &d in dests {
                let (start, end) = (index.tables.first_piece[d as usize], index.tables.first_piece[d as usize + 1]);
                let from = index.tables.name_pieces.partition_point(|&p| p < start);
                let to = from + index.tables.name_pieces[from..].partition_point(|&p| p < end);
                (from..to).for_each(&mut try_name);
            }
        }
        Scope::Dests(start, end) => {
            let (start, end) = (index.tables.first_piece[start as usize], index.tables.first_piece[end as usize]);
            let from = index.tables.name_pieces.partition_point(|&p| p < start);
            let to = from + index.tables.name_pieces[from..].partition_point(|&p| p < end);
            (from..to).for_each(try_name);
        }
        _ => (0..index.tables.name_pieces.len()).for_each(try_name),
    }
}

/// Whether the letters of `wanted` appear in `text` in order.
fn in_order(text: &str, wanted: &str) -> bool {
    let mut wanted = wanted.chars().peekable();
    for c in text.chars() {
        if wanted.peek() == Some(&c) {
            wanted.next();
        }
    }
    wanted.peek().is_none()
}

/// A term with capitals: the folded term finds the candidates, then each text is checked
/// as written, case included.
fn each_cased(index: &Index<'_>, term: &Term, scope: Scope<'_>, f: &mut impl FnMut(Posting, Tier, i64)) {
    let folded = Term { cased: None, ..term.clone() };
    let mut pieces: Vec<u32> = Vec::new();
    each_folded(index, &folded, scope, &mut |p, _, _| pieces.push(p.piece(index)));
    pieces.sort_unstable();
    pieces.dedup();
    for piece in pieces {
        let field = index.tables.pieces[piece as usize].field;
        if let Some(m) = mark(&index.piece_text(piece).joined(), term, field) {
            f(Posting::of_piece(index, piece), m.tier, m.score);
        }
    }
}
