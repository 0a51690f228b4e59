//! Walking relations: neighbours in both directions and shortest connection paths.

use std::collections::VecDeque;

use super::model::{EntityId, Library, Relation};

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

/// The shortest chain of relations from `from` to `to` (breadth-first, so ties go to the
/// relation declared first); `None` when they are not connected.
pub fn shortest_path(library: &Library, from: EntityId, to: EntityId) -> Option<Vec<Step<'_>>> {
    let mut came_by: Vec<Option<Step<'_>>> = vec![None; library.entities.len()];
    let mut seen = vec![false; library.entities.len()];
    seen[from.index()] = true;
    let mut queue = VecDeque::from([from]);
    while let Some(at) = queue.pop_front() {
        if at == to {
            return Some(unwind(&came_by, from, to));
        }
        for step in neighbours(library, at) {
            let next = step.target().index();
            if !seen[next] {
                seen[next] = true;
                came_by[next] = Some(step);
                queue.push_back(step.target());
            }
        }
    }
    None
}

fn unwind<'l>(came_by: &[Option<Step<'l>>], from: EntityId, to: EntityId) -> Vec<Step<'l>> {
    let mut path = Vec::new();
    let mut at = to;
    while at != from {
        let Some(step) = came_by[at.index()] else { break };
        at = if step.reversed { step.relation.to } else { step.relation.from };
        path.push(step);
    }
    path.reverse();
    path
}
