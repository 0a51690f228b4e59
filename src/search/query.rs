//! Parsing what the user typed: an optional `@kind` filter and the words to find, with
//! smart case (case-sensitive only when the query has a capital).

use super::candidate::Category;
use super::fold::{char_mask, fold, fold_keep_case};

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// The text to find, filter removed and spaces trimmed.
    pub text: String,
    /// The form matched against candidates: folded, or accent-free with case kept.
    pub form: String,
    /// Whether matching respects case (the query has a capital letter).
    pub case_sensitive: bool,
    /// Only this category, when the query names one with `@`.
    pub filter: Option<Category>,
    /// Characters the query needs, for the prefilter.
    pub mask: u64,
}

impl Query {
    /// Parses `@person huang`, `@fig billion`, `梁文`, `Huang`.
    pub fn parse(raw: &str) -> Query {
        let mut filter = None;
        let mut words = Vec::new();
        for word in raw.split_whitespace() {
            match word.strip_prefix('@') {
                Some(name) if filter.is_none() => filter = category_named(name),
                _ => words.push(word),
            }
        }
        let text = words.join(" ");
        let case_sensitive = text.chars().any(char::is_uppercase);
        let form = if case_sensitive { fold_keep_case(&text) } else { fold(&text) };
        Query { mask: char_mask(&fold(&text)), text, form, case_sensitive, filter }
    }

    /// Whether there is nothing to look for: no text and no filter.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty() && self.filter.is_none()
    }

    /// Whether results for `self` are among those for `earlier`, so a search can narrow
    /// the earlier results instead of scanning everything: the user typed more letters.
    pub fn narrows(&self, earlier: &Query) -> bool {
        !earlier.text.is_empty()
            && self.filter == earlier.filter
            && self.case_sensitive == earlier.case_sensitive
            && self.form.starts_with(&earlier.form)
    }
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

    #[test]
    fn filters_and_smart_case() {
        let q = Query::parse("@person huang");
        assert_eq!(
            (q.filter, q.text.as_str(), q.case_sensitive),
            (Some(Category::Entity(Kind::Person)), "huang", false)
        );
        let q = Query::parse("@fig  Billion ");
        assert_eq!(
            (q.filter, q.text.as_str(), q.case_sensitive),
            (Some(Category::Entity(Kind::Figure)), "Billion", true)
        );
        assert_eq!(Query::parse("@org").filter, Some(Category::Entity(Kind::Organisation)));
        assert_eq!(Query::parse("@nothing x").filter, None);
        assert_eq!(Query::parse("José").form, "Jose");
        assert!(Query::parse("  ").is_empty());
    }

    #[test]
    fn longer_queries_narrow_shorter_ones() {
        assert!(Query::parse("deeps").narrows(&Query::parse("dee")));
        assert!(!Query::parse("dee").narrows(&Query::parse("deeps")));
        assert!(!Query::parse("Dee").narrows(&Query::parse("de")));
        assert!(!Query::parse("@chip h").narrows(&Query::parse("h")));
    }
}
