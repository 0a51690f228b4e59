//! What a file's bytes tell about all of its texts at once. A library is clean almost
//! always, and the rules on its texts (no hostile characters, no pins outside paragraphs)
//! would otherwise search each of many short texts in turn; one pass over the bytes, on the
//! worker that parsed the file, clears most files of both.

use super::escape::json_is_plain;

/// What one pass over a file's bytes found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Scan {
    /// No string of the file can hold a hostile character ([`json_is_plain`]).
    pub plain: bool,
    /// How many times `[[` stands in the file's bytes, strings and all.
    pub pins: usize,
}

impl Scan {
    /// Scans the bytes of a file that parsed as JSON.
    pub(crate) fn of(json: &str) -> Scan {
        Scan { plain: json_is_plain(json), pins: count_pins(json) }
    }

    /// Whether no text outside the paragraphs can open a pin, given how many `[[` the
    /// paragraphs hold. A plain file's only escapes are `\"`, `\\` and `\/`, so a text's
    /// brackets are its bytes, and when the paragraphs account for every `[[` of the file, no
    /// other text has one.
    pub(crate) fn pins_only_in(&self, paragraph_pins: usize) -> bool {
        self.plain && self.pins == paragraph_pins
    }
}

/// How many times `[[` stands in `text`, overlapping ones counted each (`[[[` twice).
pub(crate) fn count_pins(text: &str) -> usize {
    pin_starts(text).count()
}

/// Where each `[[` of `text` starts, in order. A one-byte search: setting up a substring
/// searcher for each of a file's many short texts costs more than it saves.
pub(crate) fn pin_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'[', bytes).filter(|&at| bytes.get(at + 1) == Some(&b'['))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins_are_counted_in_the_bytes() {
        assert_eq!(count_pins("a [[b|c]] and [[d]] [x] [ [y"), 2);
        assert_eq!(count_pins("[[[z"), 2);
        assert_eq!(Scan::of(r#"{"p": ["[[a|b]]"], "name": "[[c]]"}"#), Scan { plain: true, pins: 2 });
    }

    #[test]
    fn only_a_plain_file_whose_paragraphs_hold_every_pin_is_cleared() {
        let scan = Scan::of(r#"{"p": ["[[a|b]]"], "name": "x"}"#);
        assert!(scan.pins_only_in(1));
        assert!(!scan.pins_only_in(0));
        assert!(!Scan::of(r#"{"p": ["[[a|b]]"], "name": "\u005b[x"}"#).pins_only_in(1));
    }
}
