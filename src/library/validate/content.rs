//! Rules about what a briefing file says, checked on each file as it is declared: text holds
//! no control characters and no pins outside paragraphs; no blank paragraphs or source
//! fields; names that can be linked; nothing listed twice; a
//! unit that agrees with its display text. Each problem points at the value, or at the very
//! character inside it, that is wrong.

use super::super::escape::{describe, is_hostile};
use super::super::figure_text;
use super::super::format::{BriefingFile, EntityFile, EventFile, FigureFile};
use super::super::input::Content;
use super::super::locate::JsonPath;
use super::Reporter;

/// Checks every rule on one parsed file: a briefing, or a shared entities file.
pub(super) fn check(content: &Content, file: usize, reporter: &mut Reporter<'_>) {
    let mut rules = Rules { file, reporter };
    let entities = match content {
        Content::Briefing(briefing) => {
            rules.briefing(briefing);
            &briefing.entities
        }
        Content::Entities(shared) => &shared.entities,
    };
    let mut texts = Vec::new();
    entity_texts(entities, &mut texts);
    rules.texts(texts);
    for (i, entity) in entities.iter().enumerate() {
        rules.entity(entity, &JsonPath::root().key("entities").index(i));
    }
}

impl Rules<'_, '_> {
    /// The rules on everything of a briefing but its entities.
    fn briefing(&mut self, briefing: &BriefingFile) {
        self.texts(briefing_texts(briefing));
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
    reporter: &'r mut Reporter<'a>,
}

impl Rules<'_, '_> {
    fn error(&mut self, path: &JsonPath, message: String) {
        self.reporter.error(self.file, path, message);
    }

    /// Every text of the file: no control characters anywhere, no pins but in paragraphs.
    fn texts(&mut self, texts: Vec<(JsonPath, &str, bool)>) {
        for (path, text, paragraph) in texts {
            if let Some((at, c)) = text.char_indices().find(|&(_, c)| is_hostile(c)) {
                let message = format!("{} in text: a terminal would act on it rather than show it", describe(c));
                self.reporter.error_within(self.file, &path, at, message);
            } else if let Some(at) = text.find("[[").filter(|_| !paragraph) {
                let message = "pins `[[…]]` are read only in paragraphs; here it would show as written".to_string();
                self.reporter.error_within(self.file, &path, at, message);
            }
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

/// Every text of a briefing that a reader sees, its entities' aside, with its path and
/// whether it is a paragraph (where pins are read). Ids are left out: their own rule allows
/// no such characters.
fn briefing_texts(b: &BriefingFile) -> Vec<(JsonPath, &str, bool)> {
    let root = JsonPath::root();
    let mut out = vec![(root.key("headline"), b.headline.as_str(), false), (root.key("dek"), b.dek.as_str(), false)];
    out.extend(b.date.iter().map(|d| (root.key("date"), d.as_str(), false)));
    let source = root.key("source");
    let s = &b.source;
    let fields =
        [(source.key("publication"), &s.publication), (source.key("title"), &s.title), (source.key("date"), &s.date)];
    out.extend(fields.map(|(p, t)| (p, t.as_str(), false)));
    out.extend(s.url.iter().map(|url| (source.key("url"), url.as_str(), false)));
    for (i, section) in b.sections.iter().enumerate() {
        let at = root.key("sections").index(i);
        out.push((at.key("heading"), &section.heading, false));
        out.extend(
            section.paragraphs.iter().enumerate().map(|(p, t)| (at.key("paragraphs").index(p), t.as_str(), true)),
        );
    }
    for (i, f) in b.figures.iter().enumerate() {
        let at = root.key("figures").index(i);
        let fields = [(at.key("unit"), &f.unit), (at.key("display"), &f.display), (at.key("measures"), &f.measures)];
        out.extend(fields.map(|(p, t)| (p, t.as_str(), false)));
        out.extend(f.period.iter().map(|t| (at.key("period"), t.as_str(), false)));
    }
    for (i, r) in b.relations.iter().enumerate() {
        let at = root.key("relations").index(i);
        let fields = [(at.key("type"), &r.kind), (at.key("label"), &r.label), (at.key("inverse"), &r.inverse)];
        out.extend(fields.map(|(p, t)| (p, t.as_str(), false)));
    }
    for (i, e) in b.events.iter().enumerate() {
        let at = root.key("events").index(i);
        out.extend([(at.key("date"), &e.date), (at.key("text"), &e.text)].map(|(p, t)| (p, t.as_str(), false)));
    }
    out
}

/// The texts of entity declarations, as [`briefing_texts`] gives a briefing's.
fn entity_texts<'a>(entities: &'a [EntityFile], out: &mut Vec<(JsonPath, &'a str, bool)>) {
    for (i, e) in entities.iter().enumerate() {
        let at = JsonPath::root().key("entities").index(i);
        out.extend(e.name.iter().map(|t| (at.key("name"), t.as_str(), false)));
        out.extend([(at.key("role"), &e.role), (at.key("summary"), &e.summary)].map(|(p, t)| (p, t.as_str(), false)));
        out.extend(e.aliases.iter().enumerate().map(|(a, t)| (at.key("aliases").index(a), t.as_str(), false)));
        out.extend(e.native_name.iter().map(|t| (at.key("native_name"), t.as_str(), false)));
        for (f, fact) in e.facts.iter().enumerate() {
            let fact_at = at.key("facts").index(f);
            out.push((fact_at.key("label"), &fact.label, false));
            out.push((fact_at.key("value"), &fact.value, false));
        }
    }
}

/// The index and value of the first item equal to an earlier one.
fn first_repeat<T: PartialEq>(items: &[T]) -> Option<(usize, &T)> {
    items.iter().enumerate().find(|&(i, item)| items[..i].contains(item))
}

/// Where a figure's unit and display text disagree: a percentage must read as one ("7%",
/// "over 40 percent", "about a fifth"), and an amount of money ("$17 billion") must be in a
/// currency, written as its code (`USD`).
fn unit_problem(f: &FigureFile) -> Option<(&'static str, String)> {
    let display = f.display.to_lowercase();
    let reads_as_percent = display.contains('%') || display.contains("percent") || display.contains("per cent");
    let in_words = figure_text::stated(&f.display).is_some_and(|s| s.in_words);
    let money = f.display.contains(['$', '€', '£', '¥']);
    let currency = f.unit.len() == 3 && f.unit.bytes().all(|b| b.is_ascii_uppercase());
    if f.unit == "percent" && !(reads_as_percent || in_words) {
        return Some((
            "display",
            format!("display `{}` does not read as a percentage, but unit is `percent`", f.display),
        ));
    }
    if reads_as_percent && f.unit != "percent" {
        return Some((
            "unit",
            format!("display `{}` is a percentage: unit must be `percent`, not `{}`", f.display, f.unit),
        ));
    }
    if money && !currency {
        let message = format!(
            "display `{}` is an amount of money: unit must be a currency code such as `USD`, not `{}`",
            f.display, f.unit
        );
        return Some(("unit", message));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_are_found_at_the_second() {
        assert_eq!(first_repeat(&["a", "b", "a"]), Some((2, &"a")));
        assert_eq!(first_repeat(&["a", "b"]), None);
    }
}
