//! An entity's card as a linked [`Doc`], laid out from the domain's [`Card`]: who or what
//! it is, then everything it connects to — relations both ways, figures, mentions with
//! their sentences, events, briefings — each a link. Links to entities go through
//! [`DocBuilder::entity`], so they look the same as in every other view.

use super::doc::{Doc, DocBuilder, Tone, symbol};
use super::target::Target;
use crate::library::card::{Card, FigureData, Head};
use crate::library::{EntityId, Library};

/// Lays out the card of `id` at `width`.
pub fn card_doc(library: &Library, id: EntityId, width: usize) -> Doc {
    let card = Card::new(library, id);
    let mut b = DocBuilder::new(width);
    head(&mut b, &card.head);
    if let Some(figure) = &card.head.figure {
        figure_data(&mut b, library, &card, figure);
    }
    relations(&mut b, library, &card);
    figures(&mut b, library, &card);
    mentions(&mut b, &card);
    events(&mut b, &card);
    briefings(&mut b, &card);
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

fn relations(b: &mut DocBuilder, library: &Library, card: &Card<'_>) {
    if card.relations.is_empty() {
        return;
    }
    heading(b, "Relations", card.relations.len());
    b.indent(4);
    for related in &card.relations {
        b.text(&format!("  {} → ", related.label), Tone::Label);
        b.entity(library, related.other.entity);
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
    for figure in &card.figures {
        b.text("  ", Tone::Body);
        b.entity(library, figure.entity);
        b.text(&format!(" {}", figure.role), Tone::Body).end();
    }
    b.indent(0);
}

fn mentions(b: &mut DocBuilder, card: &Card<'_>) {
    if card.mentions.is_empty() {
        return;
    }
    heading(b, "Mentions", card.mentions.len());
    b.indent(4);
    for m in &card.mentions {
        let target = Target::Mention(m.briefing.briefing, m.link);
        b.text("  ", Tone::Body);
        b.link(&format!("§{} ¶{}", m.section + 1, m.paragraph + 1), Tone::Jump, target);
        b.text(&format!(" {}", m.sentence), Tone::Body).end();
    }
    b.indent(0);
}

fn events(b: &mut DocBuilder, card: &Card<'_>) {
    if card.events.is_empty() {
        return;
    }
    heading(b, "Events", card.events.len());
    b.indent(4);
    for event in &card.events {
        let date = if event.date.is_empty() { format!("#{}", event.order) } else { event.date.to_string() };
        b.text(&format!("  {date} "), Tone::Label).text(event.text, Tone::Body).end();
    }
    b.indent(0);
}

fn briefings(b: &mut DocBuilder, card: &Card<'_>) {
    let list = &card.head.briefings;
    heading(b, "Briefings", list.len());
    b.indent(4);
    for briefing in list {
        b.text("  ", Tone::Body);
        b.link(briefing.headline, Tone::Jump, Target::Briefing(briefing.briefing));
        b.end();
    }
    b.indent(0);
}
