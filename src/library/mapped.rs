//! A library opened from a cache file by memory-mapping it: the [`Front`] is used where
//! it lies in the file, and each entity, briefing and relation is decoded from its own
//! bytes the first time it is asked for, then kept. Opening a million entities therefore
//! costs a check of the front, not a copy of the archive.
//!
//! Every record is checked as it is decoded: its bytes against their hash, its structure
//! by rkyv, and every index in it against the front ([`sound`]). The file's header and
//! the front's hash were checked before it was opened, so a record that fails can only
//! come from a file changed in place since: the record is then read as the front alone
//! describes it (its id, kind and name), and the cache file is removed so that the next
//! start rebuilds it from the JSON. The cache is only ever replaced by renaming a new
//! file over it, never written in place, which is what makes mapping it sound.

mod front;
mod sound;

use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use memmap2::Mmap;
use rkyv::rend::u32_le;
use rkyv::util::AlignedVec;
use rustc_hash::FxHashMap;

pub use front::{ArchivedFront, encode};

use super::model::{Briefing, BriefingId, Entity, EntityId, Event, Kind, Paragraph, Relation, Section, Source};

self_cell::self_cell!(
    /// The mapped file and its validated front, which borrows from it.
    struct Cell {
        owner: Mmap,
        #[covariant]
        dependent: FrontRef,
    }
);

type FrontRef<'a> = &'a ArchivedFront;

/// Where the parts of a cache file are, and what it was made from.
#[derive(Debug, Clone)]
pub struct Layout {
    /// The front's bytes in the file (its hash already checked).
    pub front: Range<usize>,
    /// The records' bytes in the file.
    pub records: Range<usize>,
    /// The content directory the briefings' files are in now.
    pub content: PathBuf,
    /// The cache file, and its inode, to remove it if a record turns out damaged.
    pub cache: PathBuf,
    pub inode: u64,
}

/// A library read from a mapped cache file.
pub struct Mapped {
    cell: Cell,
    /// The same file, for reading records: they are copied out to be decoded in any case,
    /// and read through the map they would stay in the reader's resident memory, the kernel
    /// mapping a large run of the file around each one (up to hundreds of megabytes at a
    /// million entities after a few searches) for a record of a few kilobytes.
    file: fs::File,
    layout: Layout,
    entities: Vec<OnceLock<Box<Entity>>>,
    briefings: Vec<OnceLock<Box<Briefing>>>,
    relations: Vec<OnceLock<Box<Relation>>>,
    briefing_by_key: FxHashMap<String, BriefingId>,
    forgotten: AtomicBool,
}

impl std::fmt::Debug for Mapped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mapped")
            .field("cache", &self.layout.cache)
            .field("entities", &self.entities.len())
            .field("briefings", &self.briefings.len())
            .finish_non_exhaustive()
    }
}

/// Fresh cells for `n` records not decoded yet.
fn cells<T>(n: usize) -> Vec<OnceLock<Box<T>>> {
    std::iter::repeat_with(OnceLock::new).take(n).collect()
}

impl Mapped {
    /// Opens the library in `map` laid out as `layout` says; why not, in words, when its
    /// front is not well formed or not sound.
    pub fn open(map: Mmap, file: fs::File, layout: Layout) -> Result<Mapped, String> {
        let front = layout.front.clone();
        let records_len = layout.records.len();
        let cell = Cell::try_new(map, |map| {
            let bytes = map.get(front).ok_or("the front lies outside the file")?;
            let front = rkyv::access::<ArchivedFront, rkyv::rancor::Error>(bytes)
                .map_err(|e| format!("bad library front: {e}"))?;
            sound::front(front, records_len).map_err(|broken| format!("unsound library: {broken}"))?;
            Ok::<_, String>(front)
        })?;
        let front = *cell.borrow_dependent();
        let briefing_by_key = (0..front.briefing_keys.len())
            .map(|b| (front.briefing_keys.get(b).to_owned(), BriefingId::new(b)))
            .collect();
        Ok(Mapped {
            entities: cells(front.entity_kinds.len()),
            briefings: cells(front.briefing_paragraphs.len()),
            relations: cells(front.relation_from.len()),
            briefing_by_key,
            forgotten: AtomicBool::new(false),
            cell,
            file,
            layout,
        })
    }

    fn front(&self) -> &ArchivedFront {
        self.cell.borrow_dependent()
    }

    /// The front's bytes and the records' bytes, as the file holds them, to write them
    /// into a new cache file unchanged.
    pub fn parts(&self) -> (&[u8], &[u8]) {
        let map = self.cell.borrow_owner();
        (&map[self.layout.front.clone()], &map[self.layout.records.clone()])
    }

    pub fn entity_count(&self) -> usize {
        self.entities.len()
    }

    pub fn briefing_count(&self) -> usize {
        self.briefings.len()
    }

    pub fn relation_count(&self) -> usize {
        self.relations.len()
    }

    /// Entity `id`, decoded on first use.
    pub fn entity(&self, id: EntityId) -> &Entity {
        self.entities[id.index()].get_or_init(|| Box::new(self.decode_entity(id)))
    }

    /// Briefing `id`, decoded on first use.
    pub fn briefing(&self, id: BriefingId) -> &Briefing {
        self.briefings[id.index()].get_or_init(|| Box::new(self.decode_briefing(id)))
    }

    /// Relation `index`, decoded on first use.
    pub fn relation(&self, index: usize) -> &Relation {
        self.relations[index].get_or_init(|| Box::new(self.decode_relation(index)))
    }

    pub fn kind_of(&self, id: EntityId) -> Kind {
        let number = self.front().entity_kinds.get(id.index()).copied().unwrap_or(0);
        Kind::ALL.get(number as usize).copied().unwrap_or(Kind::ALL[0])
    }

    pub fn name_of(&self, id: EntityId) -> &str {
        self.front().entity_names.get(id.index())
    }

    pub fn key_of(&self, id: EntityId) -> &str {
        self.front().entity_keys.get(id.index())
    }

    pub fn briefing_key_of(&self, id: BriefingId) -> &str {
        self.front().briefing_keys.get(id.index())
    }

    pub fn head_of(&self, id: BriefingId) -> (Option<&str>, &str) {
        let front = self.front();
        let date = front.briefing_dates.get(id.index());
        ((!date.is_empty()).then_some(date), front.briefing_headlines.get(id.index()))
    }

    pub fn widest_name(&self) -> usize {
        self.front().widest_name.to_native() as usize
    }

    pub fn entity_by_id(&self, key: &str) -> Option<EntityId> {
        let front = self.front();
        let found = front.by_key.binary_search_by(|e| front.entity_keys.get(e.to_native() as usize).cmp(key)).ok()?;
        Some(EntityId::new(front.by_key[found].to_native() as usize))
    }

    pub fn briefing_by_id(&self, key: &str) -> Option<BriefingId> {
        self.briefing_by_key.get(key).copied()
    }

    pub fn newest_first(&self) -> Vec<BriefingId> {
        self.front().newest_first.iter().map(|b| BriefingId::new(b.to_native() as usize)).collect()
    }

    /// The entities of `kind` in name order: a run of the name order, which groups the
    /// kinds in the order of [`Kind::ALL`] (a forged order gives a wrong list, no panic).
    pub fn by_name(&self, kind: Kind) -> Vec<EntityId> {
        let order = &self.front().by_name;
        let number = |e: &u32_le| front::kind_number(self.kind_of(EntityId::new(e.to_native() as usize)));
        let start = order.partition_point(|e| number(e) < front::kind_number(kind));
        let end = start + order[start..].partition_point(|e| number(e) <= front::kind_number(kind));
        order[start..end]
            .iter()
            .map(|e| EntityId::new(e.to_native() as usize))
            .filter(|&e| self.kind_of(e) == kind)
            .collect()
    }

    pub fn outgoing(&self, id: EntityId) -> U32s<'_> {
        U32s::archived(self.front().outgoing.get(id.index()))
    }

    pub fn incoming(&self, id: EntityId) -> U32s<'_> {
        U32s::archived(self.front().incoming.get(id.index()))
    }

    pub fn figures_of(&self, id: EntityId) -> U32s<'_> {
        U32s::archived(self.front().figures_of.get(id.index()))
    }

    /// The events that involve `id`: each pair's event is looked up in its briefing (a
    /// forged pair that points at no event is skipped).
    pub fn events_of(&self, id: EntityId) -> impl Iterator<Item = (BriefingId, &Event)> + '_ {
        let pairs = self.front().events_of.get(id.index()).chunks_exact(2);
        pairs.filter_map(move |pair| {
            let b = pair[0].to_native() as usize;
            let briefing = self.briefings.get(b).map(|_| BriefingId::new(b))?;
            Some((briefing, self.briefing(briefing).events.get(pair[1].to_native() as usize)?))
        })
    }

    /// Record `i` of `records`, when its bytes match their hash, decode and are `sound`;
    /// else, with the cache forgotten, the `placeholder` the front alone describes.
    fn decoded<T>(
        &self,
        records: &front::ArchivedRecords,
        i: usize,
        sound: impl FnOnce(&T) -> Result<(), String>,
        placeholder: impl FnOnce() -> T,
    ) -> T
    where
        T: rkyv::Archive,
        T::Archived: for<'a> rkyv::bytecheck::CheckBytes<rkyv::api::high::HighValidator<'a, rkyv::rancor::Error>>
            + rkyv::Deserialize<T, rkyv::api::high::HighDeserializer<rkyv::rancor::Error>>,
    {
        match self.record::<T>(records, i).filter(|record| sound(record).is_ok()) {
            Some(record) => record,
            None => {
                self.forget();
                placeholder()
            }
        }
    }

    /// Record `i` of `records`, when its bytes match their hash and decode.
    fn record<T>(&self, records: &front::ArchivedRecords, i: usize) -> Option<T>
    where
        T: rkyv::Archive,
        T::Archived: for<'a> rkyv::bytecheck::CheckBytes<rkyv::api::high::HighValidator<'a, rkyv::rancor::Error>>
            + rkyv::Deserialize<T, rkyv::api::high::HighDeserializer<rkyv::rancor::Error>>,
    {
        let (range, hash) = records.get(i)?;
        let start = self.layout.records.start;
        let bytes = self.read(start + range.start..start + range.end)?;
        if xxhash_rust::xxh3::xxh3_64(&bytes) != hash {
            return None;
        }
        rkyv::from_bytes::<T, rkyv::rancor::Error>(&bytes).ok()
    }

    /// Bytes `range` of the cache file, aligned for rkyv: read from the file, not the map
    /// (see [`Mapped::file`]); `None` past its end.
    #[cfg(unix)]
    fn read(&self, range: Range<usize>) -> Option<AlignedVec<16>> {
        use std::os::unix::fs::FileExt;
        let mut bytes = AlignedVec::<16>::with_capacity(range.len());
        bytes.resize(range.len(), 0);
        self.file.read_exact_at(&mut bytes, range.start as u64).ok()?;
        Some(bytes)
    }

    #[cfg(not(unix))]
    fn read(&self, range: Range<usize>) -> Option<AlignedVec<16>> {
        let mut bytes = AlignedVec::<16>::with_capacity(range.len());
        bytes.extend_from_slice(self.cell.borrow_owner().get(range)?);
        Some(bytes)
    }

    fn decode_entity(&self, id: EntityId) -> Entity {
        let front = self.front();
        self.decoded(
            &front.entity_records,
            id.index(),
            |e| sound::entity(e, id, front),
            || Entity::bare(self.key_of(id).to_owned(), self.kind_of(id), self.name_of(id).to_owned()),
        )
    }

    fn decode_briefing(&self, id: BriefingId) -> Briefing {
        let front = self.front();
        let mut briefing = self.decoded(
            &front.briefing_records,
            id.index(),
            |b| sound::briefing(b, id, front),
            || self.placeholder(id),
        );
        if let Some(name) = briefing.path.file_name() {
            briefing.path = self.layout.content.join(name);
        }
        briefing
    }

    /// Briefing `id` as the front alone describes it: its id, date, headline and as many empty
    /// paragraphs as it has, so that what points into it still points somewhere.
    fn placeholder(&self, id: BriefingId) -> Briefing {
        let key = self.briefing_key_of(id).to_owned();
        let paragraphs = self.front().briefing_paragraphs.get(id.index()).map_or(0, |n| n.to_native() as usize);
        let (date, headline) = self.head_of(id);
        Briefing {
            path: PathBuf::from(format!("{key}.json")),
            headline: headline.to_owned(),
            id: key,
            date: date.map(str::to_owned),
            dek: String::new(),
            source: Source { publication: String::new(), title: String::new(), date: String::new(), url: None },
            sections: vec![Section { heading: String::new(), paragraphs: 0..paragraphs }],
            paragraphs: (0..paragraphs)
                .map(|_| Paragraph { section: 0, text: String::new(), pins: Vec::new() })
                .collect(),
            entities: Vec::new(),
            events: Vec::new(),
            mentions: OnceLock::new(),
            head_mentions: OnceLock::new(),
        }
    }

    fn decode_relation(&self, index: usize) -> Relation {
        let front = self.front();
        let end = |column: &rkyv::vec::ArchivedVec<u32_le>| {
            EntityId::new(column.get(index).map_or(0, |e| e.to_native() as usize))
        };
        self.decoded(
            &front.relation_records,
            index,
            |r| sound::relation(r, index, front),
            || Relation {
                from: end(&front.relation_from),
                to: end(&front.relation_to),
                kind: String::new(),
                label: String::new(),
                inverse: String::new(),
                sources: Vec::new(),
            },
        )
    }

    /// Removes the cache file this library came from, once, if it is still that file:
    /// one of its records did not read back, so the next start must not use it.
    fn forget(&self) {
        if self.forgotten.swap(true, Ordering::Relaxed) {
            return;
        }
        if same_file(&self.layout.cache, self.layout.inode) {
            let _ = fs::remove_file(&self.layout.cache);
        }
    }
}

/// Whether `path` is still the file with inode `inode`.
#[cfg(unix)]
fn same_file(path: &Path, inode: u64) -> bool {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(path).is_ok_and(|m| m.ino() == inode)
}

/// Whether `path` is still the file it was (no inodes to tell: assume so).
#[cfg(not(unix))]
fn same_file(path: &Path, _inode: u64) -> bool {
    path.exists()
}

/// Relation or entity numbers, from the loader's lists or from a mapped front.
pub enum U32s<'a> {
    Native(std::slice::Iter<'a, u32>),
    Archived(std::slice::Iter<'a, u32_le>),
}

impl<'a> U32s<'a> {
    pub fn native(values: &'a [u32]) -> Self {
        U32s::Native(values.iter())
    }

    pub fn archived(values: &'a [u32_le]) -> Self {
        U32s::Archived(values.iter())
    }
}

impl Iterator for U32s<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        match self {
            U32s::Native(values) => values.next().copied(),
            U32s::Archived(values) => values.next().map(|v| v.to_native()),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;
    use crate::library::{Library, Options, bundled};

    /// A cache-like file holding `front` and `records` as the cache lays them out.
    fn write(front: &[u8], records: &[u8]) -> (tempfile::TempDir, Layout) {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join("library.cache");
        let at = front.len().div_ceil(16) * 16;
        let mut file = fs::File::create(&cache).unwrap();
        file.write_all(front).unwrap();
        file.write_all(&vec![0; at - front.len()]).unwrap();
        file.write_all(records).unwrap();
        use std::os::unix::fs::MetadataExt;
        let inode = fs::metadata(&cache).unwrap().ino();
        let layout = Layout {
            front: 0..front.len(),
            records: at..at + records.len(),
            content: PathBuf::from("/content"),
            cache,
            inode,
        };
        (dir, layout)
    }

    fn open(layout: &Layout) -> Result<Mapped, String> {
        let file = fs::File::open(&layout.cache).unwrap();
        let map = unsafe { Mmap::map(&file) }.unwrap();
        Mapped::open(map, file, layout.clone())
    }

    fn archived(library: &Library) -> (Vec<u8>, Vec<u8>) {
        let (front, records) = encode(library.as_built().unwrap()).unwrap();
        (rkyv::to_bytes::<rkyv::rancor::Error>(&front).unwrap().to_vec(), records)
    }

    #[test]
    fn every_record_and_table_reads_back_as_the_loader_built_it() {
        let built = bundled::load(Options::default()).unwrap().library;
        let (front, records) = archived(&built);
        let (_dir, layout) = write(&front, &records);
        let mapped = Library::from(open(&layout).unwrap());
        assert_eq!(mapped.entity_count(), built.entity_count());
        for e in built.entity_ids() {
            assert_eq!(format!("{:?}", mapped.entity(e)), format!("{:?}", built.entity(e)));
            let key = built.key_of(e);
            assert_eq!(
                (mapped.key_of(e), mapped.name_of(e), mapped.kind_of(e)),
                (key, built.name_of(e), built.kind_of(e))
            );
            assert_eq!(mapped.entity_by_id(key), Some(e));
            assert_eq!(mapped.outgoing(e).collect::<Vec<_>>(), built.outgoing(e).collect::<Vec<_>>());
            assert_eq!(mapped.incoming(e).collect::<Vec<_>>(), built.incoming(e).collect::<Vec<_>>());
            assert_eq!(mapped.figures_about(e), built.figures_about(e));
            assert_eq!(mapped.events_of(e).collect::<Vec<_>>(), built.events_of(e).collect::<Vec<_>>());
        }
        assert_eq!(mapped.entity_by_id("no-such-entity"), None);
        for b in built.briefing_ids() {
            let (ours, theirs) = (mapped.briefing(b), built.briefing(b));
            assert_eq!(
                (&ours.id, &ours.headline, &ours.date, &ours.dek),
                (&theirs.id, &theirs.headline, &theirs.date, &theirs.dek)
            );
            assert_eq!(
                (&ours.sections, &ours.paragraphs, &ours.entities),
                (&theirs.sections, &theirs.paragraphs, &theirs.entities)
            );
            assert_eq!((&ours.events, &ours.source), (&theirs.events, &theirs.source));
            assert_eq!(
                ours.path,
                Path::new("/content").join(theirs.path.file_name().unwrap()),
                "pointed into the content now"
            );
            assert_eq!(mapped.head_of(b), built.head_of(b));
            assert_eq!(mapped.briefing_by_id(&theirs.id), Some(b));
            assert_eq!(mapped.mentions(b), built.mentions(b));
        }
        assert_eq!(mapped.relations().collect::<Vec<_>>(), built.relations().collect::<Vec<_>>());
        assert_eq!(mapped.newest_first(), built.newest_first());
        let some: Vec<BriefingId> = built.briefing_ids().filter(|b| b.index() % 3 != 1).collect();
        let filtered: Vec<BriefingId> = built.newest_first().into_iter().filter(|b| some.contains(b)).collect();
        let twice = some.iter().rev().chain(&some).copied();
        assert_eq!(built.newest_first_of(twice.clone()), filtered, "a few briefings in the whole order, each once");
        assert_eq!(mapped.newest_first_of(twice), filtered);
        for kind in Kind::ALL {
            assert_eq!(mapped.by_name(kind), built.by_name(kind), "{kind:?}");
        }
        assert_eq!(mapped.widest_name(), built.widest_name());
        assert!(mapped.widest_name() > 0);
    }

    #[test]
    fn a_damaged_record_reads_as_the_front_describes_it_and_the_cache_is_dropped() {
        let built = bundled::load(Options::default()).unwrap().library;
        let (front, mut records) = archived(&built);
        records[3] ^= 0xff;
        let (_dir, layout) = write(&front, &records);
        let mapped = Library::from(open(&layout).unwrap());
        let first = built.entity_ids().next().unwrap();
        let entity = mapped.entity(first);
        assert_eq!(
            (entity.id.as_str(), entity.name.as_str(), entity.kind),
            (built.key_of(first), built.name_of(first), built.kind_of(first))
        );
        assert!(entity.role.is_empty() && entity.briefings.is_empty(), "nothing of the damaged record is served");
        assert!(!layout.cache.exists(), "the next start does not use this cache");
        let second = built.entity_ids().nth(1).unwrap();
        assert_eq!(mapped.entity(second).role, built.entity(second).role, "the other records still read");
    }

    #[test]
    fn a_front_that_does_not_add_up_is_refused_with_what_is_wrong() {
        let built = bundled::load(Options::default()).unwrap().library;
        let (mut front, records) = encode(built.as_built().unwrap()).unwrap();
        front.relation_from[0] = u32::MAX;
        let bytes = rkyv::to_bytes::<rkyv::rancor::Error>(&front).unwrap();
        let (_dir, layout) = write(&bytes, &records);
        assert_eq!(open(&layout).unwrap_err(), "unsound library: a relation's entity out of range");

        let (mut front, records) = encode(built.as_built().unwrap()).unwrap();
        front.by_key.pop();
        let bytes = rkyv::to_bytes::<rkyv::rancor::Error>(&front).unwrap();
        let (_dir, layout) = write(&bytes, &records);
        assert_eq!(open(&layout).unwrap_err(), "unsound library: the id order is broken");

        let (front, records) = archived(&built);
        let (_dir, layout) = write(&front, &records[..1]);
        assert_eq!(open(&layout).unwrap_err(), "unsound library: entity records out of place");
    }
}
