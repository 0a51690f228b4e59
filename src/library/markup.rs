//! The inline form authors use inside paragraph text: `[[text|entity-id]]` pins a
//! mention to an entity, `[[text|-]]` shows the text with no link at all.
//!
//! Parsing strips the markup, leaving the text a reader sees, and remembers where each
//! pinned or suppressed span sits in that plain text so linking can respect it.

use std::ops::Range;

/// What a `[[text|…]]` span asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PinTarget {
    /// Link the span to this entity id.
    Entity(String),
    /// Do not link the span.
    Suppress,
}

/// A pinned or suppressed span, as a byte range of the plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pin {
    /// Where the span is in the plain text.
    pub range: Range<usize>,
    /// Byte offset of its `[[` in the raw paragraph, so a problem with it can be pointed at.
    pub at: usize,
    /// What to do with it.
    pub target: PinTarget,
}

/// A paragraph with its markup stripped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marked {
    /// The text a reader sees.
    pub text: String,
    /// Pinned and suppressed spans, in text order.
    pub pins: Vec<Pin>,
}

/// A markup mistake, at a byte offset of the raw paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkupError {
    /// Offset of the `[[` that starts the bad span.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

/// Strips `[[text|target]]` markup from a raw paragraph.
pub fn parse(raw: &str) -> Result<Marked, MarkupError> {
    let mut marked = Marked { text: String::with_capacity(raw.len()), pins: Vec::new() };
    let mut rest = raw;
    while let Some(open) = rest.find("[[") {
        marked.text.push_str(&rest[..open]);
        let offset = raw.len() - rest.len() + open;
        let body_start = open + 2;
        let close = rest[body_start..]
            .find("]]")
            .ok_or_else(|| MarkupError { offset, message: "unclosed `[[`: a pin reads `[[text|entity-id]]`".into() })?;
        let body = &rest[body_start..body_start + close];
        if let Some(inner) = body.find("[[") {
            // `[[a|x … [[b|y]]`: the first pin never closed, and the text up to the next one
            // would silently vanish into it. `[[the [[firm|x]] Bolt|y]]`: a pin inside a pin.
            if body[..inner].contains('|') {
                return Err(MarkupError { offset, message: "unclosed `[[`: a pin reads `[[text|entity-id]]`".into() });
            }
            let message = "a pin inside a pin: pins do not nest; write `[[text|entity-id]]` around plain text".into();
            return Err(MarkupError { offset: offset + 2 + inner, message });
        }
        marked.pins.push(pin(body, offset, &mut marked.text)?);
        rest = &rest[body_start + close + 2..];
    }
    marked.text.push_str(rest);
    Ok(marked)
}

/// Appends the shown part of `body` to `text` and returns its pin.
fn pin(body: &str, offset: usize, text: &mut String) -> Result<Pin, MarkupError> {
    let error = |message: String| MarkupError { offset, message };
    let (shown, target) = body
        .rsplit_once('|')
        .ok_or_else(|| error(format!("pin `[[{body}]]` has no `|`: write `[[text|entity-id]]` or `[[text|-]]`")))?;
    if shown.trim().is_empty() {
        return Err(error(format!("pin `[[{body}]]` shows no text")));
    }
    let target = match target.trim() {
        "-" => PinTarget::Suppress,
        "" => return Err(error(format!("pin `[[{body}]]` names no entity"))),
        id => PinTarget::Entity(id.to_string()),
    };
    let start = text.len();
    text.push_str(shown);
    Ok(Pin { range: start..text.len(), at: offset, target })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_pins_and_keeps_their_ranges() {
        let m = parse("Then [[Beijing|china]] replied; [[Apple|-]] fell.").unwrap();
        assert_eq!(m.text, "Then Beijing replied; Apple fell.");
        assert_eq!(&m.text[m.pins[0].range.clone()], "Beijing");
        assert_eq!(m.pins[0].target, PinTarget::Entity("china".into()));
        assert_eq!(&m.text[m.pins[1].range.clone()], "Apple");
        assert_eq!(m.pins[1].target, PinTarget::Suppress);
        assert_eq!((m.pins[0].at, m.pins[1].at), (5, 32));
    }

    #[test]
    fn plain_text_passes_through() {
        let m = parse("No markup [here], 黄仁勋.").unwrap();
        assert_eq!(m.text, "No markup [here], 黄仁勋.");
        assert!(m.pins.is_empty());
    }

    #[test]
    fn reports_mistakes_at_their_offset() {
        let e = parse("ok [[never closed").unwrap_err();
        assert_eq!(e.offset, 3);
        assert!(e.message.starts_with("unclosed `[[`"));
        assert!(parse("[[no bar]]").unwrap_err().message.contains("has no `|`"));
        assert!(parse("[[|x]]").unwrap_err().message.contains("shows no text"));
        assert!(parse("[[x| ]]").unwrap_err().message.contains("names no entity"));
        let nested = parse("a [[the [[firm|x]] Bolt|y]]").unwrap_err();
        assert_eq!((nested.offset, nested.message.starts_with("a pin inside a pin")), (8, true));
    }
}
