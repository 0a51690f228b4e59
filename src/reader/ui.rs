//! Drawing: `render(&App)` into a ratatui frame. Nothing here changes state; every
//! region comes from the same layout function input handling uses.

mod help;
mod navigator;
mod pane;
mod problems;
mod search;
mod status;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::action::{Action, Pane};
use super::app::{App, Overlay};
use super::layout::{MIN_SIZE, Mode};

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let screen = app.screen();
    if screen.mode == Mode::TooSmall || area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        too_small(app, frame, area);
        return;
    }
    for &(pane, rect) in &screen.panes {
        let focused = pane == app.at.focus;
        match pane {
            Pane::Navigator => navigator::render(app, frame, rect, focused),
            Pane::Story => pane::render_story(app, frame, rect, focused),
            Pane::Card => pane::render_card(app, frame, rect, focused),
        }
    }
    if let Some(tabs) = screen.tabs {
        status::render_tabs(app, frame, tabs);
    }
    if let Some(area) = screen.problems {
        problems::render(app, frame, area);
    }
    status::render(app, frame, screen.status);
    match &app.overlay {
        Overlay::Search(search) => search::render(app, search, frame, area),
        Overlay::Help(scroll) => help::render(app, frame, area, *scroll),
        Overlay::Reading | Overlay::Find => {}
    }
}

/// The notice shown below the minimum size, naming the key that quits in the current
/// context (while a query is typed, `q` is a letter of it).
fn too_small(app: &App, frame: &mut Frame, area: Rect) {
    let quit = app.keys.key_for(&app.contexts(), Action::Quit);
    let text = vec![
        Line::from("Terminal too small"),
        Line::from(format!("need {}×{}, have {}×{}", MIN_SIZE.0, MIN_SIZE.1, area.width, area.height)),
        Line::from(quit.map_or_else(|| "enlarge it".to_string(), |quit| format!("enlarge it, or {quit} to quit"))),
    ];
    let top = area.height.saturating_sub(text.len() as u16) / 2;
    let inner = Rect { y: area.y + top, height: area.height - top, ..area };
    frame.render_widget(Paragraph::new(text).alignment(Alignment::Center).wrap(Wrap { trim: true }), inner);
}
