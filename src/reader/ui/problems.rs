//! The problems panel: what the last reload of the content directory found wrong, each
//! with its file, line and column, while the last good library stays on screen above it.
//! It holds no keyboard focus; it goes away by itself when a reload loads cleanly.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use crate::library::escape::escape_controls;
use crate::library::{Diagnostic, Severity};
use crate::reader::app::App;
use crate::reader::layout::MAX_PROBLEM_ROWS;
use crate::reader::theme::Theme;

/// Draws the panel into `area`: bordered when it has room, else one line.
pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let problems = &app.problems;
    let errors = problems.iter().filter(|d| d.is_error()).count();
    let title = format!(" {} · showing the last good version ", count(errors, problems.len() - errors));
    if area.height < 3 {
        let first = problems.first().map(|d| line(d, &app.theme)).unwrap_or_default();
        let total = count(errors, problems.len() - errors);
        let mut spans = vec![Span::styled(format!("✗ {total}: "), app.theme.problem())];
        // The first diagnostic without its own mark: the line already starts with one.
        spans.extend(first.spans.into_iter().skip(1));
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
        return;
    }
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(app.theme.problem())
        .title(Span::styled(title, app.theme.problem()));
    let room = (area.height as usize).saturating_sub(2);
    // The line that counts the rest takes a row only where a diagnostic keeps one too.
    let listed = if problems.len() > room && room >= 2 { room - 1 } else { room }.min(MAX_PROBLEM_ROWS);
    let mut lines: Vec<Line> = problems.iter().take(listed).map(|d| line(d, &app.theme)).collect();
    if problems.len() > listed {
        let more = format!("… and {} more: `briefing check` lists them all", problems.len() - listed);
        lines.push(Line::from(Span::styled(more, app.theme.dim())));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// "2 errors, 1 warning".
fn count(errors: usize, warnings: usize) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match warnings {
        0 => plural(errors, "error"),
        _ => format!("{}, {}", plural(errors, "error"), plural(warnings, "warning")),
    }
}

/// One diagnostic: its mark, `file:line:column` and message, control characters escaped.
fn line(diagnostic: &Diagnostic, theme: &Theme) -> Line<'static> {
    let mark = match diagnostic.severity {
        Severity::Error => Span::styled("✗ ", theme.problem()),
        Severity::Warning => Span::styled("! ", theme.key()),
    };
    let mut place = escape_controls(&diagnostic.file.display().to_string(), &[]).into_owned();
    if let Some(p) = diagnostic.position {
        place.push_str(&format!(":{}:{}", p.line, p.column));
    }
    Line::from(vec![
        mark,
        Span::styled(place, theme.key()),
        Span::raw("  "),
        Span::raw(escape_controls(&diagnostic.message, &[]).into_owned()),
    ])
}
