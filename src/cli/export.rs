//! `briefing export`: a briefing as Markdown that reads well on its own (entity links,
//! footnoted figure sources) or as JSON that round-trips through `briefing check`.

use std::fmt::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{Source, load};
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
pub fn run(source: &Source<'_>, id: Option<&str>, format: Format) -> anyhow::Result<ExitCode> {
    let library = load(source)?;
    let briefing = match id {
        Some(id) => library.briefing_by_id(id),
        None if library.briefing_count() == 1 => library.briefing_ids().next(),
        None => {
            let ids: Vec<&str> = library.briefing_ids().map(|b| library.briefing_key_of(b)).collect();
            super::eprint(&format!("the library has {} briefings; name one: {}", ids.len(), ids.join(", ")));
            return Ok(ExitCode::FAILURE);
        }
    };
    let Some(briefing) = briefing else {
        super::eprint(&format!("no briefing `{}`", id.unwrap_or_default()));
        return Ok(ExitCode::FAILURE);
    };
    let text = match format {
        Format::Json => {
            format!("{}\n", serde_json::to_string_pretty(&as_written(library, briefing, source.content)?)?)
        }
        Format::Markdown => markdown(library, briefing),
    };
    super::print(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// The briefing as Markdown that stands on its own: the story with linked mentions and
/// footnoted figures, its source with its address, the entities it names with the
/// relations this briefing states, its timeline, then the footnotes. Every link points
/// inside the document: an entry for each entity named, a footnote for each figure.
pub fn markdown(library: &Library, id: BriefingId) -> String {
    let b = library.briefing(id);
    let named = Named::of(library, id);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", b.headline);
    if !b.dek.is_empty() {
        let _ = writeln!(out, "*{}*\n", b.dek);
    }
    let s = &b.source;
    let title = match &s.url {
        Some(url) => format!("[“{}”]({url})", s.title),
        None => format!("“{}”", s.title),
    };
    let _ = writeln!(out, "Source: {}, {}, {title}\n", s.publication, s.date);
    story(&mut out, library, id, &named);
    entities(&mut out, library, id, &named);
    timeline(&mut out, library, id, &named);
    footnotes(&mut out, library, id, &named);
    out
}

/// What a briefing's export has an entry for: every entity it declares, refers to or
/// mentions, and every figure it states or mentions.
struct Named {
    entities: Vec<EntityId>,
    figures: Vec<EntityId>,
}

impl Named {
    fn of(library: &Library, id: BriefingId) -> Self {
        let mut all: Vec<EntityId> = library.briefing(id).entities.clone();
        for m in library.mentions(id) {
            if !all.contains(&m.entity) {
                all.push(m.entity);
            }
        }
        let (figures, entities) = all.into_iter().partition(|&e| library.entity(e).kind == Kind::Figure);
        Named { entities, figures }
    }

    /// `name` linked to its entry or footnote, or plain where the export has neither.
    fn link(&self, library: &Library, e: EntityId, text: &str) -> String {
        let entity = library.entity(e);
        if self.figures.contains(&e) {
            format!("{text}[^{}]", entity.id)
        } else if self.entities.contains(&e) {
            format!("[{text}](#{})", entity.id)
        } else {
            text.to_string()
        }
    }
}

fn story(out: &mut String, library: &Library, id: BriefingId, named: &Named) {
    let b = library.briefing(id);
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
                out.push_str(&named.link(library, m.entity, &text[m.range.clone()]));
                at = m.range.end;
            }
            out.push_str(&text[at..]);
            out.push_str("\n\n");
        }
    }
}

fn entities(out: &mut String, library: &Library, id: BriefingId, named: &Named) {
    let _ = writeln!(out, "## Who and what\n");
    for &e in &named.entities {
        let entity = library.entity(e);
        let native = entity.native_name.as_ref().map(|n| format!(" ({n})")).unwrap_or_default();
        let _ = writeln!(out, "<a id=\"{}\"></a>\n\n### {}{native}\n", entity.id, entity.name);
        let role = if entity.role.is_empty() { String::new() } else { format!(" — {}", entity.role) };
        let _ = writeln!(out, "*{}*{role}\n", entity.kind.as_str());
        if !entity.summary.is_empty() {
            let _ = writeln!(out, "{}\n", entity.summary);
        }
        if !entity.facts.is_empty() {
            let _ = writeln!(out, "Facts:\n");
            for fact in &entity.facts {
                let _ = writeln!(out, "- {}: {}", fact.label, fact.value);
            }
            out.push('\n');
        }
        let stated: Vec<_> = neighbours(library, e).into_iter().filter(|s| s.relation.stated_by(id)).collect();
        if !stated.is_empty() {
            let _ = writeln!(out, "Relations:\n");
            for step in stated {
                let other = library.entity(step.target());
                let _ = writeln!(out, "- {} {}", step.label(), named.link(library, step.target(), &other.name));
            }
            out.push('\n');
        }
    }
}

fn timeline(out: &mut String, library: &Library, id: BriefingId, named: &Named) {
    let events = &library.briefing(id).events;
    if events.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Timeline\n");
    for line in crate::library::card::timeline(library, events.iter().map(|e| (id, e))) {
        let who: Vec<String> = line.entities.iter().map(|&e| named.link(library, e, &library.entity(e).name)).collect();
        let who = if who.is_empty() { String::new() } else { format!(" ({})", who.join(", ")) };
        let _ = writeln!(out, "- **{}** {}{who}", line.date_label(), line.text);
    }
    out.push('\n');
}

fn footnotes(out: &mut String, library: &Library, id: BriefingId, named: &Named) {
    for &e in &named.figures {
        let entity = library.entity(e);
        let Some(f) = &entity.figure else { continue };
        let b = library.briefing(f.briefing);
        let (section, paragraph) = b.place(f.paragraph);
        let range = b.find_in(f.paragraph, &entity.name).unwrap_or(0..0);
        let period = crate::library::cite::period_note(&f.measures, f.period.as_deref());
        let elsewhere = if f.briefing == id { String::new() } else { format!(" in “{}”", b.headline) };
        let _ = writeln!(
            out,
            "[^{}]: {} — {}{period}. Stated{elsewhere} in {}: “{}”",
            entity.id,
            entity.name,
            f.measures,
            crate::library::card::place_label(section, paragraph),
            b.sentence(f.paragraph, range)
        );
    }
}
