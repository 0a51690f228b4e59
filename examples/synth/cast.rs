//! The entities a briefing introduces and the relations between them, with roles that
//! agree with the relations ("Chief executive of Veltrix Micro" and `ceo_of`).

use std::ops::Range;

use briefing::library::format::{EntityFile, FactFile, Kind, RelationFile};

use super::names::{Named, Namer};
use super::rng::Rng;
use super::words::{self, TOPICS};

/// Where each kind sits in [`Cast::entities`]; the first of each range leads the story.
pub const PLACES: Range<usize> = 0..5;
pub const COMPANIES: Range<usize> = 5..14;
pub const ORGANISATIONS: Range<usize> = 14..19;
pub const POLICIES: Range<usize> = 19..23;
pub const CHIPS: Range<usize> = 23..28;
pub const PRODUCTS: Range<usize> = 28..31;
pub const PEOPLE: Range<usize> = 31..45;
/// Entities each briefing introduces (figures come on top).
pub const SIZE: usize = PEOPLE.end;

/// The entities one briefing introduces, and the relations its roles imply.
#[derive(Debug, Clone)]
pub struct Cast {
    pub entities: Vec<EntityFile>,
    pub relations: Vec<RelationFile>,
}

impl Cast {
    /// Makes the cast of one briefing; every name is new to the library.
    pub fn new(rng: &mut Rng, namer: &mut Namer) -> Self {
        let mut cast = Cast { entities: Vec::with_capacity(SIZE), relations: Vec::new() };
        PLACES.for_each(|_| cast.place(rng, namer));
        COMPANIES.for_each(|_| cast.company(rng, namer));
        ORGANISATIONS.for_each(|_| cast.organisation(rng, namer));
        POLICIES.for_each(|i| cast.policy(rng, namer, i));
        CHIPS.for_each(|i| cast.chip(rng, namer, i));
        PRODUCTS.for_each(|_| cast.product(rng, namer));
        PEOPLE.for_each(|i| cast.person(rng, namer, i));
        cast
    }

    fn place(&mut self, rng: &mut Rng, namer: &mut Namer) {
        let named = namer.place(rng);
        let role = capitalise(rng.pick(words::PLACE_ROLES));
        let summary = format!(
            "{} is {}. Its officials have been drawn into the debate over {}.",
            named.name,
            lower(&role),
            rng.pick(TOPICS)
        );
        let population = format!("{}.{} million", rng.range(1, 12), rng.below(10));
        self.push(namer, Kind::Place, named, role, summary, vec![fact("Population", population)]);
    }

    fn company(&mut self, rng: &mut Rng, namer: &mut Namer) {
        let home = self.pick(rng, PLACES);
        let named = namer.company(rng);
        let role = format!("{} based in {}", rng.pick(words::COMPANY_TYPES), self.name(home));
        let summary = format!(
            "{} is {}. It has bet heavily on {} and sells to customers on three continents.",
            named.name,
            lower(&role),
            rng.pick(TOPICS)
        );
        let facts = vec![
            fact("Founded", (1968 + rng.below(55)).to_string()),
            fact("Employees", thousands(rng.range(120, 90_000))),
            fact("Headquarters", self.name(home).to_string()),
        ];
        let id = self.push(namer, Kind::Company, named, role, summary, facts);
        self.relate(id, "based_in", home, "based in", "home to");
    }

    fn organisation(&mut self, rng: &mut Rng, namer: &mut Namer) {
        let home = self.pick(rng, PLACES);
        let named = namer.organisation(rng, self.name(home));
        let role = format!("A public body overseeing {} in {}", rng.pick(TOPICS), self.name(home));
        let summary =
            format!("The {} advises the government and publishes an annual review of the sector.", named.name);
        let facts = vec![fact("Established", (1945 + rng.below(78)).to_string())];
        let id = self.push(namer, Kind::Organisation, named, role, summary, facts);
        self.relate(id, "based_in", home, "based in", "home to");
    }

    fn policy(&mut self, rng: &mut Rng, namer: &mut Namer, index: usize) {
        let home = self.pick(rng, PLACES);
        let named = namer.policy(rng, self.name(home));
        let year = 2015 + rng.below(11);
        let role = format!("A {year} measure that {}", rng.pick(words::POLICY_ROLES));
        let summary = format!("The {} was adopted in {year} after a long fight over {}.", named.name, rng.pick(TOPICS));
        let facts = vec![fact("In force since", year.to_string())];
        let id = self.push(namer, Kind::Policy, named, role, summary, facts);
        self.relate(id, "in_force_in", home, "in force in", "has in force");
        let enforcer = ORGANISATIONS.start + index % ORGANISATIONS.len();
        self.relate(enforcer, "enforces", id, "enforces", "enforced by");
    }

    fn chip(&mut self, rng: &mut Rng, namer: &mut Namer, index: usize) {
        let maker = self.pick(rng, COMPANIES);
        let named = namer.chip(rng);
        let role = format!("{} made by {}", rng.pick(words::CHIP_TYPES), self.name(maker));
        let summary = format!(
            "The {} is built on a {} nm process and aimed at {}.",
            named.name,
            rng.pick(&[3, 4, 5, 7]),
            rng.pick(TOPICS)
        );
        let facts = vec![
            fact("Process", format!("{} nm", rng.pick(&[3, 4, 5, 7]))),
            fact("Launched", (2018 + rng.below(8)).to_string()),
        ];
        let id = self.push(namer, Kind::Chip, named, role, summary, facts);
        self.relate(maker, "makes", id, "makes", "made by");
        if index < CHIPS.start + 2 {
            self.relate(POLICIES.start, "restricts", id, "restricts", "restricted by");
        }
    }

    fn product(&mut self, rng: &mut Rng, namer: &mut Namer) {
        let maker = self.pick(rng, COMPANIES);
        let brand = self.name(maker).split(' ').next().unwrap_or_default().to_string();
        let named = namer.product(rng, &brand);
        let role = format!("{} sold by {}", rng.pick(words::PRODUCT_TYPES), self.name(maker));
        let summary = format!("{} runs on chips its maker buys from several suppliers.", named.name);
        let id = self.push(namer, Kind::Product, named, role, summary, Vec::new());
        self.relate(maker, "sells", id, "sells", "sold by");
    }

    /// The first people run the companies, in order; the rest work for the organisations.
    fn person(&mut self, rng: &mut Rng, namer: &mut Namer, index: usize) {
        let n = index - PEOPLE.start;
        let (employer, titles) = if n < COMPANIES.len() {
            (COMPANIES.start + n, words::COMPANY_TITLES)
        } else {
            (ORGANISATIONS.start + (n - COMPANIES.len()) % ORGANISATIONS.len(), words::ORGANISATION_TITLES)
        };
        let (title, kind, label, inverse) = if n == 0 { titles[0] } else { rng.pick(titles) };
        let named = namer.person(rng);
        let role = format!("{title} {}", self.name(employer));
        let since = 2000 + rng.below(25);
        let summary =
            format!("{} has held the post since {since} and speaks often about {}.", named.name, rng.pick(TOPICS));
        let facts = vec![fact("Born", (1950 + rng.below(45)).to_string()), fact("In post since", since.to_string())];
        let id = self.push(namer, Kind::Person, named, role, summary, facts);
        self.relate(id, kind, employer, label, inverse);
    }

    fn push(
        &mut self,
        namer: &mut Namer,
        kind: Kind,
        named: Named,
        role: String,
        summary: String,
        facts: Vec<FactFile>,
    ) -> usize {
        self.entities.push(EntityFile {
            id: namer.id(&named.name),
            kind: Some(kind),
            name: Some(named.name),
            aliases: named.aliases,
            native_name: named.native_name,
            role,
            summary,
            facts,
        });
        self.entities.len() - 1
    }

    fn relate(&mut self, from: usize, kind: &str, to: usize, label: &str, inverse: &str) {
        let (from, to) = (self.entities[from].id.clone(), self.entities[to].id.clone());
        self.relations.push(relation(&from, kind, &to, label, inverse));
    }

    fn pick(&self, rng: &mut Rng, range: Range<usize>) -> usize {
        range.start + rng.below(range.len())
    }

    fn name(&self, index: usize) -> &str {
        self.entities[index].display_name()
    }
}

/// A relation between two ids.
pub fn relation(from: &str, kind: &str, to: &str, label: &str, inverse: &str) -> RelationFile {
    RelationFile {
        from: from.into(),
        kind: kind.into(),
        to: to.into(),
        label: Some(label.into()),
        inverse: Some(inverse.into()),
        stated_in: None,
    }
}

fn fact(label: &str, value: String) -> FactFile {
    FactFile { label: label.into(), value }
}

/// `12400` as `12,400`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The role as it reads inside a sentence: "A chipmaker…" becomes "a chipmaker…".
pub fn lower(role: &str) -> String {
    let mut chars = role.chars();
    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

/// The text with its first letter in capitals.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
