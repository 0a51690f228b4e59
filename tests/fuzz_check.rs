//! A seeded mutator over the bundled briefings: thousands of damaged and hostile variants of
//! `content/beijing-gambit.json`, byte-level and structural, each loaded with the rest of the
//! bundled library. Loading never panics; every library `check` accepts loads, draws the
//! reader's screen at a few sizes and exports as Markdown and JSON without panicking; and the
//! real `check` on a sample exits 0 or 1.
//! Seeded, so a failure names its case and reproduces; it runs in seconds.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture")]

#[path = "support/isolated.rs"]
mod isolated;

use std::borrow::Cow;
use std::panic::{AssertUnwindSafe, catch_unwind};

use briefing::cli::export::markdown;
use briefing::library::export::author_file;
use briefing::library::{Input, Options, bundled, load_sources};
use briefing::reader::app::App;
use briefing::reader::screen_text;
use serde_json::Value;

const SEED_TEXT: &str = include_str!("../content/beijing-gambit.json");

/// How many variants are loaded in the test process, and how many of them are also checked
/// by the real binary.
const CASES: u64 = 800;
const BINARY_EVERY: u64 = 40;

/// xorshift64*: small, fast and the same everywhere, so a case number is a reproduction.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Values that have broken readers before: control characters, bidirectional overrides,
/// markup, huge and odd numbers, wide characters, arrays where objects belong.
const HOSTILE: &[&str] = &[
    "\"\\u001b]0;pwned\\u0007\"",
    "\"\\u0000\"",
    "\"\\u202egnp.exe\"",
    "\"[[x|nvidia]]\"",
    "\"[[a [[b|nvidia]]|-]]\"",
    "\".\"",
    "\"\"",
    "\"   \"",
    "\"黄仁勋黄仁勋黄仁勋\"",
    "\"🙂🙂🙂 e\\u0301\"",
    "1e400",
    "-0",
    "18446744073709551616",
    "[0, 0]",
    "[\"a\", \"b\", \"c\"]",
    "{}",
    "null",
    "true",
];

/// A byte-level mutation of the file: truncation, a deleted or repeated span, a hostile
/// value spliced in.
fn mutate_bytes(rng: &mut Rng, text: &str) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    let at = rng.below(bytes.len());
    match rng.below(5) {
        0 => bytes.truncate(at),
        1 => {
            let len = rng.below(64).min(bytes.len() - at);
            bytes.drain(at..at + len);
        }
        2 => {
            let len = rng.below(200).min(bytes.len() - at);
            let span = bytes[at..at + len].to_vec();
            bytes.splice(at..at, span);
        }
        3 => bytes[at] = rng.next() as u8,
        _ => {
            let value = HOSTILE[rng.below(HOSTILE.len())];
            bytes.splice(at..at, value.bytes());
        }
    }
    bytes
}

/// A structural mutation: one value anywhere in the document replaced by a hostile one, an
/// array element repeated or removed, or an object's key dropped. The result is valid JSON
/// of nearly the right shape, which is what gets past parsing into validation and the reader.
fn mutate_value(rng: &mut Rng, doc: &mut Value) {
    let mut paths = Vec::new();
    collect(doc, &mut Vec::new(), &mut paths);
    let path = &paths[rng.below(paths.len())];
    let Some(target) = pointer(doc, path) else { return };
    match (rng.below(4), &mut *target) {
        (0, Value::Array(items)) if !items.is_empty() => {
            let i = rng.below(items.len());
            let copy = items[i].clone();
            items.insert(i, copy);
        }
        (1, Value::Array(items)) if !items.is_empty() => {
            items.remove(rng.below(items.len()));
        }
        (2, Value::Object(map)) if !map.is_empty() => {
            let key = map.keys().nth(rng.below(map.len())).cloned().unwrap_or_default();
            map.remove(&key);
        }
        _ => *target = serde_json::from_str(HOSTILE[rng.below(HOSTILE.len())]).unwrap_or(Value::Null),
    }
}

fn collect(value: &Value, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(at.clone());
    let children: Vec<(String, &Value)> = match value {
        Value::Array(items) => items.iter().enumerate().map(|(i, v)| (i.to_string(), v)).collect(),
        Value::Object(map) => map.iter().map(|(k, v)| (k.clone(), v)).collect(),
        _ => Vec::new(),
    };
    for (key, child) in children {
        at.push(key);
        collect(child, at, out);
        at.pop();
    }
}

fn pointer<'a>(value: &'a mut Value, path: &[String]) -> Option<&'a mut Value> {
    path.iter().try_fold(value, |v, key| match v {
        Value::Array(items) => items.get_mut(key.parse::<usize>().ok()?),
        Value::Object(map) => map.get_mut(key),
        _ => None,
    })
}

/// Variant `case` of the seed file.
fn variant(case: u64) -> Vec<u8> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ case.wrapping_mul(0x1000_0000_01b3));
    if case % 3 == 0 {
        return mutate_bytes(&mut rng, SEED_TEXT);
    }
    let mut doc: Value = serde_json::from_str(SEED_TEXT).expect("the seed parses");
    for _ in 0..1 + rng.below(3) {
        mutate_value(&mut rng, &mut doc);
    }
    serde_json::to_vec_pretty(&doc).expect("a value serialises")
}

/// The bundled library with the seed file replaced by `bytes`.
fn library_with(bytes: Vec<u8>) -> Vec<Input> {
    let mut inputs = bundled::inputs();
    for input in &mut inputs {
        if input.path.ends_with("beijing-gambit.json") {
            input.bytes = Cow::Owned(bytes.clone());
        }
    }
    inputs
}

/// Loads one variant with the rest of the library; when it is accepted, draws and exports
/// it. Returns whether it was accepted.
fn exercise(bytes: Vec<u8>) -> bool {
    let inputs = library_with(bytes);
    let Ok(loaded) = load_sources(&inputs, Options { lint_mentions: true }) else { return false };
    let library = &loaded.library;
    for size in [(120, 40), (20, 5)] {
        let app = App::new(library, size, None);
        assert!(!screen_text(&app).is_empty());
    }
    for id in library.briefing_ids() {
        assert!(!markdown(library, id).is_empty());
    }
    let seed = inputs.iter().find(|i| i.path.ends_with("beijing-gambit.json")).expect("the seed is bundled");
    let file = author_file(seed).expect("an accepted file parses again");
    serde_json::to_string(&file).expect("an export serialises");
    true
}

#[test]
fn mutated_briefings_never_panic_and_accepted_ones_read_and_export() {
    let mut accepted = 0;
    for case in 0..CASES {
        let bytes = variant(case);
        let outcome = catch_unwind(AssertUnwindSafe(|| exercise(bytes.clone())));
        match outcome {
            Ok(true) => accepted += 1,
            Ok(false) => {}
            Err(_) => panic!("case {case} panicked on:\n{}", String::from_utf8_lossy(&bytes)),
        }
    }
    // The mutator must reach the reader, not only the parser.
    assert!(accepted > CASES / 20, "only {accepted} of {CASES} variants were accepted");
}

#[test]
fn check_on_mutated_briefings_exits_0_or_1() {
    let dir = tempfile::tempdir().expect("temporary directory");
    for input in bundled::inputs() {
        let name = input.path.file_name().expect("a file name").to_owned();
        std::fs::write(dir.path().join(name), &input.bytes).expect("copy the bundled library");
    }
    let file = dir.path().join("beijing-gambit.json");
    for case in (0..CASES).step_by(BINARY_EVERY as usize) {
        std::fs::write(&file, variant(case)).expect("write the variant");
        let output = isolated::briefing()
            .args(["check", "--content"])
            .arg(dir.path())
            .output()
            .expect("the briefing binary runs");
        let code = output.status.code();
        assert!(matches!(code, Some(0 | 1)), "case {case}: exit {code:?}\n{}", String::from_utf8_lossy(&output.stderr));
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(!stdout.contains('\u{1b}'), "case {case}: raw escape in check's output");
    }
}
