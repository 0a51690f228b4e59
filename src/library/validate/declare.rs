//! First pass: every briefing, entity and figure declared in the files gets its index,
//! so that the second pass can resolve references in any order across files.

use std::mem::take;
use std::path::Path;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::super::format::{BriefingFile, EntityFile, FigureFile, Kind};
use super::super::locate::JsonPath;
use super::super::model::{Briefing, BriefingId, Entity, EntityId, Fact, Library, Source};
use super::{Origin, Origins, Parsed, Reporter, is_valid_id};

/// What the first pass learnt of one file: its briefing and its figures' entity ids.
pub(super) struct Declared {
    pub briefing: BriefingId,
    pub figures: Vec<Option<EntityId>>,
}

/// Declares the briefings, entities and figures of every parsed file. Entity texts are
/// moved out of the parsed files rather than copied: nothing reads them there afterwards,
/// and on a large library the copies were a large share of load time.
pub(super) fn declare(
    library: &mut Library,
    origins: &mut Origins,
    parsed: &mut Parsed<'_>,
    reporter: &mut Reporter<'_>,
) -> Declared {
    let path = reporter.inputs[parsed.file].path.clone();
    let mut declarer = Declarer { library, origins, reporter, file: parsed.file };
    declarer.briefing(&mut parsed.briefing, &path)
}

struct Declarer<'l, 'r, 'a> {
    library: &'l mut Library,
    origins: &'l mut Origins,
    reporter: &'r mut Reporter<'a>,
    file: usize,
}

impl Declarer<'_, '_, '_> {
    fn briefing(&mut self, file: &mut BriefingFile, path: &Path) -> Declared {
        let root = JsonPath::root();
        // The briefing's id is the index it is pushed at below (the invariant of `BriefingId`).
        let id = BriefingId::new(self.library.briefings.len());
        self.check_briefing_id(&file.id);
        if file.headline.trim().is_empty() {
            self.reporter.error(self.file, &root.key("headline"), "empty headline");
        }
        self.library.briefings.push(new_briefing(file, path));
        self.library.briefing_by_id.entry(file.id.clone()).or_insert(id);
        for (index, entity) in file.entities.iter_mut().enumerate() {
            if let Some(e) = self.entity(entity, index, id) {
                add_unique(&mut self.library.briefings[id.index()].entities, e);
            }
        }
        let figures = file.figures.iter().enumerate().map(|(index, f)| self.figure(f, index, id)).collect::<Vec<_>>();
        self.library.briefings[id.index()].entities.extend(figures.iter().flatten());
        Declared { briefing: id, figures }
    }

    fn check_briefing_id(&mut self, id: &str) {
        let path = JsonPath::root().key("id");
        if !is_valid_id(id) {
            self.reporter.error(self.file, &path, invalid_id(id));
        } else if let Some(&first) = self.origins.briefings.get(id) {
            let place = self.reporter.place_at(first, &path);
            self.reporter.error(self.file, &path, format!("duplicate briefing id `{id}`, already used at {place}"));
        } else {
            self.origins.briefings.insert(id.to_string(), self.file);
        }
    }

    /// Declares or merges one entity; `None` when the declaration is unusable.
    fn entity(&mut self, e: &mut EntityFile, index: usize, briefing: BriefingId) -> Option<EntityId> {
        let origin = Origin { file: self.file, list: "entities", index, alias: None };
        let path = origin.path();
        if !is_valid_id(&e.id) {
            self.reporter.error(self.file, &path.key("id"), invalid_id(&e.id));
            return None;
        }
        if e.name.trim().is_empty() {
            self.reporter.error(self.file, &path.key("name"), format!("empty name for `{}`", e.id));
            return None;
        }
        if e.kind == Kind::Figure {
            self.reporter.error(self.file, &path.key("kind"), "kind `figure` is reserved for entries of `figures`");
            return None;
        }
        if let Some((a, _)) = e.aliases.iter().enumerate().find(|(_, a)| a.trim().is_empty()) {
            self.reporter.error(self.file, &path.key("aliases").index(a), format!("empty alias for `{}`", e.id));
            return None;
        }
        let id = match self.library.by_id.get(&e.id).copied() {
            Some(existing) => self.merge(existing, e, origin, briefing)?,
            None => self.create(e, origin, briefing),
        };
        Some(id)
    }

    fn create(&mut self, e: &mut EntityFile, origin: Origin, briefing: BriefingId) -> EntityId {
        let id = self.push(Entity {
            id: e.id.clone(),
            kind: e.kind,
            name: take(&mut e.name),
            aliases: Vec::with_capacity(e.aliases.len()),
            native_name: e.native_name.take(),
            role: take(&mut e.role),
            summary: take(&mut e.summary),
            facts: take(&mut e.facts).into_iter().map(|f| Fact { label: f.label, value: f.value }).collect(),
            figure: None,
            briefings: vec![briefing],
        });
        self.origins.entities.push(origin);
        self.add_aliases(id, e, origin);
        id
    }

    /// Merges a second declaration of an entity: kinds must agree, the rest is unioned.
    fn merge(&mut self, id: EntityId, e: &mut EntityFile, origin: Origin, briefing: BriefingId) -> Option<EntityId> {
        let existing = &self.library.entities[id.index()];
        let path = origin.path();
        if existing.briefings.contains(&briefing) {
            let place = self.first_place(id);
            self.reporter.error(
                self.file,
                &path.key("id"),
                format!("duplicate id `{}`, already declared at {place}", e.id),
            );
            return None;
        }
        self.origins.redeclared.push((id, e.kind, origin));
        if existing.kind != e.kind {
            // Reported once every file is declared (see `kind_conflicts`), when it is known
            // which kind most declarations give.
            return None;
        }
        if existing.name != e.name {
            let place = self.first_place(id);
            let message = format!(
                "`{}` is named `{}` here but `{}` at {place}; the first name is used",
                e.id, e.name, existing.name
            );
            self.reporter.warning(self.file, &path.key("name"), message);
        }
        let entity = &mut self.library.entities[id.index()];
        fill_if_empty(&mut entity.role, &e.role);
        fill_if_empty(&mut entity.summary, &e.summary);
        if entity.native_name.is_none() {
            entity.native_name.clone_from(&e.native_name);
        }
        for fact in &e.facts {
            if !entity.facts.iter().any(|f| f.label == fact.label && f.value == fact.value) {
                entity.facts.push(Fact { label: fact.label.clone(), value: fact.value.clone() });
            }
        }
        entity.briefings.push(briefing);
        self.add_aliases(id, e, origin);
        Some(id)
    }

    /// `FILE:LINE:COL` of an entity's first declaration. Finding it means scanning that
    /// file's text again, so it is only asked for when a message needs it.
    fn first_place(&self, id: EntityId) -> String {
        self.origins.entities.get(id.index()).map(|o| self.reporter.place(o)).unwrap_or_default()
    }

    fn add_aliases(&mut self, id: EntityId, e: &mut EntityFile, origin: Origin) {
        for (index, alias) in take(&mut e.aliases).into_iter().enumerate() {
            let entity = &mut self.library.entities[id.index()];
            if !entity.aliases.contains(&alias) && alias != entity.name {
                entity.aliases.push(alias);
                let merged = entity.aliases.len() - 1;
                self.origins.aliases.push((id, merged, Origin { alias: Some(index), ..origin }));
            }
        }
    }

    /// Declares a figure as an entity of kind figure; its data is resolved later.
    fn figure(&mut self, f: &FigureFile, index: usize, briefing: BriefingId) -> Option<EntityId> {
        let origin = Origin { file: self.file, list: "figures", index, alias: None };
        let path = origin.path();
        let problem = if !is_valid_id(&f.id) {
            Some(("id", invalid_id(&f.id)))
        } else if f.display.trim().is_empty() {
            Some(("display", format!("empty display text for figure `{}`", f.id)))
        } else if !f.value.is_finite() || f.value < 0.0 {
            Some(("value", format!("value {} is negative: write the magnitude and set `sign`", f.value)))
        } else if f.unit.trim().is_empty() {
            Some(("unit", format!("empty unit for figure `{}`", f.id)))
        } else if f.about.is_empty() {
            Some(("about", format!("figure `{}` is about nothing: list at least one entity id", f.id)))
        } else {
            None
        };
        if let Some((key, message)) = problem {
            self.reporter.error(self.file, &path.key(key), message);
            return None;
        }
        if let Some(existing) = self.library.by_id.get(&f.id).copied() {
            let place = self.origins.entities.get(existing.index()).map(|o| self.reporter.place(o)).unwrap_or_default();
            self.reporter.error(
                self.file,
                &path.key("id"),
                format!("duplicate id `{}`, already declared at {place}", f.id),
            );
            return None;
        }
        let id = self.push(Entity {
            id: f.id.clone(),
            kind: Kind::Figure,
            name: f.display.clone(),
            aliases: Vec::new(),
            native_name: None,
            role: f.measures.clone(),
            summary: String::new(),
            facts: Vec::new(),
            figure: None,
            briefings: vec![briefing],
        });
        self.origins.entities.push(origin);
        Some(id)
    }

    /// Adds an entity and mints its id: the index it is pushed at, so the id indexes it for
    /// the library's whole life (the invariant of [`EntityId`]).
    fn push(&mut self, entity: Entity) -> EntityId {
        let id = EntityId::new(self.library.entities.len());
        self.library.by_id.insert(entity.id.clone(), id);
        self.library.entities.push(entity);
        id
    }
}

/// Reports every entity declared with different kinds, at each declaration whose kind differs
/// from the one most of its declarations give (the first declaration's on a tie): with three
/// files saying company and one saying product, the one saying product is the one to fix.
pub(super) fn kind_conflicts(library: &Library, origins: &Origins, reporter: &mut Reporter<'_>) {
    let mut declarations: FxHashMap<EntityId, Vec<(Kind, Origin)>> = FxHashMap::default();
    for &(id, kind, origin) in &origins.redeclared {
        declarations.entry(id).or_default().push((kind, origin));
    }
    let mut conflicted: Vec<_> = declarations
        .into_iter()
        .filter(|(id, later)| later.iter().any(|(kind, _)| *kind != library.entity(*id).kind))
        .collect();
    conflicted.sort_by_key(|(id, _)| id.index());
    for (id, later) in conflicted {
        let Some(&first) = origins.entities.get(id.index()) else { continue };
        let mut all = vec![(library.entity(id).kind, first)];
        all.extend(later);
        report_minority(&library.entity(id).id, &all, reporter);
    }
}

/// Reports each of `declarations` whose kind is not the most common one.
fn report_minority(id: &str, declarations: &[(Kind, Origin)], reporter: &mut Reporter<'_>) {
    let count = |kind: Kind| declarations.iter().filter(|(k, _)| *k == kind).count();
    let (majority, at) =
        declarations.iter().fold(declarations[0], |best, &d| if count(d.0) > count(best.0) { d } else { best });
    let agreeing = count(majority);
    let place = reporter.place(&at);
    for (kind, origin) in declarations.iter().filter(|(k, _)| *k != majority) {
        let others = match agreeing - 1 {
            0 => String::new(),
            1 => " and 1 other declaration".to_string(),
            n => format!(" and {n} other declarations"),
        };
        let message = format!("`{id}` is declared as {kind} here but as {majority} at {place}{others}");
        reporter.error(origin.file, &origin.path().key("kind"), message);
    }
}

fn new_briefing(file: &BriefingFile, path: &Path) -> Briefing {
    Briefing {
        id: file.id.clone(),
        path: path.to_path_buf(),
        headline: file.headline.clone(),
        dek: file.dek.clone(),
        source: Source {
            publication: file.source.publication.clone(),
            title: file.source.title.clone(),
            date: file.source.date.clone(),
            url: file.source.url.clone(),
        },
        sections: Vec::new(),
        paragraphs: Vec::new(),
        entities: Vec::new(),
        events: Vec::new(),
        mentions: OnceLock::new(),
    }
}

fn invalid_id(id: &str) -> String {
    format!("invalid id `{id}`: use lowercase letters, digits and `-`")
}

fn fill_if_empty(target: &mut String, value: &str) {
    if target.is_empty() {
        value.clone_into(target);
    }
}

fn add_unique(list: &mut Vec<EntityId>, id: EntityId) {
    if !list.contains(&id) {
        list.push(id);
    }
}
