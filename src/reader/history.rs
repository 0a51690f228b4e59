//! One back/forward history for the whole reader. A [`Place`] records everything needed
//! to put the screen back as it was: the pane, the story and card shown, their scroll
//! and focused links.

use super::action::Pane;
use super::views::View;
use crate::library::{BriefingId, EntityId};

/// How many places back the history keeps.
const LIMIT: usize = 500;

/// A restorable view of the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// The focused pane.
    pub focus: Pane,
    /// The pane beside the card in two-pane mode.
    pub left: Pane,
    /// The open briefing.
    pub briefing: Option<BriefingId>,
    /// The story's first visible line.
    pub story_scroll: usize,
    /// The story's focused link.
    pub story_link: Option<usize>,
    /// The entity on the card.
    pub entity: Option<EntityId>,
    /// The card's first visible line.
    pub card_scroll: usize,
    /// The card's focused link.
    pub card_link: Option<usize>,
    /// The navigator's selected row.
    pub nav_row: usize,
    /// The main pane's view.
    pub view: View,
}

/// Places behind and ahead of the current one.
#[derive(Debug, Clone, Default)]
pub struct History {
    back: Vec<Place>,
    forward: Vec<Place>,
}

impl History {
    /// Leaves `current` for somewhere new: it goes on the back stack, forward is dropped.
    pub fn visit(&mut self, current: Place) {
        if self.back.last() != Some(&current) {
            self.back.push(current);
        }
        if self.back.len() > LIMIT {
            self.back.remove(0);
        }
        self.forward.clear();
    }

    /// The place to go back to from `current`, if any.
    pub fn back(&mut self, current: Place) -> Option<Place> {
        let place = self.back.pop()?;
        self.forward.push(current);
        Some(place)
    }

    /// The place to go forward to from `current`, if any.
    pub fn forward(&mut self, current: Place) -> Option<Place> {
        let place = self.forward.pop()?;
        self.back.push(current);
        Some(place)
    }

    /// Places behind the current one, oldest first.
    pub fn behind(&self) -> &[Place] {
        &self.back
    }

    /// How many places are ahead.
    pub fn ahead(&self) -> usize {
        self.forward.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(row: usize) -> Place {
        Place {
            focus: Pane::Story,
            left: Pane::Story,
            briefing: None,
            story_scroll: 0,
            story_link: None,
            entity: None,
            card_scroll: 0,
            card_link: None,
            nav_row: row,
            view: View::Story,
        }
    }

    #[test]
    fn back_then_forward_returns_to_the_same_place() {
        let mut h = History::default();
        h.visit(at(0));
        h.visit(at(1));
        assert_eq!(h.back(at(2)), Some(at(1)));
        assert_eq!(h.back(at(1)), Some(at(0)));
        assert_eq!(h.back(at(0)), None);
        assert_eq!(h.forward(at(0)), Some(at(1)));
        assert_eq!(h.forward(at(1)), Some(at(2)));
        assert_eq!(h.forward(at(2)), None);
    }

    #[test]
    fn visiting_drops_the_forward_stack() {
        let mut h = History::default();
        h.visit(at(0));
        h.back(at(1));
        assert_eq!(h.ahead(), 1);
        h.visit(at(0));
        assert_eq!(h.ahead(), 0);
    }
}
