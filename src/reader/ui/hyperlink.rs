//! Web addresses as terminal hyperlinks (OSC 8): text drawn as usual, each cell of it
//! wrapped in the sequence that makes it a link. Terminals that draw hyperlinks join the
//! cells of one link into one (they share an id); others ignore the sequence. A cell's
//! symbol then holds the sequence, so each is given its drawn width, which the symbol's
//! own text no longer tells.

use std::num::NonZeroU16;
use std::ops::Range;

use ratatui::buffer::{Buffer, CellDiffOption};

use crate::reader::doc::width;

/// Makes cells `columns` of row `y` a hyperlink to `url`.
pub fn link_cells(buf: &mut Buffer, y: u16, columns: Range<u16>, url: &str) {
    let url: String = url.chars().filter(|c| !c.is_control()).collect();
    for x in columns {
        let Some(cell) = buf.cell_mut((x, y)) else { return };
        let symbol = cell.symbol().to_string();
        let Some(drawn) = NonZeroU16::new(width(&symbol) as u16) else { continue };
        cell.set_symbol(&format!("\x1b]8;id=source;{url}\x1b\\{symbol}\x1b]8;;\x1b\\"));
        cell.set_diff_option(CellDiffOption::ForcedWidth(drawn));
    }
}

/// `symbol` without the escape sequences a hyperlink wraps around it: what it shows.
pub fn shown(symbol: &str) -> String {
    let mut out = String::new();
    let mut rest = symbol;
    while let Some(start) = rest.find("\x1b]") {
        out.push_str(&rest[..start]);
        let tail = &rest[start + 2..];
        let end = [tail.find("\x1b\\").map(|i| i + 2), tail.find('\x07').map(|i| i + 1)].into_iter().flatten().min();
        match end {
            Some(end) => rest = &tail[end..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn linked_cells_show_the_same_text_and_keep_their_widths() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 1));
        buf.set_string(0, 0, "ab黄c", ratatui::style::Style::new());
        link_cells(&mut buf, 0, 0..5, "https://a.b/\x07x");
        let cell = &buf[(0, 0)];
        assert_eq!(cell.symbol(), "\x1b]8;id=source;https://a.b/x\x1b\\a\x1b]8;;\x1b\\");
        assert_eq!(shown(cell.symbol()), "a");
        assert_eq!(buf[(2, 0)].diff_option, CellDiffOption::ForcedWidth(NonZeroU16::new(2).unwrap()));
        let text: String = (0..5).map(|x| shown(buf[(x, 0)].symbol())).collect();
        assert_eq!(text, "ab黄 c", "the wide character's second cell is left as it was");
        assert_eq!(shown("plain"), "plain");
        assert_eq!(shown("\x1b]8;;u\x07z\x1b]8;;\x07"), "z");
    }
}
