//! Plain-text rules every layer agrees on: where sentences end, which characters are
//! ideographs, and how text is folded for matching. Search and find-in-story both fold with
//! [`fold`], so the sentence that searching "eclair" finds is one where find, given the
//! same letters, highlights "Éclair".

use std::borrow::Cow;
use std::ops::Range;

/// CJK ideographs, kana and Hangul syllables.
pub fn is_ideographic(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// How far a snippet reaches from a mention to either side, in bytes, before it is cut:
/// longer than the sentences of news writing, so a mention reads in its whole sentence, but
/// bounded, so a card never prints a paragraph-long "sentence" once per mention in it.
pub const SNIPPET_REACH: usize = 300;

/// A bounded piece of text around a mention: its sentence, cut at a word boundary on a side
/// where the sentence reaches further than [`SNIPPET_REACH`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The bytes of the text it shows.
    pub range: Range<usize>,
    /// Whether it was cut before the sentence's start.
    pub cut_start: bool,
    /// Whether it was cut before the sentence's end.
    pub cut_end: bool,
}

/// The snippet of `text` around `range`. It looks no further than [`SNIPPET_REACH`] either
/// way, so the cost is bounded by the reach and the mention, not by the paragraph: a card of
/// a paragraph with 30,000 mentions costs 30,000 short looks, not 30,000 paragraph scans.
pub fn snippet_around(text: &str, range: Range<usize>) -> Snippet {
    let floor = floor_boundary(text, range.start.saturating_sub(SNIPPET_REACH));
    let ceiling = ceil_boundary(text, (range.end + SNIPPET_REACH).min(text.len()));
    let stop_before = text[floor..range.start].char_indices().rev().find(|&(i, c)| ends_sentence(text, floor + i, c));
    let (start, cut_start) = match stop_before {
        Some((i, c)) => (floor + i + c.len_utf8(), false),
        None if floor == 0 => (0, false),
        None => (text[floor..range.start].find(char::is_whitespace).map_or(range.start, |i| floor + i), true),
    };
    let stop_after = text[range.end..ceiling].char_indices().find(|&(i, c)| ends_sentence(text, range.end + i, c));
    let (end, cut_end) = match stop_after {
        Some((i, c)) => (range.end + i + c.len_utf8(), false),
        None if ceiling == text.len() => (text.len(), false),
        None => (text[range.end..ceiling].rfind(char::is_whitespace).map_or(range.end, |i| range.end + i), true),
    };
    let piece = &text[start..end];
    Snippet {
        range: start + (piece.len() - piece.trim_start().len())..start + piece.trim_end().len(),
        cut_start,
        cut_end,
    }
}

/// The snippet around `range` as text, with `…` where it was cut.
pub fn snippet(text: &str, range: Range<usize>) -> Cow<'_, str> {
    let s = snippet_around(text, range);
    let shown = &text[s.range];
    match (s.cut_start, s.cut_end) {
        (false, false) => Cow::Borrowed(shown),
        (before, after) => {
            Cow::Owned(format!("{}{shown}{}", if before { "…" } else { "" }, if after { "…" } else { "" }))
        }
    }
}

/// The byte range of the sentence of `text` that holds `range`, as far as a snippet reaches.
pub fn sentence_around(text: &str, range: Range<usize>) -> Range<usize> {
    snippet_around(text, range).range
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The byte ranges of the sentences of `text`, in order, without surrounding spaces.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        // Most characters are no stop at all, and are cleared here without a call.
        if is_stop(c) && ends_sentence(text, i, c) {
            push_trimmed(&mut out, text, start..i + c.len_utf8());
            start = i + c.len_utf8();
        }
    }
    push_trimmed(&mut out, text, start..text.len());
    out
}

fn push_trimmed(out: &mut Vec<Range<usize>>, text: &str, range: Range<usize>) {
    let piece = &text[range.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

/// Whether `c`, at byte `at`, ends a sentence: a stop followed by the end of the text or by
/// a space and no lowercase letter, and not an initial as in "U.S.". Asked of every
/// character of every paragraph, so the character comes decoded.
fn ends_sentence(text: &str, at: usize, c: char) -> bool {
    if matches!(c, '。' | '？' | '！') {
        return true;
    }
    if !is_stop(c) {
        return false;
    }
    let after = &text[at + c.len_utf8()..];
    let next_word = after.trim_start().chars().next();
    let spaced = after.is_empty() || after.starts_with(char::is_whitespace);
    spaced && !next_word.is_some_and(char::is_lowercase) && !(c == '.' && is_initial(&text[..at]))
}

/// Whether `c` is a full stop, question or exclamation mark, Latin or CJK.
fn is_stop(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '。' | '？' | '！')
}

/// Whether the text ends in a lone capital letter, as before the stop of "U.S.".
fn is_initial(before: &str) -> bool {
    let mut rev = before.chars().rev();
    rev.next().is_some_and(char::is_uppercase) && rev.next().is_none_or(|c| !c.is_alphanumeric())
}

/// Folds one character: `É` → `e`, `ü` → `u`, `ß` → `s`; others lower-cased.
pub fn fold_char(c: char) -> char {
    // Most letters of a library are ASCII, and the accent table need not be asked of them.
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let base = strip_accent(c);
    if base.is_ascii() {
        return base.to_ascii_lowercase();
    }
    let mut lower = base.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => base,
    }
}

/// Removes the accent of a Latin letter, keeping its case, and straightens curly quotes
/// (people type `'` and `"`, stories print `’` and `”`).
pub fn strip_accent(c: char) -> char {
    match c {
        'À'..='Å' | 'Ā' | 'Ă' | 'Ą' => 'A',
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'Ç' | 'Ć' | 'Ĉ' | 'Ċ' | 'Č' => 'C',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'Ď' | 'Đ' => 'D',
        'ď' | 'đ' => 'd',
        'È'..='Ë' | 'Ē' | 'Ĕ' | 'Ė' | 'Ę' | 'Ě' => 'E',
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'Ĝ' | 'Ğ' | 'Ġ' | 'Ģ' => 'G',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'Ì'..='Ï' | 'Ĩ' | 'Ī' | 'Ĭ' | 'Į' | 'İ' => 'I',
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'Ł' | 'Ĺ' | 'Ļ' | 'Ľ' => 'L',
        'ł' | 'ĺ' | 'ļ' | 'ľ' => 'l',
        'Ñ' | 'Ń' | 'Ņ' | 'Ň' => 'N',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'Ò'..='Ö' | 'Ø' | 'Ō' | 'Ŏ' | 'Ő' => 'O',
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'Ŕ' | 'Ŗ' | 'Ř' => 'R',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'Ś' | 'Ŝ' | 'Ş' | 'Š' => 'S',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ß' => 's',
        'Ţ' | 'Ť' => 'T',
        'ţ' | 'ť' => 't',
        'Ù'..='Ü' | 'Ũ' | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' => 'U',
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'Ý' | 'Ÿ' => 'Y',
        'ý' | 'ÿ' => 'y',
        'Ź' | 'Ż' | 'Ž' => 'Z',
        'ź' | 'ż' | 'ž' => 'z',
        '’' | '‘' => '\'',
        '“' | '”' => '"',
        _ => c,
    }
}

/// Folds a string (lower case, no accents, straight quotes), character for character, so a
/// position in the folded text is the same character's position in the original.
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// Removes accents but keeps case, for case-sensitive (smart-case) matching.
pub fn fold_keep_case(text: &str) -> String {
    text.chars().map(strip_accent).collect()
}

/// Byte ranges of every folded occurrence of `query` in `text` (case, Latin accents and curly
/// quotes ignored), left to right, not overlapping: what find-in-story marks.
pub fn find_all(text: &str, query: &str) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    // `starts[k]` is where character k of the text begins; the folded haystack has the same
    // characters, so a match's character index maps straight back. Character indices are
    // counted as the search moves right, never from the start again, so finding every match
    // costs one pass over the text, however many matches there are.
    let (starts, hay): (Vec<usize>, String) = text.char_indices().map(|(i, c)| (i, fold_char(c))).unzip();
    let needle = fold(query);
    let count = needle.chars().count();
    let mut found = Vec::new();
    let (mut from, mut chars_before) = (0, 0);
    while let Some(at) = hay[from..].find(&needle) {
        let start = from + at;
        let first = chars_before + hay[from..start].chars().count();
        let end = starts.get(first + count).copied().unwrap_or(text.len());
        found.push(starts[first]..end);
        from = start + needle.len();
        chars_before = first + count;
    }
    found
}

/// Columns `text` takes in a terminal: each character's width, control characters none.
pub fn columns(text: &str) -> usize {
    text.chars().map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_splits_into_sentences() {
        let text = "One here. Two on U.S. soil? Three! ";
        let parts: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(parts, vec!["One here.", "Two on U.S. soil?", "Three!"]);
        assert!(sentences("  ").is_empty());
    }

    #[test]
    fn sentences_are_cut_at_stops() {
        let text = "First one. Nvidia fell 7% on U.S. news today. Last!";
        let at = text.find("Nvidia").unwrap();
        assert_eq!(&text[sentence_around(text, at..at + 6)], "Nvidia fell 7% on U.S. news today.");
        let last = text.find("Last").unwrap();
        assert_eq!(&text[sentence_around(text, last..last + 4)], "Last!");
    }

    #[test]
    fn a_snippet_is_cut_at_words_within_its_reach() {
        let long = "word ".repeat(200);
        let text = format!("Before. {long}Nvidia {long}end. After.");
        let at = text.find("Nvidia").unwrap();
        let s = snippet(&text, at..at + 6);
        assert!(s.starts_with("…word ") && s.ends_with(" word…"), "{s}");
        assert!(s.contains("Nvidia") && s.len() <= 2 * SNIPPET_REACH + 6 + 6, "{}", s.len());
        let short = "One. Two Nvidia three. Four.";
        assert_eq!(snippet(short, 9..15), "Two Nvidia three.");
    }

    #[test]
    fn find_counts_matches_without_rescanning() {
        let text = "é ab ".repeat(1000);
        let found = find_all(&text, "AB");
        assert_eq!(found.len(), 1000);
        assert!(found.iter().all(|r| &text[r.clone()] == "ab"));
    }

    #[test]
    fn folds_accents_and_case_one_for_one() {
        assert_eq!(fold("José Müller"), "jose muller");
        assert_eq!(fold("ÉCLAIR straße"), "eclair strase");
        assert_eq!(fold("梁文锋"), "梁文锋");
        assert_eq!(fold_keep_case("José"), "Jose");
        for text in ["José Müller", "Ægir ŁÓDŹ", "İstanbul"] {
            assert_eq!(fold(text).chars().count(), text.chars().count());
        }
    }

    #[test]
    fn find_ignores_case_accents_and_curly_quotes() {
        let text = "The H20 chip; the h20 again; 黄仁勋 and Éclair’s.";
        assert_eq!(find_all(text, "h20").len(), 2);
        let accented = find_all(text, "eclair's");
        assert_eq!(&text[accented[0].clone()], "Éclair’s");
        let cjk = find_all(text, "仁勋");
        assert_eq!(&text[cjk[0].clone()], "仁勋");
        assert!(find_all(text, "").is_empty());
    }
}
