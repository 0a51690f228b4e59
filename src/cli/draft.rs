//! `briefing draft ARTICLE --id ID`: a first draft of a briefing from a plain-text article,
//! printed as JSON, with what the author must look at on standard error.

use std::path::Path;
use std::process::ExitCode;

use super::{eprint, print};
use crate::library::draft::draft;
use crate::library::input::read_limited;
use crate::library::validate::is_valid_id;

/// Prints the draft of `article` as briefing `id`.
pub fn run(article: &Path, id: &str) -> anyhow::Result<ExitCode> {
    if !is_valid_id(id) {
        eprint(&format!("`{id}` is not an id: use lowercase letters, digits and `-`, not at either end"));
        return Ok(ExitCode::from(2));
    }
    let bytes = match read_limited(article) {
        Ok(bytes) => bytes,
        Err(problem) => {
            eprint(&format!("{}: {problem}", article.display()));
            return Ok(ExitCode::FAILURE);
        }
    };
    let Ok(text) = String::from_utf8(bytes) else {
        eprint(&format!("{}: not UTF-8 text", article.display()));
        return Ok(ExitCode::FAILURE);
    };
    let draft = draft(&text, id);
    print(&(serde_json::to_string_pretty(&draft.briefing)? + "\n"))?;
    for note in &draft.notes {
        eprint(&format!("draft: {note}"));
    }
    Ok(ExitCode::SUCCESS)
}
