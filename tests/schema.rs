//! The published JSON Schema and the format types agree, and the valid fixtures (the docs
//! example among them) are briefing files.
//!
//! `docs/briefing.schema.json` is generated from `briefing::library::format`, and
//! `docs/config.schema.json` from the key table and the colour roles; when they change,
//! regenerate both with `UPDATE_SCHEMA=1 cargo test --test schema`.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture or pty")]

use std::fs;
use std::path::{Path, PathBuf};

use briefing::library::format::{BriefingFile, json_schema};

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Compares a committed schema with the generated one, or with `UPDATE_SCHEMA=1` writes it.
fn committed_is_generated(file: &str, generated: &str, from: &str) {
    let path = repo(file);
    if std::env::var_os("UPDATE_SCHEMA").is_some_and(|v| v == "1") {
        fs::write(&path, generated).expect("write the schema");
        return;
    }
    let committed = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is out of date with {from}; regenerate it with\n\n    \
         UPDATE_SCHEMA=1 cargo test --test schema\n\nand commit the result.",
        path.display()
    );
}

#[test]
fn the_committed_schema_is_the_generated_one() {
    committed_is_generated("docs/briefing.schema.json", &json_schema(), "src/library/format.rs");
}

#[test]
fn the_committed_config_schema_is_the_generated_one() {
    let generated = briefing::reader::config::json_schema();
    committed_is_generated("docs/config.schema.json", &generated, "the key table and src/config/theme.rs");
}

/// Every `*.json` file of the libraries under `tests/fixtures/valid/`.
fn valid_fixtures() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for library in fs::read_dir(repo("tests/fixtures/valid")).expect("valid fixtures") {
        let library = library.expect("readable entry").path();
        for file in fs::read_dir(&library).expect("a library directory") {
            let file = file.expect("readable entry").path();
            if file.extension().is_some_and(|x| x == "json") {
                files.push(file);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_valid_fixture_parses_as_a_briefing_file() {
    let files = valid_fixtures();
    assert!(files.len() >= 2, "{files:?}");
    for file in files {
        let text = fs::read_to_string(&file).expect("readable fixture");
        if let Err(e) = serde_json::from_str::<BriefingFile>(&text) {
            panic!("{}: {e}", file.display());
        }
    }
}

/// The JSON block under "A complete example" in `docs/content-format.md`.
fn docs_example() -> String {
    let doc = fs::read_to_string(repo("docs/content-format.md")).expect("the format guide");
    let section = doc.split("## A complete example").nth(1).expect("the guide has a complete example");
    let block = section.split("```json\n").nth(1).expect("the example is a json block");
    block.split("```").next().unwrap_or_default().to_string()
}

#[test]
fn the_docs_example_is_the_valid_fixture() {
    let example: serde_json::Value = serde_json::from_str(&docs_example()).expect("the docs example is JSON");
    let text = fs::read_to_string(repo("tests/fixtures/valid/two-briefings/kestrel-fab.json")).expect("fixture");
    let fixture: serde_json::Value = serde_json::from_str(&text).expect("the fixture is JSON");
    assert_eq!(example, fixture, "docs/content-format.md's example and the fixture kestrel-fab.json differ");
}
