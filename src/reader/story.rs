//! The story of a briefing as a linked [`Doc`]: headline, dek, source, sections, every
//! mention a link (names in the headline and dek to their cards, those in the text to
//! their place as [`Target::Mention`]), find matches marked and paragraph `p` starting at
//! line `anchors[p]`.

use std::ops::Range;

use super::doc::{Doc, DocBuilder, Tone, symbol};
use super::target::Target;
use crate::library::model::Head;
use crate::library::model::Source;
pub use crate::library::text::find_all;
use crate::library::{BriefingId, EntityId, Kind, Library, cite};

/// How much of the story's header the pane has room for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Header {
    /// Headline, dek and source line, with space around them: where the pane is tall.
    Full,
    /// The headline alone above the text, the source going in the pane's border, and no
    /// blank line under headings: where the pane is short, so the story starts at once.
    Compact,
}

/// Lays out briefing `id` at `width`, marking every match of `query` as [`find_all`] finds them.
pub fn story_doc(library: &Library, id: BriefingId, width: usize, query: &str, header: Header) -> Doc {
    let briefing = library.briefing(id);
    let mentions = library.mentions(id);
    let mut b = DocBuilder::new(width);
    // A compact header leaves out the dek, the source line and the blank lines around
    // them and under headings, each as a block of no lines: the blocks stay the same, so
    // a place in the story survives a resize that changes the header.
    let full = header == Header::Full;
    let gap = |b: &mut DocBuilder| {
        if full {
            b.blank()
        } else {
            b.skip_block()
        };
    };
    let head = |which: Head| -> Vec<Linked> {
        let mentions = library.head_mentions(id).iter().filter(|m| m.head == which);
        mentions.map(|m| Linked::new(library, m.range.clone(), m.entity, Target::Entity(m.entity))).collect()
    };
    let headline = &briefing.headline;
    linked(&mut b, headline, &head(Head::Headline), &find_all(headline, query), Tone::Headline, false);
    gap(&mut b);
    if !briefing.dek.is_empty() {
        if full {
            linked(&mut b, &briefing.dek, &head(Head::Dek), &find_all(&briefing.dek, query), Tone::Dek, false);
        } else {
            for link in head(Head::Dek) {
                b.hidden_link(link.target);
            }
            b.skip_block();
        }
        gap(&mut b);
    }
    if let Some(url) = &briefing.source.url {
        b.address(url);
    }
    if full {
        source_line(&mut b, &briefing.source, query);
    } else {
        b.skip_block();
    }
    gap(&mut b);
    let mut next = 0;
    for section in &briefing.sections {
        if !section.heading.is_empty() {
            unlinked(&mut b, &section.heading, Tone::Heading, query);
            gap(&mut b);
        }
        for p in section.paragraphs.clone() {
            let end = mentions[next..].iter().position(|m| m.paragraph != p).map_or(mentions.len(), |n| next + n);
            let text = &briefing.paragraphs[p].text;
            b.anchor();
            let links: Vec<Linked> = (next..end)
                .map(|i| Linked::new(library, mentions[i].range.clone(), mentions[i].entity, Target::Mention(id, i)))
                .collect();
            linked(&mut b, text, &links, &find_all(text, query), Tone::Body, true);
            b.blank();
            next = end;
        }
    }
    b.finish()
}

/// "In Focus Magazine · March 2025 · “The Beijing Gambit…” · taipeitimes.com ↗": the
/// source, and where it has an address, its host as a link to it.
fn source_line(b: &mut DocBuilder, source: &Source, query: &str) {
    unlinked(b, &cite::source_line(source), Tone::Meta, query);
    if let Some(url) = &source.url {
        b.text(" · ", Tone::Meta).text(&format!("{} ↗", cite::host(url).unwrap_or(url)), Tone::Address);
    }
    b.end();
}

/// Adds text without links (headline, dek, source, headings), marking find matches.
fn unlinked(b: &mut DocBuilder, text: &str, tone: Tone, query: &str) {
    let mut at = 0;
    for range in find_all(text, query) {
        b.text(&text[at..range.start], tone).mark(&text[range.clone()], None);
        at = range.end;
    }
    b.text(&text[at..], tone);
}

/// A span of text that links somewhere: a mention.
struct Linked {
    range: Range<usize>,
    kind: Kind,
    target: Target,
}

impl Linked {
    fn new(library: &Library, range: Range<usize>, entity: EntityId, target: Target) -> Linked {
        Linked { range, kind: library.entity(entity).kind, target }
    }
}

/// Adds a paragraph of `plain` text, cutting it wherever a link or a find match starts or
/// ends; with `markers`, each link starts with its kind's marker. The headline and dek go
/// without: they read as written, their links told by colour and underline (and by the
/// card, which previews each as Tab reaches it).
fn linked(b: &mut DocBuilder, text: &str, links: &[Linked], matches: &[Range<usize>], plain: Tone, markers: bool) {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    cuts.extend(links.iter().flat_map(|m| [m.range.start, m.range.end]));
    cuts.extend(matches.iter().flat_map(|m| [m.start, m.end]));
    cuts.sort_unstable();
    cuts.dedup();
    // The link being drawn: which of `links`, and its index in the doc.
    let mut open: Option<(usize, usize)> = None;
    // Links and matches are in text order and do not overlap, so one cursor into each
    // finds the one covering a piece: a paragraph costs time linear in its pieces, however
    // many mentions it holds.
    let (mut next_link, mut next_match) = (0, 0);
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        let piece = &text[start..end];
        while links.get(next_link).is_some_and(|m| m.range.end <= start) {
            next_link += 1;
        }
        while matches.get(next_match).is_some_and(|r| r.end <= start) {
            next_match += 1;
        }
        let covers = |r: &Range<usize>| r.start <= start && end <= r.end;
        let link = links.get(next_link).filter(|m| covers(&m.range)).map(|m| {
            let index = match open {
                Some((at, index)) if at == next_link => index,
                _ if markers => b.link(&symbol(m.kind).to_string(), Tone::Link(m.kind), m.target),
                _ => b.link("", Tone::Link(m.kind), m.target),
            };
            open = Some((next_link, index));
            (index, m.kind)
        });
        let marked = matches.get(next_match).is_some_and(covers);
        match (link, marked) {
            (Some((index, _)), true) => b.mark(piece, Some(index)),
            (Some((index, kind)), false) => b.link_more(piece, Tone::Link(kind), index),
            (None, true) => b.mark(piece, None),
            (None, false) => b.text(piece, plain),
        };
    }
    b.end();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::bundled;

    #[test]
    fn both_headers_keep_the_same_blocks_and_paragraphs() {
        let library = bundled::load(Default::default()).unwrap().library;
        for b in library.briefing_ids() {
            let full = story_doc(&library, b, 50, "", Header::Full);
            let compact = story_doc(&library, b, 50, "", Header::Compact);
            assert_eq!(full.blocks.len(), compact.blocks.len(), "{}", library.briefing(b).id);
            assert_eq!(full.links.len(), compact.links.len());
            let first = |d: &Doc| d.lines[d.anchors[0]].clone();
            assert_eq!(first(&full), first(&compact), "paragraph 0 is the same text");
            assert!(compact.anchors[0] < full.anchors[0]);
        }
    }

    #[test]
    fn finds_ignoring_case_across_scripts() {
        let text = "The H20 chip; the h20 again; 黄仁勋 and Éclair.";
        assert_eq!(find_all(text, "h20").len(), 2);
        let cjk = find_all(text, "仁勋");
        assert_eq!(&text[cjk[0].clone()], "仁勋");
        let accented = find_all(text, "éclair");
        assert_eq!(&text[accented[0].clone()], "Éclair");
        assert!(find_all(text, "").is_empty());
        assert!(find_all(text, "zzz").is_empty());
    }
}
