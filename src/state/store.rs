//! The state as a running reader holds it: loaded once, changed in memory, written back
//! after a quiet moment (debounced, never on every key), on quit and on ending signals.
//! A [`Store`] is a cheap handle: the signal watcher holds a clone to flush before exit.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use rustc_hash::FxHashSet;

use super::file::{self, Loaded, Version};
use super::merge::merge;
use super::{State, now_ms};

/// A change is written once no other change came for this long…
const QUIET: Duration = Duration::from_millis(800);
/// …or at the latest this long after the first unwritten change.
const MAX_DELAY: Duration = Duration::from_secs(5);

/// The reader's state and where it goes.
#[derive(Debug, Clone, Default)]
pub struct Store {
    inner: Arc<Mutex<Inner>>,
}

#[derive(Debug, Default)]
struct Inner {
    /// The state file; `None` when nothing is read or written (`--no-state`).
    path: Option<PathBuf>,
    /// Whether saving is allowed: false for an unwritable directory or a newer file.
    writable: bool,
    state: State,
    /// The file as this reader last read or wrote it.
    disk: Option<Version>,
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
        let path = dir.join(file::FILE_NAME);
        let writable = file::lock(dir);
        let mut inner = Inner { state: State::new(), writable: writable.is_ok(), ..Inner::default() };
        inner.take_in(file::read(&path), &path);
        inner.disk = file::version(&path);
        if let (Err(e), true) = (&writable, inner.notice.is_none()) {
            inner.notice = Some(format!("state directory {} is read-only ({e}): nothing will be saved", dir.display()));
        }
        inner.path = Some(path);
        drop(writable);
        Store::from_inner(inner)
    }

    /// The state in `dir`, read but never written (`briefing screen`, `briefing bookmarks`).
    pub fn read_only(dir: Option<&Path>) -> Store {
        let mut inner = Inner { state: State::new(), ..Inner::default() };
        if let Some(path) = dir.map(|d| d.join(file::FILE_NAME)) {
            match file::read_only(&path) {
                Loaded::Read(state) => inner.state = *state,
                Loaded::Missing => {}
                other => inner.take_in(other, &path),
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
        inner.path.is_some() && inner.writable
    }

    /// How long until unwritten changes are due to be written; `None` when there are none
    /// (or nowhere to write them).
    pub fn due_in(&self) -> Option<Duration> {
        let inner = self.inner();
        let (first, last) = inner.dirty.filter(|_| inner.path.is_some() && inner.writable)?;
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
        self.change(|state, now| {
            let first_visit = state.seen.is_empty();
            let mut new = FxHashSet::default();
            for key in keys {
                if !state.seen.contains_key(&key) {
                    state.seen.insert(key.clone(), now);
                    if !first_visit {
                        new.insert(key);
                    }
                }
            }
            new
        })
    }
}

impl Inner {
    /// Applies what reading the file found, with the notice it calls for.
    fn take_in(&mut self, loaded: Loaded, path: &Path) {
        match loaded {
            Loaded::Missing => {}
            Loaded::Read(state) => self.state = *state,
            Loaded::Corrupt(aside) => {
                self.notice = Some(format!("state file was corrupt: kept as {}; starting afresh", aside.display()));
            }
            Loaded::Stuck(problem) => self.refuse(problem),
            Loaded::Newer(version) => self.refuse(format!(
                "{} is format version {version}, newer than this briefing reads ({}): left alone, nothing will be saved",
                path.display(),
                super::VERSION
            )),
            Loaded::Unreadable(e) => {
                self.refuse(format!("cannot read {} ({e}): nothing will be saved", path.display()));
            }
        }
    }

    fn refuse(&mut self, problem: String) {
        self.writable = false;
        self.notice = Some(problem);
    }

    fn save(&mut self) -> Result<(), String> {
        let Some(path) = self.path.clone() else { return Ok(()) };
        let dir = path.parent().unwrap_or(Path::new("."));
        let shown = path.display();
        let _lock = file::lock(dir).map_err(|e| format!("cannot save state in {} ({e})", dir.display()))?;
        if file::version(&path) != self.disk {
            self.merge_from_disk(&path);
            if !self.writable {
                return Err(self.notice.take().unwrap_or_default());
            }
        }
        let bytes = serde_json::to_vec(&self.state).map_err(|e| format!("cannot encode state: {e}"))?;
        file::write_atomic(&path, &bytes).map_err(|e| format!("cannot save {shown} ({e})"))?;
        self.disk = file::version(&path);
        self.dirty = None;
        Ok(())
    }

    /// Another reader wrote the file: its changes are merged into ours before writing.
    fn merge_from_disk(&mut self, path: &Path) {
        match file::read(path) {
            Loaded::Read(theirs) => merge(&mut self.state, *theirs),
            other => self.take_in(other, path),
        }
    }
}
