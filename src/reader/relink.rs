//! Carrying the reader's place from one library to the next, when a reload swaps it.
//!
//! A [`Location`] names briefings and entities by their index in one library; the same
//! briefing may sit at another index in the library loaded after an edit, or be gone. A
//! [`Relink`] maps each index of the old library to the one with the same id in the new,
//! so a place becomes the same place by content, and whatever no longer exists is let go
//! of (the place then falls back to what still does) rather than left pointing at
//! something else.

use super::location::{Location, Spot};
use super::navigator::{RowId, Saved};
use super::views::{Scope, View};
use crate::library::{BriefingId, EntityId, Library};

/// The ids of one library in another, by the ids the files give.
#[derive(Debug, Clone, Default)]
pub struct Relink {
    briefings: Vec<Option<BriefingId>>,
    entities: Vec<Option<EntityId>>,
}

impl Relink {
    /// The map from `old`'s indices to `new`'s.
    pub fn between(old: &Library, new: &Library) -> Relink {
        Relink {
            briefings: old.briefing_ids().map(|b| new.briefing_by_id(old.briefing_key_of(b))).collect(),
            entities: old.entity_ids().map(|e| new.entity_by_id(old.key_of(e))).collect(),
        }
    }

    /// The same briefing in the new library, if it is still there.
    pub fn briefing(&self, b: BriefingId) -> Option<BriefingId> {
        self.briefings.get(b.index()).copied().flatten()
    }

    /// The same entity in the new library, if it is still there.
    pub fn entity(&self, e: EntityId) -> Option<EntityId> {
        self.entities.get(e.index()).copied().flatten()
    }

    /// The same place in the new library. A briefing that is gone takes its story's place
    /// with it; an entity that is gone leaves the card empty; a view that needs what is
    /// gone falls back to the story.
    pub fn location(&self, at: &Location) -> Location {
        let briefing = at.briefing.and_then(|b| self.briefing(b));
        let entity = at.entity.and_then(|e| self.entity(e));
        let story = if briefing.is_some() || at.briefing.is_none() { at.story } else { Spot::default() };
        let card = if entity.is_some() { at.card } else { Spot::default() };
        let view = self.view(at.view).unwrap_or_default();
        let nav = self.row(at.nav).unwrap_or_default();
        Location { briefing, entity, story, card, view, nav, ..*at }
    }

    /// The same view, unless it names an entity or briefing that is gone.
    pub fn view(&self, view: View) -> Option<View> {
        Some(match view {
            View::Story => View::Story,
            View::Path(from, to) => View::Path(self.entity(from)?, self.entity(to)?),
            View::Map(root) => View::Map(self.entity(root)?),
            View::Compare(e) => View::Compare(self.entity(e)?),
            View::Figures(scope) => View::Figures(self.scope(scope)?),
            View::Timeline(scope) => View::Timeline(self.scope(scope)?),
        })
    }

    /// The same scope of a view, unless what it names is gone.
    fn scope(&self, scope: Scope) -> Option<Scope> {
        Some(match scope {
            Scope::Briefing(b) => Scope::Briefing(self.briefing(b)?),
            Scope::Entity(e) => Scope::Entity(self.entity(e)?),
            Scope::Archive => Scope::Archive,
        })
    }

    /// The same navigator row, if what it shows is still there.
    pub fn row(&self, row: RowId) -> Option<RowId> {
        Some(match row {
            RowId::Briefing(b) => RowId::Briefing(self.briefing(b)?),
            RowId::Entity(e) => RowId::Entity(self.entity(e)?),
            RowId::Saved(saved) => RowId::Saved(self.saved(saved)?),
            RowId::Briefings | RowId::Bookmarks | RowId::Group(_) => row,
        })
    }

    fn saved(&self, saved: Saved) -> Option<Saved> {
        Some(match saved {
            Saved::Briefing(b) => Saved::Briefing(self.briefing(b)?),
            Saved::Entity(e) => Saved::Entity(self.entity(e)?),
            Saved::Paragraph(b, p) => Saved::Paragraph(self.briefing(b)?, p),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::bundled;
    use crate::library::{Input, Options, load_sources};
    use crate::reader::doc::Anchor;

    fn library(files: &[(&str, &str)]) -> Library {
        let inputs: Vec<Input> = files
            .iter()
            .map(|(name, text)| Input { path: (*name).into(), bytes: text.as_bytes().to_vec().into() })
            .collect();
        load_sources(&inputs, Options::default()).expect("a valid library").library
    }

    fn briefing(id: &str, person: &str) -> String {
        format!(
            r#"{{"id": "{id}", "headline": "H {id}", "source": {{"publication": "p", "title": "t", "date": "d"}},
            "sections": [{{"paragraphs": ["{person} spoke."]}}],
            "entities": [{{"id": "{person}", "kind": "person", "name": "{person}"}}]}}"#
        )
    }

    #[test]
    fn a_place_follows_its_briefing_and_entity_to_their_new_indices() {
        let old = library(&[("b.json", &briefing("b", "bo"))]);
        let new = library(&[("a.json", &briefing("a", "al")), ("b.json", &briefing("b", "bo"))]);
        let relink = Relink::between(&old, &new);
        let b = old.briefing_by_id("b").expect("b");
        let bo = old.entity_by_id("bo").expect("bo");
        let mut at = Location { briefing: Some(b), entity: Some(bo), nav: RowId::Entity(bo), ..Location::default() };
        at.story.top = Anchor { block: 2, line: 1 };
        let moved = relink.location(&at);
        assert_eq!(moved.briefing, new.briefing_by_id("b"));
        assert_ne!(moved.briefing, Some(b), "the index changed, the briefing did not");
        assert_eq!(moved.entity, new.entity_by_id("bo"));
        assert_eq!(moved.nav, RowId::Entity(new.entity_by_id("bo").expect("bo")));
        assert_eq!(moved.story.top, Anchor { block: 2, line: 1 }, "the place in the story is kept");
    }

    #[test]
    fn what_is_gone_is_let_go_of() {
        let old = library(&[("a.json", &briefing("a", "al")), ("b.json", &briefing("b", "bo"))]);
        let new = library(&[("b.json", &briefing("b", "bo"))]);
        let relink = Relink::between(&old, &new);
        let (a, al) = (old.briefing_by_id("a").expect("a"), old.entity_by_id("al").expect("al"));
        let mut at = Location { briefing: Some(a), entity: Some(al), nav: RowId::Briefing(a), ..Location::default() };
        at.story.top.block = 3;
        at.view = View::Path(al, old.entity_by_id("bo").expect("bo"));
        let moved = relink.location(&at);
        assert_eq!((moved.briefing, moved.entity), (None, None));
        assert_eq!(moved.story, Spot::default());
        assert_eq!(moved.nav, RowId::Briefings);
        assert_eq!(moved.view, View::Story);
    }

    #[test]
    fn a_view_keeps_what_it_is_about_or_falls_back_to_the_story() {
        let old = library(&[("b.json", &briefing("b", "bo"))]);
        let new = library(&[("a.json", &briefing("a", "al")), ("b.json", &briefing("b", "bo"))]);
        let relink = Relink::between(&old, &new);
        let (b, bo) = (old.briefing_by_id("b").expect("b"), old.entity_by_id("bo").expect("bo"));
        let (nb, nbo) = (new.briefing_by_id("b").expect("b"), new.entity_by_id("bo").expect("bo"));
        assert_eq!(relink.view(View::Map(bo)), Some(View::Map(nbo)));
        assert_eq!(relink.view(View::Compare(bo)), Some(View::Compare(nbo)));
        assert_eq!(relink.view(View::Figures(Scope::Briefing(b))), Some(View::Figures(Scope::Briefing(nb))));
        assert_eq!(relink.view(View::Timeline(Scope::Entity(bo))), Some(View::Timeline(Scope::Entity(nbo))));
        let back = Relink::between(&new, &old);
        let al = new.entity_by_id("al").expect("al");
        assert_eq!(back.view(View::Map(al)), None, "a root that is gone");
        assert_eq!(back.view(View::Timeline(Scope::Archive)), Some(View::Timeline(Scope::Archive)));
    }

    #[test]
    fn the_same_library_maps_every_id_to_itself() {
        let (one, two) =
            (bundled::load(Options::default()).unwrap().library, bundled::load(Options::default()).unwrap().library);
        let relink = Relink::between(&one, &two);
        assert!(one.briefing_ids().all(|b| relink.briefing(b) == Some(b)));
        assert!(one.entity_ids().all(|e| relink.entity(e) == Some(e)));
    }
}
