//! Drawing the library navigator: only the visible rows.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use crate::library::EntityId;
use crate::reader::action::Action;
use crate::reader::app::App;
use crate::reader::doc::symbol;
use crate::reader::keymap::Context;
use crate::reader::layout::inner;
use crate::reader::navigator::{Row, Saved};
use crate::state::Standing;

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
            let line = fit(row_line(app, row), body.width as usize);
            if i == selected && focused { line.style(theme.selected()) } else { line }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
}

fn row_line<'a>(app: &'a App<'_>, row: Row) -> Line<'a> {
    let theme = &app.theme;
    match row {
        Row::Briefings(n) => {
            let key = app.key_of(Context::Navigator, Action::ToggleEntityScope).map(|k| format!("{k}: "));
            let whose = match app.index.only() {
                Some(_) => format!(" · entities of this one ({}all)", key.unwrap_or_default()),
                None => String::new(),
            };
            Line::from(Span::styled(format!("BRIEFINGS ({n}){whose}"), theme.dim()))
        }
        Row::Briefing(id) => {
            let b = app.library.briefing(id);
            let open = if app.at.briefing == Some(id) { "▶ " } else { "  " };
            let date = b.date.as_deref().map(|d| format!("{d} ")).unwrap_or_default();
            let mut spans = vec![Span::raw(open), Span::styled(date, theme.dim())];
            if let Some(mark) = standing_mark(app.memory.standing(app.library, id)) {
                spans.push(Span::styled(mark, theme.key()));
            }
            spans.push(Span::raw(b.headline.as_str()));
            Line::from(spans)
        }
        Row::Bookmarks(n) => {
            let remove = app.key_of(Context::Navigator, Action::ToggleBookmark).map(|k| format!(" · {k} removes"));
            Line::from(Span::styled(format!("BOOKMARKS ({n}){}", remove.unwrap_or_default()), theme.dim()))
        }
        Row::Saved(saved) => saved_line(app, saved),
        Row::Group(kind, n, open) => {
            let arrow = if open { "▾" } else { "▸" };
            let name = kind.as_str().to_uppercase();
            let mut spans = vec![Span::styled(format!("{arrow} {name} ({n})"), theme.kind(kind))];
            let listed = |e: EntityId| app.library.entity(e).kind == kind && app.index.lists(app.library, e);
            let new = app.memory.new_entity_ids().filter(|&e| listed(e)).count();
            if new > 0 {
                spans.push(Span::styled(format!(" +{new} new"), theme.key()));
            }
            Line::from(spans)
        }
        Row::Entity(id) => {
            let e = app.library.entity(id);
            let current = if app.at.entity == Some(id) { "▶" } else { " " };
            let mut spans = vec![Span::raw(format!(" {current}"))];
            if app.memory.is_new_entity(id) {
                spans.push(Span::styled("+new ", theme.key()));
            }
            spans.push(Span::styled(symbol(e.kind).to_string(), theme.kind(e.kind)));
            spans.push(Span::raw(e.name.as_str()));
            Line::from(spans)
        }
    }
}

/// The mark before a briefing's headline: new since the last visit, changed since read,
/// or read to the end; nothing for one unread or part-read.
fn standing_mark(standing: Standing) -> Option<&'static str> {
    match standing {
        Standing::New => Some("+new "),
        Standing::Updated => Some("*updated "),
        Standing::Read => Some("✓ "),
        Standing::Unread | Standing::Opened => None,
    }
}

/// A bookmark row: a symbol for what it marks, then its name, headline or first words.
fn saved_line<'a>(app: &'a App<'_>, saved: Saved) -> Line<'a> {
    let library = app.library;
    match saved {
        Saved::Briefing(b) => Line::from(format!("  ★ {}", library.briefing(b).headline)),
        Saved::Entity(e) => {
            let e = library.entity(e);
            Line::from(vec![
                Span::raw("  ★ "),
                Span::styled(symbol(e.kind).to_string(), app.theme.kind(e.kind)),
                Span::raw(e.name.as_str()),
            ])
        }
        Saved::Paragraph(b, p) => {
            let text = library.briefing(b).paragraphs.get(p).map_or("", |p| p.text.as_str());
            Line::from(format!("  ★ ¶ {text}"))
        }
    }
}

/// `line` cut to `width` columns, with an ellipsis where it was cut, so a shortened name
/// never reads as a whole one.
fn fit(line: Line<'_>, width: usize) -> Line<'_> {
    if line.width() <= width {
        return line;
    }
    let mut room = width.saturating_sub(1);
    let mut spans = Vec::new();
    for span in line.spans {
        let mut text = String::new();
        for c in span.content.chars() {
            let w = crate::reader::doc::width(c.encode_utf8(&mut [0; 4]));
            if w > room {
                room = 0;
                break;
            }
            room -= w;
            text.push(c);
        }
        spans.push(Span::styled(text, span.style));
        if room == 0 {
            break;
        }
    }
    spans.push(Span::raw("…"));
    Line::from(spans).style(line.style)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_row_ends_in_an_ellipsis_within_its_width() {
        let line = fit(Line::from(vec![Span::raw("▶ "), Span::raw("Huang Flies to Beijing")]), 12);
        assert_eq!(line.to_string(), "▶ Huang Fli…");
        assert_eq!(line.width(), 12);
        assert_eq!(fit(Line::from("short"), 12).to_string(), "short");
        assert_eq!(fit(Line::from("黄仁勋黄仁勋"), 6).to_string(), "黄仁…");
    }
}
