//! How text reads on a light terminal: black text on a white background, and xterm's
//! default palette. A cell's colours are resolved as a terminal draws them (reverse video
//! swaps them, "default" means the terminal's own), then compared by the WCAG contrast
//! ratio of their relative luminances.

/// A colour as a cell names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    /// The terminal's own foreground or background.
    Default,
    /// A palette index, 0 to 255.
    Index(u8),
    /// A true colour.
    Rgb(u8, u8, u8),
}

/// The light terminal's own colours.
const TEXT: (u8, u8, u8) = (0, 0, 0);
const PAPER: (u8, u8, u8) = (255, 255, 255);

/// xterm's default 16 colours.
const ANSI: [(u8, u8, u8); 16] = [
    (0, 0, 0),
    (205, 0, 0),
    (0, 205, 0),
    (205, 205, 0),
    (0, 0, 238),
    (205, 0, 205),
    (0, 205, 205),
    (229, 229, 229),
    (127, 127, 127),
    (255, 0, 0),
    (0, 255, 0),
    (255, 255, 0),
    (92, 92, 255),
    (255, 0, 255),
    (0, 255, 255),
    (255, 255, 255),
];

/// The RGB of a palette index: the 16 colours, the 6×6×6 cube, then the grey ramp.
fn indexed(n: u8) -> (u8, u8, u8) {
    match n {
        0..=15 => ANSI[n as usize],
        16..=231 => {
            let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * v };
            let n = n - 16;
            (level(n / 36), level(n / 6 % 6), level(n % 6))
        }
        _ => {
            let grey = 8 + 10 * (n - 232);
            (grey, grey, grey)
        }
    }
}

fn rgb(colour: Cell, default: (u8, u8, u8)) -> (u8, u8, u8) {
    match colour {
        Cell::Default => default,
        Cell::Index(n) => indexed(n),
        Cell::Rgb(r, g, b) => (r, g, b),
    }
}

/// The WCAG relative luminance of a colour, 0 (black) to 1 (white).
pub fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// The contrast ratio of two colours, 1 (none) to 21 (black on white).
pub fn ratio(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// What a light terminal shows for a cell: (text, background, whether the text colour is
/// one the terminal chose rather than the program).
pub fn drawn(fg: Cell, bg: Cell, inverse: bool) -> ((u8, u8, u8), (u8, u8, u8), bool) {
    let (text, paper) = (rgb(fg, TEXT), rgb(bg, PAPER));
    if inverse { (paper, text, bg == Cell::Default) } else { (text, paper, fg == Cell::Default) }
}

/// The least contrast text may have: WCAG's AA level for body text.
pub const LEAST: f64 = 4.5;

/// Why a cell would be hard to read on a light terminal, if it would: too little
/// contrast, or text in the terminal's own colour on a bright background the program
/// chose (white on yellow once reversed; white on yellow on a dark terminal otherwise).
pub fn problem(fg: Cell, bg: Cell, inverse: bool) -> Option<String> {
    let (text, paper, terminal_text) = drawn(fg, bg, inverse);
    let chosen_paper = if inverse { fg != Cell::Default } else { bg != Cell::Default };
    if terminal_text && chosen_paper && luminance(paper) > 0.4 {
        return Some(format!("default foreground on a bright background {paper:?}"));
    }
    let contrast = ratio(text, paper);
    (contrast < LEAST).then(|| format!("contrast {contrast:.2} of {text:?} on {paper:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn black_on_white_is_21_and_yellow_on_white_fails() {
        assert!((ratio((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 0.01);
        assert!(problem(Cell::Index(3), Cell::Default, false).is_some());
        assert!(problem(Cell::Index(11), Cell::Default, true).is_some(), "reversed bright yellow: white on yellow");
        assert!(problem(Cell::Default, Cell::Default, true).is_none(), "plain reverse is white on black");
        assert_eq!(indexed(16), (0, 0, 0));
        assert_eq!(indexed(25), (0, 95, 175));
        assert_eq!(indexed(231), (255, 255, 255));
    }
}
