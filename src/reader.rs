//! The full-screen reader. Input flows one way: a terminal event becomes an
//! [`action::Action`] through the key table, [`app::App::update`] changes state, and
//! [`ui::render`] draws it.

pub mod action;
pub mod app;
pub mod card;
pub mod config;
pub mod doc;
pub mod effect;
pub mod help;
pub mod history;
pub mod keymap;
pub mod layout;
pub mod location;
pub mod navigator;
pub mod opener;
pub mod place;
pub mod preview;
pub mod recent;
pub mod relink;
pub mod reload;
pub mod searcher;
pub mod story;
pub mod target;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod views;

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use self::app::App;
use self::target::Target;
use crate::library::Library;
use crate::library::suggest::unknown_id;

/// The target an `--open ID` names: a briefing or an entity.
pub fn resolve_open(library: &Library, id: &str) -> Result<Target, String> {
    if let Some(b) = library.briefing_by_id(id) {
        return Ok(Target::Briefing(b));
    }
    if let Some(e) = library.entity_by_id(id) {
        return Ok(Target::Entity(e));
    }
    Err(unknown_id(library, id))
}

/// The screen the reader would show at `size`, as plain text lines.
pub fn screen_text(app: &App<'_>) -> String {
    let (w, h) = app.size;
    let Ok(mut terminal) = Terminal::new(TestBackend::new(w, h));
    if terminal.draw(|frame| ui::render(app, frame)).is_err() {
        return String::new();
    }
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..w {
            let cell = &buffer[(x, y)];
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = ui::hyperlink::shown(cell.symbol());
            line.push_str(&symbol);
            skip = doc::width(&symbol).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
