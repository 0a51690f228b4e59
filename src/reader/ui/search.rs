//! Drawing the search box: the query, counts per kind, the results with matched letters
//! highlighted, and a preview of the selected result.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};

use crate::reader::action::Action;
use crate::reader::app::{App, SearchBox};
use crate::reader::doc::{Tone, symbol};
use crate::reader::keymap::Context;
use crate::reader::layout::search_areas;
use crate::reader::searcher::ResultRow;
use crate::reader::theme::Theme;
use crate::search::Category;

/// Width of the kind column: a symbol, a space, the longest category name and a space,
/// so a name never runs into the kind ("▲ organisation State Council").
fn badge_width() -> usize {
    2 + Category::all().map(|c| c.as_str().len()).max().unwrap_or(0) + 1
}

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
    let busy = busy_word(app, search);
    render_input(search, busy, theme, frame, areas.input);
    let width = areas.input.width as usize;
    frame
        .render_widget(Paragraph::new(counts_line(search, theme, reading_on_counts_line(search, width))), areas.counts);
    if search.query.trim().is_empty() {
        let body = areas.preview.map_or(areas.list, |p| areas.list.union(p));
        frame.render_widget(Paragraph::new(intro(app)).wrap(Wrap { trim: false }), body);
        return;
    }
    render_rows(search, busy, theme, frame, areas.list);
    if let (Some(preview), false) = (areas.preview, search.rows.is_empty()) {
        render_preview(app, search, frame, preview);
    }
}

fn title(app: &App, search: &SearchBox) -> String {
    let key = |action| app.keys.key_for(&[Context::Search], action);
    match search.path_from {
        Some(from) => {
            let go = key(Action::Submit).map(|k| format!(", {k}")).unwrap_or_default();
            format!(" Connect {} to … — pick an entity{go} ", app.library.entity(from).name)
        }
        None => {
            let select = match (key(Action::Up), key(Action::Down)) {
                (Some(up), Some(down)) if up.chars().count() == 1 && down.chars().count() == 1 => Some(up + &down),
                (Some(up), Some(down)) => Some(format!("{up}/{down}")),
                (up, down) => up.or(down),
            };
            let parts = [
                (key(Action::Submit), "go"),
                (key(Action::Cancel), "back"),
                (select, "select"),
                (key(Action::RecallOlder), "recent"),
            ];
            let parts: Vec<String> = parts.into_iter().filter_map(|(k, word)| Some(format!("{} {word}", k?))).collect();
            format!(" Search — {} ", parts.join(" · "))
        }
    }
}

/// Columns of a briefing's headline on a sentence or figure row.
const BRIEFING_WIDTH: usize = 24;

/// `text` cut to `width` columns, with an ellipsis when cut.
fn shortened(text: &str, width: usize) -> String {
    if crate::reader::doc::width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if crate::reader::doc::width(&out) + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) >= width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// What the box is waiting for, if anything: the index of a large library, which the
/// worker builds (or reads from the cache) while the reader is already up, or a reply.
fn busy_word(app: &App, search: &SearchBox) -> Option<&'static str> {
    match (search.pending(), app.searcher.ready()) {
        (false, _) => None,
        (true, false) => Some("indexing…"),
        (true, true) => Some("searching…"),
    }
}

/// The query line, with how the query was read at its right when both fit; otherwise the
/// reading moves to the counts line.
fn render_input(search: &SearchBox, busy: Option<&str>, theme: &Theme, frame: &mut Frame, area: Rect) {
    let width = area.width as usize;
    let reading = reading_span(search, theme);
    let reading_width = crate::reader::doc::width(&reading.content);
    let typed = crate::reader::doc::width(&search.query) + 16;
    if search.reading.is_empty() || typed + reading_width + 2 > width {
        frame.render_widget(Paragraph::new(prompt_line(search, busy, theme, width)), area);
        return;
    }
    let [left, right] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(reading_width as u16 + 1)]).areas(area);
    frame.render_widget(Paragraph::new(prompt_line(search, busy, theme, left.width as usize)), left);
    frame.render_widget(Paragraph::new(Line::from(reading)).right_aligned(), right);
}

/// Whether the reading goes on the counts line, the query line having no room for it.
fn reading_on_counts_line(search: &SearchBox, width: usize) -> bool {
    let reading = format!("read as: {}", search.reading);
    let typed = crate::reader::doc::width(&search.query) + 16;
    !search.reading.is_empty() && typed + crate::reader::doc::width(&reading) + 2 > width
}

/// How the query was read, dim, or in the match colour when a kind is unknown.
fn reading_span<'a>(search: &SearchBox, theme: &Theme) -> Span<'a> {
    let style = if search.unknown_kind { theme.tone(Tone::Match) } else { theme.dim() };
    Span::styled(format!("read as: {}", search.reading), style)
}

/// The prompt and the query, scrolled so the cursor stays in view, with the cursor drawn
/// between characters.
fn prompt_line<'a>(search: &'a SearchBox, busy: Option<&str>, theme: &Theme, width: usize) -> Line<'a> {
    let busy = busy.map(|word| format!("  {word}")).unwrap_or_default();
    let room = width.saturating_sub(2 + 1 + busy.chars().count()).max(1);
    let chars: Vec<(usize, char)> = search.query.char_indices().collect();
    let (start, end) = query_window(&chars, search.cursor.min(chars.len()), room);
    let byte = |i: usize| chars.get(i).map_or(search.query.len(), |&(b, _)| b);
    let cursor = byte(search.cursor.min(chars.len()));
    Line::from(vec![
        Span::styled(if start > 0 { "…" } else { "/" }, theme.key()),
        Span::raw(" "),
        Span::raw(&search.query[byte(start)..cursor]),
        Span::raw("▏"),
        Span::raw(&search.query[cursor..byte(end)]),
        Span::styled(busy, theme.dim()),
    ])
}

/// The characters `start..end` of the query to show in `room` columns, keeping the
/// cursor in view: the end of the query when it fits, else a window ending just after
/// the cursor.
fn query_window(chars: &[(usize, char)], cursor: usize, room: usize) -> (usize, usize) {
    let width = |c: char| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
    let mut start = cursor;
    let mut used = 0;
    while start > 0 && used + width(chars[start - 1].1) < room {
        start -= 1;
        used += width(chars[start].1);
    }
    let mut end = cursor;
    while end < chars.len() && used + width(chars[end].1) < room {
        used += width(chars[end].1);
        end += 1;
    }
    (start, end)
}

/// How many matched and, per kind, how many — or, when the query line has no room for
/// it, how the query was read instead of the counts per kind.
fn counts_line<'a>(search: &SearchBox, theme: &Theme, with_reading: bool) -> Line<'a> {
    // Nothing is counted yet while the first reply is due: "0 results" would be a guess.
    if search.query.trim().is_empty() || (search.pending() && search.rows.is_empty()) {
        return Line::default();
    }
    let noun = if search.total == 1 { "result" } else { "results" };
    let mut spans = vec![Span::styled(format!("{} {noun}", search.total), theme.dim())];
    if with_reading {
        spans.push(Span::styled(" · ", theme.dim()));
        spans.push(reading_span(search, theme));
    }
    if !with_reading {
        for &(category, n) in &search.counts {
            spans.push(Span::styled(" · ", theme.dim()));
            spans.push(Span::styled(format!("@{} {n}", category.as_str()), badge_style(category, theme)));
        }
    }
    Line::from(spans)
}

fn intro<'a>(app: &App) -> Vec<Line<'a>> {
    let theme = &app.theme;
    let mut lines = vec![
        Line::from("Type to search names, aliases, figures, sentences and briefings."),
        Line::from(Span::styled(
            "Words match in any order, in names, roles, relations, facts and stories.",
            theme.dim(),
        )),
        Line::from(Span::styled("@kind narrows (@person huang) · 'exact · ^start · end$ · !not · a | b", theme.dim())),
    ];
    let recent: Vec<&str> = app.recent_searches.newest_first().take(8).collect();
    if !recent.is_empty() {
        lines.push(Line::default());
        let recall = app.keys.key_for(&[Context::Search], Action::RecallOlder).map(|k| format!(" ({k} to recall)"));
        lines.push(Line::from(Span::styled(format!("Recent{}", recall.unwrap_or_default()), theme.dim())));
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

fn render_rows(search: &SearchBox, busy: Option<&str>, theme: &Theme, frame: &mut Frame, area: Rect) {
    if search.rows.is_empty() {
        let text = busy.unwrap_or("no matches");
        frame.render_widget(Paragraph::new(Span::styled(text, theme.dim())), area);
        return;
    }
    let room = (area.width as usize).saturating_sub(badge_width());
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

/// A result row: the kind column, the title with matched letters highlighted (shifted so
/// the first match shows in a long sentence), then the other text that matched. Sentence
/// rows start with their briefing's headline, figure rows name it after the figure.
fn row_line<'a>(row: &ResultRow<'a>, theme: &Theme, room: usize) -> Line<'a> {
    let symbol = match row.category {
        Category::Entity(kind) => symbol(kind),
        Category::Sentence => '¶',
        Category::Briefing => '▤',
    };
    let badge = format!("{symbol} {:<w$}", row.category.as_str(), w = badge_width() - 2);
    let mut spans = vec![Span::styled(badge, badge_style(row.category, theme))];
    let hit = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED).patch(theme.tone(Tone::Match));
    let is_sentence = row.category == Category::Sentence;
    let title_style = if is_sentence { Style::new() } else { Style::new().add_modifier(Modifier::BOLD) };
    let from = row.briefing.map(|b| Span::styled(format!("{} · ", shortened(b, BRIEFING_WIDTH)), theme.dim()));
    let room = room.saturating_sub(from.as_ref().map_or(0, |s| crate::reader::doc::width(&s.content)));
    if is_sentence {
        spans.extend(from.clone());
    }
    let first = row.positions.first().copied().unwrap_or(0);
    let skip = if is_sentence && first > room / 2 { first - room / 4 } else { 0 };
    if skip > 0 {
        spans.push(Span::raw("…"));
    }
    spans.extend(
        runs(row.title, &row.positions, skip)
            .map(|(text, matched)| Span::styled(text, if matched { hit.patch(title_style) } else { title_style })),
    );
    if !is_sentence {
        spans.extend(from.map(|s| Span::styled(format!("  {}", s.content.trim_end_matches(" · ")), s.style)));
    }
    if let Some((field, text, positions)) = &row.context {
        spans.push(Span::styled(format!("  {}: ", field.as_str()), theme.dim()));
        let owned: Vec<(String, bool)> = runs(text, positions, 0).map(|(t, m)| (t.to_string(), m)).collect();
        spans.extend(owned.into_iter().map(|(t, m)| Span::styled(t, if m { hit } else { Style::new() })));
    }
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
    use super::{query_window, runs};

    #[test]
    fn the_query_window_keeps_the_cursor_in_view() {
        let chars: Vec<(usize, char)> = "abcdefghij".char_indices().collect();
        assert_eq!(query_window(&chars, 10, 20), (0, 10));
        assert_eq!(query_window(&chars, 10, 5), (6, 10));
        assert_eq!(query_window(&chars, 2, 5), (0, 4));
    }

    #[test]
    fn matched_letters_come_in_runs() {
        let got: Vec<_> = runs("Jensen Huang", &[0, 1, 7], 0).collect();
        assert_eq!(got, vec![("Je", true), ("nsen ", false), ("H", true), ("uang", false)]);
        assert_eq!(runs("黄仁勋", &[1], 1).collect::<Vec<_>>(), vec![("仁", true), ("勋", false)]);
    }
}
