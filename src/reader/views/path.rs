//! "How is A connected to B?": the shortest chain of relations (and of figures and what
//! they are about, the edges the relation map draws), as a navigable list.

use crate::library::graph::shortest_path;
use crate::library::{EntityId, Library};
use crate::reader::doc::{Doc, DocBuilder, Tone};

/// Lays out the path from `from` to `to` at `width`.
pub fn path_doc(library: &Library, from: EntityId, to: EntityId, width: usize) -> Doc {
    let mut b = DocBuilder::new(width);
    let name = |id: EntityId| library.entity(id).name.as_str();
    b.text(&format!("How is {} connected to {}?", name(from), name(to)), Tone::Heading).blank();
    let Some(steps) = shortest_path(library, from, to) else {
        b.text(&format!("No chain of relations connects {} and {}.", name(from), name(to)), Tone::Meta);
        return b.finish();
    };
    b.entity(library, from);
    b.end();
    for (i, step) in steps.iter().enumerate() {
        let pad = "  ".repeat(i);
        b.indent(pad.len() + 4).text(&format!("{pad}└ {} → ", step.label()), Tone::Label);
        b.entity(library, step.target());
        b.end().indent(0);
    }
    b.blank().text(&format!("{} step{}", steps.len(), if steps.len() == 1 { "" } else { "s" }), Tone::Meta);
    b.finish()
}
