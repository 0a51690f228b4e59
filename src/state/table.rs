//! Entries keyed by a string id, kept sorted by id with every id in one string. A long-used
//! state holds a hundred thousand read marks and seen ids; as a hash map that is an
//! allocation and a scattered insertion per entry on every load. Kept sorted, a table
//! loads in one sequential pass, merges with another copy in one walk and writes in the
//! order its file format front-codes.
//!
//! Each row also knows whether it changed since the table was last written whole, so a
//! save can write just those rows (see `docs/state.md`).

use std::cmp::Ordering;
use std::ops::Range;

/// Values of type `V` by id, sorted by id (byte order, as `str` compares).
#[derive(Debug, Clone)]
pub struct Table<V> {
    /// Every id, one after another.
    text: String,
    /// One row per id, in id order.
    rows: Vec<Row<V>>,
}

/// One id and its value.
#[derive(Debug, Clone)]
pub(super) struct Row<V> {
    /// Where the id is in the table's text.
    pub(super) id: Range<usize>,
    pub(super) value: V,
    /// Set or changed since the table was last written whole.
    pub(super) changed: bool,
}

/// Two tables are equal when they hold the same ids with the same values, however their
/// ids happen to be laid out and whatever changed since they were written.
impl<V: PartialEq> PartialEq for Table<V> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl<V: Eq> Eq for Table<V> {}

impl<V> Default for Table<V> {
    fn default() -> Self {
        Table { text: String::new(), rows: Vec::new() }
    }
}

impl<V> Table<V> {
    /// An empty table with room for `rows` ids of `text` bytes in all.
    pub fn with_capacity(rows: usize, text: usize) -> Self {
        Table { text: String::with_capacity(text), rows: Vec::with_capacity(rows) }
    }

    /// How many ids it holds.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    fn id(&self, row: &Row<V>) -> &str {
        id_in(&self.text, row)
    }

    fn find(&self, id: &str) -> Result<usize, usize> {
        self.rows.binary_search_by(|row| self.id(row).cmp(id))
    }

    /// The value of `id`.
    pub fn get(&self, id: &str) -> Option<&V> {
        self.find(id).ok().map(|i| &self.rows[i].value)
    }

    /// The value of `id`, to change (so it counts as changed).
    pub fn get_mut(&mut self, id: &str) -> Option<&mut V> {
        let i = self.find(id).ok()?;
        let row = &mut self.rows[i];
        row.changed = true;
        Some(&mut row.value)
    }

    /// Whether `id` is there.
    pub fn contains(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// Sets the value of `id`, adding it in its place if it is new.
    pub fn insert(&mut self, id: &str, value: V) {
        match self.find(id) {
            Ok(i) => (self.rows[i].value, self.rows[i].changed) = (value, true),
            Err(i) => {
                let row = self.row(id, value, true);
                self.rows.insert(i, row);
            }
        }
    }

    /// The value of `id` to change, added as the default first if it is new.
    pub fn entry(&mut self, id: &str) -> &mut V
    where
        V: Default,
    {
        let i = match self.find(id) {
            Ok(i) => i,
            Err(i) => {
                let row = self.row(id, V::default(), true);
                self.rows.insert(i, row);
                i
            }
        };
        let row = &mut self.rows[i];
        row.changed = true;
        &mut row.value
    }

    fn row(&mut self, id: &str, value: V, changed: bool) -> Row<V> {
        let start = self.text.len();
        self.text.push_str(id);
        Row { id: start..self.text.len(), value, changed }
    }

    /// A table of `rows` naming ids in `text` one after another, as a file reader that
    /// checked their order gathered them, and checked that no id begins with a UTF-8
    /// continuation byte: then every id starts where a character does and ends where the
    /// next id starts, so with `text` valid UTF-8 each id is a whole string. `None` when
    /// `text` is not UTF-8.
    pub(super) fn from_sorted(text: Vec<u8>, rows: Vec<Row<V>>) -> Option<Self> {
        let text = String::from_utf8(text).ok()?;
        debug_assert!(rows.iter().all(|r| text.is_char_boundary(r.id.start) && text.is_char_boundary(r.id.end)));
        Some(Table { text, rows })
    }

    /// One table of `parts` read one after another, each of whose ids sort after every id
    /// of the part before (as a file reader that checked them with [`Table::first_id`] and
    /// [`Table::last_id`] gathered them). The first part's buffers are kept and the others
    /// copied after it, so a reader makes the first one the largest, with room for the
    /// rest. Each part's text is whole UTF-8, so the joined text is too, and each row's id
    /// moves by the length of the text before its part.
    pub(super) fn join(parts: Vec<Table<V>>) -> Self {
        let mut parts = parts.into_iter();
        let Some(mut joined) = parts.next() else { return Table::default() };
        for part in parts {
            let shift = joined.text.len();
            joined.text.push_str(&part.text);
            let moved = part.rows.into_iter().map(|row| Row { id: row.id.start + shift..row.id.end + shift, ..row });
            joined.rows.extend(moved);
        }
        joined
    }

    /// The smallest id.
    pub(super) fn first_id(&self) -> Option<&str> {
        self.rows.first().map(|row| self.id(row))
    }

    /// The largest id.
    pub(super) fn last_id(&self) -> Option<&str> {
        self.rows.last().map(|row| self.id(row))
    }

    /// Appends `id`, which must sort after every id already there: how a file is read
    /// back. Returns false (and adds nothing) for an id out of order or repeated.
    pub fn push_last(&mut self, id: &str, value: V, changed: bool) -> bool {
        if self.rows.last().is_some_and(|last| self.id(last) >= id) {
            return false;
        }
        self.push_unchecked(id, value, changed);
        true
    }

    /// Appends a row the caller knows sorts last (a file reader that checked the order).
    pub(super) fn push_unchecked(&mut self, id: &str, value: V, changed: bool) {
        let row = self.row(id, value, changed);
        self.rows.push(row);
    }

    /// Ids and values in id order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &V)> + '_ {
        self.rows.iter().map(|row| (self.id(row), &row.value))
    }

    /// Ids and values of the rows changed since the table was last written whole, in id
    /// order.
    pub fn changes(&self) -> impl Iterator<Item = (&str, &V)> + '_ {
        self.rows.iter().filter(|row| row.changed).map(|row| (self.id(row), &row.value))
    }

    /// How many rows changed since the table was last written whole.
    pub fn changed(&self) -> usize {
        self.rows.iter().filter(|row| row.changed).count()
    }

    /// A table of just the changed rows.
    pub fn only_changes(&self) -> Table<V>
    where
        V: Clone,
    {
        let mut changes = Table::default();
        for (id, value) in self.changes() {
            changes.push_unchecked(id, value.clone(), true);
        }
        changes
    }

    /// Forgets what changed: the table was written whole.
    pub fn written_whole(&mut self) {
        for row in &mut self.rows {
            row.changed = false;
        }
    }

    /// Adds many ids at once, in one sort and one merge rather than one insertion each;
    /// for an id already there (or repeated), the first value is kept.
    pub fn extend_new(&mut self, entries: impl IntoIterator<Item = (String, V)>) {
        let mut new: Vec<(String, V)> = entries.into_iter().filter(|(id, _)| !self.contains(id)).collect();
        if new.is_empty() {
            return;
        }
        new.sort_by(|a, b| a.0.cmp(&b.0));
        new.dedup_by(|later, earlier| later.0 == earlier.0);
        let mut theirs = Table::with_capacity(new.len(), new.iter().map(|(id, _)| id.len()).sum());
        for (id, value) in new {
            theirs.push_unchecked(&id, value, true);
        }
        self.merge(theirs, |_, _| false);
    }

    /// Merges `theirs` in: ids only one side has are kept; for an id both have,
    /// `combine(mine, theirs)` settles the value and says whether theirs was taken. A row
    /// counts as changed when the side its value came from had it changed.
    pub fn merge(&mut self, theirs: Table<V>, combine: impl FnMut(&mut V, V) -> bool) {
        if theirs.len() * 16 < self.len() { self.merge_few(theirs, combine) } else { self.merge_whole(theirs, combine) }
    }

    /// [`Table::merge`] in one walk over both tables, building the merged one.
    fn merge_whole(&mut self, theirs: Table<V>, mut combine: impl FnMut(&mut V, V) -> bool) {
        let Table { text: ours_text, rows: ours_rows } = std::mem::take(self);
        let Table { text: theirs_text, rows: theirs_rows } = theirs;
        let mut merged =
            Table::with_capacity(ours_rows.len().max(theirs_rows.len()), ours_text.len().max(theirs_text.len()));
        let mut mine = ours_rows.into_iter().peekable();
        let mut other = theirs_rows.into_iter().peekable();
        loop {
            let order = match (mine.peek(), other.peek()) {
                (Some(a), Some(b)) => id_in(&ours_text, a).cmp(id_in(&theirs_text, b)),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => break,
            };
            let mine_row = mine.next_if(|_| order != Ordering::Greater);
            match (mine_row, other.next_if(|_| order != Ordering::Less)) {
                (Some(mut row), Some(their)) => {
                    if combine(&mut row.value, their.value) {
                        row.changed = their.changed;
                    }
                    merged.push_unchecked(id_in(&ours_text, &row), row.value, row.changed);
                }
                (Some(row), None) => merged.push_unchecked(id_in(&ours_text, &row), row.value, row.changed),
                (None, Some(row)) => merged.push_unchecked(id_in(&theirs_text, &row), row.value, row.changed),
                (None, None) => break,
            }
        }
        *self = merged;
    }

    /// [`Table::merge`] for a few rows into many: each id already there found by search
    /// and settled in place, the new ones merged in one walk, so merging a handful of
    /// changes costs nothing like rebuilding the table.
    fn merge_few(&mut self, theirs: Table<V>, mut combine: impl FnMut(&mut V, V) -> bool) {
        let Table { text: theirs_text, rows: theirs_rows } = theirs;
        let mut new = Table::default();
        for their in theirs_rows {
            let id = id_in(&theirs_text, &their);
            match self.find(id) {
                Ok(i) => {
                    let row = &mut self.rows[i];
                    if combine(&mut row.value, their.value) {
                        row.changed = their.changed;
                    }
                }
                // In id order, as `theirs` is.
                Err(_) => new.push_unchecked(id, their.value, their.changed),
            }
        }
        if !new.is_empty() {
            self.merge_whole(new, combine);
        }
    }
}

/// The id a row names in `text`. Rows only ever name whole ids pushed into their own
/// table's text, so the range is in bounds and on character boundaries; `get` keeps a
/// broken invariant from panicking.
fn id_in<'t, V>(text: &'t str, row: &Row<V>) -> &'t str {
    text.get(row.id.clone()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(ids: &[(&str, u64)]) -> Table<u64> {
        let mut t = Table::default();
        for (id, v) in ids {
            t.insert(id, *v);
        }
        t
    }

    #[test]
    fn ids_are_kept_sorted_whatever_order_they_come_in() {
        let mut t = table(&[("b", 2), ("a", 1), ("c", 3)]);
        *t.entry("aa") += 10;
        t.insert("b", 20);
        let all: Vec<(&str, u64)> = t.iter().map(|(id, v)| (id, *v)).collect();
        assert_eq!(all, [("a", 1), ("aa", 10), ("b", 20), ("c", 3)]);
        assert_eq!((t.get("aa"), t.get("zz"), t.contains("c")), (Some(&10), None, true));
    }

    #[test]
    fn push_last_refuses_an_id_out_of_order_or_repeated() {
        let mut t = Table::default();
        assert!(t.push_last("a", 1, false) && t.push_last("b", 2, false));
        assert!(!t.push_last("b", 3, false), "repeated");
        assert!(!t.push_last("a0", 3, false), "out of order");
        assert_eq!(t.len(), 2);
    }

    #[test]
    fn a_merge_keeps_both_sides_and_settles_shared_ids() {
        let mut ours = table(&[("a", 5), ("c", 1), ("é", 7)]);
        let theirs = table(&[("b", 2), ("c", 9), ("d", 4)]);
        ours.merge(theirs, |mine, their| {
            let take = their > *mine;
            *mine = (*mine).max(their);
            take
        });
        let all: Vec<(&str, u64)> = ours.iter().map(|(id, v)| (id, *v)).collect();
        assert_eq!(all, [("a", 5), ("b", 2), ("c", 9), ("d", 4), ("é", 7)]);
        assert_eq!(ours.get("é"), Some(&7), "lookups still work after a merge");
    }

    #[test]
    fn rows_know_whether_they_changed_since_written_whole() {
        let mut t = Table::default();
        for (id, v) in [("a", 1), ("b", 2), ("c", 3)] {
            t.push_last(id, v, false);
        }
        *t.entry("b") += 1;
        t.insert("d", 4);
        let changes: Vec<(&str, u64)> = t.changes().map(|(id, v)| (id, *v)).collect();
        assert_eq!(changes, [("b", 3), ("d", 4)]);
        assert_eq!(t.only_changes().len(), 2);
        // Merged rows keep the flag of the side whose value won.
        let mut theirs = Table::default();
        theirs.push_last("a", 9, true);
        theirs.push_last("b", 0, false);
        t.merge(theirs, |mine, their| {
            let take = their > *mine;
            *mine = (*mine).max(their);
            take
        });
        let changes: Vec<&str> = t.changes().map(|(id, _)| id).collect();
        assert_eq!(changes, ["a", "b", "d"]);
        t.written_whole();
        assert_eq!(t.changed(), 0);
    }

    #[test]
    fn a_few_rows_merge_into_many_as_a_whole_merge_would() {
        let many: Vec<(String, u64)> = (0..100).map(|i| (format!("id-{i:03}"), i)).collect();
        let mut ours = Table::default();
        ours.extend_new(many);
        let mut whole = ours.clone();
        let few = table(&[("id-050", 1000), ("id-0505", 7), ("zz", 1)]);
        let take = |mine: &mut u64, their: u64| {
            let take = their > *mine;
            *mine = (*mine).max(their);
            take
        };
        ours.merge_few(few.clone(), take);
        whole.merge_whole(few, take);
        assert_eq!(ours, whole);
        assert_eq!((ours.len(), ours.get("id-050"), ours.get("id-0505")), (102, Some(&1000), Some(&7)));
    }

    #[test]
    fn parts_join_into_one_table_that_finds_every_id() {
        let parts: Vec<Table<u64>> = [&[("a", 1), ("b", 2)][..], &[], &[("c", 3)], &[("d", 4), ("é", 5)]]
            .into_iter()
            .map(|rows| {
                let mut part = Table::default();
                for (id, v) in rows {
                    part.push_last(id, *v, *v == 3);
                }
                part
            })
            .collect();
        assert_eq!((parts[0].first_id(), parts[0].last_id(), parts[1].first_id()), (Some("a"), Some("b"), None));
        let joined = Table::join(parts);
        let all: Vec<(&str, u64)> = joined.iter().map(|(id, v)| (id, *v)).collect();
        assert_eq!(all, [("a", 1), ("b", 2), ("c", 3), ("d", 4), ("é", 5)]);
        assert_eq!((joined.get("é"), joined.get("b"), joined.get("bb")), (Some(&5), Some(&2), None));
        assert_eq!(joined.changes().map(|(id, _)| id).collect::<Vec<_>>(), ["c"], "rows keep their changed flag");
        assert_eq!(Table::<u64>::join(Vec::new()), Table::default());
    }

    #[test]
    fn extend_new_adds_only_what_is_missing_once() {
        let mut t = table(&[("m", 1)]);
        t.extend_new([("z".to_string(), 2), ("m".to_string(), 9), ("a".to_string(), 3), ("z".to_string(), 4)]);
        let all: Vec<(&str, u64)> = t.iter().map(|(id, v)| (id, *v)).collect();
        assert_eq!(all, [("a", 3), ("m", 1), ("z", 2)]);
    }
}
