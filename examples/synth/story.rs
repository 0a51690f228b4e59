//! One briefing: its story text written around the cast, figures placed in the paragraphs
//! that state them, relations, events, and guests (entities other briefings introduced).

use briefing::library::format::{
    BriefingFile, EntityFile, EventFile, FigureFile, Kind, PlaceFile, RelationFile, SectionFile, SourceFile,
};

use std::collections::HashSet;

use super::cast::{self, CHIPS, COMPANIES, Cast, ORGANISATIONS, PEOPLE, PLACES, POLICIES, lower};
use super::figures::{self, Drafted, short};
use super::names::Namer;
use super::rng::Rng;
use super::words::{self, TOPICS};

/// Relations per briefing, roughly.
const RELATIONS: std::ops::RangeInclusive<usize> = 56..=64;
/// Events per briefing.
const EVENTS: usize = 5;

/// Writes the briefing of `cast`, also mentioning `guests` and restating `restated`; the
/// entities in `shared` are referred to by id (the shared entities file declares them).
pub fn briefing(
    rng: &mut Rng,
    namer: &mut Namer,
    cast: &Cast,
    guests: &[EntityFile],
    restated: &[RelationFile],
    shared: &HashSet<&str>,
) -> BriefingFile {
    let own = &cast.entities;
    let year = 2019 + rng.below(7);
    let figures = figures::draft(rng, namer, own, year);
    let (headline, title, key) = headline(rng, own);
    let id = namer.id(&key);
    let mut relations = cast.relations.clone();
    relations.extend(guests.iter().map(|g| guest_relation(g, own)));
    relations.extend(
        figures.iter().map(|f| cast::relation(&f.figure.about[0], "reports", &f.figure.id, "reports", "reported by")),
    );
    top_up(rng, &mut relations, own);
    relations.extend(restated.iter().cloned());
    // An author states each relation once per briefing: keep the first of any repeat.
    let mut seen = HashSet::new();
    relations.retain(|r| seen.insert((r.from.clone(), r.kind.clone(), r.to.clone())));
    let (sections, figures) = write(rng, own, guests, figures);
    BriefingFile {
        id: id.clone(),
        date: Some(format!("{year}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28))),
        dek: dek(rng, own),
        source: source(rng, &id, title, year),
        headline,
        sections,
        entities: own
            .iter()
            .map(|e| if shared.contains(e.id.as_str()) { super::reference(e) } else { e.clone() })
            .chain(guests.iter().map(super::reference))
            .collect(),
        figures,
        relations,
        events: events(rng, own, year),
    }
}

/// The headline, the source's title, and the words the briefing id is made of.
fn headline(rng: &mut Rng, cast: &[EntityFile]) -> (String, String, String) {
    let company = short(&cast[COMPANIES.start]);
    let place = &cast[PLACES.start].display_name();
    let person = &cast[PEOPLE.start].display_name();
    let chip = &cast[CHIPS.start].display_name();
    let topic = rng.pick(TOPICS);
    let headline = match rng.below(4) {
        0 => format!("{company} Races to Protect Its Business in {place} as New Rules Bite"),
        1 => format!("{person} Stakes {company}’s Future on the {chip}"),
        2 => format!("Inside {company}’s Gamble on {}", title_case(topic)),
        _ => format!("{place} Moves to Rein In {company} as Rivals Circle"),
    };
    let title = format!("How {company} Is Handling the Fight Over {}", title_case(topic));
    (headline, title, format!("{company} {topic}"))
}

fn dek(rng: &mut Rng, cast: &[EntityFile]) -> String {
    let person = &cast[PEOPLE.start];
    format!(
        "{}, {}, is trying to keep {} ahead as the {} reshapes demand for {}.",
        person.display_name(),
        lower(&person.role),
        short(&cast[COMPANIES.start]),
        cast[POLICIES.start].display_name(),
        rng.pick(TOPICS)
    )
}

fn source(rng: &mut Rng, id: &str, title: String, year: usize) -> SourceFile {
    SourceFile {
        publication: rng.pick(words::PUBLICATIONS).to_string(),
        title,
        date: format!("{} {year}", rng.pick(words::MONTHS)),
        url: rng.chance(70).then(|| format!("https://news.example.com/{year}/{id}")),
    }
}

/// A guest is tied to the story's lead company (or lead person, for people).
fn guest_relation(guest: &EntityFile, cast: &[EntityFile]) -> RelationFile {
    let (company, person) = (&cast[COMPANIES.start].id, &cast[PEOPLE.start].id);
    let g = &guest.id;
    match guest.kind.unwrap_or(Kind::Product) {
        Kind::Person => cast::relation(g, "met", person, "met", "met"),
        Kind::Company => cast::relation(g, "supplies", company, "supplies", "supplied by"),
        Kind::Chip => cast::relation(company, "buys", g, "buys", "bought by"),
        Kind::Organisation => cast::relation(g, "investigates", company, "investigates", "investigated by"),
        Kind::Place => cast::relation(company, "operates_in", g, "operates in", "site of"),
        Kind::Policy => cast::relation(g, "applies_to", company, "applies to", "subject to"),
        Kind::Product | Kind::Figure => cast::relation(company, "uses", g, "uses", "used by"),
    }
}

/// Adds meetings between people and ties between companies until the story has its share.
fn top_up(rng: &mut Rng, relations: &mut Vec<RelationFile>, cast: &[EntityFile]) {
    let target = rng.range(*RELATIONS.start(), *RELATIONS.end());
    while relations.len() < target {
        let r = if rng.chance(50) {
            let (a, b) = two(rng, PEOPLE);
            cast::relation(&cast[a].id, "met", &cast[b].id, "met", "met")
        } else {
            let (a, b) = two(rng, COMPANIES);
            let (kind, label, inverse) = rng.pick(&[
                ("supplies", "supplies", "supplied by"),
                ("competes_with", "competes with", "competes with"),
                ("invests_in", "investor in", "backed by"),
            ]);
            cast::relation(&cast[a].id, kind, &cast[b].id, label, inverse)
        };
        relations.push(r);
    }
}

/// Two different indexes of `range`.
fn two(rng: &mut Rng, range: std::ops::Range<usize>) -> (usize, usize) {
    let a = range.start + rng.below(range.len());
    let b = range.start + (a - range.start + 1 + rng.below(range.len() - 1)) % range.len();
    (a, b)
}

fn events(rng: &mut Rng, cast: &[EntityFile], year: usize) -> Vec<EventFile> {
    let mut months: Vec<usize> = (1..=12).collect();
    rng.shuffle(&mut months);
    let mut months = months[..EVENTS].to_vec();
    months.sort_unstable();
    months
        .into_iter()
        .enumerate()
        .map(|(i, month)| {
            let (text, entities) = event(rng, cast);
            let date =
                if rng.chance(85) { format!("{year}-{month:02}-{:02}", rng.range(1, 28)) } else { String::new() };
            EventFile { order: i as u32 + 1, date, text, entities }
        })
        .collect()
}

fn event(rng: &mut Rng, cast: &[EntityFile]) -> (String, Vec<String>) {
    let at = |range: std::ops::Range<usize>, rng: &mut Rng| &cast[range.start + rng.below(range.len())];
    let (company, person, org, place) = (at(COMPANIES, rng), at(PEOPLE, rng), at(ORGANISATIONS, rng), at(PLACES, rng));
    let (policy, chip) = (at(POLICIES, rng), at(CHIPS, rng));
    let (text, involved) = match rng.below(5) {
        0 => (
            format!(
                "{} met officials of the {} in {}.",
                person.display_name(),
                org.display_name(),
                place.display_name()
            ),
            vec![person, org, place],
        ),
        1 => (format!("The {} took effect.", policy.display_name()), vec![policy]),
        2 => (format!("{} unveiled the {}.", company.display_name(), chip.display_name()), vec![company, chip]),
        3 => (format!("The {} opened a review of {}.", org.display_name(), company.display_name()), vec![org, company]),
        _ => (format!("{} reported quarterly results.", company.display_name()), vec![company]),
    };
    (text, involved.into_iter().map(|e| e.id.clone()).collect())
}

/// Lays the story out in sections of paragraphs: every entity introduced by name, every
/// alias used at least once, and each figure's sentence in the paragraph it names.
fn write(
    rng: &mut Rng,
    own: &[EntityFile],
    guests: &[EntityFile],
    drafted: Vec<Drafted>,
) -> (Vec<SectionFile>, Vec<FigureFile>) {
    let shape: Vec<usize> = (0..rng.range(3, 5)).map(|_| rng.range(2, 4)).collect();
    let total: usize = shape.iter().sum();
    let members = reading_order(rng, own, guests);
    let mut paragraphs: Vec<Vec<String>> = vec![Vec::new(); total];
    let mut pending: Vec<Vec<String>> = vec![Vec::new(); total];
    for (i, member) in members.iter().enumerate() {
        let p = i * total / members.len();
        paragraphs[p].push(intro(rng, member, &members));
        if let Some(alias) = alias_sentence(rng, member) {
            pending[p].push(alias);
        }
    }
    let mut figures = Vec::with_capacity(drafted.len());
    for (f, d) in drafted.into_iter().enumerate() {
        let p = (f * total + total / 2) / figures::PER_BRIEFING;
        let sentences = &mut paragraphs[p];
        let at = rng.range(1, sentences.len().max(1)).min(sentences.len());
        sentences.insert(at, d.sentence);
        let (section, paragraph) = locate(&shape, p);
        figures.push(FigureFile { stated_in: Some(PlaceFile { section, paragraph }), ..d.figure });
    }
    for (p, aliases) in pending.into_iter().enumerate() {
        interleave(rng, &mut paragraphs[p], aliases);
        if rng.chance(25) {
            paragraphs[p].push(rng.pick(words::FILLERS).to_string());
        }
    }
    if let Some(last) = paragraphs.last_mut() {
        last.extend(pins(own));
    }
    (sections(rng, &shape, paragraphs), figures)
}

/// Leads first (person, company, policy, place, chip), then everyone else shuffled.
fn reading_order<'a>(rng: &mut Rng, own: &'a [EntityFile], guests: &'a [EntityFile]) -> Vec<&'a EntityFile> {
    let leads = [PEOPLE.start, COMPANIES.start, POLICIES.start, PLACES.start, CHIPS.start];
    let mut rest: Vec<&EntityFile> =
        own.iter().enumerate().filter(|(i, _)| !leads.contains(i)).map(|(_, e)| e).chain(guests).collect();
    rng.shuffle(&mut rest);
    leads.iter().map(|&i| &own[i]).chain(rest).collect()
}

fn intro(rng: &mut Rng, member: &EntityFile, members: &[&EntityFile]) -> String {
    let templates = match member.kind.unwrap_or(Kind::Product) {
        Kind::Person => words::PERSON_INTRO,
        Kind::Company => words::COMPANY_INTRO,
        Kind::Chip => words::CHIP_INTRO,
        Kind::Organisation => words::ORGANISATION_INTRO,
        Kind::Place => words::PLACE_INTRO,
        Kind::Policy => words::POLICY_INTRO,
        Kind::Product | Kind::Figure => words::PRODUCT_INTRO,
    };
    let full = match &member.native_name {
        Some(native) => format!("{} ({native})", member.display_name()),
        None => member.display_name().to_string(),
    };
    let role = if member.role.is_empty() {
        words::guest_role(member.kind.unwrap_or(Kind::Product)).to_string()
    } else {
        lower(&member.role)
    };
    let other = short(partner(rng, member, members));
    fill(rng.pick(templates), &full, &role, other, rng.pick(TOPICS))
}

/// Another person or company of the story, to meet or talk with.
fn partner<'a>(rng: &mut Rng, member: &EntityFile, members: &[&'a EntityFile]) -> &'a EntityFile {
    loop {
        let other = rng.pick(members);
        if matches!(other.kind, Some(Kind::Person | Kind::Company)) && other.id != member.id {
            return other;
        }
    }
}

/// A sentence using the member's short form, when it has one.
fn alias_sentence(rng: &mut Rng, member: &EntityFile) -> Option<String> {
    let alias = member.aliases.first()?;
    let templates = match member.kind.unwrap_or(Kind::Product) {
        Kind::Person => words::PERSON_ALIAS,
        Kind::Company => words::COMPANY_ALIAS,
        Kind::Chip => words::CHIP_ALIAS,
        Kind::Organisation => words::ORGANISATION_ALIAS,
        Kind::Place => words::PLACE_ALIAS,
        Kind::Policy => words::POLICY_ALIAS,
        Kind::Product | Kind::Figure => return None,
    };
    Some(rng.pick(templates).replace("{A}", alias).replace("{T}", rng.pick(TOPICS)))
}

fn fill(template: &str, name: &str, role: &str, other: &str, topic: &str) -> String {
    template.replace("{N}", name).replace("{R}", role).replace("{X}", other).replace("{T}", topic)
}

/// Spreads the short-form sentences among the paragraph's sentences, after the first.
fn interleave(rng: &mut Rng, sentences: &mut Vec<String>, aliases: Vec<String>) {
    for alias in aliases {
        let at = rng.range(1, sentences.len().max(1)).min(sentences.len());
        sentences.insert(at, alias);
    }
}

/// One pinned mention and, when the lead company has a short form, one suppressed one.
fn pins(own: &[EntityFile]) -> Vec<String> {
    let place = &own[PLACES.start];
    let mut out = vec![format!("Back in [[{}|{}]], the reaction was muted.", short(place), place.id)];
    if let Some(brand) = own[COMPANIES.start].aliases.first() {
        out.push(format!("Longtime [[{brand}|-]]-watchers were less sure."));
    }
    out
}

/// (section, paragraph within it) of flat paragraph `p`.
fn locate(shape: &[usize], mut p: usize) -> (usize, usize) {
    for (s, &n) in shape.iter().enumerate() {
        if p < n {
            return (s, p);
        }
        p -= n;
    }
    (shape.len() - 1, p)
}

fn sections(rng: &mut Rng, shape: &[usize], paragraphs: Vec<Vec<String>>) -> Vec<SectionFile> {
    let mut headings = words::HEADINGS.to_vec();
    rng.shuffle(&mut headings);
    let mut paragraphs = paragraphs.into_iter().map(|sentences| sentences.join(" "));
    shape
        .iter()
        .enumerate()
        .map(|(s, &n)| SectionFile {
            heading: if s == 0 && rng.chance(30) { String::new() } else { headings[s].to_string() },
            paragraphs: paragraphs.by_ref().take(n).collect(),
        })
        .collect()
}

fn title_case(text: &str) -> String {
    text.split(' ').map(cast::capitalise).collect::<Vec<_>>().join(" ")
}
