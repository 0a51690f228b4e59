//! The outline of each briefing: what `briefing` prints when there is no terminal reader.

use std::path::Path;
use std::process::ExitCode;

use super::load;

/// Prints each briefing's headline, source and section headings.
pub fn run(content: Option<&Path>) -> anyhow::Result<ExitCode> {
    let library = load(content)?;
    for briefing in &library.briefings {
        println!(
            "{}\n{}\n{} · {} · {}",
            briefing.headline, briefing.dek, briefing.source.publication, briefing.source.date, briefing.source.title
        );
        for section in &briefing.sections {
            println!("  § {} ({} paragraphs)", section.heading, section.paragraphs.len());
        }
    }
    Ok(ExitCode::SUCCESS)
}
