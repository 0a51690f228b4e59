//! Drawing the help overlay from its rows (see [`crate::reader::help`]).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

use crate::reader::app::App;
use crate::reader::doc::symbol;
use crate::reader::help::{HelpRow, max_scroll, rows};
use crate::reader::layout::help_area;
use crate::reader::theme::Theme;

/// Width of the keys column; longer keys still get a space before their description.
const KEYS: usize = 22;

/// Draws the help over the screen, scrolled by `scroll` rows.
pub fn render(app: &App, frame: &mut Frame, area: Rect, scroll: usize) {
    let theme = &app.theme;
    let overlay = help_area(area);
    let max = max_scroll(app.help_rows());
    let more = match (scroll.min(max), max) {
        (_, 0) => "",
        (0, _) => " ↓ j PgDn for more ",
        (at, end) if at >= end => " ↑ k PgUp for more ",
        _ => " ↑↓ j k PgUp PgDn for more ",
    };
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border(true))
        .title(Span::styled(" Keys — Esc or ? to close ", theme.title(true)))
        .title_bottom(Line::from(Span::styled(more, theme.dim())).right_aligned());
    let lines: Vec<Line> = rows().iter().skip(scroll.min(max)).take(app.help_rows()).map(|r| line(r, theme)).collect();
    frame.render_widget(Clear, overlay);
    frame.render_widget(Paragraph::new(lines).block(block), overlay);
}

fn line(row: &HelpRow, theme: &Theme) -> Line<'static> {
    match row {
        HelpRow::Heading(title) => Line::from(Span::styled(*title, theme.title(false).patch(theme.key()))),
        HelpRow::Binding { keys, help } => {
            Line::from(vec![Span::styled(format!("  {keys:<KEYS$} "), theme.key()), Span::raw(*help)])
        }
        HelpRow::Syntax { example, help } => {
            Line::from(vec![Span::styled(format!("  {example:<KEYS$} "), theme.key()), Span::raw(*help)])
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
        for row in rows() {
            if let HelpRow::Binding { .. } = row {
                let line = line(&row, &theme);
                assert!(line.spans[0].content.ends_with(' '), "`{line}` runs keys into the description");
            }
        }
    }
}
