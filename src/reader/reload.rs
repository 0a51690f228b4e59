//! Live reload: a `--content` directory is watched, and each change is loaded again from
//! its JSON files on a thread of its own, so the reader never waits for a load. What the
//! load gave is handed to the event loop, which swaps in a library that loaded without
//! errors, or shows the diagnostics of one that did not and keeps the last good library.
//! A reload never goes through the library cache: the cache is for starting, and a file
//! being edited is exactly what it must not be trusted for.

use std::cmp::Reverse;
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread;
use std::time::SystemTime;

use crate::library::{self, Diagnostic, Loaded, Options};
use crate::watch::{Watch, WatchError};

/// What one reload found.
#[derive(Debug)]
pub enum Reloaded {
    /// The library loaded without errors (it may have warnings).
    Good(Box<Loaded>),
    /// It did not: every diagnostic, errors and warnings.
    Bad(Vec<Diagnostic>),
}

/// The watch on a content directory and the results of its reloads.
pub struct Reloads {
    results: Receiver<Reloaded>,
    /// What to say once when the reader starts: that the directory is polled, or that it
    /// cannot be watched at all.
    notice: Option<String>,
    /// Kept for the life of the reloads: dropping it ends the watching and the loader.
    _watch: Option<Watch>,
}

impl Reloads {
    /// Watches `dir` and loads it again after every change, calling `wake` once each
    /// result is ready so that a loop blocked on input looks at it. A directory that
    /// cannot be watched is still read: the reloads then never come, and the notice
    /// says why.
    pub fn start(dir: &Path, wake: fn()) -> Reloads {
        let (results_tx, results) = mpsc::channel();
        match watch(dir, results_tx, wake) {
            Ok(watch) => Reloads { results, notice: watch.polling_notice(), _watch: Some(watch) },
            Err(e) => Reloads { results, notice: Some(format!("not reloading on changes: {e}")), _watch: None },
        }
    }

    /// The notice to show at start, the first time it is asked for.
    pub fn take_notice(&mut self) -> Option<String> {
        self.notice.take()
    }

    /// The newest result that has arrived, if any: an older one is already out of date.
    pub fn newest(&self) -> Option<Reloaded> {
        let mut newest = None;
        loop {
            match self.results.try_recv() {
                Ok(result) => newest = Some(result),
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => return newest,
            }
        }
    }
}

/// Starts the watch and the loader thread that answers it.
fn watch(dir: &Path, results: Sender<Reloaded>, wake: fn()) -> Result<Watch, WatchError> {
    let (changes, changed) = mpsc::channel();
    let watch = Watch::start(dir, changes)?;
    let owned = dir.to_path_buf();
    thread::Builder::new()
        .name("content reload".into())
        .spawn(move || load_on_change(&owned, &changed, &results, wake))
        .map_err(|e| WatchError { dir: dir.to_path_buf(), reason: e.to_string() })?;
    Ok(watch)
}

/// The loader: for each change (and all the changes that came in during the previous
/// load, which one load covers), loads the directory afresh and sends the result. Ends
/// when the watch is dropped or nobody takes results any more.
fn load_on_change(dir: &Path, changed: &Receiver<()>, results: &Sender<Reloaded>, wake: fn()) {
    while changed.recv().is_ok() {
        while changed.try_recv().is_ok() {}
        if results.send(load(dir)).is_err() {
            return;
        }
        wake();
    }
}

/// Loads `dir` from its JSON files, as `briefing` would start on it without a cache. The
/// diagnostics name files by their name in `dir` (the panel is narrow, and the author
/// knows which directory they edit), those of the file saved last first: a mistake in one
/// file can break references in others, and the file just saved is where to look.
pub fn load(dir: &Path) -> Reloaded {
    match library::load_dir(dir, Options::default()) {
        Ok(loaded) => Reloaded::Good(Box::new(loaded)),
        Err(error) => {
            let mut diagnostics = error.diagnostics;
            newest_first(&mut diagnostics);
            Reloaded::Bad(diagnostics.into_iter().map(|d| within(dir, d)).collect())
        }
    }
}

/// Orders diagnostics by when their file was last modified, newest first, keeping the
/// order within a file (and between files of the same time).
fn newest_first(diagnostics: &mut [Diagnostic]) {
    let mut modified: HashMap<PathBuf, Option<SystemTime>> = HashMap::new();
    for d in diagnostics.iter() {
        modified.entry(d.file.clone()).or_insert_with(|| fs::metadata(&d.file).and_then(|m| m.modified()).ok());
    }
    diagnostics.sort_by_key(|d| Reverse(modified.get(&d.file).copied().flatten()));
}

/// `diagnostic` with its file named relative to `dir`, when it is a file inside it.
fn within(dir: &Path, mut diagnostic: Diagnostic) -> Diagnostic {
    if let Ok(name) = diagnostic.file.strip_prefix(dir) {
        if !name.as_os_str().is_empty() {
            diagnostic.file = name.to_path_buf();
        }
    }
    diagnostic
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_file_is_named_within_its_directory_and_a_good_one_loads() {
        let dir = tempfile::tempdir().unwrap();
        let bundled = concat!(env!("CARGO_MANIFEST_DIR"), "/content");
        for entry in fs::read_dir(bundled).unwrap() {
            let entry = entry.unwrap();
            fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
        }
        assert!(matches!(load(dir.path()), Reloaded::Good(_)));
        fs::write(dir.path().join("broken.json"), "{\n  \"id\": \"x\",\n  oops\n}").unwrap();
        let Reloaded::Bad(found) = load(dir.path()) else { panic!("a broken file is an error") };
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].to_string(), "broken.json:3:3: error: malformed JSON: key must be a string");
        fs::remove_file(dir.path().join("broken.json")).unwrap();

        // Breaking the file that declares shared entities breaks references in others,
        // which sort before it by name; the file just saved comes first all the same.
        let gambit = dir.path().join("beijing-gambit.json");
        let text = fs::read_to_string(&gambit).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs::write(&gambit, text.replacen("\"headline\"", "\"headline\" 1", 1)).unwrap();
        let Reloaded::Bad(found) = load(dir.path()) else { panic!("a broken file is an error") };
        assert!(found.len() > 1, "other files' references break too: {found:?}");
        assert!(found[0].to_string().starts_with("beijing-gambit.json:4:"), "{found:?}");
        fs::remove_dir_all(dir.path()).unwrap();
        let Reloaded::Bad(found) = load(dir.path()) else { panic!("a missing directory is an error") };
        assert!(found[0].file.is_absolute(), "the directory itself keeps its whole name: {found:?}");
    }
}
