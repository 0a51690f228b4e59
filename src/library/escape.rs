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

/// Whether `bytes` open a hostile character of two or three bytes in UTF-8: a C1 control
/// (`C2 80`–`C2 9F`), a bidirectional override (`E2 80 AA`–`E2 80 AE`) or isolate
/// (`E2 81 A6`–`E2 81 A9`).
pub(crate) fn starts_wide_hostile(bytes: &[u8]) -> bool {
    matches!(bytes, [0xc2, 0x80..=0x9f, ..] | [0xe2, 0x80, 0xaa..=0xae, ..] | [0xe2, 0x81, 0xa6..=0xa9, ..])
}

/// Whether no string of the JSON document `json` can decode to a hostile character, read
/// from its bytes in one pass: a library is clean almost always, and this lets the check of
/// its many short texts be skipped. A raw C0 control cannot stand in a JSON string (the
/// parser refuses it), so one can only come from an escape; a C1 control, an override or
/// DEL can also stand raw. Any escape but `\"`, `\\` and `\/` makes the answer no, as does
/// any of those characters anywhere, keys included: the answer errs towards checking every
/// text. `json` is a document the parser accepted, so every backslash starts an escape.
pub fn json_is_plain(json: &str) -> bool {
    let bytes = json.as_bytes();
    if memchr::memchr(0x7f, bytes).is_some() {
        return false;
    }
    let mut from = 0;
    while let Some(found) = memchr::memchr3(b'\\', 0xc2, 0xe2, &bytes[from..]) {
        let at = from + found;
        if bytes[at] == b'\\' {
            if !matches!(bytes.get(at + 1), Some(b'"' | b'\\' | b'/')) {
                return false;
            }
            // The escaped character is not itself the start of another escape.
            from = at + 2;
        } else if starts_wide_hostile(&bytes[at..]) {
            return false;
        } else {
            from = at + 1;
        }
    }
    true
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
    fn plain_json_has_no_escape_that_could_hide_a_control() {
        assert!(json_is_plain(r#"{"a": "it’s “quoted” — fine", "b": "say \"hi\" \\ \/"}"#));
        assert!(!json_is_plain(r#"{"a": "bell\u0007"}"#));
        assert!(!json_is_plain(r#"{"a": "two\nlines"}"#));
        assert!(!json_is_plain("{\"a\": \"del\u{7f}\"}"));
    }

    #[test]
    fn every_hostile_character_makes_its_json_unplain() {
        for c in (0..=0x10ffff).filter_map(char::from_u32).filter(|&c| is_hostile(c)) {
            let json = serde_json::to_string(&format!("’{c}’")).expect("a string serialises");
            assert!(!json_is_plain(&json), "U+{:04X} in {json}", c as u32);
        }
    }

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
