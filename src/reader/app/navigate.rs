//! Moving around: following links, history, pane focus, scrolling.

use super::{App, Reveal};
use crate::library::{BriefingId, EntityId};
use crate::reader::action::{Action, Pane};
use crate::reader::keymap::Context;
use crate::reader::layout::Mode;
use crate::reader::location::{Location, Spot};
use crate::reader::navigator::{Row, RowId, Saved};
use crate::reader::target::Target;
use crate::reader::views::{View, ViewKind};

impl App<'_> {
    /// Puts a recorded location back. Anchors are by content, so it reads the same even
    /// if the width changed since. A scroll request left waiting goes with the place
    /// left (see [`App::leave`]): the restored place is put back exactly as it was.
    fn restore(&mut self, at: Location) {
        self.at = at;
        self.reveal = None;
        // A place read with the library in view shows it again.
        if at.focus == Pane::Navigator {
            self.library_shown = true;
        }
    }

    /// Goes to a target, recording where we were.
    pub(crate) fn visit(&mut self, target: Target) {
        self.leave();
        self.go(target);
    }

    /// Records the current place in history before going somewhere new. A scroll
    /// request still waiting for its pane to be drawn (the terminal too small) was made
    /// for the place left, so it is dropped: carried out later it would scroll, and focus
    /// a link of, a document it was never meant for.
    fn leave(&mut self) {
        self.history.visit(self.at);
        self.reveal = None;
    }

    /// Shows a target without touching history.
    pub(crate) fn go(&mut self, target: Target) {
        match target {
            Target::Entity(id) => {
                if self.at.briefing.is_none() {
                    self.at.briefing = self.library.entity(id).briefings.first().copied();
                }
                self.show_entity(id);
                self.focus_pane(Pane::Card);
            }
            Target::Briefing(id) => {
                let was = (self.at.briefing, self.at.view);
                self.open_briefing(id);
                self.show_main(View::Story);
                if was != (Some(id), View::Story) {
                    self.reopen_place(id);
                }
                self.focus_pane(Pane::Story);
            }
            Target::Mention(briefing, index) => {
                self.open_briefing(briefing);
                self.show_main(View::Story);
                self.at.story.link = None;
                self.request(Pane::Story, Reveal::Link(target));
                if let Some(m) = self.library.mentions(briefing).get(index) {
                    self.show_entity(m.entity);
                }
                self.focus_pane(Pane::Story);
            }
        }
    }

    fn open_briefing(&mut self, id: BriefingId) {
        if self.at.briefing != Some(id) {
            self.at.briefing = Some(id);
            self.at.story = Spot::default();
        }
        self.at.nav = RowId::Briefing(id);
    }

    /// Puts `view` in the main pane, from its top when it is a different one.
    fn show_main(&mut self, view: View) {
        if self.at.view != view {
            self.at.view = view;
            self.at.story = Spot::default();
        }
    }

    fn show_entity(&mut self, id: EntityId) {
        if self.at.entity != Some(id) {
            self.at.entity = Some(id);
            self.at.card = Spot::default();
        }
    }

    /// Shows on the card the entity of the main pane's focused link.
    fn preview(&mut self) {
        if let Some(entity) = self.story_link_entity() {
            self.show_entity(entity);
        }
    }

    /// The entity the main pane's focused link is about.
    pub(super) fn story_link_entity(&self) -> Option<EntityId> {
        match self.story.doc.links.get(self.at.story.link?)?.target {
            Target::Entity(e) => Some(e),
            Target::Mention(b, m) => self.library.mentions(b).get(m).map(|m| m.entity),
            Target::Briefing(_) => None,
        }
    }

    /// Enter: follow the focused link, or open the navigator's row.
    pub(crate) fn follow(&mut self) {
        match self.at.focus {
            Pane::Navigator => self.open_row(),
            Pane::Story => self.follow_in_main(),
            Pane::Card => {
                if let Some(link) = self.at.card.link.and_then(|l| self.card.doc.links.get(l)) {
                    self.visit(link.target);
                }
            }
        }
    }

    /// Enter in the main pane: a mention opens its card; in the relation map a node
    /// becomes the new root, recorded in history (Back returns to the old root with the
    /// node focused), and Enter on the root itself opens its card.
    fn follow_in_main(&mut self) {
        let Some(entity) = self.story_link_entity() else { return };
        match self.at.view {
            View::Map(root) if root != entity => {
                self.leave();
                self.at.view = View::Map(entity);
                self.show_entity(entity);
                self.at.story = Spot { link: Some(0), ..Spot::default() };
            }
            _ => self.visit(Target::Entity(entity)),
        }
    }

    /// Switches the main pane to a view, recorded in history.
    pub(crate) fn show_view(&mut self, kind: ViewKind) {
        let Some(view) = View::of(kind, self.at.briefing, self.at.entity) else {
            let tab = self.key_of(Context::Reading, Action::NextLink).unwrap_or_else(|| "Go".into());
            self.notice = Some(format!("No entity for this view: {tab} to a mention or open one first"));
            return;
        };
        if view != self.at.view {
            self.leave();
            self.show_main(view);
            // The map opens with its root focused, so Tab walks on from the root.
            if let View::Map(_) = view {
                self.at.story.link = Some(0);
            }
            if let (View::Story, Some(b)) = (view, self.at.briefing) {
                self.reopen_place(b);
            }
        }
        self.focus_pane(Pane::Story);
    }

    /// Opens the path view between two entities, recorded in history.
    pub(crate) fn show_path(&mut self, from: EntityId, to: EntityId) {
        self.leave();
        self.show_main(View::Path(from, to));
        self.focus_pane(Pane::Story);
    }

    fn open_row(&mut self) {
        match self.index.row(self.nav_row()) {
            Some(Row::Briefing(id)) => self.visit(Target::Briefing(id)),
            Some(Row::Entity(id)) => self.visit(Target::Entity(id)),
            Some(Row::Group(kind, _, _)) => self.index.toggle(kind),
            Some(Row::Saved(Saved::Briefing(b))) => self.visit(Target::Briefing(b)),
            Some(Row::Saved(Saved::Entity(e))) => self.visit(Target::Entity(e)),
            Some(Row::Saved(Saved::Paragraph(b, p))) => {
                self.visit(Target::Briefing(b));
                self.request(Pane::Story, Reveal::Paragraph(p));
            }
            Some(Row::Briefings(_) | Row::Bookmarks(_)) | None => {}
        }
    }

    /// Back in history.
    pub(crate) fn back(&mut self) {
        match self.history.back(self.at) {
            Some(place) => self.restore(place),
            None => self.notice = Some("Nothing further back".into()),
        }
    }

    /// Forward in history.
    pub(crate) fn forward(&mut self) {
        match self.history.forward(self.at) {
            Some(place) => self.restore(place),
            None => self.notice = Some("Nothing further forward".into()),
        }
    }

    /// Gives a pane the keyboard; in medium mode the story or navigator takes the left.
    /// Focusing the library shows it if it was hidden.
    pub(crate) fn focus_pane(&mut self, pane: Pane) {
        self.at.focus = pane;
        if pane != Pane::Card {
            self.at.left = pane;
        }
        if pane == Pane::Navigator {
            self.library_shown = true;
        }
    }

    /// Shows or hides the library pane: in the wide layout the story and card then share
    /// its columns; with fewer panes the story takes its place.
    pub(crate) fn toggle_library(&mut self) {
        let shown = match self.screen().mode {
            Mode::Wide => self.library_shown,
            _ => self.screen().pane(Pane::Navigator).is_some(),
        };
        if shown {
            self.library_shown = false;
            if self.at.left == Pane::Navigator {
                self.at.left = Pane::Story;
            }
            if self.at.focus == Pane::Navigator {
                self.at.focus = Pane::Story;
            }
        } else {
            self.focus_pane(Pane::Navigator);
        }
        let key = self.key_of(Context::Reading, Action::ToggleLibrary).map(|k| format!(" ({k} shows it again)"));
        self.notice =
            (shown && self.screen().mode == Mode::Wide).then(|| format!("Library hidden{}", key.unwrap_or_default()));
    }

    /// Releases or captures the mouse, saying which and what it is for.
    pub(crate) fn toggle_mouse(&mut self) {
        self.mouse = !self.mouse;
        self.notice = Some(if self.mouse {
            "Mouse captured: click links, scroll panes".to_string()
        } else {
            let key = self.key_of(Context::Reading, Action::ToggleMouse).map(|k| format!(" ({k} captures it again)"));
            format!("Mouse released: the terminal selects text{}", key.unwrap_or_default())
        });
    }

    /// Focuses the next pane, among those that make sense to show.
    pub(crate) fn next_pane(&mut self) {
        let panes: Vec<Pane> = match self.screen().mode {
            Mode::Medium => vec![self.at.left, Pane::Card],
            Mode::Wide if !self.library_shown => vec![Pane::Story, Pane::Card],
            _ => Pane::ALL.to_vec(),
        };
        let at = panes.iter().position(|&p| p == self.at.focus).unwrap_or(0);
        self.focus_pane(panes[(at + 1) % panes.len()]);
    }

    /// Tab / Shift-Tab in the focused pane; in the story the card follows the focus.
    pub(crate) fn step_link(&mut self, forward: bool) {
        let pane = self.at.focus;
        let next = match pane {
            Pane::Story => self.story.next_link(&self.at.story, forward),
            Pane::Card => self.card.next_link(&self.at.card, forward),
            Pane::Navigator => None,
        };
        let Some(next) = next else { return };
        match pane {
            Pane::Story => self.at.story.link = Some(next),
            _ => self.at.card.link = Some(next),
        }
        self.request(pane, Reveal::Step(next));
        if pane == Pane::Story {
            self.preview();
        }
    }

    /// Scrolls the focused pane (or moves the navigator's selection).
    pub(crate) fn scroll_by(&mut self, delta: isize) {
        self.scroll_pane(self.at.focus, delta);
    }

    /// Scrolls `pane` by `delta` lines (the navigator: moves its selection).
    pub(crate) fn scroll_pane(&mut self, pane: Pane, delta: isize) {
        match pane {
            Pane::Story => self.story.scroll_by(&mut self.at.story, delta),
            Pane::Card => self.card.scroll_by(&mut self.at.card, delta),
            Pane::Navigator => {
                let last = self.index.len().saturating_sub(1);
                self.select_row(self.nav_row().saturating_add_signed(delta).min(last));
            }
        }
    }

    /// Selects the navigator's row at `index`.
    pub(crate) fn select_row(&mut self, index: usize) {
        if let Some(row) = self.index.row(index.min(self.index.len().saturating_sub(1))) {
            self.at.nav = row.id();
        }
    }

    /// Keeps the navigator's selection visible in `height` rows.
    pub(crate) fn clamp_navigator(&mut self, height: usize) {
        let height = height.max(1);
        let row = self.nav_row();
        if row < self.nav_scroll {
            self.nav_scroll = row;
        } else if row >= self.nav_scroll + height {
            self.nav_scroll = row + 1 - height;
        }
        self.nav_scroll = self.nav_scroll.min(self.index.len().saturating_sub(height));
    }
}
