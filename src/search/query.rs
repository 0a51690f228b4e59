//! Reading what the user typed, the way fzf reads it: spaces separate terms that must all
//! match, in any order; `a | b` matches either (`|` binds tighter than a space, so
//! `^core go$ | rb$` is `^core` and (`go$` or `rb$`)); `'x` matches only as written
//! (no typo, no scattered letters), `^x` at the start of a field, `x$` at its end, `!x`
//! must not match. `@kind` keeps one kind (several `@` keep any of them). Each term is
//! case-sensitive only when it has a capital letter (smart case, term by term).

use super::source::Category;
use super::words::is_word_char;
use crate::library::text::{fold, fold_keep_case};

/// The query syntax, one example and what it does per line: for the reader's help and
/// anyone else who lists it (docs/search.md has the full rules).
pub const SYNTAX: &[(&str, &str)] = &[
    ("nvidia ceo", "every term must match, in any order, in any field"),
    ("'huang", "only as written: no initials, typo or scattered letters"),
    ("^nv", "a field starts with it"),
    ("ia$", "a field ends with it"),
    ("!deepseek", "the result must not contain it"),
    ("h20 | h200", "either term (| binds tighter than a space)"),
    ("@person", "only this kind (@org, @fig, @sentence, @briefing …)"),
    ("Huang", "a capital makes that term case-sensitive"),
];

/// How a term may match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Mode {
    /// `'x`: only as written — no one-typo or scattered-letter matches.
    pub exact: bool,
    /// `^x`: the field starts with it.
    pub start: bool,
    /// `x$`: the field ends with it.
    pub end: bool,
}

/// One term of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// As typed, operators removed: what the box shows back.
    pub shown: String,
    /// Folded letters and digits, punctuation removed: what is looked up.
    pub folded: String,
    /// Accents removed, case kept, when the term has a capital: it must match this case.
    pub cased: Option<String>,
    /// Its operators.
    pub mode: Mode,
}

impl Term {
    /// Reads one term with its operators, `None` when no letters are left.
    fn parse(raw: &str) -> Option<(Term, bool)> {
        let (negated, rest) = strip(raw, '!');
        let (exact, rest) = strip(rest, '\'');
        let (start, rest) = strip(rest, '^');
        let (end, rest) = match rest.strip_suffix('$') {
            Some(r) if !r.is_empty() => (true, r),
            _ => (false, rest),
        };
        let letters = |s: String| -> String { s.chars().filter(|&c| is_word_char(c)).collect() };
        let folded = letters(fold(rest));
        if folded.is_empty() {
            return None;
        }
        let cased = rest.chars().any(char::is_uppercase).then(|| letters(fold_keep_case(rest)));
        let mode = Mode { exact: exact || negated, start, end };
        Some((Term { shown: rest.to_string(), folded, cased, mode }, negated))
    }

    /// How many letters it has.
    pub fn len(&self) -> usize {
        self.folded.chars().count()
    }

    /// Whether it has no letters (never true of a parsed term).
    pub fn is_empty(&self) -> bool {
        self.folded.is_empty()
    }

    /// How the box shows that it read this term.
    fn describe(&self) -> String {
        let body = match (self.mode.start, self.mode.end) {
            (true, true) => format!("={}", self.shown),
            (true, false) => format!("{}…", self.shown),
            (false, true) => format!("…{}", self.shown),
            (false, false) if self.mode.exact => format!("“{}”", self.shown),
            (false, false) => self.shown.clone(),
        };
        if self.cased.is_some() { format!("{body} (case)") } else { body }
    }
}

fn strip(s: &str, op: char) -> (bool, &str) {
    match s.strip_prefix(op) {
        Some(rest) if !rest.is_empty() => (true, rest),
        _ => (false, s),
    }
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// Groups that must all match; a group matches when any of its terms does.
    pub groups: Vec<Vec<Term>>,
    /// Terms that must not match anywhere in a result.
    pub excluded: Vec<Term>,
    /// Only these categories, when the query names any with `@`; empty keeps all.
    pub filter: Vec<Category>,
    /// `@names` that name no kind.
    pub unknown: Vec<String>,
}

impl Query {
    /// Parses `@person huang`, `vice premier`, `^nv !deepseek`, `h20 | h200`, `Huang`.
    pub fn parse(raw: &str) -> Query {
        let mut query = Query::default();
        let mut group: Vec<Term> = Vec::new();
        let mut joined = false;
        for word in raw.split_whitespace() {
            if word == "|" {
                joined = !group.is_empty() || joined;
                continue;
            }
            if let Some(name) = word.strip_prefix('@') {
                query.add_filter(name);
                continue;
            }
            let Some((term, negated)) = Term::parse(word) else { continue };
            if negated {
                query.excluded.push(term);
                continue;
            }
            if !joined && !group.is_empty() {
                query.groups.push(std::mem::take(&mut group));
            }
            group.push(term);
            joined = false;
        }
        if !group.is_empty() {
            query.groups.push(group);
        }
        query
    }

    fn add_filter(&mut self, name: &str) {
        if name.is_empty() {
            return;
        }
        match category_named(name) {
            Some(c) if !self.filter.contains(&c) => self.filter.push(c),
            Some(_) => {}
            None => self.unknown.push(name.to_string()),
        }
    }

    /// Whether there is nothing to look for: no terms and no filter.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty() && self.filter.is_empty() && self.unknown.is_empty()
    }

    /// Whether a category passes the query's `@` filter.
    pub fn keeps(&self, category: Category) -> bool {
        self.filter.is_empty() || self.filter.contains(&category)
    }

    /// Every positive term, group by group.
    pub fn terms(&self) -> impl Iterator<Item = &Term> {
        self.groups.iter().flatten()
    }

    /// The text to find in a story after jumping to a sentence: the longest term.
    pub fn find_text(&self) -> String {
        self.terms().max_by_key(|t| t.len()).map(|t| t.shown.clone()).unwrap_or_default()
    }

    /// How the query was read, for the box to show back: `vice + premier · (h20 or h200)
    /// · not deepseek · kind person`.
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let groups: Vec<String> = self.groups.iter().map(|g| describe_group(g)).collect();
        if !groups.is_empty() {
            parts.push(groups.join(" + "));
        }
        parts.extend(self.excluded.iter().map(|t| format!("not {}", t.describe())));
        if !self.filter.is_empty() {
            let kinds: Vec<&str> = self.filter.iter().map(|c| c.as_str()).collect();
            parts.push(format!("only {}", kinds.join(" or ")));
        }
        parts.extend(self.unknown.iter().map(|u| format!("no kind @{u} (try {})", kind_names())));
        parts.join(" · ")
    }
}

fn describe_group(group: &[Term]) -> String {
    let terms: Vec<String> = group.iter().map(Term::describe).collect();
    if terms.len() == 1 { terms.join("") } else { format!("({})", terms.join(" or ")) }
}

/// The names `@` accepts, for the message about one it does not.
fn kind_names() -> String {
    Category::all().map(|c| format!("@{}", c.as_str())).collect::<Vec<_>>().join(" ")
}

/// The category a filter names: its full name or a prefix of it (`@org`, `@fig`).
pub fn category_named(name: &str) -> Option<Category> {
    let name = name.to_lowercase();
    if name.is_empty() {
        return None;
    }
    Category::all().find(|c| c.as_str() == name).or_else(|| Category::all().find(|c| c.as_str().starts_with(&name)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Kind;

    fn folded(q: &Query) -> Vec<Vec<&str>> {
        q.groups.iter().map(|g| g.iter().map(|t| t.folded.as_str()).collect()).collect()
    }

    #[test]
    fn filters_and_smart_case_per_term() {
        let q = Query::parse("@person huang");
        assert_eq!((q.filter.clone(), folded(&q)), (vec![Category::Entity(Kind::Person)], vec![vec!["huang"]]));
        let q = Query::parse("@fig  Billion dollars");
        assert_eq!(q.groups[0][0].cased.as_deref(), Some("Billion"));
        assert_eq!(q.groups[1][0].cased, None);
        assert_eq!(Query::parse("@org").filter, vec![Category::Entity(Kind::Organisation)]);
        let q = Query::parse("@nothing x");
        assert_eq!(q.unknown, ["nothing"]);
        assert!(q.describe().contains("no kind @nothing"), "{}", q.describe());
        assert_eq!(Query::parse("José").groups[0][0].folded, "jose");
        assert!(Query::parse("  ").is_empty());
    }

    #[test]
    fn operators_and_precedence() {
        let q = Query::parse("^core go$ | rb$ | py$ !fire 'exact");
        assert_eq!(folded(&q), vec![vec!["core"], vec!["go", "rb", "py"], vec!["exact"]]);
        assert!(q.groups[0][0].mode.start && q.groups[1][0].mode.end && q.groups[2][0].mode.exact);
        assert_eq!(q.excluded[0].folded, "fire");
        assert_eq!(q.describe(), "core… + (…go or …rb or …py) + “exact” · not “fire”");
    }

    #[test]
    fn punctuation_is_not_looked_up() {
        assert_eq!(folded(&Query::parse("vice-premier u.s.")), vec![vec!["vicepremier"], vec!["us"]]);
        assert!(Query::parse("- ' ^ !").groups.is_empty());
        assert_eq!(folded(&Query::parse("huang’s")), vec![vec!["huangs"]]);
    }
}
