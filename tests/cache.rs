//! The library cache never serves a library other than the one the JSON gives: after
//! every kind of change to the content or damage to the cache, `list --json` and
//! `show --json` through the cache print exactly what they print with `--no-cache`.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture")]

#[path = "support/isolated.rs"]
mod isolated;

use std::fs;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

/// A copy of the bundled library and a cache directory of its own.
struct Setup {
    content: TempDir,
    cache: TempDir,
}

impl Setup {
    fn new() -> Setup {
        let content = tempfile::tempdir().unwrap();
        for entry in fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/content")).unwrap() {
            let entry = entry.unwrap();
            fs::copy(entry.path(), content.path().join(entry.file_name())).unwrap();
        }
        Setup { content, cache: tempfile::tempdir().unwrap() }
    }

    fn file(&self, name: &str) -> PathBuf {
        self.content.path().join(name)
    }

    /// Runs `briefing` on the content with `extra` flags; (status, stdout, stderr).
    fn run(&self, extra: &[&str], args: &[&str]) -> (i32, String, String) {
        self.run_in(self.cache.path(), extra, args)
    }

    /// Runs `briefing` as [`Setup::run`] does, with `cache` as the cache directory.
    fn run_in(&self, cache: &Path, extra: &[&str], args: &[&str]) -> (i32, String, String) {
        let out = isolated::briefing()
            .args(["--no-state", "--content", self.content.path().to_str().unwrap()])
            .args(["--cache", cache.to_str().unwrap()])
            .args(extra)
            .args(args)
            .output()
            .unwrap();
        let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
        (out.status.code().unwrap_or(-1), text(out.stdout), text(out.stderr))
    }

    /// What the commands print through the cache and without it, for comparison.
    fn outputs(&self, extra: &[&str]) -> Vec<(i32, String, String)> {
        self.outputs_in(self.cache.path(), extra)
    }

    fn outputs_in(&self, cache: &Path, extra: &[&str]) -> Vec<(i32, String, String)> {
        let commands: [&[&str]; 4] = [
            &["list", "--json"],
            &["show", "--json", "nvidia"],
            &["show", "--json", "jensen-huang"],
            &["search", "--json", "h20 charge"],
        ];
        commands.iter().map(|args| self.run_in(cache, extra, args)).collect()
    }

    /// Asserts that through the cache the commands print what they print from the JSON,
    /// and that the cache is current afterwards (so the next start would use it).
    fn assert_same_as_json(&self, after: &str) {
        let cached = self.outputs(&[]);
        let fresh = self.outputs(&["--no-cache"]);
        for (cached, fresh) in cached.iter().zip(&fresh) {
            assert_eq!(cached, fresh, "after {after}: the cached library differs from the JSON's");
        }
        assert!(self.status().contains("current"), "after {after}: {}", self.status());
        assert!(!self.status().contains("not current"), "after {after}: {}", self.status());
        let again = self.outputs(&[]);
        assert_eq!(again, fresh, "after {after}: a second start from the cache differs");
    }

    fn status(&self) -> String {
        self.run(&[], &["cache"]).1
    }

    fn cache_file(&self) -> PathBuf {
        PathBuf::from(self.run(&[], &["cache", "path"]).1.trim_end())
    }

    /// Writes the cache (a search adds the index) and checks it is used.
    fn warm(&self) {
        self.run(&[], &["search", "nvidia"]);
        assert!(self.status().contains("current"), "{}", self.status());
    }
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} holds {from:?}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn a_cold_start_writes_the_cache_and_a_warm_start_gives_the_same_library() {
    let s = Setup::new();
    assert!(s.status().contains("no cache yet"), "{}", s.status());
    s.assert_same_as_json("the first start");
    assert!(s.cache_file().starts_with(s.cache.path()));
}

#[test]
fn an_edited_file_is_read_again() {
    let s = Setup::new();
    s.warm();
    edit(&s.file("beijing-gambit.json"), "Beijing", "Peking");
    assert!(s.status().contains("not current: beijing-gambit.json changed"), "{}", s.status());
    s.assert_same_as_json("an edit");
    assert!(s.run(&[], &["list"]).1.contains("Peking"));
}

#[test]
fn a_same_size_edit_that_restores_the_modification_time_is_seen() {
    let s = Setup::new();
    s.warm();
    let path = s.file("beijing-gambit.json");
    let modified = fs::metadata(&path).unwrap().modified().unwrap();
    edit(&path, "Beijing", "Bejjing");
    fs::File::options().write(true).open(&path).unwrap().set_modified(modified).unwrap();
    s.assert_same_as_json("a same-size edit with the old time");
    assert!(s.run(&[], &["list"]).1.contains("Bejjing"));
}

#[test]
fn a_touched_file_misses_and_gives_the_same_library() {
    let s = Setup::new();
    s.warm();
    let path = s.file("entities.json");
    let later = fs::metadata(&path).unwrap().modified().unwrap() + std::time::Duration::from_secs(5);
    fs::File::options().write(true).open(&path).unwrap().set_modified(later).unwrap();
    assert!(s.status().contains("not current"), "{}", s.status());
    s.assert_same_as_json("a touch");
}

#[test]
fn an_added_removed_or_renamed_file_is_seen() {
    let s = Setup::new();
    s.warm();
    let added = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid/two-briefings/kestrel-fab.json");
    fs::copy(added, s.file("kestrel-fab.json")).unwrap();
    assert!(s.status().contains("kestrel-fab.json was added"), "{}", s.status());
    s.assert_same_as_json("an added briefing");
    fs::rename(s.file("kestrel-fab.json"), s.file("kestrel-fab-renamed.json")).unwrap();
    s.assert_same_as_json("a renamed briefing");
    fs::remove_file(s.file("kestrel-fab-renamed.json")).unwrap();
    s.assert_same_as_json("a removed briefing");
    fs::remove_file(s.file("amd-export-hit.json")).unwrap();
    s.assert_same_as_json("a bundled briefing removed");
}

#[test]
fn a_content_error_is_reported_even_when_a_cache_exists() {
    let s = Setup::new();
    s.warm();
    edit(&s.file("beijing-gambit.json"), "\"headline\"", "\"headlin\"");
    let (code, out, err) = s.run(&[], &["list"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(err.contains("beijing-gambit.json") && err.contains("headlin"), "{err}");
}

#[test]
fn a_truncated_cache_is_rebuilt() {
    let s = Setup::new();
    s.warm();
    let file = s.cache_file();
    let bytes = fs::read(&file).unwrap();
    fs::write(&file, &bytes[..bytes.len() / 2]).unwrap();
    assert!(s.status().contains("not current"), "{}", s.status());
    s.assert_same_as_json("a truncated cache");
}

#[test]
fn a_cache_of_garbage_or_with_a_flipped_byte_is_rebuilt() {
    let s = Setup::new();
    s.warm();
    let file = s.cache_file();
    fs::write(&file, b"not a cache at all, only some words").unwrap();
    assert!(s.status().contains("not a cache file"), "{}", s.status());
    s.assert_same_as_json("a garbage cache");
    let mut bytes = fs::read(&file).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x20;
    fs::write(&file, &bytes).unwrap();
    s.assert_same_as_json("a flipped byte in the cache");
}

#[test]
fn a_cache_of_another_format_version_or_binary_is_rebuilt() {
    let s = Setup::new();
    s.warm();
    let file = s.cache_file();
    let mut bytes = fs::read(&file).unwrap();
    bytes[8] = bytes[8].wrapping_add(1);
    fs::write(&file, &bytes).unwrap();
    assert!(s.status().contains("cache format"), "{}", s.status());
    s.assert_same_as_json("a cache of another format version");
    let bytes = fs::read(&file).unwrap();
    let at = bytes.windows(9).position(|w| w == b"briefing ").unwrap();
    let mut other = bytes.clone();
    other[at + 9] = b'9';
    fs::write(&file, &other).unwrap();
    assert!(s.status().contains("written by briefing 9"), "{}", s.status());
    s.assert_same_as_json("a cache written by another binary");
}

#[test]
fn an_unwritable_cache_directory_costs_nothing_but_the_cache() {
    let s = Setup::new();
    let blocked = s.cache.path().join("blocked");
    fs::write(&blocked, "a file where the cache directory should be").unwrap();
    let through = s.outputs_in(&blocked, &[]);
    let fresh = s.outputs(&["--no-cache"]);
    assert_eq!(through, fresh);
    assert!(through.iter().all(|(code, _, err)| *code == 0 && err.is_empty()), "{through:?}");
}

#[test]
fn clear_removes_the_caches_and_no_cache_writes_none() {
    let s = Setup::new();
    s.run(&["--no-cache"], &["list"]);
    assert!(s.status().contains("no cache yet"), "{}", s.status());
    s.warm();
    let (code, out, _) = s.run(&[], &["cache", "clear"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("removed 1 cache file from"), "{out}");
    assert!(s.status().contains("no cache yet"), "{}", s.status());
}

/// Without a cache, `briefing search` indexes only the words its query can match; through
/// the cache it reads the whole index. Both give the same results for queries of every kind.
#[test]
fn a_search_without_the_cache_answers_as_one_through_it() {
    let s = Setup::new();
    s.warm();
    let queries = [
        "jh",
        "jenson",
        "Huang ceo",
        "^nv",
        "ia$",
        "h20 | h200",
        "chip !deepseek",
        "@person ch",
        "vice-premier",
        "u.s.",
        "5.5",
        "dpsk",
        "'nvidia",
    ];
    for query in queries {
        let through_cache = s.run(&[], &["search", "--json", "--limit", "50", query]);
        let without = s.run(&["--no-cache"], &["search", "--json", "--limit", "50", query]);
        assert_eq!(through_cache, without, "{query}");
        assert_eq!(through_cache.0, 0, "{query} finds something");
    }
}
