//! An entity's card as a linked [`Doc`], laid out from the domain's [`Card`]: who or what
//! it is, then everything it connects to — relations both ways, figures, mentions with
//! their sentences, events, briefings — each a link. Links to entities go through
//! [`DocBuilder::entity`], so they look the same as in every other view.

use super::doc::{Doc, DocBuilder, Tone, symbol};
use super::target::Target;
use crate::library::card::{BriefingRef, Card, FigureData, Head, MentionLine, place_label};
use crate::library::{BriefingId, EntityId, Library, cite};
use crate::state::Standing;

/// How the reader stands with each briefing, so a card can mark the mentions in briefings
/// not read yet; `None` marks nothing (a search preview).
pub type Reads<'a> = Option<&'a dyn Fn(BriefingId) -> Standing>;

/// Lays out the card of `id` at `width`, marking mentions in briefings not read by `reads`.
pub fn card_doc(library: &Library, id: EntityId, width: usize, reads: Reads<'_>) -> Doc {
    let card = Card::new(library, id);
    let mut b = DocBuilder::new(width);
    head(&mut b, &card.head);
    if let Some(figure) = &card.head.figure {
        figure_data(&mut b, library, &card, figure);
    }
    let numbered = numbered(library, &card);
    relations(&mut b, library, &card, &numbered);
    figures(&mut b, library, &card);
    mentions(&mut b, &card, reads);
    events(&mut b, &card, &numbered);
    briefings(&mut b, &numbered);
    b.finish()
}

fn head(b: &mut DocBuilder, e: &Head<'_>) {
    b.text(&format!("{} {}", symbol(e.kind), e.kind.as_str().to_uppercase()), Tone::Link(e.kind)).end();
    b.text(e.name, Tone::Headline);
    if let Some(native) = e.native_name {
        b.text(&format!("  {native}"), Tone::Dek);
    }
    b.end();
    if !e.aliases.is_empty() {
        b.text(&format!("also {}", e.aliases.join(", ")), Tone::Meta).end();
    }
    if !e.role.is_empty() {
        b.text(e.role, Tone::Dek).end();
    }
    if !e.summary.is_empty() {
        b.blank().text(e.summary, Tone::Body).end();
    }
    if !e.facts.is_empty() {
        b.blank();
        for (label, value) in &e.facts {
            b.indent(2).text(&format!("{label}: "), Tone::Label).text(value, Tone::Body).end();
        }
        b.indent(0);
    }
}

fn figure_data(b: &mut DocBuilder, library: &Library, card: &Card<'_>, figure: &FigureData<'_>) {
    b.blank().indent(2);
    b.text("Value: ", Tone::Label).text(&figure.describe(), Tone::Body).end();
    if let Some(period) = figure.period {
        b.text("Period: ", Tone::Label).text(period, Tone::Body).end();
    }
    b.text("About: ", Tone::Label);
    for (i, about) in figure.about.iter().enumerate() {
        if i > 0 {
            b.text(", ", Tone::Body);
        }
        b.entity(library, about.entity);
    }
    b.end().indent(0);
    b.blank().text("Stated in the story: ", Tone::Label).end();
    let briefing = figure.briefing.briefing;
    match card.stated_link {
        Some(index) => b.link(&format!("“{}”", figure.sentence), Tone::Jump, Target::Mention(briefing, index)),
        None => b.link(figure.briefing.headline, Tone::Jump, Target::Briefing(briefing)),
    };
    b.end();
}

fn heading(b: &mut DocBuilder, title: &str, count: usize) {
    b.blank().text(&format!("{title} ({count})"), Tone::Heading).end();
}

/// The card's briefings newest first; relations and events refer to them by number.
fn numbered<'c>(library: &Library, card: &'c Card<'_>) -> Vec<&'c BriefingRef<'c>> {
    let listed = &card.head.briefings;
    let order = library.newest_first_of(listed.iter().map(|b| b.briefing));
    order.into_iter().filter_map(|id| listed.iter().find(|b| b.briefing == id)).collect()
}

/// " [1 3]": which of the card's numbered briefings state something, when it has several.
fn sources(list: &[&BriefingRef<'_>], briefings: impl Iterator<Item = BriefingId>) -> String {
    if list.len() < 2 {
        return String::new();
    }
    let mut numbers: Vec<usize> =
        briefings.filter_map(|b| list.iter().position(|r| r.briefing == b)).map(|i| i + 1).collect();
    numbers.sort_unstable();
    numbers.dedup();
    let numbers: Vec<String> = numbers.iter().map(usize::to_string).collect();
    format!(" [{}]", numbers.join(" "))
}

fn relations(b: &mut DocBuilder, library: &Library, card: &Card<'_>, list: &[&BriefingRef<'_>]) {
    if card.relations.is_empty() {
        return;
    }
    heading(b, "Relations", card.relations.len());
    b.indent(4);
    for related in &card.relations {
        b.text(&format!("  {} → ", related.label), Tone::Label);
        b.entity(library, related.other.entity);
        b.text(&sources(list, related.stated_by.iter().map(|s| s.briefing.briefing)), Tone::Meta);
        b.end();
    }
    b.indent(0);
}

fn figures(b: &mut DocBuilder, library: &Library, card: &Card<'_>) {
    if card.figures.is_empty() {
        return;
    }
    heading(b, "Figures", card.figures.len());
    b.indent(4);
    for line in &card.figures {
        b.text(&format!("  {} ", line.date.unwrap_or("undated")), Tone::Label);
        b.entity(library, line.figure.entity);
        b.text(&format!(" {}", line.measures), Tone::Body);
        if let Some(earlier) = &line.revises {
            b.text(" — revises ", Tone::Meta);
            b.entity(library, earlier.entity);
        }
        b.end();
    }
    b.indent(0);
}

/// What marks a briefing's mentions on a card, by how the reader stands with it: nothing
/// once it is read, else a word for why it is not.
fn unread(standing: Standing) -> Option<&'static str> {
    match standing {
        Standing::Read => None,
        Standing::New => Some("new"),
        Standing::Unread => Some("unread"),
        Standing::Opened => Some("part read"),
        Standing::Updated => Some("updated since read"),
    }
}

/// Mentions briefing by briefing. Those in briefings not read yet are marked — `○` before
/// the headline and a word after it, so it reads without colour — and counted in the heading.
fn mentions(b: &mut DocBuilder, card: &Card<'_>, reads: Reads<'_>) {
    if card.mentions.is_empty() {
        return;
    }
    let mark = |m: &MentionLine<'_>| reads.and_then(|standing| unread(standing(m.briefing.briefing)));
    let marks: Vec<Option<&str>> = card.mentions.iter().map(mark).collect();
    let count = match marks.iter().flatten().count() {
        0 => card.mentions.len().to_string(),
        n => format!("{}, {n} not yet read", card.mentions.len()),
    };
    b.blank().text(&format!("Mentions ({count})"), Tone::Heading).end();
    let mut open: Option<BriefingId> = None;
    for (m, mark) in card.mentions.iter().zip(marks) {
        if open != Some(m.briefing.briefing) {
            open = Some(m.briefing.briefing);
            b.indent(4).text("  ", Tone::Body);
            if mark.is_some() {
                b.text("○ ", Tone::Unread);
            }
            b.link(m.briefing.headline, Tone::Jump, Target::Briefing(m.briefing.briefing));
            b.text(&m.briefing.date.map(|d| format!(" · {d}")).unwrap_or_default(), Tone::Meta);
            if let Some(word) = mark {
                b.text(&format!(" · {word}"), Tone::Unread);
            }
            b.end();
        }
        b.indent(6).text("    ", Tone::Body);
        b.link(&place_label(m.section, m.paragraph), Tone::Jump, Target::Mention(m.briefing.briefing, m.link));
        b.text(&format!(" {}", m.sentence), Tone::Body).end();
    }
    b.indent(0);
}

fn events(b: &mut DocBuilder, card: &Card<'_>, list: &[&BriefingRef<'_>]) {
    if card.events.is_empty() {
        return;
    }
    heading(b, "Events", card.events.len());
    b.indent(4);
    for event in &card.events {
        b.text(&format!("  {} ", event.date_label()), Tone::Label).text(event.text, Tone::Body);
        b.text(&sources(list, std::iter::once(event.briefing.briefing)), Tone::Meta).end();
    }
    b.indent(0);
}

fn briefings(b: &mut DocBuilder, list: &[&BriefingRef<'_>]) {
    heading(b, "Briefings", list.len());
    b.indent(4);
    for (i, briefing) in list.iter().enumerate() {
        let number = if list.len() > 1 { format!("  [{}] ", i + 1) } else { "  ".to_string() };
        b.text(&number, Tone::Meta);
        b.link(briefing.headline, Tone::Jump, Target::Briefing(briefing.briefing));
        b.text(&briefing.date.map(|d| format!(" · {d}")).unwrap_or_default(), Tone::Meta).end();
        // Where the story comes from, under it: what `o` opens with the briefing focused.
        let host = briefing.source.url.as_deref().and_then(cite::host).map(|h| format!(" · {h}"));
        let source = format!("{}{}", cite::source_line(briefing.source), host.unwrap_or_default());
        let hang = number.chars().count();
        b.indent(hang).text(&format!("{}{source}", " ".repeat(hang)), Tone::Meta).end().indent(4);
    }
    b.indent(0);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::bundled;

    /// The card's lines as text.
    fn lines(doc: &Doc) -> Vec<String> {
        doc.lines.iter().map(|l| l.iter().map(|p| p.text.as_str()).collect()).collect()
    }

    #[test]
    fn mentions_in_briefings_not_yet_read_are_marked_and_counted() {
        let library = bundled::load(Default::default()).expect("bundled").library;
        let huang = library.entity_by_id("jensen-huang").expect("bundled");
        let beijing = library.briefing_by_id("beijing-gambit").expect("bundled");
        let standing = |b| if b == beijing { Standing::Read } else { Standing::Unread };
        let doc = card_doc(&library, huang, 200, Some(&standing));
        let text = lines(&doc);
        let card = Card::new(&library, huang);
        let elsewhere = card.mentions.iter().filter(|m| m.briefing.briefing != beijing).count();
        assert!(text.contains(&format!("Mentions ({}, {elsewhere} not yet read)", card.mentions.len())), "{text:?}");
        let headline = &library.briefing(beijing).headline;
        let section = text.iter().skip_while(|l| !l.starts_with("Mentions (")).skip(1);
        let section: Vec<&String> = section.take_while(|l| l.starts_with(' ')).collect();
        let heads: Vec<&&String> = section.iter().filter(|l| !l.starts_with("    ")).collect();
        assert_eq!(heads.len(), card.head.briefings.len(), "one head per briefing: {heads:?}");
        for head in heads {
            let read = head.contains(headline.as_str());
            assert_eq!((head.contains("○ "), head.ends_with(" · unread")), (!read, !read), "{head}");
        }
        assert!(!lines(&card_doc(&library, huang, 200, None)).iter().any(|l| l.contains('○')), "no reads, no marks");
    }
}
