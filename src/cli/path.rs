//! `briefing path FROM TO`: the shortest chain of relations between two entities, over the
//! same edges the reader's relation map draws (a figure and what it is about included).

use std::process::ExitCode;

use serde::Serialize;

use super::{Source, load};
use crate::library::graph::{Edge, shortest_path};
use crate::library::suggest::not_an_entity;
use crate::library::{EntityId, Library};

/// One step of a path in `path --json`.
#[derive(Debug, Serialize)]
pub struct StepJson<'a> {
    /// The entity the step starts from.
    pub from: &'a str,
    /// The relation's label, read in the walking direction (`figure`, `about` for a
    /// figure's edges).
    pub label: &'a str,
    /// The relation's type (`figure`, `about` for a figure's edges).
    #[serde(rename = "type")]
    pub kind: &'a str,
    /// The entity the step leads to.
    pub to: &'a str,
}

/// Prints the shortest path; exit 1 for an unknown id or when there is none.
pub fn run(source: &Source<'_>, from: &str, to: &str, json: bool) -> anyhow::Result<ExitCode> {
    let library = load(source)?;
    let (Some(a), Some(b)) = (library.entity_by_id(from), library.entity_by_id(to)) else {
        let missing = if library.entity_by_id(from).is_none() { from } else { to };
        super::eprint(&not_an_entity(library, missing));
        return Ok(ExitCode::FAILURE);
    };
    let Some(steps) = shortest_path(library, a, b) else {
        super::eprint(&format!("`{from}` and `{to}` are not connected by any chain of relations"));
        return Ok(ExitCode::FAILURE);
    };
    let text = if json {
        serde_json::to_string_pretty(&steps_json(library, a, &steps))?
    } else {
        describe(library, a, &steps)
    };
    super::print(&format!("{text}\n"))?;
    Ok(ExitCode::SUCCESS)
}

/// The path as JSON steps.
pub fn steps_json<'a>(library: &'a Library, start: EntityId, steps: &[Edge<'a>]) -> Vec<StepJson<'a>> {
    let mut at = start;
    steps
        .iter()
        .map(|step| {
            let json = StepJson {
                from: &library.entity(at).id,
                label: step.label(),
                kind: step.kind(),
                to: &library.entity(step.target()).id,
            };
            at = step.target();
            json
        })
        .collect()
}

/// "Jensen Huang → CEO of → Nvidia → maker of → H20".
pub fn describe(library: &Library, start: EntityId, steps: &[Edge<'_>]) -> String {
    let mut text = library.entity(start).name.clone();
    for step in steps {
        text.push_str(&format!(" → {} → {}", step.label(), library.entity(step.target()).name));
    }
    text
}
