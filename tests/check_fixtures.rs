//! `briefing check` on the fixture libraries in `tests/fixtures/`: every bad-input case must
//! print exactly its diagnostics (file, line, column, message) and exit 1 without panicking;
//! warning cases print their warnings and exit 0; the valid library checks clean.
//!
//! Cases that git cannot store (an empty directory, a file over the size limit) are built in
//! a temporary directory by the test itself.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture or pty")]

#[path = "support/isolated.rs"]
mod isolated;

use std::fs;
use std::path::{Path, PathBuf};

use briefing::library::load::MAX_FILE_BYTES;
use briefing::library::{Options, load_dir};

/// Each invalid case: its directory under `tests/fixtures/invalid/` and the full output of
/// `check`, with `{dir}` standing for the case's directory as passed on the command line.
const INVALID: &[(&str, &[&str])] = &[
    (
        "bad-date",
        &[
            "{dir}/deal.json:3:11: error: `date`: `2031-02-30` is not a date: write a real day as YYYY-MM-DD",
            "{dir}/deal.json:32:15: error: `events[0].date`: `2031-13-45` is not a date: write a real day as YYYY-MM-DD",
            "{dir}/deal.json:37:15: error: `events[1].date`: `2031-05` is not a date: write a real day as YYYY-MM-DD",
            "checked 1 file: 3 errors, 0 warnings",
        ],
    ),
    (
        "bad-pin-markup",
        &[
            "{dir}/deal.json:5:46: error: `sections[0].paragraphs[0]`: pin `[[the firm]]` has no `|`: write \
             `[[text|entity-id]]` or `[[text|-]]`",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "bidirectional-override",
        &[
            "{dir}/deal.json:8:74: error: `entities[1].role`: U+202E (bidirectional control) in text: a \
             terminal would act on it rather than show it",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "blank-paragraph",
        &[
            "{dir}/deal.json:5:67: error: `sections[0].paragraphs[1]`: empty paragraph",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "conflicting-kind",
        &[
            "{dir}/a-deal.json:8:29: error: `entities[1].kind`: `bolt` has kind `company` here but `product` at {dir}/b-bolt.json:7:29: an entity has one kind",
            "{dir}/b-bolt.json:7:29: error: `entities[0].kind`: `bolt` has kind `product` here but `company` at {dir}/a-deal.json:8:29: an entity has one kind",
            "checked 2 files: 2 errors, 0 warnings",
        ],
    ),
    (
        "control-character",
        &[
            "{dir}/deal.json:3:30: error: `headline`: U+001B (escape) in text: a terminal would act on it \
             rather than show it",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "control-character-in-paragraph",
        &[
            "{dir}/deal.json:5:38: error: `sections[0].paragraphs[0]`: U+0000 (null) in text: a terminal \
             would act on it rather than show it",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "dangling-about",
        &[
            "{dir}/deal.json:18:25: error: `figures[0].about[1]`: unknown id `zeta-corp`",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "dangling-pin",
        &[
            "{dir}/deal.json:5:46: error: `sections[0].paragraphs[0]`: unknown id `blot` (did you mean `bolt`?)",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "dangling-relation",
        &[
            "{dir}/deal.json:11:45: error: `relations[0].to`: unknown id `blot` (did you mean `bolt`?)",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "duplicate-about",
        &[
            "{dir}/deal.json:18:33: error: `figures[0].about[2]`: `bolt` is listed twice",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "duplicate-briefing-id",
        &[
            "{dir}/b-deal.json:2:9: error: `id`: duplicate briefing id `acme-deal`, already used at {dir}/a-deal.json:2:9",
            "checked 2 files: 1 error, 0 warnings",
        ],
    ),
    (
        "duplicate-event-entity",
        &[
            "{dir}/deal.json:22:84: error: `events[0].entities[2]`: `acme` is listed twice",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "duplicate-fact",
        &[
            "{dir}/deal.json:11:58: error: `entities[0].facts[1]`: fact `Founded: 1990` is listed twice",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "duplicate-figure-id",
        &[
            "{dir}/b-rival.json:12:13: error: `figures[0].id`: duplicate id `bolt-price`, already declared at \
             {dir}/a-deal.json:11:5",
            "checked 2 files: 1 error, 0 warnings",
        ],
    ),
    (
        "duplicate-id",
        &[
            "{dir}/deal.json:9:13: error: `entities[2].id`: duplicate id `acme`, already declared at {dir}/deal.json:7:5",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "duplicate-key",
        &["{dir}/deal.json:4:3: error: `.`: duplicate field `headline`", "checked 1 file: 1 error, 0 warnings"],
    ),
    (
        "empty-name",
        &[
            "{dir}/deal.json:8:48: error: `entities[1].name`: empty name for `bolt`",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "empty-source-field",
        &[
            "{dir}/deal.json:4:50: error: `source.title`: empty title: say where the story comes from",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "errors-and-warnings",
        &[
            "{dir}/a-deal.json:32:13: error: `relations[0].to`: unknown id `zeta`",
            "{dir}/b-carr.json:20:5: warning: `entities[1]`: `carr` (Carr) is never mentioned in a story",
            "checked 2 files: 1 error, 1 warning",
        ],
    ),
    (
        "figure-display-absent",
        &[
            "{dir}/deal.json:19:20: error: `figures[0].stated_in`: display `$3 million` does not appear in section 0 \
             paragraph 0",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "figure-display-ambiguous",
        &[
            "{dir}/deal.json:14:39: error: `figures[0].display`: display `5%` appears in 2 paragraphs (section 0 \
             paragraph 0; section 0 paragraph 1): give `stated_in` to say which states it",
            "{dir}/deal.json:15:38: error: `figures[1].display`: display `$3 million` appears in no paragraph of the \
             story: write it as the story does",
            "checked 1 file: 2 errors, 0 warnings",
        ],
    ),
    (
        "figure-kind-entity",
        &[
            "{dir}/deal.json:8:35: error: `entities[1].kind`: kind `figure` is reserved for entries of `figures`",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "figure-shorthand-disagrees",
        &[
            "{dir}/deal.json:14:15: error: `figures[0].unit`: display `over $3 million` is in USD, but unit is `EUR`",
            "{dir}/deal.json:15:20: error: `figures[0].qualifier`: display `over $3 million` reads as `over`, but \
             qualifier is `exact`",
            "{dir}/deal.json:19:34: error: `figures[1].display`: display `a record` states no number: give `value`",
            "{dir}/deal.json:19:34: error: `figures[1].display`: display `a record` names no unit: give `unit`",
            "checked 1 file: 4 errors, 0 warnings",
        ],
    ),
    (
        "figure-stated-in-out-of-range",
        &[
            "{dir}/deal.json:19:20: error: `figures[0].stated_in`: no paragraph 1 in section 0: it has 1 paragraph, \
             numbered from 0",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "figure-value-mismatch",
        &[
            "{dir}/deal.json:16:18: error: `figures[0].display`: display `$3 million` states 3 but value is 30",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "figure-wrong-scale",
        &[
            "{dir}/deal.json:16:18: error: `figures[0].display`: display `$3 million` is in millions but scale is billions",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "invalid-id",
        &[
            "{dir}/deal.json:7:13: error: `entities[0].id`: invalid id `Acme Corp`: use lowercase letters, digits and `-`",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "invalid-utf8",
        &["{dir}/deal.json:3:19: error: invalid UTF-8: byte 0xe9 at offset 41", "checked 1 file: 1 error, 0 warnings"],
    ),
    (
        "malformed-json",
        &["{dir}/deal.json:4:3: error: malformed JSON: expected `,` or `}`", "checked 1 file: 1 error, 0 warnings"],
    ),
    (
        "missing-field",
        &["{dir}/deal.json:4:13: error: `source`: missing field `title`", "checked 1 file: 1 error, 0 warnings"],
    ),
    (
        "name-conflict",
        &[
            "{dir}/a-deal.json:20:15: error: `entities[0].name`: `acme` has name `Acme` here but `Acme Corp` at {dir}/b-rival.json:20:15: an entry may leave `name` out, or repeat it exactly; list other forms under `aliases`",
            "{dir}/b-rival.json:20:15: error: `entities[0].name`: `acme` has name `Acme Corp` here but `Acme` at {dir}/a-deal.json:20:15: an entry may leave `name` out, or repeat it exactly; list other forms under `aliases`",
            "checked 2 files: 2 errors, 0 warnings",
        ],
    ),
    (
        "negative-value",
        &[
            "{dir}/deal.json:12:16: error: `figures[0].value`: value -3 is negative: write the magnitude and set `sign`",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "nested-pin",
        &[
            "{dir}/deal.json:5:65: error: `sections[0].paragraphs[0]`: a pin inside a pin: pins do not nest; \
             write `[[text|entity-id]]` around plain text",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "no-cascade",
        &[
            "{dir}/deal.json:25:15: error: `entities[1].name`: empty name for `bolt`",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "number-out-of-range",
        &["{dir}/deal.json:13:16: error: malformed JSON: number out of range", "checked 1 file: 1 error, 0 warnings"],
    ),
    (
        "object-as-array",
        &[
            "{dir}/deal.json:4:13: error: `source`: invalid type: array, expected an object",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "pin-in-heading",
        &[
            "{dir}/deal.json:5:34: error: `sections[0].heading`: pins `[[…]]` are read only in paragraphs; \
             here it would show as written",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "pin-outside-paragraph",
        &[
            "{dir}/deal.json:4:28: error: `dek`: pins `[[…]]` are read only in paragraphs; here it would show \
             as written",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "place-as-array",
        &[
            "{dir}/deal.json:19:20: error: `figures[0].stated_in`: invalid type: array, expected an object",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "punctuation-name",
        &[
            "{dir}/deal.json:8:68: error: `entities[1].aliases[0]`: name `.` has no letter or digit: it would \
             link every `.` in the stories",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "referred-only",
        &[
            "{dir}/deal.json:17:5: error: `entities[0]`: `acme` is referred to, but no entry in the library gives it a `kind`: declare it once",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "relation-rules",
        &[
            "{dir}/a-deal.json:33:13: error: `relations[0].to`: relation `owns` links `acme` to itself",
            "{dir}/a-deal.json:44:5: error: `relations[2]`: relation `acme` `buys` → `bolt` is stated twice in this file (also relations[1])",
            "{dir}/a-deal.json:57:20: error: `relations[3].stated_in`: section 0 paragraph 1 does not mention `acme`, `bolt`",
            "{dir}/a-deal.json:64:15: error: `relations[4].type`: relation type `Supplies` is not snake_case (e.g. `ceo_of`)",
            "{dir}/b-rival.json:29:16: error: `relations[0].label`: relation `buys` is labelled `acquired` / `acquired by` here but `buys` / `bought by` at {dir}/a-deal.json:37:5: word it one way",
            "checked 2 files: 5 errors, 0 warnings",
        ],
    ),
    (
        "relation-type-without-labels",
        &[
            "{dir}/deal.json:11:31: error: `relations[0].type`: relation type `lent_to` has no standard labels: give \
             `inverse` (types with standard labels: based_in, built_from, capital_of, caused, ceo_of, chair_of, \
             customer_of, founder_of, head_of, imposed, investor_in, located_in, made_by, maker_of, market_of, \
             member_of, met, owned_by, owner_of, part_of, partner_of, regulates, reported, restricted_by, rival_of, \
             subsidiary_of, successor_of, supplier_to, trained_on, uses, works_for)",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "revises-not-figure",
        &[
            "{dir}/deal.json:43:18: error: `figures[0].revises`: `bolt` is not a figure: a figure revises an earlier figure",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "summary-conflict",
        &[
            "{dir}/a-deal.json:21:18: error: `entities[0].summary`: `acme` has summary `Acme makes anvils.` here but `Acme sells rockets.` at {dir}/b-rival.json:19:18: give it in one entry only, or word it the same everywhere",
            "{dir}/b-rival.json:19:18: error: `entities[0].summary`: `acme` has summary `Acme sells rockets.` here but `Acme makes anvils.` at {dir}/a-deal.json:21:18: give it in one entry only, or word it the same everywhere",
            "checked 2 files: 2 errors, 0 warnings",
        ],
    ),
    (
        "truncated-json",
        &[
            "{dir}/deal.json:6:1: error: truncated JSON: EOF while parsing a list",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "two-bad-files",
        &[
            "{dir}/a-deal.json:5:46: error: `sections[0].paragraphs[0]`: unknown id `blot` (did you mean `bolt`?)",
            "{dir}/b-broken.json:6:68: error: malformed JSON: trailing comma",
            "checked 2 files: 2 errors, 0 warnings",
        ],
    ),
    (
        "unclosed-pin",
        &[
            "{dir}/deal.json:12:15: error: `sections[0].paragraphs[0]`: unclosed `[[`: a pin reads `[[text|entity-id]]`",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "unit-disagrees-with-display",
        &[
            "{dir}/deal.json:16:18: error: `figures[0].display`: display `$3 million` does not read as a \
             percentage, but unit is `percent`",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "unknown-field",
        &[
            "{dir}/deal.json:7:65: error: `entities[0].alias`: unknown field `alias`, expected one of `id`, `kind`, \
             `name`, `aliases`, `native_name`, `role`, `summary`, `facts`",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
    (
        "wrong-type",
        &[
            "{dir}/deal.json:10:16: error: `figures[0].value`: invalid type: string \"3\", expected a number",
            "checked 1 file: 1 error, 0 warnings",
        ],
    ),
];

/// Each warning case under `tests/fixtures/warnings/`, as for [`INVALID`].
const WARNINGS: &[(&str, &[&str])] = &[
    (
        "scoped-alias",
        &[
            "{dir}/a-deal.json:22:9: warning: `entities[0].aliases[0]`: alias `ACM` of `acme` links only in this briefing's story, but `acme-note` also names `acme` and writes `ACM` unlinked: move the alias to the shared entities file, or add it to that briefing's entry",
            "checked 2 briefings, 2 entities, 0 relations: 0 errors, 1 warning",
        ],
    ),
    (
        "shared-alias",
        &[
            "{dir}/deal.json:8:68: warning: `entities[1].aliases[0]`: alias `ABC` of `bolt` is also a name or alias of \
             `acme`; it links to `acme`",
            "checked 1 briefing, 2 entities, 0 relations: 0 errors, 1 warning",
        ],
    ),
    (
        "unmentioned-alias",
        &[
            "{dir}/deal.json:7:68: warning: `entities[0].aliases[0]`: alias `Acme Corp` of `acme` is never mentioned",
            "checked 1 briefing, 2 entities, 0 relations: 0 errors, 1 warning",
        ],
    ),
    (
        "unmentioned-entity",
        &[
            "{dir}/deal.json:9:5: warning: `entities[2]`: `carr` (Carr) is never mentioned in a story",
            "checked 1 briefing, 3 entities, 0 relations: 0 errors, 1 warning",
        ],
    ),
];

/// What one run of `briefing check` did.
#[derive(Debug)]
struct Checked {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `briefing check --content DIR` from the repository root, so relative fixture paths
/// are printed as given.
fn check(dir: &Path) -> Checked {
    let output = isolated::briefing()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "--content"])
        .arg(dir)
        .output()
        .expect("the briefing binary runs");
    Checked {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// The expected output of a case: its lines with `{dir}` filled in, each ending in a newline.
fn expected(dir: &Path, lines: &[&str]) -> String {
    lines.iter().map(|line| line.replace("{dir}", &dir.display().to_string()) + "\n").collect()
}

/// Checks each case in `dir`, returning a description of every mismatch.
fn mismatches(kind: &str, cases: &[(&str, &[&str])], code: i32) -> Vec<String> {
    let mut problems = Vec::new();
    for (case, lines) in cases {
        let dir = Path::new("tests/fixtures").join(kind).join(case);
        let run = check(&dir);
        let want = expected(&dir, lines);
        if run.code != Some(code) || run.stdout != want || !run.stderr.is_empty() {
            problems.push(format!(
                "{kind}/{case}: exit {:?} (want {code})\n--- stdout\n{}--- want\n{want}--- stderr\n{}",
                run.code, run.stdout, run.stderr
            ));
        }
    }
    problems
}

fn case_dirs(kind: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(kind);
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("fixture directory exists")
        .map(|entry| entry.expect("readable entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn every_invalid_case_prints_exactly_its_errors_and_exits_1() {
    let problems = mismatches("invalid", INVALID, 1);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_warning_case_prints_its_warnings_and_exits_0() {
    let problems = mismatches("warnings", WARNINGS, 0);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_fixture_directory_has_a_case() {
    let names = |cases: &[(&str, &[&str])]| cases.iter().map(|(name, _)| name.to_string()).collect::<Vec<_>>();
    assert_eq!(case_dirs("invalid"), names(INVALID));
    assert_eq!(case_dirs("warnings"), names(WARNINGS));
}

#[test]
fn the_valid_library_checks_clean() {
    let run = check(Path::new("tests/fixtures/valid/two-briefings"));
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stdout, "checked 2 briefings, 6 entities, 3 relations: 0 errors, 0 warnings\n");
    assert_eq!(run.stderr, "");
}

/// A temporary library holding a copy of the docs example.
fn library_with_example() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/two-briefings/kestrel-fab.json");
    fs::copy(example, dir.path().join("kestrel-fab.json")).expect("copy the example");
    dir
}

#[test]
fn a_file_over_the_size_limit_is_refused_without_reading_it() {
    let dir = library_with_example();
    let big = dir.path().join("huge.json");
    let file = fs::File::create(&big).expect("create the big file");
    file.set_len(MAX_FILE_BYTES + 1).expect("grow the big file");
    let run = check(dir.path());
    assert_eq!(run.code, Some(1), "{run:?}");
    let line = format!(
        "{}: error: file is {} bytes, over the limit of {MAX_FILE_BYTES} bytes (16 MiB)",
        big.display(),
        MAX_FILE_BYTES + 1
    );
    assert_eq!(
        run.stdout,
        expected(dir.path(), &[&line, "checked 1 briefing, 4 entities, 2 relations: 1 error, 0 warnings"])
    );
}

#[test]
fn an_empty_directory_is_an_error() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let run = check(dir.path());
    assert_eq!(run.code, Some(1), "{run:?}");
    let lines = [
        "{dir}: error: no briefing files (*.json) in directory",
        "checked 0 briefings, 0 entities, 0 relations: 1 error, 0 warnings",
    ];
    assert_eq!(run.stdout, expected(dir.path(), &lines));
}

#[test]
fn subdirectories_are_not_read() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let inner = dir.path().join("more");
    fs::create_dir(&inner).expect("create a subdirectory");
    fs::copy(library_with_example().path().join("kestrel-fab.json"), inner.join("kestrel-fab.json")).expect("copy");
    let run = check(dir.path());
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(
        run.stdout.starts_with(&format!("{}: error: no briefing files (*.json) in directory\n", dir.path().display()))
    );
}

#[test]
fn a_missing_directory_is_an_error() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let missing = dir.path().join("nowhere");
    let run = check(&missing);
    assert_eq!(run.code, Some(1), "{run:?}");
    let lines = [
        "{dir}: error: cannot read directory: No such file or directory (os error 2)",
        "checked 0 briefings, 0 entities, 0 relations: 1 error, 0 warnings",
    ];
    assert_eq!(run.stdout, expected(&missing, &lines));
}

#[test]
fn a_file_given_as_the_directory_is_an_error() {
    let dir = library_with_example();
    let file = dir.path().join("kestrel-fab.json");
    let run = check(&file);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(run.stdout.starts_with(&format!("{}: error: cannot read directory: ", file.display())), "{run:?}");
}

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(path)
}

#[test]
fn load_dir_merges_an_entity_declared_by_two_briefings() {
    let loaded = load_dir(&fixture("valid/two-briefings"), Options { lint_mentions: true }).expect("valid library");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let library = &loaded.library;
    let kestrel = library.entity_by_id("kestrel").expect("kestrel is declared");
    let entity = library.entity(kestrel);
    let backlinks: Vec<_> = entity.briefings.iter().map(|&b| library.briefing(b).id.as_str()).collect();
    assert_eq!(backlinks, ["kestrel-fab", "port-aldwyn-jobs"]);
    assert_eq!(entity.name, "Kestrel Semiconductor");
    assert_eq!(entity.aliases, ["Kestrel"]);
    assert_eq!(entity.role, "Chip start-up", "the first non-empty role is kept");
    let facts: Vec<_> = entity.facts.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(facts, ["Chief executive", "Plant"]);
    let figures: Vec<_> = library.figures_about(kestrel).iter().map(|&f| library.entity(f).id.as_str()).collect();
    assert_eq!(figures, ["kestrel-plant-cost", "kestrel-plant-jobs"]);
    let mentioned_in: Vec<_> =
        library.mentions_of(kestrel).iter().map(|(b, _)| library.briefing(*b).id.as_str()).collect();
    assert!(mentioned_in.contains(&"kestrel-fab") && mentioned_in.contains(&"port-aldwyn-jobs"), "{mentioned_in:?}");
}

#[test]
fn load_dir_reports_every_bad_file() {
    let error = load_dir(&fixture("invalid/two-bad-files"), Options::default()).expect_err("two bad files");
    let found: Vec<_> = error
        .diagnostics
        .iter()
        .map(|d| {
            let name = d.file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let at = d.position.map(|p| (p.line, p.column));
            (name, at, d.is_error())
        })
        .collect();
    assert_eq!(
        found,
        [("a-deal.json".to_string(), Some((5, 46)), true), ("b-broken.json".to_string(), Some((6, 68)), true)]
    );
    assert!(error.to_string().ends_with("2 errors in the library"), "{error}");
}

#[test]
fn load_dir_lints_mentions_only_when_asked() {
    let dir = fixture("warnings/unmentioned-entity");
    let quiet = load_dir(&dir, Options::default()).expect("warnings do not stop loading");
    assert!(quiet.warnings.is_empty());
    let linted = load_dir(&dir, Options { lint_mentions: true }).expect("warnings do not stop loading");
    let messages: Vec<_> = linted.warnings.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(messages, ["`entities[2]`: `carr` (Carr) is never mentioned in a story"]);
}

#[test]
fn load_dir_on_an_empty_directory_names_the_directory() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let error = load_dir(dir.path(), Options::default()).expect_err("no briefings");
    assert_eq!(error.diagnostics.len(), 1);
    assert_eq!(error.diagnostics[0].file, dir.path());
    assert_eq!(error.diagnostics[0].position, None);
}
