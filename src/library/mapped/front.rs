//! The front of a cached library: everything a start reads about every entity and
//! briefing at once (ids, names, kinds, orders, the relation graph), laid out as flat
//! columns that rkyv validates in time proportional to the number of columns, not of
//! entities, and where each record's bytes are, with their hashes.

use std::ops::Range;

use rkyv::rend::u32_le;

use super::super::built::Built;
use super::super::model::{BriefingId, EntityId, Kind};

/// Strings of one field, one after another, and where each ends.
#[derive(rkyv::Archive, rkyv::Serialize, Default)]
pub struct Texts {
    text: String,
    ends: Vec<u32>,
}

impl Texts {
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.ends.push(self.text.len() as u32);
    }
}

impl ArchivedTexts {
    /// String `i`; empty where the column has no such string on character boundaries
    /// (only a forged cache: the lengths are checked when the library is opened).
    pub fn get(&self, i: usize) -> &str {
        let end = self.ends.get(i).map_or(0, |e| e.to_native() as usize);
        let start = if i == 0 { 0 } else { self.ends.get(i - 1).map_or(0, |e| e.to_native() as usize) };
        self.text.get(start..end).unwrap_or("")
    }

    /// How many strings there are.
    pub fn len(&self) -> usize {
        self.ends.len()
    }
}

/// Where each record's bytes are in the records part (record `i` from `bounds[i]` to
/// `bounds[i + 1]`), and their hashes.
#[derive(rkyv::Archive, rkyv::Serialize, Default)]
pub struct Records {
    bounds: Vec<u64>,
    hashes: Vec<u64>,
}

impl Records {
    fn push(&mut self, records: &mut Vec<u8>, bytes: &[u8]) {
        if self.bounds.is_empty() {
            self.bounds.push(records.len() as u64);
        }
        records.extend_from_slice(bytes);
        self.bounds.push(records.len() as u64);
        self.hashes.push(xxhash_rust::xxh3::xxh3_64(bytes));
    }
}

impl ArchivedRecords {
    /// The byte range of record `i` and its hash.
    pub fn get(&self, i: usize) -> Option<(Range<usize>, u64)> {
        let start = self.bounds.get(i)?.to_native() as usize;
        let end = self.bounds.get(i + 1)?.to_native() as usize;
        Some((start..end, self.hashes.get(i)?.to_native()))
    }

    /// How many records there are.
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    /// Whether the records are in order and within a part of `len` bytes, one hash each.
    pub fn fit(&self, len: usize) -> bool {
        let in_order = self.bounds.windows(2).all(|w| w[0].to_native() <= w[1].to_native());
        let within = self.bounds.last().is_none_or(|end| end.to_native() <= len as u64);
        let counted = self.bounds.len() == if self.hashes.is_empty() { 0 } else { self.hashes.len() + 1 };
        in_order && within && counted
    }
}

/// For each entity, a list of numbers: the lists one after another, and where each starts.
#[derive(rkyv::Archive, rkyv::Serialize, Default)]
pub struct Lists {
    starts: Vec<u32>,
    values: Vec<u32>,
}

impl Lists {
    fn of<'a>(lists: impl Iterator<Item = &'a [u32]>) -> Self {
        let mut out = Lists { starts: vec![0], values: Vec::new() };
        for list in lists {
            out.values.extend_from_slice(list);
            out.starts.push(out.values.len() as u32);
        }
        out
    }
}

impl ArchivedLists {
    /// List `i`; empty past the end.
    pub fn get(&self, i: usize) -> &[u32_le] {
        let bound = |at: usize| self.starts.get(at).map_or(0, |s| s.to_native() as usize);
        self.values.get(bound(i)..bound(i + 1)).unwrap_or(&[])
    }

    /// Whether there are `rows` lists, in order, each value below `below`.
    pub fn fit(&self, rows: usize, below: usize) -> bool {
        let starts_fit = self.starts.len() == rows + 1
            && self.starts.first().is_some_and(|s| s.to_native() == 0)
            && self.starts.windows(2).all(|w| w[0].to_native() <= w[1].to_native())
            && self.starts.last().is_some_and(|s| s.to_native() as usize == self.values.len());
        starts_fit && self.values.iter().all(|v| (v.to_native() as usize) < below)
    }
}

/// The front of a cached library.
#[derive(rkyv::Archive, rkyv::Serialize, Default)]
pub struct Front {
    pub entity_keys: Texts,
    pub entity_names: Texts,
    /// Each entity's [`Kind`], as its place in [`Kind::ALL`].
    pub entity_kinds: Vec<u8>,
    pub entity_records: Records,
    /// Entities in order of their string ids, for lookups by binary search.
    pub by_key: Vec<u32>,
    /// Entities grouped in the order of [`Kind::ALL`] and sorted by name within a kind.
    pub by_name: Vec<u32>,
    pub briefing_keys: Texts,
    pub briefing_headlines: Texts,
    /// Each briefing's date; empty for none (a date is never empty).
    pub briefing_dates: Texts,
    /// Each briefing's number of paragraphs, which records of other kinds point into.
    pub briefing_paragraphs: Vec<u32>,
    pub briefing_records: Records,
    pub newest_first: Vec<u32>,
    pub relation_from: Vec<u32>,
    pub relation_to: Vec<u32>,
    pub relation_records: Records,
    pub outgoing: Lists,
    pub incoming: Lists,
    pub figures_of: Lists,
    /// For each entity, the events that involve it, as (briefing, event) pairs in library
    /// order.
    pub events_of: Lists,
    /// Columns the widest entity name takes.
    pub widest_name: u32,
}

/// A kind's place in [`Kind::ALL`].
pub fn kind_number(kind: Kind) -> u8 {
    Kind::ALL.iter().position(|&k| k == kind).unwrap_or(0) as u8
}

/// The front and the records part of a built library; an error in words when a record
/// cannot be archived.
pub fn encode(built: &Built) -> Result<(Front, Vec<u8>), String> {
    let mut front = Front::default();
    let mut records = Vec::new();
    let archive = |e: rkyv::rancor::Error| format!("cannot archive: {e}");
    for entity in &built.entities {
        front.entity_keys.push(&entity.id);
        front.entity_names.push(&entity.name);
        front.entity_kinds.push(kind_number(entity.kind));
        front.entity_records.push(&mut records, &rkyv::to_bytes::<rkyv::rancor::Error>(entity).map_err(archive)?);
    }
    let mut by_key: Vec<u32> = (0..built.entities.len() as u32).collect();
    by_key.sort_by(|&a, &b| built.entities[a as usize].id.cmp(&built.entities[b as usize].id));
    front.by_key = by_key;
    front.by_name = Kind::ALL.into_iter().flat_map(|k| built.by_name(k)).map(|e| e.index() as u32).collect();
    for briefing in &built.briefings {
        front.briefing_keys.push(&briefing.id);
        front.briefing_headlines.push(&briefing.headline);
        front.briefing_dates.push(briefing.date.as_deref().unwrap_or_default());
        front.briefing_paragraphs.push(briefing.paragraphs.len() as u32);
        front.briefing_records.push(&mut records, &rkyv::to_bytes::<rkyv::rancor::Error>(briefing).map_err(archive)?);
    }
    front.newest_first = built.newest_first().into_iter().map(|b: BriefingId| b.index() as u32).collect();
    for relation in &built.relations {
        front.relation_from.push(relation.from.index() as u32);
        front.relation_to.push(relation.to.index() as u32);
        front.relation_records.push(&mut records, &rkyv::to_bytes::<rkyv::rancor::Error>(relation).map_err(archive)?);
    }
    front.widest_name = built.widest_name() as u32;
    front.outgoing = Lists::of(built.outgoing.iter().map(Vec::as_slice));
    front.incoming = Lists::of(built.incoming.iter().map(Vec::as_slice));
    let figures: Vec<Vec<u32>> =
        built.figures_of.iter().map(|f| f.iter().map(|e: &EntityId| e.index() as u32).collect()).collect();
    front.figures_of = Lists::of(figures.iter().map(Vec::as_slice));
    front.events_of = Lists::of(events_of(built).iter().map(Vec::as_slice));
    Ok((front, records))
}

/// For each entity of `built`, the (briefing, event) pairs of the events that involve it.
fn events_of(built: &Built) -> Vec<Vec<u32>> {
    let mut lists = vec![Vec::new(); built.entities.len()];
    for (b, briefing) in built.briefings.iter().enumerate() {
        for (i, event) in briefing.events.iter().enumerate() {
            for (n, e) in event.entities.iter().enumerate() {
                if !event.entities[..n].contains(e) {
                    lists[e.index()].extend([b as u32, i as u32]);
                }
            }
        }
    }
    lists
}
