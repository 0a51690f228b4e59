//! Realistic names for every kind of entity, unique across the whole library.
//!
//! The checker warns when an alias is also another entity's name or alias, so every name
//! and alias handed out is remembered and never given twice: names are retried until free,
//! aliases are simply left out when taken (as a real author would drop an ambiguous one).

use std::collections::{HashMap, HashSet};

use super::name_parts::*;
use super::rng::Rng;

/// A name with the other strings the story may use for it.
#[derive(Debug, Clone, Default)]
pub struct Named {
    pub name: String,
    pub aliases: Vec<String>,
    pub native_name: Option<String>,
}

impl Named {
    fn new(name: String, aliases: impl IntoIterator<Item = String>, native_name: Option<String>) -> Self {
        Named { name, aliases: aliases.into_iter().collect(), native_name }
    }
}

/// After this many taken names, generators switch to their roomier fallback form.
const USUAL_ATTEMPTS: usize = 8;

/// Hands out names, aliases and ids, each at most once across the library.
#[derive(Debug, Default)]
pub struct Namer {
    taken: HashSet<String>,
    ids: HashMap<String, u32>,
}

impl Namer {
    /// A person: mostly Western names (a tenth accented), an eighth East Asian.
    pub fn person(&mut self, rng: &mut Rng) -> Named {
        if rng.chance(12) {
            return self.claim(rng, |rng, _, attempt| east_asian(rng, attempt));
        }
        self.claim(rng, |rng, taken, _| {
            let first = if rng.chance(10) { rng.pick(FIRST_ACCENTED) } else { rng.pick(FIRST) };
            let surname = surname(rng, taken);
            Named::new(format!("{first} {surname}"), [surname], None)
        })
    }

    /// A company `Root Suffix`, with its root as short form (`Veltrix` for `Veltrix Micro`).
    pub fn company(&mut self, rng: &mut Rng) -> Named {
        self.claim(rng, |rng, _, attempt| {
            let root = if attempt < USUAL_ATTEMPTS { brand(rng) } else { brand(rng) + &brand(rng).to_lowercase() };
            Named::new(format!("{root} {}", rng.pick(COMPANY_SUFFIX)), [root], None)
        })
    }

    /// A chip `Family Code`, with the code as short form (`X940` for `Orion X940`).
    pub fn chip(&mut self, rng: &mut Rng) -> Named {
        self.claim(rng, |rng, _, attempt| {
            let code = if attempt < USUAL_ATTEMPTS { chip_code(rng) } else { chip_code(rng) + &chip_code(rng) };
            Named::new(format!("{} {code}", rng.pick(CHIP_FAMILY)), [code], None)
        })
    }

    /// A place; `Port Halden` keeps `Halden` as short form.
    pub fn place(&mut self, rng: &mut Rng) -> Named {
        self.claim(rng, |rng, _, attempt| {
            let root = if attempt < USUAL_ATTEMPTS { place_root(rng) } else { place_root(rng) + &place_root(rng) };
            if rng.chance(20) {
                Named::new(format!("{} {root}", rng.pick(PLACE_PREFIX)), [root], None)
            } else {
                Named::new(root, [], None)
            }
        })
    }

    /// An organisation of a place, known by its acronym or as `Halden agency`.
    pub fn organisation(&mut self, rng: &mut Rng, place: &str) -> Named {
        self.claim(rng, |rng, _, attempt| {
            let name = match attempt {
                0..USUAL_ATTEMPTS => format!("{place} {}", rng.pick(ORG_NOUN)),
                _ => format!("{place} {} {}", place_root(rng), rng.pick(ORG_NOUN)),
            };
            let short = short_forms(&name, place);
            Named::new(name, short, None)
        })
    }

    /// A policy of a place, known by its acronym or as `Halden act`.
    pub fn policy(&mut self, rng: &mut Rng, place: &str) -> Named {
        self.claim(rng, |rng, _, attempt| {
            let (topic, instrument) = (rng.pick(POLICY_TOPIC), rng.pick(POLICY_INSTRUMENT));
            let name = match attempt {
                0..USUAL_ATTEMPTS => format!("{place} {topic} {instrument}"),
                _ => format!("{place} {topic} {instrument} of {}", 1990 + rng.below(36)),
            };
            let short = short_forms(&name, place);
            Named::new(name, short, None)
        })
    }

    /// A product of a company, named after its brand; products go without short forms.
    pub fn product(&mut self, rng: &mut Rng, brand: &str) -> Named {
        self.claim(rng, |rng, _, attempt| {
            let number = if attempt < USUAL_ATTEMPTS { rng.range(2, 12) } else { rng.range(13, 9999) };
            Named::new(format!("{brand} {} {number}", rng.pick(PRODUCT_WORD)), [], None)
        })
    }

    /// A fresh id made from `text`: its slug, then `-2`, `-3`… when already used.
    pub fn id(&mut self, text: &str) -> String {
        let slug = slug(text);
        let count = self.ids.entry(slug.clone()).or_insert(0);
        *count += 1;
        if *count == 1 { slug } else { format!("{slug}-{count}") }
    }

    /// Makes names until one is free, then keeps as alias the first candidate nobody
    /// holds yet. `make` sees what is taken and how many names were refused, to widen its
    /// choice.
    fn claim(&mut self, rng: &mut Rng, mut make: impl FnMut(&mut Rng, &HashSet<String>, usize) -> Named) -> Named {
        let mut attempt = 0;
        loop {
            let mut named = make(rng, &self.taken, attempt);
            if self.taken.insert(named.name.clone()) {
                let candidates = std::mem::take(&mut named.aliases);
                named.aliases.extend(candidates.into_iter().find(|a| *a != named.name && self.taken.insert(a.clone())));
                return named;
            }
            attempt += 1;
        }
    }
}

/// A surname: a real one while it is still free as an alias, else a built one.
fn surname(rng: &mut Rng, taken: &HashSet<String>) -> String {
    let real = if rng.chance(15) { rng.pick(SURNAMES_ACCENTED) } else { rng.pick(SURNAMES) };
    if rng.chance(30) && !taken.contains(real) { real.to_string() } else { built_surname(rng) }
}

/// A Chinese, Japanese or Korean name, romanised, with its native script. No surname
/// alias: the few common family names could never be unique.
fn east_asian(rng: &mut Rng, attempt: usize) -> Named {
    if attempt >= USUAL_ATTEMPTS {
        return Named::new(format!("{} {}", rng.pick(FIRST), built_surname(rng)), [], None);
    }
    let (name, native) = east_asian_name(rng);
    Named::new(name, [], Some(native))
}

fn built_surname(rng: &mut Rng) -> String {
    format!("{}{}{}", rng.pick(SURNAME_START), rng.pick(SURNAME_MIDDLE), rng.pick(SURNAME_END))
}

/// A romanised East Asian name and its native script.
fn east_asian_name(rng: &mut Rng) -> (String, String) {
    match rng.below(10) {
        0..=5 => {
            let (family, family_cn) = rng.pick(CN_FAMILY);
            let (a, a_cn) = rng.pick(CN_GIVEN);
            if rng.chance(60) {
                let (b, b_cn) = rng.pick(CN_GIVEN);
                (format!("{family} {}{b}", capitalise(a)), format!("{family_cn}{a_cn}{b_cn}"))
            } else {
                (format!("{family} {}", capitalise(a)), format!("{family_cn}{a_cn}"))
            }
        }
        6..=7 => {
            let (family, family_jp) = rng.pick(JP_FAMILY);
            let (given, given_jp) = rng.pick(JP_GIVEN);
            (format!("{given} {family}"), format!("{family_jp}{given_jp}"))
        }
        _ => {
            let (family, family_kr) = rng.pick(KR_FAMILY);
            let (given, given_kr) = rng.pick(KR_GIVEN);
            (format!("{family} {given}"), format!("{family_kr}{given_kr}"))
        }
    }
}

fn brand(rng: &mut Rng) -> String {
    format!("{}{}{}", rng.pick(BRAND_START), rng.pick(BRAND_MIDDLE), rng.pick(BRAND_END))
}

fn chip_code(rng: &mut Rng) -> String {
    const LETTERS: &[u8] = b"ABCDGHKMNPRSTVXZ";
    let mut code: String = (0..rng.range(1, 2)).map(|_| char::from(rng.pick(LETTERS))).collect();
    code += &[rng.range(1, 99) * 10, rng.range(10, 999), rng.range(100, 9999)][rng.below(3)].to_string();
    if rng.chance(25) {
        code.push(rng.pick(&['B', 'X', 'S', 'e']));
    }
    code
}

fn place_root(rng: &mut Rng) -> String {
    format!("{}{}{}", rng.pick(PLACE_START), rng.pick(PLACE_MIDDLE), rng.pick(PLACE_END))
}

/// Short forms of an institution's name, preferred first: its acronym, then the place
/// with the head noun (`Halden Export Control Agency` → `HECA`, `Halden agency`).
fn short_forms(name: &str, place: &str) -> Vec<String> {
    let head =
        name.rsplit(' ').find(|w| w.chars().next().is_some_and(char::is_uppercase) && !w.starts_with(char::is_numeric));
    let local = head.map(|h| format!("{place} {}", h.to_lowercase()));
    acronym(name).into_iter().chain(local).collect()
}

/// The capitals of a name's words (`Valmora Export Control Agency` → `VECA`), when at least three.
fn acronym(name: &str) -> Option<String> {
    let letters: String = name.split(' ').filter_map(|w| w.chars().next()).filter(|c| c.is_ascii_uppercase()).collect();
    (letters.len() >= 3).then_some(letters)
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Lowercase ASCII letters and digits joined by single hyphens, folding accents.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match fold(c) {
            Some(s) => out.push_str(s),
            None if c.is_ascii_alphanumeric() => out.push(c),
            None if !out.ends_with('-') && !out.is_empty() => out.push('-'),
            None => {}
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() { "x".to_string() } else { trimmed.to_string() }
}

/// The ASCII letters an accented letter is written with in an id.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ą' => "a",
        'ç' | 'č' | 'ć' => "c",
        'é' | 'è' | 'ê' | 'ë' | 'ě' | 'ę' => "e",
        'í' | 'ì' | 'î' | 'ï' => "i",
        'ñ' | 'ń' => "n",
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ő' => "o",
        'ú' | 'ù' | 'û' | 'ü' | 'ű' => "u",
        'ý' => "y",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ł' => "l",
        'š' | 'ș' | 'ş' => "s",
        'ž' => "z",
        'ř' => "r",
        'đ' | 'ð' => "d",
        'ğ' => "g",
        'ț' => "t",
        _ => return None,
    })
}
