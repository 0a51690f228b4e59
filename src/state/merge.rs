//! Merging two copies of the state, per key by time: what another reader wrote while this
//! one ran is kept, and where both changed the same key, the later change wins.

use std::hash::Hash;

use rustc_hash::FxHashMap;

use super::{HISTORY_LIMIT, Query, State};

/// Merges `theirs` (read from disk) into `ours`.
pub fn merge(ours: &mut State, theirs: State) {
    ours.version = ours.version.max(theirs.version);
    newer_per_key(&mut ours.briefings, theirs.briefings, |m| m.at);
    newer_per_key(&mut ours.bookmarks, theirs.bookmarks, |b| b.at);
    if let Some(resume) = theirs.resume {
        if ours.resume.as_ref().is_none_or(|r| r.at < resume.at) {
            ours.resume = Some(resume);
        }
    }
    for (key, at) in theirs.seen {
        let first = ours.seen.entry(key).or_insert(at);
        *first = (*first).min(at);
    }
    merge_queries(&mut ours.finds, theirs.finds);
    merge_queries(&mut ours.searches, theirs.searches);
}

/// For every key of `theirs`, keeps the entry changed later.
fn newer_per_key<K: Eq + Hash, V>(ours: &mut FxHashMap<K, V>, theirs: FxHashMap<K, V>, at: impl Fn(&V) -> u64) {
    for (key, value) in theirs {
        match ours.get(&key) {
            Some(mine) if at(mine) >= at(&value) => {}
            _ => {
                ours.insert(key, value);
            }
        }
    }
}

/// Both histories, each query once at its latest time, oldest first, bounded.
fn merge_queries(ours: &mut Vec<Query>, theirs: Vec<Query>) {
    for query in theirs {
        match ours.iter_mut().find(|q| q.text == query.text) {
            Some(mine) => mine.at = mine.at.max(query.at),
            None => ours.push(query),
        }
    }
    ours.sort_by_key(|q| q.at);
    let excess = ours.len().saturating_sub(HISTORY_LIMIT);
    ours.drain(..excess);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{Bookmark, Mark, Marked};

    fn bookmark(at: u64, entity: &str, removed: bool) -> Bookmark {
        Bookmark { at, target: Marked::Entity { entity: entity.into() }, label: String::new(), note: None, removed }
    }

    #[test]
    fn the_later_change_of_a_key_wins_and_other_keys_are_kept() {
        let mut ours = State::new();
        ours.bookmarks.insert("entity:nvidia".into(), bookmark(10, "nvidia", true));
        ours.briefings.insert("a".into(), Mark { at: 5, opened: true, ..Mark::default() });
        let mut theirs = State::new();
        theirs.bookmarks.insert("entity:nvidia".into(), bookmark(5, "nvidia", false));
        theirs.bookmarks.insert("entity:amd".into(), bookmark(6, "amd", false));
        theirs.briefings.insert("a".into(), Mark { at: 9, finished: true, ..Mark::default() });
        merge(&mut ours, theirs);
        assert!(ours.bookmarks["entity:nvidia"].removed, "the later removal wins");
        assert!(!ours.bookmarks["entity:amd"].removed);
        assert!(ours.briefings["a"].finished);
    }

    #[test]
    fn histories_are_joined_once_each_and_bounded() {
        let mut ours = State::new();
        State::remember(&mut ours.finds, "h20", 3);
        let mut theirs = State::new();
        for i in 0..HISTORY_LIMIT as u64 {
            State::remember(&mut theirs.finds, &format!("q{i}"), i);
        }
        State::remember(&mut theirs.finds, "h20", 1000);
        merge(&mut ours, theirs);
        assert_eq!(ours.finds.len(), HISTORY_LIMIT);
        assert_eq!(ours.finds.last().map(|q| q.text.as_str()), Some("h20"));
        assert_eq!(ours.finds.iter().filter(|q| q.text == "h20").count(), 1);
    }
}
