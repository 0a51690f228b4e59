//! The help overlay, generated from the key table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

use crate::library::Kind;
use crate::reader::app::App;
use crate::reader::doc::symbol;
use crate::reader::keymap::{BINDINGS, Context, key_name};

/// Width of the keys column; longer keys still get a space before their description.
const KEYS: usize = 22;

/// Draws the help over the screen, scrolled by `scroll` lines.
pub fn render(app: &App, frame: &mut Frame, area: Rect, scroll: usize) {
    let theme = &app.theme;
    let width = area.width.saturating_sub(4).min(76);
    let height = area.height.saturating_sub(2);
    let overlay = Rect::new(area.x + (area.width - width) / 2, area.y + 1, width, height);
    let lines = help_lines(app);
    let max = max_scroll(area.height);
    let more = match (scroll.min(max), max) {
        (_, 0) => "",
        (0, _) => " ↓ j for more ",
        (at, end) if at >= end => " ↑ k for more ",
        _ => " ↑↓ j k for more ",
    };
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border(true))
        .title(Span::styled(" Keys — Esc or ? to close ", theme.title(true)))
        .title_bottom(Line::from(Span::styled(more, theme.dim())).right_aligned());
    frame.render_widget(Clear, overlay);
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll.min(max) as u16, 0)), overlay);
}

/// The largest useful scroll of the help on a screen `rows` high: its last line at the bottom.
pub fn max_scroll(rows: u16) -> usize {
    let visible = rows.saturating_sub(4) as usize;
    line_count().saturating_sub(visible)
}

/// How many lines [`help_lines`] makes: a heading, the bindings and a blank line per
/// context, then the heading and one line per kind of the legend.
fn line_count() -> usize {
    let bindings: usize = Context::ALL.iter().map(|&c| 2 + BINDINGS.iter().filter(|b| b.context == c).count()).sum();
    bindings + 1 + Kind::ALL.len()
}

/// Every binding, grouped by context.
fn help_lines(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut lines = Vec::new();
    for context in Context::ALL {
        lines.push(Line::from(Span::styled(context.title(), theme.title(false).patch(theme.key()))));
        for b in BINDINGS.iter().filter(|b| b.context == context) {
            let keys = b.keys.iter().map(key_name).collect::<Vec<_>>().join(" / ");
            lines.push(Line::from(vec![Span::styled(format!("  {keys:<KEYS$} "), theme.key()), Span::raw(b.help)]));
        }
        lines.push(Line::default());
    }
    lines.push(Line::from(Span::styled("Links are marked by kind", theme.title(false).patch(theme.key()))));
    for kind in Kind::ALL {
        lines.push(Line::from(vec![
            Span::styled(format!("  {}", symbol(kind)), theme.kind(kind)),
            Span::raw(format!(" {}", kind.as_str())),
        ]));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::bundled;

    #[test]
    fn the_help_knows_its_length() {
        let library = bundled::load(Default::default()).expect("the bundled library loads").library;
        let app = App::new(&library, (120, 40), None);
        assert_eq!(help_lines(&app).len(), line_count());
        assert_eq!(max_scroll(4 + line_count() as u16), 0);
        assert_eq!(max_scroll(24), line_count() - 20);
    }

    #[test]
    fn keys_never_run_into_their_description() {
        let library = bundled::load(Default::default()).expect("the bundled library loads").library;
        let app = App::new(&library, (120, 40), None);
        let is_binding = |l: &Line| l.spans.len() == 2 && BINDINGS.iter().any(|b| b.help == l.spans[1].content);
        let bindings: Vec<Line> = help_lines(&app).into_iter().filter(is_binding).collect();
        assert_eq!(bindings.len(), BINDINGS.len());
        for line in bindings {
            assert!(line.spans[0].content.ends_with(' '), "`{line}` runs keys into the description");
        }
    }
}
