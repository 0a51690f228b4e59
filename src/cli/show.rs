//! `briefing show ID`: an entity's card, as text or JSON.

use std::process::ExitCode;

use super::{Source, load, print};
use crate::library::card::Card;
use crate::library::card_text::card_text;
use crate::library::suggest::not_an_entity;

/// Prints the card of entity `id`; an unknown id names the closest ones and exits 1.
pub fn run(source: &Source<'_>, id: &str, json: bool) -> anyhow::Result<ExitCode> {
    let library = load(source)?;
    let Some(entity) = library.entity_by_id(id) else {
        super::eprint(&not_an_entity(library, id));
        return Ok(ExitCode::FAILURE);
    };
    let card = Card::new(library, entity);
    if json {
        print(&format!("{}\n", serde_json::to_string_pretty(&card)?))?;
    } else {
        print(&card_text(&card))?;
    }
    Ok(ExitCode::SUCCESS)
}
