//! Finding one term's matches through the index, tier by tier: the vocabulary words it
//! starts (a range of the sorted vocabulary), the words it is inside (one substring search
//! over the vocabulary's buffer), the initials of names, the name words one edit away, and
//! scattered letters in names. Every match is handed on as (posting, tier, score); the
//! rules are those of [`super::mark`], which finds the same matches in one text.

use fuzzy_matcher::skim::SkimMatcherV2;

use super::Index;
use super::edit::one_edit;
use super::fold::char_mask;
use super::index::Posting;
use super::mark::{fuzzy_score, infix_from, loose, mark};
use super::query::Term;
use super::rank::Tier;
use super::source::Field;

/// Calls `f` with every match of `term`; a posting may come more than once, with
/// different tiers.
pub(crate) fn each_match(index: &Index<'_>, term: &Term, f: &mut impl FnMut(Posting, Tier, i64)) {
    match &term.cased {
        Some(_) => each_cased(index, term, f),
        None => each_folded(index, term, f),
    }
}

/// The matches of a term without capitals.
fn each_folded(index: &Index<'_>, term: &Term, f: &mut impl FnMut(Posting, Tier, i64)) {
    starting_words(index, term, f);
    inside_words(index, term, f);
    if loose(term) {
        by_initials(index, term, f);
        one_typo(index, term, f);
        scattered(index, term, f);
    }
}

/// The postings of word `w` in the fields a term of `len` letters looks at.
fn postings_of<'i>(index: &'i Index<'_>, w: usize, names_only: bool) -> impl Iterator<Item = &'i Posting> {
    let others: &[Posting] = if names_only { &[] } else { index.postings.others(w) };
    index.postings.names(w).iter().chain(others)
}

/// Words the term starts: the field's start when first, a word start otherwise.
fn starting_words(index: &Index<'_>, term: &Term, f: &mut impl FnMut(Posting, Tier, i64)) {
    let len = term.len();
    for w in index.vocab.prefixed(&term.folded) {
        let equal = index.vocab.word(w).len() == term.folded.len();
        if term.mode.end && !equal {
            continue;
        }
        for &p in postings_of(index, w, len < 2) {
            if (term.mode.start && p.pos() != 0) || (term.mode.end && !p.last()) {
                continue;
            }
            let tier = match p.pos() {
                0 if equal && index.pieces[p.piece as usize].letters as usize == len => Tier::Exact,
                0 => Tier::Prefix,
                _ => Tier::Word,
            };
            f(p, tier, 0);
        }
    }
}

/// Words the term is inside of (not at their start): two letters in names, three elsewhere.
fn inside_words(index: &Index<'_>, term: &Term, f: &mut impl FnMut(Posting, Tier, i64)) {
    let len = term.len();
    if term.mode.start || len < infix_from(Field::Name) {
        return;
    }
    let names_only = len < infix_from(Field::Sentence);
    let arena = &index.vocab.arena;
    let mut previous = usize::MAX;
    for (offset, _) in arena.match_indices(term.folded.as_str()) {
        let w = index.vocab.at_offset(offset);
        let start = index.vocab.starts[w] as usize;
        if offset == start || w == previous {
            continue;
        }
        if term.mode.end && arena.as_bytes().get(offset + term.folded.len()) != Some(&b'\n') {
            continue;
        }
        previous = w;
        for &p in postings_of(index, w, names_only) {
            if !term.mode.end || p.last() {
                f(p, Tier::Contains, 0);
            }
        }
    }
}

/// Names and aliases whose words' initials the term starts.
fn by_initials(index: &Index<'_>, term: &Term, f: &mut impl FnMut(Posting, Tier, i64)) {
    if term.len() < 2 {
        return;
    }
    for i in index.initials.prefixed(&term.folded) {
        for &piece in &index.initial_pieces[i] {
            f(Posting { piece, at: 0 }, Tier::Initials, 0);
        }
    }
}

/// Name and alias words one edit from a term of five letters or more.
fn one_typo(index: &Index<'_>, term: &Term, f: &mut impl FnMut(Posting, Tier, i64)) {
    let len = term.len();
    if len < 5 {
        return;
    }
    for n in len - 1..=len + 1 {
        for &w in index.name_words_by_len.get(&n).map_or(&[][..], Vec::as_slice) {
            let word = index.vocab.word(w as usize);
            if !word.starts_with(&term.folded) && one_edit(&term.folded, word) {
                index.postings.names(w as usize).iter().for_each(|&p| f(p, Tier::Typo, 0));
            }
        }
    }
}

/// Names and aliases holding the term's letters in order, scoring above the floor. The
/// character-set test and the in-order test skip most names before the matcher runs.
fn scattered(index: &Index<'_>, term: &Term, f: &mut impl FnMut(Posting, Tier, i64)) {
    let len = term.len();
    if len < 3 {
        return;
    }
    let mask = char_mask(&term.folded);
    let matcher = SkimMatcherV2::default().ignore_case();
    for (i, &m) in index.name_masks.iter().enumerate() {
        if mask & !m != 0 {
            continue;
        }
        let name = index.names.word(i);
        if !in_order(name, &term.folded) {
            continue;
        }
        if let Some(score) = fuzzy_score(&matcher, name, &term.folded, len) {
            f(Posting { piece: index.name_pieces[i], at: 0 }, Tier::Fuzzy, score);
        }
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
fn each_cased(index: &Index<'_>, term: &Term, f: &mut impl FnMut(Posting, Tier, i64)) {
    let folded = Term { cased: None, ..term.clone() };
    let mut pieces: Vec<u32> = Vec::new();
    each_folded(index, &folded, &mut |p, _, _| pieces.push(p.piece));
    pieces.sort_unstable();
    pieces.dedup();
    for piece in pieces {
        let field = index.pieces[piece as usize].field;
        if let Some(m) = mark(&index.piece_text(piece).joined(), term, field) {
            f(Posting { piece, at: 0 }, m.tier, m.score);
        }
    }
}
