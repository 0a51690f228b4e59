//! Snapshots of the figures chart, relation map, timeline, connection path and search box
//! at 80×24 and 160×48, plus the chart without colour. Re-record after an intended change
//! with `INSTA_UPDATE=always cargo test --test views_snapshots` and review the diff.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture or pty")]

use std::sync::OnceLock;

use briefing::library::{Library, Options, bundled};
use briefing::reader::action::Action;
use briefing::reader::app::App;
use briefing::reader::target::Target;
use briefing::reader::theme::Theme;
use briefing::reader::views::ViewKind;
use briefing::reader::{screen_text, ui};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

fn library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| bundled::load(Options::default()).expect("the bundled library loads").library)
}

/// A reader on the Beijing story at `size`, with entity `open` on the card.
fn reader(size: (u16, u16), open: Option<&str>) -> App<'static> {
    let library = library();
    let beijing = library.briefing_by_id("beijing-gambit").expect("the Beijing briefing is bundled");
    let mut app = App::new(library, size, Some(Target::Briefing(beijing)));
    if let Some(id) = open {
        app.open(Target::Entity(library.entity_by_id(id).expect("known id")));
    }
    app.theme = Theme::new(false);
    app
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Type(c));
    }
}

#[test]
fn figures_chart() {
    for size in SIZES {
        let mut app = reader(size, None);
        app.update(Action::ShowView(ViewKind::Figures));
        insta::assert_snapshot!(format!("figures_{}x{}", size.0, size.1), screen_text(&app));
    }
}

#[test]
fn relation_map() {
    for size in SIZES {
        let mut app = reader(size, Some("jensen-huang"));
        app.update(Action::ShowView(ViewKind::Map));
        insta::assert_snapshot!(format!("map_{}x{}", size.0, size.1), screen_text(&app));
    }
}

/// The text of the focused link: the cells drawn reversed and underlined.
fn focused_text(app: &App) -> String {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|frame| ui::render(app, frame)).unwrap();
    let buffer = terminal.backend().buffer();
    let focus = Modifier::REVERSED | Modifier::UNDERLINED;
    let mut text = String::new();
    for y in 0..h {
        for x in 0..w {
            if buffer[(x, y)].modifier.contains(focus) {
                text.push_str(buffer[(x, y)].symbol());
            }
        }
    }
    text
}

#[test]
fn relation_map_walked_to_its_third_node() {
    for size in SIZES {
        let mut app = reader(size, Some("jensen-huang"));
        app.update(Action::ShowView(ViewKind::Map));
        app.update(Action::NextLink);
        app.update(Action::NextLink);
        let screen = screen_text(&app);
        assert!(screen.contains("Relations of Jensen Huang"), "the root is unchanged:\n{screen}");
        assert_eq!(app.at.story.link, Some(2), "the third node");
        let focused = focused_text(&app);
        insta::assert_snapshot!(format!("map_third_node_{}x{}", size.0, size.1), format!("{screen}focused: {focused}"));
    }
}

#[test]
fn timeline() {
    for size in SIZES {
        let mut app = reader(size, None);
        app.update(Action::ShowView(ViewKind::Timeline));
        insta::assert_snapshot!(format!("timeline_{}x{}", size.0, size.1), screen_text(&app));
    }
}

#[test]
fn connection_path_picked_in_the_search_box() {
    for size in SIZES {
        let mut app = reader(size, Some("liang-wenfeng"));
        app.update(Action::StartPath);
        typed(&mut app, "asml");
        app.update(Action::Submit);
        insta::assert_snapshot!(format!("path_{}x{}", size.0, size.1), screen_text(&app));
    }
}

#[test]
fn search_box() {
    for size in [(80, 24), (120, 40)] {
        let mut app = reader(size, None);
        app.update(Action::StartSearch);
        typed(&mut app, "nvid");
        insta::assert_snapshot!(format!("search_{}x{}", size.0, size.1), screen_text(&app));
    }
}
