//! What the main pane can show besides the story: figures as bars, an entity's relation
//! map, the timeline and a connection path. Each is a linked [`Doc`], so scrolling, Tab,
//! Enter, the mouse and history work the same as in the story.

pub mod figures;
pub mod map;
pub mod path;
pub mod timeline;

use super::doc::Doc;
use crate::library::{BriefingId, EntityId, Library};

/// Whose figures or events a view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// One briefing's.
    Briefing(BriefingId),
    /// Those about (or involving) an entity, across every briefing.
    Entity(EntityId),
    /// Every briefing's.
    Archive,
}

impl Scope {
    /// The open briefing, else the card's entity, else the whole archive.
    pub fn of(briefing: Option<BriefingId>, entity: Option<EntityId>) -> Scope {
        match (briefing, entity) {
            (Some(b), _) => Scope::Briefing(b),
            (None, Some(e)) => Scope::Entity(e),
            (None, None) => Scope::Archive,
        }
    }
}

/// The main pane's view. A view names what it is about when it is opened (the map its
/// root, the figures their scope), so previewing a link on the card, which changes the
/// card's entity, never changes what the main pane shows: only following a link does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum View {
    /// The story of the open briefing.
    #[default]
    Story,
    /// Figures as bars: a briefing's, or those about an entity.
    Figures(Scope),
    /// An entity's neighbourhood, two hops out, rooted at it.
    Map(EntityId),
    /// Events in order: a briefing's, an entity's, or the archive's.
    Timeline(Scope),
    /// An entity's figures across every briefing, with their dates.
    Compare(EntityId),
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
    /// The view a key asks for, about the open briefing or the card's entity; `None` when
    /// it needs an entity and the card has none.
    pub fn of(kind: ViewKind, briefing: Option<BriefingId>, entity: Option<EntityId>) -> Option<View> {
        Some(match kind {
            ViewKind::Story => View::Story,
            ViewKind::Figures => View::Figures(Scope::of(briefing, entity)),
            ViewKind::Map => View::Map(entity?),
            ViewKind::Timeline => View::Timeline(Scope::of(briefing, entity)),
            ViewKind::Archive => View::Timeline(Scope::Archive),
            ViewKind::Compare => View::Compare(entity?),
        })
    }

    /// Whether the view has anything to show: figures to chart, events to list. A map
    /// always has its root.
    pub fn has_content(&self, library: &Library) -> bool {
        match *self {
            View::Story | View::Map(_) | View::Path(..) => true,
            View::Figures(scope) => !figures::in_scope(library, scope).is_empty(),
            View::Compare(e) => !library.figures_about(e).is_empty(),
            View::Timeline(Scope::Briefing(b)) => !library.briefing(b).events.is_empty(),
            View::Timeline(Scope::Entity(e)) => library.events_of(e).next().is_some(),
            View::Timeline(Scope::Archive) => library.briefing_ids().any(|b| !library.briefing(b).events.is_empty()),
        }
    }

    /// The entity the view is about, if it is about one.
    pub fn subject(&self) -> Option<EntityId> {
        match *self {
            View::Map(e) | View::Compare(e) | View::Figures(Scope::Entity(e)) | View::Timeline(Scope::Entity(e)) => {
                Some(e)
            }
            View::Path(a, _) => Some(a),
            _ => None,
        }
    }

    /// The pane title for the view.
    pub fn title(&self, library: &Library) -> String {
        let name = |id: EntityId| library.entity(id).name.clone();
        match *self {
            View::Story => " Story ".into(),
            View::Figures(Scope::Entity(e)) => format!(" Figures about {} ", name(e)),
            View::Figures(_) => " Figures ".into(),
            View::Map(e) => format!(" Relations of {} ", name(e)),
            View::Timeline(Scope::Archive) => " Timeline of the archive ".into(),
            View::Timeline(Scope::Entity(e)) => format!(" Timeline of {} ", name(e)),
            View::Timeline(Scope::Briefing(_)) => " Timeline ".into(),
            View::Compare(e) => format!(" Figures about {} in every briefing ", name(e)),
            View::Path(a, b) => format!(" {} ⇝ {} ", name(a), name(b)),
        }
    }
}

/// Lays out a non-story view at `width`.
pub fn view_doc(library: &Library, view: View, width: usize) -> Doc {
    match view {
        View::Story => Doc::default(),
        View::Figures(scope) => figures::figures_doc(library, &figures::in_scope(library, scope), false, width),
        View::Compare(entity) => figures::figures_doc(library, &figures::across(library, entity), true, width),
        View::Map(root) => map::map_doc(library, root, width),
        View::Timeline(scope) => timeline::timeline_doc(library, scope, width),
        View::Path(a, b) => path::path_doc(library, a, b, width),
    }
}
