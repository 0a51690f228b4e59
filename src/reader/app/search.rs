//! The search box: a query over the whole library, results refreshed on every keystroke,
//! Enter to go, Esc to return exactly where the reader was (nothing changes underneath
//! while the box is open).

use super::{App, Overlay, PaneState};
use crate::library::{EntityId, Library};
use crate::reader::action::Action;
use crate::reader::layout;
use crate::reader::preview::preview_doc;
use crate::reader::searcher::{Reply, ResultRow, Ticket};
use crate::reader::target::Target;
use crate::search::{Category, Destination};
use crate::state::State;

/// The open search box.
#[derive(Debug, Default)]
pub struct SearchBox<'l> {
    /// What is typed.
    pub query: String,
    /// Where the cursor is in `query`, in characters.
    pub cursor: usize,
    /// How the shown results read the query (`vice + premier · only person`).
    pub reading: String,
    /// Whether the query names a kind that does not exist.
    pub unknown_kind: bool,
    /// The current results.
    pub rows: Vec<ResultRow<'l>>,
    /// How many matched in all.
    pub total: usize,
    /// Matches per category.
    pub counts: Vec<(Category, usize)>,
    /// The selected row.
    pub selected: usize,
    /// The first visible row.
    pub scroll: usize,
    /// The searcher's ticket for the last query this box sent.
    pub sent: Ticket,
    /// The ticket of the reply shown: replies to earlier tickets (of this box or of a box
    /// closed before it) are dropped.
    pub shown: Ticket,
    /// When set, the box picks the other end of a connection path from this entity.
    pub path_from: Option<EntityId>,
    /// The selected result's preview, laid out when the selection or the width changes.
    pub preview: PaneState,
}

impl SearchBox<'_> {
    /// A box that takes replies only to tickets after `last`, the searcher's newest.
    pub fn opened_after(last: Ticket, path_from: Option<EntityId>) -> Self {
        SearchBox { sent: last, shown: last, path_from, ..SearchBox::default() }
    }

    /// Whether a reply is still due.
    pub fn pending(&self) -> bool {
        self.shown < self.sent
    }

    /// Lays out the selected result's preview for a pane `width` columns wide.
    pub(crate) fn layout_preview(&mut self, library: &Library, width: usize) {
        match self.rows.get(self.selected) {
            Some(row) => self.preview.layout(width, row.destination.clone(), |w, d| preview_doc(library, d, w)),
            None => self.preview.clear(),
        }
    }
}

impl<'l> App<'l> {
    /// `/`: opens the box.
    pub(crate) fn start_search(&mut self) {
        self.overlay = Overlay::Search(Box::new(SearchBox::opened_after(self.searcher.last_ticket(), None)));
    }

    /// `p`: opens the box to pick the entity to connect the card's entity to.
    pub(crate) fn start_path(&mut self) {
        let Some(from) = self.at.entity else {
            self.notice = Some("No entity to start from: open a card first".into());
            return;
        };
        self.overlay = Overlay::Search(Box::new(SearchBox::opened_after(self.searcher.last_ticket(), Some(from))));
    }

    /// Handles an action while the box is open.
    pub(crate) fn update_search(&mut self, action: Action) {
        let page = self.search_page();
        let Overlay::Search(search) = &mut self.overlay else { return };
        let step = |s: &mut SearchBox, delta: isize| {
            s.selected = s.selected.saturating_add_signed(delta).min(s.rows.len().saturating_sub(1));
        };
        match action {
            Action::Type(c) => return self.edit_query(|q, at| insert(q, at, c)),
            Action::Erase => return self.edit_query(erase),
            Action::EraseWord => return self.edit_query(erase_word),
            Action::CursorLeft => search.cursor = search.cursor.saturating_sub(1),
            Action::CursorRight => search.cursor = (search.cursor + 1).min(search.query.chars().count()),
            Action::CursorStart => search.cursor = 0,
            Action::CursorEnd => search.cursor = search.query.chars().count(),
            Action::RecallOlder => return self.recall(true),
            Action::RecallNewer => return self.recall(false),
            Action::Down => step(search, 1),
            Action::Up => step(search, -1),
            Action::PageDown => step(search, page as isize),
            Action::PageUp => step(search, -(page as isize)),
            Action::Submit => return self.go_to_result(),
            Action::Cancel => self.overlay = Overlay::Reading,
            Action::Quit => self.quit = true,
            Action::Tick => self.receive(),
            _ => {}
        }
        self.clamp_search();
    }

    fn search_mut(&mut self) -> Option<&mut SearchBox<'l>> {
        match &mut self.overlay {
            Overlay::Search(search) => Some(search),
            _ => None,
        }
    }

    fn edit_query(&mut self, edit: impl FnOnce(&mut String, &mut usize)) {
        let Some(search) = self.search_mut() else { return };
        edit(&mut search.query, &mut search.cursor);
        self.recent_searches.stop();
        self.send_query();
    }

    pub(super) fn send_query(&mut self) {
        let Overlay::Search(search) = &mut self.overlay else { return };
        let (ticket, reply) = self.searcher.submit(&search.query);
        search.sent = ticket;
        if let Some(reply) = reply {
            self.show(reply);
        }
    }

    /// Takes in the newest background reply.
    pub(crate) fn receive(&mut self) {
        if let Some(reply) = self.searcher.poll() {
            self.show(reply);
        }
    }

    fn show(&mut self, reply: Reply<'l>) {
        let Some(search) = self.search_mut() else { return };
        if reply.ticket <= search.shown || reply.ticket > search.sent {
            return;
        }
        search.shown = reply.ticket;
        search.rows = reply.rows;
        search.total = reply.total;
        search.counts = reply.counts;
        search.reading = reply.reading;
        search.unknown_kind = reply.unknown_kind;
        search.selected = 0;
        search.scroll = 0;
    }

    fn recall(&mut self, older: bool) {
        let Overlay::Search(search) = &mut self.overlay else { return };
        search.query = self.recent_searches.step(older);
        search.cursor = search.query.chars().count();
        self.send_query();
    }

    /// Enter: goes to the selected result, recorded in history.
    fn go_to_result(&mut self) {
        let Overlay::Search(search) = std::mem::take(&mut self.overlay) else { return };
        self.recent_searches.remember(search.query.trim());
        let query = search.query.trim().to_string();
        self.memory.store.change(|s, now| State::remember(&mut s.searches, &query, now));
        let Some(row) = search.rows.get(search.selected) else { return };
        if let (Some(from), Destination::Entity(to)) = (search.path_from, &row.destination) {
            return self.show_path(from, *to);
        }
        match row.destination.clone() {
            Destination::Entity(id) => self.visit(Target::Entity(id)),
            Destination::Briefing(id) => self.visit(Target::Briefing(id)),
            Destination::Sentence(briefing, paragraph, _) => {
                self.visit(Target::Briefing(briefing));
                self.find.query = crate::search::Query::parse(&search.query).find_text();
                self.show_paragraph(paragraph);
            }
        }
    }

    /// Rows of results the box shows.
    pub(crate) fn search_page(&self) -> usize {
        (layout::search_areas(self.area()).list.height as usize).max(1)
    }

    fn clamp_search(&mut self) {
        let page = self.search_page();
        let Some(search) = self.search_mut() else { return };
        search.selected = search.selected.min(search.rows.len().saturating_sub(1));
        if search.selected < search.scroll {
            search.scroll = search.selected;
        } else if search.selected >= search.scroll + page {
            search.scroll = search.selected + 1 - page;
        }
    }
}

/// The byte offset of character `at` of `text` (its end when past it).
fn byte_at(text: &str, at: usize) -> usize {
    text.char_indices().nth(at).map_or(text.len(), |(i, _)| i)
}

/// Types `c` at the cursor.
fn insert(query: &mut String, cursor: &mut usize, c: char) {
    query.insert(byte_at(query, *cursor), c);
    *cursor += 1;
}

/// Deletes the character before the cursor.
fn erase(query: &mut String, cursor: &mut usize) {
    if *cursor > 0 {
        *cursor -= 1;
        query.remove(byte_at(query, *cursor));
    }
}

/// Deletes the word before the cursor, and the spaces after it (Ctrl-W, as in a shell).
fn erase_word(query: &mut String, cursor: &mut usize) {
    let chars: Vec<char> = query.chars().collect();
    let mut start = (*cursor).min(chars.len());
    while start > 0 && chars[start - 1].is_whitespace() {
        start -= 1;
    }
    while start > 0 && !chars[start - 1].is_whitespace() {
        start -= 1;
    }
    query.replace_range(byte_at(query, start)..byte_at(query, *cursor), "");
    *cursor = start;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editing_follows_the_cursor() {
        let (mut q, mut at) = (String::from("jnsen"), 1);
        insert(&mut q, &mut at, 'e');
        assert_eq!((q.as_str(), at), ("jensen", 2));
        erase(&mut q, &mut at);
        assert_eq!((q.as_str(), at), ("jnsen", 1));
        let (mut q, mut at) = (String::from("vice premier  x"), 14);
        erase_word(&mut q, &mut at);
        assert_eq!((q.as_str(), at), ("vice x", 5));
    }
}
