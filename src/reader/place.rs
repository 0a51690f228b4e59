//! A story [`Spot`] as the state saves it, a [`Place`] by content, and back. The spot
//! names a block of one layout; the place names the paragraph at the top (with a
//! fingerprint of its text) and the focused mention by its paragraph (a name focused in
//! the headline or dek is not kept), so it reads the same
//! after the story was edited: paragraphs added or removed before it, a heading or a dek
//! changed, mentions added elsewhere.

use super::doc::{Anchor, Doc};
use super::location::Spot;
use super::target::Target;
use crate::library::{Briefing, BriefingId, Library};
use crate::state::{MentionAt, Place, fingerprint, small};

/// The place of `spot` in the story of `b`, laid out as `doc` (paragraph `p` starts at
/// line `doc.anchors[p]`).
pub fn place_of(library: &Library, b: BriefingId, doc: &Doc, spot: Spot) -> Place {
    let line = doc.line_of(spot.top);
    let link = spot.link.and_then(|i| match doc.links.get(i)?.target {
        Target::Mention(_, m) => mention_at(library, b, m),
        Target::Entity(_) | Target::Briefing(_) => None,
    });
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
            Spot { top: doc.anchor_at(top), link: link.and_then(|m| link_of(library, b, doc, m, 0)) }
        }
        Place::Paragraph { paragraph, fingerprint, line, link } => {
            let (paragraph, line) = (paragraph as usize, line as usize);
            let found = find_paragraph(library.briefing(b), paragraph, fingerprint);
            let start = doc.anchors.get(found).copied().unwrap_or(doc.lines.len());
            let end = doc.anchors.get(found + 1).copied().unwrap_or(doc.lines.len());
            let top = (start + line).min(end.saturating_sub(1).max(start));
            let shift = found as isize - paragraph as isize;
            Spot { top: doc.anchor_at(top), link: link.and_then(|m| link_of(library, b, doc, m, shift)) }
        }
    }
}

/// The doc's link to the mention `m` names (the story's links start with the names in its
/// headline and dek, so a mention's link is not at the mention's own index).
fn link_of(library: &Library, b: BriefingId, doc: &Doc, m: MentionAt, shift: isize) -> Option<usize> {
    let mention = mention_index(library, b, m, shift)?;
    doc.links.iter().position(|l| l.target == Target::Mention(b, mention))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{bundled, load};
    use crate::reader::story::{Header, story_doc};

    /// The text of `line` of `doc`.
    fn text(doc: &Doc, line: usize) -> String {
        doc.lines[line].iter().map(|p| p.text.as_str()).collect()
    }

    /// The bundled library with the Beijing story edited: its dek gone, and a new first
    /// section (so every later paragraph moves down one), figures and relations following.
    fn edited() -> (tempfile::TempDir, crate::library::Library) {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let content = concat!(env!("CARGO_MANIFEST_DIR"), "/content");
        for entry in std::fs::read_dir(content).expect("the bundled content").flatten() {
            std::fs::copy(entry.path(), dir.path().join(entry.file_name())).expect("copied");
        }
        let path = dir.path().join("beijing-gambit.json");
        let mut json: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).expect("read")).expect("JSON");
        fn shift(value: &mut serde_json::Value) {
            match value {
                serde_json::Value::Object(map) => {
                    for (key, v) in map.iter_mut() {
                        match (key.as_str(), v.as_u64()) {
                            ("section", Some(n)) => *v = (n + 1).into(),
                            _ => shift(v),
                        }
                    }
                }
                serde_json::Value::Array(items) => items.iter_mut().for_each(shift),
                _ => {}
            }
        }
        shift(&mut json);
        json["dek"] = "".into();
        let sections = json["sections"].as_array_mut().expect("sections");
        sections.insert(0, serde_json::json!({ "heading": "Before", "paragraphs": ["A paragraph added above."] }));
        std::fs::write(&path, serde_json::to_vec(&json).expect("JSON")).expect("written");
        let library = load::load_dir(dir.path(), Default::default()).expect("the edited library loads").library;
        (dir, library)
    }

    #[test]
    fn a_place_reads_the_same_after_paragraphs_are_added_before_it_and_the_dek_is_cut() {
        let library = bundled::load(Default::default()).expect("bundled").library;
        let b = library.briefing_by_id("beijing-gambit").expect("bundled");
        let doc = story_doc(&library, b, 70, "", Header::Full);
        // Two lines into paragraph 6, focused on its second mention.
        let first = library.mentions(b).iter().position(|m| m.paragraph == 6).expect("paragraph 6 mentions something");
        let link = doc.links.iter().position(|l| l.target == Target::Mention(b, first + 1));
        let spot = Spot { top: doc.anchor_at(doc.anchors[6] + 2), link };
        let place = place_of(&library, b, &doc, spot);
        assert!(matches!(place, Place::Paragraph { paragraph: 6, line: 2, .. }), "{place:?}");

        let (_dir, edited) = edited();
        let eb = edited.briefing_by_id("beijing-gambit").expect("still there");
        let edoc = story_doc(&edited, eb, 70, "", Header::Full);
        let back = spot_of(&edited, eb, &edoc, place);
        assert_eq!(text(&edoc, edoc.line_of(back.top)), text(&doc, doc.line_of(spot.top)), "the same line on top");
        let mention = |l: usize| match edoc.links[l].target {
            Target::Mention(_, m) => &edited.mentions(eb)[m],
            other => panic!("a mention's link, not {other:?}"),
        };
        let (was, is) = (&library.mentions(b)[first + 1], back.link.map(mention));
        assert_eq!(is.map(|m| (m.paragraph, &m.range)), Some((7, &was.range)), "the same mention, a paragraph on");
    }

    #[test]
    fn a_place_in_the_lead_or_past_the_end_stays_inside_the_story() {
        let library = bundled::load(Default::default()).expect("bundled").library;
        let b = library.briefing_by_id("beijing-gambit").expect("bundled");
        let doc = story_doc(&library, b, 70, "", Header::Full);
        let top = place_of(&library, b, &doc, Spot::default());
        assert_eq!(top, Place::Lead { line: 0, link: None });
        assert_eq!(spot_of(&library, b, &doc, top), Spot::default());
        let far = Place::Paragraph {
            paragraph: 999,
            fingerprint: 1,
            line: 999,
            link: Some(MentionAt { paragraph: 999, nth: 9 }),
        };
        let spot = spot_of(&library, b, &doc, far);
        assert!(doc.line_of(spot.top) < doc.lines.len());
        assert_eq!(spot.link, None);
    }
}
