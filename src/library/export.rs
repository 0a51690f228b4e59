//! Turning a loaded briefing back into its file form, pins and all, so `briefing export
//! --format json` writes a file that `briefing check` accepts and that loads to the same
//! library.

use super::format::{
    BriefingFile, EntityFile, EventFile, FactFile, FigureFile, Kind, PlaceFile, RelationFile, SectionFile, SourceFile,
};
use super::model::{BriefingId, EntityId, Library, Paragraph};

/// The file form of briefing `id`.
pub fn briefing_file(library: &Library, id: BriefingId) -> BriefingFile {
    let b = library.briefing(id);
    let (figures, entities): (Vec<EntityId>, Vec<EntityId>) =
        b.entities.iter().partition(|&&e| library.entity(e).kind == Kind::Figure);
    BriefingFile {
        id: b.id.clone(),
        headline: b.headline.clone(),
        dek: b.dek.clone(),
        source: SourceFile {
            publication: b.source.publication.clone(),
            title: b.source.title.clone(),
            date: b.source.date.clone(),
            url: b.source.url.clone(),
        },
        sections: b
            .sections
            .iter()
            .map(|s| SectionFile {
                heading: s.heading.clone(),
                paragraphs: b.paragraphs[s.paragraphs.clone()].iter().map(|p| with_pins(library, p)).collect(),
            })
            .collect(),
        entities: entities.into_iter().map(|e| entity_file(library, e)).collect(),
        figures: figures.into_iter().filter_map(|f| figure_file(library, f)).collect(),
        relations: library
            .relations
            .iter()
            .filter(|r| r.briefing == id)
            .map(|r| RelationFile {
                from: library.entity(r.from).id.clone(),
                kind: r.kind.clone(),
                to: library.entity(r.to).id.clone(),
                label: r.label.clone(),
                inverse: r.inverse.clone(),
            })
            .collect(),
        events: b
            .events
            .iter()
            .map(|e| EventFile {
                order: e.order,
                date: e.date.clone(),
                text: e.text.clone(),
                entities: e.entities.iter().map(|&x| library.entity(x).id.clone()).collect(),
            })
            .collect(),
    }
}

/// A paragraph's text with its pins written back as `[[text|id]]` and `[[text|-]]`.
pub fn with_pins(library: &Library, paragraph: &Paragraph) -> String {
    let text = &paragraph.text;
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (range, target) in &paragraph.pins {
        out.push_str(&text[at..range.start]);
        let id = target.map_or("-", |e| library.entity(e).id.as_str());
        out.push_str(&format!("[[{}|{id}]]", &text[range.clone()]));
        at = range.end;
    }
    out.push_str(&text[at..]);
    out
}

fn entity_file(library: &Library, id: EntityId) -> EntityFile {
    let e = library.entity(id);
    EntityFile {
        id: e.id.clone(),
        kind: e.kind,
        name: e.name.clone(),
        aliases: e.aliases.clone(),
        native_name: e.native_name.clone(),
        role: e.role.clone(),
        summary: e.summary.clone(),
        facts: e.facts.iter().map(|f| FactFile { label: f.label.clone(), value: f.value.clone() }).collect(),
    }
}

fn figure_file(library: &Library, id: EntityId) -> Option<FigureFile> {
    let e = library.entity(id);
    let f = e.figure.as_ref()?;
    let (section, paragraph) = library.briefing(f.briefing).place(f.paragraph);
    Some(FigureFile {
        id: e.id.clone(),
        value: f.value,
        unit: f.unit.clone(),
        scale: f.scale,
        display: e.name.clone(),
        sign: f.sign,
        qualifier: f.qualifier,
        measures: f.measures.clone(),
        about: f.about.iter().map(|&a| library.entity(a).id.clone()).collect(),
        period: f.period.clone(),
        stated_in: PlaceFile { section, paragraph },
    })
}
