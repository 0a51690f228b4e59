//! `briefing check` and the commands on directories holding things that are not briefing
//! files: a named pipe and a `/dev/zero` symlink named `*.json` are refused at once (no hang,
//! no memory eaten), editor and hidden files are skipped, and a file name holding a newline
//! cannot forge a line of the report. Each case asserts its exit code and its exact output.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture")]

#[path = "support/isolated.rs"]
mod isolated;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// Long enough for any check of a small library, short enough that a hang fails quickly.
const DEADLINE: Duration = Duration::from_secs(20);

/// Exit code, standard output and standard error of `briefing ARGS --content DIR`, or a
/// failure if it runs past [`DEADLINE`].
fn run(args: &[&str], dir: &Path) -> (Option<i32>, String, String) {
    let mut child = isolated::briefing()
        .args(args)
        .arg("--content")
        .arg(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the briefing binary runs");
    let start = Instant::now();
    while child.try_wait().expect("poll the child").is_none() {
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            panic!("briefing {args:?} hung on {}", dir.display());
        }
        thread::sleep(Duration::from_millis(10));
    }
    let output = child.wait_with_output().expect("collect the output");
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    (output.status.code(), text(&output.stdout), text(&output.stderr))
}

/// A temporary library holding one valid briefing.
fn library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/two-briefings/kestrel-fab.json");
    fs::copy(example, dir.path().join("kestrel-fab.json")).expect("copy the example");
    dir
}

const CLEAN: &str = "checked 1 briefing, 4 entities, 2 relations: 0 errors, 0 warnings\n";
const ONE_ERROR: &str = "checked 1 briefing, 4 entities, 2 relations: 1 error, 0 warnings\n";

#[test]
fn a_named_pipe_is_refused_without_waiting_for_a_writer() {
    let dir = library();
    let fifo = dir.path().join("pipe.json");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("run mkfifo");
    assert!(made.success());
    let (code, stdout, _) = run(&["check"], dir.path());
    assert_eq!(code, Some(1));
    let line = format!(
        "{}: error: not a regular file (a named pipe): only regular files are read as briefings\n",
        fifo.display()
    );
    assert_eq!(stdout, line + ONE_ERROR);
}

#[test]
fn a_symlink_to_dev_zero_is_refused_without_reading_it() {
    let dir = library();
    let zero = dir.path().join("zero.json");
    symlink("/dev/zero", &zero).expect("symlink to /dev/zero");
    let (code, stdout, _) = run(&["check"], dir.path());
    assert_eq!(code, Some(1));
    let line = format!(
        "{}: error: not a regular file (a character device): only regular files are read as briefings\n",
        zero.display()
    );
    assert_eq!(stdout, line + ONE_ERROR);
    let (code, _, stderr) = run(&["list"], dir.path());
    assert_eq!(code, Some(1));
    assert!(stderr.contains("not a regular file (a character device)"), "{stderr}");
}

#[test]
fn a_symlink_to_a_briefing_is_read() {
    let dir = library();
    let elsewhere = tempfile::tempdir().expect("temporary directory");
    fs::rename(dir.path().join("kestrel-fab.json"), elsewhere.path().join("story.json")).expect("move");
    symlink(elsewhere.path().join("story.json"), dir.path().join("kestrel-fab.json")).expect("symlink");
    assert_eq!(run(&["check"], dir.path()), (Some(0), CLEAN.to_string(), String::new()));
}

#[test]
fn editor_and_hidden_files_are_skipped() {
    let dir = library();
    // Emacs's lock file is a dangling symlink; reading it would fail the whole library.
    symlink("root@host.1234:1700000000", dir.path().join(".#kestrel-fab.json")).expect("lock symlink");
    fs::write(dir.path().join(".kestrel-fab.json"), "not json").expect("hidden file");
    fs::write(dir.path().join("._kestrel-fab.json"), [0u8, 5, 22, 7]).expect("AppleDouble file");
    fs::write(dir.path().join("kestrel-fab.json~"), "backup").expect("backup file");
    fs::write(dir.path().join("#kestrel-fab.json#"), "autosave").expect("autosave file");
    assert_eq!(run(&["check"], dir.path()), (Some(0), CLEAN.to_string(), String::new()));
}

#[test]
fn a_file_name_with_a_newline_cannot_forge_a_line() {
    let dir = library();
    let name = "a\nkestrel-fab.json:1:1: error: forged.json";
    fs::write(dir.path().join(name), "{").expect("oddly named file");
    let (code, stdout, _) = run(&["check"], dir.path());
    assert_eq!(code, Some(1));
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert_eq!(
        lines[0],
        format!(
            "{}/a\\u000akestrel-fab.json:1:1: error: forged.json:1:1: error: truncated JSON: EOF while parsing an object",
            dir.path().display()
        )
    );
    assert_eq!(lines[1], "checked 2 files: 1 error, 0 warnings");
}
