//! The one-pane layout's preview strip: with only the story on screen, the focused link's
//! entity is named under it in a few lines (kind, name, role, the start of its summary),
//! as the card beside the story would show it on a wider screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::pane::clip;
use crate::library::EntityId;
use crate::reader::action::{Action, Pane};
use crate::reader::app::App;
use crate::reader::doc::{symbol, width};
use crate::reader::keymap::Context;
use crate::reader::views::View;

/// Draws the strip for `entity` in `area`: a rule naming it, its role and summary, and
/// the keys that open its card.
pub fn render(app: &App, frame: &mut Frame, area: Rect, entity: EntityId) {
    let theme = &app.theme;
    let e = app.library.entity(entity);
    let room = (area.width as usize).saturating_sub(6);
    let name = clip(&format!("{}{}", symbol(e.kind), e.name), room);
    let title = Line::from(vec![
        Span::styled(format!(" {name} "), theme.kind(e.kind).patch(theme.key())),
        Span::styled(clip(&format!("{} ", e.kind.as_str()), room.saturating_sub(width(&name))), theme.dim()),
    ]);
    let block = Block::new().borders(Borders::TOP).border_style(theme.dim()).title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let about = if e.role.is_empty() { e.summary.clone() } else { format!("{}. {}", e.role, e.summary) };
    let rows = inner.height.saturating_sub(1) as usize;
    let text = clip_lines(&about, inner.width as usize, rows);
    let mut lines: Vec<Line> = text.into_iter().map(Line::from).collect();
    lines.resize(rows, Line::default());
    lines.push(Line::from(Span::styled(keys_hint(app), theme.dim())));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// "Enter opens the card · 3 shows it", with the keys as configured; in the relation map
/// Enter makes the node the root instead.
fn keys_hint(app: &App) -> String {
    let does = match app.at.view {
        View::Map(root) if app.strip_entity() != Some(root) => "makes it the root",
        _ => "opens the card",
    };
    let follow = app.key_of(Context::Reading, Action::Follow).map(|k| format!("{k} {does}"));
    let card = app.key_of(Context::Reading, Action::Focus(Pane::Card)).map(|k| format!("{k} shows it"));
    [follow, card].into_iter().flatten().collect::<Vec<_>>().join(" · ")
}

/// `text` wrapped at spaces into at most `rows` lines of `columns`, the last ending in an
/// ellipsis when text was left over.
fn clip_lines(text: &str, columns: usize, rows: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut words = text.split_whitespace().peekable();
    while let Some(word) = words.next() {
        let wanted = if line.is_empty() { width(word) } else { width(&line) + 1 + width(word) };
        if wanted > columns && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            if lines.len() == rows {
                let last = lines.pop().unwrap_or_default();
                lines.push(clip(&format!("{last} {word}…"), columns.max(1)));
                return lines;
            }
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
        if words.peek().is_none() {
            lines.push(clip(&line, columns.max(1)));
        }
    }
    lines.truncate(rows);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_summary_is_cut_to_its_rows_with_an_ellipsis() {
        let lines = clip_lines("one two three four five six seven", 10, 2);
        assert_eq!(lines, ["one two", "three fou…"]);
        assert!(lines.iter().all(|l| width(l) <= 10));
        assert_eq!(clip_lines("short", 10, 2), ["short"]);
        assert!(clip_lines("anything", 10, 0).is_empty());
    }
}
