//! Cutting text into the words search matches against. A word is a run of letters and
//! digits; everything else — spaces, hyphens, apostrophes (’ and '), dots, slashes — only
//! separates words, so "Vice-Premier" is the words "vice" and "premier". Words joined by
//! punctuation with no space between ("Vice-Premier", "U.S.", "Huang’s") also count as one
//! glued word ("vicepremier", "us", "huangs"), so a query typed without the punctuation
//! finds them too. Positions are kept in characters of the original text, so highlights
//! fall on the characters as written.

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
