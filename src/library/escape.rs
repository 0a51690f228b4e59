//! Making text from outside safe to show on a terminal. A briefing file, a file name or a
//! command-line argument can hold control characters (`ESC`, `BEL`, `NUL`) that a terminal
//! acts on instead of showing: a headline could retitle the window or clear the screen, a
//! file name holding a newline could forge a line of `check`'s report. Everything printed
//! from such text is passed through [`escape_controls`] first.

use std::borrow::Cow;
use std::fmt::Write;

/// Whether a terminal would act on `c` rather than show it: C0 and C1 controls, DEL, and the
/// bidirectional overrides and isolates that reorder what follows them on screen.
pub fn is_hostile(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every hostile character except those in `keep` written as its JSON escape
/// (`\u001b`), the form an author finds in the file. Borrowed when nothing needed escaping,
/// which is the usual case.
pub fn escape_controls<'a>(text: &'a str, keep: &[char]) -> Cow<'a, str> {
    let needs = |c: char| is_hostile(c) && !keep.contains(&c);
    if !text.chars().any(needs) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if needs(c) {
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The name an author reads for a control character in a message: `U+001B (escape)`.
pub fn describe(c: char) -> String {
    let name = match c {
        '\0' => " (null)",
        '\u{7}' => " (bell)",
        '\u{8}' => " (backspace)",
        '\t' => " (tab)",
        '\n' => " (line feed)",
        '\r' => " (carriage return)",
        '\u{1b}' => " (escape)",
        '\u{7f}' => " (delete)",
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => " (bidirectional control)",
        _ => "",
    };
    format!("U+{:04X}{name}", c as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_json_escapes() {
        assert_eq!(escape_controls("a\u{1b}]0;x\u{7}b", &[]), "a\\u001b]0;x\\u0007b");
        assert_eq!(escape_controls("one\ntwo\u{0}", &['\n']), "one\ntwo\\u0000");
        assert_eq!(escape_controls("abc\u{202e}", &[]), "abc\\u202e");
        assert!(matches!(escape_controls("黄仁勋 and “quotes”", &[]), Cow::Borrowed(_)));
    }

    #[test]
    fn controls_are_named() {
        assert_eq!(describe('\u{1b}'), "U+001B (escape)");
        assert_eq!(describe('\u{85}'), "U+0085");
    }
}
