//! `briefing path` and `briefing export`: shortest paths, and exports that round-trip.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture or pty")]

#[path = "support/isolated.rs"]
mod isolated;

use std::fs;
use std::path::Path;

use briefing::library::format::BriefingFile;
use briefing::library::graph::shortest_path;
use briefing::library::{self, Options};

fn briefing(args: &[&str]) -> (i32, String, String) {
    let out = isolated::briefing().args(args).output().expect("run briefing");
    let text = |b: Vec<u8>| String::from_utf8(b).expect("utf-8 output");
    (out.status.code().unwrap_or(-1), text(out.stdout), text(out.stderr))
}

#[test]
fn path_is_the_shortest_chain() {
    let (code, out, _) = briefing(&["path", "jensen-huang", "us-export-controls"]);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), "Jensen Huang → CEO of → Nvidia → argues against tighter → US export controls");
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
fn json_export_gives_back_each_authors_file_and_the_files_check_together() {
    let dir = tempfile::tempdir().expect("tempdir");
    let content_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    fs::copy(content_dir.join("entities.json"), dir.path().join("entities.json")).expect("copy the shared entities");
    let lib = library::bundled::load(Options::default()).expect("bundled").library;
    for b in lib.briefing_ids().map(|b| lib.briefing(b)) {
        let (code, json, err) = briefing(&["export", "--format", "json", &b.id]);
        assert_eq!(code, 0, "{err}");
        fs::write(dir.path().join(format!("{}.json", b.id)), &json).expect("write");
        let exported: BriefingFile = serde_json::from_str(&json).expect("exported JSON parses");
        let source = fs::read_to_string(content_dir.join(format!("{}.json", b.id))).expect("bundled source");
        let original: BriefingFile = serde_json::from_str(&source).expect("source parses");
        assert_eq!(exported, original, "export of `{}` must be what its author wrote", b.id);
    }
    let (code, out, _) = briefing(&["check", "--content", dir.path().to_str().expect("utf-8 path")]);
    assert_eq!(code, 0, "{out}");
    assert!(out.ends_with("0 errors, 0 warnings\n"), "{out}");
}

/// Every `](#id)` link and `[^id]` footnote reference of a Markdown export, with whether
/// the document has its anchor or footnote.
fn dangling_links(md: &str) -> Vec<String> {
    let mut missing = Vec::new();
    for (at, _) in md.match_indices("](#") {
        let id = &md[at + 3..at + 3 + md[at + 3..].find(')').expect("closed link")];
        if !md.contains(&format!("<a id=\"{id}\"></a>")) {
            missing.push(format!("#{id}"));
        }
    }
    for (at, _) in md.match_indices("[^") {
        let id = &md[at + 2..at + 2 + md[at + 2..].find(']').expect("closed footnote")];
        if !md.contains(&format!("\n[^{id}]: ")) {
            missing.push(format!("^{id}"));
        }
    }
    missing
}

#[test]
fn markdown_export_links_entities_and_footnotes_figures() {
    let (code, md, _) = briefing(&["export", "beijing-gambit"]);
    assert_eq!(code, 0);
    assert!(md.starts_with("# "));
    assert!(md.contains("[Jensen Huang](#jensen-huang)"));
    assert!(md.contains("$17 billion[^nvidia-china-sales]"));
    assert!(md.contains("<a id=\"nvidia\"></a>"));
    let note = md.lines().find(|l| l.starts_with("[^nvidia-china-sales]:")).expect("footnote");
    assert!(note.contains("where it sells $17 billion worth of products a year."), "{note}");
    assert!(md.contains("## Timeline\n"), "the briefing's own events");
}

#[test]
fn a_markdown_export_keeps_one_briefing_whole_and_every_link_inside_it() {
    let lib = library::bundled::load(Options::default()).expect("bundled").library;
    for b in lib.briefing_ids().map(|b| lib.briefing(b)) {
        let (code, md, err) = briefing(&["export", &b.id]);
        assert_eq!(code, 0, "{err}");
        assert_eq!(dangling_links(&md), Vec::<String>::new(), "links of `{}` that lead nowhere", b.id);
        if let Some(url) = &b.source.url {
            assert!(md.contains(&format!("]({url})")), "`{}` links its source address", b.id);
        }
    }
    let (_, amd, _) = briefing(&["export", "amd-export-hit"]);
    assert!(amd.contains("rival of [Nvidia](#nvidia)"), "AMD's own relations are there");
    assert!(!amd.contains("maker of [H20]"), "another briefing's relations are not");
}

#[test]
fn the_markdown_export_keeps_facts_and_relations_apart_and_reads_its_footnotes() {
    let (code, out, _) = briefing(&["export", "beijing-gambit"]);
    assert_eq!(code, 0);
    let huang = out.split("### Jensen Huang").nth(1).unwrap_or_default();
    let huang = huang.split("### ").next().unwrap_or_default();
    let facts = huang.find("Facts:\n\n- Born: 1963").expect("a facts list");
    let relations = huang.find("Relations:\n\n- CEO of [Nvidia](#nvidia)").expect("a relations list");
    assert!(facts < relations, "{huang}");
    let sales = "[^nvidia-china-sales]: $17 billion — Nvidia’s annual sales to China. Stated in §1 ¶1: “";
    assert!(out.contains(sales), "a period the measure names already is not repeated:\n{out}");
}

#[test]
fn path_walks_the_figure_edges_the_relation_map_draws() {
    let (code, out, _) = briefing(&["path", "jensen-huang", "nvidia-china-sales"]);
    assert_eq!((code, out.trim()), (0, "Jensen Huang → CEO of → Nvidia → figure → $17 billion"));
    let (code, json, _) = briefing(&["path", "--json", "nvidia-china-sales", "nvidia"]);
    assert_eq!(code, 0);
    let steps: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(steps[0]["type"], "about");
    assert_eq!(steps[0]["to"], "nvidia");
}
