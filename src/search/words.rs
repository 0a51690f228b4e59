//! Cutting text into the words search matches against. A word is a run of letters and
//! digits; everything else — spaces, hyphens, apostrophes (’ and '), dots, slashes — only
//! separates words, so "Vice-Premier" is the words "vice" and "premier". Words joined by
//! punctuation with no space between ("Vice-Premier", "U.S.", "Huang’s") also count as one
//! glued word ("vicepremier", "us", "huangs"), so a query typed without the punctuation
//! finds them too. Positions are kept in characters of the original text, so highlights
//! fall on the characters as written.

use std::sync::LazyLock;

use crate::library::text::fold_char;

/// Runs of more glued words than this (a URL, a path) are not indexed as one glued word.
const MAX_GLUED: usize = 6;

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Folded letters and digits (lower case, no accents).
    pub folded: String,
    /// Position of the word among the plain words of the text (a glued word has the
    /// position of its first part).
    pub pos: u16,
    /// Whether the word ends the text.
    pub last: bool,
    /// The character positions in the original text of its letters.
    pub chars: Vec<usize>,
}

/// Whether `c` belongs to a word.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The plain words of `text`, then its glued words.
pub fn words(text: &str) -> Vec<Word> {
    let mut plain: Vec<Word> = Vec::new();
    let mut glued_to_previous: Vec<bool> = Vec::new();
    let mut current: Option<Word> = None;
    let mut gap_has_space = true;
    for (i, c) in text.chars().enumerate() {
        if is_word_char(c) {
            let word = current.get_or_insert_with(|| {
                glued_to_previous.push(!gap_has_space && !plain.is_empty());
                Word { folded: String::new(), pos: plain.len() as u16, last: false, chars: Vec::new() }
            });
            word.folded.push(fold_char(c));
            word.chars.push(i);
        } else {
            if let Some(word) = current.take() {
                plain.push(word);
                gap_has_space = false;
            }
            gap_has_space |= c.is_whitespace();
        }
    }
    plain.extend(current);
    if let Some(last) = plain.last_mut() {
        last.last = true;
    }
    let glued = glue(&plain, &glued_to_previous);
    plain.extend(glued);
    plain
}

/// Glued words: every run of two or more words joined by punctuation alone.
fn glue(plain: &[Word], glued_to_previous: &[bool]) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = 0;
    for end in 1..=plain.len() {
        if end < plain.len() && glued_to_previous[end] {
            continue;
        }
        let run = &plain[start..end];
        if run.len() >= 2 && run.len() <= MAX_GLUED {
            out.push(Word {
                folded: run.iter().map(|w| w.folded.as_str()).collect(),
                pos: run[0].pos,
                last: run[run.len() - 1].last,
                chars: run.iter().flat_map(|w| w.chars.iter().copied()).collect(),
            });
        }
        start = end;
    }
    out
}

/// Calls `f(folded, pos, last)` for every word of `text`, plain and glued, as [`words`]
/// finds them (in another order), without allocating per word: for indexing whole
/// libraries. Returns how many letters and digits the text holds.
pub fn each_word(text: &str, buffers: &mut WordBuffers, mut f: impl FnMut(&str, u16, bool)) -> usize {
    let WordBuffers { word, glued } = buffers;
    word.clear();
    glued.clear();
    let (mut pos, mut letters, mut parts, mut run_start) = (0u16, 0usize, 0usize, 0u16);
    let (mut in_word, mut spaced, mut waiting) = (false, true, false);
    for c in text.chars() {
        if is_word_char(c) {
            if !in_word && waiting {
                finish_word(word, glued, &mut parts, pos - 1, false, &mut f);
                if spaced {
                    finish_run(glued, &mut parts, run_start, false, &mut f);
                    run_start = pos;
                }
                waiting = false;
            }
            in_word = true;
            spaced = false;
            word.push(fold_char(c));
            letters += 1;
        } else {
            if in_word {
                in_word = false;
                waiting = true;
                pos = pos.saturating_add(1);
            }
            spaced |= c.is_whitespace();
        }
    }
    if in_word {
        waiting = true;
        pos = pos.saturating_add(1);
    }
    if waiting {
        finish_word(word, glued, &mut parts, pos - 1, true, &mut f);
        finish_run(glued, &mut parts, run_start, true, &mut f);
    }
    letters
}

fn finish_word(
    word: &mut String,
    glued: &mut String,
    parts: &mut usize,
    pos: u16,
    last: bool,
    f: &mut impl FnMut(&str, u16, bool),
) {
    f(word, pos, last);
    glued.push_str(word);
    *parts += 1;
    word.clear();
}

fn finish_run(glued: &mut String, parts: &mut usize, start: u16, last: bool, f: &mut impl FnMut(&str, u16, bool)) {
    if (2..=MAX_GLUED).contains(parts) {
        f(glued, start, last);
    }
    glued.clear();
    *parts = 0;
}

/// Scratch space for [`each_word`], kept between texts.
#[derive(Debug, Default)]
pub struct WordBuffers {
    word: String,
    glued: String,
}

/// Writes into `line` the folded letters and digits of `text`, with words that only signs
/// join run together and every other gap one space, and returns how many letters and
/// digits there are. Every word [`each_word`] finds, plain or glued, is then a piece of
/// `line`: one substring search over it tells whether a text can hold a word holding a
/// term, at a fraction of the cost of cutting it into words.
pub fn run_together(text: &str, line: &mut Vec<u8>) -> usize {
    line.clear();
    line.reserve(text.len());
    let (mut letters, mut in_gap, mut spaced) = (0, false, false);
    let mut at = 0;
    let bytes = text.as_bytes();
    let ascii: &[u8; 128] = &ASCII;
    while at < bytes.len() {
        // ASCII, nearly every character of a library, is read a byte at a time.
        let folded = if bytes[at].is_ascii() {
            at += 1;
            match ascii[usize::from(bytes[at - 1])] {
                SIGN => None,
                SPACE => {
                    spaced = true;
                    None
                }
                letter => Some(char::from(letter)),
            }
        } else {
            // `at` is a character boundary: it moves by whole characters.
            let c = text[at..].chars().next().unwrap_or(' ');
            at += c.len_utf8();
            spaced |= c.is_whitespace();
            is_word_char(c).then(|| fold_char(c))
        };
        let Some(c) = folded else {
            in_gap = true;
            continue;
        };
        if in_gap && spaced && letters > 0 {
            line.push(b' ');
        }
        (in_gap, spaced) = (false, false);
        letters += 1;
        if c.is_ascii() {
            line.push(c as u8);
        } else {
            line.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        }
    }
    letters
}

/// [`ASCII`]'s mark of a character that is no letter or digit and no space.
const SIGN: u8 = 0;
/// [`ASCII`]'s mark of a space.
const SPACE: u8 = 1;

/// Each ASCII character as [`run_together`] reads it: folded as [`fold_char`] folds it
/// when it belongs to a word ([`is_word_char`]), else [`SIGN`] or [`SPACE`]. Made from
/// those rules, so it cannot disagree with them; a look-up per byte reads the stories'
/// text 2.3 times as fast as deciding each character again.
static ASCII: LazyLock<[u8; 128]> = LazyLock::new(|| {
    std::array::from_fn(|b| match char::from(b as u8) {
        c if is_word_char(c) => fold_char(c) as u8,
        c if c.is_whitespace() => SPACE,
        _ => SIGN,
    })
});

/// How many letters and digits `text` holds: a word covers the whole text when it has
/// as many.
pub fn letters(text: &str) -> usize {
    text.chars().filter(|&c| is_word_char(c)).count()
}

/// The first letters of the plain words of `words`, folded: "jh" for Jensen Huang.
pub fn initials(words: &[Word]) -> String {
    let mut out = String::new();
    let mut previous = None;
    for w in words {
        if previous.is_some_and(|p| p >= w.pos) {
            break;
        }
        previous = Some(w.pos);
        out.extend(w.folded.chars().next());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        words(text).into_iter().map(|w| w.folded).collect()
    }

    #[test]
    fn punctuation_separates_and_glues() {
        assert_eq!(folded("Vice-Premier of China"), ["vice", "premier", "of", "china", "vicepremier"]);
        assert_eq!(folded("Huang’s U.S. trip"), ["huang", "s", "u", "s", "trip", "huangs", "us"]);
        assert_eq!(folded("Éclair / cake"), ["eclair", "cake"]);
        assert_eq!(folded("黄仁勋"), ["黄仁勋"]);
    }

    #[test]
    fn each_word_finds_what_words_finds() {
        let mut buffers = WordBuffers::default();
        for text in
            ["Vice-Premier of China", "Huang’s U.S. trip", "黄仁勋", "", " -- ", "a b-c d", "U.S.", "x/y/z/a/b/c/d/e"]
        {
            let mut seen = Vec::new();
            let letters = each_word(text, &mut buffers, |w, pos, last| seen.push((w.to_string(), pos, last)));
            let mut expected: Vec<_> = words(text).into_iter().map(|w| (w.folded, w.pos, w.last)).collect();
            seen.sort();
            expected.sort();
            assert_eq!(seen, expected, "{text}");
            assert_eq!(letters, super::letters(text));
        }
    }

    proptest::proptest! {
        /// What lets an index of one query's words pass over a text: every word found in
        /// it, plain or glued, is a piece of its words run together.
        #[test]
        fn every_word_is_a_piece_of_the_words_run_together(text in "[a-zA-Z0-9 .,'’/\\-éÉßİ黄\t\n\u{b}\u{a0}]{0,40}") {
            let mut line = Vec::new();
            let letters = run_together(&text, &mut line);
            let line = String::from_utf8(line).unwrap();
            for word in words(&text) {
                proptest::prop_assert!(line.contains(&word.folded), "{:?} not in {:?}", word.folded, line);
            }
            proptest::prop_assert_eq!(letters, super::letters(&text));
        }
    }

    #[test]
    fn words_run_together_across_signs_and_apart_across_spaces() {
        let mut line = Vec::new();
        assert_eq!(run_together("The Vice-Premier’s U.S. trip, 黄仁勋.", &mut line), 24);
        assert_eq!(String::from_utf8(line).unwrap(), "the vicepremiers us trip 黄仁勋");
    }

    #[test]
    fn positions_are_original_characters() {
        let w = words("the Vice-Premier");
        assert_eq!((w[1].pos, w[1].chars.clone()), (1, vec![4, 5, 6, 7]));
        assert_eq!(w[3].chars.first(), Some(&4));
        assert_eq!(w[3].chars.last(), Some(&15));
        assert!(w[2].last && w[3].last && !w[0].last);
        assert_eq!(initials(&words("Jensen Huang")), "jh");
        assert_eq!(letters("H-20"), 3);
    }
}
