//! `briefing check`: every problem of the library, one per line, and an exit code.

use std::path::Path;
use std::process::ExitCode;

use super::print;
use crate::library::load::read_dir;
use crate::library::{self, Diagnostic, Options};

/// Checks the library in `content` (or the bundled one) and prints every diagnostic.
pub fn run(content: Option<&Path>) -> anyhow::Result<ExitCode> {
    let options = Options { lint_mentions: true };
    let (inputs, mut diagnostics) = match content {
        Some(dir) => read_dir(dir),
        None => (library::bundled::inputs(), Vec::new()),
    };
    let loaded = library::load_sources(&inputs, options);
    let summary = match loaded {
        Ok(loaded) => {
            diagnostics.extend(loaded.warnings);
            let lib = loaded.library;
            format!(
                "{} briefing{}, {} entities, {} relations",
                lib.briefings.len(),
                plural(lib.briefings.len()),
                lib.entities.len(),
                lib.relations.len()
            )
        }
        Err(error) => {
            diagnostics.extend(error.diagnostics);
            format!("{} file{}", inputs.len(), plural(inputs.len()))
        }
    };
    report(&diagnostics, &summary)
}

/// Prints the diagnostics and a summary line; exit 1 when any is an error.
pub(crate) fn report(diagnostics: &[Diagnostic], summary: &str) -> anyhow::Result<ExitCode> {
    let mut out: String = diagnostics.iter().map(|d| format!("{d}\n")).collect();
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    out += &format!("checked {summary}: {errors} error{}, {warnings} warning{}\n", plural(errors), plural(warnings));
    print(&out)?;
    Ok(if errors > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
