//! `briefing export`: a briefing as Markdown that reads well on its own (entity links,
//! footnoted figure sources) or as JSON that round-trips through `briefing check`.

use std::fmt::Write;
use std::path::Path;
use std::process::ExitCode;

use super::load;
use crate::library::bundled;
use crate::library::export::author_file;
use crate::library::graph::neighbours;
use crate::library::load::read_file;
use crate::library::{BriefingId, EntityId, Kind, Library};

/// Output formats of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Markdown with links and footnotes.
    Markdown,
    /// The briefing file format.
    Json,
}

/// Briefing `id`'s file as its author wrote it: from the bundled files or from disk.
fn as_written(
    library: &Library,
    id: BriefingId,
    content: Option<&Path>,
) -> anyhow::Result<crate::library::format::BriefingFile> {
    let path = &library.briefing(id).path;
    let input = match content {
        None => bundled::inputs().into_iter().find(|i| &i.path == path),
        Some(_) => Some(read_file(path.clone()).map_err(|d| anyhow::anyhow!("{d}"))?),
    };
    let input = input.ok_or_else(|| anyhow::anyhow!("the file of `{}` is gone", library.briefing(id).id))?;
    author_file(&input).map_err(|d| anyhow::anyhow!("{d}"))
}

/// Writes briefing `id` (or the only briefing) to standard output.
pub fn run(content: Option<&Path>, id: Option<&str>, format: Format) -> anyhow::Result<ExitCode> {
    let library = load(content)?;
    let briefing = match id {
        Some(id) => library.briefing_by_id(id),
        None if library.briefings.len() == 1 => library.briefing_ids().next(),
        None => {
            let ids: Vec<&str> = library.briefings.iter().map(|b| b.id.as_str()).collect();
            eprintln!("briefing: the library has {} briefings; name one: {}", ids.len(), ids.join(", "));
            return Ok(ExitCode::FAILURE);
        }
    };
    let Some(briefing) = briefing else {
        eprintln!("briefing: no briefing `{}`", id.unwrap_or_default());
        return Ok(ExitCode::FAILURE);
    };
    let text = match format {
        Format::Json => format!("{}\n", serde_json::to_string_pretty(&as_written(&library, briefing, content)?)?),
        Format::Markdown => markdown(&library, briefing),
    };
    super::print(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// The briefing as Markdown: story with linked mentions and footnoted figures, then the
/// entities with their relations, then the footnotes.
pub fn markdown(library: &Library, id: BriefingId) -> String {
    let b = library.briefing(id);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", b.headline);
    if !b.dek.is_empty() {
        let _ = writeln!(out, "*{}*\n", b.dek);
    }
    let s = &b.source;
    let _ = writeln!(out, "Source: {}, {}, “{}”\n", s.publication, s.date, s.title);
    let mentions = library.mentions(id);
    for section in &b.sections {
        if !section.heading.is_empty() {
            let _ = writeln!(out, "## {}\n", section.heading);
        }
        for p in section.paragraphs.clone() {
            let text = &b.paragraphs[p].text;
            let mut at = 0;
            for m in mentions.iter().filter(|m| m.paragraph == p) {
                out.push_str(&text[at..m.range.start]);
                out.push_str(&linked(library, m.entity, &text[m.range.clone()]));
                at = m.range.end;
            }
            out.push_str(&text[at..]);
            out.push_str("\n\n");
        }
    }
    entities(&mut out, library, id);
    footnotes(&mut out, library, id);
    out
}

/// A mention as a link to its entity's entry, or a figure with its footnote.
fn linked(library: &Library, entity: EntityId, text: &str) -> String {
    let e = library.entity(entity);
    if e.kind == Kind::Figure { format!("{text}[^{}]", e.id) } else { format!("[{text}](#{})", e.id) }
}

fn entities(out: &mut String, library: &Library, id: BriefingId) {
    let _ = writeln!(out, "## Who and what\n");
    for &e in &library.briefing(id).entities {
        let entity = library.entity(e);
        if entity.kind == Kind::Figure {
            continue;
        }
        let native = entity.native_name.as_ref().map(|n| format!(" ({n})")).unwrap_or_default();
        let _ = writeln!(out, "<a id=\"{}\"></a>\n\n### {}{native}\n", entity.id, entity.name);
        let _ = writeln!(out, "*{}* — {}\n", entity.kind.as_str(), entity.role);
        if !entity.summary.is_empty() {
            let _ = writeln!(out, "{}\n", entity.summary);
        }
        for fact in &entity.facts {
            let _ = writeln!(out, "- {}: {}", fact.label, fact.value);
        }
        for step in neighbours(library, e) {
            let other = library.entity(step.target());
            let _ = writeln!(out, "- {} [{}](#{})", step.label(), other.name, other.id);
        }
        out.push('\n');
    }
}

fn footnotes(out: &mut String, library: &Library, id: BriefingId) {
    let b = library.briefing(id);
    for &e in &b.entities {
        let entity = library.entity(e);
        let Some(f) = &entity.figure else { continue };
        let (section, paragraph) = b.place(f.paragraph);
        let range = b.find_in(f.paragraph, &entity.name).unwrap_or(0..0);
        let period = f.period.as_ref().map(|p| format!(", {p}")).unwrap_or_default();
        let _ = writeln!(
            out,
            "[^{}]: {} — {}{period}. Stated in section {}, paragraph {}: “{}”",
            entity.id,
            entity.name,
            f.measures,
            section + 1,
            paragraph + 1,
            b.sentence(f.paragraph, range)
        );
    }
}
