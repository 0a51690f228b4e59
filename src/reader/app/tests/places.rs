//! Each briefing reopens where the reader left it, however it is opened: from the
//! navigator, from search, from a card and at start.

use crate::library::{BriefingId, Library};
use crate::reader::action::{Action, Pane};
use crate::reader::app::App;
use crate::reader::location::Spot;
use crate::reader::navigator::RowId;
use crate::reader::target::Target;
use crate::state::{State, Store};

fn briefing(library: &Library, id: &str) -> BriefingId {
    library.briefing_by_id(id).expect("a bundled briefing")
}

/// A reader remembering in `store`, opened on `open`.
fn reader<'l>(library: &'l Library, store: &Store, open: Option<Target>) -> App<'l> {
    App::remembering(library, (120, 40), open, store.clone())
}

fn scroll(app: &mut App<'_>, lines: usize) {
    for _ in 0..lines {
        app.update(Action::Down);
    }
}

/// Opens `b` as a person would from the navigator: select its row, press Enter.
fn open_from_navigator(app: &mut App<'_>, b: BriefingId) {
    app.update(Action::Focus(Pane::Navigator));
    let row = app.index.position(RowId::Briefing(b));
    app.select_row(row);
    app.update(Action::Follow);
    assert_eq!((app.at.briefing, app.at.focus), (Some(b), Pane::Story));
}

/// The text of the story's first visible line.
fn top_line(app: &App<'_>) -> String {
    let line = app.story.scroll(&app.at.story);
    app.story.doc.lines[line].iter().map(|p| p.text.as_str()).collect()
}

#[test]
fn the_navigator_reopens_each_briefing_at_its_own_place() {
    let library = crate::library::bundled::load(Default::default()).expect("bundled").library;
    let store = Store::in_memory(State::new());
    let (beijing, charge) = (briefing(&library, "beijing-gambit"), briefing(&library, "nvidia-h20-charge"));
    let mut app = reader(&library, &store, Some(Target::Briefing(beijing)));
    scroll(&mut app, 30);
    app.update(Action::NextLink);
    let (at_beijing, line) = (app.at.story, top_line(&app));
    assert!(app.story.scroll(&at_beijing) > 20 && at_beijing.link.is_some());

    open_from_navigator(&mut app, charge);
    assert_eq!(app.at.story, Spot::default(), "a briefing never read opens at the top");
    scroll(&mut app, 12);
    let at_charge = app.at.story;

    open_from_navigator(&mut app, beijing);
    assert_eq!((app.at.story, top_line(&app)), (at_beijing, line), "Beijing where it was left, link and all");
    open_from_navigator(&mut app, charge);
    assert_eq!(app.at.story, at_charge, "and the charge story at its own place");
}

#[test]
fn search_a_card_and_the_next_start_reopen_a_briefing_at_its_place() {
    let library = crate::library::bundled::load(Default::default()).expect("bundled").library;
    let store = Store::in_memory(State::new());
    let (beijing, charge) = (briefing(&library, "beijing-gambit"), briefing(&library, "nvidia-h20-charge"));
    let mut app = reader(&library, &store, Some(Target::Briefing(beijing)));
    scroll(&mut app, 25);
    let (at_beijing, line) = (app.at.story, top_line(&app));
    open_from_navigator(&mut app, charge);

    // Search: the briefing by its headline.
    app.update(Action::StartSearch);
    for c in "@briefing huang flies".chars() {
        app.update(Action::Type(c));
    }
    app.update(Action::Submit);
    assert_eq!((app.at.briefing, app.at.story), (Some(beijing), at_beijing), "from search");

    // A card: the briefing in its list of briefings.
    open_from_navigator(&mut app, charge);
    app.open(Target::Entity(library.entity_by_id("jensen-huang").expect("bundled")));
    let link = app.card.doc.links.iter().position(|l| l.target == Target::Briefing(beijing));
    app.at.card.link = Some(link.expect("the card lists the Beijing story"));
    app.update(Action::Follow);
    assert_eq!((app.at.briefing, app.at.story), (Some(beijing), at_beijing), "from a card");

    // At start: with no --open, the last place overall; with --open, that briefing's own.
    open_from_navigator(&mut app, charge);
    scroll(&mut app, 5);
    let at_charge = top_line(&app);
    drop(app);
    let app = reader(&library, &store, None);
    assert_eq!((app.at.briefing, top_line(&app)), (Some(charge), at_charge), "no --open: the last place overall");
    drop(app);
    let app = reader(&library, &store, Some(Target::Briefing(beijing)));
    assert_eq!((app.at.briefing, top_line(&app)), (Some(beijing), line), "--open reopens its own place");
}
