//! Second pass: the story's paragraphs and pins, figure data, relations and events, with
//! every id they name resolved against the whole library.
//!
//! Every file is resolved on its own against the declared library, which it only reads,
//! so the files are shared out over all cores; what each produces (its story, figures,
//! relations, backlinks and problems) is then put into the library in file order, so the
//! result and the order of the problems are the same as one file after another.

use std::collections::hash_map::Entry;
use std::mem::take;

use super::super::figure_text;
use rustc_hash::{FxHashMap, FxHashSet};

use super::super::built::Built;
use super::super::format::{BriefingFile, FigureFile, Kind, PlaceFile, RelationFile};
use super::super::input::Content;
use super::super::locate::JsonPath;
use super::super::markup::{self, PinTarget};
use super::super::model::{BriefingId, EntityId, Event, Figure, Paragraph, Relation, RelationSource, Section};
use super::super::parallel;
use super::declare::{Declared, bad_date, is_iso_date};
use super::{Parsed, Reporter, closest};

/// Resolves every file's story, figures, relations and events, then indexes relations.
/// Texts move from the parsed files into the library, and each file is dropped on its
/// worker once it is resolved.
pub(super) fn resolve_all(
    library: &mut Built,
    parsed: Vec<Parsed<'_>>,
    declared: Vec<Declared>,
    poisoned: &FxHashSet<String>,
    reporter: &mut Reporter<'_>,
) {
    let work: Vec<(Parsed<'_>, Declared)> = parsed.into_iter().zip(declared).collect();
    let mut stated = Vec::new();
    for (file, briefing, resolved) in resolve_on_all_cores(library, poisoned, work) {
        stated.extend(resolved.apply(library, reporter, file, briefing));
    }
    merge_relations(library, stated, reporter);
    for entity in &mut library.entities {
        entity.briefings.sort_unstable();
    }
    index_relations(library);
}

/// Resolves the files on every core; results come back in file order, and each file is
/// dropped on its worker once it is resolved.
fn resolve_on_all_cores(
    library: &Built,
    poisoned: &FxHashSet<String>,
    work: Vec<(Parsed<'_>, Declared)>,
) -> Vec<(usize, BriefingId, Resolved)> {
    parallel::map(work, |(mut p, d)| (p.file, d.briefing, resolve_file(library, poisoned, &mut p, d)))
}

/// Resolves one file against the (read-only) declared library.
fn resolve_file(
    library: &Built,
    poisoned: &FxHashSet<String>,
    parsed: &mut Parsed<'_>,
    declared: Declared,
) -> Resolved {
    let mut resolver = Resolver { library, poisoned, briefing: declared.briefing, out: Resolved::default() };
    let Content::Briefing(file) = &mut parsed.content else { return Resolved::default() };
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
    /// Relations with the index of their entry in the file.
    relations: Vec<(Relation, usize)>,
    /// Entities this briefing pins though it does not declare them.
    backlinks: Vec<EntityId>,
    problems: Vec<Problem>,
}

impl Resolved {
    /// Puts one file's results into the library and its problems into the report; returns
    /// its relations with where they stand, to be merged with every other file's.
    fn apply(
        self,
        library: &mut Built,
        reporter: &mut Reporter<'_>,
        file: usize,
        briefing: BriefingId,
    ) -> Vec<(Relation, usize, usize)> {
        for problem in self.problems {
            match problem.within {
                Some(at) => reporter.error_within(file, &problem.path, at, problem.message),
                None => reporter.error(file, &problem.path, problem.message),
            }
        }
        let b = &mut library.briefings[briefing.index()];
        (b.sections, b.paragraphs, b.events) = (self.sections, self.paragraphs, self.events);
        for (id, figure) in self.figures {
            library.entities[id.index()].figure = Some(Box::new(figure));
        }
        for entity in self.backlinks {
            let briefings = &mut library.entities[entity.index()].briefings;
            if !briefings.contains(&briefing) {
                briefings.push(briefing);
            }
        }
        self.relations.into_iter().map(|(r, index)| (r, file, index)).collect()
    }
}

/// Puts every file's relations into the library, one relation per (from, type, to) that
/// knows every briefing stating it. Two files that label one relation differently are
/// both named: the reader cannot show two wordings of one link.
///
/// A relation type is known by its number among the types seen (a library has a few dozen):
/// keying a million relations on a copy of their type's text cost a string each, and the
/// table is sized for every statement at once rather than grown through its doublings.
fn merge_relations(library: &mut Built, stated: Vec<(Relation, usize, usize)>, reporter: &mut Reporter<'_>) {
    let mut types: FxHashMap<String, u32> = FxHashMap::default();
    let mut seen: FxHashMap<(EntityId, u32, EntityId), (usize, usize, usize)> =
        FxHashMap::with_capacity_and_hasher(stated.len(), Default::default());
    library.relations.reserve(stated.len());
    for (relation, file, index) in stated {
        let kind = match types.get(relation.kind.as_str()) {
            Some(&kind) => kind,
            None => {
                let next = types.len() as u32;
                types.insert(relation.kind.clone(), next);
                next
            }
        };
        match seen.entry((relation.from, kind, relation.to)) {
            Entry::Vacant(vacant) => {
                vacant.insert((library.relations.len(), file, index));
                library.relations.push(relation);
            }
            Entry::Occupied(occupied) => {
                let (at, first_file, first_index) = *occupied.get();
                let first = &mut library.relations[at];
                if (first.label.as_str(), first.inverse.as_str())
                    != (relation.label.as_str(), relation.inverse.as_str())
                {
                    let place = reporter.place_at(first_file, &JsonPath::root().key("relations").index(first_index));
                    let message = format!(
                        "relation `{}` is labelled `{}` / `{}` here but `{}` / `{}` at {place}: word it one way",
                        relation.kind, relation.label, relation.inverse, first.label, first.inverse
                    );
                    reporter.error(file, &JsonPath::root().key("relations").index(index).key("label"), message);
                }
                first.sources.extend(relation.sources);
            }
        }
    }
}

struct Resolver<'l> {
    library: &'l Built,
    /// Ids whose entries were unusable and already reported.
    poisoned: &'l FxHashSet<String>,
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
        if found.is_none() && !self.poisoned.contains(id) {
            let message = self.unknown_id(id);
            self.error(path, message);
        }
        found
    }

    /// Looks up the id of a pin at byte `at` of the paragraph at `path`.
    fn lookup_pin(&mut self, id: &str, path: &JsonPath, at: usize) -> Option<EntityId> {
        let found = self.library.entity_by_id(id);
        if found.is_none() && !self.poisoned.contains(id) {
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
        // Left out and not found in the display text: reported as it was filled in.
        if let (Some(value), Some(scale)) = (f.value, f.scale) {
            if let Err(message) = figure_text::check(&f.display, value, scale) {
                self.error(&path.key("display"), message);
            }
        }
        let revises = f.revises.as_deref().and_then(|r| self.revised(r, id, &path.key("revises")));
        let Some(paragraph) = self.stated_paragraph(f, &path) else { return };
        if let Some(earlier) = revises {
            self.out.relations.push((revision(id, earlier, self.briefing, paragraph), usize::MAX));
        }
        let figure = Figure {
            value: f.value.unwrap_or_default(),
            unit: f.unit.take().unwrap_or_default(),
            scale: f.scale.unwrap_or_default(),
            sign: f.sign,
            qualifier: f.qualifier.unwrap_or_default(),
            measures: take(&mut f.measures),
            about,
            period: f.period.take(),
            briefing: self.briefing,
            paragraph,
            revises,
        };
        self.out.figures.push((id, figure));
    }

    /// The figure `earlier` names, which a figure may revise: another figure.
    fn revised(&mut self, earlier: &str, this: EntityId, path: &JsonPath) -> Option<EntityId> {
        let id = self.lookup(earlier, path)?;
        if id == this {
            self.error(path, format!("figure `{earlier}` cannot revise itself"));
            return None;
        }
        if self.library.entity(id).kind != Kind::Figure {
            self.error(path, format!("`{earlier}` is not a figure: a figure revises an earlier figure"));
            return None;
        }
        Some(id)
    }

    /// The flat index of the paragraph a figure names, which must contain its display text;
    /// with none named, the one paragraph that contains it.
    fn stated_paragraph(&mut self, f: &FigureFile, path: &JsonPath) -> Option<usize> {
        let Some(place) = f.stated_in else { return self.only_paragraph_with(f, path) };
        let (s, p) = (place.section, place.paragraph);
        let problem = match self.paragraph_at(place) {
            Ok(flat) if self.out.paragraphs[flat].text.contains(&f.display) => return Some(flat),
            Ok(_) => format!("display `{}` does not appear in section {s} paragraph {p}", f.display),
            Err(problem) => problem,
        };
        self.error(&path.key("stated_in"), problem);
        None
    }

    /// The paragraph a figure without `stated_in` is stated in: the only one its display
    /// text appears in. Where it appears in none or in several, says so, listing them.
    fn only_paragraph_with(&mut self, f: &FigureFile, path: &JsonPath) -> Option<usize> {
        let found: Vec<usize> = (0..self.out.paragraphs.len())
            .filter(|&flat| self.out.paragraphs[flat].text.contains(&f.display))
            .collect();
        if let [only] = found[..] {
            return Some(only);
        }
        let message = if found.is_empty() {
            format!("display `{}` appears in no paragraph of the story: write it as the story does", f.display)
        } else {
            let places: Vec<String> = found.iter().map(|&flat| self.place_name(flat)).collect();
            format!(
                "display `{}` appears in {} paragraphs ({}): give `stated_in` to say which states it",
                f.display,
                found.len(),
                places.join("; ")
            )
        };
        self.error(&path.key("display"), message);
        None
    }

    /// "section S paragraph P" of a flat paragraph index, as `stated_in` would name it.
    fn place_name(&self, flat: usize) -> String {
        let sections = &self.out.sections;
        let s = sections.iter().position(|section| section.paragraphs.contains(&flat)).unwrap_or(0);
        let p = flat - sections.get(s).map_or(0, |section| section.paragraphs.start);
        format!("section {s} paragraph {p}")
    }

    fn relation(&mut self, r: &mut RelationFile, index: usize) {
        let path = JsonPath::root().key("relations").index(index);
        let labels = [("label", r.label.as_deref()), ("inverse", r.inverse.as_deref())];
        for (key, value) in [("type", Some(r.kind.as_str()))].into_iter().chain(labels) {
            // A label left out and not found was reported as it was filled in.
            if value.is_some_and(|v| v.trim().is_empty()) {
                self.error(&path.key(key), format!("empty {key} in relation `{}` → `{}`", r.from, r.to));
            }
        }
        if !is_snake_case(&r.kind) && !r.kind.trim().is_empty() {
            self.error(&path.key("type"), format!("relation type `{}` is not snake_case (e.g. `ceo_of`)", r.kind));
        }
        let from = self.lookup(&r.from, &path.key("from"));
        let to = self.lookup(&r.to, &path.key("to"));
        let (Some(from), Some(to)) = (from, to) else { return };
        if from == to {
            return self.error(&path.key("to"), format!("relation `{}` links `{}` to itself", r.kind, r.from));
        }
        let twin =
            self.out.relations.iter().find(|(o, _)| (o.from, o.kind.as_str(), o.to) == (from, r.kind.as_str(), to));
        if let Some(&(_, first)) = twin {
            let message = format!(
                "relation `{}` `{}` → `{}` is stated twice in this file (also relations[{first}])",
                r.from, r.kind, r.to
            );
            return self.error(&path, message);
        }
        let paragraph = r.stated_in.and_then(|place| self.relation_paragraph(place, from, to, &path.key("stated_in")));
        let sources = vec![RelationSource { briefing: self.briefing, paragraph }];
        let relation = Relation {
            from,
            to,
            kind: take(&mut r.kind),
            label: r.label.take().unwrap_or_default(),
            inverse: r.inverse.take().unwrap_or_default(),
            sources,
        };
        self.out.relations.push((relation, index));
    }

    /// The paragraph a relation names, which must exist and mention both its ends.
    fn relation_paragraph(&mut self, place: PlaceFile, from: EntityId, to: EntityId, path: &JsonPath) -> Option<usize> {
        let flat = match self.paragraph_at(place) {
            Ok(flat) => flat,
            Err(problem) => {
                self.error(path, problem);
                return None;
            }
        };
        let missing: Vec<&str> = [from, to]
            .into_iter()
            .filter(|&e| !self.mentions(flat, e))
            .map(|e| self.library.entity(e).id.as_str())
            .collect();
        if missing.is_empty() {
            return Some(flat);
        }
        let (s, p) = (place.section, place.paragraph);
        self.error(path, format!("section {s} paragraph {p} does not mention {}", quote_all(&missing)));
        None
    }

    /// Whether paragraph `flat` names `entity`: by a pin to it, or its name, an alias that
    /// links in this story, its native name or (for a figure) its display text.
    fn mentions(&self, flat: usize, entity: EntityId) -> bool {
        let paragraph = &self.out.paragraphs[flat];
        let e = self.library.entity(entity);
        paragraph.pins.iter().any(|(_, target)| *target == Some(entity))
            || std::iter::once(e.name.as_str())
                .chain(e.aliases_in(self.briefing))
                .chain(e.native_name.as_deref())
                .any(|name| !name.is_empty() && paragraph.text.contains(name))
    }

    /// The flat index of a section's paragraph, or what is wrong with the place.
    fn paragraph_at(&self, place: PlaceFile) -> Result<usize, String> {
        let sections = &self.out.sections;
        let (s, p) = (place.section, place.paragraph);
        match sections.get(s) {
            None => Err(format!("no section {s}: the story has {}, numbered from 0", count(sections.len(), "section"))),
            Some(section) if p >= section.paragraphs.len() => {
                let has = count(section.paragraphs.len(), "paragraph");
                Err(format!("no paragraph {p} in section {s}: it has {has}, numbered from 0"))
            }
            Some(section) => Ok(section.paragraphs.start + p),
        }
    }

    fn events(&mut self, file: &mut BriefingFile) {
        let mut events = Vec::with_capacity(file.events.len());
        for (index, e) in file.events.iter_mut().enumerate() {
            let path = JsonPath::root().key("events").index(index);
            if e.text.trim().is_empty() {
                self.error(&path.key("text"), "empty event text");
            }
            if looks_iso(&e.date) && !is_iso_date(&e.date) {
                self.error(&path.key("date"), bad_date(&e.date));
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
fn index_relations(library: &mut Built) {
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

/// The relation a figure's `revises` stands for: it reads on both figures' cards.
fn revision(later: EntityId, earlier: EntityId, briefing: BriefingId, paragraph: usize) -> Relation {
    Relation {
        from: later,
        to: earlier,
        kind: "revises".into(),
        label: "revises".into(),
        inverse: "revised by".into(),
        sources: vec![RelationSource { briefing, paragraph: Some(paragraph) }],
    }
}

/// Whether a date is meant as ISO (starts `YYYY-`), so it must be a real day; other
/// dates are the source's own words ("Thursday", "April 2025").
fn looks_iso(date: &str) -> bool {
    let b = date.as_bytes();
    b.len() > 4 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-'
}

/// `ceo_of`: lowercase words joined by underscores.
fn is_snake_case(kind: &str) -> bool {
    !kind.is_empty()
        && kind.split('_').all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

fn quote_all(ids: &[&str]) -> String {
    ids.iter().map(|id| format!("`{id}`")).collect::<Vec<_>>().join(", ")
}

/// "1 paragraph", "2 paragraphs".
fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}
