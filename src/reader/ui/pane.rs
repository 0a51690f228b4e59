//! Drawing a document pane (the story or the card) with [`DocView`]: only the visible
//! lines become spans, one per run of text, with the focused link reversed.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget, Wrap};

use super::hyperlink::link_cells;
use crate::library::cite::source_line;
use crate::reader::action::{Action, Pane};
use crate::reader::app::{App, PaneState};
use crate::reader::doc::{Doc, Piece, Tone, width};
use crate::reader::keymap::Context;
use crate::reader::layout::{inner, text_area};
use crate::reader::location::Spot;
use crate::reader::story::Header;
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
    /// Which pane it is: the main pane keeps a reading measure.
    pub kind: Pane,
    /// Whether to draw the doc's address (and a title that names it) as a hyperlink.
    pub hyperlinks: bool,
    /// Whether the border title names the doc's address (the compact story header).
    pub title_links: bool,
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
        let body = text_area(self.kind, area);
        let current_line = self.current_mark.and_then(|m| doc.marks.get(m)).copied();
        let link = self.spot.link;
        let lines = visible_lines(doc, scroll, body.height, |n, p| {
            let style: Style = self.theme.tone(p.tone);
            // The current find match is also underlined, so it stands out from the other
            // matches without colour too.
            if current_line == Some(n) && p.tone == Tone::Match {
                style.patch(self.theme.focused()).add_modifier(Modifier::UNDERLINED)
            } else if p.link.is_some() && p.link == link {
                style.patch(self.theme.focused())
            } else {
                style
            }
        });
        Paragraph::new(lines).render(body, buf);
        if let (true, Some(url)) = (self.hyperlinks, &doc.address) {
            link_addresses(buf, doc, scroll, body, url);
            if self.title_links {
                let end = (area.x + 1 + width(self.title) as u16).min(area.right().saturating_sub(1));
                link_cells(buf, area.y, area.x + 1..end, url);
            }
        }
    }
}

/// Makes the visible [`Tone::Address`] pieces hyperlinks to `url`.
fn link_addresses(buf: &mut Buffer, doc: &Doc, scroll: usize, body: Rect, url: &str) {
    for (row, pieces) in doc.lines.iter().skip(scroll).take(body.height as usize).enumerate() {
        let mut x = body.x;
        for piece in pieces {
            let w = width(&piece.text) as u16;
            if piece.tone == Tone::Address {
                link_cells(buf, body.y + row as u16, x..(x + w).min(body.right()), url);
            }
            x = x.saturating_add(w);
        }
    }
}

/// Draws the story pane. With the compact header the border names the source.
pub fn render_story(app: &App, frame: &mut Frame, area: Rect, focused: bool) {
    let compact = app.at.view == View::Story && app.header() == Header::Compact;
    let title = match (app.at.view, app.at.briefing) {
        (View::Story, None) => " Story — open a briefing from the library ".to_string(),
        (View::Story, Some(b)) if compact => {
            let room = (area.width as usize).saturating_sub(4);
            format!(" {} ", clip(&source_line(&app.library.briefing(b).source), room))
        }
        (view, _) => view.title(app.library),
    };
    let current_mark = (!app.find.query.is_empty()).then_some(app.find.current);
    let view = DocView {
        pane: &app.story,
        spot: &app.at.story,
        theme: &app.theme,
        focused,
        title: &title,
        current_mark,
        kind: Pane::Story,
        hyperlinks: app.hyperlinks,
        title_links: compact,
    };
    frame.render_widget(view, area);
}

/// `text` cut to `room` columns, with an ellipsis where it was cut.
pub fn clip(text: &str, room: usize) -> String {
    if width(text) <= room {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if width(&out) + width(c.encode_utf8(&mut [0; 4])) + 1 > room {
            break;
        }
        out.push(c);
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// Draws the card pane.
pub fn render_card(app: &App, frame: &mut Frame, area: Rect, focused: bool) {
    let title = match app.at.entity {
        Some(id) => format!(" {} ", app.library.entity(id).kind.as_str()),
        None => " Card ".to_string(),
    };
    let view = DocView {
        pane: &app.card,
        spot: &app.at.card,
        theme: &app.theme,
        focused,
        title: &title,
        current_mark: None,
        kind: Pane::Card,
        hyperlinks: false,
        title_links: false,
    };
    frame.render_widget(view, area);
    if app.at.entity.is_none() {
        let tab = app.key_of(Context::Reading, Action::NextLink).unwrap_or_else(|| "Go".into());
        let hint =
            format!("{tab} to a mention in the story, or open an entity from the library, to see its card here.");
        let mut lines = Vec::new();
        // The compact story header leaves the dek out: the empty card shows it instead.
        if let (Header::Compact, View::Story, Some(b)) = (app.header(), app.at.view, app.at.briefing) {
            let dek = &app.library.briefing(b).dek;
            if !dek.is_empty() {
                lines.push(Line::from(Span::styled(dek.as_str(), app.theme.tone(Tone::Dek))));
                lines.push(Line::default());
            }
        }
        lines.push(Line::from(Span::styled(hint, app.theme.dim())));
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner(area));
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
