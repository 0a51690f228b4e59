//! Find in story: a query typed at the bottom, its matches marked in the story, n/N to
//! step through them, earlier queries recalled with Up/Down.

use super::{App, Overlay, Reveal};
use crate::reader::action::{Action, Pane};
use crate::reader::keymap::Context;
use crate::reader::recent::Recent;
use crate::state::State;

/// The find query and where the reader is among its matches.
#[derive(Debug, Clone, Default)]
pub struct Find {
    /// The query; matches are marked while it is non-empty.
    pub query: String,
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
        if self.at.briefing.is_none() {
            self.notice = Some("Open a briefing to find in its story".into());
            return;
        }
        self.overlay = Overlay::Find;
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
                self.overlay = Overlay::Reading;
                self.find.recent.remember(&self.find.query);
                let query = self.find.query.clone();
                self.memory.store.change(|s, now| State::remember(&mut s.finds, &query, now));
            }
            Action::Cancel => {
                self.overlay = Overlay::Reading;
                self.find.clear();
            }
            Action::RecallOlder => self.find.recall(true),
            Action::RecallNewer => self.find.recall(false),
            Action::Quit => self.quit = true,
            _ => return,
        }
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
            let find = self.key_of(Context::Reading, Action::StartFind);
            self.notice = Some(match find {
                Some(key) if self.find.query.is_empty() => format!("No find query: press {key}"),
                None if self.find.query.is_empty() => "No find query".into(),
                _ => "No matches".into(),
            });
            return;
        }
        self.find.current = if forward { (self.find.current + 1) % n } else { (self.find.current + n - 1) % n };
        self.show_match();
    }

    /// Scrolls the story to paragraph `p` and makes the first find match there current.
    pub(crate) fn show_paragraph(&mut self, p: usize) {
        self.request(Pane::Story, Reveal::FirstMatchFrom(p));
    }

    /// Scrolls the story to the current match, once the story is laid out for the query.
    fn show_match(&mut self) {
        self.request(Pane::Story, Reveal::Match(self.find.current));
    }
}
