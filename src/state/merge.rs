//! Merging two copies of the state, per key by time: what another reader wrote while this
//! one ran is kept, and where both changed the same key, the later change wins.

use super::{Bookmark, HISTORY_LIMIT, Mark, Query, State};

/// Merges `theirs` (read from disk) into `ours`.
pub fn merge(ours: &mut State, theirs: State) {
    ours.version = ours.version.max(theirs.version);
    ours.briefings.merge(theirs.briefings, later(|m: &Mark| m.at));
    ours.bookmarks.merge(theirs.bookmarks, later(|b: &Bookmark| b.at));
    if let Some(resume) = theirs.resume {
        if ours.resume.as_ref().is_none_or(|r| r.at < resume.at) {
            ours.resume = Some(resume);
        }
    }
    ours.seen.merge(theirs.seen, |mine, their| {
        let earlier = their < *mine;
        *mine = (*mine).min(their);
        earlier
    });
    merge_queries(&mut ours.finds, theirs.finds);
    merge_queries(&mut ours.searches, theirs.searches);
}

/// Keeps the entry changed later (on a tie, ours); says whether theirs was taken.
fn later<V>(at: impl Fn(&V) -> u64) -> impl Fn(&mut V, V) -> bool {
    move |mine, their| {
        let take = at(&their) > at(mine);
        if take {
            *mine = their;
        }
        take
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
    use crate::state::Marked;

    fn bookmark(at: u64, entity: &str, removed: bool) -> Bookmark {
        Bookmark { at, target: Marked::Entity { entity: entity.into() }, label: String::new(), note: None, removed }
    }

    #[test]
    fn the_later_change_of_a_key_wins_and_other_keys_are_kept() {
        let mut ours = State::new();
        ours.bookmarks.insert("entity:nvidia", bookmark(10, "nvidia", true));
        ours.briefings.insert("a", Mark { at: 5, opened: true, ..Mark::default() });
        ours.seen.insert("b:a", 7);
        let mut theirs = State::new();
        theirs.bookmarks.insert("entity:nvidia", bookmark(5, "nvidia", false));
        theirs.bookmarks.insert("entity:amd", bookmark(6, "amd", false));
        theirs.briefings.insert("a", Mark { at: 9, finished: true, ..Mark::default() });
        theirs.seen.insert("b:a", 3);
        merge(&mut ours, theirs);
        let removed = |key: &str| ours.bookmarks.get(key).map(|b| b.removed);
        assert_eq!(removed("entity:nvidia"), Some(true), "the later removal wins");
        assert_eq!(removed("entity:amd"), Some(false));
        assert!(ours.briefings.get("a").is_some_and(|m| m.finished));
        assert_eq!(ours.seen.get("b:a"), Some(&3), "first seen keeps the earliest");
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
