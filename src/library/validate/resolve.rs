//! Second pass: the story's paragraphs and pins, figure data, relations and events, with
//! every id they name resolved against the whole library.
//!
//! Every file is resolved on its own against the declared library, which it only reads,
//! so the files are shared out over all cores; what each produces (its story, figures,
//! relations, backlinks and problems) is then put into the library in file order, so the
//! result and the order of the problems are the same as one file after another.

use std::mem::take;

use super::super::figure_text;
use super::super::format::{BriefingFile, FigureFile, RelationFile};
use super::super::locate::JsonPath;
use super::super::markup::{self, PinTarget};
use super::super::model::{BriefingId, EntityId, Event, Figure, Library, Paragraph, Relation, Section};
use super::super::parallel;
use super::declare::Declared;
use super::{Parsed, Reporter, closest};

/// Resolves every file's story, figures, relations and events, then indexes relations.
/// Texts move from the parsed files into the library, and each file is dropped on its
/// worker once it is resolved.
pub(super) fn resolve_all(
    library: &mut Library,
    parsed: Vec<Parsed<'_>>,
    declared: Vec<Declared>,
    reporter: &mut Reporter<'_>,
) {
    let work: Vec<(Parsed<'_>, Declared)> = parsed.into_iter().zip(declared).collect();
    for (file, briefing, resolved) in resolve_on_all_cores(library, work) {
        resolved.apply(library, reporter, file, briefing);
    }
    for entity in &mut library.entities {
        entity.briefings.sort_unstable();
    }
    index_relations(library);
}

/// Resolves the files on every core; results come back in file order, and each file is
/// dropped on its worker once it is resolved.
fn resolve_on_all_cores(library: &Library, work: Vec<(Parsed<'_>, Declared)>) -> Vec<(usize, BriefingId, Resolved)> {
    parallel::map(work, |(mut p, d)| (p.file, d.briefing, resolve_file(library, &mut p, d)))
}

/// Resolves one file against the (read-only) declared library.
fn resolve_file(library: &Library, parsed: &mut Parsed<'_>, declared: Declared) -> Resolved {
    let mut resolver = Resolver { library, briefing: declared.briefing, out: Resolved::default() };
    let file = &mut parsed.briefing;
    resolver.story(file);
    for (index, (figure, id)) in file.figures.iter_mut().zip(declared.figures).enumerate() {
        if let Some(id) = id {
            resolver.figure(figure, index, id);
        }
    }
    for (index, relation) in file.relations.iter_mut().enumerate() {
        resolver.relation(relation, index);
    }
    resolver.events(file);
    resolver.out
}

/// A problem found while resolving, reported once results are put together.
struct Problem {
    path: JsonPath,
    /// Byte offset inside the string at `path`, for a pin within a paragraph.
    within: Option<usize>,
    message: String,
}

/// What resolving one file produced.
#[derive(Default)]
struct Resolved {
    sections: Vec<Section>,
    paragraphs: Vec<Paragraph>,
    events: Vec<Event>,
    figures: Vec<(EntityId, Figure)>,
    relations: Vec<Relation>,
    /// Entities this briefing pins though it does not declare them.
    backlinks: Vec<EntityId>,
    problems: Vec<Problem>,
}

impl Resolved {
    /// Puts one file's results into the library and its problems into the report.
    fn apply(self, library: &mut Library, reporter: &mut Reporter<'_>, file: usize, briefing: BriefingId) {
        for problem in self.problems {
            match problem.within {
                Some(at) => reporter.error_within(file, &problem.path, at, problem.message),
                None => reporter.error(file, &problem.path, problem.message),
            }
        }
        let b = &mut library.briefings[briefing.index()];
        (b.sections, b.paragraphs, b.events) = (self.sections, self.paragraphs, self.events);
        for (id, figure) in self.figures {
            library.entities[id.index()].figure = Some(figure);
        }
        library.relations.extend(self.relations);
        for entity in self.backlinks {
            let briefings = &mut library.entities[entity.index()].briefings;
            if !briefings.contains(&briefing) {
                briefings.push(briefing);
            }
        }
    }
}

struct Resolver<'l> {
    library: &'l Library,
    briefing: BriefingId,
    out: Resolved,
}

impl Resolver<'_> {
    fn error(&mut self, path: &JsonPath, message: impl Into<String>) {
        self.out.problems.push(Problem { path: path.clone(), within: None, message: message.into() });
    }

    /// Looks up an id, reporting an unknown one with the closest known ids.
    fn lookup(&mut self, id: &str, path: &JsonPath) -> Option<EntityId> {
        let found = self.library.entity_by_id(id);
        if found.is_none() {
            let message = self.unknown_id(id);
            self.error(path, message);
        }
        found
    }

    /// Looks up the id of a pin at byte `at` of the paragraph at `path`.
    fn lookup_pin(&mut self, id: &str, path: &JsonPath, at: usize) -> Option<EntityId> {
        let found = self.library.entity_by_id(id);
        if found.is_none() {
            let message = self.unknown_id(id);
            self.out.problems.push(Problem { path: path.clone(), within: Some(at), message });
        }
        found
    }

    fn unknown_id(&self, id: &str) -> String {
        let near = closest(id, self.library.entities.iter().map(|e| e.id.as_str()), 3);
        let hint = if near.is_empty() { String::new() } else { format!(" (did you mean {}?)", quote_all(&near)) };
        format!("unknown id `{id}`{hint}")
    }

    fn story(&mut self, file: &mut BriefingFile) {
        let mut sections = Vec::with_capacity(file.sections.len());
        let mut paragraphs = Vec::new();
        for (s, section) in file.sections.iter_mut().enumerate() {
            let start = paragraphs.len();
            for (p, raw) in section.paragraphs.iter_mut().enumerate() {
                let path = JsonPath::root().key("sections").index(s).key("paragraphs").index(p);
                paragraphs.push(self.paragraph(take(raw), s, &path));
            }
            sections.push(Section { heading: take(&mut section.heading), paragraphs: start..paragraphs.len() });
        }
        if paragraphs.is_empty() {
            self.error(&JsonPath::root().key("sections"), "the story has no paragraphs");
        }
        self.out.sections = sections;
        self.out.paragraphs = paragraphs;
    }

    fn paragraph(&mut self, raw: String, section: usize, path: &JsonPath) -> Paragraph {
        if !raw.contains("[[") {
            return Paragraph { section, text: raw, pins: Vec::new() };
        }
        let marked = match markup::parse(&raw) {
            Ok(marked) => marked,
            Err(e) => {
                self.out.problems.push(Problem { path: path.clone(), within: Some(e.offset), message: e.message });
                markup::Marked { text: raw, pins: Vec::new() }
            }
        };
        let mut pins = Vec::with_capacity(marked.pins.len());
        for pin in marked.pins {
            let target = match &pin.target {
                PinTarget::Suppress => None,
                PinTarget::Entity(id) => match self.lookup_pin(id, path, pin.at) {
                    Some(e) => Some(self.backlink(e)),
                    None => continue,
                },
            };
            pins.push((pin.range, target));
        }
        Paragraph { section, text: marked.text, pins }
    }

    /// Records that this briefing mentions `entity` through a pin. A pin may name an entity
    /// only another briefing declares; its card must still list this mention and briefing.
    fn backlink(&mut self, entity: EntityId) -> EntityId {
        if !self.library.entity(entity).briefings.contains(&self.briefing) {
            self.out.backlinks.push(entity);
        }
        entity
    }

    fn figure(&mut self, f: &mut FigureFile, index: usize, id: EntityId) {
        let path = JsonPath::root().key("figures").index(index);
        let about: Vec<_> =
            f.about.iter().enumerate().filter_map(|(i, a)| self.lookup(a, &path.key("about").index(i))).collect();
        if let Err(message) = figure_text::check(&f.display, f.value, f.scale) {
            self.error(&path.key("display"), message);
        }
        let Some(paragraph) = self.stated_paragraph(f, &path) else { return };
        let figure = Figure {
            value: f.value,
            unit: take(&mut f.unit),
            scale: f.scale,
            sign: f.sign,
            qualifier: f.qualifier,
            measures: take(&mut f.measures),
            about,
            period: f.period.take(),
            briefing: self.briefing,
            paragraph,
        };
        self.out.figures.push((id, figure));
    }

    /// The flat index of the paragraph a figure names, which must contain its display text.
    fn stated_paragraph(&mut self, f: &FigureFile, path: &JsonPath) -> Option<usize> {
        let (sections, paragraphs) = (&self.out.sections, &self.out.paragraphs);
        let (s, p) = (f.stated_in.section, f.stated_in.paragraph);
        let problem = match sections.get(s) {
            None => {
                format!("no section {s}: the story has {}, numbered from 0", count(sections.len(), "section"))
            }
            Some(section) if p >= section.paragraphs.len() => {
                let has = count(section.paragraphs.len(), "paragraph");
                format!("no paragraph {p} in section {s}: it has {has}, numbered from 0")
            }
            Some(section) => {
                let flat = section.paragraphs.start + p;
                if paragraphs[flat].text.contains(&f.display) {
                    return Some(flat);
                }
                format!("display `{}` does not appear in section {s} paragraph {p}", f.display)
            }
        };
        self.error(&path.key("stated_in"), problem);
        None
    }

    fn relation(&mut self, r: &mut RelationFile, index: usize) {
        let path = JsonPath::root().key("relations").index(index);
        for (key, value) in [("type", &r.kind), ("label", &r.label), ("inverse", &r.inverse)] {
            if value.trim().is_empty() {
                self.error(&path.key(key), format!("empty {key} in relation `{}` → `{}`", r.from, r.to));
            }
        }
        let from = self.lookup(&r.from, &path.key("from"));
        let to = self.lookup(&r.to, &path.key("to"));
        if let (Some(from), Some(to)) = (from, to) {
            self.out.relations.push(Relation {
                from,
                to,
                kind: take(&mut r.kind),
                label: take(&mut r.label),
                inverse: take(&mut r.inverse),
                briefing: self.briefing,
            });
        }
    }

    fn events(&mut self, file: &mut BriefingFile) {
        let mut events = Vec::with_capacity(file.events.len());
        for (index, e) in file.events.iter_mut().enumerate() {
            let path = JsonPath::root().key("events").index(index);
            if e.text.trim().is_empty() {
                self.error(&path.key("text"), "empty event text");
            }
            let entities = e
                .entities
                .iter()
                .enumerate()
                .filter_map(|(i, id)| self.lookup(id, &path.key("entities").index(i)))
                .collect();
            events.push(Event { order: e.order, date: take(&mut e.date), text: take(&mut e.text), entities });
        }
        events.sort_by_key(|e| e.order);
        self.out.events = events;
    }
}

/// Builds the per-entity lists of relations and figures the cards read.
fn index_relations(library: &mut Library) {
    let n = library.entities.len();
    library.outgoing = vec![Vec::new(); n];
    library.incoming = vec![Vec::new(); n];
    library.figures_of = vec![Vec::new(); n];
    for (i, r) in library.relations.iter().enumerate() {
        library.outgoing[r.from.index()].push(i as u32);
        library.incoming[r.to.index()].push(i as u32);
    }
    for (i, entity) in library.entities.iter().enumerate() {
        for about in entity.figure.iter().flat_map(|f| &f.about) {
            library.figures_of[about.index()].push(EntityId::new(i));
        }
    }
}

fn quote_all(ids: &[&str]) -> String {
    ids.iter().map(|id| format!("`{id}`")).collect::<Vec<_>>().join(", ")
}

/// "1 paragraph", "2 paragraphs".
fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}
