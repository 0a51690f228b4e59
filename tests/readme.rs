//! The README's key table is the default key table: it is generated from the same rows
//! that drive dispatch and the help; and its screen sample is what `briefing screen` prints.
//! When either changes, regenerate them with `UPDATE_README=1 cargo test --test readme`.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture or pty")]

use std::fs;
use std::path::Path;

#[path = "support/isolated.rs"]
mod isolated;

use briefing::reader::help::markdown;
use briefing::reader::keymap::Keymap;

const BEGIN: &str = "<!-- keys:begin";
const END: &str = "<!-- keys:end -->";

#[test]
fn the_readme_key_table_is_the_default_key_table() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = fs::read_to_string(&path).unwrap();
    let begin = readme.find(BEGIN).expect("the README marks where its key table begins");
    let body = readme[begin..].find('\n').map(|i| begin + i + 1).unwrap();
    let end = readme.find(END).expect("the README marks where its key table ends");
    let generated = format!("\n{}", markdown(&Keymap::defaults()));
    if std::env::var_os("UPDATE_README").is_some_and(|v| v == "1") {
        fs::write(&path, format!("{}{generated}{}", &readme[..body], &readme[end..])).unwrap();
        return;
    }
    assert!(
        readme[body..end] == generated,
        "README.md's key table differs from the default key table; regenerate it with\n\n    \
         UPDATE_README=1 cargo test --test readme\n\nand commit the result."
    );
}

/// The marker before the README's screen sample, naming the command that prints it.
const SCREEN: &str = "<!-- screen: briefing ";

#[test]
fn the_readme_screen_sample_is_what_briefing_screen_prints() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = fs::read_to_string(&path).unwrap();
    let marker = readme.find(SCREEN).expect("the README marks its screen sample");
    let line_end = marker + readme[marker..].find('\n').unwrap();
    let args: Vec<&str> = readme[marker + SCREEN.len()..line_end].trim_end_matches("-->").split_whitespace().collect();
    let out = isolated::briefing().args(&args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let screen = String::from_utf8(out.stdout).unwrap();
    let start = line_end + 1 + "```\n".len();
    let end = start + readme[start..].find("```\n").unwrap();
    if std::env::var_os("UPDATE_README").is_some_and(|v| v == "1") {
        fs::write(&path, format!("{}{screen}{}", &readme[..start], &readme[end..])).unwrap();
        return;
    }
    assert!(
        readme[start..end] == screen,
        "README.md's screen sample is not what `briefing {}` prints; regenerate it with\n\n    \
         UPDATE_README=1 cargo test --test readme\n\nand commit the result.",
        args.join(" ")
    );
}
