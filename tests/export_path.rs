//! `briefing path` and `briefing export`: shortest paths, and exports that round-trip.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture or pty")]

use std::fs;
use std::path::Path;
use std::process::Command;

use briefing::library::format::BriefingFile;
use briefing::library::graph::shortest_path;
use briefing::library::{self, Options};

fn briefing(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_briefing")).args(args).output().expect("run briefing");
    let text = |b: Vec<u8>| String::from_utf8(b).expect("utf-8 output");
    (out.status.code().unwrap_or(-1), text(out.stdout), text(out.stderr))
}

#[test]
fn path_is_the_shortest_chain() {
    let (code, out, _) = briefing(&["path", "jensen-huang", "us-export-controls"]);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), "Jensen Huang → CEO of → Nvidia → maker of → H20 → restricted by → US export controls");
}

#[test]
fn path_is_deterministic_and_symmetric_in_length() {
    let lib = library::bundled::load(Options::default()).expect("bundled").library;
    let (a, b) = (lib.entity_by_id("liang-wenfeng").expect("liang"), lib.entity_by_id("asml").expect("asml"));
    let there = shortest_path(&lib, a, b).expect("connected");
    let again = shortest_path(&lib, a, b).expect("connected");
    assert_eq!(there, again);
    let back = shortest_path(&lib, b, a).expect("connected");
    assert_eq!(there.len(), back.len());
    assert_eq!(shortest_path(&lib, a, a).map(|p| p.len()), Some(0));
}

#[test]
fn path_reports_unknown_ids_and_no_connection() {
    let (code, _, err) = briefing(&["path", "nvidai", "amd"]);
    assert_eq!(code, 1);
    assert!(err.contains("closest: nvidia"), "{err}");
    let dir = tempfile::tempdir().expect("tempdir");
    let island = r#"{"id":"island","headline":"Two strangers","source":{"publication":"P","title":"T","date":"2025"},
      "sections":[{"paragraphs":["Ann met nobody. Bob stayed home."]}],
      "entities":[{"id":"ann","kind":"person","name":"Ann"},{"id":"bob","kind":"person","name":"Bob"}]}"#;
    fs::write(dir.path().join("island.json"), island).expect("write");
    let content = dir.path().to_str().expect("utf-8 path");
    let (code, _, err) = briefing(&["path", "--content", content, "ann", "bob"]);
    assert_eq!(code, 1);
    assert_eq!(err.trim(), "briefing: `ann` and `bob` are not connected by any chain of relations");
}

#[test]
fn json_export_round_trips_through_check() {
    let (code, json, _) = briefing(&["export", "--format", "json"]);
    assert_eq!(code, 0);
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("beijing-gambit.json"), &json).expect("write");
    let content = dir.path().to_str().expect("utf-8 path");
    let (code, out, _) = briefing(&["check", "--content", content]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("0 errors, 0 warnings"), "{out}");
    let exported: BriefingFile = serde_json::from_str(&json).expect("exported JSON parses");
    let source = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("content/beijing-gambit.json"))
        .expect("bundled source");
    let original: BriefingFile = serde_json::from_str(&source).expect("source parses");
    assert_eq!(exported, original, "export must reproduce the source briefing");
}

#[test]
fn markdown_export_links_entities_and_footnotes_figures() {
    let (code, md, _) = briefing(&["export"]);
    assert_eq!(code, 0);
    assert!(md.starts_with("# "));
    assert!(md.contains("[Jensen Huang](#jensen-huang)"));
    assert!(md.contains("$17 billion[^nvidia-china-sales]"));
    assert!(md.contains("<a id=\"nvidia\"></a>"));
    let note = md.lines().find(|l| l.starts_with("[^nvidia-china-sales]:")).expect("footnote");
    assert!(note.contains("where it sells $17 billion worth of products a year."), "{note}");
}
