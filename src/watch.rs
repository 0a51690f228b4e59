//! Noticing that a content directory changed, for the reader's live reload and for
//! `briefing check --watch`.
//!
//! Editors save in several ways: in place, by truncating and writing, or by writing a
//! temporary file and renaming it over the original, and they leave swap, lock and backup
//! files beside it. Each save is a burst of file-system events, so events are debounced:
//! a change is reported once the directory has been quiet for [`QUIET`] (or, under a
//! steady stream of writes, [`AT_MOST`] after the first), and only for events that can
//! change what a library loads: a file a library reads (see [`is_briefing_name`]) or the
//! directory itself created, written, removed or renamed. Merely opening or reading a file
//! is no change; loading the library does both, and counting them made every reload
//! cause the next.
//!
//! Native notification (inotify and the like) is used where it works; where it cannot be
//! set up, or when `BRIEFING_WATCH=poll` asks for it (network file systems deliver no
//! native events), the directory is polled instead and [`Watch::polling`] says why, so the
//! caller can say so once. The debouncer and the poller are ours, a few lines each: the
//! notify crate's debouncers either cannot tell a read from a write or wake many times a
//! second while idle, and its poller compares modification times in whole seconds, so it
//! misses a fix saved within a second of the mistake.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use crate::library::input::is_briefing_name;

/// How long the directory must be quiet before a change is reported: long enough to
/// take in a whole save (truncate, write, rename) as one change, short enough that the
/// change shows well within a second.
pub const QUIET: Duration = Duration::from_millis(150);

/// The longest a change waits for quiet: a file written without pause still reloads.
pub const AT_MOST: Duration = Duration::from_millis(1000);

/// How often a polled directory is looked at.
pub const POLL_EVERY: Duration = Duration::from_millis(400);

/// The environment variable that asks for polling instead of native notification.
pub const WATCH_ENV: &str = "BRIEFING_WATCH";

/// A directory being watched; dropping it stops the watching.
pub struct Watch {
    /// The native watcher, kept alive for as long as the watch is…
    _native: Option<RecommendedWatcher>,
    /// … or the poller's stop: dropping it ends the poller.
    _polled: Option<Sender<()>>,
    /// Why the directory is polled, when it is.
    polling: Option<String>,
}

/// A directory could not be watched at all, not even by polling.
#[derive(Debug, thiserror::Error)]
#[error("cannot watch {}: {reason}", dir.display())]
pub struct WatchError {
    /// The directory.
    pub dir: PathBuf,
    /// What went wrong.
    pub reason: String,
}

impl Watch {
    /// Watches `dir` (not its subdirectories, which a library does not read) and sends
    /// `()` down `changes` after each burst of changes to its library files. The sender
    /// is dropped when the watch is, so a receiver's loop ends with it.
    pub fn start(dir: &Path, changes: Sender<()>) -> Result<Watch, WatchError> {
        let forced = std::env::var(WATCH_ENV).is_ok_and(|v| v.eq_ignore_ascii_case("poll"));
        Watch::start_with(dir, changes, forced.then(|| format!("{WATCH_ENV}=poll")))
    }

    /// Watches as [`Watch::start`] does, polling if `poll` gives a reason to.
    pub fn start_with(dir: &Path, changes: Sender<()>, poll: Option<String>) -> Result<Watch, WatchError> {
        let (events, burst) = mpsc::channel();
        let failed = |reason: String| WatchError { dir: dir.to_path_buf(), reason };
        thread::Builder::new()
            .name("content watch".into())
            .spawn(move || debounce(&burst, &changes))
            .map_err(|e| failed(e.to_string()))?;
        let native = match poll {
            Some(why) => Err(why),
            None => native(dir, events.clone()).map_err(|e| format!("native watching failed: {e}")),
        };
        match native {
            Ok(watcher) => Ok(Watch { _native: Some(watcher), _polled: None, polling: None }),
            Err(why) => {
                let watcher = polled(dir, events).map_err(|e| failed(e.to_string()))?;
                Ok(Watch { _native: None, _polled: Some(watcher), polling: Some(why) })
            }
        }
    }

    /// Why the directory is polled rather than watched natively, if it is.
    pub fn polling(&self) -> Option<&str> {
        self.polling.as_deref()
    }

    /// The one line that tells a person the directory is polled, if it is.
    pub fn polling_notice(&self) -> Option<String> {
        let every = POLL_EVERY.as_millis();
        self.polling().map(|why| format!("polling every {every} ms for changes ({why})"))
    }
}

fn native(dir: &Path, events: Sender<()>) -> notify::Result<RecommendedWatcher> {
    let mut watcher = RecommendedWatcher::new(handler(dir, events), notify::Config::default())?;
    watcher.watch(dir, RecursiveMode::NonRecursive)?;
    Ok(watcher)
}

/// Starts the poller of `dir`; it ends when the returned sender is dropped.
fn polled(dir: &Path, events: Sender<()>) -> std::io::Result<Sender<()>> {
    let (stop, stopped) = mpsc::channel::<()>();
    let dir = dir.to_path_buf();
    // Taken before this returns: a change made right after the watch starts is a change.
    let mut last = listing(&dir);
    thread::Builder::new().name("content poll".into()).spawn(move || {
        while let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(POLL_EVERY) {
            let now = listing(&dir);
            if now != last && events.send(()).is_err() {
                return;
            }
            last = now;
        }
    })?;
    Ok(stop)
}

/// One file as polling sees it: name, inode, size, modification time.
type Stamp = (OsString, u64, u64, Option<SystemTime>);

/// What polling compares: each library file's name, inode, size and modification time
/// (to the nanosecond where the file system keeps it); `None` when the directory cannot
/// be read.
fn listing(dir: &Path) -> Option<Vec<Stamp>> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .filter(|entry| touches_library(dir, &entry.path()))
        .map(|entry| {
            let meta = entry.metadata().ok();
            let size = meta.as_ref().map_or(0, fs::Metadata::len);
            (entry.file_name(), inode(meta.as_ref()), size, meta.and_then(|m| m.modified().ok()))
        })
        .collect();
    files.sort();
    Some(files)
}

#[cfg(unix)]
fn inode(meta: Option<&fs::Metadata>) -> u64 {
    use std::os::unix::fs::MetadataExt;
    meta.map_or(0, MetadataExt::ino)
}

#[cfg(not(unix))]
fn inode(_: Option<&fs::Metadata>) -> u64 {
    0
}

/// What the watcher calls with each event: one that can change the library goes on to
/// the debouncer. An error from the watcher (its queue overflowed, say) may hide a change,
/// so it counts as one: a needless reload costs little, a missed one shows a stale story.
fn handler(dir: &Path, events: Sender<()>) -> impl FnMut(notify::Result<Event>) + Send + 'static {
    let dir = dir.to_path_buf();
    move |result: notify::Result<Event>| {
        let changed = match result {
            Ok(event) => changes_content(&event.kind) && event.paths.iter().any(|p| touches_library(&dir, p)),
            Err(_) => true,
        };
        if changed {
            // A closed channel means the debouncer is gone, and so is the watch.
            let _ = events.send(());
        }
    }
}

/// Whether an event of this kind can change what a file holds: anything but opening or
/// reading it (closing a file written to ends a save, so it counts).
pub fn changes_content(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// Turns bursts on `events` into one message each on `changes`, sent once `events` has
/// been quiet for [`QUIET`] or [`AT_MOST`] after the burst began. Ends when either side
/// is closed. Blocks while nothing happens, so an idle watch costs nothing.
pub fn debounce(events: &Receiver<()>, changes: &Sender<()>) {
    while events.recv().is_ok() {
        let began = Instant::now();
        loop {
            let left = AT_MOST.saturating_sub(began.elapsed());
            match events.recv_timeout(QUIET.min(left)) {
                Ok(()) if !left.is_zero() => continue,
                Ok(()) | Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        if changes.send(()).is_err() {
            return;
        }
    }
}

/// Whether an event at `path` can change the library in `dir`: the directory itself
/// (removed, renamed, its permissions changed) or a file a library reads. Swap, lock and
/// backup files (`.story.json.swp`, `.#story.json`, `story.json~`, vim's `4913`) are not.
pub fn touches_library(dir: &Path, path: &Path) -> bool {
    path == dir || path.file_name().is_some_and(|name| is_briefing_name(&name.to_string_lossy()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn library_files_and_the_directory_count_and_editor_files_do_not() {
        let dir = Path::new("/lib");
        assert!(touches_library(dir, Path::new("/lib")));
        assert!(touches_library(dir, Path::new("/lib/story.json")));
        assert!(touches_library(dir, Path::new("/lib/entities.json")));
        for editor in [".story.json.swp", ".story.json.swx", ".#story.json", "story.json~", "4913", "#story.json#"] {
            assert!(!touches_library(dir, &dir.join(editor)), "{editor}");
        }
        assert!(!touches_library(dir, Path::new("/lib/story.json.tmp")), "a temporary file before its rename");
    }

    #[test]
    fn opening_and_reading_are_no_change_and_finishing_a_write_is() {
        assert!(!changes_content(&EventKind::Access(AccessKind::Open(AccessMode::Any))));
        assert!(!changes_content(&EventKind::Access(AccessKind::Close(AccessMode::Read))));
        assert!(changes_content(&EventKind::Access(AccessKind::Close(AccessMode::Write))));
        assert!(changes_content(&EventKind::Modify(notify::event::ModifyKind::Any)));
        assert!(changes_content(&EventKind::Remove(notify::event::RemoveKind::File)));
    }

    #[test]
    fn a_burst_of_events_is_one_change() {
        let (events, burst) = mpsc::channel();
        let (changes, changed) = mpsc::channel();
        let debouncer = thread::spawn(move || debounce(&burst, &changes));
        for _ in 0..20 {
            events.send(()).unwrap();
        }
        assert_eq!(changed.recv_timeout(Duration::from_secs(5)), Ok(()));
        assert!(changed.recv_timeout(QUIET * 3).is_err(), "one change for the burst");
        drop(events);
        debouncer.join().unwrap();
        assert!(changed.recv().is_err(), "the debouncer ends with its events");
    }

    /// Waits for a change on `changed`, or says there was none within a second and a half.
    fn changed_within(changed: &Receiver<()>) -> bool {
        let got = changed.recv_timeout(Duration::from_millis(1500)).is_ok();
        while changed.recv_timeout(QUIET * 2).is_ok() {}
        got
    }

    #[test]
    fn a_real_directory_reports_writes_and_renames_but_not_reads_or_swap_files() {
        saves_are_seen(None);
    }

    #[test]
    fn polling_sees_the_same_saves_and_says_why_it_polls() {
        saves_are_seen(Some("asked to".into()));
    }

    fn saves_are_seen(poll: Option<String>) {
        let dir = tempfile::tempdir().unwrap();
        let story = dir.path().join("story.json");
        fs::write(&story, "{}").unwrap();
        let (changes, changed) = mpsc::channel();
        let watch = Watch::start_with(dir.path(), changes, poll.clone()).unwrap();
        assert_eq!(watch.polling().map(str::to_string), poll);

        fs::write(&story, "{ }").unwrap();
        assert!(changed_within(&changed), "a write in place");
        fs::File::create(&story).unwrap();
        fs::write(&story, "{   }").unwrap();
        assert!(changed_within(&changed), "truncated, then written");
        fs::read(&story).unwrap();
        assert!(!changed_within(&changed), "reading the file, as loading does, is no change");
        fs::write(dir.path().join(".story.json.swp"), "x").unwrap();
        fs::write(dir.path().join("story.json~"), "x").unwrap();
        assert!(!changed_within(&changed), "swap and backup files");
        let temporary = dir.path().join("story.json.tmp");
        fs::write(&temporary, "{  }").unwrap();
        fs::rename(&temporary, &story).unwrap();
        assert!(changed_within(&changed), "a temporary file renamed over the story");
    }
}
