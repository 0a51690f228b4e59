//! Scroll and link focus of a pane showing a [`Doc`], and its cached layout.

use std::any::Any;

use crate::reader::doc::Doc;

/// A document pane: its laid-out doc, scroll and focused link.
#[derive(Debug, Default)]
pub struct PaneState {
    /// The document at the current width.
    pub doc: Doc,
    /// First visible line.
    pub scroll: usize,
    /// Focused link, by index into the doc's links.
    pub link: Option<usize>,
    /// Visible rows at the last refresh.
    pub height: usize,
    /// What the doc was laid out from (width and content key), to skip needless work.
    key: Option<(usize, Box<dyn Any>)>,
}

impl PaneState {
    /// Lays the doc out again if the width or the content key changed.
    pub fn layout<K: PartialEq + 'static>(&mut self, width: usize, key: K, build: impl FnOnce(usize, &K) -> Doc) {
        let same = self.key.as_ref().is_some_and(|(w, k)| *w == width && k.downcast_ref::<K>() == Some(&key));
        if !same {
            self.doc = build(width, &key);
            self.key = Some((width, Box::new(key)));
        }
    }

    /// Empties the pane.
    pub fn clear(&mut self) {
        *self = PaneState::default();
    }

    /// Resets scroll and focus for new content.
    pub fn reset(&mut self) {
        self.scroll = 0;
        self.link = None;
        self.key = None;
    }

    /// Keeps scroll and focus inside the doc for a pane `height` rows high.
    pub fn clamp(&mut self, height: usize) {
        self.height = height.max(1);
        self.scroll = self.scroll.min(self.max_scroll());
        if self.link.is_some_and(|l| l >= self.doc.links.len()) {
            self.link = None;
        }
    }

    /// The largest useful scroll: the last line at the bottom of the pane.
    pub fn max_scroll(&self) -> usize {
        self.doc.lines.len().saturating_sub(self.height.max(1))
    }

    /// Scrolls by `delta` lines, within range.
    pub fn scroll_by(&mut self, delta: isize) {
        self.scroll = self.scroll.saturating_add_signed(delta).min(self.max_scroll());
    }

    /// Scrolls so `line` is visible, with a line of context where there is room.
    pub fn show_line(&mut self, line: usize) {
        if line < self.scroll + 1 {
            self.scroll = line.saturating_sub(1);
        } else if line + 2 > self.scroll + self.height {
            self.scroll = (line + 2).saturating_sub(self.height);
        }
        self.scroll = self.scroll.min(self.max_scroll());
    }

    /// Focuses the next (or previous) link, wrapping around, and brings it into view.
    pub fn step_link(&mut self, forward: bool) {
        let n = self.doc.links.len();
        if n == 0 {
            return;
        }
        let visible_first = self.doc.links.iter().position(|l| l.line >= self.scroll).unwrap_or(0);
        let next = match (self.link, forward) {
            (None, true) => visible_first,
            (None, false) => visible_first.checked_sub(1).unwrap_or(n - 1),
            (Some(l), true) => (l + 1) % n,
            (Some(l), false) => (l + n - 1) % n,
        };
        self.focus_link(next);
    }

    /// Focuses link `index` and brings it into view.
    pub fn focus_link(&mut self, index: usize) {
        if let Some(link) = self.doc.links.get(index) {
            self.link = Some(index);
            let line = link.line;
            self.show_line(line);
        }
    }
}
