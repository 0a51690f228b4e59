//! The reader's state and the one function that changes it, [`App::update`]. Drawing
//! reads this state and nothing else.
//!
//! State has one home: where the reader is lives in [`App::at`], a [`Location`];
//! the laid-out documents in [`App::story`] and [`App::card`] are derived from it and the
//! library, and rebuilt by [`App::refresh`] whenever what they show or their width changes.
//! Scrolling a link or match into view is a request ([`Reveal`]) that `refresh` resolves
//! after laying out, so it always measures the layout that will be drawn.

mod carry;
mod copy;
mod find;
mod memory;
mod mouse;
mod navigate;
mod pane;
mod search;
#[cfg(test)]
mod tests;

use ratatui::layout::Rect;

pub use self::carry::Carried;
pub use self::copy::Clip;
pub use self::find::Find;
pub use self::memory::Memory;
pub use self::pane::{PaneState, Reveal};
pub use self::search::SearchBox;
use super::action::{Action, Pane};
use super::effect::Effect;
use super::help;
use super::history::History;
use super::keymap::{Context, Keymap};
use super::layout::{self, Arrange, Screen};
use super::location::Location;
use super::navigator::Index;
use super::recent::Recent;
use super::searcher::Searcher;
use super::story::Header;
use super::target::Target;
use super::theme::Theme;
use super::views::{View, view_doc};
use crate::config::Key;
use crate::library::{BriefingId, Diagnostic, EntityId, Library};
use crate::state::Store;

/// A story pane with fewer text rows than this gets the compact header.
const COMPACT_BELOW: u16 = 30;

/// Half a page of `page` rows, at least one row, as less and vim move with Ctrl-d.
fn half(page: usize) -> usize {
    (page / 2).max(1)
}

/// How much of the story's header fits on `screen`: see [`App::header`].
fn header_of(screen: &Screen) -> Header {
    let rows = screen.pane(Pane::Story).map_or(0, |r| layout::inner(r).height);
    if rows < COMPACT_BELOW { Header::Compact } else { Header::Full }
}

/// What has the keyboard on top of the panes. One value, so two overlays can never be
/// open at once.
#[derive(Debug, Default)]
pub enum Overlay<'l> {
    /// Nothing: the panes have the keyboard.
    #[default]
    Reading,
    /// The key help, scrolled by this many rows.
    Help(usize),
    /// The find-in-story query line.
    Find,
    /// The search box (boxed: it holds its results and preview).
    Search(Box<SearchBox<'l>>),
}

/// Everything the reader shows, for one library.
pub struct App<'l> {
    /// The library being read.
    pub library: &'l Library,
    /// Terminal size in columns and rows.
    pub size: (u16, u16),
    /// Where the reader is.
    pub at: Location,
    /// The main pane's document, laid out for `at`.
    pub story: PaneState,
    /// The card's document, laid out for `at`.
    pub card: PaneState,
    /// The library index.
    pub index: Index,
    /// The navigator's first visible row.
    pub nav_scroll: usize,
    /// What has the keyboard on top of the panes.
    pub overlay: Overlay<'l>,
    /// Find-in-story state.
    pub find: Find,
    /// Back and forward.
    pub history: History,
    /// Whether the mouse is captured.
    pub mouse: bool,
    /// Whether the terminal draws hyperlinks (OSC 8): the source's address is then one.
    /// Off unless the event loop finds a terminal that does, so text renderings are plain.
    pub hyperlinks: bool,
    /// Whether the wide layout shows the library pane (hidden, the story and card share
    /// the width).
    pub library_shown: bool,
    /// Set when the user asked to quit.
    pub quit: bool,
    /// A one-line notice for the status bar ("no more history").
    pub notice: Option<String>,
    /// Colours, or none.
    pub theme: Theme,
    /// The key table in force: the defaults with the configuration merged over them.
    pub keys: Keymap,
    /// The keys of a sequence typed so far (`g` of `g g`), shown in the status bar.
    pub pending: Vec<Key>,
    /// The search engine, inline or on a worker thread.
    pub searcher: Searcher<'l>,
    /// Earlier search queries, oldest first.
    pub recent_searches: Recent,
    /// What the reader remembers between runs.
    pub memory: Memory,
    /// What the last reload of the content directory found wrong, shown in a panel
    /// while the last good library stays on screen; empty when it loaded (or none ran).
    pub problems: Vec<Diagnostic>,
    /// A scroll request for a pane, resolved by `refresh` once that pane is laid out on screen.
    reveal: Option<(Pane, Reveal)>,
    /// Requests for the event loop (copy, open), taken by [`App::take_effects`].
    effects: Vec<Effect>,
}

impl<'l> App<'l> {
    /// A reader on `library` at `size`, opened on `open` or, with one briefing, its story.
    /// It remembers nothing between runs: see [`App::remembering`].
    pub fn new(library: &'l Library, size: (u16, u16), open: Option<Target>) -> Self {
        App::remembering(library, size, open, Store::off())
    }

    /// A reader as [`App::new`] makes one, remembering in `store`: with no `open`, it
    /// reopens the last place read, if that briefing is still in the library.
    pub fn remembering(library: &'l Library, size: (u16, u16), open: Option<Target>, store: Store) -> Self {
        let memory = Memory::new(library, store);
        let (finds, searches) = memory.histories();
        let mut app = App {
            library,
            size,
            at: Location::default(),
            story: PaneState::default(),
            card: PaneState::default(),
            index: Index::new(library, None),
            nav_scroll: 0,
            overlay: Overlay::Reading,
            find: Find::default(),
            history: History::default(),
            mouse: true,
            library_shown: true,
            hyperlinks: false,
            quit: false,
            notice: None,
            theme: Theme::from_env(),
            keys: Keymap::defaults(),
            pending: Vec::new(),
            searcher: Searcher::new(library),
            recent_searches: Recent::from_queries(searches),
            memory,
            problems: Vec::new(),
            reveal: None,
            effects: Vec::new(),
        };
        app.find.recent = Recent::from_queries(finds);
        app.show_bookmarks();
        // The last place read, or else the newest story (with one briefing, the only
        // one); an `--open` target opens over the newest.
        let resumed = open.is_none() && app.resume();
        if let Some(newest) = app.index.newest().filter(|_| !resumed) {
            app.go(Target::Briefing(newest));
        }
        if let Some(target) = open {
            let target = app.starting_at(target);
            app.go(target);
        }
        app.refresh();
        if app.record() {
            app.refresh();
        }
        app.notice = app.memory.store.take_notice().or_else(|| app.first_run_hint());
        app
    }

    /// The one line a first run opens with, pointing to the help.
    fn first_run_hint(&self) -> Option<String> {
        let help = self.key_of(Context::Reading, Action::ToggleHelp).filter(|_| self.memory.first_visit)?;
        let tab = self.key_of(Context::Reading, Action::NextLink).map(|k| format!("; {k} moves between links"));
        Some(format!("New here? {help} lists every key{}", tab.unwrap_or_default()))
    }

    /// Goes to `target` as a followed link does, recorded in history.
    pub fn open(&mut self, target: Target) {
        self.visit(target);
        self.refresh();
    }

    /// An entity opened at start-up is shown beside a story that mentions it: the newest
    /// of its briefings, unless the one already open mentions it.
    fn starting_at(&mut self, target: Target) -> Target {
        if let Target::Entity(e) = target {
            let briefings = &self.library.entity(e).briefings;
            if self.at.briefing.is_none_or(|b| !briefings.contains(&b)) {
                self.at.briefing = self.index.newest_of(briefings);
                self.at.story = Default::default();
                if let Some(b) = self.at.briefing {
                    self.reopen_place(b);
                }
            }
        }
        target
    }

    /// The screen layout for the current size and focus.
    pub fn screen(&self) -> Screen {
        layout::screen(self.area(), self.arrange())
    }

    /// What the layout depends on besides the size.
    fn arrange(&self) -> Arrange {
        Arrange {
            focus: self.at.focus,
            left: self.at.left,
            library: self.library_shown,
            library_width: self.index.widest(),
            preview: self.strip_entity().is_some(),
            problems: self.problems.len(),
        }
    }

    /// Whether a status-bar hint for `actions` does something here: a view's key only
    /// where that view has something to show and is not already shown, the path key
    /// only with an entity on the card.
    pub fn hint_applies(&self, actions: &[Action]) -> bool {
        match actions {
            [Action::ShowView(kind)] => View::of(*kind, self.at.briefing, self.at.entity)
                .is_some_and(|v| v != self.at.view && v.has_content(self.library)),
            [Action::StartPath] => self.at.entity.is_some(),
            _ => true,
        }
    }

    /// The entity the one-pane layout previews under the story: the focused link's.
    pub fn strip_entity(&self) -> Option<EntityId> {
        if self.at.focus != Pane::Story {
            return None;
        }
        self.story_link_entity()
    }

    /// The whole terminal.
    pub fn area(&self) -> Rect {
        Rect::new(0, 0, self.size.0, self.size.1)
    }

    /// The search box, while it is open.
    pub fn search(&self) -> Option<&SearchBox<'l>> {
        match &self.overlay {
            Overlay::Search(search) => Some(search),
            _ => None,
        }
    }

    /// The help's scroll, while it is open.
    pub fn help(&self) -> Option<usize> {
        match self.overlay {
            Overlay::Help(scroll) => Some(scroll),
            _ => None,
        }
    }

    /// Whether the find query line has the keyboard.
    pub fn finding(&self) -> bool {
        matches!(self.overlay, Overlay::Find)
    }

    /// The navigator's selected row, found from the selection's identity.
    pub fn nav_row(&self) -> usize {
        self.index.position(self.at.nav)
    }

    /// The first key for `action` in `context` (or else anywhere), as the help writes it:
    /// messages name the keys as configured.
    pub fn key_of(&self, context: Context, action: Action) -> Option<String> {
        self.keys.key_for(&[context, Context::Global], action)
    }

    /// The key contexts in force, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        match self.overlay {
            Overlay::Help(_) => vec![Context::Help],
            Overlay::Find => vec![Context::Find],
            Overlay::Search(_) => vec![Context::Search],
            Overlay::Reading => match self.at.focus {
                Pane::Navigator => vec![Context::Navigator, Context::Global],
                Pane::Story | Pane::Card => vec![Context::Reading, Context::Global],
            },
        }
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        // A resize or a timer tick is not the user turning to something else: the notice
        // stays (the first frame's resize must not hide a start-up notice).
        if !matches!(action, Action::Resize(..) | Action::Tick) {
            self.notice = None;
        }
        if let Action::Resize(w, h) = action {
            self.size = (w, h);
        }
        match action {
            Action::Prefix(key) => return self.pending.push(key),
            Action::Resize(..) | Action::Tick => {}
            _ => self.pending.clear(),
        }
        match self.overlay {
            Overlay::Help(scroll) => self.update_help(scroll, action),
            Overlay::Find => self.update_find(action),
            Overlay::Search(_) => self.update_search(action),
            Overlay::Reading => self.update_reading(action),
        }
        self.refresh();
        // A briefing just opened or read to the end is no longer unread on the card.
        if self.record() {
            self.refresh();
        }
        if let Some(notice) = self.memory.store.take_notice() {
            self.notice = Some(notice);
        }
    }

    fn update_help(&mut self, scroll: usize, action: Action) {
        let page = self.help_rows();
        let max = self.help_max_scroll();
        let scroll = match action {
            Action::ToggleHelp | Action::Cancel => return self.overlay = Overlay::Reading,
            Action::Quit => {
                self.quit = true;
                return self.overlay = Overlay::Reading;
            }
            Action::Down => scroll + 1,
            Action::Up => scroll.saturating_sub(1),
            Action::PageDown => scroll + page,
            Action::PageUp => scroll.saturating_sub(page),
            Action::HalfPageDown => scroll + half(page),
            Action::HalfPageUp => scroll.saturating_sub(half(page)),
            Action::Top => 0,
            Action::Bottom => max,
            _ => scroll,
        };
        self.overlay = Overlay::Help(scroll.min(max));
    }

    /// Rows of help text the overlay shows at the current size.
    pub fn help_rows(&self) -> usize {
        layout::inner(layout::help_area(self.area())).height as usize
    }

    /// The largest useful scroll of the help at the current size: its last row at the bottom.
    pub fn help_max_scroll(&self) -> usize {
        help::rows(&self.keys).len().saturating_sub(self.help_rows())
    }

    fn update_reading(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::ToggleHelp => self.overlay = Overlay::Help(0),
            Action::NextLink => self.step_link(true),
            Action::PrevLink => self.step_link(false),
            Action::Follow => self.follow(),
            Action::Down => self.scroll_by(1),
            Action::Up => self.scroll_by(-1),
            Action::PageDown => self.scroll_by(self.page() as isize),
            Action::PageUp => self.scroll_by(-(self.page() as isize)),
            Action::HalfPageDown => self.scroll_by(half(self.page()) as isize),
            Action::HalfPageUp => self.scroll_by(-(half(self.page()) as isize)),
            Action::Top => self.scroll_by(isize::MIN / 2),
            Action::Bottom => self.scroll_by(isize::MAX / 2),
            Action::Back => self.back(),
            Action::Forward => self.forward(),
            Action::Focus(pane) => self.focus_pane(pane),
            Action::NextPane => self.next_pane(),
            Action::ToggleMouse => self.toggle_mouse(),
            Action::ToggleLibrary => self.toggle_library(),
            Action::Copy => self.copy(),
            Action::OpenSource => self.open_source(),
            Action::StartFind => self.start_find(),
            Action::FindNext => self.find_step(true),
            Action::FindPrev => self.find_step(false),
            Action::Cancel => self.find.clear(),
            Action::Click(x, y) => self.click(x, y),
            Action::Wheel(x, y, down) => self.wheel(x, y, down),
            Action::StartSearch => self.start_search(),
            Action::ShowView(kind) => self.show_view(kind),
            Action::StartPath => self.start_path(),
            Action::ToggleEntityScope => self.toggle_entity_scope(),
            Action::ToggleBookmark => self.toggle_bookmark(),
            Action::Resize(..)
            | Action::Tick
            | Action::Suspend
            | Action::Type(_)
            | Action::Erase
            | Action::EraseWord
            | Action::CursorLeft
            | Action::CursorRight
            | Action::CursorStart
            | Action::CursorEnd
            | Action::Submit
            | Action::RecallOlder
            | Action::RecallNewer
            | Action::Prefix(_)
            | Action::Unbound => {}
        }
    }

    /// Text rows of a pane's inner area: one page.
    fn page(&self) -> usize {
        let screen = self.screen();
        screen.pane(self.at.focus).map_or(1, |r| layout::inner(r).height.max(1) as usize)
    }

    /// Lists the open briefing's entities in the navigator, or the whole library's.
    fn toggle_entity_scope(&mut self) {
        let only = match self.index.only() {
            Some(_) => None,
            None => self.at.briefing,
        };
        self.index = Index::new(self.library, only);
        self.show_bookmarks();
        let key = self.key_of(Context::Navigator, Action::ToggleEntityScope).map(|k| format!("{k}: "));
        let key = key.unwrap_or_default();
        self.notice = Some(match only {
            Some(_) => format!("Library: entities of this briefing ({key}all)"),
            None => format!("Library: entities of the whole archive ({key}this briefing)"),
        });
    }

    /// Asks for `reveal` in `pane` once it is laid out; the newest request wins.
    pub(crate) fn request(&mut self, pane: Pane, reveal: Reveal) {
        self.reveal = Some((pane, reveal));
    }

    /// Lays out what changed, keeps every index in range, then resolves the pending
    /// scroll request against the layout that will be drawn.
    fn refresh(&mut self) {
        self.settle_layout();
        self.find.clamp(self.story.doc.marks.len());
        let preview = layout::search_areas(self.area()).preview.map(layout::inner);
        if let Overlay::Search(search) = &mut self.overlay {
            search.layout_preview(self.library, preview.map_or(1, |r| r.width.max(1) as usize));
        }
        if let Some((pane, reveal)) = self.reveal.take() {
            let now = self.screen().pane(pane).is_some() || matches!(reveal, Reveal::Place(_));
            if now { self.resolve(pane, reveal) } else { self.reveal = Some((pane, reveal)) }
        }
        // A resolved request may have focused a link with an entity to preview, which
        // gives the story fewer rows.
        let screen = self.settle_layout();
        self.story.clamp(&mut self.at.story);
        self.card.clamp(&mut self.at.card);
        for pane in [Pane::Story, Pane::Card] {
            if screen.pane(pane).is_some() {
                self.keep_focus_visible(pane);
            }
        }
        if self.index.only().is_some_and(|b| Some(b) != self.at.briefing) {
            self.index = Index::new(self.library, self.at.briefing);
            self.show_bookmarks();
        }
        // A hidden navigator keeps its scroll: showing it again shows what it showed.
        if let Some(rect) = screen.pane(Pane::Navigator) {
            self.clamp_navigator(layout::inner(rect).height as usize);
        }
    }

    /// Lays the documents out for the screen and returns that screen. The screen depends
    /// on the documents in turn (the one-pane layout's preview strip, under the story,
    /// shows the entity of the main document's focused link, and takes rows from it), so
    /// the layout is redone until the screen the documents give is the one they were laid
    /// out for: each pane's rows are then the rows that will be drawn. A second pass is
    /// the most it takes (the strip changes only rows, and a document laid out at another
    /// height has the same links); the bound is a guard.
    fn settle_layout(&mut self) -> Screen {
        let mut screen = self.screen();
        for _ in 0..3 {
            self.lay_out(&screen);
            let now = self.screen();
            if now == screen {
                break;
            }
            screen = now;
        }
        screen
    }

    /// Lays both documents out for `screen`, each at its pane's width and rows.
    fn lay_out(&mut self, screen: &Screen) {
        let columns = self.size.0;
        // A hidden pane is laid out at the full width, one row high; its spot is by
        // content, so it reads right again once the pane is shown.
        let size = |pane| {
            let inner = screen.pane(pane).map(|r| layout::text_area(pane, r));
            (inner.map_or(columns, |r| r.width).max(1) as usize, inner.map_or(1, |r| r.height).max(1) as usize)
        };
        let (story, card) = (size(Pane::Story), size(Pane::Card));
        self.layout_main(story.0, header_of(screen));
        self.layout_card(card.0);
        self.story.height = story.1;
        self.card.height = card.1;
    }

    /// How much of the story's header fits: all of it in a tall pane, the headline alone
    /// in a short one (so the text starts by the fifth row of an 80×24 terminal).
    pub fn header(&self) -> Header {
        header_of(&self.screen())
    }

    fn layout_main(&mut self, width: usize, header: Header) {
        let library = self.library;
        match (self.at.view, self.at.briefing) {
            (View::Story, Some(b)) => {
                type Key = (View, Option<BriefingId>, String, Header);
                let key: Key = (View::Story, Some(b), self.find.query.clone(), header);
                self.story.layout(width, key, |w, k| super::story::story_doc(library, b, w, &k.2, k.3));
            }
            (View::Story, None) => self.story.clear(),
            // A view is laid out from what it names alone, never from the card's entity:
            // previewing a link on the card leaves it as it is.
            (view, briefing) => {
                let key = (view, briefing, String::new(), None::<EntityId>);
                self.story.layout(width, key, |w, _| view_doc(library, view, w));
            }
        }
    }

    /// Lays out the card, keyed on its entity and how the reader stands with each briefing
    /// that mentions it (the card marks those not read yet).
    fn layout_card(&mut self, width: usize) {
        let Some(e) = self.at.entity else { return self.card.clear() };
        let (library, memory) = (self.library, &self.memory);
        let standing = |b| memory.standing(library, b);
        let reads: Vec<_> = library.entity(e).briefings.iter().map(|&b| standing(b)).collect();
        self.card.layout(width, (e, reads), |w, (e, _)| super::card::card_doc(library, *e, w, Some(&standing)));
    }

    /// Resolves a scroll request in a pane that is on screen.
    fn resolve(&mut self, pane: Pane, reveal: Reveal) {
        if let (Reveal::Place(place), View::Story, Some(b)) = (reveal, self.at.view, self.at.briefing) {
            self.at.story = super::place::spot_of(self.library, b, &self.story.doc, place);
            return;
        }
        if let Reveal::FirstMatchFrom(p) = reveal {
            let line = self.story.doc.anchors.get(p).copied().unwrap_or(0);
            self.find.current = self.story.doc.marks.iter().position(|&l| l >= line).unwrap_or(0);
        }
        let reveal = match reveal {
            Reveal::FirstMatchFrom(p) => Reveal::Paragraph(p),
            other => other,
        };
        match pane {
            Pane::Story => self.story.reveal(&mut self.at.story, reveal),
            Pane::Card => self.card.reveal(&mut self.at.card, reveal),
            Pane::Navigator => {}
        }
    }

    /// A focused link that has left the screen (after a resize re-wrapped the text) is
    /// scrolled back into view.
    fn keep_focus_visible(&mut self, pane: Pane) {
        let (state, spot) = match pane {
            Pane::Story => (&self.story, &mut self.at.story),
            Pane::Card => (&self.card, &mut self.at.card),
            Pane::Navigator => return,
        };
        if let Some(link) = spot.link.filter(|&l| !state.link_visible(spot, l)) {
            state.reveal(spot, Reveal::Step(link));
        }
    }
}
