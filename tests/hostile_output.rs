//! What the commands print when their reader goes away early, when an argument or a file
//! holds control characters, and when they are called in a way they cannot honour. Each case
//! asserts the exit code and the exact message.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture")]

#[path = "support/isolated.rs"]
mod isolated;

use std::fs;
use std::io::Read;
use std::process::Stdio;

/// Exit code, standard output and standard error of `briefing ARGS`, with no terminal.
fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let output = isolated::briefing().args(args).stdin(Stdio::null()).output().expect("the briefing binary runs");
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    (output.status.code(), text(&output.stdout), text(&output.stderr))
}

/// Runs `briefing ARGS` with standard output a pipe that is closed before it is written:
/// the exit code and standard error.
fn with_stdout_closed(args: &[&str]) -> (Option<i32>, String) {
    let mut child = isolated::briefing()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the briefing binary runs");
    drop(child.stdout.take());
    let mut stderr = String::new();
    child.stderr.take().expect("stderr").read_to_string(&mut stderr).expect("read stderr");
    (child.wait().expect("wait").code(), stderr)
}

#[test]
fn a_closed_output_pipe_ends_every_command_quietly() {
    for args in [
        &["search", "--limit", "100", "a"][..],
        &["search", "--json", "--limit", "100", "a"],
        &["export", "beijing-gambit", "--format", "json"],
        &["export", "beijing-gambit"],
        &["screen"],
        &["show", "nvidia"],
        &["list", "--kind", "company", "--json"],
        &["check"],
    ] {
        assert_eq!(with_stdout_closed(args), (Some(0), String::new()), "briefing {args:?}");
    }
}

#[test]
fn a_closed_error_pipe_keeps_the_exit_code() {
    let mut child =
        isolated::briefing().args(["show", "nvidai"]).stderr(Stdio::piped()).spawn().expect("the briefing binary runs");
    drop(child.stderr.take());
    assert_eq!(child.wait().expect("wait").code(), Some(1));
}

#[test]
fn control_characters_in_an_argument_are_printed_escaped() {
    let (code, stdout, stderr) = run(&["show", "\u{1b}]0;pwned\u{7}\u{1b}[2J"]);
    assert_eq!((code, stdout.as_str()), (Some(1), ""));
    assert!(stderr.starts_with("briefing: no entity or briefing `\\u001b]0;pwned\\u0007\\u001b[2J`"), "{stderr:?}");
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
}

#[test]
fn control_characters_in_content_are_printed_escaped_by_check() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let text = r#"{"id": "a", "headline": "A", "source": {"publication": "p", "title": "t", "date": "d"},
"sections": [{"paragraphs": ["Text."]}],
"entities": [{"id": "x\u001b[2J", "kind": "company", "name": "X"}]}"#;
    fs::write(dir.path().join("a.json"), text).expect("write the file");
    let (code, stdout, _) = run(&["check", "--content", &dir.path().display().to_string()]);
    assert_eq!(code, Some(1));
    assert_eq!(
        stdout,
        format!(
            "{}/a.json:3:21: error: `entities[0].id`: invalid id `x\\u001b[2J`: use lowercase letters, digits and \
             `-`\nchecked 1 file: 1 error, 0 warnings\n",
            dir.path().display()
        )
    );
}

const NO_TERMINAL: &str = "briefing: the reader needs a terminal (standard input and output are not terminals); use \
                           `briefing screen` to print the reader's screen as text, or `briefing export` for the story\n";

#[test]
fn the_reader_without_a_terminal_exits_2_and_says_what_to_use() {
    assert_eq!(run(&[]), (Some(2), String::new(), NO_TERMINAL.to_string()));
    assert_eq!(run(&["--open", "nvidia"]), (Some(2), String::new(), NO_TERMINAL.to_string()));
}

#[test]
fn screen_sizes_out_of_bounds_are_refused() {
    for size in ["0x0", "0x24", "20000x20000", "80x1001"] {
        let (code, stdout, stderr) = run(&["screen", "--size", size]);
        assert_eq!((code, stdout.as_str()), (Some(2), ""), "{size}");
        assert!(
            stderr.starts_with(&format!(
                "error: invalid value '{size}' for '--size <SIZE>': bad size `{size}`: columns and rows must each be \
                 from 1 to 1000"
            )),
            "{stderr}"
        );
    }
    let (code, stdout, _) = run(&["screen", "--size", "1x1"]);
    assert_eq!((code, stdout.as_str()), (Some(0), "T\n"));
}

#[test]
fn a_limit_of_zero_is_a_usage_error() {
    let (code, _, stderr) = run(&["search", "--limit", "0", "huang"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.starts_with("error: invalid value '0' for '--limit <LIMIT>': the limit must be 1 or more"),
        "{stderr}"
    );
}

#[test]
fn an_unknown_kind_in_a_query_is_named() {
    assert_eq!(
        run(&["search", "@typo", "huang"]),
        (
            Some(2),
            String::new(),
            "briefing: unknown kind `@typo` in the query; kinds are person, company, chip, figure, organisation, \
             place, policy, product, sentence, briefing\n"
                .to_string()
        )
    );
    assert_eq!(run(&["search", "@per", "huang"]).0, Some(0));
}

#[test]
fn show_of_a_briefing_id_says_it_is_a_briefing() {
    assert_eq!(
        run(&["show", "beijing-gambit"]),
        (Some(1), String::new(), "briefing: `beijing-gambit` is a briefing, not an entity\n".to_string())
    );
}
