//! Turning parsed files into a [`Library`], checking everything a reader relies on:
//! ids, kinds, references, figures and pins. Each problem names its JSON path and
//! quotes the bad value; positions are found only when a problem is reported.

mod complete;
mod content;
mod declare;
mod lint;
mod reconcile;
mod resolve;

pub use super::suggest::closest;

use std::cell::OnceCell;
use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};

use super::built::Built;
use super::diagnostic::{Diagnostic, Position, Severity, position_of};
use super::format::{EntityFile, Kind};
use super::input::{Content, Input, Options, Parsed, reread_text};
use super::locate::{JsonPath, locate, offset_in_string};
#[cfg(doc)]
use super::model::Entity;
use super::model::EntityId;
use super::scan::Scan;
use super::store::Library;

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
    fn new(inputs: &'a [Input], texts: impl IntoIterator<Item = (usize, &'a str)>) -> Self {
        let texts = texts.into_iter().collect();
        let reread = inputs.iter().map(|_| OnceCell::new()).collect();
        Reporter { inputs, texts, reread, diagnostics: Vec::new() }
    }

    /// A reporter for the problems of file `file` alone, whose text is at hand.
    fn for_file(inputs: &'a [Input], file: usize, text: &'a str) -> Self {
        Reporter { inputs, texts: HashMap::from([(file, text)]), reread: Vec::new(), diagnostics: Vec::new() }
    }

    /// The text of `file`, to locate a JSON path in; empty (no position) for a file this
    /// reporter does not report on.
    fn text(&self, file: usize) -> &str {
        if let Some(text) = self.texts.get(&file) {
            return text;
        }
        match (self.reread.get(file), self.inputs.get(file)) {
            (Some(cell), Some(input)) => cell.get_or_init(|| reread_text(&input.path)),
            _ => "",
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

    /// The files (by input index) that have an error so far.
    fn files_with_errors(&self) -> FxHashSet<usize> {
        let broken: FxHashSet<&std::path::Path> =
            self.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.file.as_path()).collect();
        (0..self.inputs.len()).filter(|&i| broken.contains(self.inputs[i].path.as_path())).collect()
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

/// What one entry states about an entity, kept until every file is declared so that
/// agreement is checked, and the entity settled, whatever order the files come in.
#[derive(Debug)]
pub(crate) struct Statement {
    origin: Origin,
    kind: Option<Kind>,
    name: Option<String>,
    role: String,
    summary: String,
    native_name: Option<String>,
}

impl Statement {
    /// Moves what the statement says out of it, leaving its origin.
    fn take_out(&mut self) -> Statement {
        let empty = Statement {
            origin: self.origin,
            kind: None,
            name: None,
            role: String::new(),
            summary: String::new(),
            native_name: None,
        };
        std::mem::replace(self, empty)
    }

    /// Moves what `e` states out of it (its texts are not read there again).
    fn take_from(e: &mut EntityFile, origin: Origin) -> Self {
        Statement {
            origin,
            kind: e.kind,
            name: e.name.take(),
            role: std::mem::take(&mut e.role),
            summary: std::mem::take(&mut e.summary),
            native_name: e.native_name.take(),
        }
    }
}

/// Where each entity, alias and briefing was declared, for messages and lints.
#[derive(Debug, Default)]
pub(crate) struct Origins {
    /// The first entry of each entity, by entity index (every entity has one).
    entities: Vec<Origin>,
    /// Every entry's statements with the index of its entity, in file order: one flat list
    /// rather than a list per entity, since most entities have one entry.
    statements: Vec<(usize, Statement)>,
    /// The last file with an entry for each entity, by entity index (`usize::MAX` for none
    /// and for figures): files are declared in order, so a second entry in one file shows here.
    last_file: Vec<usize>,
    /// Ids whose only entries were unusable: already reported, so references to them are
    /// not reported again as unknown.
    poisoned: FxHashSet<String>,
    /// Each alias: its entity, its index in the merged [`Entity::aliases`], its origin.
    aliases: Vec<(EntityId, usize, Origin)>,
    briefings: FxHashMap<String, usize>,
}

/// Builds the library from parsed files, each with what [`check_alone`] found in it;
/// returns it with every problem found.
pub(crate) fn build(
    inputs: &[Input],
    parsed: Vec<(Parsed<'_>, Vec<Diagnostic>)>,
    options: Options,
) -> (Library, Vec<Diagnostic>) {
    let texts = parsed.iter().filter_map(|(p, _)| Some((p.file, p.text?)));
    let mut builder = Builder::new(inputs, texts);
    for (file, found) in parsed {
        builder.declare(file, found);
    }
    builder.finish(options)
}

/// Runs the rules that need nothing but the file itself: its shorthand is filled in (see
/// [`complete`]) and its content rules checked (see [`content`]). They are run where the
/// file was parsed, on a loader's worker, while its `text` is still at hand; what they
/// found goes to [`Builder::declare`] with the file, and is reported before what declaring
/// it finds, as when one pass did both.
pub(crate) fn check_alone(
    inputs: &[Input],
    file: usize,
    text: &str,
    content: &mut Content,
    scan: Scan,
) -> Vec<Diagnostic> {
    let mut reporter = Reporter::for_file(inputs, file, text);
    complete::complete(content, file, &mut reporter);
    content::check(content, file, scan, &mut reporter);
    reporter.diagnostics
}

/// Builds a library file by file: each file is declared as soon as it is parsed, in file
/// order (the first declaration of an entity wins), so declaring overlaps parsing of the
/// files after it; references are resolved once every file is declared.
pub(crate) struct Builder<'a> {
    reporter: Reporter<'a>,
    library: Built,
    origins: Origins,
    parsed: Vec<Parsed<'a>>,
    declared: Vec<declare::Declared>,
}

impl<'a> Builder<'a> {
    /// A builder over `inputs`, with the texts of those whose bytes are still in memory
    /// (file, text).
    pub(crate) fn new(inputs: &'a [Input], texts: impl IntoIterator<Item = (usize, &'a str)>) -> Self {
        Builder {
            reporter: Reporter::new(inputs, texts),
            library: Built::default(),
            origins: Origins::default(),
            parsed: Vec::with_capacity(inputs.len()),
            declared: Vec::with_capacity(inputs.len()),
        }
    }

    /// Declares the briefing, entities and figures of the next file, after the problems
    /// [`check_alone`] found in it.
    pub(crate) fn declare(&mut self, mut file: Parsed<'a>, found: Vec<Diagnostic>) {
        self.reporter.diagnostics.extend(found);
        if let Some(declared) = declare::declare(&mut self.library, &mut self.origins, &mut file, &mut self.reporter) {
            self.parsed.push(file);
            self.declared.push(declared);
        }
    }

    /// Settles every entity from all its entries, resolves every reference and runs the
    /// lints; returns the library and every problem, warnings included even when there
    /// are errors, so one run reports everything.
    pub(crate) fn finish(mut self, options: Options) -> (Library, Vec<Diagnostic>) {
        reconcile::reconcile(&mut self.library, &mut self.origins, &mut self.reporter);
        resolve::resolve_all(&mut self.library, self.parsed, self.declared, &self.origins.poisoned, &mut self.reporter);
        let library = Library::from(self.library);
        let shared = lint::shared_aliases(&library, &self.origins, &mut self.reporter);
        if options.lint_mentions {
            // A file with errors may not have been read as meant (a broken pin leaves its
            // text raw), so what its story seems not to mention proves nothing; every other
            // file is linted, so fixing the errors brings no new warnings from them.
            let broken = self.reporter.files_with_errors();
            lint::unmentioned(&library, &self.origins, &shared, &broken, &mut self.reporter);
            lint::scoped_aliases(&library, &self.origins, &broken, &mut self.reporter);
        }
        (library, self.reporter.diagnostics)
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

    fn inputs(files: &[(&str, String)]) -> Vec<Input> {
        files
            .iter()
            .map(|(name, text)| Input { path: PathBuf::from(name), bytes: Cow::Owned(text.clone().into_bytes()) })
            .collect()
    }

    fn story(id: &str, paragraph: &str, rest: &str) -> String {
        format!(
            r#"{{"id": "{id}", "headline": "H", "source": {{"publication": "p", "title": "t", "date": "d"}},
                "sections": [{{"paragraphs": ["{paragraph}"]}}]{rest}}}"#
        )
    }

    /// The texts linked to `entity` in briefing `b`.
    fn linked(library: &Library, b: &str, entity: &str) -> Vec<String> {
        let b = library.briefing_by_id(b).unwrap();
        let e = library.entity_by_id(entity).unwrap();
        let text =
            |m: &crate::library::Mention| library.briefing(b).paragraphs[m.paragraph].text[m.range.clone()].to_string();
        library.mentions(b).iter().filter(|m| m.entity == e).map(text).collect()
    }

    #[test]
    fn shared_aliases_link_everywhere_and_a_briefings_own_only_in_its_story() {
        let shared = r#"{"entities": [{"id": "kes", "kind": "company", "name": "Kestrel", "aliases": ["KS"],
            "role": "Chip maker"}]}"#;
        let a = story("a", "Kestrel (KS), or Kes, grew.", r#", "entities": [{"id": "kes", "aliases": ["Kes"]}]"#);
        let b = story("b", "KS and Kes fell.", r#", "entities": [{"id": "kes"}]"#);
        let files = [("a.json", a), ("b.json", b), ("entities.json", shared.to_string())];
        let library = load_sources(&inputs(&files), Options::default()).unwrap().library;
        assert_eq!(linked(&library, "a", "kes"), ["Kestrel", "KS", "Kes"]);
        assert_eq!(linked(&library, "b", "kes"), ["KS"], "`Kes` is a's own alias");
        let kes = library.entity(library.entity_by_id("kes").unwrap());
        assert_eq!((kes.role.as_str(), kes.briefings.len()), ("Chip maker", 2));
    }

    #[test]
    fn the_result_does_not_depend_on_file_names() {
        let full = story(
            "a",
            "Kestrel grew.",
            r#", "entities": [{"id": "kes", "kind": "company", "name": "Kestrel", "summary": "S."}]"#,
        );
        let reference = story("b", "Kestrel fell.", r#", "entities": [{"id": "kes"}]"#);
        for names in [["a.json", "b.json"], ["z.json", "b.json"]] {
            let files = [(names[0], full.clone()), (names[1], reference.clone())];
            let library = load_sources(&inputs(&files), Options::default()).unwrap().library;
            let kes = library.entity(library.entity_by_id("kes").unwrap());
            assert_eq!(
                (kes.name.as_str(), kes.summary.as_str(), kes.kind),
                ("Kestrel", "S.", Kind::Company),
                "{names:?}"
            );
        }
    }

    #[test]
    fn one_relation_stated_twice_knows_both_briefings() {
        let ents = r#""entities": [{"id": "kes", "kind": "company", "name": "Kestrel"}, {"id": "ora", "kind": "company", "name": "Ora"}]"#;
        let rel = r#""relations": [{"from": "kes", "type": "rival_of", "to": "ora", "label": "rival of", "inverse": "rival of"}]"#;
        let a = story("a", "Kestrel and Ora.", &format!(", {ents}, {rel}"));
        let b = story("b", "Ora and Kestrel.", &format!(r#", "entities": [{{"id": "kes"}}, {{"id": "ora"}}], {rel}"#));
        let library = load_sources(&inputs(&[("a.json", a), ("b.json", b)]), Options::default()).unwrap().library;
        assert_eq!(library.relation_count(), 1);
        let stated: Vec<_> = library
            .relations()
            .next()
            .unwrap()
            .sources
            .iter()
            .map(|s| library.briefing(s.briefing).id.as_str())
            .collect();
        assert_eq!(stated, ["a", "b"]);
    }

    #[test]
    fn two_figures_with_one_display_each_link_where_they_are_stated() {
        let figure = |id: &str, p: usize| {
            format!(
                r#"{{"id": "{id}", "value": 5, "unit": "percent", "display": "5%", "measures": "m", "about": ["kes"],
                "stated_in": {{"section": 0, "paragraph": {p}}}}}"#
            )
        };
        let text = format!(
            r#"{{"id": "a", "headline": "H", "source": {{"publication": "p", "title": "t", "date": "d"}},
                "sections": [{{"paragraphs": ["Kestrel rose 5%.", "Ora fell 5%."]}}],
                "entities": [{{"id": "kes", "kind": "company", "name": "Kestrel"}}],
                "figures": [{}, {}]}}"#,
            figure("rise", 0),
            figure("fall", 1)
        );
        let library = load_sources(&inputs(&[("a.json", text)]), Options::default()).unwrap().library;
        assert_eq!(linked(&library, "a", "rise"), ["5%"]);
        assert_eq!(linked(&library, "a", "fall"), ["5%"], "the second figure is linked in its own paragraph");
    }
}
