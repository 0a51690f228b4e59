//! Where the reader is, as one value. A [`Location`] names the panes, the view, the open
//! briefing and entity, the navigator's selection and each document's place by content
//! (block and link), never by screen row: it is what history records, what a resize keeps
//! and what can be written down and opened again.

use super::action::Pane;
use super::doc::Anchor;
use super::navigator::RowId;
use super::views::View;
use crate::library::{BriefingId, EntityId};

/// A place in one document pane: its first visible line and its focused link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Spot {
    /// The first visible line, by content.
    pub top: Anchor,
    /// The focused link, by index into the doc's links (for the story, mention `i`).
    pub link: Option<usize>,
}

/// Everything that says where the reader is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Location {
    /// The pane with the keyboard.
    pub focus: Pane,
    /// The pane beside the card when two panes fit: the story or the navigator.
    pub left: Pane,
    /// What the main pane shows.
    pub view: View,
    /// The open briefing.
    pub briefing: Option<BriefingId>,
    /// The entity on the card.
    pub entity: Option<EntityId>,
    /// The navigator's selected row.
    pub nav: RowId,
    /// The main pane's place.
    pub story: Spot,
    /// The card's place.
    pub card: Spot,
}

impl Default for Location {
    fn default() -> Self {
        Location {
            focus: Pane::Navigator,
            left: Pane::Navigator,
            view: View::Story,
            briefing: None,
            entity: None,
            nav: RowId::Briefings,
            story: Spot::default(),
            card: Spot::default(),
        }
    }
}

impl Location {
    /// The spot of a document pane; the navigator has none.
    pub fn spot(&self, pane: Pane) -> Option<&Spot> {
        match pane {
            Pane::Story => Some(&self.story),
            Pane::Card => Some(&self.card),
            Pane::Navigator => None,
        }
    }
}
