//! An entity's neighbourhood as a tree, two hops out, each branch labelled with the
//! relation read outwards: "CEO of → Nvidia", then Nvidia's own relations under it.
//! Figures hang off the entities they are about, and a figure's map starts from those.

use crate::library::graph::edges;
use crate::library::{EntityId, Library};
use crate::reader::doc::{Doc, DocBuilder, Tone};

/// Lays out the map around `centre` at `width`.
pub fn map_doc(library: &Library, centre: EntityId, width: usize) -> Doc {
    let mut b = DocBuilder::new(width);
    b.entity(library, centre);
    b.end();
    let first = branches(library, centre);
    if first.is_empty() {
        b.text("No relations.", Tone::Meta);
    }
    for (i, (label, target)) in first.iter().enumerate() {
        let last = i + 1 == first.len();
        branch(&mut b, library, if last { "└─ " } else { "├─ " }, label, *target);
        let rail = if last { "   " } else { "│  " };
        let second: Vec<_> = branches(library, *target).into_iter().filter(|&(_, t)| t != centre).collect();
        for (j, (label, next)) in second.iter().enumerate() {
            let fork = if j + 1 == second.len() { "└─ " } else { "├─ " };
            branch(&mut b, library, &format!("{rail}{fork}"), label, *next);
        }
    }
    b.finish()
}

/// The labelled edges out of an entity, as a path walks them too.
fn branches(library: &Library, id: EntityId) -> Vec<(String, EntityId)> {
    edges(library, id).into_iter().map(|e| (e.label().to_string(), e.target())).collect()
}

fn branch(b: &mut DocBuilder, library: &Library, prefix: &str, label: &str, target: EntityId) {
    // Wrapped lines carry the rail down and hang under the label.
    let rail = prefix.replace("├─ ", "│  ").replace("└─ ", "   ");
    b.hang(&format!("{rail}  "));
    b.text(prefix, Tone::Meta).text(&format!("{label} → "), Tone::Label);
    b.entity(library, target);
    b.end().hang("");
}
