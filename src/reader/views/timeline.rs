//! Events in the order they happened, each with its date (or its place in its briefing's
//! order where the source gives none) and links to the entities it involves: one
//! briefing's, an entity's across the archive, or the whole archive's.

pub use super::Scope;
use crate::library::Library;
use crate::library::card::{EventLine, timeline};
use crate::reader::doc::{Doc, DocBuilder, Tone, width};
use crate::reader::target::Target;

/// Lays out the timeline of `scope` at `width`.
pub fn timeline_doc(library: &Library, scope: Scope, width: usize) -> Doc {
    let events: Vec<EventLine<'_>> = match scope {
        Scope::Briefing(b) => timeline(library, library.briefing(b).events.iter().map(|e| (b, e))),
        Scope::Entity(e) => timeline(library, library.events_of(e)),
        Scope::Archive => timeline(
            library,
            library.briefing_ids().flat_map(|b| library.briefing(b).events.iter().map(move |e| (b, e))),
        ),
    };
    let mut b = DocBuilder::new(width);
    if events.is_empty() {
        b.text("No dated events here.", Tone::Meta);
        return b.finish();
    }
    let dates: Vec<String> = events.iter().map(EventLine::date_label).collect();
    // ISO dates set the column; a date in words longer than that gets a line of its own.
    let column = (dates.iter().map(|d| self::width(d)).filter(|&w| w <= 10).max().unwrap_or(2) + 2).min(width / 2);
    for (event, date) in events.iter().zip(&dates) {
        b.indent(column);
        if self::width(date) + 2 > column {
            b.text(date, Tone::Label).end();
            b.text(&" ".repeat(column), Tone::Body);
        } else {
            b.text(&format!("{date:<column$}"), Tone::Label);
        }
        b.text(event.text, Tone::Body).end();
        let across = scope != Scope::Briefing(event.briefing.briefing);
        if !event.entities.is_empty() || across {
            entities_line(&mut b, library, event, column, across);
        }
        b.indent(0).blank();
    }
    b.finish()
}

/// The event's entities as links, each kept whole on its line; across briefings, the
/// briefing it comes from first.
fn entities_line(b: &mut DocBuilder, library: &Library, event: &EventLine<'_>, column: usize, across: bool) {
    b.text(&" ".repeat(column), Tone::Body);
    if across {
        b.link(event.briefing.headline, Tone::Jump, Target::Briefing(event.briefing.briefing));
    }
    for (i, &id) in event.entities.iter().enumerate() {
        if i > 0 || across {
            b.text("  ", Tone::Body);
        }
        b.entity(library, id);
    }
    b.end();
}
