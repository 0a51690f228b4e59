//! Where panes go for a terminal size. Both drawing and input handling (page sizes,
//! mouse hit-testing) ask this one function, so they always agree.

use ratatui::layout::{Constraint, Layout, Margin, Rect};

use super::action::Pane;

/// Below this many columns or rows the reader shows only a "too small" notice.
pub const MIN_SIZE: (u16, u16) = (30, 8);

/// The widest the help overlay gets: room for the longest help line beside its keys.
const HELP_WIDTH: u16 = 84;

/// How many panes fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Library, story and card side by side (120 columns or more).
    Wide,
    /// Two panes: library or story on the left, card on the right (80–119 columns).
    Medium,
    /// One pane with tabs (under 80 columns).
    Narrow,
    /// Under [`MIN_SIZE`].
    TooSmall,
}

/// The screen's regions for a size, focus and left-hand pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screen {
    /// The layout mode.
    pub mode: Mode,
    /// Visible panes and their outer rectangles.
    pub panes: Vec<(Pane, Rect)>,
    /// The tab bar, in narrow mode.
    pub tabs: Option<Rect>,
    /// The status bar.
    pub status: Rect,
    /// The panel of content problems above the status bar, while there are any.
    pub problems: Option<Rect>,
}

impl Screen {
    /// The outer rectangle of `pane`, if visible.
    pub fn pane(&self, pane: Pane) -> Option<Rect> {
        self.panes.iter().find(|(p, _)| *p == pane).map(|&(_, r)| r)
    }

    /// The pane under a cell.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        let cell = Rect::new(column, row, 1, 1);
        self.panes.iter().find(|(_, r)| r.intersects(cell)).map(|&(p, _)| p)
    }
}

/// The text area inside a pane's border.
pub fn inner(outer: Rect) -> Rect {
    outer.inner(Margin { horizontal: 1, vertical: 1 })
}

/// Lays the screen out. `left` is the pane shown beside the card in medium mode.
pub fn screen(area: Rect, focus: Pane, left: Pane) -> Screen {
    screen_with_problems(area, focus, left, 0)
}

/// Lays the screen out with a panel for `problems` content diagnostics above the status
/// bar (none for 0): the panes give up the rows it takes, so nothing they show is hidden.
pub fn screen_with_problems(area: Rect, focus: Pane, left: Pane, problems: usize) -> Screen {
    let mode = mode(area.width, area.height);
    let rows = if mode == Mode::TooSmall { 0 } else { problem_rows(area.height, problems) };
    let [body, panel, status] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(rows), Constraint::Length(1)]).areas(area);
    let problems = (rows > 0).then_some(panel);
    let (panes, tabs) = match mode {
        Mode::Wide => {
            let nav = (area.width / 5).clamp(24, 40);
            let [n, s, c] =
                Layout::horizontal([Constraint::Length(nav), Constraint::Fill(3), Constraint::Fill(2)]).areas(body);
            (vec![(Pane::Navigator, n), (Pane::Story, s), (Pane::Card, c)], None)
        }
        Mode::Medium => {
            let [l, c] = Layout::horizontal([Constraint::Fill(3), Constraint::Fill(2)]).areas(body);
            (vec![(left, l), (Pane::Card, c)], None)
        }
        Mode::Narrow => {
            let [t, p] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(body);
            (vec![(focus, p)], Some(t))
        }
        Mode::TooSmall => (Vec::new(), None),
    };
    Screen { mode, panes, tabs, status, problems }
}

/// At most this many diagnostics are listed in the problems panel; the rest are counted.
pub const MAX_PROBLEM_ROWS: usize = 5;

/// Rows the problems panel takes on a screen `height` rows high: a bordered list of up to
/// [`MAX_PROBLEM_ROWS`] diagnostics (and a line counting the rest), at most a third of
/// the screen; one unbordered line where that would leave too little for the panes.
pub fn problem_rows(height: u16, problems: usize) -> u16 {
    if problems == 0 {
        return 0;
    }
    let listed = problems.min(MAX_PROBLEM_ROWS) + usize::from(problems > MAX_PROBLEM_ROWS);
    let third = (height / 3) as usize;
    if third < 3 { 1 } else { (listed + 2).min(third) as u16 }
}

/// Where the help overlay goes on a screen of `area`: centred, at most 76 columns wide.
pub fn help_area(area: Rect) -> Rect {
    let width = area.width.saturating_sub(4).min(HELP_WIDTH);
    let height = area.height.saturating_sub(2);
    Rect::new(area.x + (area.width - width) / 2, area.y + 1, width, height)
}

/// The regions of the search box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchAreas {
    /// The box, border included.
    pub outer: Rect,
    /// The query line.
    pub input: Rect,
    /// The counts per kind.
    pub counts: Rect,
    /// The result rows.
    pub list: Rect,
    /// The preview of the selected result, when the box is wide enough for one.
    pub preview: Option<Rect>,
}

/// Lays the search box out over everything but the status bar.
pub fn search_areas(area: Rect) -> SearchAreas {
    let outer = Rect { height: area.height.saturating_sub(1), ..area };
    let [input, counts, body] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1), Constraint::Min(0)]).areas(inner(outer));
    if body.width < 70 {
        return SearchAreas { outer, input, counts, list: body, preview: None };
    }
    let [list, preview] = Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(body);
    SearchAreas { outer, input, counts, list, preview: Some(preview) }
}

/// The mode for a terminal size.
pub fn mode(width: u16, height: u16) -> Mode {
    match width {
        _ if width < MIN_SIZE.0 || height < MIN_SIZE.1 => Mode::TooSmall,
        120.. => Mode::Wide,
        80.. => Mode::Medium,
        _ => Mode::Narrow,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_follow_the_width() {
        assert_eq!(mode(200, 50), Mode::Wide);
        assert_eq!(mode(120, 40), Mode::Wide);
        assert_eq!(mode(80, 24), Mode::Medium);
        assert_eq!(mode(79, 24), Mode::Narrow);
        assert_eq!(mode(29, 24), Mode::TooSmall);
        assert_eq!(mode(1, 1), Mode::TooSmall);
    }

    #[test]
    fn panes_tile_the_body_without_overlap() {
        let s = screen(Rect::new(0, 0, 120, 40), Pane::Story, Pane::Story);
        assert_eq!(s.panes.len(), 3);
        let total: u16 = s.panes.iter().map(|(_, r)| r.width).sum();
        assert_eq!(total, 120);
        assert_eq!(s.status, Rect::new(0, 39, 120, 1));
        let narrow = screen(Rect::new(0, 0, 60, 20), Pane::Card, Pane::Story);
        assert_eq!(narrow.panes, vec![(Pane::Card, Rect::new(0, 1, 60, 18))]);
    }

    #[test]
    fn the_problems_panel_takes_its_rows_from_the_panes() {
        let s = screen_with_problems(Rect::new(0, 0, 80, 24), Pane::Story, Pane::Story, 2);
        assert_eq!(s.problems, Some(Rect::new(0, 19, 80, 4)), "two diagnostics in a border");
        assert_eq!(s.status, Rect::new(0, 23, 80, 1));
        assert!(s.panes.iter().all(|(_, r)| r.bottom() == 19), "{:?}", s.panes);
        assert_eq!(problem_rows(24, 40), 8, "five listed, one line for the rest, a border");
        assert_eq!(problem_rows(12, 3), 4, "a third of the screen at most");
        assert_eq!(problem_rows(8, 3), 1, "one line on a tiny screen");
        assert_eq!(problem_rows(40, 0), 0);
        let tiny = screen_with_problems(Rect::new(0, 0, 20, 5), Pane::Story, Pane::Story, 2);
        assert_eq!(tiny.problems, None, "the too-small screen shows only its notice");
    }
}
