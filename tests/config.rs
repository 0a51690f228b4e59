//! The configuration file as a user meets it: `briefing config check` on every kind of bad
//! entry prints each problem with its position and a suggestion and exits 1, while the
//! rest of the file still applies; `config default` is the complete defaults; a
//! configuration that rebinds, sequences, lists and unbinds keys changes what keys do and
//! what the help and the status bar say; a bad file never keeps the reader from starting.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture or pty")]

#[path = "support/isolated.rs"]
mod isolated;

use std::fs;
use std::path::{Path, PathBuf};

use briefing::config::colour::Colour;
use briefing::config::theme::{Palette, Preset, Role};
use briefing::config::{Key, KeySeq};
use briefing::library::{Kind, Options, bundled};
use briefing::reader::action::Action;
use briefing::reader::app::App;
use briefing::reader::config::Config;
use briefing::reader::keymap::{Context, Keymap};
use briefing::reader::screen_text;

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/config").join(path)
}

/// What `x` pressed while reading does under `config`.
fn x_does(config: &Config) -> Option<Vec<Action>> {
    press(&config.keys, "x")
}

fn press(keys: &Keymap, key: &str) -> Option<Vec<Action>> {
    keys.dispatch(&[Context::Reading, Context::Global], &[], Key::parse(key).unwrap())
}

/// Each invalid case: its file under `tests/fixtures/config/invalid/`, the full output of
/// `config check` (`{f}` stands for the file as passed), and what of the file still applies.
type Case = (&'static str, &'static [&'static str], fn(&Config));

const INVALID: &[Case] = &[
    (
        "unknown-action.toml",
        &[
            "{f}:6:7: error: unknown action `dwon`; did you mean `down`?",
            "{f}:7:14: error: unknown action `paeg_up`; did you mean `page_up`?",
            "checked {f}: 2 errors, 0 warnings",
        ],
        |config| {
            assert_eq!(x_does(config), Some(vec![Action::Quit]));
            assert_eq!(press(&config.keys, "j"), Some(vec![Action::Down]), "j keeps its default");
            assert_eq!(press(&config.keys, "K"), None, "a list with a bad name is left out whole");
        },
    ),
    (
        "unknown-context.toml",
        &["{f}:2:7: error: unknown context `stroy`; did you mean `story`?", "checked {f}: 1 error, 0 warnings"],
        |config| assert_eq!(x_does(config), Some(vec![Action::Quit]), "the story's x = top was left out"),
    ),
    (
        "unparseable-key.toml",
        &[
            "{f}:4:1: error: unknown key `PgDwn` in `Ctrl-PgDwn`; did you mean `PgDn`?",
            "{f}:5:1: error: unknown key `gg`; did you mean the sequence `g g`?",
            "{f}:6:1: error: unknown modifier `Hyper` in `Hyper-z`; the modifiers are Ctrl, Alt and Shift",
            "{f}:7:1: error: an empty key; write a key such as \"j\", \"Ctrl-d\" or \"g g\"",
            "checked {f}: 4 errors, 0 warnings",
        ],
        |config| assert_eq!(x_does(config), Some(vec![Action::Quit])),
    ),
    (
        "wrong-type.toml",
        &[
            "{f}:2:8: error: [keys] must be a table, not an integer",
            "{f}:5:10: error: `preset` must be one of dark, light, mono, not an integer",
            "{f}:6:10: error: `person` must be a colour name, \"#rrggbb\" or an index from 0 to 255, not a boolean",
            "checked {f}: 3 errors, 0 warnings",
        ],
        |config| {
            assert_eq!(config.palette.paint(Role::Kind(Kind::Chip)).fg, Colour::Ansi(1), "chip = red applies");
            assert_eq!(
                config.palette.paint(Role::Kind(Kind::Person)),
                Palette::default().paint(Role::Kind(Kind::Person))
            );
            assert_eq!(config.keys, Keymap::defaults());
        },
    ),
    (
        "wrong-type-binding.toml",
        &[
            "{f}:4:7: error: `j` must be bound to an action name or a list of them, not an integer",
            "{f}:5:14: error: `k`: a list of actions holds names, not an integer",
            "{f}:8:7: error: `l` must be bound to an action name or a list of them, not a table",
            "checked {f}: 3 errors, 0 warnings",
        ],
        |config| {
            assert_eq!(x_does(config), Some(vec![Action::Quit]));
            assert_eq!(press(&config.keys, "k"), Some(vec![Action::Up]), "k keeps its default");
        },
    ),
    (
        "broken-toml.toml",
        &[
            "{f}:4:12: error: invalid basic string, expected `\"`",
            "{f}:5:7: error: string values must be quoted, expected literal string",
            "checked {f}: 2 errors, 0 warnings",
        ],
        |config| {
            assert_eq!(x_does(config), Some(vec![Action::Quit]), "the line before the error applies");
            assert_eq!(press(&config.keys, "o"), Some(vec![Action::Follow, Action::Back]), "and the lines after it");
            assert_eq!(press(&config.keys, "j"), Some(vec![Action::Down]), "a broken line keeps the default");
            assert_eq!(press(&config.keys, "k"), Some(vec![Action::Up]));
        },
    ),
    (
        "unknown-table.toml",
        &["{f}:2:2: error: unknown table `key`; did you mean `keys`?", "checked {f}: 1 error, 0 warnings"],
        |config| {
            assert_eq!(x_does(config), Some(vec![Action::Quit]));
            assert_eq!(press(&config.keys, "y"), None);
        },
    ),
    (
        "bad-theme.toml",
        &[
            "{f}:3:10: error: unknown preset `lite`; the presets are dark, light, mono",
            "{f}:4:1: error: unknown colour role `borders` in [theme]; did you mean `border`?",
            "{f}:5:10: error: unknown colour `purpel` for `person`; colours are names such as \"blue\", \"#rrggbb\" or an index from 0 to 255",
            "{f}:6:10: error: colour index 300 for `figure` is not from 0 to 255",
            "{f}:7:26: error: unknown part `bgg` of `company`; did you mean `bg`?",
            "{f}:8:9: error: unknown colour `#12345` for `place`; write #rrggbb",
            "checked {f}: 6 errors, 0 warnings",
        ],
        |config| {
            let mut expected = Palette::default();
            expected.change(
                Role::Kind(Kind::Chip),
                briefing::config::theme::PaintChange { fg: Some(Colour::Ansi(1)), bg: None },
            );
            assert_eq!(config.palette, expected, "only chip = red applies");
            assert_eq!(x_does(config), Some(vec![Action::Quit]));
        },
    ),
    (
        "conflicts.toml",
        &[
            "{f}:3:1: error: `x` types into the search box there; bind keys with Ctrl or Alt, or named keys such as F2, in [keys.search]",
            "{f}:7:1: error: `z z` and `z` (line 6) both in [keys.story]: one starts the other, so one could never be pressed",
            "{f}:9:1: error: `Ctrl-d` is bound twice in [keys.story] (first on line 8); the first one applies",
            "{f}:13:1: warning: `b` is not bound in [keys.global] but in [keys.story], [keys.library], [keys.help]",
            "{f}:14:1: warning: `submit` does nothing in [keys.global]",
            "checked {f}: 3 errors, 2 warnings",
        ],
        |config| {
            assert_eq!(x_does(config), Some(vec![Action::Quit]));
            assert_eq!(press(&config.keys, "z"), Some(vec![Action::Top]));
            assert_eq!(press(&config.keys, "Ctrl-d"), Some(vec![Action::Bottom]), "the first spelling applies");
        },
    ),
    (
        "duplicates.toml",
        &[
            "{f}:4:1: error: duplicate key \"x\": a table holds each key once",
            "{f}:9:7: error: the table [keys.story] appears twice; put all its entries under one",
            "checked {f}: 2 errors, 0 warnings",
        ],
        |config| {
            assert_eq!(x_does(config), Some(vec![Action::Quit]), "the first x applies");
            assert_eq!(press(&config.keys, "o"), Some(vec![Action::Follow]));
        },
    ),
];

#[test]
fn every_bad_entry_is_placed_and_explained_and_the_rest_applies() {
    for (name, expected, applies) in INVALID {
        let file = fixture(&format!("invalid/{name}"));
        let shown = file.display().to_string();
        let output = isolated::briefing().args(["config", "check"]).arg(&file).output().unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        let expected: Vec<String> = expected.iter().map(|l| l.replace("{f}", &shown)).collect();
        assert_eq!(stdout.lines().collect::<Vec<_>>(), expected, "{name}");
        assert_eq!(output.status.code(), Some(1), "{name}: {stdout}");
        applies(&Config::load_file(&file));
    }
}

#[test]
fn every_invalid_fixture_has_a_case() {
    let mut names: Vec<String> = fs::read_dir(fixture("invalid"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut cases: Vec<&str> = INVALID.iter().map(|(name, _, _)| *name).collect();
    cases.sort();
    assert_eq!(names, cases);
}

#[test]
fn a_good_file_checks_clean_and_no_file_means_the_defaults() {
    let file = fixture("valid/rebind.toml");
    let output = isolated::briefing().args(["config", "check"]).arg(&file).output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(stdout, format!("checked {}: 0 errors, 0 warnings\n", file.display()));
    assert_eq!(output.status.code(), Some(0));
    let home = tempfile::tempdir().unwrap();
    let output = isolated::briefing().env("XDG_CONFIG_HOME", home.path()).args(["config", "check"]).output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let expected =
        format!("no configuration at {}; the defaults apply\n", home.path().join("briefing/config.toml").display());
    assert_eq!((stdout.as_ref(), output.status.code()), (expected.as_str(), Some(0)));
    let missing = isolated::briefing().args(["config", "check", "/nonexistent/config.toml"]).output().unwrap();
    let stdout = String::from_utf8_lossy(&missing.stdout);
    assert_eq!(stdout.lines().next(), Some("/nonexistent/config.toml: error: no such file"));
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn the_config_directory_and_the_environment_are_where_the_file_is_found() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("briefing");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("config.toml"), "[keys.global]\n\"x\" = \"qiut\"\n").unwrap();
    let run =
        |command: &mut std::process::Command| String::from_utf8_lossy(&command.output().unwrap().stdout).into_owned();
    let found = run(isolated::briefing().env("XDG_CONFIG_HOME", home.path()).args(["config", "check"]));
    assert!(
        found.starts_with(&format!("{}:2:7: error: unknown action `qiut`", dir.join("config.toml").display())),
        "{found}"
    );
    let named = fixture("valid/rebind.toml");
    let by_env = run(isolated::briefing()
        .env("XDG_CONFIG_HOME", home.path())
        .env("BRIEFING_CONFIG", &named)
        .args(["config", "check"]));
    assert!(by_env.contains("0 errors"), "{by_env}");
    let by_flag = run(isolated::briefing()
        .env("XDG_CONFIG_HOME", home.path())
        .args(["--config"])
        .arg(&named)
        .args(["config", "check"]));
    assert!(by_flag.contains("0 errors"), "{by_flag}");
}

#[test]
fn the_printed_defaults_are_a_file_that_checks_clean_and_reads_back_as_the_defaults() {
    let output = isolated::briefing().args(["config", "default"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    fs::write(&file, &output.stdout).unwrap();
    let config = Config::load_file(&file);
    assert!(config.problems.is_empty(), "{:?}", config.problems);
    for context in Context::ALL {
        assert_eq!(config.keys.groups(context), Keymap::defaults().groups(context), "{context:?}");
    }
    assert_eq!(config.palette, Palette::default());
}

fn library() -> briefing::library::Library {
    bundled::load(Options::default()).unwrap().library
}

#[test]
fn rebinding_sequences_lists_and_unbinding_change_dispatch_help_and_hints() {
    let config = Config::load_file(&fixture("valid/rebind.toml"));
    assert!(config.problems.is_empty(), "{:?}", config.problems);
    let keys = &config.keys;
    assert_eq!(press(keys, "x"), Some(vec![Action::Quit]));
    let z = Key::parse("Z").unwrap();
    assert_eq!(press(keys, "Z"), Some(vec![Action::Prefix(z)]));
    assert_eq!(keys.dispatch(&[Context::Reading, Context::Global], &[z], z), Some(vec![Action::Top]));
    assert_eq!(press(keys, "o"), Some(vec![Action::Follow, Action::Back]));
    assert_eq!(press(keys, "b"), None);
    assert_eq!(config.palette.paint(Role::Kind(Kind::Person)).fg, Colour::Rgb(0x87, 0, 0x87));
    assert_eq!(config.palette.paint(Role::Dim), Palette::preset(Preset::Light).paint(Role::Dim));

    let library = library();
    let mut app = App::new(&library, (100, 40), None);
    app.keys = config.keys.clone();
    app.update(Action::ToggleHelp);
    let help = screen_text(&app);
    for row in ["g g / Home / Z Z", "o                      follow the focused link, or open the selected row, then b"]
    {
        assert!(help.contains(row), "the help lacks `{row}`:\n{help}");
    }
    assert!(help.contains("PgUp / Ctrl-b "), "b is gone from paging up:\n{help}");
    assert!(help.contains("q / Ctrl-c / x "), "x quits too:\n{help}");
}

#[test]
fn the_status_bar_and_messages_name_the_keys_as_configured() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    let text =
        "[keys.global]\n\"?\" = []\n\"F1\" = \"toggle_help\"\n\"q\" = []\n\"Ctrl-c\" = []\n\"Ctrl-q\" = \"quit\"\n";
    fs::write(&file, text).unwrap();
    let config = Config::load_file(&file);
    assert!(config.problems.is_empty(), "{:?}", config.problems);
    let library = library();
    let mut app = App::new(&library, (120, 30), None);
    app.keys = config.keys;
    let screen = screen_text(&app);
    let status = screen.lines().last().unwrap();
    assert!(status.contains("F1 help") && status.contains("Ctrl-q quit"), "{status}");
    assert!(!status.contains("? help"), "{status}");
    app.update(Action::Resize(20, 5));
    assert!(screen_text(&app).contains("Ctrl-q to quit"), "{}", screen_text(&app));
}

#[test]
fn a_pending_sequence_shows_how_it_can_go_on() {
    let library = library();
    let mut app = App::new(&library, (120, 30), None);
    app.update(Action::Prefix(Key::parse("g").unwrap()));
    let status = screen_text(&app).lines().last().unwrap().to_string();
    assert!(status.starts_with("g …  g g go to the top"), "{status}");
    app.update(Action::Unbound);
    assert!(app.pending.is_empty());
    let seq = KeySeq::parse("g g").unwrap();
    assert_eq!(seq.label(), "g g");
}

#[test]
fn a_bad_file_still_opens_the_reader_with_one_line_saying_so() {
    let file = fixture("invalid/unknown-action.toml");
    let output = isolated::briefing().args(["screen", "--size", "120x30", "--config"]).arg(&file).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let screen = String::from_utf8_lossy(&output.stdout);
    let status = screen.lines().last().unwrap();
    assert!(
        status.starts_with("unknown-action.toml: 2 errors, defaults used for them (briefing config check)"),
        "{status}"
    );
    let clean = isolated::briefing().args(["screen", "--size", "120x30", "--no-config"]).output().unwrap();
    assert!(!String::from_utf8_lossy(&clean.stdout).contains("defaults used"));
}

#[test]
fn the_guide_names_every_action_context_role_and_preset() {
    let guide = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/config.md")).unwrap();
    let names = briefing::reader::action::ACTIONS.iter().map(|a| a.name);
    let names = names.chain(briefing::reader::keymap::CONTEXTS.iter().map(|c| c.name));
    let names = names.chain(Role::ALL.iter().map(|r| r.name()));
    let names = names.chain(Preset::NAMED.iter().map(|(n, _)| *n));
    for name in names {
        assert!(guide.contains(&format!("`{name}`")), "docs/config.md does not name `{name}`");
    }
}
