//! Drawing the search box: the query, counts per kind, the results with matched letters
//! highlighted, and a preview of the selected result.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};

use crate::reader::app::{App, SearchBox};
use crate::reader::card::card_doc;
use crate::reader::doc::{Doc, Tone, symbol};
use crate::reader::layout::search_areas;
use crate::reader::searcher::ResultRow;
use crate::reader::theme::Theme;
use crate::search::{Category, Destination};

/// Width of the kind badge column.
const BADGE: usize = 14;

/// Draws the box over the screen.
pub fn render(app: &App, search: &SearchBox, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let areas = search_areas(area);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border(true))
        .title(Span::styled(title(app, search), theme.title(true)));
    frame.render_widget(Clear, areas.outer);
    frame.render_widget(block, areas.outer);
    let busy = if search.pending() { "  searching…" } else { "" };
    let prompt = Line::from(vec![
        Span::styled("/ ", theme.key()),
        Span::raw(search.query.as_str()),
        Span::raw("▏"),
        Span::styled(busy, theme.dim()),
    ]);
    frame.render_widget(Paragraph::new(prompt), areas.input);
    frame.render_widget(Paragraph::new(counts_line(search, theme)), areas.counts);
    if search.query.trim().is_empty() {
        let body = areas.preview.map_or(areas.list, |p| areas.list.union(p));
        frame.render_widget(Paragraph::new(intro(app)).wrap(Wrap { trim: false }), body);
        return;
    }
    render_rows(search, theme, frame, areas.list);
    if let (Some(preview), Some(row)) = (areas.preview, search.rows.get(search.selected)) {
        render_preview(app, row, frame, preview);
    }
}

fn title(app: &App, search: &SearchBox) -> String {
    match search.path_from {
        Some(from) => format!(" Connect {} to … — pick an entity, Enter ", app.library.entity(from).name),
        None => " Search — Enter go · Esc back · ↑↓ select · Alt-↑ recent ".to_string(),
    }
}

fn counts_line<'a>(search: &SearchBox, theme: &Theme) -> Line<'a> {
    if search.query.trim().is_empty() {
        return Line::default();
    }
    let mut spans = vec![Span::styled(format!("{} results", search.total), theme.dim())];
    for &(category, n) in &search.counts {
        spans.push(Span::styled(" · ", theme.dim()));
        spans.push(Span::styled(format!("@{} {n}", category.as_str()), badge_style(category, theme)));
    }
    Line::from(spans)
}

fn intro<'a>(app: &App) -> Vec<Line<'a>> {
    let theme = &app.theme;
    let mut lines = vec![
        Line::from("Type to search names, aliases, figures, sentences and briefings."),
        Line::from(Span::styled("Narrow with @kind: @person huang · @figure billion · @chip · @sentence", theme.dim())),
    ];
    let recent: Vec<&str> = app.recent_searches.newest_first().take(8).collect();
    if !recent.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled("Recent (Alt-↑ to recall)", theme.dim())));
        lines.extend(recent.into_iter().map(|q| Line::from(format!("  {q}"))));
    }
    lines
}

fn badge_style(category: Category, theme: &Theme) -> Style {
    match category {
        Category::Entity(kind) => theme.kind(kind),
        Category::Sentence | Category::Briefing => theme.dim(),
    }
}

fn render_rows(search: &SearchBox, theme: &Theme, frame: &mut Frame, area: Rect) {
    if search.rows.is_empty() {
        let text = if search.pending() { "searching…" } else { "no matches" };
        frame.render_widget(Paragraph::new(Span::styled(text, theme.dim())), area);
        return;
    }
    let room = (area.width as usize).saturating_sub(BADGE);
    let lines: Vec<Line> = search
        .rows
        .iter()
        .enumerate()
        .skip(search.scroll)
        .take(area.height as usize)
        .map(|(i, row)| {
            let line = row_line(row, theme, room);
            if i == search.selected { line.style(theme.selected()) } else { line }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// A result row: kind badge, then the text with matched letters highlighted, shifted so
/// the first match is visible in a long sentence.
fn row_line<'a>(row: &ResultRow<'a>, theme: &Theme, room: usize) -> Line<'a> {
    let symbol = match row.category {
        Category::Entity(kind) => symbol(kind),
        Category::Sentence => '¶',
        Category::Briefing => '▤',
    };
    let badge = format!("{symbol} {:<w$}", row.category.as_str(), w = BADGE - 2);
    let mut spans = vec![Span::styled(badge, badge_style(row.category, theme))];
    let titled = row.title != row.text;
    if titled {
        spans.push(Span::styled(row.title, Style::new().add_modifier(Modifier::BOLD)));
        spans.push(Span::styled(" · ", theme.dim()));
    }
    let room = room.saturating_sub(if titled { crate::reader::doc::width(row.title) + 3 } else { 0 });
    let first = row.positions.first().copied().unwrap_or(0);
    let skip = if first > room / 2 { first - room / 4 } else { 0 };
    if skip > 0 {
        spans.push(Span::raw("…"));
    }
    let hit = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED).patch(theme.tone(Tone::Match));
    for (i, c) in row.text.chars().enumerate().skip(skip) {
        let style = if row.positions.contains(&i) { hit } else { Style::new() };
        spans.push(Span::styled(c.to_string(), style));
    }
    Line::from(spans)
}

fn render_preview(app: &App, row: &ResultRow, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let block = Block::bordered().border_type(BorderType::Rounded).border_style(theme.border(false)).title(" Preview ");
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = inner.width.max(1) as usize;
    let doc = match &row.destination {
        Destination::Entity(id) => card_doc(app.library, *id, w),
        Destination::Sentence(b, p, _) => paragraph_doc(app, *b, *p, w),
        Destination::Briefing(b) => crate::reader::story::story_doc(app.library, *b, w, ""),
    };
    let lines = super::pane::visible_lines(&doc, 0, inner.height, |_, p| theme.tone(p.tone));
    frame.render_widget(Paragraph::new(lines), inner);
}

fn paragraph_doc(app: &App, briefing: crate::library::BriefingId, paragraph: usize, w: usize) -> Doc {
    let b = app.library.briefing(briefing);
    let mut doc = crate::reader::doc::DocBuilder::new(w);
    doc.text(&b.headline, Tone::Meta).blank();
    let section = &b.sections[b.paragraphs[paragraph].section];
    if !section.heading.is_empty() {
        doc.text(&section.heading, Tone::Heading).blank();
    }
    doc.text(&b.paragraphs[paragraph].text, Tone::Body);
    doc.finish()
}
