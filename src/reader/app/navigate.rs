//! Moving around: following links, history, pane focus, scrolling.

use super::App;
use crate::reader::action::Pane;
use crate::reader::history::Place;
use crate::reader::layout::Mode;
use crate::reader::navigator::Row;
use crate::reader::target::Target;

impl App<'_> {
    /// The current view, as history records it.
    pub(crate) fn place(&self) -> Place {
        Place {
            focus: self.focus,
            briefing: self.briefing,
            story_scroll: self.story.scroll,
            story_link: self.story.link,
            entity: self.entity,
            card_scroll: self.card.scroll,
            card_link: self.card.link,
            nav_row: self.nav_row,
        }
    }

    /// Puts a recorded view back.
    fn restore(&mut self, place: Place) {
        self.briefing = place.briefing;
        self.entity = place.entity;
        self.nav_row = place.nav_row;
        self.refresh();
        self.story.scroll = place.story_scroll;
        self.story.link = place.story_link;
        self.card.scroll = place.card_scroll;
        self.card.link = place.card_link;
        self.focus_pane(place.focus);
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
                self.show_entity(id);
                self.focus_pane(Pane::Card);
            }
            Target::Briefing(id) => {
                self.open_briefing(id);
                self.focus_pane(Pane::Story);
            }
            Target::Mention(briefing, index) => {
                self.open_briefing(briefing);
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

    /// Shows on the card the entity of the story's focused link.
    fn preview(&mut self) {
        let (Some(briefing), Some(link)) = (self.briefing, self.story.link) else { return };
        if let Some(m) = self.library.mentions(briefing).get(link) {
            self.show_entity(m.entity);
        }
    }

    /// Enter: follow the focused link, or open the navigator's row.
    pub(crate) fn follow(&mut self) {
        match self.focus {
            Pane::Navigator => self.open_row(),
            Pane::Story => {
                let mention = self.briefing.zip(self.story.link).and_then(|(b, l)| self.library.mentions(b).get(l));
                if let Some(m) = mention {
                    self.visit(crate::reader::target::Target::Entity(m.entity));
                }
            }
            Pane::Card => {
                if let Some(link) = self.card.link.and_then(|l| self.card.doc.links.get(l)) {
                    self.visit(link.target);
                }
            }
        }
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
