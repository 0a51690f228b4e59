//! The README's key table is the default key table: it is generated from the same rows
//! that drive dispatch and the help. When the defaults change, regenerate it with
//! `UPDATE_README=1 cargo test --test readme`.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture or pty")]

use std::fs;
use std::path::Path;

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
