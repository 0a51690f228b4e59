//! The stored answers' data, kept with the index's tables: what the search of each costly
//! short term found when the index was built. How they are found and used is
//! [`frequent`](super::super::frequent)'s; here is only their shape, so that the index's
//! tables can hold them without the index depending on the search that fills them.

use super::super::rank::Grade;

/// The stored answers, term by term in sorted order.
#[derive(Debug, Default, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub(crate) struct Frequent {
    /// The terms (folded), sorted.
    pub(crate) terms: Vec<String>,
    /// For each term, how many destinations of each category it matches, in
    /// `Category::all` order: `CATEGORIES` numbers per term.
    pub(crate) counts: Vec<u32>,
    /// For each term and category (in the same order), where its best hits start in
    /// `hits`; one more at the end.
    pub(crate) starts: Vec<u32>,
    /// The best hits of each term and category, best first: destination and grade.
    pub(crate) hits: Vec<(u32, Grade)>,
}
