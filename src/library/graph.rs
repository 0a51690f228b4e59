//! Walking relations: neighbours in both directions, the edges the relation map draws,
//! and shortest connection paths over those same edges.

use std::collections::VecDeque;

use super::model::{EntityId, Relation};
use super::store::Library;

/// One step along a relation, read in the direction it was walked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step<'l> {
    /// The relation walked.
    pub relation: &'l Relation,
    /// Whether it was walked from its object back to its subject.
    pub reversed: bool,
}

impl<'l> Step<'l> {
    /// The entity the step leads to.
    pub fn target(&self) -> EntityId {
        if self.reversed { self.relation.from } else { self.relation.to }
    }

    /// The label read in the walking direction ("CEO of" or "led by").
    pub fn label(&self) -> &'l str {
        if self.reversed { &self.relation.inverse } else { &self.relation.label }
    }
}

/// Every relation of `id`, outgoing first, each read from `id` outwards.
pub fn neighbours(library: &Library, id: EntityId) -> Vec<Step<'_>> {
    let out = library.outgoing(id).map(|relation| Step { relation, reversed: false });
    let back = library.incoming(id).map(|relation| Step { relation, reversed: true });
    out.chain(back).collect()
}

/// One edge of the graph the relation map draws and a path walks: a relation, read in
/// the walking direction, or the link between a figure and what it is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge<'l> {
    /// A relation.
    Relation(Step<'l>),
    /// From an entity to a figure about it.
    Figure(EntityId),
    /// From a figure to an entity it is about.
    About(EntityId),
}

impl<'l> Edge<'l> {
    /// The entity the edge leads to.
    pub fn target(&self) -> EntityId {
        match *self {
            Edge::Relation(step) => step.target(),
            Edge::Figure(e) | Edge::About(e) => e,
        }
    }

    /// The label read in the walking direction: the relation's, or "figure" and "about".
    pub fn label(&self) -> &'l str {
        match self {
            Edge::Relation(step) => step.label(),
            Edge::Figure(_) => "figure",
            Edge::About(_) => "about",
        }
    }

    /// The relation's type as in the files; `figure` and `about` for a figure's edges.
    pub fn kind(&self) -> &'l str {
        match self {
            Edge::Relation(step) => &step.relation.kind,
            Edge::Figure(_) => "figure",
            Edge::About(_) => "about",
        }
    }
}

/// Every edge out of `id`, as the relation map draws them: its relations both ways, then
/// for a figure what it is about, then the figures about it.
pub fn edges(library: &Library, id: EntityId) -> Vec<Edge<'_>> {
    let mut out: Vec<Edge<'_>> = neighbours(library, id).into_iter().map(Edge::Relation).collect();
    if let Some(figure) = &library.entity(id).figure {
        out.extend(figure.about.iter().map(|&a| Edge::About(a)));
    }
    out.extend(library.figures_about(id).into_iter().map(Edge::Figure));
    out
}

/// The shortest chain of edges from `from` to `to` (breadth-first over [`edges`], so ties
/// go to relations, and among them to the one declared first); `None` when they are not
/// connected.
pub fn shortest_path(library: &Library, from: EntityId, to: EntityId) -> Option<Vec<Edge<'_>>> {
    let mut came_by: Vec<Option<(EntityId, Edge<'_>)>> = vec![None; library.entity_count()];
    let mut seen = vec![false; library.entity_count()];
    seen[from.index()] = true;
    let mut queue = VecDeque::from([from]);
    while let Some(at) = queue.pop_front() {
        if at == to {
            return Some(unwind(&came_by, from, to));
        }
        for edge in edges(library, at) {
            let next = edge.target().index();
            if !seen[next] {
                seen[next] = true;
                came_by[next] = Some((at, edge));
                queue.push_back(edge.target());
            }
        }
    }
    None
}

fn unwind<'l>(came_by: &[Option<(EntityId, Edge<'l>)>], from: EntityId, to: EntityId) -> Vec<Edge<'l>> {
    let mut path = Vec::new();
    let mut at = to;
    while at != from {
        let Some((before, edge)) = came_by[at.index()] else { break };
        path.push(edge);
        at = before;
    }
    path.reverse();
    path
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::bundled;

    #[test]
    fn a_path_walks_the_figure_edges_the_map_draws() {
        let library = bundled::load(Default::default()).unwrap().library;
        let id = |s: &str| library.entity_by_id(s).unwrap();
        let path = shortest_path(&library, id("jensen-huang"), id("nvidia-china-sales")).expect("connected");
        let labels: Vec<&str> = path.iter().map(Edge::label).collect();
        assert_eq!(labels, ["CEO of", "figure"], "Jensen Huang → CEO of → Nvidia → figure → $17 billion");
        let back = shortest_path(&library, id("nvidia-china-sales"), id("jensen-huang")).expect("and back");
        assert_eq!(back.first().map(Edge::label), Some("about"));
        assert_eq!(shortest_path(&library, id("h20"), id("h20")), Some(Vec::new()));
    }
}
