//! `briefing draft` on the source articles of the bundled library (copied into
//! `tests/fixtures/articles/`): each draft checks with no errors, states every amount of
//! money and every percentage of the article as a figure, and says what needs an author.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture")]

#[path = "support/isolated.rs"]
mod isolated;

use std::fs;
use std::path::{Path, PathBuf};

fn articles() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let mut files: Vec<PathBuf> = fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files
}

/// The numbers the article writes after a currency sign or before a percent sign or word,
/// found by a scan of its own (not the drafting code's): `$1.5`, `7`, `3.94` (euros).
fn money_and_percentages(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let number_at = |i: usize| -> String {
        chars[i..].iter().take_while(|c| c.is_ascii_digit() || **c == ',' || **c == '.').collect::<String>()
    };
    for i in 0..chars.len() {
        let starts = chars[i].is_ascii_digit() && (i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '.'));
        if !starts {
            continue;
        }
        let number = number_at(i).trim_end_matches(['.', ',']).to_string();
        let after: String = chars[i + number.chars().count()..].iter().take(18).collect();
        let money = i > 0 && matches!(chars[i - 1], '$' | '€' | '£');
        let percent = after.starts_with('%') || after.starts_with(" percent") || after.starts_with(" per cent");
        let euros = after.split_whitespace().take(2).any(|w| w.starts_with("euros"));
        if money || percent || euros {
            found.push(number);
        }
    }
    found
}

#[test]
fn each_article_drafts_to_a_briefing_that_checks_and_lists_its_figures() {
    let articles = articles();
    assert_eq!(articles.len(), 8);
    for article in articles {
        let name = article.file_stem().unwrap().to_str().unwrap();
        let out = isolated::briefing().args(["draft", article.to_str().unwrap(), "--id", name]).output().unwrap();
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let notes = String::from_utf8_lossy(&out.stderr);
        assert!(notes.contains("draft: the story is the article's own text: rewrite every paragraph"), "{notes}");
        assert!(notes.contains("figures: write what each measures"), "{notes}");

        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(format!("{name}.json")), &out.stdout).unwrap();
        let check = isolated::briefing()
            .args(["--no-cache", "--content", dir.path().to_str().unwrap(), "check"])
            .output()
            .unwrap();
        let report = String::from_utf8_lossy(&check.stdout);
        assert!(check.status.success() && report.contains(": 0 errors,"), "{name}:\n{report}");

        let draft: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let displays: Vec<&str> =
            draft["figures"].as_array().unwrap().iter().map(|f| f["display"].as_str().unwrap()).collect();
        let text = fs::read_to_string(&article).unwrap();
        // The story's lines: not the header, nor the headline repeated (a figure is stated
        // in a paragraph, and the headline is none).
        let title = text.lines().find_map(|l| l.strip_prefix("Title: ")).unwrap_or_default().trim();
        let body: String = text
            .split("\n\n")
            .skip_while(|block| block.starts_with("Title: "))
            .flat_map(str::lines)
            .filter(|line| line.trim() != title)
            .collect::<Vec<_>>()
            .join("\n");
        for number in money_and_percentages(&body) {
            assert!(displays.iter().any(|d| d.contains(&number)), "{name}: `{number}` is in no figure: {displays:?}");
        }
        for figure in draft["figures"].as_array().unwrap() {
            for key in ["value", "unit", "scale", "qualifier", "stated_in"] {
                assert!(!figure[key].is_null(), "{name}: {figure} has no {key}");
            }
        }
    }
}

#[test]
fn a_headline_header_and_a_date_become_the_source() {
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles/amd-export-hit.txt");
    let out = isolated::briefing().args(["draft", article.to_str().unwrap(), "--id", "amd-draft"]).output().unwrap();
    let draft: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(draft["headline"], "US trade ban slaps $1.5bn hole in AMD’s results");
    assert_eq!(draft["date"], "2025-05-07");
    assert_eq!(draft["source"]["publication"], "Fudzilla");
    assert_eq!(draft["figures"][0]["display"], "$1.5 billion");
    assert_eq!(draft["figures"][0]["value"], 1.5);
    assert_eq!(draft["figures"][0]["scale"], "billion");
    assert_eq!(draft["figures"][0]["unit"], "USD");
    let names: Vec<&str> = draft["entities"].as_array().unwrap().iter().map(|e| e["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"AMD") && names.contains(&"Lisa Su") && names.contains(&"Nvidia"), "{names:?}");
}

#[test]
fn a_bad_id_is_a_usage_error() {
    let out = isolated::briefing().args(["draft", "nowhere.txt", "--id", "Bad Id"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
