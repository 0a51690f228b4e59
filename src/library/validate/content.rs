//! Rules about what a briefing file says, checked on each file as it is declared: text holds
//! no control characters and no pins outside paragraphs; no blank paragraphs or source
//! fields; names that can be linked; nothing listed twice; a
//! unit that agrees with its display text. Each problem points at the value, or at the very
//! character inside it, that is wrong.

use super::super::escape::{describe, starts_wide_hostile};
use super::super::figure_text;
use super::super::format::{BriefingFile, EntityFile, EventFile, FigureFile};
use super::super::input::Content;
use super::super::locate::JsonPath;
use super::super::scan::{Scan, count_pins, pin_starts};
use super::Reporter;

/// Checks every rule on one parsed file: a briefing, or a shared entities file.
pub(super) fn check(content: &Content, file: usize, scan: Scan, reporter: &mut Reporter<'_>) {
    let mut rules = Rules { file, plain: scan.plain, reporter };
    let (entities, paragraph_pins) = match content {
        Content::Briefing(briefing) => (&briefing.entities, paragraphs(briefing).map(count_pins).sum()),
        Content::Entities(shared) => (&shared.entities, 0),
    };
    // Most files are cleared of every rule on texts by their bytes alone.
    let texts = !scan.pins_only_in(paragraph_pins);
    if let Content::Briefing(briefing) = content {
        rules.briefing(briefing, texts);
    }
    if texts {
        entity_texts(entities, &mut |path, text, paragraph| rules.text(path, text, paragraph));
    }
    for (i, entity) in entities.iter().enumerate() {
        rules.entity(entity, &JsonPath::root().key("entities").index(i));
    }
}

impl Rules<'_, '_> {
    /// The rules on everything of a briefing but its entities.
    fn briefing(&mut self, briefing: &BriefingFile, texts: bool) {
        if texts {
            briefing_texts(briefing, &mut |path, text, paragraph| self.text(path, text, paragraph));
        }
        self.story(briefing);
        for (i, figure) in briefing.figures.iter().enumerate() {
            self.figure(figure, &JsonPath::root().key("figures").index(i));
        }
        for (i, event) in briefing.events.iter().enumerate() {
            self.event(event, &JsonPath::root().key("events").index(i));
        }
    }
}

struct Rules<'r, 'a> {
    file: usize,
    /// The file's bytes show that no text of it holds a hostile character.
    plain: bool,
    reporter: &'r mut Reporter<'a>,
}

impl Rules<'_, '_> {
    fn error(&mut self, path: &JsonPath, message: String) {
        self.reporter.error(self.file, path, message);
    }

    /// A text of the file: no control characters anywhere, no pins but in paragraphs.
    fn text(&mut self, path: &dyn Fn() -> JsonPath, text: &str, paragraph: bool) {
        if let Some((at, c)) = (!self.plain).then(|| find_hostile(text)).flatten() {
            let message = format!("{} in text: a terminal would act on it rather than show it", describe(c));
            self.reporter.error_within(self.file, &path(), at, message);
        } else if let Some(at) = (!paragraph).then(|| find_pin(text)).flatten() {
            let message = "pins `[[…]]` are read only in paragraphs; here it would show as written".to_string();
            self.reporter.error_within(self.file, &path(), at, message);
        }
    }

    /// No blank paragraph and no blank source field: each would show as a hole.
    fn story(&mut self, briefing: &BriefingFile) {
        let source = JsonPath::root().key("source");
        let s = &briefing.source;
        for (key, value) in [("publication", &s.publication), ("title", &s.title), ("date", &s.date)] {
            if value.trim().is_empty() {
                self.error(&source.key(key), format!("empty {key}: say where the story comes from"));
            }
        }
        if s.url.as_deref().is_some_and(|url| url.trim().is_empty()) {
            self.error(&source.key("url"), "empty url: leave `url` out when there is none".into());
        }
        for (s, section) in briefing.sections.iter().enumerate() {
            for (p, text) in section.paragraphs.iter().enumerate() {
                if text.trim().is_empty() {
                    let path = JsonPath::root().key("sections").index(s).key("paragraphs").index(p);
                    self.error(&path, "empty paragraph".into());
                }
            }
        }
    }

    fn entity(&mut self, e: &EntityFile, path: &JsonPath) {
        if let Some(name) = &e.name {
            self.linkable(name, &path.key("name"));
        }
        for (i, alias) in e.aliases.iter().enumerate() {
            self.linkable(alias, &path.key("aliases").index(i));
        }
        if let Some(native) = &e.native_name {
            self.linkable(native, &path.key("native_name"));
        }
        let facts: Vec<(&str, &str)> = e.facts.iter().map(|f| (f.label.as_str(), f.value.as_str())).collect();
        if let Some((i, (label, value))) = first_repeat(&facts) {
            self.error(&path.key("facts").index(i), format!("fact `{label}: {value}` is listed twice"));
        }
    }

    /// A name is matched in the story wherever it appears, so one without a letter or digit
    /// (".", "—") would link every such mark of every story.
    fn linkable(&mut self, name: &str, path: &JsonPath) {
        if !name.trim().is_empty() && !name.chars().any(char::is_alphanumeric) {
            self.error(
                path,
                format!("name `{name}` has no letter or digit: it would link every `{name}` in the stories"),
            );
        }
    }

    fn figure(&mut self, f: &FigureFile, path: &JsonPath) {
        if let Some((i, id)) = first_repeat(&f.about) {
            self.error(&path.key("about").index(i), format!("`{id}` is listed twice"));
        }
        if let Some((key, message)) = unit_problem(f) {
            self.error(&path.key(key), message);
        }
    }

    fn event(&mut self, e: &EventFile, path: &JsonPath) {
        if let Some((i, id)) = first_repeat(&e.entities) {
            self.error(&path.key("entities").index(i), format!("`{id}` is listed twice"));
        }
    }
}

/// Something that visits a text with a way to make its path (made only when the text has
/// a problem: building a path for each of a large library's texts was a tenth of its load)
/// and whether it is a paragraph, where pins are read.
type Visit<'v, 'a> = dyn FnMut(&dyn Fn() -> JsonPath, &'a str, bool) + 'v;

/// Every text of a briefing that a reader sees, its entities' aside. Ids are left out:
/// their own rule allows no such characters.
fn briefing_texts<'a>(b: &'a BriefingFile, visit: &mut Visit<'_, 'a>) {
    let root = JsonPath::root;
    visit(&|| root().key("headline"), &b.headline, false);
    visit(&|| root().key("dek"), &b.dek, false);
    if let Some(d) = &b.date {
        visit(&|| root().key("date"), d, false);
    }
    let s = &b.source;
    visit(&|| root().key("source").key("publication"), &s.publication, false);
    visit(&|| root().key("source").key("title"), &s.title, false);
    visit(&|| root().key("source").key("date"), &s.date, false);
    if let Some(url) = &s.url {
        visit(&|| root().key("source").key("url"), url, false);
    }
    for (i, section) in b.sections.iter().enumerate() {
        let at = || root().key("sections").index(i);
        visit(&|| at().key("heading"), &section.heading, false);
        for (p, text) in section.paragraphs.iter().enumerate() {
            visit(&|| at().key("paragraphs").index(p), text, true);
        }
    }
    for (i, f) in b.figures.iter().enumerate() {
        let at = || root().key("figures").index(i);
        if let Some(unit) = &f.unit {
            visit(&|| at().key("unit"), unit, false);
        }
        visit(&|| at().key("display"), &f.display, false);
        visit(&|| at().key("measures"), &f.measures, false);
        if let Some(period) = &f.period {
            visit(&|| at().key("period"), period, false);
        }
    }
    for (i, r) in b.relations.iter().enumerate() {
        let at = || root().key("relations").index(i);
        visit(&|| at().key("type"), &r.kind, false);
        for (key, label) in [("label", &r.label), ("inverse", &r.inverse)] {
            if let Some(label) = label {
                visit(&|| at().key(key), label, false);
            }
        }
    }
    for (i, e) in b.events.iter().enumerate() {
        let at = || root().key("events").index(i);
        visit(&|| at().key("date"), &e.date, false);
        visit(&|| at().key("text"), &e.text, false);
    }
}

/// The paragraphs of a briefing's story, in order.
fn paragraphs(b: &BriefingFile) -> impl Iterator<Item = &str> {
    b.sections.iter().flat_map(|section| section.paragraphs.iter().map(String::as_str))
}

/// The texts of entity declarations, as [`briefing_texts`] gives a briefing's.
fn entity_texts<'a>(entities: &'a [EntityFile], visit: &mut Visit<'_, 'a>) {
    for (i, e) in entities.iter().enumerate() {
        let at = || JsonPath::root().key("entities").index(i);
        if let Some(name) = &e.name {
            visit(&|| at().key("name"), name, false);
        }
        visit(&|| at().key("role"), &e.role, false);
        visit(&|| at().key("summary"), &e.summary, false);
        for (a, alias) in e.aliases.iter().enumerate() {
            visit(&|| at().key("aliases").index(a), alias, false);
        }
        if let Some(native) = &e.native_name {
            visit(&|| at().key("native_name"), native, false);
        }
        for (f, fact) in e.facts.iter().enumerate() {
            visit(&|| at().key("facts").index(f).key("label"), &fact.label, false);
            visit(&|| at().key("facts").index(f).key("value"), &fact.value, false);
        }
    }
}

/// The first hostile character of `text` and where it is, found from its bytes: a C0
/// control or DEL is one byte below 0x20 or 0x7f; a C1 control is `C2 80`–`C2 9F`; the
/// bidirectional overrides are `E2 80 AA`–`E2 80 AE` and the isolates `E2 81 A6`–`E2 81 A9`.
/// This runs over every text of the library, most of it plain and much of it full of curly
/// quotes (`E2 80 99`), so no character is decoded until one is known to be hostile.
fn find_hostile(text: &str) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let control = |b: u8| b < 0x20 || b == 0x7f;
    // A fold without an early exit is vectorised; it clears most texts at once.
    let any_control = bytes.iter().fold(false, |seen, &b| seen | control(b));
    let first_control = if any_control { bytes.iter().position(|&b| control(b)) } else { None };
    let before = first_control.unwrap_or(bytes.len());
    let first_wide = memchr::memchr2_iter(0xc2, 0xe2, &bytes[..before]).find(|&at| starts_wide_hostile(&bytes[at..]));
    let at = first_wide.or(first_control)?;
    // Both searches stop on a byte that starts a character, so `at` is a boundary.
    text[at..].chars().next().map(|c| (at, c))
}

/// Where `text` opens a pin, `[[`.
fn find_pin(text: &str) -> Option<usize> {
    pin_starts(text).next()
}

/// The index and value of the first item equal to an earlier one.
fn first_repeat<T: PartialEq>(items: &[T]) -> Option<(usize, &T)> {
    items.iter().enumerate().find(|&(i, item)| items[..i].contains(item))
}

/// Where a figure's unit and display text disagree: a percentage must read as one ("7%",
/// "over 40 percent", "about a fifth"), and an amount of money ("$17 billion") must be in a
/// currency, written as its code (`USD`).
fn unit_problem(f: &FigureFile) -> Option<(&'static str, String)> {
    // A unit left out and not found was reported as it was being filled in.
    let unit = f.unit.as_deref()?;
    let display = f.display.to_lowercase();
    let reads_as_percent = display.contains('%') || display.contains("percent") || display.contains("per cent");
    let in_words = figure_text::stated(&f.display).is_some_and(|s| s.in_words);
    let money = f.display.contains(['$', '€', '£', '¥']);
    let currency = unit.len() == 3 && unit.bytes().all(|b| b.is_ascii_uppercase());
    if unit == "percent" && !(reads_as_percent || in_words) {
        return Some((
            "display",
            format!("display `{}` does not read as a percentage, but unit is `percent`", f.display),
        ));
    }
    if reads_as_percent && unit != "percent" {
        return Some((
            "unit",
            format!("display `{}` is a percentage: unit must be `percent`, not `{}`", f.display, unit),
        ));
    }
    if money && !currency {
        let message = format!(
            "display `{}` is an amount of money: unit must be a currency code such as `USD`, not `{}`",
            f.display, unit
        );
        return Some(("unit", message));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::escape::is_hostile;

    #[test]
    fn hostile_characters_are_found_wherever_they_are() {
        assert_eq!(find_hostile("plain ’quoted’ text"), None);
        assert_eq!(find_hostile("bell\u{7}"), Some((4, '\u{7}')));
        assert_eq!(find_hostile("’\u{202e}evil"), Some((3, '\u{202e}')));
        assert_eq!(find_hostile("c1 \u{85} here"), Some((3, '\u{85}')));
        assert_eq!(find_pin("a [x] and [[y|z]]"), Some(10));
        assert_eq!(find_pin("[ [no"), None);
    }

    #[test]
    fn the_byte_patterns_find_exactly_the_hostile_characters() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let text = format!("a’{c}");
            let expected = is_hostile(c).then_some((4, c));
            assert_eq!(find_hostile(&text), expected, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn repeats_are_found_at_the_second() {
        assert_eq!(first_repeat(&["a", "b", "a"]), Some((2, &"a")));
        assert_eq!(first_repeat(&["a", "b"]), None);
    }
}
