//! Random key, mouse and resize sequences never panic the reader and keep its invariants:
//! every index in range, scroll within the document, the focused pane on screen, the
//! focused link on screen, and history consistent (Back then Forward comes back to the
//! same location).
//!
//! Each case opens the bundled library or a CJK-heavy fixture, applies up to 60 random
//! actions (every [`Action`] variant, sizes from 1×1 to 250×80, clicks and wheel turns
//! anywhere, typed ASCII, CJK and emoji), and draws a frame of the current size after each.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture or pty")]

use std::path::Path;
use std::sync::OnceLock;

use briefing::config::Key;
use briefing::library::{Library, Options, bundled, load_dir};
use briefing::reader::action::{Action, Pane};
use briefing::reader::app::App;
use briefing::reader::layout::{Mode, inner};
use briefing::reader::target::Target;
use briefing::reader::theme::Theme;
use briefing::reader::ui;
use briefing::reader::views::ViewKind;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn bundled_library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| bundled::load(Options::default()).expect("the bundled library loads").library)
}

fn cjk_library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cjk");
        load_dir(&dir, Options::default()).expect("the CJK fixture loads").library
    })
}

fn pane() -> impl Strategy<Value = Pane> {
    prop_oneof![Just(Pane::Navigator), Just(Pane::Story), Just(Pane::Card)]
}

fn view_kind() -> impl Strategy<Value = ViewKind> {
    prop_oneof![
        Just(ViewKind::Story),
        Just(ViewKind::Figures),
        Just(ViewKind::Map),
        Just(ViewKind::Timeline),
        Just(ViewKind::Archive),
        Just(ViewKind::Compare),
    ]
}

/// Printable ASCII, CJK ideographs, kana, emoji and anything else.
fn typed() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range(' ', '~'),
        2 => proptest::char::range('\u{4e00}', '\u{9fff}'),
        1 => proptest::char::range('\u{3040}', '\u{30ff}'),
        1 => proptest::char::range('\u{1f300}', '\u{1faff}'),
        1 => any::<char>(),
    ]
}

/// Any action, weighted towards the ones that move around, so sequences get somewhere.
fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        6 => Just(Action::NextLink),
        2 => Just(Action::PrevLink),
        5 => Just(Action::Follow),
        2 => Just(Action::Down),
        1 => Just(Action::Up),
        2 => Just(Action::PageDown),
        1 => Just(Action::PageUp),
        1 => Just(Action::HalfPageDown),
        1 => Just(Action::HalfPageUp),
        1 => prop_oneof![Just('g'), Just('z'), Just('q')].prop_map(|c| Action::Prefix(Key::char(c))),
        1 => Just(Action::Unbound),
        1 => Just(Action::Top),
        1 => Just(Action::Bottom),
        3 => Just(Action::Back),
        2 => Just(Action::Forward),
        3 => pane().prop_map(Action::Focus),
        2 => Just(Action::NextPane),
        1 => Just(Action::ToggleHelp),
        1 => Just(Action::ToggleMouse),
        1 => Just(Action::ToggleLibrary),
        1 => Just(Action::Copy),
        1 => Just(Action::OpenSource),
        1 => Just(Action::Quit),
        1 => Just(Action::StartFind),
        2 => Just(Action::FindNext),
        1 => Just(Action::FindPrev),
        2 => Just(Action::Cancel),
        2 => Just(Action::StartSearch),
        1 => Just(Action::Tick),
        3 => view_kind().prop_map(Action::ShowView),
        1 => Just(Action::StartPath),
        1 => Just(Action::Suspend),
        1 => Just(Action::ToggleEntityScope),
        1 => Just(Action::ToggleBookmark),
        4 => typed().prop_map(Action::Type),
        1 => Just(Action::Erase),
        1 => Just(Action::EraseWord),
        1 => Just(Action::CursorLeft),
        1 => Just(Action::CursorRight),
        1 => Just(Action::CursorStart),
        1 => Just(Action::CursorEnd),
        2 => Just(Action::Submit),
        1 => Just(Action::RecallOlder),
        1 => Just(Action::RecallNewer),
        2 => (1u16..=250, 1u16..=80).prop_map(|(w, h)| Action::Resize(w, h)),
        3 => (0u16..260, 0u16..90).prop_map(|(x, y)| Action::Click(x, y)),
        2 => (0u16..260, 0u16..90, any::<bool>()).prop_map(|(x, y, down)| Action::Wheel(x, y, down)),
    ]
}

/// What can happen while the search box is open, short of Enter, quitting and resizing
/// (which reflows what is underneath).
fn search_action() -> impl Strategy<Value = Action> {
    prop_oneof![
        6 => typed().prop_map(Action::Type),
        2 => Just(Action::Erase),
        1 => Just(Action::EraseWord),
        1 => Just(Action::CursorLeft),
        1 => Just(Action::CursorRight),
        1 => Just(Action::CursorStart),
        1 => Just(Action::CursorEnd),
        2 => Just(Action::Down),
        1 => Just(Action::Up),
        1 => Just(Action::PageDown),
        1 => Just(Action::PageUp),
        1 => Just(Action::RecallOlder),
        1 => Just(Action::RecallNewer),
        1 => Just(Action::Tick),
    ]
}

/// Adding an action breaks this match, as a reminder to add it to [`action`] too.
const _EVERY_ACTION_IS_GENERATED: fn(Action) = |action| match action {
    Action::Quit
    | Action::ToggleHelp
    | Action::NextLink
    | Action::PrevLink
    | Action::Follow
    | Action::Down
    | Action::Up
    | Action::PageDown
    | Action::PageUp
    | Action::HalfPageDown
    | Action::HalfPageUp
    | Action::Prefix(_)
    | Action::Unbound
    | Action::Top
    | Action::Bottom
    | Action::Back
    | Action::Forward
    | Action::Focus(_)
    | Action::NextPane
    | Action::ToggleMouse
    | Action::ToggleLibrary
    | Action::Copy
    | Action::OpenSource
    | Action::StartFind
    | Action::FindNext
    | Action::FindPrev
    | Action::Cancel
    | Action::StartSearch
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
    | Action::Suspend
    | Action::ToggleBookmark
    | Action::Resize(..)
    | Action::Click(..)
    | Action::Wheel(..)
    | Action::Tick
    | Action::ShowView(_)
    | Action::StartPath
    | Action::ToggleEntityScope => {}
};

/// How a case starts: which library, terminal size, what `--open` names (an index into
/// the library's entities, or its first briefing).
#[derive(Debug, Clone)]
struct Start {
    cjk: bool,
    size: (u16, u16),
    open: Option<Option<usize>>,
}

fn start() -> impl Strategy<Value = Start> {
    let size = prop_oneof![3 => (60u16..=220, 20u16..=60), 1 => (1u16..=250, 1u16..=80)];
    (any::<bool>(), size, proptest::option::of(proptest::option::of(0usize..64))).prop_map(|(cjk, size, open)| Start {
        cjk,
        size,
        open,
    })
}

fn open(library: &Library, open: Option<Option<usize>>) -> Option<Target> {
    match open? {
        Some(i) => library.entity_ids().nth(i % library.entity_count()).map(Target::Entity),
        None => library.briefing_ids().next().map(Target::Briefing),
    }
}

fn draw(app: &App) {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal.draw(|frame| ui::render(app, frame)).expect("draw");
}

/// Everything that must hold after any action.
fn check_invariants(app: &App) -> Result<(), TestCaseError> {
    let screen = app.screen();
    for (name, pane, state, spot) in
        [("story", Pane::Story, &app.story, &app.at.story), ("card", Pane::Card, &app.card, &app.at.card)]
    {
        let scroll = state.scroll(spot);
        prop_assert!(scroll <= state.max_scroll(), "{name} scroll {scroll} > {}", state.max_scroll());
        if let Some(link) = spot.link {
            prop_assert!(link < state.doc.links.len(), "{name} link {link} of {}", state.doc.links.len());
            if screen.mode != Mode::TooSmall && screen.pane(pane).is_some() {
                let line = state.doc.links[link].line;
                let shown = scroll..scroll + state.height;
                prop_assert!(shown.contains(&line), "{name}'s focused link on line {line}, outside {shown:?}");
            }
        }
    }
    prop_assert!(app.at.briefing.is_some() || app.story.doc.lines.is_empty(), "a story without a briefing");
    prop_assert!(app.at.entity.is_some() || app.card.doc.lines.is_empty(), "a card without an entity");
    prop_assert!(app.nav_row() < app.index.len(), "nav_row {} of {}", app.nav_row(), app.index.len());
    let marks = app.story.doc.marks.len();
    prop_assert!(app.find.current < marks.max(1), "find {} of {marks}", app.find.current);
    prop_assert_eq!(app.find.count, marks);
    if let Some(scroll) = app.help() {
        let max = app.help_max_scroll();
        prop_assert!(scroll <= max, "help scroll {scroll} > {max}");
    }
    if let Some(search) = app.search() {
        let rows = search.rows.len();
        prop_assert!(search.selected < rows.max(1), "search row {} of {rows}", search.selected);
        prop_assert!(search.scroll <= search.selected, "search scroll {} > {}", search.scroll, search.selected);
    }
    if screen.mode != Mode::TooSmall {
        prop_assert!(
            screen.pane(app.at.focus).is_some(),
            "focused {:?} is not on screen ({:?})",
            app.at.focus,
            screen.mode
        );
    }
    if let Some(rect) = screen.pane(Pane::Navigator) {
        let rows = inner(rect).height as usize;
        let shown = app.nav_scroll..app.nav_scroll + rows;
        prop_assert!(shown.contains(&app.nav_row()), "selected row {} outside {shown:?}", app.nav_row());
    }
    Ok(())
}

/// Back then Forward comes back to the same view, when history is reachable by keys.
fn check_round_trip(app: &mut App) -> Result<(), TestCaseError> {
    if app.help().is_some() || app.finding() || app.history.behind().is_empty() {
        return Ok(());
    }
    let before = app.at;
    app.update(Action::Back);
    check_invariants(app)?;
    app.update(Action::Forward);
    check_invariants(app)?;
    prop_assert_eq!(app.at, before, "Back then Forward");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_input_keeps_the_reader_consistent(start in start(), actions in prop::collection::vec(action(), 1..=60)) {
        let library = if start.cjk { cjk_library() } else { bundled_library() };
        let mut app = App::new(library, start.size, open(library, start.open));
        app.theme = Theme::new(true);
        draw(&app);
        check_invariants(&app)?;
        for action in actions {
            app.update(action);
            draw(&app);
            check_invariants(&app)?;
        }
        check_round_trip(&mut app)?;
    }

    #[test]
    fn the_search_box_changes_nothing_underneath_until_enter(
        start in start(),
        before in prop::collection::vec(action(), 0..=20),
        inside in prop::collection::vec(search_action(), 0..=20),
    ) {
        let library = if start.cjk { cjk_library() } else { bundled_library() };
        let mut app = App::new(library, start.size, open(library, start.open));
        for action in before {
            app.update(action);
        }
        if app.help().is_some() || app.finding() || app.search().is_some() {
            return Ok(());
        }
        let was = app.at;
        app.update(Action::StartSearch);
        prop_assert!(app.search().is_some(), "/ opens the box");
        for action in inside {
            app.update(action);
            draw(&app);
            check_invariants(&app)?;
        }
        app.update(Action::Cancel);
        prop_assert!(app.search().is_none(), "Esc closes the box");
        prop_assert_eq!(app.at, was);
    }

    #[test]
    fn back_then_forward_is_a_round_trip_at_every_step(
        start in start(),
        actions in prop::collection::vec(action(), 1..=40),
    ) {
        let library = if start.cjk { cjk_library() } else { bundled_library() };
        let mut app = App::new(library, start.size, open(library, start.open));
        for action in actions {
            app.update(action);
            check_round_trip(&mut app)?;
        }
        draw(&app);
    }
}
