//! The state as a running reader holds it: loaded once, changed in memory, written back
//! after a quiet moment (debounced, never on every key), on quit and on ending signals.
//! A [`Store`] is a cheap handle: the signal watcher holds a clone to flush before exit.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use rustc_hash::FxHashSet;

use super::codec::{self, Part};
use super::file::{self, Loaded, Versions};
use super::merge::merge;
use super::{State, now_ms};

/// A change is written once no other change came for this long…
const QUIET: Duration = Duration::from_millis(800);
/// …or at the latest this long after the first unwritten change.
const MAX_DELAY: Duration = Duration::from_secs(5);

/// The changes are written into the whole file once they are larger than this share of
/// it (and this many bytes): small enough to keep loading cheap, large enough that a
/// save is nearly always just the changes.
const COMPACT_SHARE: u64 = 8;
const COMPACT_BYTES: u64 = 64 * 1024;

/// The reader's state and where it goes.
#[derive(Debug, Clone, Default)]
pub struct Store {
    inner: Arc<Mutex<Inner>>,
}

#[derive(Debug, Default)]
struct Inner {
    /// The state directory; `None` when nothing is read or written (`--no-state`).
    dir: Option<PathBuf>,
    /// Whether saving is allowed: false for an unwritable directory or a newer file.
    writable: bool,
    state: State,
    /// The files as this reader last read or wrote them.
    disk: Versions,
    /// The changes file as this reader last wrote it: a save that would write the same
    /// bytes over it is skipped.
    written: Vec<u8>,
    /// `state.bin` is of an older format version: the next save writes it whole, in this
    /// one, so that later loads read this version's layout.
    outdated: bool,
    /// When the first and the latest unwritten change were made.
    dirty: Option<(Instant, Instant)>,
    /// A one-line notice for the status bar (corrupt file, read-only directory…).
    notice: Option<String>,
}

impl Store {
    /// A store that reads and writes nothing (`--no-state`, and tests).
    pub fn off() -> Store {
        Store::from_inner(Inner { state: State::new(), ..Inner::default() })
    }

    /// A store that keeps `state` in memory only.
    pub fn in_memory(state: State) -> Store {
        Store::from_inner(Inner { state, ..Inner::default() })
    }

    fn from_inner(inner: Inner) -> Store {
        Store { inner: Arc::new(Mutex::new(inner)) }
    }

    /// Opens the state in `dir` (see [`file::state_dir`]); `None` finds no home, so the
    /// reader runs without state and says so. Never fails: every problem becomes a notice.
    pub fn open(dir: Option<&Path>) -> Store {
        let Some(dir) = dir else {
            let mut inner = Inner { state: State::new(), ..Inner::default() };
            inner.notice = Some("no home directory: reading without saved state".into());
            return Store::from_inner(inner);
        };
        // Read under the lock, so another reader cannot fold the changes into the whole
        // file between reading one and the other.
        let writable = file::lock(dir);
        let mut inner = Inner { state: State::new(), writable: writable.is_ok(), ..Inner::default() };
        inner.take_in(file::read(dir), dir);
        inner.disk = file::versions(dir);
        inner.outdated = file::whole_version(dir).is_some_and(|version| version < super::VERSION);
        if let (Err(e), true) = (&writable, inner.notice.is_none()) {
            inner.notice = Some(format!("state directory {} is read-only ({e}): nothing will be saved", dir.display()));
        }
        inner.dir = Some(dir.to_path_buf());
        drop(writable);
        Store::from_inner(inner)
    }

    /// The state in `dir`, read but never written (`briefing screen`, `briefing bookmarks`).
    pub fn read_only(dir: Option<&Path>) -> Store {
        let mut inner = Inner { state: State::new(), ..Inner::default() };
        if let Some(dir) = dir {
            match file::read_only(dir) {
                Loaded::Read(state) => inner.state = *state,
                Loaded::Missing => {}
                other => inner.take_in(other, dir),
            }
        }
        Store::from_inner(inner)
    }

    fn inner(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Reads the state.
    pub fn with<R>(&self, read: impl FnOnce(&State) -> R) -> R {
        read(&self.inner().state)
    }

    /// Changes the state; `change` gets the current time to stamp entries with.
    pub fn change<R>(&self, change: impl FnOnce(&mut State, u64) -> R) -> R {
        let mut inner = self.inner();
        let result = change(&mut inner.state, now_ms());
        let now = Instant::now();
        inner.dirty = Some((inner.dirty.map_or(now, |(first, _)| first), now));
        result
    }

    /// Takes the pending notice, if any.
    pub fn take_notice(&self) -> Option<String> {
        self.inner().notice.take()
    }

    /// Whether saving is possible at all.
    pub fn writable(&self) -> bool {
        let inner = self.inner();
        inner.dir.is_some() && inner.writable
    }

    /// How long until unwritten changes are due to be written; `None` when there are none
    /// (or nowhere to write them).
    pub fn due_in(&self) -> Option<Duration> {
        let inner = self.inner();
        let (first, last) = inner.dirty.filter(|_| inner.dir.is_some() && inner.writable)?;
        let due = (last + QUIET).min(first + MAX_DELAY);
        Some(due.saturating_duration_since(Instant::now()))
    }

    /// Writes if changes are due.
    pub fn flush_if_due(&self) {
        if self.due_in().is_some_and(|d| d.is_zero()) {
            self.flush();
        }
    }

    /// Writes unwritten changes now: under the lock, re-reads the file if another reader
    /// wrote it since, merges per key by time, and writes the result atomically. A failure
    /// leaves the changes in memory and a notice.
    pub fn flush(&self) {
        let mut inner = self.inner();
        if inner.dirty.is_none() || !inner.writable {
            return;
        }
        if let Err(problem) = inner.save() {
            inner.notice = Some(problem);
        }
    }

    /// Records which briefings and entities (`b:ID`, `e:ID`) exist and returns those first
    /// seen now. On a first visit nothing is new: everything is.
    pub fn see(&self, keys: impl Iterator<Item = String>) -> FxHashSet<String> {
        let mut keys = keys.peekable();
        if self.with(|state| state.seen.is_empty()) {
            // Everything is seen now and nothing is new: the keys go straight into the table,
            // not first into a set that would hold a million of them at a million entities.
            if keys.peek().is_some() {
                self.change(|state, now| state.seen.extend_new(keys.map(|key| (key, now))));
            }
            return FxHashSet::default();
        }
        let unseen: FxHashSet<String> = self.with(|state| keys.filter(|key| !state.seen.contains(key)).collect());
        if !unseen.is_empty() {
            self.change(|state, now| state.seen.extend_new(unseen.iter().map(|key| (key.clone(), now))));
        }
        unseen
    }
}

impl Inner {
    /// Applies what reading the state in `dir` found, with the notice it calls for.
    fn take_in(&mut self, loaded: Loaded, dir: &Path) {
        match loaded {
            Loaded::Missing => {}
            Loaded::Read(state) => self.state = *state,
            Loaded::Corrupt { aside, problem, rest } => {
                let afresh = if *rest == State::new() { "starting afresh" } else { "reading on from the rest" };
                self.state = *rest;
                self.notice = Some(format!("state file was corrupt ({problem}): kept as {}; {afresh}", aside.display()));
            }
            Loaded::Stuck(problem) => self.refuse(problem),
            Loaded::Newer(version) => self.refuse(format!(
                "the state in {} is format version {version}, newer than this briefing reads ({}): left alone, nothing will be saved",
                dir.display(),
                super::VERSION
            )),
            Loaded::Unreadable(e) => {
                self.refuse(format!("cannot read the state in {} ({e}): nothing will be saved", dir.display()));
            }
        }
    }

    fn refuse(&mut self, problem: String) {
        self.writable = false;
        self.notice = Some(problem);
    }

    /// Under the lock: merges what other readers wrote since, then writes the changes
    /// since the last whole write, or the whole state when those have grown large.
    fn save(&mut self) -> Result<(), String> {
        let Some(dir) = self.dir.clone() else { return Ok(()) };
        let shown = dir.display();
        let _lock = file::lock(&dir).map_err(|e| format!("cannot save state in {shown} ({e})"))?;
        if file::versions(&dir) != self.disk {
            self.merge_from_disk(&dir);
            if !self.writable {
                return Err(self.notice.take().unwrap_or_default());
            }
        }
        let changes = codec::encode(&self.state, Part::Changes);
        let whole = self.disk.whole.map(|v| v.len);
        let small = whole.is_some_and(|len| (changes.len() as u64) <= (len / COMPACT_SHARE).max(COMPACT_BYTES));
        if !small || self.outdated {
            let bytes = codec::encode(&self.state, Part::Whole);
            file::write_atomic(&dir.join(file::FILE_NAME), &bytes)
                .map_err(|e| format!("cannot save in {shown} ({e})"))?;
            file::remove_changes(&dir).map_err(|e| format!("cannot save in {shown} ({e})"))?;
            self.state.written_whole();
            self.written.clear();
            self.outdated = false;
        } else if changes != self.written {
            let path = dir.join(file::CHANGES_NAME);
            file::write_atomic(&path, &changes).map_err(|e| format!("cannot save in {shown} ({e})"))?;
            self.written = changes;
        }
        self.disk = file::versions(&dir);
        self.dirty = None;
        Ok(())
    }

    /// Another reader wrote since: its changes are merged into ours before writing, and
    /// what this reader last wrote no longer stands for what is on disk.
    fn merge_from_disk(&mut self, dir: &Path) {
        match file::read(dir) {
            Loaded::Read(theirs) => merge(&mut self.state, *theirs),
            Loaded::Missing => {}
            other => self.take_in(other, dir),
        }
        self.written.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Mark;

    fn marks(store: &Store, ids: impl Iterator<Item = usize>) {
        store.change(|s, now| {
            for i in ids {
                *s.briefings.entry(&format!("briefing-{i:05}")) = Mark { at: now, opened: true, ..Mark::default() };
            }
        });
        store.flush();
    }

    fn read(dir: &Path) -> State {
        match file::read(dir) {
            Loaded::Read(state) => *state,
            other => panic!("does not read: {other:?}"),
        }
    }

    #[test]
    fn a_first_visit_sees_everything_and_finds_nothing_new_and_a_later_one_finds_only_the_new() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let store = Store::open(Some(dir.path()));
        let keys = |ids: &[&str]| ids.iter().map(|id| format!("e:{id}")).collect::<Vec<_>>().into_iter();
        assert!(store.see(keys(&[])).is_empty());
        assert!(store.with(|s| s.seen.is_empty()), "nothing to see records nothing");
        assert!(store.see(keys(&["a", "b"])).is_empty(), "on a first visit nothing is new");
        let new = store.see(keys(&["a", "b", "c"]));
        assert_eq!(new, FxHashSet::from_iter(["e:c".to_string()]));
        assert!(store.see(keys(&["a", "b", "c"])).is_empty());
        store.flush();
        assert_eq!(read(dir.path()).seen.len(), 3, "all three saved");
    }

    #[test]
    fn a_save_writes_the_changes_and_the_whole_state_once_they_grow() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let (whole, changes) = (dir.path().join(file::FILE_NAME), dir.path().join(file::CHANGES_NAME));
        let store = Store::open(Some(dir.path()));
        marks(&store, 0..5000);
        let first = std::fs::read(&whole).expect("the first save is whole");
        assert!(!changes.exists());

        marks(&store, 7..8);
        assert_eq!(std::fs::read(&whole).ok(), Some(first.clone()), "one change leaves the whole file alone");
        let small = std::fs::metadata(&changes).map(|m| m.len()).unwrap_or(0);
        assert!(small > 0 && small < 200, "{small} bytes of changes");
        assert!(read(dir.path()) == store.with(State::clone), "the two files read as the state");

        marks(&store, 5000..15_000);
        assert!(!changes.exists(), "grown changes are folded into the whole file");
        assert_ne!(std::fs::read(&whole).ok(), Some(first));
        assert!(read(dir.path()) == store.with(State::clone));
    }

    #[test]
    fn changes_left_over_from_a_fold_cut_short_read_as_nothing_new() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let store = Store::open(Some(dir.path()));
        marks(&store, 0..3000);
        marks(&store, 1..2);
        let stale = std::fs::read(dir.path().join(file::CHANGES_NAME)).expect("a changes file");
        marks(&store, 3000..13_000);
        assert!(!dir.path().join(file::CHANGES_NAME).exists(), "folded");
        // As if the reader died after writing the whole file, before removing the changes.
        std::fs::write(dir.path().join(file::CHANGES_NAME), stale).expect("written");
        assert!(read(dir.path()) == store.with(State::clone));
    }

    #[test]
    fn a_second_reader_keeps_what_the_first_wrote_in_either_file() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let (one, two) = (Store::open(Some(dir.path())), Store::open(Some(dir.path())));
        marks(&one, 0..3000);
        marks(&two, 10_000..10_001);
        marks(&one, 20_000..20_001);
        marks(&two, 30_000..34_000);
        marks(&one, 40_000..40_001);
        marks(&two, 50_000..60_000); // folds everything into the whole file
        assert!(!dir.path().join(file::CHANGES_NAME).exists());
        marks(&one, 60_000..60_001);
        let state = read(dir.path());
        for id in
            ["briefing-00000", "briefing-10000", "briefing-20000", "briefing-33999", "briefing-40000", "briefing-60000"]
        {
            assert!(state.briefings.contains(id), "{id} lost");
        }
        assert_eq!(state.briefings.len(), 3000 + 1 + 1 + 4000 + 1 + 10_000 + 1);
    }
}
