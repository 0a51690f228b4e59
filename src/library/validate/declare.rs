//! First pass: every briefing, entity and figure declared in the files gets its index,
//! so that the second pass can resolve references in any order across files.

use std::mem::take;
use std::path::Path;
use std::sync::OnceLock;

use super::super::built::Built;
use super::super::format::{BriefingFile, EntitiesFile, EntityFile, FigureFile, Kind};
use super::super::input::Content;
use super::super::locate::JsonPath;
use super::super::model::{AliasScope, Briefing, BriefingId, Entity, EntityId, Fact, Source};
use super::{Origin, Origins, Parsed, Reporter, Statement, is_valid_id};

/// What the first pass learnt of one file: its briefing and its figures' entity ids.
pub(super) struct Declared {
    pub briefing: BriefingId,
    pub figures: Vec<Option<EntityId>>,
}

/// Declares the briefing, entities and figures of a parsed file (`None` for the shared
/// entities file, which has nothing left to resolve). Entity texts are
/// moved out of the parsed files rather than copied: nothing reads them there afterwards,
/// and on a large library the copies were a large share of load time.
pub(super) fn declare(
    library: &mut Built,
    origins: &mut Origins,
    parsed: &mut Parsed<'_>,
    reporter: &mut Reporter<'_>,
) -> Option<Declared> {
    let path = reporter.inputs[parsed.file].path.clone();
    let mut declarer = Declarer { library, origins, reporter, file: parsed.file };
    match &mut parsed.content {
        Content::Briefing(briefing) => Some(declarer.briefing(briefing, &path)),
        Content::Entities(shared) => {
            declarer.shared(shared);
            None
        }
    }
}

struct Declarer<'l, 'r, 'a> {
    library: &'l mut Built,
    origins: &'l mut Origins,
    reporter: &'r mut Reporter<'a>,
    file: usize,
}

/// Whose entry an entity declaration is: a briefing's, or the shared entities file's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    Briefing(BriefingId),
    Shared,
}

impl Declarer<'_, '_, '_> {
    fn briefing(&mut self, file: &mut BriefingFile, path: &Path) -> Declared {
        let root = JsonPath::root();
        let id = BriefingId::new(self.library.briefings.len());
        self.check_briefing_id(&file.id);
        if file.headline.trim().is_empty() {
            self.reporter.error(self.file, &root.key("headline"), "empty headline");
        }
        if let Some(date) = file.date.as_deref().filter(|d| !is_iso_date(d)) {
            self.reporter.error(self.file, &root.key("date"), bad_date(date));
        }
        self.library.briefings.push(new_briefing(file, path));
        self.library.briefing_by_id.entry(file.id.clone()).or_insert(id);
        for (index, entity) in file.entities.iter_mut().enumerate() {
            if let Some(e) = self.entity(entity, index, Owner::Briefing(id)) {
                add_unique(&mut self.library.briefings[id.index()].entities, e);
            }
        }
        release(&mut file.entities);
        let figures = file.figures.iter().enumerate().map(|(index, f)| self.figure(f, index, id)).collect::<Vec<_>>();
        self.library.briefings[id.index()].entities.extend(figures.iter().flatten());
        Declared { briefing: id, figures }
    }

    /// Declares the entities of the shared entities file.
    fn shared(&mut self, file: &mut EntitiesFile) {
        for (index, entity) in file.entities.iter_mut().enumerate() {
            self.entity(entity, index, Owner::Shared);
        }
        release(&mut file.entities);
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

    /// Declares, or refers to, one entity; `None` when the entry is unusable. An unusable
    /// entry with a valid id still claims the id, so that references to it are not each
    /// reported again as unknown: the one error says what is wrong.
    fn entity(&mut self, e: &mut EntityFile, index: usize, owner: Owner) -> Option<EntityId> {
        // Paths are built only for a message: every entry of every file comes through here.
        let origin = Origin { file: self.file, list: "entities", index, alias: None };
        if !is_valid_id(&e.id) {
            self.reporter.error(self.file, &origin.path().key("id"), invalid_id(&e.id));
            return None;
        }
        if let Some(problem) = entry_problem(e) {
            self.reporter.error(self.file, &origin.path().key(problem.0), problem.1);
            self.origins.poisoned.insert(e.id.clone());
            return None;
        }
        let id = match self.library.by_id.get(&e.id).copied() {
            Some(existing) => self.again(existing, e, origin)?,
            None => self.create(e, origin),
        };
        self.origins.statements.push((id.index(), Statement::take_from(e, origin)));
        self.origins.last_file[id.index()] = self.file;
        self.add_aliases(id, e, origin, owner);
        self.add_facts(id, e);
        if let Owner::Briefing(briefing) = owner {
            self.library.entities[id.index()].briefings.push(briefing);
        }
        Some(id)
    }

    /// A placeholder for an entity first met in `e`; what it is and is called is settled once
    /// every file is declared (see `reconcile`), so no file's place in the order decides it.
    fn create(&mut self, e: &EntityFile, origin: Origin) -> EntityId {
        let id = self.push(Entity {
            aliases: Vec::with_capacity(e.aliases.len()),
            alias_scopes: Vec::with_capacity(e.aliases.len()),
            ..Entity::bare(e.id.clone(), e.kind.unwrap_or(Kind::Person), String::new())
        });
        self.origins.entities.push(origin);
        self.origins.last_file.push(usize::MAX);
        id
    }

    /// Another entry for an entity already met: allowed once per file, never for a figure.
    fn again(&mut self, id: EntityId, e: &EntityFile, origin: Origin) -> Option<EntityId> {
        // The first place and the path are found only for a message: locating the place
        // re-scans a file, and every reference to a shared entity comes through here.
        let path = || origin.path().key("id");
        if self.library.entities[id.index()].kind == Kind::Figure {
            let place = self.first_place(id);
            let message = format!("`{}` is a figure (declared at {place}); an entity may not use its id", e.id);
            self.reporter.error(self.file, &path(), message);
            return None;
        }
        if self.origins.last_file[id.index()] == self.file {
            let place = self.first_place(id);
            self.reporter.error(self.file, &path(), format!("duplicate id `{}`, already declared at {place}", e.id));
            return None;
        }
        Some(id)
    }

    /// `FILE:LINE:COL` of an entity's first declaration. Finding it means scanning that
    /// file's text again, so it is only asked for when a message needs it.
    fn first_place(&self, id: EntityId) -> String {
        self.origins.entities.get(id.index()).map(|o| self.reporter.place(o)).unwrap_or_default()
    }

    /// Adds the entry's aliases: a shared file's link everywhere, a briefing's in its story.
    fn add_aliases(&mut self, id: EntityId, e: &mut EntityFile, origin: Origin, owner: Owner) {
        for (index, alias) in take(&mut e.aliases).into_iter().enumerate() {
            let entity = &mut self.library.entities[id.index()];
            let at = match entity.aliases.iter().position(|a| *a == alias) {
                Some(at) => at,
                None => {
                    entity.aliases.push(alias);
                    entity.alias_scopes.push(AliasScope::Only(Vec::new()));
                    entity.aliases.len() - 1
                }
            };
            match (&mut entity.alias_scopes[at], owner) {
                (scope, Owner::Shared) => *scope = AliasScope::Everywhere,
                (AliasScope::Only(briefings), Owner::Briefing(b)) => briefings.push(b),
                (AliasScope::Everywhere, Owner::Briefing(_)) => {}
            }
            self.origins.aliases.push((id, at, Origin { alias: Some(index), ..origin }));
        }
    }

    /// Adds the entry's facts that the entity does not have yet.
    fn add_facts(&mut self, id: EntityId, e: &mut EntityFile) {
        let entity = &mut self.library.entities[id.index()];
        for fact in take(&mut e.facts) {
            if !entity.facts.iter().any(|f| f.label == fact.label && f.value == fact.value) {
                entity.facts.push(Fact { label: fact.label, value: fact.value });
            }
        }
    }

    /// Declares a figure as an entity of kind figure; its data is resolved later.
    fn figure(&mut self, f: &FigureFile, index: usize, briefing: BriefingId) -> Option<EntityId> {
        let origin = Origin { file: self.file, list: "figures", index, alias: None };
        let problem = if !is_valid_id(&f.id) {
            Some(("id", invalid_id(&f.id)))
        } else if f.display.trim().is_empty() {
            Some(("display", format!("empty display text for figure `{}`", f.id)))
        } else if let Some(value) = f.value.filter(|v| !v.is_finite() || *v < 0.0) {
            Some(("value", format!("value {value} is negative: write the magnitude and set `sign`")))
        } else if f.unit.as_deref().is_some_and(|u| u.trim().is_empty()) {
            Some(("unit", format!("empty unit for figure `{}`", f.id)))
        } else if f.about.is_empty() {
            Some(("about", format!("figure `{}` is about nothing: list at least one entity id", f.id)))
        } else {
            None
        };
        if let Some((key, message)) = problem {
            self.reporter.error(self.file, &origin.path().key(key), message);
            return None;
        }
        if let Some(existing) = self.library.by_id.get(&f.id).copied() {
            let place = self.origins.entities.get(existing.index()).map(|o| self.reporter.place(o)).unwrap_or_default();
            self.reporter.error(
                self.file,
                &origin.path().key("id"),
                format!("duplicate id `{}`, already declared at {place}", f.id),
            );
            return None;
        }
        let id = self.push(Entity {
            id: f.id.clone(),
            kind: Kind::Figure,
            name: f.display.clone(),
            aliases: Vec::new(),
            alias_scopes: Vec::new(),
            native_name: None,
            role: f.measures.clone(),
            summary: String::new(),
            facts: Vec::new(),
            figure: None,
            briefings: vec![briefing],
        });
        self.origins.entities.push(origin);
        self.origins.last_file.push(usize::MAX);
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

/// Frees a file's entity entries once they are declared: what they say has moved into the
/// library and nothing reads them again, while the file itself is kept until its story is
/// resolved. Holding every file's emptied entries until then was a tenth of a load's peak
/// heap (24 of 211 MB at 100k entities).
fn release(entries: &mut Vec<EntityFile>) {
    *entries = Vec::new();
}

fn new_briefing(file: &BriefingFile, path: &Path) -> Briefing {
    Briefing {
        id: file.id.clone(),
        path: path.to_path_buf(),
        date: file.date.clone(),
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
        head_mentions: OnceLock::new(),
    }
}

/// What makes an entity entry unusable, by field: an empty name, the figure kind, an
/// empty alias.
fn entry_problem(e: &EntityFile) -> Option<(&'static str, String)> {
    if e.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
        return Some(("name", format!("empty name for `{}`", e.id)));
    }
    if e.kind == Some(Kind::Figure) {
        return Some(("kind", "kind `figure` is reserved for entries of `figures`".to_string()));
    }
    let empty = e.aliases.iter().position(|a| a.trim().is_empty())?;
    Some(("aliases", format!("empty alias for `{}` (alias {})", e.id, empty + 1)))
}

/// Whether `date` is a real day written as ISO `YYYY-MM-DD`.
pub(crate) fn is_iso_date(date: &str) -> bool {
    let b = date.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) || !digits(8..10) {
        return false;
    }
    let number = |r: std::ops::Range<usize>| date[r].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    };
    (1..=days).contains(&day)
}

/// The message for a date that is not a real ISO day.
pub(crate) fn bad_date(date: &str) -> String {
    format!("`{date}` is not a date: write a real day as YYYY-MM-DD")
}

fn invalid_id(id: &str) -> String {
    format!("invalid id `{id}`: use lowercase letters, digits and `-`")
}

fn add_unique(list: &mut Vec<EntityId>, id: EntityId) {
    if !list.contains(&id) {
        list.push(id);
    }
}
