//! JSON paths (`entities[3].aliases[0]`) and where they sit in a file's text.
//!
//! serde gives positions for syntax and type errors only. Checks that run after parsing
//! (duplicate ids, dangling references) know the path of the bad value; [`locate`] walks
//! the text once more to turn that path into a position. It runs only when a problem is
//! reported, so loading a clean library never pays for it.

use std::fmt;

use smallvec::SmallVec;

/// One step of a JSON path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment {
    /// A member of an object.
    Key(&'static str),
    /// An element of an array.
    Index(usize),
}

/// A path from the document root to a value.
///
/// Checks build the path of every value they look at, clean or not, so that a problem can
/// name it; the paths of a briefing are a few steps deep, so they are kept inline and
/// building one allocates nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JsonPath(SmallVec<[Segment; 6]>);

impl JsonPath {
    /// The path of the document itself.
    pub fn root() -> Self {
        JsonPath(SmallVec::new())
    }

    /// This path extended by an object member.
    pub fn key(&self, key: &'static str) -> Self {
        self.with(Segment::Key(key))
    }

    /// This path extended by an array element.
    pub fn index(&self, index: usize) -> Self {
        self.with(Segment::Index(index))
    }

    fn with(&self, segment: Segment) -> Self {
        let mut segments = SmallVec::from_slice(&self.0);
        segments.push(segment);
        JsonPath(segments)
    }

    /// The steps of the path.
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str(".");
        }
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Key(k) if i == 0 => write!(f, "{k}")?,
                Segment::Key(k) => write!(f, ".{k}")?,
                Segment::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// One step of a path with a borrowed key: paths that serde reports carry keys read from
/// the file, which a [`JsonPath`] (built from the format's own `'static` names) cannot hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'a> {
    /// A member of an object.
    Key(&'a str),
    /// An element of an array.
    Index(usize),
}

/// Byte offset of the value at `path` in the JSON `text`, if the path exists.
pub fn locate(text: &str, path: &JsonPath) -> Option<usize> {
    locate_steps(
        text,
        path.segments().iter().map(|segment| match segment {
            Segment::Key(key) => Step::Key(key),
            Segment::Index(index) => Step::Index(*index),
        }),
    )
}

/// Byte offset of the value reached by `steps` in the JSON `text`, if there is one.
pub fn locate_steps<'a>(text: &str, steps: impl IntoIterator<Item = Step<'a>>) -> Option<usize> {
    let mut scanner = Scanner { bytes: text.as_bytes(), pos: 0 };
    scanner.skip_ws();
    for step in steps {
        match step {
            Step::Key(key) => scanner.enter_member(key)?,
            Step::Index(index) => scanner.enter_element(index)?,
        }
    }
    Some(scanner.pos)
}

/// Byte offset in `text` of byte `decoded` of the value of the JSON string whose opening
/// quote is at `quote`. Escapes (`\"`, `\n`, `\u00e9`) are longer in the file than in the
/// value, so a place found in a paragraph's value is moved to where it is written.
pub fn offset_in_string(text: &str, quote: usize, decoded: usize) -> usize {
    let bytes = text.as_bytes();
    let (mut raw, mut seen) = (quote + 1, 0);
    while seen < decoded && raw < bytes.len() {
        let (written, read) = match bytes[raw] {
            b'"' => break,
            b'\\' if bytes.get(raw + 1) == Some(&b'u') => unicode_escape(&text[raw..]),
            b'\\' => (2, 1),
            _ => (1, 1),
        };
        raw += written;
        seen += read;
    }
    raw.min(text.len())
}

/// Bytes written and bytes of value of the `\uXXXX` escape (or surrogate pair) at the start
/// of `escape`.
fn unicode_escape(escape: &str) -> (usize, usize) {
    let unit = |at: usize| escape.get(at + 2..at + 6).and_then(|hex| u32::from_str_radix(hex, 16).ok());
    match (unit(0), unit(6)) {
        (Some(0xD800..=0xDBFF), Some(0xDC00..=0xDFFF)) if escape.get(6..8) == Some("\\u") => (12, 4),
        (Some(code), _) => (6, char::from_u32(code).map_or(3, char::len_utf8)),
        (None, _) => (2, 1),
    }
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.pos += 1;
        }
    }

    /// Consumes `byte` (after white space) or fails.
    fn consume(&mut self, byte: u8) -> Option<()> {
        self.skip_ws();
        (self.peek() == Some(byte)).then(|| self.pos += 1)
    }

    /// Moves to the value of member `key` of the object at the cursor.
    fn enter_member(&mut self, key: &str) -> Option<()> {
        self.consume(b'{')?;
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return None;
            }
            let name = self.string()?;
            self.consume(b':')?;
            self.skip_ws();
            if &self.bytes[name] == key.as_bytes() {
                return Some(());
            }
            self.skip_value()?;
            self.consume(b',')?;
        }
    }

    /// Moves to element `index` of the array at the cursor.
    fn enter_element(&mut self, index: usize) -> Option<()> {
        self.consume(b'[')?;
        for _ in 0..index {
            self.skip_ws();
            self.skip_value()?;
            self.consume(b',')?;
        }
        self.skip_ws();
        (self.peek() != Some(b']')).then_some(())
    }

    /// Consumes a string and returns the range of its raw bytes between the quotes.
    fn string(&mut self) -> Option<std::ops::Range<usize>> {
        let start = self.pos + 1;
        self.pos += 1;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'\\' => self.pos += 1,
                b'"' => return Some(start..self.pos - 1),
                _ => {}
            }
        }
        None
    }

    fn skip_value(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => self.string().map(|_| ()),
            b'{' | b'[' => self.skip_nested(),
            _ => {
                while !matches!(self.peek(), None | Some(b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t')) {
                    self.pos += 1;
                }
                Some(())
            }
        }
    }

    fn skip_nested(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            match self.peek()? {
                b'"' => {
                    self.string()?;
                    continue;
                }
                b'{' | b'[' => depth += 1,
                b'}' | b']' => depth -= 1,
                _ => {}
            }
            self.pos += 1;
            if depth == 0 {
                return Some(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"{"a": {"s": "x\"}", "b": [1, {"c": true}, [2]]}, "d": "é"}"#;

    #[test]
    fn finds_nested_members_and_elements() {
        let path = JsonPath::root().key("a").key("b").index(1).key("c");
        assert_eq!(&DOC[locate(DOC, &path).unwrap()..][..4], "true");
        let third = JsonPath::root().key("a").key("b").index(2);
        assert_eq!(&DOC[locate(DOC, &third).unwrap()..][..3], "[2]");
        assert_eq!(&DOC[locate(DOC, &JsonPath::root().key("d")).unwrap()..], "\"é\"}");
    }

    #[test]
    fn steps_with_borrowed_keys_find_the_same_place() {
        let key = String::from("b");
        let steps = [Step::Key("a"), Step::Key(&key), Step::Index(1)];
        let path = JsonPath::root().key("a").key("b").index(1);
        assert_eq!(locate_steps(DOC, steps), locate(DOC, &path));
    }

    #[test]
    fn offsets_in_a_string_skip_escapes() {
        let text = r#"{"p": "a\"b\u00e9\ud83d\ude00 [[x|y]]"}"#;
        let quote = text.find("\"a").unwrap();
        let value = "a\"bé😀 [[x|y]]";
        let pin = value.find("[[").unwrap();
        assert_eq!(&text[offset_in_string(text, quote, pin)..][..2], "[[");
        assert_eq!(offset_in_string(text, quote, 0), quote + 1);
        assert_eq!(offset_in_string(text, quote, 1000), text.len() - 2, "stops at the closing quote");
    }

    #[test]
    fn missing_paths_are_none() {
        assert_eq!(locate(DOC, &JsonPath::root().key("zz")), None);
        assert_eq!(locate(DOC, &JsonPath::root().key("a").key("b").index(3)), None);
        assert_eq!(locate(DOC, &JsonPath::root().index(0)), None);
    }

    #[test]
    fn paths_display_like_jq() {
        let path = JsonPath::root().key("entities").index(3).key("aliases").index(0);
        assert_eq!(path.to_string(), "entities[3].aliases[0]");
        assert_eq!(JsonPath::root().to_string(), ".");
    }
}
