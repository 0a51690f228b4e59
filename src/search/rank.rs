//! The ranking rules, strongest first: the whole text, a prefix, the start of a word,
//! the initials of the words, anywhere inside, then fuzzy-matcher's score. Initials and
//! fuzzy matching apply to names only: scattered letters across a sentence match almost
//! any query and would bury the real results. Within a tier names beat
//! aliases, aliases beat roles, roles beat sentences; then the higher score, the shorter
//! text and the candidate's position (entities in library order, then stories) break
//! ties, so the order is always the same.

use std::cmp::{Ordering, Reverse};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::candidate::{Candidate, Field};

/// How a candidate matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tier {
    /// The text is the query.
    Exact,
    /// The text starts with the query.
    Prefix,
    /// A word of the text starts with the query.
    Word,
    /// The query is (a prefix of) the initials of the words: "jh" for Jensen Huang.
    Initials,
    /// The query appears inside a word.
    Contains,
    /// Letters of the query appear in order.
    Fuzzy,
}

impl Tier {
    /// The name used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Exact => "exact",
            Tier::Prefix => "prefix",
            Tier::Word => "word",
            Tier::Initials => "initials",
            Tier::Contains => "contains",
            Tier::Fuzzy => "fuzzy",
        }
    }
}

/// A candidate that matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index of the candidate.
    pub index: u32,
    /// How it matched.
    pub tier: Tier,
    /// fuzzy-matcher's score (0 for the tiers above fuzzy).
    pub score: i64,
}

/// The tiers decided by plain string tests, before any fuzzy matching. Initials count
/// only for names (`short`): the initials of a sentence mean nothing.
pub fn quick_tier(text: &str, query: &str, short: bool) -> Option<Tier> {
    substring_tier(text, query, short).filter(|&t| t != Tier::Contains)
}

/// Every tier but fuzzy, looking for the query in the text only once: most candidates
/// of a large library do not contain it, and for them one scan is all the work.
fn substring_tier(text: &str, query: &str, short: bool) -> Option<Tier> {
    let initials = || short && query.chars().count() >= 2 && initials_start_with(text, query);
    match text.find(query) {
        Some(0) if text.len() == query.len() => Some(Tier::Exact),
        Some(0) => Some(Tier::Prefix),
        Some(first) if text[first..].match_indices(query).any(|(i, _)| starts_word(text, first + i)) => {
            Some(Tier::Word)
        }
        Some(_) if initials() => Some(Tier::Initials),
        Some(_) => Some(Tier::Contains),
        None if initials() => Some(Tier::Initials),
        None => None,
    }
}

/// Ranks one candidate text against the query form; `short` texts are names.
pub fn rank(matcher: &SkimMatcherV2, index: u32, text: &str, query: &str, short: bool) -> Option<Hit> {
    if let Some(tier) = substring_tier(text, query, short) {
        return Some(Hit { index, tier, score: 0 });
    }
    if !short || !is_subsequence(text, query) {
        return None;
    }
    matcher.fuzzy_match(text, query).map(|score| Hit { index, tier: Tier::Fuzzy, score })
}

/// Whether the query's letters appear in the text in order: what a fuzzy match needs at
/// least, tested far faster than the matcher scores it.
fn is_subsequence(text: &str, query: &str) -> bool {
    let mut wanted = query.chars().filter(|c| !c.is_whitespace()).peekable();
    for c in text.chars() {
        if wanted.peek() == Some(&c) {
            wanted.next();
        }
    }
    wanted.peek().is_none()
}

/// A hit's place in the result order (see the module doc): smaller is better. All
/// integers, so ordering the hundreds of thousands of hits of a one-letter query over a
/// large library never compares strings.
pub type Key = (Tier, Field, Reverse<i64>, usize, u32);

/// The sort key of a hit.
pub fn key(hit: &Hit, candidates: &[Candidate<'_>]) -> Key {
    let c = &candidates[hit.index as usize];
    (hit.tier, c.field, Reverse(hit.score), c.text.len(), hit.index)
}

/// The result order (see the module doc).
pub fn order(a: &Hit, b: &Hit, candidates: &[Candidate<'_>]) -> Ordering {
    key(a, candidates).cmp(&key(b, candidates))
}

/// Whether byte `i` of `text` starts a word.
fn starts_word(text: &str, i: usize) -> bool {
    text[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
}

/// Whether the first letters of the words of `text` begin with `query` (spaces ignored).
fn initials_start_with(text: &str, query: &str) -> bool {
    let mut wanted = query.chars().filter(|c| !c.is_whitespace()).peekable();
    let mut previous_is_word = false;
    for c in text.chars() {
        let is_word = c.is_alphanumeric();
        if is_word && !previous_is_word {
            match wanted.peek() {
                Some(&w) if w == c => {
                    wanted.next();
                }
                Some(_) => return false,
                None => return true,
            }
        }
        previous_is_word = is_word;
    }
    wanted.peek().is_none()
}

/// Character positions of `query` in `text` for a hit of `tier`, for highlighting.
pub fn positions(matcher: &SkimMatcherV2, tier: Tier, text: &str, query: &str) -> Vec<usize> {
    let count = query.chars().count();
    let at = |byte: usize| text[..byte].chars().count();
    match tier {
        Tier::Exact | Tier::Prefix => (0..count).collect(),
        Tier::Word | Tier::Contains => {
            let mut found = text.match_indices(query).map(|(i, _)| i);
            let byte = if tier == Tier::Word { found.find(|&i| starts_word(text, i)) } else { found.next() };
            let byte = byte.unwrap_or(0);
            (at(byte)..at(byte) + count).collect()
        }
        Tier::Initials => word_starts(text).take(query.chars().filter(|c| !c.is_whitespace()).count()).collect(),
        Tier::Fuzzy => matcher.fuzzy_indices(text, query).map(|(_, p)| p).unwrap_or_default(),
    }
}

/// Character positions where words start.
fn word_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let mut previous_is_word = false;
    text.chars().enumerate().filter_map(move |(i, c)| {
        let start = c.is_alphanumeric() && !previous_is_word;
        previous_is_word = c.is_alphanumeric();
        start.then_some(i)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiers_from_strongest() {
        assert_eq!(quick_tier("h20", "h20", true), Some(Tier::Exact));
        assert_eq!(quick_tier("nvidia", "nv", true), Some(Tier::Prefix));
        assert_eq!(quick_tier("jensen huang", "hua", true), Some(Tier::Word));
        assert_eq!(quick_tier("jensen huang", "jh", true), Some(Tier::Initials));
        assert_eq!(quick_tier("advanced micro devices", "amd", true), Some(Tier::Initials));
        assert_eq!(quick_tier("amazon", "amd", true), None);
        assert_eq!(quick_tier("jensen huang spoke", "jhs", false), None);
        assert_eq!(quick_tier("jensen huang", "ensen", true), None);
    }

    #[test]
    fn sentences_match_only_whole_substrings() {
        let m = SkimMatcherV2::default();
        let sentence = "advanced micro devices reported a loss";
        assert_eq!(rank(&m, 0, sentence, "deeps", false), None);
        assert_eq!(rank(&m, 0, sentence, "port", false).map(|h| h.tier), Some(Tier::Contains));
        assert_eq!(rank(&m, 0, "deepseek", "dpsk", true).map(|h| h.tier), Some(Tier::Fuzzy));
    }

    #[test]
    fn positions_point_at_the_matched_letters() {
        let m = SkimMatcherV2::default();
        assert_eq!(positions(&m, Tier::Initials, "jensen huang", "jh"), vec![0, 7]);
        assert_eq!(positions(&m, Tier::Word, "jensen huang", "hu"), vec![7, 8]);
        assert_eq!(positions(&m, Tier::Prefix, "梁文锋", "梁文"), vec![0, 1]);
        assert_eq!(positions(&m, Tier::Contains, "a deepseek", "seek"), vec![6, 7, 8, 9]);
        assert_eq!(positions(&m, Tier::Fuzzy, "deepseek", "dsk").len(), 3);
    }
}
