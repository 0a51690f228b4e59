//! What the main pane can show besides the story: figures as bars, an entity's relation
//! map, the timeline and a connection path. Each is a linked [`Doc`], so scrolling, Tab,
//! Enter, the mouse and history work the same as in the story.

pub mod figures;
pub mod map;
pub mod path;
pub mod timeline;

use super::doc::Doc;
use crate::library::{BriefingId, EntityId, Library};

/// The main pane's view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum View {
    /// The story of the open briefing.
    #[default]
    Story,
    /// The figures of the open briefing (or of the card's entity), as bars.
    Figures,
    /// The card entity's neighbourhood, two hops out.
    Map,
    /// The open briefing's events in order.
    Timeline,
    /// Every dated event of the archive, in date order.
    Archive,
    /// The card entity's figures across every briefing, with their dates.
    Compare,
    /// The shortest chain of relations between two entities.
    Path(EntityId, EntityId),
}

/// The views a key can open, for `--view` and the key table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ViewKind {
    /// [`View::Story`].
    Story,
    /// [`View::Figures`].
    Figures,
    /// [`View::Map`].
    Map,
    /// [`View::Timeline`].
    Timeline,
    /// [`View::Archive`].
    Archive,
    /// [`View::Compare`].
    Compare,
}

impl ViewKind {
    /// Names accepted by `--view`.
    pub const NAMES: [(&'static str, ViewKind); 6] = [
        ("story", ViewKind::Story),
        ("figures", ViewKind::Figures),
        ("map", ViewKind::Map),
        ("timeline", ViewKind::Timeline),
        ("archive", ViewKind::Archive),
        ("compare", ViewKind::Compare),
    ];

    /// Parses a `--view` name.
    pub fn parse(name: &str) -> Option<ViewKind> {
        Self::NAMES.iter().find(|(n, _)| *n == name).map(|&(_, v)| v)
    }
}

impl View {
    /// The pane title for the view.
    pub fn title(&self, library: &Library, entity: Option<EntityId>) -> String {
        let name = |id: EntityId| library.entity(id).name.clone();
        match self {
            View::Story => " Story ".into(),
            View::Figures => " Figures ".into(),
            View::Map => format!(" Relations of {} ", entity.map(name).unwrap_or_default()),
            View::Timeline => " Timeline ".into(),
            View::Archive => " Timeline of the archive ".into(),
            View::Compare => format!(" Figures about {} ", entity.map(name).unwrap_or_default()),
            View::Path(a, b) => format!(" {} ⇝ {} ", name(*a), name(*b)),
        }
    }
}

/// Lays out a non-story view at `width`.
pub fn view_doc(
    library: &Library,
    view: View,
    briefing: Option<BriefingId>,
    entity: Option<EntityId>,
    width: usize,
) -> Doc {
    match view {
        View::Story => Doc::default(),
        View::Figures => figures::figures_doc(library, &figures::in_scope(library, briefing, entity), false, width),
        View::Compare => {
            let figures = entity.map(|e| figures::across(library, e)).unwrap_or_default();
            figures::figures_doc(library, &figures, true, width)
        }
        View::Map => map::map_doc(library, entity, width),
        View::Timeline => {
            let scope = match (briefing, entity) {
                (Some(b), _) => timeline::Scope::Briefing(b),
                (None, Some(e)) => timeline::Scope::Entity(e),
                (None, None) => timeline::Scope::Archive,
            };
            timeline::timeline_doc(library, scope, width)
        }
        View::Archive => timeline::timeline_doc(library, timeline::Scope::Archive, width),
        View::Path(a, b) => path::path_doc(library, a, b, width),
    }
}
