//! Drawing a document pane (the story or the card) with [`DocView`]: only the visible
//! lines become spans, one per run of text, with the focused link reversed.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget, Wrap};

use crate::reader::action::Action;
use crate::reader::app::{App, PaneState};
use crate::reader::doc::{Doc, Piece, Tone};
use crate::reader::keymap::Context;
use crate::reader::layout::inner;
use crate::reader::location::Spot;
use crate::reader::theme::Theme;
use crate::reader::views::View;

/// A document in a bordered pane, scrolled to a spot.
pub struct DocView<'a> {
    /// The laid-out document.
    pub pane: &'a PaneState,
    /// Where it is scrolled to and which link has focus.
    pub spot: &'a Spot,
    /// Colours.
    pub theme: &'a Theme,
    /// Whether the pane has the keyboard.
    pub focused: bool,
    /// The border title.
    pub title: &'a str,
    /// The current find match, drawn like a focused link.
    pub current_mark: Option<usize>,
}

impl Widget for DocView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let doc = &self.pane.doc;
        let scroll = self.pane.scroll(self.spot);
        let total = doc.lines.len();
        let position = if total > self.pane.height {
            format!(" {}/{} ", (scroll + self.pane.height).min(total), total)
        } else {
            String::new()
        };
        Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(self.theme.border(self.focused))
            .title(Span::styled(self.title.to_string(), self.theme.title(self.focused)))
            .title_bottom(Line::from(position).right_aligned())
            .render(area, buf);
        let body = inner(area);
        let current_line = self.current_mark.and_then(|m| doc.marks.get(m)).copied();
        let link = self.spot.link;
        let lines = visible_lines(doc, scroll, body.height, |n, p| {
            let style: Style = self.theme.tone(p.tone);
            let current = (p.link.is_some() && p.link == link) || (current_line == Some(n) && p.tone == Tone::Match);
            if current { style.patch(self.theme.focused()) } else { style }
        });
        Paragraph::new(lines).render(body, buf);
    }
}

/// Draws the story pane.
pub fn render_story(app: &App, frame: &mut Frame, area: Rect, focused: bool) {
    let title = match (app.at.view, app.at.briefing) {
        (View::Story, None) => " Story — open a briefing from the library ".to_string(),
        (view, _) => view.title(app.library, app.at.entity),
    };
    let current_mark = (!app.find.query.is_empty()).then_some(app.find.current);
    let view =
        DocView { pane: &app.story, spot: &app.at.story, theme: &app.theme, focused, title: &title, current_mark };
    frame.render_widget(view, area);
}

/// Draws the card pane.
pub fn render_card(app: &App, frame: &mut Frame, area: Rect, focused: bool) {
    let title = match app.at.entity {
        Some(id) => format!(" {} ", app.library.entity(id).kind.as_str()),
        None => " Card ".to_string(),
    };
    let view =
        DocView { pane: &app.card, spot: &app.at.card, theme: &app.theme, focused, title: &title, current_mark: None };
    frame.render_widget(view, area);
    if app.at.entity.is_none() {
        let tab = app.key_of(Context::Reading, Action::NextLink).unwrap_or_else(|| "Go".into());
        let hint =
            format!("{tab} to a mention in the story, or open an entity from the library, to see its card here.");
        let text = Paragraph::new(Span::styled(hint, app.theme.dim())).wrap(Wrap { trim: true });
        frame.render_widget(text, inner(area));
    }
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
