//! Finding mentions in story text: every name, alias, native-script name and figure
//! display text of a briefing's entities, matched as whole words, leftmost-longest, in
//! one pass of a multi-pattern automaton; author pins override and suppress.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rustc_hash::FxHashMap;

use super::model::{Briefing, EntityId, Library, Mention, Paragraph};
use super::parallel::in_parallel;

/// Links every mention in a briefing's paragraphs, in reading order.
pub fn link_briefing(library: &Library, briefing: &Briefing) -> Vec<Mention> {
    let (patterns, owners) = patterns(library, &briefing.entities);
    // A contiguous NFA builds several times faster than a DFA for a briefing's hundred-odd
    // names and searches a few paragraphs about as fast: building dominated linking.
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(&patterns)
        .ok();
    let mut mentions = Vec::new();
    for (index, paragraph) in briefing.paragraphs.iter().enumerate() {
        let found = automaton.as_ref().map(|ac| candidates(ac, &owners, paragraph)).unwrap_or_default();
        mentions.extend(choose(found, paragraph).into_iter().map(|(range, entity)| Mention {
            entity,
            paragraph: index,
            range,
        }));
    }
    mentions
}

/// Links every briefing of the library, spreading the work over the machine's cores.
pub fn link_all(library: &Library) {
    let ids: Vec<_> = library.briefing_ids().collect();
    in_parallel(&ids, |&b| {
        library.mentions(b);
    });
}

/// The strings that mention each entity, and which entity each pattern belongs to.
fn patterns<'l>(library: &'l Library, entities: &[EntityId]) -> (Vec<&'l str>, Vec<EntityId>) {
    let mut seen: FxHashMap<&str, EntityId> = FxHashMap::default();
    let mut patterns = Vec::new();
    let mut owners = Vec::new();
    for &id in entities {
        let entity = library.entity(id);
        let names = std::iter::once(entity.name.as_str())
            .chain(entity.aliases.iter().map(String::as_str))
            .chain(entity.native_name.as_deref());
        for name in names.filter(|n| !n.is_empty()) {
            // A shared alias links to the first entity that declares it (check warns).
            if seen.insert(name, id).is_none() {
                patterns.push(name);
                owners.push(id);
            }
        }
    }
    (patterns, owners)
}

/// All whole-word matches in a paragraph, overlapping, as (range, entity).
fn candidates(ac: &AhoCorasick, owners: &[EntityId], paragraph: &Paragraph) -> Vec<(Range<usize>, EntityId)> {
    let text = paragraph.text.as_str();
    ac.find_overlapping_iter(text)
        .filter(|m| is_whole_word(text, m.range()))
        .map(|m| (m.range(), owners[m.pattern().as_usize()]))
        .collect()
}

/// Picks leftmost-longest non-overlapping matches outside the author's pins, then adds
/// the pinned spans, all in text order.
fn choose(mut found: Vec<(Range<usize>, EntityId)>, paragraph: &Paragraph) -> Vec<(Range<usize>, EntityId)> {
    found.retain(|(range, _)| !paragraph.pins.iter().any(|(pin, _)| overlaps(pin, range)));
    found.sort_by_key(|(range, _)| (range.start, usize::MAX - range.end));
    let mut chosen: Vec<(Range<usize>, EntityId)> = Vec::with_capacity(found.len());
    for (range, entity) in found {
        if chosen.last().is_none_or(|(last, _)| range.start >= last.end) {
            chosen.push((range, entity));
        }
    }
    chosen.extend(paragraph.pins.iter().filter_map(|(range, target)| target.map(|e| (range.clone(), e))));
    chosen.sort_by_key(|(range, _)| range.start);
    chosen
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Whether `range` of `text` starts and ends on word boundaries. Ideographic scripts do
/// not separate words with spaces, so a CJK character never joins words.
pub fn is_whole_word(text: &str, range: Range<usize>) -> bool {
    let (Some(first), Some(last)) = (text[range.clone()].chars().next(), text[range.clone()].chars().next_back())
    else {
        return false;
    };
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    !(joins(before, first) || joins(after, last))
}

fn joins(neighbour: Option<char>, edge: char) -> bool {
    neighbour.is_some_and(|n| is_word_char(n) && is_word_char(edge))
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_ideographic(c)
}

/// CJK ideographs, kana and Hangul syllables.
pub fn is_ideographic(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// The byte range of the sentence of `text` that holds `range`.
pub fn sentence_around(text: &str, range: Range<usize>) -> Range<usize> {
    let start = text[..range.start]
        .char_indices()
        .rev()
        .find(|&(i, _)| ends_sentence(text, i))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[range.end..]
        .char_indices()
        .find(|&(i, _)| ends_sentence(text, range.end + i))
        .map_or(text.len(), |(i, c)| range.end + i + c.len_utf8());
    let sentence = &text[start..end];
    start + (sentence.len() - sentence.trim_start().len())..end
}

/// The byte ranges of the sentences of `text`, in order, without surrounding spaces.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if ends_sentence(text, i) {
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

/// Whether the character at byte `at` ends a sentence: a stop followed by the end of the
/// text or by a space and no lowercase letter, and not an initial as in "U.S.".
fn ends_sentence(text: &str, at: usize) -> bool {
    let Some(c) = text[at..].chars().next() else { return false };
    if matches!(c, '。' | '？' | '！') {
        return true;
    }
    if !matches!(c, '.' | '?' | '!') {
        return false;
    }
    let after = &text[at + c.len_utf8()..];
    let next_word = after.trim_start().chars().next();
    let spaced = after.is_empty() || after.starts_with(char::is_whitespace);
    spaced && !next_word.is_some_and(char::is_lowercase) && !(c == '.' && is_initial(&text[..at]))
}

/// Whether the text ends in a lone capital letter, as before the stop of "U.S.".
fn is_initial(before: &str) -> bool {
    let mut rev = before.chars().rev();
    rev.next().is_some_and(char::is_uppercase) && rev.next().is_none_or(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        let text = "Huang’s trip; Huangs; aHuang; 黄仁勋说";
        assert!(is_whole_word(text, 0..5));
        assert!(!is_whole_word(text, 14..19));
        let inner = text.find("aHuang").unwrap() + 1;
        assert!(!is_whole_word(text, inner..inner + 5));
        let cjk = text.find('黄').unwrap();
        assert!(is_whole_word(text, cjk..cjk + "黄仁勋".len()));
    }

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
}
