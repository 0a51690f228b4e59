//! Drawing the search box: the query, counts per kind, the results with matched letters
//! highlighted, and a preview of the selected result.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};

use crate::reader::app::{App, SearchBox};
use crate::reader::doc::{Tone, symbol};
use crate::reader::layout::search_areas;
use crate::reader::searcher::ResultRow;
use crate::reader::theme::Theme;
use crate::search::Category;

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
    if let (Some(preview), false) = (areas.preview, search.rows.is_empty()) {
        render_preview(app, search, frame, preview);
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
    spans.extend(
        runs(row.text, &row.positions, skip)
            .map(|(text, matched)| Span::styled(text, if matched { hit } else { Style::new() })),
    );
    Line::from(spans)
}

/// `text` from character `skip` on, cut into runs of matched and unmatched characters.
fn runs<'a>(text: &'a str, positions: &[usize], skip: usize) -> impl Iterator<Item = (&'a str, bool)> {
    let mut chars = text.char_indices().enumerate().skip(skip).peekable();
    std::iter::from_fn(move || {
        let (i, (start, _)) = chars.next()?;
        let matched = positions.contains(&i);
        let mut end = text.len();
        while let Some(&(j, (at, _))) = chars.peek() {
            if positions.contains(&j) != matched {
                end = at;
                break;
            }
            chars.next();
        }
        Some((&text[start..end], matched))
    })
}

fn render_preview(app: &App, search: &SearchBox, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let block = Block::bordered().border_type(BorderType::Rounded).border_style(theme.border(false)).title(" Preview ");
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines = super::pane::visible_lines(&search.preview.doc, 0, inner.height, |_, p| theme.tone(p.tone));
    frame.render_widget(Paragraph::new(lines), inner);
}

#[cfg(test)]
mod tests {
    use super::runs;

    #[test]
    fn matched_letters_come_in_runs() {
        let got: Vec<_> = runs("Jensen Huang", &[0, 1, 7], 0).collect();
        assert_eq!(got, vec![("Je", true), ("nsen ", false), ("H", true), ("uang", false)]);
        assert_eq!(runs("黄仁勋", &[1], 1).collect::<Vec<_>>(), vec![("仁", true), ("勋", false)]);
    }
}
