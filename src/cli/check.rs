//! `briefing check`: every problem of the library, one per line, and an exit code.

use std::path::Path;
use std::process::ExitCode;

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
            format!("{} files", inputs.len())
        }
    };
    Ok(report(&diagnostics, &summary))
}

/// Prints the diagnostics and a summary line; exit 1 when any is an error.
fn report(diagnostics: &[Diagnostic], summary: &str) -> ExitCode {
    for d in diagnostics {
        println!("{d}");
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    println!("checked {summary}: {errors} error{}, {warnings} warning{}", plural(errors), plural(warnings));
    if errors > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
