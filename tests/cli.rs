//! The non-interactive commands on the bundled library, run as a user runs them: `list`,
//! `show` and `check`, as text and as JSON, and the JSON examples of `docs/cli-json.md`.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture or pty")]

#[path = "support/isolated.rs"]
mod isolated;

use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::Stdio;

use serde_json::Value;

/// What one run of `briefing` did.
#[derive(Debug)]
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn briefing(args: &[&str]) -> Run {
    let output = isolated::briefing().args(args).output().expect("the briefing binary runs");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Runs a command that must succeed and print JSON, and parses it.
fn json(args: &[&str]) -> Value {
    let run = briefing(args);
    assert_eq!(run.code, Some(0), "{run:?}");
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{args:?} printed invalid JSON ({e}): {run:?}"))
}

#[test]
fn list_prints_the_archive_newest_first() {
    let run = briefing(&["list"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let days: Vec<&str> = run.stdout.lines().map(|l| &l[..10]).collect();
    assert_eq!(days.len(), 8, "{run:?}");
    assert!(days.windows(2).all(|w| w[0] >= w[1]), "newest first: {days:?}");
    let beijing = run.stdout.lines().find(|l| l.contains("beijing-gambit")).expect("the Beijing briefing");
    assert!(beijing.starts_with("2025-04-17  beijing-gambit "), "{beijing}");
    assert!(
        beijing.contains("Huang Flies to Beijing to Rescue Nvidia’s China Business  (In Focus Magazine, March 2025)")
    );
}

#[test]
fn list_json_describes_each_briefing() {
    let list = json(&["list", "--json"]);
    let newest = &list[0];
    assert_eq!((newest["id"].as_str(), newest["day"].as_str()), (Some("huawei-ascend-roadmap"), Some("2025-09-18")));
    let beijing = list.as_array().and_then(|l| l.iter().find(|b| b["id"] == "beijing-gambit")).expect("beijing");
    assert_eq!(beijing["publication"], "In Focus Magazine");
    assert_eq!((beijing["date"].as_str(), beijing["day"].as_str()), (Some("March 2025"), Some("2025-04-17")));
    assert!(beijing["paragraphs"].as_u64().is_some_and(|n| n > 0), "{beijing}");
}

/// (id, value, unit, scale, sign, qualifier) of a figure in `list --kind figure --json`.
type FigureRow = (String, f64, String, String, String, String);

fn figure_row(entity: &Value) -> FigureRow {
    let figure = &entity["figure"];
    let text = |key: &str| figure[key].as_str().unwrap_or_default().to_string();
    let id = entity["id"].as_str().unwrap_or_default().to_string();
    (id, figure["value"].as_f64().unwrap_or(f64::NAN), text("unit"), text("scale"), text("sign"), text("qualifier"))
}

#[test]
fn list_figures_json_has_the_beijing_figures_and_their_values() {
    let figures = json(&["list", "--kind", "figure", "--json"]);
    let beijing = |f: &&Value| f["figure"]["briefing"] == "beijing-gambit";
    let rows: Vec<FigureRow> = figures.as_array().expect("an array").iter().filter(beijing).map(figure_row).collect();
    let want = [
        ("nvidia-china-sales", 17.0, "USD", "billion", "positive", "exact"),
        ("nvidia-h20-charge", 5.5, "USD", "billion", "negative", "exact"),
        ("nvidia-stock-fall", 7.0, "percent", "one", "negative", "exact"),
        ("amd-mi308-charge", 800.0, "USD", "million", "negative", "exact"),
        ("us-china-tariff-rate", 145.0, "percent", "one", "positive", "exact"),
        ("big-tech-ytd-loss", 20.0, "percent", "one", "negative", "about"),
        ("tesla-ytd-fall", 40.0, "percent", "one", "negative", "over"),
    ];
    let want: Vec<FigureRow> = want
        .iter()
        .map(|&(id, value, unit, scale, sign, qualifier)| {
            (id.into(), value, unit.into(), scale.into(), sign.into(), qualifier.into())
        })
        .collect();
    assert_eq!(rows, want);
    let charge = figures.as_array().and_then(|all| all.iter().find(|f| f["id"] == "nvidia-h20-charge"));
    assert_eq!(charge.map(|f| f["figure"]["signed_value"].clone()), Some(Value::from(-5.5e9)));
}

#[test]
fn show_prints_a_card_with_relations() {
    let run = briefing(&["show", "jensen-huang"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.starts_with("person · Jensen Huang (黄仁勋)\n"), "{run:?}");
    assert!(run.stdout.contains("CEO of → Nvidia"), "{run:?}");
}

#[test]
fn show_json_gives_the_whole_card() {
    let card = json(&["show", "--json", "nvidia"]);
    assert_eq!(card["id"], "nvidia");
    assert_eq!(card["kind"], "company");
    let briefings = card["briefings"].as_array().expect("briefings");
    assert_eq!(briefings.len(), 8, "Nvidia is in every briefing of the archive: {briefings:?}");
    let relations = card["relations"].as_array().expect("relations");
    assert!(
        relations.iter().any(|r| r["direction"] == "in" && r["label"] == "led by" && r["id"] == "jensen-huang"),
        "{relations:?}"
    );
    let figures = card["figures"].as_array().expect("figures");
    assert!(figures.iter().any(|f| f["id"] == "nvidia-h20-charge" && f["date"] == "2025-04-17"), "{figures:?}");
    let recorded = figures.iter().find(|f| f["id"] == "nvidia-q1-h20-charge").expect("the recorded charge");
    assert_eq!(
        (recorded["display"].as_str(), recorded["revises"].as_str()),
        (Some("$4.5 billion"), Some("nvidia-h20-expected-charge"))
    );
    let mentions = card["mentions"].as_array().expect("mentions");
    assert!(mentions.iter().all(|m| m["briefing"].is_string() && m["text"].is_string()), "{mentions:?}");
    let in_beijing = mentions.iter().filter(|m| m["briefing"] == "beijing-gambit").count();
    assert!(in_beijing > 0 && in_beijing < mentions.len(), "mentions from several briefings");
}

#[test]
fn show_with_an_unknown_id_names_the_closest_and_exits_1() {
    let run = briefing(&["show", "nvidai"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr, "briefing: no entity or briefing `nvidai`; closest: nvidia\n");
}

#[test]
fn show_with_a_briefing_id_says_it_is_one_instead_of_suggesting_it() {
    let run = briefing(&["show", "beijing-gambit"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(run.stderr, "briefing: `beijing-gambit` is a briefing, not an entity\n");
}

#[test]
fn check_passes_on_the_bundled_library() {
    let run = briefing(&["check"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.ends_with(": 0 errors, 0 warnings\n"), "{run:?}");
    assert!(run.stdout.starts_with("checked 8 briefings, "), "{run:?}");
}

#[test]
fn a_reader_that_stops_early_does_not_make_it_panic() {
    let mut child = isolated::briefing()
        .args(["show", "--json", "nvidia"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the briefing binary runs");
    drop(child.stdout.take());
    let mut stderr = String::new();
    child.stderr.take().expect("stderr").read_to_string(&mut stderr).expect("read stderr");
    let status = child.wait().expect("it exits");
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert_eq!(stderr, "");
}

/// The JSON blocks of `docs/cli-json.md`, in order.
fn doc_examples() -> Vec<Value> {
    let doc = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/cli-json.md")).expect("the doc");
    doc.split("```json\n")
        .skip(1)
        .map(|block| serde_json::from_str(block.split("```").next().unwrap_or_default()).expect("a JSON example"))
        .collect()
}

/// Whether `example` is `real` abridged: objects have the same keys, array elements of the
/// example all occur in the real array in the same order, other values are equal.
fn abridges(example: &Value, real: &Value) -> bool {
    match (example, real) {
        (Value::Object(e), Value::Object(r)) => {
            e.len() == r.len() && e.iter().all(|(k, v)| r.get(k).is_some_and(|rv| abridges(v, rv)))
        }
        (Value::Array(e), Value::Array(r)) => {
            let mut rest = r.iter();
            e.iter().all(|item| rest.any(|candidate| abridges(item, candidate)))
        }
        _ => example == real,
    }
}

#[test]
fn the_json_examples_in_the_docs_are_real_output() {
    let examples = doc_examples();
    assert_eq!(examples.len(), 6, "list, list --kind figure, show, search, path and bookmarks examples");
    assert!(abridges(&examples[0], &json(&["list", "--json"])), "list --json example");
    assert!(abridges(&examples[1], &json(&["list", "--kind", "figure", "--json"])), "list --kind figure example");
    assert!(abridges(&examples[2], &json(&["show", "--json", "jensen-huang"])), "show --json example");
    assert_eq!(examples[3], json(&["search", "--json", "--limit", "1", "vice premier"]), "search --json example");
    assert_eq!(examples[4], json(&["path", "--json", "jensen-huang", "h20"]), "path --json example");
    let state = state_with(&examples[5]);
    let dir = state.path().to_str().expect("a UTF-8 path");
    assert_eq!(examples[5], json(&["--state", dir, "bookmarks", "--json"]), "bookmarks --json example");
}

/// A state directory holding the bookmarks of `example`.
fn state_with(example: &Value) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a state directory");
    let bookmarks: Vec<briefing::state::Bookmark> = serde_json::from_value(example.clone()).expect("bookmarks");
    let store = briefing::state::Store::open(Some(dir.path()));
    store.change(|s, _| {
        for b in bookmarks {
            s.bookmarks.insert(&b.target.key(), b);
        }
    });
    store.flush();
    dir
}
