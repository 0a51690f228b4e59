//! Where panes go for a terminal size. Both drawing and input handling (page sizes,
//! mouse hit-testing) ask this one function, so they always agree.

use ratatui::layout::{Constraint, Layout, Margin, Rect};

use super::action::Pane;

/// Below this many columns or rows the reader shows only a "too small" notice.
pub const MIN_SIZE: (u16, u16) = (30, 8);

/// The widest the help overlay gets: room for the longest help line beside its keys.
const HELP_WIDTH: u16 = 84;

/// The longest line the main pane sets, in columns: a reading measure, as print and the
/// web keep lines to 60–100 characters. A wider pane centres its text.
pub const MEASURE: u16 = 90;

/// The library pane's narrowest width in the wide layout, border included.
const LIBRARY_MIN: u16 = 20;

/// The library pane's widest width, border included: it never takes more than a fifth
/// of the screen, however long the headlines.
const LIBRARY_MAX: u16 = 40;

/// Rows the one-pane layout's preview strip takes under the story, its rule included.
const STRIP: u16 = 4;

/// The one-pane layout shows the strip only when the story keeps at least this many rows.
const STRIP_ROOM: u16 = 10;

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

/// What the arrangement depends on besides the terminal's size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arrange {
    /// The pane with the keyboard: the one shown in the one-pane layout.
    pub focus: Pane,
    /// The pane beside the card in the two-pane layout.
    pub left: Pane,
    /// Whether the wide layout shows the library pane.
    pub library: bool,
    /// The columns the library's longest row takes, to size its pane to its content.
    pub library_width: usize,
    /// Whether the one-pane layout has a preview to show under the story.
    pub preview: bool,
    /// How many content diagnostics the problems panel lists (none: no panel).
    pub problems: usize,
}

impl Arrange {
    /// The story focused beside the card, the library shown: for tests and the simplest uses.
    pub fn new(focus: Pane, left: Pane) -> Arrange {
        Arrange { focus, left, library: true, library_width: usize::MAX, preview: false, problems: 0 }
    }
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
    /// The preview strip under the story, in narrow mode while a link has focus.
    pub strip: Option<Rect>,
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

/// Lays the screen out. A panel for `arrange.problems` content diagnostics goes above the
/// status bar (none for 0): the panes give up the rows it takes, so nothing they show is
/// hidden.
pub fn screen(area: Rect, arrange: Arrange) -> Screen {
    let mode = mode(area.width, area.height);
    let rows = if mode == Mode::TooSmall { 0 } else { problem_rows(area.height, arrange.problems) };
    let [body, panel, status] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(rows), Constraint::Length(1)]).areas(area);
    let problems = (rows > 0).then_some(panel);
    let (mut panes, mut tabs, mut strip) = (Vec::new(), None, None);
    match mode {
        Mode::Wide if arrange.library => {
            let nav = library_width(area.width, arrange.library_width);
            let [n, s, c] =
                Layout::horizontal([Constraint::Length(nav), Constraint::Fill(3), Constraint::Fill(2)]).areas(body);
            panes = vec![(Pane::Navigator, n), (Pane::Story, s), (Pane::Card, c)];
        }
        Mode::Wide => {
            let [s, c] = Layout::horizontal([Constraint::Fill(3), Constraint::Fill(2)]).areas(body);
            panes = vec![(Pane::Story, s), (Pane::Card, c)];
        }
        Mode::Medium => {
            let [l, c] = Layout::horizontal([Constraint::Fill(3), Constraint::Fill(2)]).areas(body);
            panes = vec![(arrange.left, l), (Pane::Card, c)];
        }
        Mode::Narrow => {
            let [t, mut p] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(body);
            if arrange.focus == Pane::Story && arrange.preview && p.height >= STRIP + STRIP_ROOM {
                let [story, below] = Layout::vertical([Constraint::Min(0), Constraint::Length(STRIP)]).areas(p);
                (p, strip) = (story, Some(below));
            }
            (panes, tabs) = (vec![(arrange.focus, p)], Some(t));
        }
        Mode::TooSmall => {}
    }
    Screen { mode, panes, tabs, strip, status, problems }
}

/// The library pane's width on a screen `columns` wide: its content's, with its border,
/// between the bounds.
fn library_width(columns: u16, content: usize) -> u16 {
    let max = (columns / 5).clamp(LIBRARY_MIN, LIBRARY_MAX);
    (content.saturating_add(2).min(u16::MAX as usize) as u16).clamp(LIBRARY_MIN, max)
}

/// Where a pane's text goes: its inner area, and for the main pane at most [`MEASURE`]
/// columns of it, centred.
pub fn text_area(pane: Pane, outer: Rect) -> Rect {
    let inner = inner(outer);
    if pane != Pane::Story || inner.width <= MEASURE {
        return inner;
    }
    Rect { x: inner.x + (inner.width - MEASURE) / 2, width: MEASURE, ..inner }
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
        let s = screen(Rect::new(0, 0, 120, 40), Arrange::new(Pane::Story, Pane::Story));
        assert_eq!(s.panes.len(), 3);
        let total: u16 = s.panes.iter().map(|(_, r)| r.width).sum();
        assert_eq!(total, 120);
        assert_eq!(s.status, Rect::new(0, 39, 120, 1));
        let narrow = screen(Rect::new(0, 0, 60, 20), Arrange::new(Pane::Card, Pane::Story));
        assert_eq!(narrow.panes, vec![(Pane::Card, Rect::new(0, 1, 60, 18))]);
    }

    #[test]
    fn the_library_is_sized_to_its_content_within_bounds_and_can_be_hidden() {
        let area = Rect::new(0, 0, 200, 50);
        let width = |content| {
            let arrange = Arrange { library_width: content, ..Arrange::new(Pane::Story, Pane::Story) };
            screen(area, arrange).pane(Pane::Navigator).map(|r| r.width)
        };
        assert_eq!(width(10), Some(LIBRARY_MIN), "never narrower than the least");
        assert_eq!(width(30), Some(32), "its content and border");
        assert_eq!(width(300), Some(LIBRARY_MAX), "never wider than the most");
        let hidden = screen(area, Arrange { library: false, ..Arrange::new(Pane::Story, Pane::Story) });
        assert_eq!(hidden.panes.iter().map(|(p, _)| *p).collect::<Vec<_>>(), [Pane::Story, Pane::Card]);
        assert_eq!(hidden.panes.iter().map(|(_, r)| r.width).sum::<u16>(), 200);
    }

    #[test]
    fn the_one_pane_layout_keeps_a_strip_under_the_story_for_the_preview() {
        let arrange = Arrange { preview: true, ..Arrange::new(Pane::Story, Pane::Story) };
        let s = screen(Rect::new(0, 0, 60, 20), arrange);
        assert_eq!(s.strip, Some(Rect::new(0, 15, 60, STRIP)));
        assert_eq!(s.pane(Pane::Story), Some(Rect::new(0, 1, 60, 14)));
        assert_eq!(screen(Rect::new(0, 0, 60, 12), arrange).strip, None, "no room for it");
        assert_eq!(screen(Rect::new(0, 0, 60, 20), Arrange { focus: Pane::Card, ..arrange }).strip, None);
    }

    #[test]
    fn a_wide_main_pane_keeps_a_reading_measure() {
        let wide = text_area(Pane::Story, Rect::new(10, 0, 120, 30));
        assert_eq!((wide.x, wide.width), (10 + 1 + 14, MEASURE));
        assert_eq!(text_area(Pane::Story, Rect::new(0, 0, 60, 30)).width, 58);
        assert_eq!(text_area(Pane::Card, Rect::new(0, 0, 120, 30)).width, 118, "only the main pane");
    }

    #[test]
    fn the_problems_panel_takes_its_rows_from_the_panes() {
        let s = screen(Rect::new(0, 0, 80, 24), Arrange { problems: 2, ..Arrange::new(Pane::Story, Pane::Story) });
        assert_eq!(s.problems, Some(Rect::new(0, 19, 80, 4)), "two diagnostics in a border");
        assert_eq!(s.status, Rect::new(0, 23, 80, 1));
        assert!(s.panes.iter().all(|(_, r)| r.bottom() == 19), "{:?}", s.panes);
        assert_eq!(problem_rows(24, 40), 8, "five listed, one line for the rest, a border");
        assert_eq!(problem_rows(12, 3), 4, "a third of the screen at most");
        assert_eq!(problem_rows(8, 3), 1, "one line on a tiny screen");
        assert_eq!(problem_rows(40, 0), 0);
        let tiny = screen(Rect::new(0, 0, 20, 5), Arrange { problems: 2, ..Arrange::new(Pane::Story, Pane::Story) });
        assert_eq!(tiny.problems, None, "the too-small screen shows only its notice");
    }
}
