//! Matching one term against one text, as the index does, but with the positions of the
//! matched characters: for highlighting the rows on screen, for `search --json`, and to
//! check the case of a term with capitals. Only shown rows pay for this.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::edit::one_edit;
use super::query::Term;
use super::rank::Tier;
use super::source::Field;
use super::words::{Word, initials, letters, words};
use crate::library::text::{fold, fold_char, fold_keep_case, strip_accent};

/// A scattered-letter match must score at least this much per letter of the term: it
/// keeps runs of letters and word starts ("dpsk" → DeepSeek) and drops letters picked
/// one by one out of long names ("amd" → "Chinese state media").
pub const FUZZY_FLOOR_PER_LETTER: i64 = 17;

/// Terms of this many letters or more match a name word one edit away: shorter ones
/// would be a typo of too many words.
pub const MIN_TYPO: usize = 5;

/// The smallest terms matched inside a word: two letters in names, three elsewhere.
pub fn infix_from(field: Field) -> usize {
    if field.is_name() { 2 } else { 3 }
}

/// How a term matched a text, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// How it matched.
    pub tier: Tier,
    /// Character positions of the matched characters in the text.
    pub positions: Vec<usize>,
    /// fuzzy-matcher's score, for fuzzy matches.
    pub score: i64,
}

/// Whether a term may match in ways other than as written (one typo, scattered letters).
pub fn loose(term: &Term) -> bool {
    !term.mode.exact && !term.mode.start && !term.mode.end
}

/// The best match of `term` in `text`, a text of `field`, if it matches.
pub fn mark(text: &str, term: &Term, field: Field) -> Option<Mark> {
    let wanted = term.cased.as_deref().unwrap_or(&term.folded);
    let len = term.len();
    if len < 2 && !field.is_name() {
        return None;
    }
    let found = words(text);
    let chars: Vec<char> = text.chars().collect();
    let form = |w: &Word| -> String {
        if term.cased.is_some() { w.chars.iter().map(|&i| strip_accent(chars[i])).collect() } else { w.folded.clone() }
    };
    let whole = letters(text);
    let mut best: Option<Mark> = None;
    let offer = |best: &mut Option<Mark>, m: Mark| {
        if best.as_ref().is_none_or(|b| m.tier < b.tier) {
            *best = Some(m);
        }
    };
    for w in &found {
        if let Some(m) = in_word(&form(w), w, wanted, len, whole, term, field) {
            offer(&mut best, m);
        }
    }
    let beaten = |tier: Tier| best.as_ref().is_some_and(|b| b.tier < tier);
    if loose(term) && field.is_name() && !beaten(Tier::Initials) {
        if len >= 2 && initials_of(&found, &chars, term).starts_with(wanted) {
            offer(&mut best, Mark { tier: Tier::Initials, positions: first_letters(&found, len), score: 0 });
        }
        let cased = term.cased.is_some();
        let same = |a: char, b: char| if cased { strip_accent(a) == b } else { fold_char(a) == b };
        let starts_word = |c: char| found.iter().any(|w| w.chars.first().is_some_and(|&i| same(chars[i], c)));
        let first = wanted.chars().next().is_some_and(starts_word);
        if len >= 3 && first && best.is_none() {
            if let Some(m) = fuzzy(text, wanted, term.cased.is_some(), len) {
                offer(&mut best, m);
            }
        }
    }
    best
}

/// A match inside one word: whole, at its start, inside it or one edit away.
fn in_word(form: &str, w: &Word, wanted: &str, len: usize, whole: usize, term: &Term, field: Field) -> Option<Mark> {
    if term.mode.start && w.pos != 0 {
        return None;
    }
    let mark = |tier, positions| Some(Mark { tier, positions, score: 0 });
    if form.starts_with(wanted) {
        let equal = form.len() == wanted.len();
        if term.mode.end && !(equal && w.last) {
            return None;
        }
        let tier = match w.pos {
            0 if equal && whole == len => Tier::Exact,
            0 => Tier::Prefix,
            _ => Tier::Word,
        };
        return mark(tier, w.chars[..len].to_vec());
    }
    if !term.mode.start && len >= infix_from(field) {
        if let Some(byte) = form.find(wanted) {
            if term.mode.end && !(byte + wanted.len() == form.len() && w.last) {
                return None;
            }
            let at = form[..byte].chars().count();
            return mark(Tier::Contains, w.chars[at..at + len].to_vec());
        }
    }
    if loose(term) && field.is_name() && len >= MIN_TYPO && one_edit(wanted, form) {
        return mark(Tier::Typo, w.chars.clone());
    }
    None
}

fn initials_of(found: &[Word], chars: &[char], term: &Term) -> String {
    if term.cased.is_none() {
        return initials(found);
    }
    let mut out = String::new();
    let mut previous = None;
    for w in found {
        if previous.is_some_and(|p| p >= w.pos) {
            break;
        }
        previous = Some(w.pos);
        out.extend(w.chars.first().map(|&i| strip_accent(chars[i])));
    }
    out
}

fn first_letters(found: &[Word], n: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut previous = None;
    for w in found {
        if previous.is_some_and(|p| p >= w.pos) || out.len() == n {
            break;
        }
        previous = Some(w.pos);
        out.extend(w.chars.first().copied());
    }
    out
}

/// A scattered-letter match of a name, if it scores above the floor.
pub fn fuzzy(text: &str, wanted: &str, cased: bool, len: usize) -> Option<Mark> {
    let matcher = SkimMatcherV2::default();
    let (matcher, hay) =
        if cased { (matcher.respect_case(), fold_keep_case(text)) } else { (matcher.ignore_case(), fold(text)) };
    let (score, positions) = matcher.fuzzy_indices(&hay, wanted)?;
    (score >= FUZZY_FLOOR_PER_LETTER * len as i64).then_some(Mark { tier: Tier::Fuzzy, positions, score })
}

/// fuzzy-matcher's score of a folded name, if above the floor (no positions: for ranking
/// every name, where positions would be wasted).
pub fn fuzzy_score(matcher: &SkimMatcherV2, folded: &str, wanted: &str, len: usize) -> Option<i64> {
    matcher.fuzzy_match(folded, wanted).filter(|&s| s >= FUZZY_FLOOR_PER_LETTER * len as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Query;

    fn tier(text: &str, query: &str, field: Field) -> Option<Tier> {
        let q = Query::parse(query);
        mark(text, &q.groups[0][0], field).map(|m| m.tier)
    }

    #[test]
    fn tiers_from_strongest() {
        assert_eq!(tier("H20", "h20", Field::Name), Some(Tier::Exact));
        assert_eq!(tier("H20 Labs", "h20", Field::Name), Some(Tier::Prefix));
        assert_eq!(tier("Jensen Huang", "hua", Field::Name), Some(Tier::Word));
        assert_eq!(tier("Jensen Huang", "jh", Field::Name), Some(Tier::Initials));
        assert_eq!(tier("Jensen Huang", "ensen", Field::Name), Some(Tier::Contains));
        assert_eq!(tier("Jensen Huang", "jenson", Field::Name), Some(Tier::Typo));
        assert_eq!(tier("Jensen Huang spoke", "jenson", Field::Sentence), None);
        assert_eq!(tier("Vice-Premier of China", "premier", Field::Role), Some(Tier::Word));
        assert_eq!(tier("Vice-Premier", "vicepremier", Field::Role), Some(Tier::Exact));
        assert_eq!(tier("DeepSeek", "dpsk", Field::Name), Some(Tier::Fuzzy));
        assert_eq!(tier("Chinese state media", "amd", Field::Name), None);
    }

    #[test]
    fn operators_and_case() {
        assert_eq!(tier("Nvidia", "^nv", Field::Name), Some(Tier::Prefix));
        assert_eq!(tier("Jensen Huang", "^hu", Field::Name), None);
        assert_eq!(tier("Jensen Huang", "ang$", Field::Name), Some(Tier::Contains));
        assert_eq!(tier("Jensen Huang", "sen$", Field::Name), None);
        assert_eq!(tier("Jensen Huang", "'jenson", Field::Name), None);
        assert_eq!(tier("Jensen Huang", "Huang", Field::Name), Some(Tier::Word));
        assert_eq!(tier("Jensen HUANG", "Huang", Field::Name), None);
    }

    #[test]
    fn positions_are_characters_of_the_original() {
        let q = Query::parse("premier");
        let m = mark("the Vice-Premier", &q.groups[0][0], Field::Role).expect("matches");
        assert_eq!(m.positions, (9..16).collect::<Vec<_>>());
        let q = Query::parse("jh");
        assert_eq!(mark("Jensen Huang", &q.groups[0][0], Field::Name).map(|m| m.positions), Some(vec![0, 7]));
    }
}
