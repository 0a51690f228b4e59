//! The `light` theme reads on a light terminal: on every screen the reader draws (story with
//! a focused link, card, library with a selection, help, find matches, the search box, the
//! views, a notice), every cell of text has at least 4.5:1 contrast against what it sits
//! on, and none is drawn in the terminal's own colour on a bright background the theme
//! chose. The default theme, made for the terminal's own palette, fails the same check on
//! a light terminal, so the check can tell.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture or pty")]

#[path = "support/contrast.rs"]
mod contrast;

use std::sync::OnceLock;

use briefing::config::theme::{Palette, Preset};
use briefing::library::{Library, Options, bundled};
use briefing::reader::action::{Action, Pane};
use briefing::reader::app::App;
use briefing::reader::target::Target;
use briefing::reader::theme::Theme;
use briefing::reader::ui;
use briefing::reader::views::ViewKind;
use contrast::Cell;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};

fn library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| bundled::load(Options::default()).expect("the bundled library loads").library)
}

fn cell(color: Color) -> Cell {
    match color {
        Color::Reset => Cell::Default,
        Color::Indexed(n) => Cell::Index(n),
        Color::Rgb(r, g, b) => Cell::Rgb(r, g, b),
        named => Cell::Index(briefing::reader::theme::ANSI.iter().position(|&c| c == named).unwrap() as u8),
    }
}

/// Every unreadable cell of the screen `app` draws: (row, column, symbol, why).
fn unreadable(app: &App) -> Vec<(u16, u16, String, String)> {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|frame| ui::render(app, frame)).unwrap();
    let buffer = terminal.backend().buffer();
    let mut found = Vec::new();
    for y in 0..h {
        for x in 0..w {
            let c = &buffer[(x, y)];
            if c.symbol().trim().is_empty() {
                continue;
            }
            let inverse = c.modifier.contains(Modifier::REVERSED);
            if let Some(why) = contrast::problem(cell(c.fg), cell(c.bg), inverse) {
                found.push((y, x, c.symbol().to_string(), why));
            }
        }
    }
    found
}

/// The reader in the screens a session passes through, one after another.
fn screens(theme: Theme, mut look: impl FnMut(&str, &App)) {
    let library = library();
    let beijing = library.briefing_by_id("beijing-gambit").map(Target::Briefing);
    let mut app = App::new(library, (160, 48), beijing);
    app.theme = theme;
    let steps: &[(&str, &[Action])] = &[
        ("story with a focused link", &[Action::NextLink, Action::NextLink]),
        ("card", &[Action::Follow, Action::Focus(Pane::Card), Action::NextLink]),
        ("library with a selection", &[Action::Focus(Pane::Navigator), Action::Down, Action::Down]),
        ("help", &[Action::ToggleHelp]),
        ("help further down", &[Action::PageDown]),
        ("find matches", &[Action::Cancel, Action::Focus(Pane::Story), Action::StartFind]),
        ("search box", &[Action::Cancel, Action::StartSearch]),
        ("figures", &[Action::Cancel, Action::ShowView(ViewKind::Figures)]),
        ("relation map", &[Action::ShowView(ViewKind::Map)]),
        ("timeline", &[Action::ShowView(ViewKind::Timeline)]),
        ("archive", &[Action::ShowView(ViewKind::Archive)]),
        ("notice", &[Action::ShowView(ViewKind::Story), Action::FindNext]),
    ];
    for (name, actions) in steps {
        for &action in *actions {
            app.update(action);
        }
        match *name {
            "find matches" => {
                "Nvidia".chars().for_each(|c| app.update(Action::Type(c)));
                app.update(Action::Submit);
                assert!(app.find.count > 0, "the find has matches to draw");
            }
            "search box" => {
                "nvidia".chars().for_each(|c| app.update(Action::Type(c)));
                app.update(Action::Tick);
                assert!(app.search().is_some_and(|s| !s.rows.is_empty()), "the search has results to draw");
            }
            _ => {}
        }
        look(name, &app);
    }
}

#[test]
fn the_light_theme_reads_on_a_light_terminal_on_every_screen() {
    screens(Theme::exactly(Palette::preset(Preset::Light)), |name, app| {
        let bad = unreadable(app);
        assert!(bad.is_empty(), "{name}: {} unreadable cells, the first {:?}", bad.len(), &bad[..bad.len().min(5)]);
    });
}

#[test]
fn the_default_theme_would_not_on_a_light_terminal() {
    let mut failing = Vec::new();
    screens(Theme::exactly(Palette::default()), |name, app| {
        if !unreadable(app).is_empty() {
            failing.push(name.to_string());
        }
    });
    assert!(failing.contains(&"find matches".to_string()), "yellow reversed is white on yellow: {failing:?}");
    assert!(failing.contains(&"story with a focused link".to_string()), "{failing:?}");
}
