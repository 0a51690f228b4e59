//! Drawing the library navigator: only the visible rows.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use crate::reader::app::App;
use crate::reader::doc::symbol;
use crate::reader::layout::inner;
use crate::reader::navigator::Row;

/// Draws the navigator pane.
pub fn render(app: &App, frame: &mut Frame, area: Rect, focused: bool) {
    let theme = &app.theme;
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border(focused))
        .title(Span::styled(" Library ", theme.title(focused)));
    let body = inner(area);
    frame.render_widget(block, area);
    let selected = app.nav_row();
    let lines: Vec<Line> = (app.nav_scroll..app.nav_scroll + body.height as usize)
        .map_while(|i| app.index.row(i).map(|row| (i, row)))
        .map(|(i, row)| {
            let line = row_line(app, row);
            if i == selected && focused { line.style(theme.selected()) } else { line }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
}

fn row_line<'a>(app: &'a App<'_>, row: Row) -> Line<'a> {
    let theme = &app.theme;
    match row {
        Row::Briefings(n) => Line::from(Span::styled(format!("BRIEFINGS ({n})"), theme.dim())),
        Row::Briefing(id) => {
            let b = app.library.briefing(id);
            let open = if app.at.briefing == Some(id) { "▶ " } else { "  " };
            Line::from(vec![Span::raw(open), Span::raw(b.headline.as_str())])
        }
        Row::Group(kind, n, open) => {
            let arrow = if open { "▾" } else { "▸" };
            let name = kind.as_str().to_uppercase();
            Line::from(Span::styled(format!("{arrow} {name} ({n})"), theme.kind(kind)))
        }
        Row::Entity(id) => {
            let e = app.library.entity(id);
            let current = if app.at.entity == Some(id) { "▶" } else { " " };
            Line::from(vec![
                Span::raw(format!(" {current}")),
                Span::styled(symbol(e.kind).to_string(), theme.kind(e.kind)),
                Span::raw(e.name.as_str()),
            ])
        }
    }
}
