//! An entity's card as a linked [`Doc`]: who or what it is, then everything it connects
//! to — relations both ways, figures, mentions with their sentences, events, briefings —
//! each a link.

use super::doc::{Doc, DocBuilder, Tone, symbol};
use super::target::Target;
use crate::library::graph;
use crate::library::model::{Figure, Qualifier, Sign};
use crate::library::{BriefingId, EntityId, Library};

/// Lays out the card of `id` at `width`.
pub fn card_doc(library: &Library, id: EntityId, width: usize) -> Doc {
    let mut b = DocBuilder::new(width);
    head(&mut b, library, id);
    if let Some(figure) = &library.entity(id).figure {
        figure_data(&mut b, library, id, figure);
    }
    relations(&mut b, library, id);
    figures(&mut b, library, id);
    mentions(&mut b, library, id);
    events(&mut b, library, id);
    briefings(&mut b, library, id);
    b.finish()
}

fn head(b: &mut DocBuilder, library: &Library, id: EntityId) {
    let e = library.entity(id);
    b.text(&format!("{} {}", symbol(e.kind), e.kind.as_str().to_uppercase()), Tone::Link(e.kind)).end();
    b.text(&e.name, Tone::Headline);
    if let Some(native) = &e.native_name {
        b.text(&format!("  {native}"), Tone::Dek);
    }
    b.end();
    if !e.aliases.is_empty() {
        b.text(&format!("also {}", e.aliases.join(", ")), Tone::Meta).end();
    }
    if !e.role.is_empty() {
        b.text(&e.role, Tone::Dek).end();
    }
    if !e.summary.is_empty() {
        b.blank().text(&e.summary, Tone::Body).end();
    }
    if !e.facts.is_empty() {
        b.blank();
        for fact in &e.facts {
            b.indent(2).text(&format!("{}: ", fact.label), Tone::Label).text(&fact.value, Tone::Body).end();
        }
        b.indent(0);
    }
}

/// How a figure reads in full: "over 40% (loss) — year to date".
pub fn describe(figure: &Figure) -> String {
    let qualifier = match figure.qualifier {
        Qualifier::Exact => "",
        Qualifier::About => "about ",
        Qualifier::Over => "over ",
        Qualifier::Under => "under ",
    };
    let sign = match figure.sign {
        Sign::Positive => "",
        Sign::Negative => "−",
    };
    let scale = match figure.scale.factor() {
        f if f >= 1e12 => " trillion",
        f if f >= 1e9 => " billion",
        f if f >= 1e6 => " million",
        f if f >= 1e3 => " thousand",
        _ => "",
    };
    format!("{qualifier}{sign}{}{scale} {}", figure.value, figure.unit)
}

fn figure_data(b: &mut DocBuilder, library: &Library, id: EntityId, figure: &Figure) {
    b.blank().indent(2);
    b.text("Value: ", Tone::Label).text(&describe(figure), Tone::Body).end();
    if let Some(period) = &figure.period {
        b.text("Period: ", Tone::Label).text(period, Tone::Body).end();
    }
    b.text("About: ", Tone::Label);
    for (i, &about) in figure.about.iter().enumerate() {
        if i > 0 {
            b.text(", ", Tone::Body);
        }
        entity_link(b, library, about);
    }
    b.end().indent(0);
    let briefing = library.briefing(figure.briefing);
    let at = library.mentions(figure.briefing).iter().position(|m| m.entity == id);
    let range = briefing.find_in(figure.paragraph, &library.entity(id).name).unwrap_or(0..0);
    b.blank().text("Stated in the story: ", Tone::Label).end();
    match at {
        Some(index) => b.link(
            &format!("“{}”", briefing.sentence(figure.paragraph, range)),
            Tone::Jump,
            Target::Mention(figure.briefing, index),
        ),
        None => b.link(&briefing.headline, Tone::Jump, Target::Briefing(figure.briefing)),
    };
    b.end();
}

fn heading(b: &mut DocBuilder, title: &str, count: usize) {
    b.blank().text(&format!("{title} ({count})"), Tone::Heading).end();
}

fn entity_link(b: &mut DocBuilder, library: &Library, id: EntityId) {
    let e = library.entity(id);
    b.link(&format!("{}{}", symbol(e.kind), e.name), Tone::Link(e.kind), Target::Entity(id));
}

fn relations(b: &mut DocBuilder, library: &Library, id: EntityId) {
    let steps = graph::neighbours(library, id);
    if steps.is_empty() {
        return;
    }
    heading(b, "Relations", steps.len());
    b.indent(4);
    for step in steps {
        b.text(&format!("  {} → ", step.label()), Tone::Label);
        entity_link(b, library, step.target());
        b.end();
    }
    b.indent(0);
}

fn figures(b: &mut DocBuilder, library: &Library, id: EntityId) {
    let figures = library.figures_about(id);
    if figures.is_empty() {
        return;
    }
    heading(b, "Figures", figures.len());
    b.indent(4);
    for &f in figures {
        b.text("  ", Tone::Body);
        entity_link(b, library, f);
        b.text(&format!(" {}", library.entity(f).role), Tone::Body).end();
    }
    b.indent(0);
}

fn mentions(b: &mut DocBuilder, library: &Library, id: EntityId) {
    let mut found: Vec<(BriefingId, usize)> = Vec::new();
    for &briefing in &library.entity(id).briefings {
        let all = library.mentions(briefing);
        found.extend(all.iter().enumerate().filter(|(_, m)| m.entity == id).map(|(i, _)| (briefing, i)));
    }
    if found.is_empty() {
        return;
    }
    heading(b, "Mentions", found.len());
    b.indent(4);
    for (briefing_id, index) in found {
        let briefing = library.briefing(briefing_id);
        let m = &library.mentions(briefing_id)[index];
        let (section, paragraph) = briefing.place(m.paragraph);
        b.text("  ", Tone::Body);
        b.link(&format!("§{} ¶{}", section + 1, paragraph + 1), Tone::Jump, Target::Mention(briefing_id, index));
        b.text(&format!(" {}", briefing.sentence(m.paragraph, m.range.clone())), Tone::Body).end();
    }
    b.indent(0);
}

fn events(b: &mut DocBuilder, library: &Library, id: EntityId) {
    let events: Vec<_> = library.events_of(id).collect();
    if events.is_empty() {
        return;
    }
    heading(b, "Events", events.len());
    b.indent(4);
    for (_, event) in events {
        let date = if event.date.is_empty() { format!("#{}", event.order) } else { event.date.clone() };
        b.text(&format!("  {date} "), Tone::Label).text(&event.text, Tone::Body).end();
    }
    b.indent(0);
}

fn briefings(b: &mut DocBuilder, library: &Library, id: EntityId) {
    let list = &library.entity(id).briefings;
    heading(b, "Briefings", list.len());
    b.indent(4);
    for &briefing in list {
        b.text("  ", Tone::Body);
        b.link(&library.briefing(briefing).headline, Tone::Jump, Target::Briefing(briefing));
        b.end();
    }
    b.indent(0);
}
