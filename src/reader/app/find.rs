//! Find in story: a query typed at the bottom, its matches marked in the story, n/N to
//! step through them, earlier queries recalled with Up/Down.

use super::App;
use crate::reader::action::{Action, Pane};
use crate::reader::recent::Recent;

/// The find query and where the reader is among its matches.
#[derive(Debug, Clone, Default)]
pub struct Find {
    /// The query; matches are marked while it is non-empty.
    pub query: String,
    /// Whether the query line has the keyboard.
    pub editing: bool,
    /// The current match, by index into the story doc's marks.
    pub current: usize,
    /// Matches in the story at the last refresh.
    pub count: usize,
    /// Earlier queries.
    pub recent: Recent,
}

impl Find {
    /// Drops the query and its highlights.
    pub fn clear(&mut self) {
        self.query.clear();
        self.editing = false;
        self.current = 0;
        self.recent.stop();
    }

    /// Keeps the current match in range of `count` matches.
    pub fn clamp(&mut self, count: usize) {
        self.count = count;
        if self.current >= count {
            self.current = 0;
        }
    }

    fn recall(&mut self, older: bool) {
        self.query = self.recent.step(older);
    }
}

impl App<'_> {
    /// Opens the query line (keeping the last query to edit).
    pub(crate) fn start_find(&mut self) {
        if self.briefing.is_none() {
            self.notice = Some("Open a briefing to find in its story".into());
            return;
        }
        self.find.editing = true;
        self.focus_pane(Pane::Story);
    }

    /// Handles a key while the query line is open.
    pub(crate) fn update_find(&mut self, action: Action) {
        match action {
            Action::Type(c) => self.set_query(|q| q.push(c)),
            Action::Erase => self.set_query(|q| {
                q.pop();
            }),
            Action::Submit => {
                self.find.editing = false;
                self.find.recent.remember(&self.find.query);
            }
            Action::Cancel => self.find.clear(),
            Action::RecallOlder => self.find.recall(true),
            Action::RecallNewer => self.find.recall(false),
            Action::Resize(w, h) => self.size = (w, h),
            Action::Quit => self.quit = true,
            _ => {}
        }
        self.refresh();
        self.show_match();
    }

    fn set_query(&mut self, edit: impl FnOnce(&mut String)) {
        edit(&mut self.find.query);
        self.find.current = 0;
    }

    /// n / N: the next or previous match, wrapping around.
    pub(crate) fn find_step(&mut self, forward: bool) {
        let n = self.story.doc.marks.len();
        if n == 0 {
            self.notice =
                Some(if self.find.query.is_empty() { "No find query: press f".into() } else { "No matches".into() });
            return;
        }
        self.find.current = if forward { (self.find.current + 1) % n } else { (self.find.current + n - 1) % n };
        self.show_match();
    }

    /// Scrolls the story to paragraph `p` and makes the first find match there current.
    pub(crate) fn show_paragraph(&mut self, p: usize) {
        let Some(&line) = self.story.doc.anchors.get(p) else { return };
        self.story.scroll = line.saturating_sub(1).min(self.story.max_scroll());
        let marks = &self.story.doc.marks;
        self.find.current = marks.iter().position(|&l| l >= line).unwrap_or(0);
    }

    /// Scrolls the story to the current match.
    fn show_match(&mut self) {
        if let Some(&line) = self.story.doc.marks.get(self.find.current) {
            self.story.show_line(line);
        }
    }
}
