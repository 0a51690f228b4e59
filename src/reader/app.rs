//! The reader's state and the one function that changes it, [`App::update`]. Drawing
//! reads this state and nothing else.

mod find;
mod mouse;
mod navigate;
mod pane;
mod search;
#[cfg(test)]
mod tests;

use ratatui::layout::Rect;

pub use self::find::Find;
pub use self::pane::PaneState;
pub use self::search::SearchBox;
use super::action::{Action, Pane};
use super::history::History;
use super::keymap::Context;
use super::layout::{self, Screen};
use super::navigator::Index;
use super::recent::Recent;
use super::searcher::Searcher;
use super::target::Target;
use super::theme::Theme;
use super::views::{View, view_doc};
use crate::library::{BriefingId, EntityId, Library};

/// Everything the reader shows, for one library.
pub struct App<'l> {
    /// The library being read.
    pub library: &'l Library,
    /// Terminal size in columns and rows.
    pub size: (u16, u16),
    /// The pane with the keyboard.
    pub focus: Pane,
    /// The pane beside the card in medium mode: the story or the navigator.
    pub left: Pane,
    /// The open briefing, if any.
    pub briefing: Option<BriefingId>,
    /// The story pane.
    pub story: PaneState,
    /// The entity on the card, if any.
    pub entity: Option<EntityId>,
    /// The card pane.
    pub card: PaneState,
    /// The library index.
    pub index: Index,
    /// The navigator's selected row.
    pub nav_row: usize,
    /// The navigator's first visible row.
    pub nav_scroll: usize,
    /// Find-in-story state.
    pub find: Find,
    /// The help overlay's scroll, when it is open.
    pub help: Option<usize>,
    /// Back and forward.
    pub history: History,
    /// Whether the mouse is captured.
    pub mouse: bool,
    /// Set when the user asked to quit.
    pub quit: bool,
    /// A one-line notice for the status bar ("no more history").
    pub notice: Option<String>,
    /// Colours, or none.
    pub theme: Theme,
    /// The search box, while open.
    pub search: Option<SearchBox<'l>>,
    /// The search engine, inline or on a worker thread.
    pub searcher: Searcher<'l>,
    /// Earlier search queries, oldest first.
    pub recent_searches: Recent,
    /// What the main pane shows.
    pub view: View,
}

impl<'l> App<'l> {
    /// A reader on `library` at `size`, opened on `open` or, with one briefing, its story.
    pub fn new(library: &'l Library, size: (u16, u16), open: Option<Target>) -> Self {
        let mut app = App {
            library,
            size,
            focus: Pane::Navigator,
            left: Pane::Navigator,
            briefing: None,
            story: PaneState::default(),
            entity: None,
            card: PaneState::default(),
            index: Index::new(library),
            nav_row: 0,
            nav_scroll: 0,
            find: Find::default(),
            help: None,
            history: History::default(),
            mouse: true,
            quit: false,
            notice: None,
            theme: Theme::from_env(),
            search: None,
            searcher: Searcher::Idle(library),
            recent_searches: Recent::default(),
            view: View::Story,
        };
        // With one briefing there is nothing to choose: its story is the place to start,
        // and an `--open` target opens over it.
        let mut briefings = library.briefing_ids();
        if let (Some(only), None) = (briefings.next(), briefings.next()) {
            app.go(Target::Briefing(only));
        }
        if let Some(target) = open {
            app.go(target);
        }
        app.refresh();
        app
    }

    /// The screen layout for the current size and focus.
    pub fn screen(&self) -> Screen {
        layout::screen(Rect::new(0, 0, self.size.0, self.size.1), self.focus, self.left)
    }

    /// The key contexts in force, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        if self.help.is_some() {
            return vec![Context::Help];
        }
        if self.find.editing {
            return vec![Context::Find];
        }
        if self.search.is_some() {
            return vec![Context::Search];
        }
        let pane = match self.focus {
            Pane::Navigator => Context::Navigator,
            Pane::Story | Pane::Card => Context::Reading,
        };
        vec![pane, Context::Global]
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        self.notice = None;
        if self.help.is_some() {
            self.update_help(action);
        } else if self.find.editing {
            self.update_find(action);
        } else if self.search.is_some() {
            self.update_search(action);
        } else {
            self.update_reading(action);
        }
        self.refresh();
    }

    fn update_help(&mut self, action: Action) {
        let scroll = self.help.unwrap_or(0);
        self.help = match action {
            Action::ToggleHelp | Action::Cancel => None,
            Action::Down => Some((scroll + 1).min(super::ui::help_max_scroll(self.size.1))),
            Action::Up => Some(scroll.saturating_sub(1)),
            Action::Resize(w, h) => {
                self.size = (w, h);
                Some(scroll.min(super::ui::help_max_scroll(h)))
            }
            Action::Quit => {
                self.quit = true;
                None
            }
            _ => Some(scroll),
        };
    }

    fn update_reading(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::ToggleHelp => self.help = Some(0),
            Action::NextLink => self.step_link(true),
            Action::PrevLink => self.step_link(false),
            Action::Follow => self.follow(),
            Action::Down => self.scroll_by(1),
            Action::Up => self.scroll_by(-1),
            Action::PageDown => self.scroll_by(self.page() as isize),
            Action::PageUp => self.scroll_by(-(self.page() as isize)),
            Action::Top => self.scroll_by(isize::MIN / 2),
            Action::Bottom => self.scroll_by(isize::MAX / 2),
            Action::Back => self.back(),
            Action::Forward => self.forward(),
            Action::Focus(pane) => self.focus_pane(pane),
            Action::NextPane => self.next_pane(),
            Action::ToggleMouse => self.mouse = !self.mouse,
            Action::StartFind => self.start_find(),
            Action::FindNext => self.find_step(true),
            Action::FindPrev => self.find_step(false),
            Action::Cancel => self.find.clear(),
            Action::Resize(w, h) => self.size = (w, h),
            Action::Click(x, y) => self.click(x, y),
            Action::Wheel(x, y, down) => self.wheel(x, y, down),
            Action::StartSearch => self.start_search(),
            Action::ShowView(kind) => self.show_view(kind),
            Action::StartPath => self.start_path(),
            Action::Tick
            | Action::Type(_)
            | Action::Erase
            | Action::Submit
            | Action::RecallOlder
            | Action::RecallNewer => {}
        }
    }

    /// Text rows of a pane's inner area: one page.
    fn page(&self) -> usize {
        let screen = self.screen();
        screen.pane(self.focus).map_or(1, |r| layout::inner(r).height.max(1) as usize)
    }

    /// Rebuilds what depends on size or content, and keeps every index in range.
    fn refresh(&mut self) {
        let screen = self.screen();
        let width = |pane| screen.pane(pane).map_or(self.size.0, |r| layout::inner(r).width).max(1) as usize;
        let height = |pane| screen.pane(pane).map_or(1, |r| layout::inner(r).height) as usize;
        let library = self.library;
        match (self.view, self.briefing) {
            (View::Story, Some(b)) => {
                let key = (View::Story, Some(b), self.find.query.clone(), None::<crate::library::EntityId>);
                self.story.layout(width(Pane::Story), key, |w, k| super::story::story_doc(library, b, w, &k.2));
            }
            (View::Story, None) => self.story.clear(),
            (view, briefing) => {
                let entity = self.entity;
                let key = (view, briefing, String::new(), entity);
                self.story.layout(width(Pane::Story), key, |w, _| view_doc(library, view, briefing, entity, w));
            }
        }
        if let Some(e) = self.entity {
            self.card.layout(width(Pane::Card), e, |w, e| super::card::card_doc(self.library, *e, w));
        } else {
            self.card.clear();
        }
        self.story.clamp(height(Pane::Story));
        self.card.clamp(height(Pane::Card));
        match screen.pane(Pane::Navigator) {
            Some(rect) => self.clamp_navigator(layout::inner(rect).height as usize),
            // Hidden: keep the selection in range, but do not scroll for a one-row pane.
            None => self.nav_row = self.nav_row.min(self.index.len().saturating_sub(1)),
        }
        self.find.clamp(self.story.doc.marks.len());
    }
}
