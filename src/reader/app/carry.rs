//! Swapping the library under a running reader (live reload). An [`App`] borrows its
//! library for its whole life, so a new library gets a new App: [`App::carry`] takes the
//! old one apart into [`Carried`], every id moved to the new library by a [`Relink`], and
//! [`App::carried_onto`] builds the new App from it. The reader's state thus keeps its
//! one home (the App) across a reload; `Carried` lives only between the two calls.
//!
//! Both functions name every field of the App (a destructuring and a struct literal, with
//! no `..`), so a field added to the App later cannot be forgotten here: the compiler asks
//! for it. What is derived from the library (laid-out documents, the navigator's index,
//! search results, the searcher) is built again rather than carried.

use super::{App, Find, Memory, Overlay, PaneState, Reveal, SearchBox};
use crate::config::Key;
use crate::library::{BriefingId, Diagnostic, EntityId, Kind, Library};
use crate::reader::action::Pane;
use crate::reader::effect::Effect;
use crate::reader::history::History;
use crate::reader::keymap::Keymap;
use crate::reader::location::{Location, Spot};
use crate::reader::navigator::Index;
use crate::reader::place::place_of;
use crate::reader::recent::Recent;
use crate::reader::relink::Relink;
use crate::reader::searcher::Searcher;
use crate::reader::target::Target;
use crate::reader::theme::Theme;
use crate::reader::views::View;
use crate::state::Place;

/// What has the keyboard, carried without what it borrowed from the old library.
#[derive(Debug)]
enum Carry {
    Reading,
    Help(usize),
    Find,
    /// The search box's query and cursor, and the path's start: it searches again.
    Search {
        query: String,
        cursor: usize,
        path_from: Option<EntityId>,
    },
}

/// The reader's state between two libraries, its ids already those of the new one.
#[derive(Debug)]
pub struct Carried {
    size: (u16, u16),
    at: Location,
    history: History,
    find: Find,
    mouse: bool,
    library_shown: bool,
    hyperlinks: bool,
    /// Copies and opens asked for and not yet carried out: they hold no ids.
    effects: Vec<Effect>,
    quit: bool,
    notice: Option<String>,
    theme: Theme,
    recent_searches: Recent,
    memory: Memory,
    nav_scroll: usize,
    overlay: Carry,
    /// The briefing the navigator lists the entities of, and whether it listed only those.
    only: Option<BriefingId>,
    scoped: bool,
    folded: Vec<Kind>,
    /// Whether the old place had a briefing open (one that is gone is replaced).
    had_briefing: bool,
    keys: Keymap,
    /// A key sequence half typed when the reload came.
    pending: Vec<Key>,
    /// The story's place by content, so an edit above it does not move the reader.
    place: Option<Place>,
    /// A name focused in the story's headline or dek, which a place does not keep: the
    /// entity, and how many links to it come before it.
    head_focus: Option<(EntityId, usize)>,
}

impl<'l> App<'l> {
    /// Takes this reader apart for `next`, the library replacing its own.
    pub fn carry(self, next: &Library) -> Carried {
        let place = match (self.at.view, self.at.briefing) {
            (View::Story, Some(b)) => Some(place_of(self.library, b, &self.story.doc, self.at.story)),
            _ => None,
        };
        let head_focus =
            self.head_focus().and_then(|(e, nth)| Some((Relink::between(self.library, next).entity(e)?, nth)));
        let App {
            library,
            size,
            at,
            story: _,
            card: _,
            index,
            nav_scroll,
            overlay,
            find,
            history,
            mouse,
            library_shown,
            hyperlinks,
            quit,
            notice,
            theme,
            searcher: _,
            recent_searches,
            memory,
            keys,
            pending,
            problems: _,
            reveal: _,
            effects,
        } = self;
        let relink = Relink::between(library, next);
        let overlay = match overlay {
            Overlay::Reading => Carry::Reading,
            Overlay::Help(scroll) => Carry::Help(scroll),
            Overlay::Find => Carry::Find,
            Overlay::Search(search) => Carry::Search {
                query: search.query,
                cursor: search.cursor,
                path_from: search.path_from.and_then(|e| relink.entity(e)),
            },
        };
        Carried {
            size,
            at: relink.location(&at),
            history: history.relinked(|at| relink.location(at)),
            find,
            mouse,
            library_shown,
            hyperlinks,
            effects,
            quit,
            notice,
            theme,
            recent_searches,
            memory: memory.carried(next, &relink),
            nav_scroll,
            overlay,
            only: index.only().and_then(|b| relink.briefing(b)),
            scoped: index.only().is_some(),
            folded: index.folded(),
            had_briefing: at.briefing.is_some(),
            keys,
            pending,
            place,
            head_focus,
        }
    }

    /// A reader on `library` where `carried` left off. A search box that was open asks
    /// again once the searcher is running (see [`App::search_again`]).
    pub fn carried_onto(library: &'l Library, carried: Carried) -> App<'l> {
        let Carried {
            size,
            at,
            history,
            find,
            mouse,
            library_shown,
            hyperlinks,
            effects,
            quit,
            notice,
            theme,
            recent_searches,
            memory,
            nav_scroll,
            overlay,
            only,
            scoped,
            folded,
            had_briefing,
            keys,
            pending,
            place,
            head_focus,
        } = carried;
        let mut index = Index::new(library, if scoped { only } else { None });
        folded.into_iter().for_each(|kind| index.fold(kind));
        let overlay = match overlay {
            Carry::Reading => Overlay::Reading,
            Carry::Help(scroll) => Overlay::Help(scroll),
            Carry::Find => Overlay::Find,
            Carry::Search { query, cursor, path_from } => {
                Overlay::Search(Box::new(SearchBox { query, cursor, path_from, ..SearchBox::default() }))
            }
        };
        let mut app = App {
            library,
            size,
            at,
            story: PaneState::default(),
            card: PaneState::default(),
            index,
            nav_scroll,
            overlay,
            find,
            history,
            mouse,
            quit,
            notice,
            theme,
            searcher: Searcher::new(library),
            recent_searches,
            memory,
            keys,
            pending,
            problems: Vec::new(),
            reveal: None,
            library_shown,
            hyperlinks,
            effects,
        };
        if had_briefing && app.at.briefing.is_none() {
            // The open briefing's file is gone: show the newest, where the reader was.
            app.at.briefing = app.index.newest();
            app.at.story = Spot::default();
        } else if let Some(place) = place {
            app.request(Pane::Story, Reveal::Place(place));
        }
        app.show_bookmarks();
        app.refresh();
        if let Some((entity, nth)) = head_focus {
            let links = app.story.doc.links.iter().enumerate().filter(|(_, l)| l.target == Target::Entity(entity));
            app.at.story.link = links.map(|(i, _)| i).nth(nth);
            app.refresh();
        }
        app
    }

    /// The story's focused link when it is a name in the headline or dek (a link to an
    /// entity's card, not to a mention): the entity and how many links to it come first.
    fn head_focus(&self) -> Option<(EntityId, usize)> {
        if self.at.view != View::Story {
            return None;
        }
        let links = &self.story.doc.links;
        let l = self.at.story.link?;
        let Target::Entity(e) = links.get(l)?.target else { return None };
        Some((e, links[..l].iter().filter(|other| other.target == Target::Entity(e)).count()))
    }

    /// Takes in a reload that found problems: the panel lists them (closing on the next
    /// good reload, which builds a new App), and the library on screen stays as it is.
    pub fn reload_failed(&mut self, diagnostics: Vec<Diagnostic>) {
        self.problems = diagnostics;
        // An earlier "content reloaded" would now say the opposite of the panel.
        self.notice = None;
        self.refresh();
    }

    /// Sends the open search box's query again, to a searcher started since (after a
    /// reload): its results came from the old library.
    pub fn search_again(&mut self) {
        let last = self.searcher.last_ticket();
        if let Overlay::Search(search) = &mut self.overlay {
            (search.sent, search.shown) = (last, last);
            self.send_query();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{Input, Options, bundled, load_sources};
    use crate::reader::action::{Action, Pane};
    use crate::reader::target::Target;

    fn bundled_library() -> Library {
        bundled::load(Options::default()).unwrap().library
    }

    /// The bundled library with `edit` applied to the Beijing story's file, and one more
    /// briefing whose file sorts first, so every briefing moves to another index.
    fn edited(edit: impl Fn(&str) -> String) -> Library {
        let mut inputs = bundled::inputs();
        for input in &mut inputs {
            if input.path.ends_with("beijing-gambit.json") {
                input.bytes = edit(std::str::from_utf8(&input.bytes).unwrap()).into_bytes().into();
            }
        }
        let added = r#"{"id": "aaa-first", "date": "2025-01-01", "headline": "An added story",
            "source": {"publication": "p", "title": "t", "date": "d"},
            "sections": [{"paragraphs": ["Nvidia again."]}], "entities": [{"id": "nvidia"}]}"#;
        inputs.insert(0, Input { path: "content/aaa-first.json".into(), bytes: added.as_bytes().to_vec().into() });
        load_sources(&inputs, Options::default()).unwrap().library
    }

    fn on_beijing(library: &Library) -> App<'_> {
        let beijing = library.briefing_by_id("beijing-gambit").unwrap();
        App::new(library, (120, 40), Some(Target::Briefing(beijing)))
    }

    #[test]
    fn the_place_history_find_and_search_box_carry_over_to_the_new_ids() {
        let old = bundled_library();
        let mut app = on_beijing(&old);
        for action in [Action::NextLink, Action::Follow, Action::Focus(Pane::Story), Action::Down, Action::Down] {
            app.update(action);
        }
        app.find.query = "chip".into();
        app.update(Action::StartSearch);
        for c in "huang".chars() {
            app.update(Action::Type(c));
        }
        let (at, entity) = (app.at, app.at.entity.map(|e| old.entity(e).id.clone()));
        let back = app.history.behind().len();

        let new = edited(|text| text.replace("Huang Flies to Beijing", "Huang Jets to Beijing"));
        let mut app = App::carried_onto(&new, app.carry(&new));
        let beijing = new.briefing_by_id("beijing-gambit");
        assert_ne!(beijing, old.briefing_by_id("beijing-gambit"), "the briefing moved to another index");
        assert_eq!(app.at.briefing, beijing);
        assert_eq!(app.at.entity.map(|e| new.entity(e).id.clone()), entity);
        assert_eq!((app.at.story, app.at.focus, app.at.view), (at.story, at.focus, at.view), "the place is kept");
        assert_eq!(app.history.behind().len(), back);
        assert!(app.history.behind().iter().all(|l| l.briefing.is_none_or(|b| b.index() < new.briefing_count())));
        assert_eq!(app.find.query, "chip");
        assert!(
            app.story.doc.lines.iter().any(|l| l.iter().any(|p| p.text.contains("Jets"))),
            "the new story is laid out"
        );

        let search = app.search().expect("the search box is still open");
        assert_eq!((search.query.as_str(), search.cursor), ("huang", 5));
        app.search_again();
        let search = app.search().unwrap();
        assert!(search.rows.iter().any(|r| r.title == "Jensen Huang"), "searched again on the new library");
    }

    #[test]
    fn a_paragraph_added_above_the_reader_leaves_the_same_text_on_screen() {
        let old = bundled_library();
        let mut app = on_beijing(&old);
        for _ in 0..30 {
            app.update(Action::Down);
        }
        let top = |app: &App<'_>| {
            let line = app.story.scroll(&app.at.story);
            app.story.doc.lines[line].iter().map(|p| p.text.as_str()).collect::<String>()
        };
        let before = top(&app);
        let new =
            edited(|text| text.replacen("\"paragraphs\": [", "\"paragraphs\": [\"A paragraph added above.\", ", 1));
        let app = App::carried_onto(&new, app.carry(&new));
        assert_eq!(top(&app), before, "the same line of the story on top");
        assert_ne!(app.at.story.top, on_beijing(&old).at.story.top, "not the top of the story");
    }

    #[test]
    fn a_reload_with_errors_opens_the_panel_and_changes_nothing_else() {
        let library = bundled_library();
        let mut app = on_beijing(&library);
        app.update(Action::NextLink);
        let (at, story_height) = (app.at, app.story.height);
        app.notice = Some("content reloaded".into());
        let problem = Diagnostic::error(std::path::Path::new("beijing-gambit.json"), None, "malformed JSON");
        app.reload_failed(vec![problem.clone(), problem]);
        assert_eq!(app.at, at);
        assert_eq!(app.notice, None, "no notice contradicts the panel");
        assert_eq!(app.story.height, story_height - 4, "the panel takes its rows from the panes");
        assert_eq!(app.contexts(), on_beijing(&library).contexts(), "the keys go where they went");
    }

    #[test]
    fn a_briefing_whose_file_is_gone_gives_way_to_the_newest() {
        let old = edited(|text| text.to_string());
        let added = old.briefing_by_id("aaa-first").unwrap();
        let mut app = App::new(&old, (120, 40), Some(Target::Briefing(added)));
        app.update(Action::Down);
        let new = bundled_library();
        let app = App::carried_onto(&new, app.carry(&new));
        assert_eq!(app.at.briefing, app.index.newest());
        assert_eq!(app.at.story, Spot::default());
    }
}
