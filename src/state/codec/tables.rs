//! Tables in a state file. Ids are sorted, so each is front-coded against the one before
//! it. From format version 3 a table is written in parts of at most [`PART_ROWS`] rows,
//! each part front-coded afresh from its first id and its length given up front: the
//! parts of a large table can then be found without reading them, read on several threads
//! at once and joined. Version 2 wrote a table as one run of rows; it is still read.

use super::bytes::{Bytes, Corrupt, Problem};
use super::{Part, string, varint};
use crate::state::table::{Row, Table};

/// Rows in a part of a table (the last part may have fewer): small enough that the read
/// marks of a long-used state make a dozen parts to share out, large enough that the
/// parts' own costs (a length, a first id written whole, a join) are lost in the rows'.
pub const PART_ROWS: usize = 8192;

/// How the tables of a file are laid out, by its format version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Version 2: a count, then every row.
    Run,
    /// Version 3: a count of parts, each part's length in bytes, then the parts.
    Parts,
}

/// Writes `table` (whole, or its changed rows) in parts: how many parts, each one's length
/// in bytes (u64), then the parts, each a count of rows and the rows, their ids
/// front-coded from the part's first, which is written whole.
pub fn write<V>(out: &mut Vec<u8>, table: &Table<V>, part: Part, value: impl FnMut(&mut Vec<u8>, &V)) {
    let (count, rows): (usize, Box<dyn Iterator<Item = (&str, &V)>>) = match part {
        Part::Whole => (table.len(), Box::new(table.iter())),
        Part::Changes => (table.changed(), Box::new(table.changes())),
    };
    write_parts(out, count, rows, value);
}

fn write_parts<'t, V: 't>(
    out: &mut Vec<u8>,
    count: usize,
    mut rows: impl Iterator<Item = (&'t str, &'t V)>,
    mut value: impl FnMut(&mut Vec<u8>, &V),
) {
    let parts = count.div_ceil(PART_ROWS);
    varint(out, parts as u64);
    let lengths = out.len();
    out.resize(lengths + 8 * parts, 0);
    for n in 0..parts {
        let start = out.len();
        write_run(out, PART_ROWS.min(count - n * PART_ROWS), rows.by_ref(), &mut value);
        let length = (out.len() - start) as u64;
        out[lengths + 8 * n..lengths + 8 * n + 8].copy_from_slice(&length.to_le_bytes());
    }
}

/// `count` rows from `rows`: the count, then each id front-coded (bytes shared with the
/// id before, then the rest as a string) followed by its value.
fn write_run<'t, V: 't>(
    out: &mut Vec<u8>,
    count: usize,
    rows: impl Iterator<Item = (&'t str, &'t V)>,
    value: &mut impl FnMut(&mut Vec<u8>, &V),
) {
    varint(out, count as u64);
    let mut previous = "";
    for (id, v) in rows.take(count) {
        let shared = common_prefix(previous, id);
        varint(out, shared as u64);
        string(out, &id[shared..]);
        value(out, v);
        previous = id;
    }
}

/// Writes `table` whole as version 2 did, to test that such files still read.
#[cfg(test)]
pub fn write_version_2<V>(out: &mut Vec<u8>, table: &Table<V>, mut value: impl FnMut(&mut Vec<u8>, &V)) {
    write_run(out, table.len(), table.iter(), &mut value);
}

/// Bytes two ids share at the start, backed off to a character boundary.
pub fn common_prefix(a: &str, b: &str) -> usize {
    let mut n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !b.is_char_boundary(n) {
        n -= 1;
    }
    n
}

/// The parts of a table laid out in parts, each as a cursor of its own, skipped over in
/// `bytes`.
pub fn parts<'a>(bytes: &mut Bytes<'a>) -> Result<Vec<Bytes<'a>>, Corrupt> {
    let count = bytes.count(8)?;
    let mut lengths = Vec::with_capacity(count);
    for _ in 0..count {
        // A length past the address space is past the file too: `split` refuses it.
        lengths.push(usize::try_from(bytes.u64()?).unwrap_or(usize::MAX));
    }
    lengths.into_iter().map(|length| bytes.split(length)).collect()
}

/// How many rows `parts` say they hold, to make room for them at once; a part whose
/// count does not read counts none here and is refused when it is read.
pub fn rows_in(parts: &[Bytes<'_>], smallest_row: usize) -> usize {
    parts.iter().map(|part| part.clone().count(smallest_row).unwrap_or(0)).sum()
}

/// Rows read so far, in id order: a whole table, or a stretch of its parts read one after
/// another on one thread. Reading into a run what follows it costs no copy; runs read on
/// different threads are joined once at the end.
#[derive(Debug)]
pub struct Run<V> {
    text: Vec<u8>,
    rows: Vec<Row<V>>,
    /// Where its first row is in the file, to name it if it is out of order with the run
    /// before.
    at: usize,
}

impl<V> Run<V> {
    /// An empty run with room for `rows` rows.
    pub fn with_capacity(rows: usize) -> Self {
        Run { text: Vec::with_capacity(rows * 16), rows: Vec::with_capacity(rows), at: 0 }
    }

    /// Whether no row has been read into it.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The run as a table; `None` when its text is not UTF-8.
    fn into_table(self) -> Result<Table<V>, Corrupt> {
        let at = self.at;
        Table::from_sorted(self.text, self.rows).ok_or(Corrupt::at(at, Problem::NotUtf8))
    }
}

/// Reads a table of either layout from `bytes`, part after part.
pub fn read<V>(
    bytes: &mut Bytes<'_>,
    layout: Layout,
    smallest_row: usize,
    changed: bool,
    mut value: impl FnMut(&mut Bytes<'_>, &[u8]) -> Result<V, Corrupt>,
) -> Result<Table<V>, Corrupt> {
    let mut run = Run::with_capacity(0);
    match layout {
        Layout::Run => read_run(&mut run, bytes, smallest_row, changed, &mut value)?,
        Layout::Parts => {
            let parts = parts(bytes)?;
            run = Run::with_capacity(rows_in(&parts, smallest_row));
            for part in parts {
                read_part(&mut run, part, smallest_row, changed, &mut value)?;
            }
        }
    }
    run.into_table()
}

/// Reads one part into `run`, after the rows already there, to the part's end.
pub fn read_part<V>(
    run: &mut Run<V>,
    mut part: Bytes<'_>,
    smallest_row: usize,
    changed: bool,
    value: &mut impl FnMut(&mut Bytes<'_>, &[u8]) -> Result<V, Corrupt>,
) -> Result<(), Corrupt> {
    read_run(run, &mut part, smallest_row, changed, value)?;
    part.end().map_err(|Corrupt { at, .. }| Corrupt::at(at as usize, Problem::PartTooLong))
}

/// Runs read apart, in id order, as one table: each run's first id must sort after the
/// last id of the one before it. The first run's buffers are kept (it should be the
/// largest, with room made for all the rows); the others are copied after it.
pub fn join<V>(runs: Vec<Run<V>>) -> Result<Table<V>, Corrupt> {
    let mut tables: Vec<Table<V>> = Vec::with_capacity(runs.len());
    for run in runs.into_iter().filter(|run| !run.is_empty()) {
        let at = run.at;
        let table = run.into_table()?;
        let before = tables.last().and_then(Table::last_id);
        if before.is_some_and(|before| table.first_id().is_some_and(|first| first <= before)) {
            return Err(Corrupt::at(at, Problem::OutOfOrder));
        }
        tables.push(table);
    }
    Ok(Table::join(tables))
}

/// Reads a run of rows written by [`write_run`] (a version 2 table, or one part of a
/// later one) into `run`. Ids must come in strictly increasing order, from the last id
/// already in `run` on: the new id is the previous one's first `shared` bytes and then
/// `rest`, so it sorts after the previous one exactly when `rest` sorts after what the
/// previous one had there. A run of rows shares nothing with what came before it, so its
/// first id must share no bytes. The ids are gathered as bytes and checked as UTF-8 once,
/// at the end; each id starting on a character boundary makes every id a whole string.
pub fn read_run<V>(
    run: &mut Run<V>,
    bytes: &mut Bytes<'_>,
    smallest_row: usize,
    changed: bool,
    value: &mut impl FnMut(&mut Bytes<'_>, &[u8]) -> Result<V, Corrupt>,
) -> Result<(), Corrupt> {
    let count = bytes.count(smallest_row)?;
    if run.rows.is_empty() {
        run.at = bytes.offset();
    }
    let Run { text, rows, .. } = run;
    text.reserve(count * 16);
    rows.reserve(count);
    // The last id so far, to come after; none shared with the first row.
    let mut previous = rows.last().map_or(0..0, |row| row.id.clone());
    let mut after = !rows.is_empty();
    let mut shareable = 0;
    for _ in 0..count {
        let at = bytes.offset();
        let shared = bytes.usize()?;
        let rest = bytes.raw()?;
        if shared > shareable {
            return Err(Corrupt::at(at, Problem::SharesTooMuch));
        }
        let tail = &text[previous.start + shared..previous.end];
        if after && rest <= tail {
            return Err(Corrupt::at(at, Problem::OutOfOrder));
        }
        let id = text.len();
        text.extend_from_within(previous.start..previous.start + shared);
        text.extend_from_slice(rest);
        // An id starting inside a character would cut it in two (see `Table::from_sorted`).
        if text.get(id).is_some_and(|&b| b & 0xc0 == 0x80) {
            return Err(Corrupt::at(at, Problem::SplitCharacter));
        }
        previous = id..text.len();
        (after, shareable) = (true, previous.len());
        rows.push(Row { id: previous.clone(), value: value(bytes, &text[previous.clone()])?, changed });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(n: usize) -> Table<u64> {
        let mut table = Table::default();
        for i in 0..n {
            table.push_last(&format!("id-{i:06}"), i as u64, i % 1000 == 0);
        }
        table
    }

    fn written(table: &Table<u64>, part: Part) -> Vec<u8> {
        let mut out = Vec::new();
        write(&mut out, table, part, |out, v| varint(out, *v));
        out
    }

    fn read_back(bytes: &[u8]) -> Result<Table<u64>, Corrupt> {
        let mut cursor = Bytes::new(bytes, 0);
        let table = read(&mut cursor, Layout::Parts, 3, false, |b, _| b.varint())?;
        cursor.end().map(|()| table)
    }

    #[test]
    fn a_large_table_is_written_in_parts_that_read_back_as_one() {
        let table = numbers(2 * PART_ROWS + 5);
        let bytes = written(&table, Part::Whole);
        let parts = parts(&mut Bytes::new(&bytes, 0)).expect("an index");
        assert_eq!(parts.len(), 3);
        assert_eq!(rows_in(&parts, 3), 2 * PART_ROWS + 5);
        let mut run = Run::with_capacity(0);
        let first = read_part(&mut run, parts[0].clone(), 3, false, &mut |b: &mut Bytes<'_>, _: &[u8]| b.varint());
        assert_eq!((first, run.rows.len()), (Ok(()), PART_ROWS));
        assert_eq!(read_back(&bytes), Ok(table.clone()));
        let changes = read_back(&written(&table, Part::Changes)).expect("the changes read");
        assert_eq!(changes.len(), 17, "one row in a thousand changed");
        assert_eq!(read_back(&written(&Table::default(), Part::Whole)), Ok(Table::default()));
    }

    #[test]
    fn each_part_starts_its_ids_afresh_and_parts_stay_in_order() {
        let table = numbers(PART_ROWS + 1);
        let bytes = written(&table, Part::Whole);
        let parts = parts(&mut Bytes::new(&bytes, 0)).expect("an index");
        let second = parts[1].offset();
        // The second part's only row: its count (1), shared bytes (0), the id whole.
        assert_eq!(&bytes[second..second + 3], &[1, 0, 9]);
        assert_eq!(&bytes[second + 3..second + 12], format!("id-{PART_ROWS:06}").as_bytes());
        // Its id made smaller than the first part's last id: out of order, at that row.
        let mut swapped = bytes.clone();
        swapped[second + 3..second + 12].copy_from_slice(b"id-000000");
        assert_eq!(read_back(&swapped), Err(Corrupt::at(second + 1, Problem::OutOfOrder)));
        // A part claiming to share bytes with an id before it.
        let mut sharing = bytes.clone();
        sharing[second + 1] = 3;
        assert_eq!(read_back(&sharing), Err(Corrupt::at(second + 1, Problem::SharesTooMuch)));
    }

    #[test]
    fn a_part_whose_length_does_not_fit_its_rows_is_refused() {
        let bytes = written(&numbers(3), Part::Whole);
        // One part; its length (u64 at byte 1) one longer, with a byte to spare at the end.
        let mut long = bytes.clone();
        long[1] += 1;
        long.push(0);
        assert_eq!(read_back(&long).map_err(|e| e.problem), Err(Problem::PartTooLong));
        let mut short = bytes.clone();
        short[1] -= 1;
        assert_eq!(read_back(&short).map_err(|e| e.problem), Err(Problem::EndsEarly));
        let mut huge = bytes;
        huge[8] = 0xff;
        assert_eq!(read_back(&huge).map_err(|e| e.problem), Err(Problem::EndsEarly));
    }

    #[test]
    fn front_coding_never_splits_a_character() {
        assert_eq!(common_prefix("黄仁勋", "黄仁x"), "黄仁".len());
        assert_eq!(common_prefix("é", "è"), 0, "é and è share a first byte, not a character");
        assert_eq!(common_prefix("", "abc"), 0);
    }
}
