//! The outline of each briefing: what `briefing` prints when there is no terminal reader.

use std::fmt::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{load, print};

/// Prints each briefing's headline, source and section headings.
pub fn run(content: Option<&Path>) -> anyhow::Result<ExitCode> {
    let library = load(content)?;
    let mut out = String::new();
    for briefing in &library.briefings {
        let source = &briefing.source;
        let _ = writeln!(
            out,
            "{}\n{}\n{} · {} · {}",
            briefing.headline, briefing.dek, source.publication, source.date, source.title
        );
        for section in &briefing.sections {
            let _ = writeln!(out, "  § {} ({} paragraphs)", section.heading, section.paragraphs.len());
        }
    }
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}
