//! Mouse input: a click focuses the pane under it and follows a link there; the wheel
//! scrolls the pane under the pointer.

use super::App;
use crate::reader::action::Pane;
use crate::reader::layout::{inner, text_area};

/// Lines the wheel scrolls per notch.
const WHEEL_LINES: isize = 3;

impl App<'_> {
    /// A left click at a cell.
    pub(crate) fn click(&mut self, x: u16, y: u16) {
        let layout = self.screen();
        if let Some(tabs) = layout.tabs.filter(|t| t.y == y) {
            let slot = (x.saturating_sub(tabs.x) as usize * Pane::ALL.len()) / tabs.width.max(1) as usize;
            self.focus_pane(Pane::ALL[slot.min(Pane::ALL.len() - 1)]);
            return;
        }
        let Some(pane) = layout.pane_at(x, y) else { return };
        self.focus_pane(pane);
        let Some(area) = layout.pane(pane).map(|r| text_area(pane, r)) else { return };
        if !area.contains((x, y).into()) {
            return;
        }
        let (col, row) = ((x - area.x) as usize, (y - area.y) as usize);
        match pane {
            Pane::Navigator => {
                if self.index.row(self.nav_scroll + row).is_some() {
                    self.select_row(self.nav_scroll + row);
                    self.follow();
                }
            }
            Pane::Story => {
                if let Some(link) = self.story.doc.link_at(self.story.scroll(&self.at.story) + row, col) {
                    self.at.story.link = Some(link);
                    self.follow();
                }
            }
            Pane::Card => {
                if let Some(link) = self.card.doc.link_at(self.card.scroll(&self.at.card) + row, col) {
                    self.at.card.link = Some(link);
                    self.follow();
                }
            }
        }
    }

    /// The wheel over a cell.
    pub(crate) fn wheel(&mut self, x: u16, y: u16, down: bool) {
        let layout = self.screen();
        let delta = if down { WHEEL_LINES } else { -WHEEL_LINES };
        match layout.pane_at(x, y) {
            Some(pane @ (Pane::Story | Pane::Card)) => self.scroll_pane(pane, delta),
            Some(Pane::Navigator) => {
                let height = layout.pane(Pane::Navigator).map_or(1, |r| inner(r).height.max(1) as usize);
                let max = self.index.len().saturating_sub(1);
                self.nav_scroll = self.nav_scroll.saturating_add_signed(delta).min(max);
                self.select_row(self.nav_row().clamp(self.nav_scroll, (self.nav_scroll + height - 1).min(max)));
            }
            None => {}
        }
    }
}
