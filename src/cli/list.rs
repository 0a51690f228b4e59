//! `briefing list`: the briefings, or the entities of one kind.

use std::process::ExitCode;

use super::json::BriefingJson;
use super::{Source, load, print};
use crate::library::card::Head;
use crate::library::{EntityId, Kind, Library};

/// Lists briefings (no kind) or entities of `kind`, as text or JSON.
pub fn run(source: &Source<'_>, kind: Option<Kind>, json: bool) -> anyhow::Result<ExitCode> {
    let library = load(source)?;
    let text = match (kind, json) {
        (None, false) => briefings_text(library),
        (None, true) => {
            let newest = library.newest_first();
            serde_json::to_string_pretty(
                &newest.iter().map(|&b| BriefingJson::new(library.briefing(b))).collect::<Vec<_>>(),
            )?
        }
        (Some(kind), false) => entities_text(library, kind),
        (Some(kind), true) => {
            serde_json::to_string_pretty(&of_kind(library, kind).map(|id| Head::new(library, id)).collect::<Vec<_>>())?
        }
    };
    print(&format!("{text}\n"))?;
    Ok(ExitCode::SUCCESS)
}

fn of_kind(library: &Library, kind: Kind) -> impl Iterator<Item = EntityId> + '_ {
    library.entity_ids().filter(move |&id| library.kind_of(id) == kind)
}

/// One line per briefing, newest first: the day it reports, id, headline and source.
fn briefings_text(library: &Library) -> String {
    let width = library.briefing_ids().map(|b| library.briefing_key_of(b).len()).max().unwrap_or(0);
    library
        .newest_first()
        .into_iter()
        .map(|id| {
            let b = library.briefing(id);
            let day = b.date.as_deref().unwrap_or("undated");
            format!("{day:<10}  {:width$}  {}  ({}, {})", b.id, b.headline, b.source.publication, b.source.date)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn entities_text(library: &Library, kind: Kind) -> String {
    let ids: Vec<_> = of_kind(library, kind).collect();
    let width = ids.iter().map(|&id| library.entity(id).id.len()).max().unwrap_or(0);
    ids.iter()
        .map(|&id| {
            let e = library.entity(id);
            format!("{:width$}  {}  — {}", e.id, e.name, e.role)
        })
        .collect::<Vec<_>>()
        .join("\n")
}
