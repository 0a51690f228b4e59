//! Figures as data, each with the sentence that states it: the display text appears in
//! the sentence verbatim and states exactly the value and scale the data holds, as
//! `briefing check` (and `src/library/figure_text.rs`) require.

use std::collections::HashSet;
use std::ops::Range;

use briefing::library::format::{EntityFile, FigureFile, PlaceFile, Qualifier, Scale, Sign};

use super::cast::{self, CHIPS, COMPANIES, ORGANISATIONS, PLACES, POLICIES};
use super::names::Namer;
use super::rng::Rng;
use super::words::TOPICS;

/// Figures per briefing.
pub const PER_BRIEFING: usize = 5;

/// A figure and the sentence of the story that states it.
pub struct Drafted {
    pub figure: FigureFile,
    pub sentence: String,
}

/// What a figure measures; each briefing uses distinct ones.
#[derive(Debug, Clone, Copy)]
enum Measure {
    Sales,
    Pledge,
    Charge,
    ShareFall,
    MarketShare,
    ExportRise,
    Jobs,
    Shipments,
    Subsidy,
}

const MEASURES: [Measure; 9] = [
    Measure::Sales,
    Measure::Pledge,
    Measure::Charge,
    Measure::ShareFall,
    Measure::MarketShare,
    Measure::ExportRise,
    Measure::Jobs,
    Measure::Shipments,
    Measure::Subsidy,
];

/// A number written out: value and scale as data, display as text.
struct Amount {
    value: f64,
    scale: Scale,
    unit: String,
    display: String,
    qualifier: Qualifier,
}

/// Drafts a briefing's figures about its own cast, with distinct display texts.
pub fn draft(rng: &mut Rng, namer: &mut Namer, cast: &[EntityFile], year: usize) -> Vec<Drafted> {
    let mut measures = MEASURES;
    rng.shuffle(&mut measures);
    let mut displays = HashSet::new();
    measures[..PER_BRIEFING]
        .iter()
        .map(|&measure| {
            loop {
                let drafted = one(rng, namer, cast, measure, year);
                if displays.insert(drafted.figure.display.clone()) {
                    break drafted;
                }
            }
        })
        .collect()
}

/// The cast members and period a figure's sentence can draw on.
struct Scene<'a> {
    cast: &'a [EntityFile],
    company: &'a EntityFile,
    place: &'a EntityFile,
    period: String,
}

/// A figure's amount with everything the story and the data say about it.
struct Stated<'a> {
    amount: Amount,
    sentence: String,
    measures: String,
    about: Vec<&'a EntityFile>,
    period: Option<String>,
    sign: Sign,
}

fn one(rng: &mut Rng, namer: &mut Namer, cast: &[EntityFile], measure: Measure, year: usize) -> Drafted {
    let company = if rng.chance(50) { COMPANIES.start } else { pick(rng, COMPANIES) };
    let periods = [format!("fiscal {year}"), format!("the first quarter of {year}"), "the year to date".to_string()];
    let period = periods[rng.below(periods.len())].clone();
    let scene = Scene { cast, company: &cast[company], place: &cast[pick(rng, PLACES)], period };
    let stated = state(rng, &scene, measure);
    let figure = FigureFile {
        id: namer.id(&format!("{} {}", stated.about[0].display_name(), measure_word(measure))),
        value: Some(stated.amount.value),
        unit: Some(stated.amount.unit),
        scale: Some(stated.amount.scale),
        display: stated.amount.display,
        sign: stated.sign,
        qualifier: Some(stated.amount.qualifier),
        measures: stated.measures,
        about: stated.about.iter().map(|e| e.id.clone()).collect(),
        period: stated.period,
        stated_in: Some(PlaceFile { section: 0, paragraph: 0 }),
        revises: None,
    };
    Drafted { figure, sentence: stated.sentence }
}

fn state<'a>(rng: &mut Rng, scene: &Scene<'a>, measure: Measure) -> Stated<'a> {
    match measure {
        Measure::Sales => sales(money(rng), scene),
        Measure::Pledge => pledge(money(rng), scene),
        Measure::Charge => charge(money(rng), scene, &scene.cast[pick(rng, POLICIES)]),
        Measure::ShareFall => share_fall(percent(rng), scene),
        Measure::MarketShare => market_share(percent(rng), scene, rng.pick(TOPICS)),
        Measure::ExportRise => export_rise(percent(rng), scene),
        Measure::Jobs => jobs(count(rng, "jobs"), scene),
        Measure::Shipments => shipments(millions(rng, "units"), scene, &scene.cast[pick(rng, CHIPS)]),
        Measure::Subsidy => subsidy(money(rng), &scene.cast[pick(rng, ORGANISATIONS)], rng.pick(TOPICS)),
    }
}

fn sales<'a>(amount: Amount, scene: &Scene<'a>) -> Stated<'a> {
    let sentence = format!("{} reported sales of {} for {}.", short(scene.company), amount.display, scene.period);
    let measures = format!("Sales of {}", scene.company.display_name());
    Stated {
        amount,
        sentence,
        measures,
        about: vec![scene.company],
        period: Some(scene.period.clone()),
        sign: Sign::Positive,
    }
}

fn pledge<'a>(amount: Amount, scene: &Scene<'a>) -> Stated<'a> {
    let (company, place) = (scene.company, scene.place);
    let sentence = format!("{} has pledged {} to build a plant in {}.", short(company), amount.display, short(place));
    let measures = format!("Investment {} pledged for a plant in {}", company.display_name(), place.display_name());
    Stated { amount, sentence, measures, about: vec![company, place], period: None, sign: Sign::Positive }
}

fn charge<'a>(amount: Amount, scene: &Scene<'a>, policy: &'a EntityFile) -> Stated<'a> {
    let company = scene.company;
    let sentence =
        format!("{} expects to book {} in charges because of the {}.", short(company), amount.display, short(policy));
    let measures = format!("Charges {} expects from the {}", company.display_name(), policy.display_name());
    Stated { amount, sentence, measures, about: vec![company, policy], period: None, sign: Sign::Negative }
}

fn share_fall<'a>(amount: Amount, scene: &Scene<'a>) -> Stated<'a> {
    let sentence = format!("Shares of {} fell {} after the announcement.", short(scene.company), amount.display);
    let measures = format!("Fall in the share price of {}", scene.company.display_name());
    Stated { amount, sentence, measures, about: vec![scene.company], period: None, sign: Sign::Negative }
}

fn market_share<'a>(amount: Amount, scene: &Scene<'a>, topic: &str) -> Stated<'a> {
    let sentence = format!("{} now holds {} of the market for {topic}.", short(scene.company), amount.display);
    let measures = format!("Market share of {} in {topic}", scene.company.display_name());
    Stated {
        amount,
        sentence,
        measures,
        about: vec![scene.company],
        period: Some(scene.period.clone()),
        sign: Sign::Positive,
    }
}

fn export_rise<'a>(amount: Amount, scene: &Scene<'a>) -> Stated<'a> {
    let sentence = format!("Chip exports from {} rose {} in {}.", short(scene.place), amount.display, scene.period);
    let measures = format!("Growth of chip exports from {}", scene.place.display_name());
    Stated {
        amount,
        sentence,
        measures,
        about: vec![scene.place],
        period: Some(scene.period.clone()),
        sign: Sign::Positive,
    }
}

fn jobs<'a>(amount: Amount, scene: &Scene<'a>) -> Stated<'a> {
    let (company, place) = (scene.company, scene.place);
    let sentence =
        format!("The plant {} is building in {} will bring {}.", short(company), short(place), amount.display);
    let measures = format!("Jobs at the new plant of {} in {}", company.display_name(), place.display_name());
    Stated { amount, sentence, measures, about: vec![company, place], period: None, sign: Sign::Positive }
}

fn shipments<'a>(amount: Amount, scene: &Scene<'a>, chip: &'a EntityFile) -> Stated<'a> {
    let sentence = format!("Customers took delivery of {} of the {} in {}.", amount.display, short(chip), scene.period);
    let measures = format!("Shipments of the {}", chip.display_name());
    Stated { amount, sentence, measures, about: vec![chip], period: Some(scene.period.clone()), sign: Sign::Positive }
}

fn subsidy<'a>(amount: Amount, org: &'a EntityFile, topic: &str) -> Stated<'a> {
    let sentence = format!("The {} approved {} in subsidies for {topic}.", short(org), amount.display);
    let measures = format!("Subsidies approved by the {}", org.display_name());
    Stated { amount, sentence, measures, about: vec![org], period: None, sign: Sign::Positive }
}

fn measure_word(measure: Measure) -> &'static str {
    match measure {
        Measure::Sales => "sales",
        Measure::Pledge => "pledge",
        Measure::Charge => "charge",
        Measure::ShareFall => "share fall",
        Measure::MarketShare => "market share",
        Measure::ExportRise => "export growth",
        Measure::Jobs => "jobs",
        Measure::Shipments => "shipments",
        Measure::Subsidy => "subsidy",
    }
}

/// "$3.2 billion", "more than €450 million", "¥87bn".
fn money(rng: &mut Rng) -> Amount {
    let (symbol, unit) =
        rng.pick(&[("$", "USD"), ("$", "USD"), ("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY")]);
    let (value, scale, word) = if rng.chance(60) {
        (tenths(rng, 10, 999), Scale::Billion, if rng.chance(15) { "bn" } else { " billion" })
    } else {
        (rng.range(50, 950) as f64, Scale::Million, " million")
    };
    let (qualifier, lead) = qualifier(rng);
    Amount { value, scale, unit: unit.into(), display: format!("{lead}{symbol}{value}{word}"), qualifier }
}

/// "12%", "over 40%", "7.5%", now and then "about a fifth".
fn percent(rng: &mut Rng) -> Amount {
    if rng.chance(5) {
        let display = "about a fifth".to_string();
        return Amount { value: 20.0, scale: Scale::One, unit: "percent".into(), display, qualifier: Qualifier::About };
    }
    let value = if rng.chance(70) { rng.range(2, 95) as f64 } else { tenths(rng, 11, 299) };
    let (qualifier, lead) = qualifier(rng);
    Amount { value, scale: Scale::One, unit: "percent".into(), display: format!("{lead}{value}%"), qualifier }
}

/// "1,200 jobs".
fn count(rng: &mut Rng, noun: &str) -> Amount {
    let n = rng.range(150, 9_000);
    let (qualifier, lead) = qualifier(rng);
    let display = format!("{lead}{} {noun}", cast::thousands(n));
    Amount { value: n as f64, scale: Scale::One, unit: noun.into(), display, qualifier }
}

/// "2.3 million units".
fn millions(rng: &mut Rng, noun: &str) -> Amount {
    let value = tenths(rng, 11, 250);
    let (qualifier, lead) = qualifier(rng);
    Amount {
        value,
        scale: Scale::Million,
        unit: noun.into(),
        display: format!("{lead}{value} million {noun}"),
        qualifier,
    }
}

/// A number with one decimal at most, `lo/10..=hi/10`; its `Display` is what a writer types.
fn tenths(rng: &mut Rng, lo: usize, hi: usize) -> f64 {
    rng.range(lo, hi) as f64 / 10.0
}

fn qualifier(rng: &mut Rng) -> (Qualifier, &'static str) {
    match rng.below(10) {
        0 => (Qualifier::About, "about "),
        1 => (Qualifier::Over, "more than "),
        2 => (Qualifier::Under, "less than "),
        _ => (Qualifier::Exact, ""),
    }
}

/// How a story refers to an entity after introducing it: its first alias, else its name.
pub fn short(entity: &EntityFile) -> &str {
    entity.aliases.first().map_or(entity.display_name(), String::as_str)
}

fn pick(rng: &mut Rng, range: Range<usize>) -> usize {
    range.start + rng.below(range.len())
}
