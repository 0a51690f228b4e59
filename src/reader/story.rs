//! The story of a briefing as a linked [`Doc`]: headline, dek, source, sections, every
//! mention a link (link `i` is mention `i` of the briefing), find matches marked and
//! paragraph `p` starting at line `anchors[p]`.

use std::ops::Range;

use super::doc::{Doc, DocBuilder, Tone, symbol};
use super::target::Target;
use crate::library::model::Source;
pub use crate::library::text::find_all;
use crate::library::{BriefingId, Library, Mention, cite};

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
    unlinked(&mut b, &briefing.headline, Tone::Headline, query);
    gap(&mut b);
    if !briefing.dek.is_empty() {
        if full {
            unlinked(&mut b, &briefing.dek, Tone::Dek, query);
            b.end();
        } else {
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
            paragraph(&mut b, library, id, text, &mentions[next..end], next, &find_all(text, query));
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

/// Adds one paragraph, cutting its text wherever a mention or a match starts or ends.
fn paragraph(
    b: &mut DocBuilder,
    library: &Library,
    briefing: BriefingId,
    text: &str,
    mentions: &[Mention],
    first_link: usize,
    matches: &[Range<usize>],
) {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    cuts.extend(mentions.iter().flat_map(|m| [m.range.start, m.range.end]));
    cuts.extend(matches.iter().flat_map(|m| [m.start, m.end]));
    cuts.sort_unstable();
    cuts.dedup();
    let mut open_link: Option<usize> = None;
    // Mentions and matches are in text order and do not overlap, so one cursor into each
    // finds the one covering a piece: a paragraph costs time linear in its pieces, however
    // many mentions it holds.
    let (mut next_mention, mut next_match) = (0, 0);
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        let piece = &text[start..end];
        while mentions.get(next_mention).is_some_and(|m| m.range.end <= start) {
            next_mention += 1;
        }
        while matches.get(next_match).is_some_and(|r| r.end <= start) {
            next_match += 1;
        }
        let covers = |r: &Range<usize>| r.start <= start && end <= r.end;
        let mention = mentions.get(next_mention).filter(|m| covers(&m.range)).map(|_| next_mention);
        let link = mention.map(|i| {
            let m = &mentions[i];
            let kind = library.entity(m.entity).kind;
            let index = first_link + i;
            if open_link != Some(index) {
                let link = b.link(&symbol(kind).to_string(), Tone::Link(kind), Target::Mention(briefing, index));
                debug_assert_eq!(link, index, "story link i is mention i");
                open_link = Some(index);
            }
            (index, kind)
        });
        let marked = matches.get(next_match).is_some_and(covers);
        match (link, marked) {
            (Some((index, _)), true) => b.mark(piece, Some(index)),
            (Some((index, kind)), false) => b.link_more(piece, Tone::Link(kind), index),
            (None, true) => b.mark(piece, None),
            (None, false) => b.text(piece, Tone::Body),
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
