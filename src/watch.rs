//! Noticing that a content directory changed, for the reader's live reload and for
//! `briefing check --watch`.
//!
//! Editors save in several ways: in place, by truncating and writing, or by writing a
//! temporary file and renaming it over the original, and they leave swap, lock and backup
//! files beside it. Each save is a burst of file-system events, so events are debounced:
//! a change is reported once the directory has been quiet for [`QUIET`], and only when a
//! file that is part of the library (see [`is_briefing_name`]) or the directory itself was
//! touched. Native notification (inotify and the like) is used where it works; where it
//! cannot be set up, or when `BRIEFING_WATCH=poll` asks for it (network file systems
//! deliver no native events), the directory is polled instead and [`Watch::polling`] says
//! why, so the caller can say so once.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify_debouncer_mini::notify::{self, PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{Config, DebounceEventResult, Debouncer, new_debouncer_opt};

use crate::library::input::is_briefing_name;

/// How long the directory must be quiet before a change is reported: long enough to
/// take in a whole save (truncate, write, rename) as one change, short enough that the
/// change shows well within a second.
pub const QUIET: Duration = Duration::from_millis(150);

/// How often a polled directory is looked at.
pub const POLL_EVERY: Duration = Duration::from_millis(400);

/// The environment variable that asks for polling instead of native notification.
pub const WATCH_ENV: &str = "BRIEFING_WATCH";

/// A directory being watched; dropping it stops the watching.
pub struct Watch {
    /// The debouncer over native notification, kept alive for as long as the watch is…
    _native: Option<Debouncer<RecommendedWatcher>>,
    /// … or the one over polling.
    _polled: Option<Debouncer<PollWatcher>>,
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
        let native = if forced {
            Err(format!("{WATCH_ENV}=poll"))
        } else {
            native(dir, changes.clone()).map_err(|e| format!("native watching failed: {e}"))
        };
        match native {
            Ok(debouncer) => Ok(Watch { _native: Some(debouncer), _polled: None, polling: None }),
            Err(why) => {
                let debouncer =
                    polled(dir, changes).map_err(|e| WatchError { dir: dir.to_path_buf(), reason: e.to_string() })?;
                Ok(Watch { _native: None, _polled: Some(debouncer), polling: Some(why) })
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
        self.polling().map(|why| format!("watching by polling every {every} ms ({why})"))
    }
}

fn config() -> Config {
    Config::default()
        .with_timeout(QUIET)
        .with_batch_mode(true)
        .with_notify_config(notify::Config::default().with_poll_interval(POLL_EVERY))
}

fn native(dir: &Path, changes: Sender<()>) -> notify::Result<Debouncer<RecommendedWatcher>> {
    let mut debouncer = new_debouncer_opt::<_, RecommendedWatcher>(config(), handler(dir, changes))?;
    debouncer.watcher().watch(dir, RecursiveMode::NonRecursive)?;
    Ok(debouncer)
}

fn polled(dir: &Path, changes: Sender<()>) -> notify::Result<Debouncer<PollWatcher>> {
    let mut debouncer = new_debouncer_opt::<_, PollWatcher>(config(), handler(dir, changes))?;
    debouncer.watcher().watch(dir, RecursiveMode::NonRecursive)?;
    Ok(debouncer)
}

/// What the debouncer calls with each batch: a batch that touches the library is one
/// change. An error from the watcher (its queue overflowed, say) may hide a change, so it
/// counts as one: a needless reload costs little, a missed one shows a stale story.
fn handler(dir: &Path, changes: Sender<()>) -> impl FnMut(DebounceEventResult) + Send + 'static {
    let dir = dir.to_path_buf();
    move |result: DebounceEventResult| {
        let changed = match result {
            Ok(events) => events.iter().any(|event| touches_library(&dir, &event.path)),
            Err(_) => true,
        };
        if changed {
            // A closed channel means nobody listens any more; the watch is being dropped.
            let _ = changes.send(());
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
}
