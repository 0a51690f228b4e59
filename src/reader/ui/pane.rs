//! Drawing a document pane (the story or the card): only the visible lines are turned
//! into spans, with the focused link reversed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use crate::reader::app::{App, PaneState};
use crate::reader::doc::{Doc, Piece, Tone};
use crate::reader::layout::inner;
use crate::reader::theme::Theme;
use crate::reader::views::View;

/// Draws the story pane.
pub fn render_story(app: &App, frame: &mut Frame, area: Rect, focused: bool) {
    let title = match (app.view, app.briefing) {
        (View::Story, None) => " Story — open a briefing from the library ".to_string(),
        (view, _) => view.title(app.library, app.entity),
    };
    let mark = (!app.find.query.is_empty()).then_some(app.find.current);
    render_doc(&app.story, &app.theme, frame, area, focused, &title, mark);
}

/// Draws the card pane.
pub fn render_card(app: &App, frame: &mut Frame, area: Rect, focused: bool) {
    let title = match app.entity {
        Some(id) => format!(" {} ", app.library.entity(id).kind.as_str()),
        None => " Card ".to_string(),
    };
    render_doc(&app.card, &app.theme, frame, area, focused, &title, None);
    if app.entity.is_none() {
        let hint = "Tab to a mention in the story, or open an entity from the library, to see its card here.";
        let text = Paragraph::new(Span::styled(hint, app.theme.dim())).wrap(ratatui::widgets::Wrap { trim: true });
        frame.render_widget(text, inner(area));
    }
}

/// A bordered pane showing the visible lines of a doc.
pub fn render_doc(
    state: &PaneState,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    focused: bool,
    title: &str,
    current_mark: Option<usize>,
) {
    let total = state.doc.lines.len();
    let position = if total > state.height {
        format!(" {}/{} ", (state.scroll + state.height).min(total), total)
    } else {
        String::new()
    };
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border(focused))
        .title(Span::styled(title.to_string(), theme.title(focused)))
        .title_bottom(Line::from(position).right_aligned());
    let body = inner(area);
    frame.render_widget(block, area);
    let current_line = current_mark.and_then(|m| state.doc.marks.get(m)).copied();
    let lines = visible_lines(&state.doc, state.scroll, body.height, |n, p| {
        let mut style: Style = theme.tone(p.tone);
        if p.link.is_some() && p.link == state.link {
            style = style.patch(theme.focused());
        }
        if current_line == Some(n) && p.tone == Tone::Match {
            style = style.patch(theme.focused());
        }
        style
    });
    frame.render_widget(Paragraph::new(lines), body);
}

/// Spans for the `height` lines of `doc` from `first` on, each piece styled by `style`
/// (given the line number): the only lines a frame ever builds.
pub fn visible_lines<'d>(
    doc: &'d Doc,
    first: usize,
    height: u16,
    style: impl Fn(usize, &Piece) -> Style,
) -> Vec<Line<'d>> {
    let line = |(n, pieces): (usize, &'d Vec<Piece>)| {
        Line::from(pieces.iter().map(|p| Span::styled(p.text.as_str(), style(n, p))).collect::<Vec<_>>())
    };
    doc.lines.iter().enumerate().skip(first).take(height as usize).map(line).collect()
}
