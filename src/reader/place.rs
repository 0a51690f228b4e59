//! A story [`Spot`] as the state saves it, a [`Place`] by content, and back. The spot
//! names a block of one layout; the place names the paragraph at the top (with a
//! fingerprint of its text) and the focused mention by its paragraph, so it reads the same
//! after the story was edited: paragraphs added or removed before it, a heading or a dek
//! changed, mentions added elsewhere.

use super::doc::{Anchor, Doc};
use super::location::Spot;
use crate::library::{Briefing, BriefingId, Library};
use crate::state::{MentionAt, Place, fingerprint, small};

/// The place of `spot` in the story of `b`, laid out as `doc` (paragraph `p` starts at
/// line `doc.anchors[p]`).
pub fn place_of(library: &Library, b: BriefingId, doc: &Doc, spot: Spot) -> Place {
    let line = doc.line_of(spot.top);
    let link = spot.link.and_then(|i| mention_at(library, b, i));
    let above = doc.anchors.partition_point(|&start| start <= line);
    let Some(paragraph) = above.checked_sub(1) else { return Place::Lead { line: small(line), link } };
    let text = library.briefing(b).paragraphs.get(paragraph).map_or("", |p| p.text.as_str());
    let start = doc.anchors.get(paragraph).copied().unwrap_or(0);
    Place::Paragraph { paragraph: small(paragraph), fingerprint: fingerprint(text), line: small(line - start), link }
}

/// Where `place` is in the story of `b` laid out as `doc`.
pub fn spot_of(library: &Library, b: BriefingId, doc: &Doc, place: Place) -> Spot {
    match place {
        // As version 1 read it: a block of the layout.
        Place::Block { block, line, link } => {
            Spot { top: Anchor { block: block as usize, line: line as usize }, link: link.map(|l| l as usize) }
        }
        Place::Lead { line, link } => {
            let end = doc.anchors.first().copied().unwrap_or(doc.lines.len());
            let top = (line as usize).min(end.saturating_sub(1));
            Spot { top: doc.anchor_at(top), link: link.and_then(|m| mention_index(library, b, m, 0)) }
        }
        Place::Paragraph { paragraph, fingerprint, line, link } => {
            let (paragraph, line) = (paragraph as usize, line as usize);
            let found = find_paragraph(library.briefing(b), paragraph, fingerprint);
            let start = doc.anchors.get(found).copied().unwrap_or(doc.lines.len());
            let end = doc.anchors.get(found + 1).copied().unwrap_or(doc.lines.len());
            let top = (start + line).min(end.saturating_sub(1).max(start));
            let shift = found as isize - paragraph as isize;
            Spot { top: doc.anchor_at(top), link: link.and_then(|m| mention_index(library, b, m, shift)) }
        }
    }
}

/// Mention `i` of `b` by its paragraph and its place among that paragraph's mentions.
fn mention_at(library: &Library, b: BriefingId, i: usize) -> Option<MentionAt> {
    let mentions = library.mentions(b);
    let paragraph = mentions.get(i)?.paragraph;
    let first = mentions.partition_point(|m| m.paragraph < paragraph);
    Some(MentionAt { paragraph: small(paragraph), nth: small(i - first) })
}

/// The index of the mention `m` names, its paragraph moved by `shift`, if it is still there.
fn mention_index(library: &Library, b: BriefingId, m: MentionAt, shift: isize) -> Option<usize> {
    let paragraph = (m.paragraph as usize).checked_add_signed(shift)?;
    let mentions = library.mentions(b);
    let index = mentions.partition_point(|x| x.paragraph < paragraph) + m.nth as usize;
    mentions.get(index).filter(|x| x.paragraph == paragraph).map(|_| index)
}

/// The paragraph a place was saved on: the one at its index if its text is unchanged,
/// else the nearest one with that text (paragraphs were added or removed before it), else
/// the same index (its own text was edited), kept inside the story.
fn find_paragraph(briefing: &Briefing, paragraph: usize, print: u32) -> usize {
    let paragraphs = &briefing.paragraphs;
    let same = |i: usize| paragraphs.get(i).is_some_and(|p| fingerprint(&p.text) == print);
    if same(paragraph) {
        return paragraph;
    }
    let reach = paragraph.max(paragraphs.len());
    let moved = (1..=reach)
        .find_map(|d| [paragraph.checked_sub(d), paragraph.checked_add(d)].into_iter().flatten().find(|&i| same(i)));
    moved.unwrap_or(paragraph.min(paragraphs.len().saturating_sub(1)))
}
