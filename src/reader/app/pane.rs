//! A document pane: its laid-out doc (derived, cached on what it was built from) and the
//! rules that move a [`Spot`] over it — scrolling, stepping through links, and bringing a
//! link, a find match or a paragraph into view with context around it.

use std::any::Any;

use crate::reader::doc::Doc;
use crate::reader::location::Spot;
use crate::reader::target::Target;

/// Lines of context kept above and below a revealed line, where the pane has room (as
/// vim's `scrolloff`).
const SCROLLOFF: usize = 2;

/// A request to bring something into view, resolved after layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reveal {
    /// Focus link `i` and scroll it just into view, with context (Tab).
    Step(usize),
    /// Focus link `i`; if it is off screen, place it about a third down (a jump).
    Jump(usize),
    /// Bring find match `i` into view as a jump.
    Match(usize),
    /// Place paragraph `p` about a third down.
    Paragraph(usize),
    /// Paragraph `p`, with the first find match from there on made current.
    FirstMatchFrom(usize),
    /// Focus the link to this target as a jump (a mention followed from a card).
    Link(Target),
    /// A saved place in the story, put back as soon as the story is laid out, shown or not.
    Place(crate::state::Place),
}

/// A document pane as laid out for the screen.
#[derive(Debug, Default)]
pub struct PaneState {
    /// The document at the current width.
    pub doc: Doc,
    /// Visible rows at the last refresh.
    pub height: usize,
    /// What the doc was laid out from (width and content key), to skip needless work.
    key: Option<(usize, Box<dyn Any>)>,
}

impl PaneState {
    /// Lays the doc out again if the width or the content key changed; returns the doc it
    /// replaced, if it did.
    pub fn layout<K: PartialEq + 'static>(
        &mut self,
        width: usize,
        key: K,
        build: impl FnOnce(usize, &K) -> Doc,
    ) -> Option<Doc> {
        let same = self.key.as_ref().is_some_and(|(w, k)| *w == width && k.downcast_ref::<K>() == Some(&key));
        if same {
            return None;
        }
        let before = std::mem::replace(&mut self.doc, build(width, &key));
        self.key = Some((width, Box::new(key)));
        Some(before)
    }

    /// Empties the pane.
    pub fn clear(&mut self) {
        *self = PaneState { height: self.height, ..PaneState::default() };
    }

    /// The largest useful scroll: the last line at the bottom of the pane.
    pub fn max_scroll(&self) -> usize {
        self.doc.lines.len().saturating_sub(self.height.max(1))
    }

    /// The first visible line for `spot`.
    pub fn scroll(&self, spot: &Spot) -> usize {
        self.doc.line_of(spot.top).min(self.max_scroll())
    }

    /// Keeps `spot` inside the doc: its top on a line that can be first, its link existing.
    /// A focused link that is not drawn at this size (in the dek, under a compact header)
    /// keeps the focus, so it shows again where the header does.
    pub fn clamp(&self, spot: &mut Spot) {
        spot.top = self.doc.anchor_at(self.scroll(spot));
        if spot.link.is_some_and(|l| l >= self.doc.links.len()) {
            spot.link = None;
        }
    }

    fn scroll_to(&self, spot: &mut Spot, line: usize) {
        spot.top = self.doc.anchor_at(line.min(self.max_scroll()));
    }

    /// Scrolls by `delta` lines. A focused link pushed off screen hands the focus to the
    /// nearest link still on it (or none), so the focused link is always one you can see.
    pub fn scroll_by(&self, spot: &mut Spot, delta: isize) {
        self.scroll_to(spot, self.scroll(spot).saturating_add_signed(delta));
        if let Some(link) = spot.link.filter(|&l| !self.link_visible(spot, l)) {
            let visible = self.visible_links(spot);
            spot.link = if link < visible.start { visible.clone().next() } else { visible.clone().last() };
        }
    }

    /// The links whose first line is on screen, as a range of link indexes.
    fn visible_links(&self, spot: &Spot) -> std::ops::Range<usize> {
        let top = self.scroll(spot);
        let links = &self.doc.links;
        let start = links.partition_point(|l| l.line < top);
        let end = links.partition_point(|l| l.line < top + self.height.max(1));
        start..end.max(start)
    }

    /// Whether link `index` starts on a visible line.
    pub fn link_visible(&self, spot: &Spot, index: usize) -> bool {
        self.visible_links(spot).contains(&index)
    }

    /// The link Tab (or Shift-Tab) moves to: the next one after the focused link, or the
    /// first one on screen when the focused link is off screen or there is none.
    pub fn next_link(&self, spot: &Spot, forward: bool) -> Option<usize> {
        let n = self.doc.links.len();
        if n == 0 {
            return None;
        }
        let visible = self.visible_links(spot);
        let focused = spot.link.filter(|&l| visible.contains(&l));
        let first = match (focused, forward) {
            (None, true) => visible.start.min(n - 1),
            (None, false) => visible.end.checked_sub(1).unwrap_or(n - 1),
            (Some(l), true) => (l + 1) % n,
            (Some(l), false) => (l + n - 1) % n,
        };
        // Links that are not drawn are passed by, in the direction of travel.
        let step = |i: usize| if forward { (i + 1) % n } else { (i + n - 1) % n };
        std::iter::successors(Some(first), |&i| Some(step(i))).take(n).find(|&i| self.doc.links[i].shown)
    }

    /// Carries out a reveal request on `spot`.
    pub fn reveal(&self, spot: &mut Spot, reveal: Reveal) {
        let reveal = match reveal {
            Reveal::Link(target) => match self.doc.links.iter().position(|l| l.target == target) {
                Some(i) => Reveal::Jump(i),
                None => return,
            },
            other => other,
        };
        let line = match reveal {
            Reveal::Step(i) | Reveal::Jump(i) => self.doc.links.get(i).map(|l| l.line),
            Reveal::Match(i) => self.doc.marks.get(i).copied(),
            Reveal::Paragraph(p) | Reveal::FirstMatchFrom(p) => self.doc.anchors.get(p).copied(),
            Reveal::Link(_) => None,
            // Put back by the app, which knows the story it is in.
            Reveal::Place(_) => None,
        };
        let Some(line) = line else { return };
        if let Reveal::Step(i) | Reveal::Jump(i) = reveal {
            spot.link = Some(i);
        }
        let top = self.scroll(spot);
        let height = self.height.max(1);
        let off = SCROLLOFF.min(height.saturating_sub(1) / 2);
        let comfortable = top + off <= line && line + off < top + height;
        let new_top = match reveal {
            _ if comfortable => top,
            Reveal::Step(_) if line < top + off => line.saturating_sub(off),
            Reveal::Step(_) => (line + off + 1).saturating_sub(height),
            _ => line.saturating_sub(height / 3),
        };
        self.scroll_to(spot, new_top);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::doc::{DocBuilder, Tone};
    use crate::reader::target::Target;

    /// A pane `height` rows high over 40 one-line paragraphs, each a link.
    fn pane(height: usize) -> PaneState {
        let library = crate::library::bundled::load(Default::default()).unwrap().library;
        let briefing = library.briefing_by_id("beijing-gambit").unwrap();
        let mut b = DocBuilder::new(20);
        for i in 0..40 {
            b.link(&format!("link {i}"), Tone::Jump, Target::Briefing(briefing));
            b.end();
        }
        PaneState { doc: b.finish(), height, key: None }
    }

    #[test]
    fn a_jump_lands_a_third_down_never_on_the_last_row() {
        let pane = pane(12);
        let mut spot = Spot::default();
        pane.reveal(&mut spot, Reveal::Jump(30));
        assert_eq!(pane.scroll(&spot), 26, "line 30 sits on row 4 of 12");
        assert_eq!(spot.link, Some(30));
        pane.reveal(&mut spot, Reveal::Jump(31));
        assert_eq!(pane.scroll(&spot), 26, "already comfortably visible: no scroll");
    }

    #[test]
    fn a_step_scrolls_just_enough_to_keep_context() {
        let pane = pane(10);
        let mut spot = Spot::default();
        pane.reveal(&mut spot, Reveal::Step(8));
        assert_eq!(pane.scroll(&spot), 1, "two lines of context stay below line 8");
        pane.reveal(&mut spot, Reveal::Step(2));
        assert_eq!(pane.scroll(&spot), 0);
    }

    #[test]
    fn tab_after_going_to_the_top_starts_on_screen() {
        let pane = pane(10);
        let mut spot = Spot::default();
        pane.reveal(&mut spot, Reveal::Jump(30));
        pane.scroll_by(&mut spot, -1000);
        assert_eq!(spot.link, Some(9), "the focus stays on screen, on the link nearest where it was");
        spot.link = Some(30);
        assert_eq!(pane.next_link(&spot, true), Some(0), "an off-screen focus is not stepped from");
    }
}
