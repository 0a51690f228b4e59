//! `briefing search` as a program sees it: lines, JSON and exit codes.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture or pty")]

#[path = "support/isolated.rs"]
mod isolated;

fn briefing(args: &[&str]) -> (i32, String, String) {
    let out = isolated::briefing().args(args).output().expect("run briefing");
    let text = |b: Vec<u8>| String::from_utf8(b).expect("utf-8 output");
    (out.status.code().unwrap_or(-1), text(out.stdout), text(out.stderr))
}

#[test]
fn prints_ranked_lines() {
    let (code, out, _) = briefing(&["search", "--limit", "3", "jh"]);
    assert_eq!(code, 0);
    let first = out.lines().next().unwrap_or_default();
    assert!(first.starts_with("person") && first.contains("jensen-huang") && first.contains("Jensen Huang"), "{out}");
}

#[test]
fn json_carries_kind_id_title_score_and_positions() {
    let (code, out, _) = briefing(&["search", "--json", "--kind", "chip", "h20"]);
    assert_eq!(code, 0);
    let rows: serde_json::Value = serde_json::from_str(&out).expect("JSON array");
    let first = &rows[0];
    assert_eq!(first["kind"], "chip");
    assert_eq!(first["id"], "h20");
    assert_eq!(first["title"], "H20");
    assert_eq!(first["tier"], "exact");
    assert_eq!(first["positions"], serde_json::json!([0, 1, 2]));
    assert!(rows.as_array().is_some_and(|r| r.iter().all(|row| row["kind"] == "chip")));
}

#[test]
fn nothing_found_exits_one() {
    let (code, out, _) = briefing(&["search", "qqqzzzxxx"]);
    assert_eq!(code, 1);
    assert!(out.trim().is_empty());
    let (code, _, err) = briefing(&["search", "--kind", "nonsense", "x"]);
    assert_eq!(code, 2, "clap rejects an unknown kind");
    assert!(err.contains("unknown kind `nonsense`"), "{err}");
}

#[test]
fn json_says_which_terms_matched_where() {
    let (code, out, _) = briefing(&["search", "--json", "--limit", "1", "ceo nvidia"]);
    assert_eq!(code, 0);
    let rows: serde_json::Value = serde_json::from_str(&out).expect("JSON array");
    let first = &rows[0];
    assert_eq!(first["id"], "jensen-huang");
    let relation = first["matches"]
        .as_array()
        .and_then(|m| m.iter().find(|m| m["field"] == "relation"))
        .expect("the relation CEO of Nvidia matched");
    assert_eq!(relation["text"], "CEO of Nvidia");
    let terms: Vec<(&str, serde_json::Value)> = relation["terms"]
        .as_array()
        .expect("terms")
        .iter()
        .map(|t| (t["term"].as_str().unwrap_or_default(), t["positions"].clone()))
        .collect();
    assert_eq!(
        terms,
        [("ceo", serde_json::json!([0, 1, 2])), ("nvidia", serde_json::json!([7, 8, 9, 10, 11, 12]))],
        "each term with its positions in the text"
    );
}

#[test]
fn an_unknown_kind_is_an_error_not_ignored() {
    let (code, out, err) = briefing(&["search", "@persn", "huang"]);
    assert_eq!(code, 2, "a usage error");
    assert!(out.is_empty());
    assert!(err.contains("@persn") && err.contains("person"), "{err}");
    let (code, out, err) = briefing(&["search", "@person", "@compny", "huang"]);
    assert_eq!(code, 2, "a second @kind is checked too");
    assert!(out.is_empty());
    assert!(err.contains("unknown kind `@compny`") && err.contains("company"), "{err}");
}
