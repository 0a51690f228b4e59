//! The published schema and `briefing check` agree: a JSON Schema validator (boon) passes
//! every briefing file of the bundled library and of the valid, warning, CJK and search
//! fixtures, as `check` does; of the invalid fixtures, it refuses exactly those whose
//! mistake a schema can state, and each one it passes is listed with the reason a schema
//! cannot see the mistake (it needs the story, another file or the whole library).
//! Shared entities files (`entities.json`) have a shape of their own and are not briefing
//! files; they are left out.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture")]

use std::fs;
use std::path::{Path, PathBuf};

use boon::{Compiler, SchemaIndex, Schemas};

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn schema() -> (Schemas, SchemaIndex) {
    let text = fs::read_to_string(repo("docs/briefing.schema.json")).unwrap();
    let mut compiler = Compiler::new();
    compiler.add_resource("file:///briefing.schema.json", serde_json::from_str(&text).unwrap()).unwrap();
    let mut schemas = Schemas::new();
    let index = compiler.compile("file:///briefing.schema.json", &mut schemas).unwrap();
    (schemas, index)
}

/// The briefing files of a library directory, shared entities files left out.
fn briefing_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.ends_with(".json") && !name.starts_with('.') && !name.ends_with("entities.json")
        })
        .collect();
    files.sort();
    files
}

/// Whether the schema passes `file`; a file that is not JSON at all is refused.
fn passes(schemas: &Schemas, index: SchemaIndex, file: &Path) -> bool {
    let Ok(text) = fs::read_to_string(file) else { return false };
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text.trim_start_matches('\u{feff}')) else {
        return false;
    };
    schemas.validate(&value, index).is_ok()
}

fn libraries(under: &str) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> =
        fs::read_dir(repo(under)).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect();
    dirs.sort();
    dirs
}

#[test]
fn every_file_check_accepts_the_schema_accepts() {
    let (schemas, index) = schema();
    let mut dirs = vec![repo("content")];
    for under in ["tests/fixtures/valid", "tests/fixtures/warnings"] {
        dirs.extend(libraries(under));
    }
    dirs.push(repo("tests/fixtures/cjk"));
    dirs.push(repo("tests/fixtures/search"));
    let mut checked = 0;
    for dir in dirs {
        for file in briefing_files(&dir) {
            assert!(passes(&schemas, index, &file), "the schema refuses {}, which check accepts", file.display());
            checked += 1;
        }
    }
    assert!(checked > 10, "{checked}");
}

/// The invalid cases whose mistake the schema passes, with why it cannot see it.
const BEYOND_A_SCHEMA: &[(&str, &str)] = &[
    ("bad-date", "an impossible day (2031-02-30) matches the date pattern"),
    ("bad-pin-markup", "pin markup inside a paragraph"),
    ("bidirectional-override", "a control character inside a text"),
    ("conflicting-kind", "two files disagree"),
    ("control-character", "a control character inside a text"),
    ("control-character-in-paragraph", "a control character inside a text"),
    ("dangling-about", "an id that no file declares"),
    ("dangling-pin", "an id that no file declares"),
    ("dangling-relation", "an id that no file declares"),
    ("duplicate-about", "an id listed twice (uniqueItems would refuse reordered lists too)"),
    ("duplicate-briefing-id", "two files use one id"),
    ("duplicate-event-entity", "an id listed twice"),
    ("duplicate-fact", "two entries of one entity repeat a fact"),
    ("duplicate-figure-id", "two figures use one id"),
    ("duplicate-id", "two entries use one id"),
    ("duplicate-key", "a repeated key: the JSON parser keeps one"),
    ("errors-and-warnings", "an id that no file declares"),
    ("figure-display-absent", "the story does not state the display text"),
    ("figure-display-ambiguous", "where the display text appears in the story"),
    ("figure-kind-entity", "a figure declared among entities, found across the library"),
    ("figure-shorthand-disagrees", "what the display text says against the fields"),
    ("figure-stated-in-out-of-range", "a paragraph the story does not have"),
    ("figure-value-mismatch", "what the display text says against the fields"),
    ("figure-wrong-scale", "what the display text says against the fields"),
    ("name-conflict", "two files disagree"),
    ("nested-pin", "pin markup inside a paragraph"),
    ("pin-in-heading", "pin markup inside a text"),
    ("pin-outside-paragraph", "pin markup inside a text"),
    ("punctuation-name", "a name with no letter or digit"),
    ("referred-only", "an id referred to but declared nowhere"),
    ("revises-not-figure", "what the id names"),
    ("summary-conflict", "two files disagree"),
    ("unclosed-pin", "pin markup inside a paragraph"),
    ("unit-disagrees-with-display", "what the display text says against the unit"),
];

#[test]
fn of_the_files_check_refuses_the_schema_refuses_what_a_schema_can_state() {
    let (schemas, index) = schema();
    let mut passed = Vec::new();
    for dir in libraries("tests/fixtures/invalid") {
        let files = briefing_files(&dir);
        if files.is_empty() || files.iter().all(|f| passes(&schemas, index, f)) {
            passed.push(dir.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    let expected: Vec<&str> = BEYOND_A_SCHEMA.iter().map(|(case, _)| *case).collect();
    assert_eq!(passed, expected, "cases the schema passes though check refuses them");
}
