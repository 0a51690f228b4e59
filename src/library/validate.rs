//! Turning parsed files into a [`Library`], checking everything a reader relies on:
//! ids, kinds, references, figures and pins. Each problem names its JSON path and
//! quotes the bad value; positions are found only when a problem is reported.

mod content;
mod declare;
mod lint;
mod resolve;

pub use super::suggest::closest;

use std::cell::OnceCell;
use std::collections::HashMap;

use rustc_hash::FxHashMap;

use super::diagnostic::{Diagnostic, Position, Severity, position_of};
use super::input::{Input, Options, Parsed, reread_text};
use super::locate::{JsonPath, locate, offset_in_string};
#[cfg(doc)]
use super::model::Entity;
use super::model::{EntityId, Kind, Library};

/// Where a declaration sits: the file, and the list, element and alias inside it. Kept
/// small and allocation-free because one is recorded for every entity and alias loaded.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Origin {
    file: usize,
    list: &'static str,
    index: usize,
    alias: Option<usize>,
}

impl Origin {
    /// The JSON path of the declaration (or of its alias).
    fn path(&self) -> JsonPath {
        let element = JsonPath::root().key(self.list).index(self.index);
        match self.alias {
            Some(a) => element.key("aliases").index(a),
            None => element,
        }
    }
}

/// Collects problems while the library is built, locating each in its file.
pub(crate) struct Reporter<'a> {
    inputs: &'a [Input],
    texts: HashMap<usize, &'a str>,
    /// Texts of files whose bytes were released after parsing, read again when a problem
    /// in them needs a position: rare, so it costs a clean library nothing.
    reread: Vec<OnceCell<String>>,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Reporter<'a> {
    fn new(inputs: &'a [Input], parsed: &[Parsed<'a>]) -> Self {
        let texts = parsed.iter().filter_map(|p| Some((p.file, p.text?))).collect();
        let reread = inputs.iter().map(|_| OnceCell::new()).collect();
        Reporter { inputs, texts, reread, diagnostics: Vec::new() }
    }

    /// The text of `file`, to locate a JSON path in.
    fn text(&self, file: usize) -> &str {
        match self.texts.get(&file) {
            Some(text) => text,
            None => self.reread[file].get_or_init(|| reread_text(&self.inputs[file].path)),
        }
    }

    /// Reports an error at `path` of `file`.
    fn error(&mut self, file: usize, path: &JsonPath, message: impl Into<String>) {
        self.report(file, path, Severity::Error, message.into());
    }

    /// Reports a warning at `path` of `file`.
    fn warning(&mut self, file: usize, path: &JsonPath, message: impl Into<String>) {
        self.report(file, path, Severity::Warning, message.into());
    }

    /// Reports an error at byte `within` of the string at `path` of `file`: a pin inside a
    /// paragraph, which an editor should jump to rather than to the paragraph's start.
    fn error_within(&mut self, file: usize, path: &JsonPath, within: usize, message: impl Into<String>) {
        let text = self.text(file);
        let position = locate(text, path).map(|quote| position_of(text, offset_in_string(text, quote, within)));
        self.push(file, path, position, Severity::Error, message.into());
    }

    fn report(&mut self, file: usize, path: &JsonPath, severity: Severity, message: String) {
        let text = self.text(file);
        let position = locate(text, path).map(|offset| position_of(text, offset));
        self.push(file, path, position, severity, message);
    }

    fn push(&mut self, file: usize, path: &JsonPath, position: Option<Position>, severity: Severity, message: String) {
        self.diagnostics.push(Diagnostic {
            file: self.inputs[file].path.clone(),
            position,
            severity,
            message: format!("`{path}`: {message}"),
        });
    }

    /// `FILE:LINE:COL` of an origin, for messages that point at a second place.
    fn place(&self, origin: &Origin) -> String {
        self.place_at(origin.file, &origin.path())
    }

    /// `FILE:LINE:COL` of `path` in `file` (just `FILE` when the path is not found).
    fn place_at(&self, file: usize, path: &JsonPath) -> String {
        let text = self.text(file);
        let name = self.inputs[file].path.display();
        match locate(text, path).map(|o| position_of(text, o)) {
            Some(p) => format!("{name}:{}:{}", p.line, p.column),
            None => name.to_string(),
        }
    }
}

/// Where each entity, alias and briefing was declared, for messages and lints.
#[derive(Debug, Default)]
pub(crate) struct Origins {
    /// The first declaration of each entity, by entity index (every entity has one).
    entities: Vec<Origin>,
    /// Each alias: its entity, its index in the merged [`Entity::aliases`], its origin.
    aliases: Vec<(EntityId, usize, Origin)>,
    briefings: FxHashMap<String, usize>,
    /// Every later declaration of an entity already declared: its kind and origin, so that a
    /// kind conflict is blamed on the declarations that disagree with most of the others.
    redeclared: Vec<(EntityId, Kind, Origin)>,
}

/// Builds the library from parsed files; returns it with every problem found.
pub(crate) fn build(inputs: &[Input], parsed: Vec<Parsed<'_>>, options: Options) -> (Library, Vec<Diagnostic>) {
    let mut builder = Builder::new(inputs, &parsed);
    for file in parsed {
        builder.declare(file);
    }
    builder.finish(options)
}

/// Builds a library file by file: each file is declared as soon as it is parsed, in file
/// order (the first declaration of an entity wins), so declaring overlaps parsing of the
/// files after it; references are resolved once every file is declared.
pub(crate) struct Builder<'a> {
    reporter: Reporter<'a>,
    library: Library,
    origins: Origins,
    parsed: Vec<Parsed<'a>>,
    declared: Vec<declare::Declared>,
}

impl<'a> Builder<'a> {
    /// A builder over `inputs`, with the texts of those already parsed from memory.
    pub(crate) fn new(inputs: &'a [Input], parsed: &[Parsed<'a>]) -> Self {
        Builder {
            reporter: Reporter::new(inputs, parsed),
            library: Library::default(),
            origins: Origins::default(),
            parsed: Vec::with_capacity(inputs.len()),
            declared: Vec::with_capacity(inputs.len()),
        }
    }

    /// Declares the briefing, entities and figures of the next file.
    pub(crate) fn declare(&mut self, mut file: Parsed<'a>) {
        content::check(&file.briefing, file.file, &mut self.reporter);
        let declared = declare::declare(&mut self.library, &mut self.origins, &mut file, &mut self.reporter);
        self.parsed.push(file);
        self.declared.push(declared);
    }

    /// Resolves every reference and runs the lints; returns the library and its problems.
    pub(crate) fn finish(mut self, options: Options) -> (Library, Vec<Diagnostic>) {
        declare::kind_conflicts(&self.library, &self.origins, &mut self.reporter);
        resolve::resolve_all(&mut self.library, self.parsed, self.declared, &mut self.reporter);
        let shared = lint::shared_aliases(&self.library, &self.origins, &mut self.reporter);
        if options.lint_mentions && !self.reporter.diagnostics.iter().any(Diagnostic::is_error) {
            lint::unmentioned(&self.library, &self.origins, &shared, &mut self.reporter);
        }
        (self.library, self.reporter.diagnostics)
    }
}

/// Whether `id` is a valid id: lowercase ASCII letters, digits and `-`, not at either end
/// (the rule [`ID_PATTERN`](super::format::ID_PATTERN) states for editors).
pub(crate) fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;
    use std::path::PathBuf;

    use super::*;
    use crate::library::load::load_sources;

    #[test]
    fn a_shared_alias_is_reported_once() {
        let text = br#"{"id": "b", "headline": "H", "source": {"publication": "p", "title": "t", "date": "d"},
            "sections": [{"paragraphs": ["Acme and Bolt, or ABC."]}],
            "entities": [{"id": "acme", "kind": "company", "name": "Acme", "aliases": ["ABC"]},
                         {"id": "bolt", "kind": "company", "name": "Bolt", "aliases": ["ABC"]}]}"#;
        let input = Input { path: PathBuf::from("b.json"), bytes: Cow::Borrowed(text) };
        let loaded = load_sources(&[input], Options { lint_mentions: true }).unwrap();
        let messages: Vec<_> = loaded.warnings.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            ["`entities[1].aliases[0]`: alias `ABC` of `bolt` is also a name or alias of `acme`; it links to `acme`"]
        );
    }

    #[test]
    fn a_stated_in_out_of_range_says_how_many_there_are() {
        let text = br#"{"id": "b", "headline": "H", "source": {"publication": "p", "title": "t", "date": "d"},
            "sections": [{"paragraphs": ["Bolt lost $3 million."]}],
            "entities": [{"id": "bolt", "kind": "company", "name": "Bolt"}],
            "figures": [{"id": "loss", "value": 3, "unit": "USD", "scale": "million", "display": "$3 million",
                         "measures": "loss", "about": ["bolt"], "stated_in": {"section": 2, "paragraph": 0}}]}"#;
        let input = Input { path: PathBuf::from("b.json"), bytes: Cow::Borrowed(text) };
        let error = load_sources(&[input], Options::default()).unwrap_err();
        assert_eq!(
            error.diagnostics[0].message,
            "`figures[0].stated_in`: no section 2: the story has 1 section, numbered from 0"
        );
    }

    #[test]
    fn a_pin_to_an_entity_of_another_briefing_is_a_backlink() {
        let head = r#""headline": "H", "source": {"publication": "p", "title": "t", "date": "d"}"#;
        let a = format!(
            r#"{{"id": "a", {head}, "sections": [{{"paragraphs": ["Mira Okafor spoke."]}}],
                "entities": [{{"id": "mira", "kind": "person", "name": "Mira Okafor"}}]}}"#
        );
        let b = format!(r#"{{"id": "b", {head}, "sections": [{{"paragraphs": ["Later [[she|mira]] left."]}}]}}"#);
        let inputs = [a, b].map(|text| Input { path: PathBuf::from("x.json"), bytes: Cow::Owned(text.into_bytes()) });
        let library = load_sources(&inputs, Options::default()).unwrap().library;
        let mira = library.entity_by_id("mira").unwrap();
        let backlinks: Vec<_> =
            library.entity(mira).briefings.iter().map(|&b| library.briefing(b).id.as_str()).collect();
        assert_eq!(backlinks, ["a", "b"]);
        let mentions: Vec<_> = library.mentions_of(mira).iter().map(|(b, m)| (b.index(), m.range.clone())).collect();
        assert_eq!(mentions, [(0, 0..11), (1, 6..9)]);
    }

    #[test]
    fn a_duplicate_briefing_id_points_at_the_first() {
        let text = br#"{"id": "b", "headline": "H", "source": {"publication": "p", "title": "t", "date": "d"},
            "sections": [{"paragraphs": ["Text."]}]}"#;
        let inputs = ["a.json", "c.json"].map(|name| Input { path: PathBuf::from(name), bytes: Cow::Borrowed(text) });
        let error = load_sources(&inputs, Options::default()).unwrap_err();
        assert_eq!(
            error.diagnostics[0].to_string(),
            "c.json:1:8: error: `id`: duplicate briefing id `b`, already used at a.json:1:8"
        );
    }

    #[test]
    fn a_bad_pin_is_pointed_at_inside_its_paragraph() {
        let text = br#"{"id": "b", "headline": "H", "source": {"publication": "p", "title": "t", "date": "d"},
"sections": [{"paragraphs": ["A \"quoted\" caf\u00e9 and [[it|nope]]."]}]}"#;
        let input = Input { path: PathBuf::from("b.json"), bytes: Cow::Borrowed(text) };
        let error = load_sources(&[input], Options::default()).unwrap_err();
        assert_eq!(
            error.diagnostics[0].to_string(),
            "b.json:2:58: error: `sections[0].paragraphs[0]`: unknown id `nope`"
        );
    }

    #[test]
    fn ids_are_lowercase_words_joined_by_hyphens() {
        assert!(is_valid_id("jensen-huang"));
        assert!(is_valid_id("h20"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("Jensen Huang"));
        assert!(!is_valid_id("-x"));
        assert!(!is_valid_id("黄"));
    }
}
