//! What the reader asks of the world beyond its screen. `App::update` only records the
//! request; the event loop carries it out between frames (in `terminal`, the one place
//! that writes to the terminal), so the state code never does I/O.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// A request the event loop carries out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put text on the clipboard, through the terminal.
    Copy(String),
    /// Open an address in the browser.
    Open(String),
}

/// The OSC 52 sequence that asks the terminal to put `text` on the clipboard. It travels
/// with the output, so it works over ssh, and through tmux with `set-clipboard on`.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", STANDARD.encode(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clipboard_sequence_carries_the_text_in_base64() {
        assert_eq!(osc52("Huang"), "\x1b]52;c;SHVhbmc=\x07");
        assert_eq!(osc52(""), "\x1b]52;c;\x07");
        let sequence = osc52("黄仁勋 said “no”");
        let payload = sequence.trim_start_matches("\x1b]52;c;").trim_end_matches('\x07');
        assert_eq!(STANDARD.decode(payload).unwrap(), "黄仁勋 said “no”".as_bytes());
    }
}
