//! The briefing's events in order, each with its date (or its place in the order where
//! the source gives none) and links to the entities it involves.

use crate::library::{BriefingId, EntityId, Event, Library};
use crate::reader::doc::{Doc, DocBuilder, Tone, width};

/// Lays out the events of `briefing` (or, without one, those of `entity`) at `width`.
pub fn timeline_doc(library: &Library, briefing: Option<BriefingId>, entity: Option<EntityId>, width: usize) -> Doc {
    let events: Vec<&Event> = match (briefing, entity) {
        (Some(b), _) => library.briefing(b).events.iter().collect(),
        (None, Some(e)) => library.events_of(e).map(|(_, ev)| ev).collect(),
        (None, None) => Vec::new(),
    };
    let mut b = DocBuilder::new(width);
    if events.is_empty() {
        b.text("No dated events here.", Tone::Meta);
        return b.finish();
    }
    let dates: Vec<String> = events.iter().map(|e| date_of(e)).collect();
    let column = dates.iter().map(|d| self::width(d)).max().unwrap_or(0) + 2;
    for (event, date) in events.iter().zip(&dates) {
        b.indent(column.min(width / 2));
        b.text(&format!("{date:<column$}"), Tone::Label).text(&event.text, Tone::Body).end();
        if !event.entities.is_empty() {
            b.text(&" ".repeat(column), Tone::Body);
            for (i, &id) in event.entities.iter().enumerate() {
                if i > 0 {
                    b.text("  ", Tone::Body);
                }
                b.entity(library, id);
            }
            b.end();
        }
        b.indent(0).blank();
    }
    b.finish()
}

/// The event's date, or "step N" where the source gives only the order.
fn date_of(event: &Event) -> String {
    if event.date.is_empty() { format!("step {}", event.order) } else { event.date.clone() }
}
