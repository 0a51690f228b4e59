//! Moving around: following links, history, pane focus, scrolling.

use super::App;
use crate::reader::action::Pane;
use crate::reader::history::Place;
use crate::reader::layout::Mode;
use crate::reader::navigator::Row;
use crate::reader::target::Target;
use crate::reader::views::{View, ViewKind};

impl App<'_> {
    /// The current view, as history records it.
    pub(crate) fn place(&self) -> Place {
        Place {
            focus: self.focus,
            left: self.left,
            briefing: self.briefing,
            story_scroll: self.story.scroll,
            story_link: self.story.link,
            entity: self.entity,
            card_scroll: self.card.scroll,
            card_link: self.card.link,
            nav_row: self.nav_row,
            view: self.view,
        }
    }

    /// Puts a recorded view back.
    fn restore(&mut self, place: Place) {
        self.briefing = place.briefing;
        self.entity = place.entity;
        self.nav_row = place.nav_row;
        self.view = place.view;
        self.refresh();
        self.story.scroll = place.story_scroll;
        self.story.link = place.story_link;
        self.card.scroll = place.card_scroll;
        self.card.link = place.card_link;
        self.focus_pane(place.focus);
        self.left = place.left;
    }

    /// Goes to a target, recording where we were.
    pub(crate) fn visit(&mut self, target: Target) {
        self.history.visit(self.place());
        self.go(target);
    }

    /// Shows a target without touching history.
    pub(crate) fn go(&mut self, target: Target) {
        match target {
            Target::Entity(id) => {
                if self.briefing.is_none() {
                    self.briefing = self.library.entity(id).briefings.first().copied();
                }
                self.show_entity(id);
                self.focus_pane(Pane::Card);
            }
            Target::Briefing(id) => {
                self.open_briefing(id);
                self.view = View::Story;
                self.focus_pane(Pane::Story);
            }
            Target::Mention(briefing, index) => {
                self.open_briefing(briefing);
                self.view = View::Story;
                self.refresh();
                self.story.focus_link(index);
                self.preview();
                self.focus_pane(Pane::Story);
            }
        }
    }

    fn open_briefing(&mut self, id: crate::library::BriefingId) {
        if self.briefing != Some(id) {
            self.briefing = Some(id);
            self.story.reset();
        }
        self.nav_row = self.index.briefing_row(id);
    }

    fn show_entity(&mut self, id: crate::library::EntityId) {
        if self.entity != Some(id) {
            self.entity = Some(id);
            self.card.reset();
        }
    }

    /// Shows on the card the entity of the main pane's focused link.
    fn preview(&mut self) {
        if let Some(entity) = self.story_link_entity() {
            self.show_entity(entity);
        }
    }

    /// The entity the main pane's focused link is about.
    fn story_link_entity(&self) -> Option<crate::library::EntityId> {
        let link = self.story.link?;
        match (self.view, self.briefing) {
            (View::Story, Some(b)) => self.library.mentions(b).get(link).map(|m| m.entity),
            _ => match self.story.doc.links.get(link)?.target {
                Target::Entity(e) => Some(e),
                Target::Mention(b, m) => self.library.mentions(b).get(m).map(|m| m.entity),
                Target::Briefing(_) => None,
            },
        }
    }

    /// Enter: follow the focused link, or open the navigator's row.
    pub(crate) fn follow(&mut self) {
        match self.focus {
            Pane::Navigator => self.open_row(),
            Pane::Story => self.follow_in_main(),
            Pane::Card => {
                if let Some(link) = self.card.link.and_then(|l| self.card.doc.links.get(l)) {
                    self.visit(link.target);
                }
            }
        }
    }

    /// Enter in the main pane: a mention opens its card; in the relation map a node
    /// becomes the new centre.
    fn follow_in_main(&mut self) {
        let Some(entity) = self.story_link_entity() else { return };
        if self.view == View::Map {
            self.history.visit(self.place());
            self.show_entity(entity);
            self.story.reset();
        } else {
            self.visit(Target::Entity(entity));
        }
    }

    /// Switches the main pane to a view, recorded in history.
    pub(crate) fn show_view(&mut self, kind: ViewKind) {
        let view = match kind {
            ViewKind::Story => View::Story,
            ViewKind::Figures => View::Figures,
            ViewKind::Map => View::Map,
            ViewKind::Timeline => View::Timeline,
        };
        if view == View::Map && self.entity.is_none() {
            self.notice = Some("No entity for the map: Tab to a mention or open one first".into());
            return;
        }
        if view != self.view {
            self.history.visit(self.place());
            self.view = view;
            self.story.reset();
        }
        self.focus_pane(Pane::Story);
    }

    fn open_row(&mut self) {
        match self.index.row(self.nav_row) {
            Some(Row::Briefing(id)) => self.visit(Target::Briefing(id)),
            Some(Row::Entity(id)) => self.visit(Target::Entity(id)),
            Some(Row::Group(kind, _, _)) => self.index.toggle(kind),
            Some(Row::Briefings(_)) | None => {}
        }
    }

    /// Back in history.
    pub(crate) fn back(&mut self) {
        match self.history.back(self.place()) {
            Some(place) => self.restore(place),
            None => self.notice = Some("Nothing further back".into()),
        }
    }

    /// Forward in history.
    pub(crate) fn forward(&mut self) {
        match self.history.forward(self.place()) {
            Some(place) => self.restore(place),
            None => self.notice = Some("Nothing further forward".into()),
        }
    }

    /// Gives a pane the keyboard; in medium mode the story or navigator takes the left.
    pub(crate) fn focus_pane(&mut self, pane: Pane) {
        self.focus = pane;
        if pane != Pane::Card {
            self.left = pane;
        }
    }

    /// Focuses the next pane, among those that make sense to show.
    pub(crate) fn next_pane(&mut self) {
        let panes: Vec<Pane> = match self.screen().mode {
            Mode::Medium => vec![self.left, Pane::Card],
            _ => Pane::ALL.to_vec(),
        };
        let at = panes.iter().position(|&p| p == self.focus).unwrap_or(0);
        self.focus_pane(panes[(at + 1) % panes.len()]);
    }

    /// Tab / Shift-Tab in the focused pane; in the story the card follows the focus.
    pub(crate) fn step_link(&mut self, forward: bool) {
        match self.focus {
            Pane::Story => {
                self.story.step_link(forward);
                self.preview();
            }
            Pane::Card => self.card.step_link(forward),
            Pane::Navigator => {}
        }
    }

    /// Scrolls the focused pane (or moves the navigator's selection).
    pub(crate) fn scroll_by(&mut self, delta: isize) {
        match self.focus {
            Pane::Story => self.story.scroll_by(delta),
            Pane::Card => self.card.scroll_by(delta),
            Pane::Navigator => {
                let last = self.index.len().saturating_sub(1);
                self.nav_row = self.nav_row.saturating_add_signed(delta).min(last);
            }
        }
    }

    /// Keeps the navigator's selection in range and visible in `height` rows.
    pub(crate) fn clamp_navigator(&mut self, height: usize) {
        let height = height.max(1);
        self.nav_row = self.nav_row.min(self.index.len().saturating_sub(1));
        if self.nav_row < self.nav_scroll {
            self.nav_scroll = self.nav_row;
        } else if self.nav_row >= self.nav_scroll + height {
            self.nav_scroll = self.nav_row + 1 - height;
        }
        self.nav_scroll = self.nav_scroll.min(self.index.len().saturating_sub(height));
    }
}
