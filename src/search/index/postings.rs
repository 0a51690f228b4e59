//! The postings of every word in one flat list, built in memory or mapped from the cache
//! file. At a million entities the list is most of the index (hundreds of megabytes) and a
//! query reads a few words' worth, so a cached list is used where it lies in the file
//! rather than copied. Each word's postings carry a hash, checked the first time the word
//! is read: a damaged file gives that word no postings, never wrong ones.

use std::ops::Range;
use std::sync::atomic::{AtomicU8, Ordering};

use memmap2::Mmap;

use super::Posting;

/// Lists of postings per word, one flat array: the postings of word `w` in name and alias
/// texts are `names(w)`, the rest `others(w)` (a one-letter term reads only the first).
#[derive(Debug, Default, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub(crate) struct Postings {
    /// Where each word's postings begin, and one past the last.
    offsets: Vec<u32>,
    /// For each word, where its postings outside names begin.
    split: Vec<u32>,
    /// Each word's postings' hash (xxh3 of their bytes).
    hashes: Vec<u64>,
    /// The postings themselves, kept out of the archive: the cache stores them as a part
    /// of their own, mapped when it is read.
    #[rkyv(with = rkyv::with::Skip)]
    list: List,
}

/// The flat list: built here, or mapped from a cache file.
#[derive(Default)]
struct List {
    built: Vec<Posting>,
    mapped: Option<Mapped>,
}

impl std::fmt::Debug for List {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.mapped {
            None => write!(f, "{} postings built", self.built.len()),
            Some(mapped) => write!(f, "{} bytes of postings mapped", mapped.range.len()),
        }
    }
}

/// Postings in a mapped file, and which words have been checked against their hashes.
struct Mapped {
    map: Mmap,
    range: Range<usize>,
    /// Per word: [`UNCHECKED`], [`SOUND`] or [`DAMAGED`].
    checked: Vec<AtomicU8>,
}

const UNCHECKED: u8 = 0;
const SOUND: u8 = 1;
const DAMAGED: u8 = 2;

impl Postings {
    /// The postings of each word laid out in `list`: word `w`'s from `offsets[w]`, those
    /// outside names from `split[w]`, to `offsets[w + 1]`.
    pub fn new(offsets: Vec<u32>, split: Vec<u32>, list: Vec<Posting>) -> Self {
        let hashes = offsets.windows(2).map(|w| hash(&list[w[0] as usize..w[1] as usize])).collect();
        Postings { offsets, split, hashes, list: List { built: list, mapped: None } }
    }

    /// How many postings there are.
    pub fn len(&self) -> usize {
        self.offsets.last().map_or(0, |&n| n as usize)
    }

    /// Word `w`'s postings in names and aliases.
    pub fn names(&self, w: usize) -> &[Posting] {
        let names = (self.split[w] - self.offsets[w]) as usize;
        let all = self.word(w);
        all.get(..names).unwrap_or(all)
    }

    /// Word `w`'s postings outside names and aliases.
    pub fn others(&self, w: usize) -> &[Posting] {
        let names = (self.split[w] - self.offsets[w]) as usize;
        self.word(w).get(names..).unwrap_or(&[])
    }

    /// All of word `w`'s postings; none when they are mapped and do not match their hash.
    fn word(&self, w: usize) -> &[Posting] {
        let range = self.offsets[w] as usize..self.offsets[w + 1] as usize;
        let Some(mapped) = &self.list.mapped else { return &self.list.built[range] };
        let postings = mapped.all().get(range).unwrap_or(&[]);
        let state = &mapped.checked[w];
        match state.load(Ordering::Relaxed) {
            SOUND => postings,
            DAMAGED => &[],
            _ => {
                let sound = hash(postings) == self.hashes[w];
                state.store(if sound { SOUND } else { DAMAGED }, Ordering::Relaxed);
                if sound { postings } else { &[] }
            }
        }
    }

    /// The list's bytes, to write to a cache file.
    pub fn bytes(&self) -> &[u8] {
        match &self.list.mapped {
            None => bytemuck::cast_slice(&self.list.built),
            Some(mapped) => &mapped.map[mapped.range.clone()],
        }
    }

    /// Uses the postings in `range` of `map` (as [`Postings::bytes`] wrote them) for
    /// `words` words; why not, in words, when the tables and the bytes do not fit together.
    pub fn attach(&mut self, map: Mmap, range: Range<usize>, words: usize) -> Result<(), String> {
        let offsets_fit = self.offsets.len() == words + 1
            && self.offsets.first() == Some(&0)
            && self.offsets.windows(2).all(|w| w[0] <= w[1]);
        let splits_fit = self.split.len() == words
            && self.split.iter().zip(self.offsets.windows(2)).all(|(&s, w)| w[0] <= s && s <= w[1]);
        if !offsets_fit || !splits_fit || self.hashes.len() != words {
            return Err("postings do not fit their words".into());
        }
        let bytes = map.get(range.clone()).ok_or("postings outside the file")?;
        let postings: &[Posting] = bytemuck::try_cast_slice(bytes).map_err(|e| format!("postings misplaced: {e}"))?;
        if postings.len() != self.len() {
            return Err(format!("{} postings where the words have {}", postings.len(), self.len()));
        }
        let checked = std::iter::repeat_with(|| AtomicU8::new(UNCHECKED)).take(words).collect();
        self.list = List { built: Vec::new(), mapped: Some(Mapped { map, range, checked }) };
        Ok(())
    }
}

impl Postings {
    /// Gives the pages of mapped postings back to the kernel's page cache, to be mapped
    /// again when a search reads them. A word's postings are read in whole (their hash is
    /// checked), and the kernel may map a longer run of the file around each read, so over
    /// a few queries at a million entities a reader came to hold hundreds of megabytes of
    /// postings it had finished with. Built postings are the process's own and stay.
    pub fn release(&self) {
        #[cfg(unix)]
        if let Some(mapped) = &self.list.mapped {
            // SAFETY: the map is a shared, read-only map of a cache file that is only ever
            // replaced by a rename, never written in place, so the pages mapped again hold
            // the same bytes every borrow of them has seen.
            let released = unsafe {
                mapped.map.unchecked_advise_range(
                    memmap2::UncheckedAdvice::DontNeed,
                    mapped.range.start,
                    mapped.range.len(),
                )
            };
            // A refusal only leaves the pages where they are.
            drop(released);
        }
    }
}

impl Mapped {
    /// Every mapped posting (the cast was checked when the map was attached).
    fn all(&self) -> &[Posting] {
        bytemuck::try_cast_slice(&self.map[self.range.clone()]).unwrap_or(&[])
    }
}

fn hash(postings: &[Posting]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytemuck::cast_slice(postings))
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;
    use crate::search::source::Field;

    fn posting(dest: u32) -> Posting {
        Posting::new(dest, 0, Field::Name, 0, false)
    }

    /// `built`'s tables as the cache's archive gives them back: without the list.
    fn unattached(built: &Postings) -> Postings {
        Postings {
            offsets: built.offsets.clone(),
            split: built.split.clone(),
            hashes: built.hashes.clone(),
            list: List::default(),
        }
    }

    /// Postings of two words, written to a file and mapped back.
    fn mapped(damage: Option<usize>) -> (Postings, Postings) {
        let built = Postings::new(vec![0, 2, 5], vec![1, 4], (0..5).map(posting).collect());
        let mut bytes = built.bytes().to_vec();
        if let Some(at) = damage {
            bytes[at] ^= 0xff;
        }
        let mut file = tempfile::tempfile().unwrap();
        file.write_all(&bytes).unwrap();
        let map = unsafe { Mmap::map(&file) }.unwrap();
        let mut read = unattached(&built);
        read.attach(map, 0..bytes.len(), 2).unwrap();
        (built, read)
    }

    #[test]
    fn mapped_postings_read_as_built() {
        let (built, read) = mapped(None);
        for w in 0..2 {
            assert_eq!(read.names(w), built.names(w));
            assert_eq!(read.others(w), built.others(w));
        }
        assert_eq!(read.names(1), [posting(2), posting(3)]);
        assert_eq!(read.bytes(), built.bytes());
        read.release();
        for w in 0..2 {
            assert_eq!((read.names(w), read.others(w)), (built.names(w), built.others(w)), "read again after release");
        }
    }

    #[test]
    fn a_damaged_word_has_no_postings_and_the_others_still_read() {
        let (built, read) = mapped(Some(3 * 8));
        assert_eq!(read.names(1), []);
        assert_eq!(read.others(1), []);
        assert_eq!(read.names(0), built.names(0));
    }

    #[test]
    fn postings_that_do_not_fit_their_words_are_refused() {
        let built = Postings::new(vec![0, 2, 5], vec![1, 4], (0..5).map(posting).collect());
        let mut file = tempfile::tempfile().unwrap();
        file.write_all(&built.bytes()[..32]).unwrap();
        let map = unsafe { Mmap::map(&file) }.unwrap();
        let mut read = unattached(&built);
        assert_eq!(read.attach(map, 0..32, 2).unwrap_err(), "4 postings where the words have 5");
    }
}
