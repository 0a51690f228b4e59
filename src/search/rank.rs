//! The ranking rules, in order (see `docs/search.md`):
//!
//! 1. the weakest term's tier — how well the term that matched worst matched: the whole
//!    field, the start of the field, the start of a word, the initials of a name, inside a
//!    word, one typo in a name, scattered letters in a name;
//! 2. then the terms sitting together: all in one field, in the order typed, each the
//!    word after the one before ("vice premier" in "Vice-Premier of China");
//! 3. then the field that weakest term matched in (name, alias, role, … sentence);
//! 4. then the terms in one field in the order typed but further apart;
//! 5. then the scattered-letter score (fuzzy-matcher's), higher first;
//! 6. then the shorter title, then the destination's place in the library.
//!
//! Every step compares integers, so the order is total and the same on every run.

use super::source::Field;

/// How a term matched a field, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Tier {
    /// The term is the whole field.
    Exact,
    /// The field starts with the term.
    Prefix,
    /// A word of the field starts with the term.
    Word,
    /// The term starts the initials of a name's words: "jh" for Jensen Huang.
    Initials,
    /// The term is inside a word.
    Contains,
    /// A word of a name is one edit from the term.
    Typo,
    /// The term's letters appear in order in a name, close enough to score.
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
            Tier::Typo => "typo",
            Tier::Fuzzy => "fuzzy",
        }
    }

    fn from_u8(n: u8) -> Tier {
        const ALL: [Tier; 7] =
            [Tier::Exact, Tier::Prefix, Tier::Word, Tier::Initials, Tier::Contains, Tier::Typo, Tier::Fuzzy];
        ALL[(n as usize).min(ALL.len() - 1)]
    }
}

/// How closely the terms sit together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Together {
    /// In one field, in the order typed, each the word after the one before.
    Phrase,
    /// In one field, in the order typed.
    InOrder,
    /// Anywhere.
    Apart,
}

/// A destination that matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// The destination (see [`super::Index::destination`]).
    pub dest: u32,
    /// The weakest term's tier.
    pub tier: Tier,
    /// How closely the terms sit together.
    pub together: Together,
    /// The field the weakest term matched in.
    pub field: Field,
    /// fuzzy-matcher's score of the weakest term (0 above the fuzzy tier).
    pub score: i64,
}

/// A term's match in one destination packed in 32 bits, smaller is better: tier, field,
/// then the fuzzy score inverted. The weakest term of a destination is the largest.
pub(crate) type Grade = u32;

/// Packs a grade.
pub(crate) fn grade(tier: Tier, field: Field, score: i64) -> Grade {
    let inverted = if tier == Tier::Fuzzy { 0xFFFF - score.clamp(0, 0xFFFF) as u32 } else { 0 };
    (tier as u32) << 24 | (field as u32) << 16 | inverted
}

/// Unpacks a grade into (tier, field, score).
pub(crate) fn ungrade(g: Grade) -> (Tier, Field, i64) {
    let tier = Tier::from_u8((g >> 24) as u8);
    let score = if tier == Tier::Fuzzy { i64::from(0xFFFF - (g & 0xFFFF)) } else { 0 };
    (tier, Field::from_u8((g >> 16) as u8), score)
}

/// A hit's place in the result order: smaller is better.
pub(crate) fn key(g: Grade, together: Together, title_len: u16, dest: u32) -> (u64, u32) {
    let (tier, field, _) = ungrade(g);
    let phrase = u64::from(together != Together::Phrase);
    let in_order = u64::from(together == Together::Apart);
    let packed =
        (tier as u64) << 56 | phrase << 52 | (field as u64) << 44 | in_order << 40 | u64::from(g & 0xFFFF) << 16;
    (packed | u64::from(title_len), dest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_order_by_tier_then_field_then_score() {
        assert!(grade(Tier::Exact, Field::Sentence, 0) < grade(Tier::Prefix, Field::Name, 0));
        assert!(grade(Tier::Word, Field::Name, 0) < grade(Tier::Word, Field::Role, 0));
        assert!(grade(Tier::Fuzzy, Field::Name, 90) < grade(Tier::Fuzzy, Field::Name, 40));
        assert_eq!(ungrade(grade(Tier::Fuzzy, Field::Alias, 77)), (Tier::Fuzzy, Field::Alias, 77));
        let together = key(grade(Tier::Word, Field::Role, 0), Together::Phrase, 30, 9);
        let apart = key(grade(Tier::Word, Field::Name, 0), Together::Apart, 3, 1);
        assert!(together < apart, "terms together beat a better field");
        let in_order = key(grade(Tier::Word, Field::Sentence, 0), Together::InOrder, 3, 1);
        let role = key(grade(Tier::Word, Field::Role, 0), Together::Apart, 30, 9);
        assert!(role < in_order, "a better field beats terms merely in order");
    }
}
