//! An entity's neighbourhood as a tree, two hops out, each branch labelled with the
//! relation read outwards: "CEO of → Nvidia", then Nvidia's own relations under it.

use crate::library::graph::neighbours;
use crate::library::{EntityId, Library};
use crate::reader::doc::{Doc, DocBuilder, Tone, symbol};
use crate::reader::target::Target;

/// Lays out the map around `centre` at `width`.
pub fn map_doc(library: &Library, centre: Option<EntityId>, width: usize) -> Doc {
    let mut b = DocBuilder::new(width);
    let Some(centre) = centre else {
        b.text("No entity to centre on: Tab to a mention or open one from the library.", Tone::Meta);
        return b.finish();
    };
    node(&mut b, library, centre);
    b.end();
    let first = neighbours(library, centre);
    if first.is_empty() {
        b.text("No relations.", Tone::Meta);
    }
    for (i, step) in first.iter().enumerate() {
        let last = i + 1 == first.len();
        branch(&mut b, library, if last { "└─ " } else { "├─ " }, step.label(), step.target());
        let rail = if last { "   " } else { "│  " };
        let second: Vec<_> = neighbours(library, step.target()).into_iter().filter(|s| s.target() != centre).collect();
        for (j, next) in second.iter().enumerate() {
            let fork = if j + 1 == second.len() { "└─ " } else { "├─ " };
            branch(&mut b, library, &format!("{rail}{fork}"), next.label(), next.target());
        }
    }
    b.finish()
}

fn branch(b: &mut DocBuilder, library: &Library, prefix: &str, label: &str, target: EntityId) {
    b.indent(prefix.chars().count() + 2);
    b.text(prefix, Tone::Meta).text(&format!("{label} → "), Tone::Label);
    node(b, library, target);
    b.end().indent(0);
}

fn node(b: &mut DocBuilder, library: &Library, id: EntityId) {
    let e = library.entity(id);
    b.link(&format!("{}{}", symbol(e.kind), e.name), crate::reader::doc::Tone::Link(e.kind), Target::Entity(id));
}
