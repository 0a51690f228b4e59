//! A synthetic library generator, shared by `examples/synth.rs` and `benches/load.rs`.
//!
//! The library has the shape of real content at any size: briefings of about fifty
//! entities (people, companies, chips, organisations, places, policies, products and
//! figures), stories that mention each of them by name and short form, figures stated
//! verbatim in the paragraph they point to, about sixty relations and five events each.
//! It is an archive as authors write one: a tenth of the entities are shared by one or two
//! other briefings, declared once in `entities.json` and referred to by id everywhere they
//! appear, and each briefing that hosts a shared entity restates one of its relations, so
//! relations stated by several briefings are exercised too. Everything follows from the
//! requested size alone, so a figure in `docs/benchmarks.md` can be reproduced byte for byte.

mod cast;
mod figures;
mod name_parts;
mod names;
mod rng;
mod story;
mod words;

use std::fmt;
use std::fs;
use std::io;
use std::path::Path;

use std::collections::HashSet;

use briefing::library::format::{BriefingFile, EntitiesFile, EntityFile, RelationFile};

use cast::Cast;
use names::Namer;
use rng::Rng;

/// Library entities per briefing: the cast plus its figures.
pub const PER_BRIEFING: usize = cast::SIZE + figures::PER_BRIEFING;

/// Percent of entities that other briefings name too.
const SHARED_PERCENT: u64 = 10;

/// What was written.
#[derive(Debug, Clone, Copy, Default)]
pub struct Summary {
    pub briefings: usize,
    /// Distinct entities, figures included.
    pub entities: usize,
    /// Entity entries: declarations, plus each reference to a shared entity.
    pub declarations: usize,
    pub relations: usize,
    pub bytes: u64,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} briefings, {} entities ({} declarations), {} relations, {:.1} MB of JSON",
            self.briefings,
            self.entities,
            self.declarations,
            self.relations,
            self.bytes as f64 / 1e6
        )
    }
}

/// Shared entities per file: about 11 MB of JSON, under the loader's 16 MiB limit per file.
const SHARED_PER_FILE: usize = 25_000;

/// Writes a library of about `entities` entities into `dir` (created if missing), one
/// pretty-printed `ID.json` per briefing plus the shared entities, as authors write them:
/// `entities.json`, or `shared-NNN.entities.json` when they would not fit one file.
pub fn write_library(dir: &Path, entities: usize) -> io::Result<Summary> {
    fs::create_dir_all(dir)?;
    let mut summary = Summary::default();
    let (briefings, shared) = generate(entities);
    let mut chunks: Vec<&[EntityFile]> = shared.entities.chunks(SHARED_PER_FILE).collect();
    if chunks.is_empty() {
        chunks.push(&[]);
    }
    for (n, chunk) in chunks.iter().enumerate() {
        let name =
            if chunks.len() == 1 { "entities.json".to_owned() } else { format!("shared-{:03}.entities.json", n + 1) };
        let bytes = serde_json::to_vec_pretty(&EntitiesFile { entities: chunk.to_vec() })?;
        fs::write(dir.join(name), &bytes)?;
        summary.bytes += bytes.len() as u64;
    }
    summary.declarations += shared.entities.len();
    for briefing in briefings {
        let bytes = serde_json::to_vec_pretty(&briefing)?;
        fs::write(dir.join(format!("{}.json", briefing.id)), &bytes)?;
        summary.briefings += 1;
        summary.entities += briefing.figures.len();
        summary.declarations += briefing.entities.len() + briefing.figures.len();
        summary.relations += briefing.relations.len();
        summary.bytes += bytes.len() as u64;
    }
    summary.entities += summary.briefings * cast::SIZE;
    Ok(summary)
}

/// Every briefing of the library, in generation order, and the shared entities file.
fn generate(entities: usize) -> (Vec<BriefingFile>, EntitiesFile) {
    let count = (entities / PER_BRIEFING).max(1);
    let mut rng = Rng::new(entities as u64);
    let mut namer = Namer::default();
    let casts: Vec<Cast> = (0..count).map(|_| Cast::new(&mut rng, &mut namer)).collect();
    let Shared { guests, restated, declared } = share(&mut rng, &casts);
    let ids: HashSet<&str> = declared.iter().map(|e| e.id.as_str()).collect();
    let briefings = casts
        .iter()
        .zip(guests.iter().zip(&restated))
        .map(|(cast, (guests, restated))| story::briefing(&mut rng, &mut namer, cast, guests, restated, &ids))
        .collect();
    (briefings, EntitiesFile { entities: declared.clone() })
}

/// Who shares what: for each briefing the entities of other briefings it names, and the
/// owners' relations it restates; and every shared entity's one declaration.
struct Shared {
    guests: Vec<Vec<EntityFile>>,
    restated: Vec<Vec<RelationFile>>,
    declared: Vec<EntityFile>,
}

/// A tenth of all entities, each named by one or two more briefings, which each restate one
/// of the owner's relations about it.
fn share(rng: &mut Rng, casts: &[Cast]) -> Shared {
    let mut shared =
        Shared { guests: vec![Vec::new(); casts.len()], restated: vec![Vec::new(); casts.len()], declared: Vec::new() };
    if casts.len() < 2 {
        return shared;
    }
    for (owner, cast) in casts.iter().enumerate() {
        for entity in &cast.entities {
            if !rng.chance(SHARED_PERCENT) {
                continue;
            }
            let first = other(rng, casts.len(), owner, owner);
            let mut hosts = vec![first];
            if casts.len() > 2 && rng.chance(50) {
                hosts.push(other(rng, casts.len(), owner, first));
            }
            let relation = cast.relations.iter().find(|r| r.from == entity.id || r.to == entity.id);
            for host in hosts {
                shared.guests[host].push(entity.clone());
                shared.restated[host].extend(relation.cloned());
            }
            shared.declared.push(entity.clone());
        }
    }
    shared
}

/// A briefing index other than `a` and `b`; needs `n > 2` unless `a == b`.
fn other(rng: &mut Rng, n: usize, a: usize, b: usize) -> usize {
    loop {
        let pick = rng.below(n);
        if pick != a && pick != b {
            return pick;
        }
    }
}

/// What a briefing writes to name an entity the shared entities file declares.
pub fn reference(entity: &EntityFile) -> EntityFile {
    EntityFile {
        id: entity.id.clone(),
        kind: None,
        name: None,
        aliases: Vec::new(),
        native_name: None,
        role: String::new(),
        summary: String::new(),
        facts: Vec::new(),
    }
}
