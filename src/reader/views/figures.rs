//! Figures as labelled horizontal bars, grouped by unit so only like is compared with
//! like: dollars with dollars, percentages with percentages. Within a group every bar is
//! proportional to its value; groups never share a scale.

use super::Scope;
use crate::library::model::{Qualifier, Sign};
use crate::library::{EntityId, Kind, Library};
use crate::reader::doc::{Doc, DocBuilder, Tone, width};
use crate::reader::target::Target;

/// A group of figures in one unit, drawn on one scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The unit, as in the files (`USD`, `percent`).
    pub unit: String,
    /// Bars, largest first.
    pub bars: Vec<Bar>,
}

/// One figure's bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The figure.
    pub figure: EntityId,
    /// Its size in base units (value × scale), without sign.
    pub magnitude: f64,
    /// Bar length in cells, for the chart's bar width.
    pub cells: usize,
}

/// The figures of a scope: a briefing's, or those about an entity; the archive's are too
/// many and too unlike to chart together, so it has none.
pub fn in_scope(library: &Library, scope: Scope) -> Vec<EntityId> {
    match scope {
        Scope::Briefing(b) => {
            library.briefing(b).entities.iter().copied().filter(|&e| library.entity(e).kind == Kind::Figure).collect()
        }
        Scope::Entity(e) => library.figures_about(e),
        Scope::Archive => Vec::new(),
    }
}

/// The figures about `entity` in every briefing, oldest first (undated last), for
/// comparing what each briefing reported.
pub fn across(library: &Library, entity: EntityId) -> Vec<EntityId> {
    crate::library::card::Card::new(library, entity).figures.iter().map(|f| f.figure.entity).collect()
}

/// Groups figures by unit (in order of first appearance) and scales each group's bars
/// so its largest spans `bar_width` cells.
pub fn chart(library: &Library, figures: &[EntityId], bar_width: usize) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for &id in figures {
        let Some(f) = &library.entity(id).figure else { continue };
        let bar = Bar { figure: id, magnitude: f.signed_value().abs(), cells: 0 };
        match groups.iter_mut().find(|g| g.unit == f.unit) {
            Some(group) => group.bars.push(bar),
            None => groups.push(Group { unit: f.unit.clone(), bars: vec![bar] }),
        }
    }
    for group in &mut groups {
        group.bars.sort_by(|a, b| b.magnitude.total_cmp(&a.magnitude));
        let max = group.bars.first().map_or(0.0, |b| b.magnitude);
        for bar in &mut group.bars {
            bar.cells = cells(bar.magnitude, max, bar_width);
        }
    }
    groups
}

/// Cells for a value on a scale whose maximum fills `width`; anything above zero shows.
fn cells(value: f64, max: f64, width: usize) -> usize {
    if max <= 0.0 || value <= 0.0 {
        return 0;
    }
    ((value / max * width as f64).round() as usize).clamp(1, width)
}

/// How a unit is named over its group.
fn unit_title(unit: &str) -> String {
    match unit {
        "percent" => "Percentages".into(),
        "USD" => "Money (US dollars)".into(),
        other if other.len() == 3 && other.chars().all(|c| c.is_ascii_uppercase()) => format!("Money ({other})"),
        other => format!("Counts ({other})"),
    }
}

/// Lays the chart out at `width`.
/// With `dated`, each bar also says when and in which briefing it was stated.
pub fn figures_doc(library: &Library, figures: &[EntityId], dated: bool, width: usize) -> Doc {
    let mut b = DocBuilder::new(width);
    if figures.is_empty() {
        b.text("No figures here. Open a briefing, or an entity with figures.", Tone::Meta);
        return b.finish();
    }
    let label = figures.iter().map(|&f| width_of_label(library, f)).max().unwrap_or(0).min(width / 2);
    let bar_width = width.saturating_sub(label + 3).max(1);
    for group in chart(library, figures, bar_width) {
        b.text(&unit_title(&group.unit), Tone::Heading).blank();
        for bar in &group.bars {
            draw_bar(&mut b, library, bar, label, dated);
        }
        b.blank();
    }
    b.text("█ gain or level  ▒ loss or fall  ▶ more than shown  ~ approximate", Tone::Meta);
    b.finish()
}

fn width_of_label(library: &Library, figure: EntityId) -> usize {
    width(&library.entity(figure).name) + 2
}

fn draw_bar(b: &mut DocBuilder, library: &Library, bar: &Bar, label: usize, dated: bool) {
    let e = library.entity(bar.figure);
    let Some(f) = &e.figure else { return };
    let sign = if f.sign == Sign::Negative { "−" } else { " " };
    b.text(sign, Tone::Body);
    b.entity(library, bar.figure);
    let pad = (label + 1).saturating_sub(width(&e.name) + 2);
    let fill = if f.sign == Sign::Negative { "▒" } else { "█" };
    let end = match f.qualifier {
        Qualifier::Over => "▶",
        Qualifier::About => "~",
        Qualifier::Under => "◀",
        Qualifier::Exact => "",
    };
    b.text(&format!("{} {}{end}", " ".repeat(pad), fill.repeat(bar.cells)), Tone::Link(Kind::Figure)).end();
    b.indent(label + 2).text(&format!("{}{}", " ".repeat(label + 2), e.role), Tone::Meta).end();
    if dated {
        let briefing = library.briefing(f.briefing);
        let when = briefing.date.as_deref().unwrap_or("undated");
        b.text(&format!("{}{when} · ", " ".repeat(label + 2)), Tone::Meta);
        b.link(&briefing.headline, Tone::Jump, Target::Briefing(f.briefing));
        b.end();
    }
    b.indent(0);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::bundled;

    #[test]
    fn bars_are_proportional_within_a_group() {
        let library = bundled::load(Default::default()).unwrap().library;
        let figures = in_scope(&library, Scope::Briefing(library.briefing_by_id("beijing-gambit").unwrap()));
        let groups = chart(&library, &figures, 100);
        for group in &groups {
            let max = group.bars[0].magnitude;
            assert_eq!(group.bars[0].cells, 100);
            for bar in &group.bars {
                let expected = (bar.magnitude / max * 100.0).round().max(1.0) as usize;
                assert_eq!(bar.cells, expected, "{} in {}", library.entity(bar.figure).id, group.unit);
            }
        }
        let money = groups.iter().find(|g| g.unit == "USD").unwrap();
        let cells: Vec<usize> = money.bars.iter().map(|b| b.cells).collect();
        assert_eq!(cells, vec![100, 32, 5], "$17 billion, $5.5 billion, $800 million");
    }

    #[test]
    fn units_never_share_a_scale() {
        let library = bundled::load(Default::default()).unwrap().library;
        let groups = chart(
            &library,
            &in_scope(&library, Scope::Briefing(library.briefing_by_id("beijing-gambit").unwrap())),
            40,
        );
        let units: Vec<&str> = groups.iter().map(|g| g.unit.as_str()).collect();
        assert_eq!(units.len(), 2, "{units:?}");
        for group in &groups {
            let units: Vec<&str> = group
                .bars
                .iter()
                .filter_map(|b| library.entity(b.figure).figure.as_ref())
                .map(|f| f.unit.as_str())
                .collect();
            assert!(units.iter().all(|u| *u == group.unit));
            assert_eq!(group.bars[0].cells, 40, "each group's largest bar fills the width on its own scale");
        }
    }

    #[test]
    fn tiny_values_still_show() {
        assert_eq!(cells(0.001, 1000.0, 50), 1);
        assert_eq!(cells(0.0, 1000.0, 50), 0);
        assert_eq!(cells(5.0, 0.0, 50), 0);
    }
}
