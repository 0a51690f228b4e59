//! Drawing the help overlay from its rows (see [`crate::reader::help`]).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

use crate::reader::action::Action;
use crate::reader::app::App;
use crate::reader::doc::symbol;
use crate::reader::help::{HelpRow, rows};
use crate::reader::keymap::Context;
use crate::reader::layout::help_area;
use crate::reader::theme::Theme;

/// Width of the keys column; longer keys still get a space before their description.
const KEYS: usize = 22;

/// Width of the search syntax's example column: examples are short, their lines long.
const EXAMPLES: usize = 12;

/// Draws the help over the screen, scrolled by `scroll` rows.
pub fn render(app: &App, frame: &mut Frame, area: Rect, scroll: usize) {
    let theme = &app.theme;
    let overlay = help_area(area);
    let rows = rows(&app.keys);
    let max = rows.len().saturating_sub(app.help_rows());
    let more = more(app, scroll.min(max), max);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border(true))
        .title(Span::styled(title(app), theme.title(true)))
        .title_bottom(Line::from(Span::styled(more, theme.dim())).right_aligned());
    let lines: Vec<Line> = rows.iter().skip(scroll.min(max)).take(app.help_rows()).map(|r| line(r, theme)).collect();
    frame.render_widget(Clear, overlay);
    frame.render_widget(Paragraph::new(lines).block(block), overlay);
}

/// " Keys — Esc or ? to close ", with the keys that close it as configured.
fn title(app: &App) -> String {
    let close = app.keys.keys_for(&[Context::Help], Action::ToggleHelp);
    match close.len() {
        0 => " Keys ".to_string(),
        1 => format!(" Keys — {} to close ", close[0]),
        _ => format!(" Keys — {} or {} to close ", close[0], close[1]),
    }
}

/// " ↓ j PgDn for more ": the configured keys that scroll on, whichever way there is more.
fn more(app: &App, at: usize, max: usize) -> String {
    let keys = |line, page| {
        let mut keys = app.keys.keys_for(&[Context::Help], line);
        keys.truncate(2);
        keys.extend(app.keys.key_for(&[Context::Help], page));
        keys.join(" ")
    };
    let (down, up) = (keys(Action::Down, Action::PageDown), keys(Action::Up, Action::PageUp));
    let text = match (at, max) {
        (_, 0) => return String::new(),
        (0, _) => down,
        (at, end) if at >= end => up,
        _ => format!("{up} · {down}"),
    };
    if text.is_empty() { String::new() } else { format!(" {text} for more ") }
}

fn line(row: &HelpRow, theme: &Theme) -> Line<'static> {
    match row {
        HelpRow::Heading(title) => Line::from(Span::styled(*title, theme.title(false).patch(theme.key()))),
        HelpRow::Binding { keys, help } => {
            Line::from(vec![Span::styled(format!("  {keys:<KEYS$} "), theme.key()), Span::raw(help.clone())])
        }
        HelpRow::Syntax { example, help } => {
            Line::from(vec![Span::styled(format!("  {example:<EXAMPLES$} "), theme.key()), Span::raw(*help)])
        }
        HelpRow::Kind(kind) => Line::from(vec![
            Span::styled(format!("  {}", symbol(*kind)), theme.kind(*kind)),
            Span::raw(format!(" {}", kind.as_str())),
        ]),
        HelpRow::Blank => Line::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_never_run_into_their_description() {
        let theme = Theme::new(false);
        for row in rows(&crate::reader::keymap::Keymap::defaults()) {
            if let HelpRow::Binding { .. } = row {
                let line = line(&row, &theme);
                assert!(line.spans[0].content.ends_with(' '), "`{line}` runs keys into the description");
            }
        }
    }

    #[test]
    fn every_default_line_fits_the_help_of_an_80_column_terminal() {
        let theme = Theme::new(false);
        let room = help_area(Rect::new(0, 0, 80, 24)).width as usize - 2;
        for row in rows(&crate::reader::keymap::Keymap::defaults()) {
            let text = line(&row, &theme).to_string();
            assert!(crate::reader::doc::width(&text) <= room, "`{text}` is cut at {room} columns");
        }
    }
}
