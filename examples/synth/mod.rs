//! A synthetic library generator, shared by `examples/synth.rs` and `benches/load.rs`.
//!
//! The library has the shape of real content at any size: briefings of about fifty
//! entities (people, companies, chips, organisations, places, policies, products and
//! figures), stories that mention each of them by name and short form, figures stated
//! verbatim in the paragraph they point to, about sixty relations and five events each,
//! and a tenth of the entities declared again by one or two other briefings so that
//! merging is exercised. Everything follows from the requested size alone, so a figure in
//! `docs/benchmarks.md` can be reproduced byte for byte.

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

use briefing::library::format::{BriefingFile, EntityFile};

use cast::Cast;
use names::Namer;
use rng::Rng;

/// Library entities per briefing: the cast plus its figures.
pub const PER_BRIEFING: usize = cast::SIZE + figures::PER_BRIEFING;

/// Percent of entities that other briefings declare again.
const SHARED_PERCENT: u64 = 10;

/// What was written.
#[derive(Debug, Clone, Copy, Default)]
pub struct Summary {
    pub briefings: usize,
    /// Distinct entities, figures included.
    pub entities: usize,
    /// Entity declarations, counting each shared entity once per briefing that declares it.
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

/// Writes a library of about `entities` entities into `dir` (created if missing), one
/// pretty-printed `ID.json` per briefing, as authors write them.
pub fn write_library(dir: &Path, entities: usize) -> io::Result<Summary> {
    fs::create_dir_all(dir)?;
    let mut summary = Summary::default();
    for briefing in generate(entities) {
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

/// Every briefing of the library, in generation order.
fn generate(entities: usize) -> Vec<BriefingFile> {
    let count = (entities / PER_BRIEFING).max(1);
    let mut rng = Rng::new(entities as u64);
    let mut namer = Namer::default();
    let casts: Vec<Cast> = (0..count).map(|_| Cast::new(&mut rng, &mut namer)).collect();
    let guests = share(&mut rng, &casts);
    casts.iter().zip(&guests).map(|(cast, guests)| story::briefing(&mut rng, &mut namer, cast, guests)).collect()
}

/// For each briefing, the entities of other briefings it declares again: a tenth of all
/// entities, each in one or two more briefings; half of them as a short declaration.
fn share(rng: &mut Rng, casts: &[Cast]) -> Vec<Vec<EntityFile>> {
    let mut guests = vec![Vec::new(); casts.len()];
    if casts.len() < 2 {
        return guests;
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
            for host in hosts {
                guests[host].push(if rng.chance(50) { entity.clone() } else { short_declaration(entity) });
            }
        }
    }
    guests
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

/// What a second briefing writes to mention an entity described elsewhere.
fn short_declaration(entity: &EntityFile) -> EntityFile {
    EntityFile { role: String::new(), summary: String::new(), facts: Vec::new(), ..entity.clone() }
}
