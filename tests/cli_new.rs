//! `briefing new ID`: a skeleton that checks clean on its own and beside the bundled
//! library, holds every field the format has, and is never written over a file.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture")]

#[path = "support/isolated.rs"]
mod isolated;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

fn briefing(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = isolated::briefing().args(["--content", dir.to_str().unwrap()]).args(args).output().unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap(), text(&out.stdout), text(&out.stderr))
}

/// Every key of every object in `value`.
fn keys(value: &serde_json::Value, into: &mut BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, inner) in map {
                into.insert(key.clone());
                keys(inner, into);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| keys(v, into)),
        _ => {}
    }
}

/// Every property the published schema names.
fn schema_properties() -> BTreeSet<String> {
    let text = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/briefing.schema.json")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut names = BTreeSet::new();
    let mut objects = vec![&schema];
    objects.extend(schema["$defs"].as_object().unwrap().values());
    for object in objects {
        if let Some(properties) = object["properties"].as_object() {
            names.extend(properties.keys().cloned());
        }
    }
    names
}

#[test]
fn a_new_briefing_checks_clean_and_shows_every_field() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, _) = briefing(dir.path(), &["new", "my-story"]);
    assert_eq!(code, 0);
    let file = dir.path().join("my-story.json");
    assert_eq!(
        out,
        format!("wrote {}: edit it, and run `briefing check --content {}`\n", file.display(), dir.path().display())
    );
    let (code, out, _) = briefing(dir.path(), &["check"]);
    assert_eq!((code, out.as_str()), (0, "checked 1 briefing, 5 entities, 3 relations: 0 errors, 0 warnings\n"));

    let skeleton: serde_json::Value = serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
    let mut found = BTreeSet::new();
    keys(&skeleton, &mut found);
    assert_eq!(found, schema_properties(), "every field of the format, and nothing else");
}

#[test]
fn a_new_briefing_checks_clean_beside_others_and_is_never_written_over() {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/content")).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    assert_eq!(briefing(dir.path(), &["new", "fresh"]).0, 0);
    let (code, out, _) = briefing(dir.path(), &["check"]);
    assert_eq!(
        (code, out.lines().last().unwrap()),
        (0, "checked 9 briefings, 128 entities, 102 relations: 0 errors, 0 warnings")
    );

    fs::write(dir.path().join("fresh.json"), "mine").unwrap();
    let (code, _, err) = briefing(dir.path(), &["new", "fresh"]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        format!(
            "briefing: {} already exists: pick another id, or move it aside\n",
            dir.path().join("fresh.json").display()
        )
    );
    assert_eq!(fs::read_to_string(dir.path().join("fresh.json")).unwrap(), "mine");

    let (code, _, err) = briefing(dir.path(), &["new", "Not An Id"]);
    assert_eq!(
        (code, err.as_str()),
        (2, "briefing: `Not An Id` is not an id: use lowercase letters, digits and `-`, not at either end\n")
    );
}
