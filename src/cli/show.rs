//! `briefing show ID`: an entity's card, as text or JSON.

use std::fmt::Write;
use std::process::ExitCode;

use super::{Source, load, print};
use crate::library::card::{Card, FigureLine, place_label};
use crate::library::suggest::not_an_entity;

/// Prints the card of entity `id`; an unknown id names the closest ones and exits 1.
pub fn run(source: &Source<'_>, id: &str, json: bool) -> anyhow::Result<ExitCode> {
    let library = load(source)?;
    let Some(entity) = library.entity_by_id(id) else {
        super::eprint(&not_an_entity(&library, id));
        return Ok(ExitCode::FAILURE);
    };
    let card = Card::new(&library, entity);
    if json {
        print(&format!("{}\n", serde_json::to_string_pretty(&card)?))?;
    } else {
        print(&card_text(&card))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The card as `show` prints it: head, facts, relations, figures, one line per mention with
/// its snippet, events and briefings.
pub fn card_text(card: &Card<'_>) -> String {
    let e = &card.head;
    let mut out = String::new();
    let native = e.native_name.map(|n| format!(" ({n})")).unwrap_or_default();
    let _ = writeln!(out, "{} · {}{native}", e.kind, e.name);
    if !e.role.is_empty() {
        let _ = writeln!(out, "{}", e.role);
    }
    if !e.summary.is_empty() {
        let _ = writeln!(out, "\n{}", e.summary);
    }
    if let Some(f) = &e.figure {
        let _ = writeln!(
            out,
            "\nvalue: {} {} ({}, {}, {}) = {}",
            f.value, f.unit, f.scale, f.sign, f.qualifier, f.signed_value
        );
        let _ = writeln!(out, "stated in {} {}: {}", f.briefing.id, place_label(f.section, f.paragraph), f.sentence);
    }
    section(&mut out, "Facts", e.facts.iter().map(|(label, value)| format!("{label}: {value}")));
    let relations = card.relations.iter().map(|r| {
        let stated: Vec<&str> = r.stated_by.iter().map(|s| s.briefing.id).collect();
        format!("{} → {} ({}) [{}]", r.label, r.other.name, r.other.id, stated.join(", "))
    });
    section(&mut out, "Relations", relations);
    section(&mut out, "Figures", card.figures.iter().map(figure_line));
    section(
        &mut out,
        "Mentions",
        card.mentions
            .iter()
            .map(|m| format!("{} {}: {}", m.briefing.id, place_label(m.section, m.paragraph), m.sentence)),
    );
    section(
        &mut out,
        "Events",
        card.events.iter().map(|ev| format!("{} {} [{}]", ev.date_label(), ev.text, ev.briefing.id)),
    );
    section(
        &mut out,
        "Briefings",
        e.briefings.iter().map(|b| format!("{}{}", b.id, b.date.map(|d| format!(" ({d})")).unwrap_or_default())),
    );
    out
}

fn figure_line(f: &FigureLine<'_>) -> String {
    let revises = f.revises.map(|r| format!("; revises {}", r.id)).unwrap_or_default();
    let date = f.date.unwrap_or("undated");
    format!("{date} {} — {} ({}, in {}{revises})", f.display, f.measures, f.figure.id, f.briefing.id)
}

fn section(out: &mut String, title: &str, lines: impl Iterator<Item = String>) {
    let lines: Vec<String> = lines.collect();
    if lines.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{title}");
    for line in lines {
        let _ = writeln!(out, "  {line}");
    }
}
