//! `briefing check`: every problem of the library, one per line, and an exit code.

use std::path::Path;
use std::process::ExitCode;
use std::sync::mpsc;

use super::{eprint, print};
use crate::library::load::{ReadApart, load_dir_apart};
use crate::library::{self, Diagnostic, Options};
use crate::watch::Watch;

/// Checks the library in `content` (or the bundled one) and prints every diagnostic.
pub fn run(content: Option<&Path>) -> anyhow::Result<ExitCode> {
    let (out, errors) = check(content);
    print(&out)?;
    Ok(if errors { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// `check --watch`: checks `dir`, then again after every change to its files, printing a
/// fresh report each time, until interrupted. Ends with an error only if `dir` cannot
/// be watched at all.
pub fn watch(dir: &Path) -> anyhow::Result<ExitCode> {
    let (changes, changed) = mpsc::channel();
    let watch = Watch::start(dir, changes)?;
    let how = watch.polling().map_or_else(String::new, |why| {
        format!(" by polling every {} ms ({why})", crate::watch::POLL_EVERY.as_millis())
    });
    eprint(&format!("watching {} for changes{how}; Ctrl-C stops", dir.display()));
    print(&check(Some(dir)).0)?;
    while changed.recv().is_ok() {
        while changed.try_recv().is_ok() {}
        print(&format!("\n── {} changed: checked again ──\n{}", dir.display(), check(Some(dir)).0))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The report on the library in `content` (or the bundled one), and whether it has errors.
fn check(content: Option<&Path>) -> (String, bool) {
    let options = Options { lint_mentions: true };
    // A directory is read file by file, each file's bytes dropped once it is parsed, as
    // any load does: holding them all through the checks was a third of the peak.
    let ReadApart { unreadable: mut diagnostics, read, loaded } = match content {
        Some(dir) => load_dir_apart(dir, options),
        None => {
            let inputs = library::bundled::inputs();
            ReadApart { unreadable: Vec::new(), read: inputs.len(), loaded: library::load_sources(&inputs, options) }
        }
    };
    let summary = match loaded {
        Ok(loaded) => {
            diagnostics.extend(loaded.warnings);
            let lib = super::keep(loaded.library);
            format!(
                "{} briefing{}, {} entities, {} relations",
                lib.briefing_count(),
                plural(lib.briefing_count()),
                lib.entity_count(),
                lib.relation_count()
            )
        }
        Err(error) => {
            diagnostics.extend(error.diagnostics);
            format!("{read} file{}", plural(read))
        }
    };
    report_text(&diagnostics, &summary)
}

/// Prints the diagnostics and a summary line; exit 1 when any is an error.
pub(crate) fn report(diagnostics: &[Diagnostic], summary: &str) -> anyhow::Result<ExitCode> {
    let (out, errors) = report_text(diagnostics, summary);
    print(&out)?;
    Ok(if errors { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// The diagnostics and a summary line, and whether any is an error.
fn report_text(diagnostics: &[Diagnostic], summary: &str) -> (String, bool) {
    let mut out: String = diagnostics.iter().map(|d| format!("{d}\n")).collect();
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    out += &format!("checked {summary}: {errors} error{}, {warnings} warning{}\n", plural(errors), plural(warnings));
    (out, errors > 0)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
