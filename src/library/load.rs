//! Reading a library from disk (the only file I/O of the domain) and parsing its files.
//!
//! Every file is read and parsed even when others fail, so one bad file never hides the
//! problems of the rest; the caller gets either a library or every diagnostic at once.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::error::Category;
use serde_path_to_error::Segment;

use super::diagnostic::{Diagnostic, Position, position_of};
use serde::de::DeserializeOwned;

use super::format::{BriefingFile, EntitiesFile};
use super::input::{Content, Input, Options, Parsed, is_briefing_name, is_shared_entities, read_limited};
use super::locate::{Step, locate_steps};
use super::parallel;
use super::scan::Scan;
use super::store::Library;
use super::validate;

pub use super::input::MAX_FILE_BYTES;

/// A library that loaded, with the warnings found on the way.
#[derive(Debug)]
pub struct Loaded {
    /// The library.
    pub library: Library,
    /// Problems that do not stop loading.
    pub warnings: Vec<Diagnostic>,
}

/// The library did not load: every problem found, errors and warnings: files that could not
/// be read first, then the problems of each file in input order.
#[derive(Debug, thiserror::Error)]
#[error("{}", report(diagnostics))]
pub struct LoadError {
    /// All diagnostics; at least one is an error.
    pub diagnostics: Vec<Diagnostic>,
}

/// Every diagnostic on its own line, then the count of errors.
fn report(diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let lines: String = diagnostics.iter().map(|d| format!("{d}\n")).collect();
    format!("{lines}{errors} error{} in the library", if errors == 1 { "" } else { "s" })
}

/// Reads and loads the library in `dir`. Each file is read and parsed on a worker thread
/// and its bytes are dropped as soon as it parses: holding every file's bytes through
/// validation was a large share of a big library's load time (fresh pages to fault in) and
/// of its peak memory. A problem found later re-reads its file to say where it is.
/// It runs on the memory pages that suit its size (see `library::pages`).
pub fn load_dir(dir: &Path, options: Options) -> Result<Loaded, LoadError> {
    let ReadApart { mut unreadable, loaded, .. } = load_dir_apart(dir, options);
    if unreadable.is_empty() {
        return loaded;
    }
    unreadable.extend(loaded.map_or_else(|error| error.diagnostics, |loaded| loaded.warnings));
    Err(LoadError { diagnostics: unreadable })
}

/// A directory loaded with what could not be read kept apart: `check` reports those
/// problems and still checks the files it read as a library.
#[derive(Debug)]
pub struct ReadApart {
    /// A directory that could not be listed or holds no briefing files, or files that could
    /// not be read at all.
    pub unreadable: Vec<Diagnostic>,
    /// How many files were read.
    pub read: usize,
    /// The library of the files read, or every problem that keeps it from loading.
    pub loaded: Result<Loaded, LoadError>,
}

/// [`load_dir`], keeping the files that could not be read apart from the library of the
/// others, which is loaded all the same.
pub fn load_dir_apart(dir: &Path, options: Options) -> ReadApart {
    let (entries, unreadable) = match library_entries(dir) {
        Ok(entries) => (entries, Vec::new()),
        Err(problem) => (Vec::new(), vec![problem]),
    };
    // What the directory says of the files' sizes (a symlink's own), summed only as far as
    // choosing the page size needs.
    let mut bytes = 0;
    for entry in &entries {
        if super::pages::large(bytes) {
            break;
        }
        bytes += entry.metadata().map_or(0, |m| m.len());
    }
    let paths = entries.iter().map(fs::DirEntry::path).collect();
    super::pages::for_load(bytes, || load_paths(paths, unreadable, options))
}

/// Loads the files `paths`, adding those that cannot be read to `unreadable`.
fn load_paths(paths: Vec<PathBuf>, mut unreadable: Vec<Diagnostic>, options: Options) -> ReadApart {
    let inputs: Vec<Input> = paths.iter().map(|p| Input { path: p.clone(), bytes: Cow::Borrowed(&[]) }).collect();
    let mut builder = validate::Builder::new(&inputs, []);
    let (mut diagnostics, mut read) = (Vec::new(), 0);
    parallel::in_order(
        paths.iter().enumerate(),
        |(file, path)| read_and_check(&inputs, file, path),
        |file, outcome| {
            read += usize::from(outcome.is_ok());
            match outcome {
                Err(Unreadable(problem)) => unreadable.push(problem),
                Ok(Err(problem)) => diagnostics.push(problem),
                Ok(Ok(Checked { content, found })) => builder.declare(Parsed { file, text: None, content }, found),
            }
        },
    );
    let (library, found) = builder.finish(options);
    diagnostics.extend(found);
    in_file_order(&inputs, &mut diagnostics);
    let loaded = if diagnostics.iter().any(Diagnostic::is_error) {
        Err(LoadError { diagnostics })
    } else {
        Ok(Loaded { library, warnings: diagnostics })
    };
    ReadApart { unreadable, read, loaded }
}

/// A file that could not be read at all (as opposed to one that does not parse).
struct Unreadable(Diagnostic);

/// A file parsed and put through the rules on it alone, on the worker that read it.
struct Checked {
    content: Content,
    /// What [`validate::check_alone`] found.
    found: Vec<Diagnostic>,
}

/// Reads file `file` and parses it, then runs the rules on it alone while its text is
/// still at hand; only the result is kept, its bytes are dropped.
fn read_and_check(inputs: &[Input], file: usize, path: &Path) -> Result<Result<Checked, Diagnostic>, Unreadable> {
    let input = read_file(path.to_path_buf()).map_err(Unreadable)?;
    Ok(parse_and_check(inputs, file, &input).map(|(_, content, found)| Checked { content, found }))
}

/// Parses file `file` of `inputs`, whose bytes are `input`'s, and runs the rules on it
/// alone: its text, what it holds (its lists without slack), and what the rules found.
fn parse_and_check<'a>(
    inputs: &[Input],
    file: usize,
    input: &'a Input,
) -> Result<(&'a str, Content, Vec<Diagnostic>), Diagnostic> {
    let (text, mut content) = parse(input)?;
    let found = validate::check_alone(inputs, file, text, &mut content, Scan::of(text));
    without_slack(&mut content);
    Ok((text, content, found))
}

/// Gives back the slack of a parsed file's lists. serde grows each list by doubling, and
/// every file is held from its parse until its story is resolved, so up to half of each
/// list's buffer was held for nothing through the whole load. (A file's entity entries are
/// freed once they are declared.)
fn without_slack(content: &mut Content) {
    if let Content::Briefing(briefing) = content {
        briefing.sections.shrink_to_fit();
        for section in &mut briefing.sections {
            section.paragraphs.shrink_to_fit();
        }
        briefing.figures.shrink_to_fit();
        briefing.relations.shrink_to_fit();
        briefing.events.shrink_to_fit();
    }
}

/// Reads every `*.json` file of `dir`, in name order, reporting those it cannot read.
pub fn read_dir(dir: &Path) -> (Vec<Input>, Vec<Diagnostic>) {
    let paths = match json_files(dir) {
        Ok(paths) => paths,
        Err(problem) => return (Vec::new(), vec![problem]),
    };
    let mut diagnostics = Vec::new();
    let inputs = paths.into_iter().filter_map(|p| read_file(p).map_err(|d| diagnostics.push(d)).ok()).collect();
    (inputs, diagnostics)
}

/// The briefing files of `dir` in name order: `*.json`, not hidden (see
/// [`is_briefing_name`]), not directories; an unreadable or empty directory is a problem.
pub(crate) fn json_files(dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    Ok(library_entries(dir)?.iter().map(fs::DirEntry::path).collect())
}

/// The directory entries of the library files in `dir`, in name order: what
/// [`json_files`] lists, with what the directory already says about each, so that a
/// caller stamping thousands of files looks each up by name in the directory it has open
/// rather than by a whole path.
pub(crate) fn library_entries(dir: &Path) -> Result<Vec<fs::DirEntry>, Diagnostic> {
    let entries = fs::read_dir(dir).map_err(|e| Diagnostic::error(dir, None, format!("cannot read directory: {e}")))?;
    let is_dir = |entry: &fs::DirEntry| match entry.file_type() {
        Ok(kind) if !kind.is_symlink() => kind.is_dir(),
        _ => entry.path().is_dir(),
    };
    let mut found: Vec<fs::DirEntry> = entries
        .filter_map(Result::ok)
        .filter(|entry| is_briefing_name(&entry.file_name().to_string_lossy()) && !is_dir(entry))
        .collect();
    found.sort_by_cached_key(fs::DirEntry::file_name);
    if found.is_empty() {
        return Err(Diagnostic::error(dir, None, "no briefing files (*.json) in directory"));
    }
    Ok(found)
}

/// Reads one file of a library, refusing anything but a regular file within the size limit.
pub fn read_file(path: PathBuf) -> Result<Input, Diagnostic> {
    match read_limited(&path) {
        Ok(bytes) => Ok(Input { path, bytes: Cow::Owned(bytes) }),
        Err(message) => Err(Diagnostic::error(&path, None, message)),
    }
}

/// Parses and validates `inputs` into a library, on the memory pages that suit its size
/// (see `library::pages`).
pub fn load_sources(inputs: &[Input], options: Options) -> Result<Loaded, LoadError> {
    let bytes = inputs.iter().map(|input| input.bytes.len() as u64).sum();
    super::pages::for_load(bytes, || load_sources_now(inputs, options))
}

fn load_sources_now(inputs: &[Input], options: Options) -> Result<Loaded, LoadError> {
    let parsed = parallel::map(inputs.iter().enumerate(), |(file, input)| {
        parse_and_check(inputs, file, input)
            .map(|(text, content, found)| (Parsed { file, text: Some(text), content }, found))
    });
    finish(inputs, parsed, options)
}

/// Validates the parsed files; collects every diagnostic, parse errors included.
fn finish<'a>(
    inputs: &'a [Input],
    parsed: Vec<Result<(Parsed<'a>, Vec<Diagnostic>), Diagnostic>>,
    options: Options,
) -> Result<Loaded, LoadError> {
    let mut diagnostics = Vec::new();
    let parsed = parsed.into_iter().filter_map(|r| r.map_err(|d| diagnostics.push(d)).ok()).collect();
    let (library, found) = validate::build(inputs, parsed, options);
    diagnostics.extend(found);
    in_file_order(inputs, &mut diagnostics);
    if diagnostics.iter().any(Diagnostic::is_error) {
        Err(LoadError { diagnostics })
    } else {
        Ok(Loaded { library, warnings: diagnostics })
    }
}

/// Groups diagnostics by file, in input order, keeping each file's own order: parse errors
/// and validation problems are found in separate passes, but a reader fixes file by file.
fn in_file_order(inputs: &[Input], diagnostics: &mut [Diagnostic]) {
    let order: HashMap<&Path, usize> = inputs.iter().enumerate().map(|(i, input)| (input.path.as_path(), i)).collect();
    diagnostics.sort_by_key(|d| order.get(d.file.as_path()).copied().unwrap_or(usize::MAX));
}

/// Parses a briefing file on its own, without validating it against a library.
pub fn parse_briefing(input: &Input) -> Result<BriefingFile, Diagnostic> {
    parse_as::<BriefingFile>(input).map(|(_, briefing)| briefing)
}

/// Parses one file, a briefing or a shared entities file by its name.
fn parse(input: &Input) -> Result<(&str, Content), Diagnostic> {
    if is_shared_entities(&input.path) {
        parse_as::<EntitiesFile>(input).map(|(text, f)| (text, Content::Entities(f)))
    } else {
        parse_as::<BriefingFile>(input).map(|(text, f)| (text, Content::Briefing(Box::new(f))))
    }
}

/// Parses one file as a `T`, naming the JSON path and position of the first problem.
fn parse_as<T: DeserializeOwned>(input: &Input) -> Result<(&str, T), Diagnostic> {
    let text = std::str::from_utf8(&input.bytes).map_err(|e| {
        let at = position_of(&String::from_utf8_lossy(&input.bytes[..e.valid_up_to()]), e.valid_up_to());
        let byte = input.bytes[e.valid_up_to()];
        Diagnostic::error(
            &input.path,
            Some(at),
            format!("invalid UTF-8: byte 0x{byte:02x} at offset {}", e.valid_up_to()),
        )
    })?;
    // Editors on some systems save UTF-8 with a byte-order mark; JSON allows a reader to
    // skip it, and refusing it would only say "expected value" at 1:1.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    not_an_array(input, text)?;
    // Tracking the JSON path costs a quarter of the parse, and only a failed parse needs
    // it: parse plainly, and parse again with tracking to describe a failure.
    match serde_json::from_str(text) {
        Ok(content) => Ok((text, content)),
        Err(_) => Err(describe_failure::<T>(input, text)),
    }
}

/// Parses a file known to be bad again, tracking the JSON path, to say where and why.
fn describe_failure<T: DeserializeOwned>(input: &Input, text: &str) -> Diagnostic {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
        Err(e) => data_error(input, text, &e),
        Ok(_) => match deserializer.end() {
            Err(e) => parse_error(input, "", &e, None),
            Ok(()) => Diagnostic::error(&input.path, None, "the file could not be parsed"),
        },
    }
}

/// A problem with a value is placed at the start of that value, found from its JSON path,
/// as validation problems are: serde stops at the token's last character, or at the space
/// before an object or array. A missing field is placed at the start of the object that
/// lacks it (serde stops at its closing brace, possibly pages later); a repeated key and a
/// number too large to hold are placed at their own start, which serde's place is past.
fn data_error(input: &Input, text: &str, e: &serde_path_to_error::Error<serde_json::Error>) -> Diagnostic {
    let inner = e.inner();
    let message = inner.to_string();
    let start = match inner.classify() {
        _ if message.starts_with("duplicate field") => repeated_key_start(text, inner),
        Category::Syntax if message.starts_with("number out of range") => number_start(text, inner),
        Category::Data => value_start(text, e.path()),
        _ => None,
    };
    parse_error(input, &e.path().to_string(), inner, start)
}

/// serde stops at the closing quote of a repeated key; an editor should land on the key.
fn repeated_key_start(text: &str, inner: &serde_json::Error) -> Option<Position> {
    let closing = offset_at(text, inner.line(), inner.column())?;
    text[..closing].rfind('"').map(|open| position_of(text, open))
}

/// serde reports a number it cannot hold (`1e400`) at the number's last character; the
/// number starts where the run of number characters before it does.
fn number_start(text: &str, inner: &serde_json::Error) -> Option<Position> {
    let last = offset_at(text, inner.line(), inner.column())?;
    let start = text[..last].rfind(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E')));
    Some(position_of(text, start.map_or(0, |i| i + 1)))
}

/// The byte offset of serde's 1-based line and column (columns count bytes), if in `text`.
fn offset_at(text: &str, line: usize, column: usize) -> Option<usize> {
    let line_start = if line <= 1 { 0 } else { text.match_indices('\n').nth(line - 2)?.0 + 1 };
    let offset = line_start + column.checked_sub(1)?;
    (offset <= text.len() && text.is_char_boundary(offset)).then_some(offset)
}

/// The position of the value a serde path leads to, when the text has it.
fn value_start(text: &str, path: &serde_path_to_error::Path) -> Option<Position> {
    let steps = path
        .iter()
        .map(|segment| match segment {
            Segment::Seq { index } => Some(Step::Index(*index)),
            Segment::Map { key } => Some(Step::Key(key)),
            Segment::Enum { .. } | Segment::Unknown => None,
        })
        .collect::<Option<Vec<_>>>()?;
    locate_steps(text, steps).map(|offset| position_of(text, offset))
}

/// serde would read a top-level array as the briefing's fields in order and then say
/// "expected struct BriefingFile with 9 elements"; a file holds one object, so say that.
fn not_an_array(input: &Input, text: &str) -> Result<(), Diagnostic> {
    let start = text.len() - text.trim_start_matches([' ', '\n', '\r', '\t']).len();
    if !text[start..].starts_with('[') {
        return Ok(());
    }
    let message = "a briefing file holds one JSON object `{ … }`, not an array";
    Err(Diagnostic::error(&input.path, Some(position_of(text, start)), message))
}

/// A diagnostic for a serde error at `path`, placed at `start` when known, else where serde
/// stopped.
fn parse_error(input: &Input, path: &str, inner: &serde_json::Error, start: Option<Position>) -> Diagnostic {
    let stopped = Position { line: inner.line().max(1), column: inner.column().max(1) };
    let what = strip_position(&inner.to_string());
    let message = match inner.classify() {
        Category::Eof => format!("truncated JSON: {what}"),
        Category::Syntax => format!("malformed JSON: {what}"),
        Category::Data | Category::Io => format!("`{}`: {}", display_path(path), plain_types(&what)),
    };
    Diagnostic::error(&input.path, Some(start.unwrap_or(stopped)), message)
}

/// serde_json appends " at line L column C"; the diagnostic already says where.
fn strip_position(message: &str) -> String {
    message.rfind(" at line ").map_or(message, |i| &message[..i]).to_string()
}

/// Rust's names for JSON types, as serde writes them, and the words authors know.
const TYPE_WORDS: &[(&str, &str)] = &[
    ("expected f64", "expected a number"),
    ("expected u32", "expected a whole number, 0 or more"),
    ("expected usize", "expected a whole number, 0 or more"),
    ("expected a sequence", "expected an array"),
    ("invalid type: sequence", "invalid type: array"),
    ("invalid type: map", "invalid type: object"),
    ("expected struct BriefingFile", "expected a briefing object"),
    ("expected struct EntitiesFile", "expected an object with `entities`"),
];

/// Rewrites serde's type names in `message` ("expected f64", "expected struct SourceFile")
/// in JSON's terms, since authors write JSON, not Rust.
fn plain_types(message: &str) -> String {
    let mut plain = TYPE_WORDS.iter().fold(message.to_string(), |m, (rust, json)| m.replace(rust, json));
    if let Some(at) = plain.find("expected struct ") {
        let name_end = plain[at + 16..].find(|c: char| !c.is_alphanumeric()).map_or(plain.len(), |i| at + 16 + i);
        plain.replace_range(at..name_end, "expected an object");
    }
    plain
}

fn display_path(path: &str) -> &str {
    if path.is_empty() { "." } else { path }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(name: &str, text: &[u8]) -> Input {
        Input { path: PathBuf::from(name), bytes: Cow::Owned(text.to_vec()) }
    }

    fn messages(inputs: &[Input]) -> Vec<String> {
        load_sources(inputs, Options::default()).unwrap_err().diagnostics.iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let mut bytes = b"\xef\xbb\xbf".to_vec();
        bytes.extend_from_slice(b"{\"id\": \"a\"}");
        assert_eq!(
            messages(&[input("a.json", &bytes)]),
            ["a.json:1:1: error: `.`: missing field `headline`"],
            "at the object that lacks it"
        );
    }

    #[test]
    fn a_top_level_array_is_named_as_such() {
        assert_eq!(
            messages(&[input("a.json", b"\n  [\"a\", \"b\"]")]),
            ["a.json:2:3: error: a briefing file holds one JSON object `{ … }`, not an array"]
        );
    }

    #[test]
    fn a_wrong_type_points_at_the_value_in_json_terms() {
        let text = b"{\n  \"id\": \"a\",\n  \"headline\": \"A\",\n  \"source\": \"x\"\n}";
        assert_eq!(
            messages(&[input("a.json", text)]),
            ["a.json:4:13: error: `source`: invalid type: string \"x\", expected an object"]
        );
    }

    #[test]
    fn rust_type_names_become_json_words() {
        assert_eq!(
            plain_types("invalid type: string \"3\", expected f64"),
            "invalid type: string \"3\", expected a number"
        );
        assert_eq!(plain_types("invalid type: map, expected a sequence"), "invalid type: object, expected an array");
        assert_eq!(
            plain_types("invalid type: null, expected struct PlaceFile"),
            "invalid type: null, expected an object"
        );
        assert_eq!(plain_types("unknown field `x`"), "unknown field `x`");
    }

    #[test]
    fn diagnostics_come_in_file_order() {
        let pin = br#"{"id": "a", "headline": "A", "source": {"publication": "p", "title": "t", "date": "d"},
            "sections": [{"paragraphs": ["[[x|nope]]"]}]}"#;
        let found = messages(&[input("a.json", pin), input("b.json", b"{")]);
        assert!(found[0].starts_with("a.json:"), "{found:?}");
        assert!(found[1].starts_with("b.json:"), "{found:?}");
    }
}
