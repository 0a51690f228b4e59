use std::path::Path;

use super::Context::{Find, Global, Help, Navigator, Reading, Search};
use super::*;
use crate::config::parse::parse;

fn key(text: &str) -> Key {
    Key::parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"))
}

/// What pressing `keys` (space-separated presses) in `contexts` does, press by press.
fn press(map: &Keymap, contexts: &[Context], keys: &str) -> Vec<Vec<Action>> {
    let mut pending = Vec::new();
    let mut done = Vec::new();
    for text in keys.split(' ') {
        let actions = map.dispatch(contexts, &pending, key(text)).unwrap_or_default();
        match actions.as_slice() {
            [Action::Prefix(k)] => pending.push(*k),
            _ => pending.clear(),
        }
        done.push(actions);
    }
    done
}

fn configured(text: &str) -> (Keymap, Vec<String>) {
    let (settings, mut problems) = parse::<Names>(Path::new("c.toml"), text);
    let (map, more) = Keymap::defaults().merged(&settings.bindings, Path::new("c.toml"));
    problems.extend(more);
    (map, problems.iter().map(ToString::to_string).collect())
}

const READING: [Context; 2] = [Reading, Global];

#[test]
fn specific_contexts_win_over_global() {
    let map = Keymap::defaults();
    assert_eq!(press(&map, &READING, "Tab"), [vec![Action::NextLink]]);
    assert_eq!(press(&map, &[Navigator, Global], "Tab"), [vec![Action::Down]]);
    assert_eq!(press(&map, &READING, "q"), [vec![Action::Quit]]);
}

#[test]
fn inputs_type_printable_keys_but_keep_their_bindings() {
    let map = Keymap::defaults();
    assert_eq!(
        press(&map, &[Find], "q H Esc Ctrl-c"),
        [vec![Action::Type('q')], vec![Action::Type('H')], vec![Action::Cancel], vec![Action::Quit]]
    );
    assert_eq!(map.key_for(&[Find], Action::Quit).as_deref(), Some("Ctrl-c"));
    assert_eq!(map.key_for(&READING, Action::Quit).as_deref(), Some("q"));
}

#[test]
fn a_sequence_waits_for_its_second_key_and_a_broken_one_starts_over() {
    let map = Keymap::defaults();
    let g = key("g");
    assert_eq!(press(&map, &READING, "g g"), [vec![Action::Prefix(g)], vec![Action::Top]]);
    assert_eq!(press(&map, &READING, "g j"), [vec![Action::Prefix(g)], vec![Action::Down]]);
    assert_eq!(press(&map, &READING, "g x"), [vec![Action::Prefix(g)], vec![Action::Unbound]]);
    assert_eq!(map.dispatch(&READING, &[], key("x")), None, "an unbound key alone asks for nothing");
    let next = map.continuations(&READING, &[g]);
    assert_eq!(next, [("g g".to_string(), "go to the top".into())]);
}

#[test]
fn paging_follows_less_and_vim() {
    let map = Keymap::defaults();
    for (keys, action) in [
        ("Space", Action::PageDown),
        ("Ctrl-f", Action::PageDown),
        ("b", Action::PageUp),
        ("Ctrl-b", Action::PageUp),
        ("Ctrl-d", Action::HalfPageDown),
        ("Ctrl-u", Action::HalfPageUp),
        ("G", Action::Bottom),
        ("H", Action::Back),
        ("L", Action::Forward),
        ("/", Action::StartSearch),
        ("n", Action::FindNext),
        ("N", Action::FindPrev),
    ] {
        assert_eq!(press(&map, &READING, keys), [vec![action]], "{keys}");
    }
    for keys in ["Space", "PgDn", "b", "PgUp", "G", "Ctrl-d"] {
        assert_ne!(press(&map, &[Help], keys), [Vec::<Action>::new()], "{keys} in the help");
    }
}

#[test]
fn every_default_key_parses_and_none_is_bound_twice_or_hides_another() {
    let map = Keymap::defaults();
    assert_eq!(
        map.entries().len(),
        DEFAULTS.iter().map(|r| r.keys.len()).sum::<usize>(),
        "a default key did not parse"
    );
    for (i, a) in map.entries().iter().enumerate() {
        for b in &map.entries()[i + 1..] {
            let clash = a.keys == b.keys || a.keys.is_prefix_of(&b.keys) || b.keys.is_prefix_of(&a.keys);
            assert!(!(a.context == b.context && clash), "{} and {} in {:?}", a.keys, b.keys, a.context);
        }
    }
}

#[test]
fn every_default_does_something_where_it_is_bound_and_is_listed_once() {
    for (i, row) in DEFAULTS.iter().enumerate() {
        assert!(row.context.handles(row.action), "{:?} in {:?}", row.action, row.context);
        assert!(row.action.name().is_some(), "{:?} has no name", row.action);
        let again = DEFAULTS[i + 1..].iter().any(|r| r.context == row.context && r.action == row.action);
        assert!(!again, "{:?} has two rows in {:?}", row.action, row.context);
        if row.context.takes_text() {
            assert!(row.keys.iter().all(|k| !key(k).is_printable()), "{:?} types in {:?}", row.keys, row.context);
        }
    }
}

#[test]
fn hints_name_keys_as_people_read_them() {
    let hints = Keymap::defaults().hints(&READING);
    assert!(hints.contains(&("Tab".to_string(), "link")));
    assert!(hints.contains(&("?".to_string(), "help")));
    assert_eq!(key("Alt-Left").label(), "Alt-←");
}

#[test]
fn a_configuration_rebinds_sequences_lists_and_unbinds_and_help_follows() {
    let (map, problems) = configured(
        r#"
[keys.global]
"x" = "quit"
"q" = []
[keys.story]
"Z Z" = "top"
"o" = ["follow", "back"]
"b" = []
"#,
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(press(&map, &READING, "x"), [vec![Action::Quit]]);
    assert_eq!(press(&map, &READING, "q"), [Vec::<Action>::new()], "q no longer quits");
    assert_eq!(press(&map, &READING, "Z Z"), [vec![Action::Prefix(key("Z"))], vec![Action::Top]]);
    assert_eq!(press(&map, &READING, "o"), [vec![Action::Follow, Action::Back]]);
    assert_eq!(press(&map, &READING, "b"), [Vec::<Action>::new()], "b no longer pages up");
    assert_eq!(map.key_for(&READING, Action::Quit).as_deref(), Some("Ctrl-c"), "the hint moves to the next quit key");
    let story = map.groups(Reading);
    let top = story.iter().find(|g| g.actions == [Action::Top]).map(Group::label);
    assert_eq!(top.as_deref(), Some("g g / Home / Z Z"));
    let list = story.iter().find(|g| g.actions == [Action::Follow, Action::Back]).map(|g| (g.label(), g.help.clone()));
    assert_eq!(
        list,
        Some(("o".into(), "follow the focused link, or open the selected row, then back in history".into()))
    );
    let page_up = story.iter().find(|g| g.actions == [Action::PageUp]).map(Group::label);
    assert_eq!(page_up.as_deref(), Some("PgUp / Ctrl-b"));
    let quit = map.groups(Global).into_iter().find(|g| g.actions == [Action::Quit]).map(|g| g.label());
    assert_eq!(quit.as_deref(), Some("Ctrl-c / x"));
}

#[test]
fn a_single_key_replaces_the_sequence_it_starts() {
    let (map, problems) = configured("[keys.story]\n\"g\" = \"top\"\n");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(press(&map, &READING, "g"), [vec![Action::Top]]);
    let (map, _) = configured("[keys.story]\n\"g\" = []\n");
    assert_eq!(press(&map, &READING, "g g"), [Vec::<Action>::new(), Vec::new()], "unbinding g unbinds g g");
}

#[test]
fn bindings_that_cannot_work_are_refused_at_their_place() {
    let (map, problems) = configured(
        "[keys.search]\n\"x\" = \"cancel\"\n[keys.story]\n\"z\" = \"top\"\n\"z z\" = \"bottom\"\n[keys.global]\n\"b\" = []\n\"F2\" = \"submit\"\n",
    );
    assert_eq!(
        problems,
        [
            "c.toml:2:1: error: `x` types into the search box there; bind keys with Ctrl or Alt, or named keys such as F2, in [keys.search]",
            "c.toml:5:1: error: `z z` and `z` (line 4) both in [keys.story]: one starts the other, so one could never be pressed",
            "c.toml:7:1: warning: `b` is not bound in [keys.global] but in [keys.story], [keys.library], [keys.help]",
            "c.toml:8:1: warning: `submit` does nothing in [keys.global]",
        ]
    );
    assert_eq!(press(&map, &[Search], "x"), [vec![Action::Type('x')]]);
    assert_eq!(press(&map, &READING, "z"), [vec![Action::Top]]);
}
