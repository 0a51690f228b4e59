//! Where a link leads.

use crate::library::{BriefingId, EntityId};

/// The destination of a link in the story, a card or the navigator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// An entity's (or figure's) card.
    Entity(EntityId),
    /// A mention in a story: the briefing and the mention's index in its mention list.
    Mention(BriefingId, usize),
    /// A briefing's story, where the reader left it (from the top the first time).
    Briefing(BriefingId),
}
