//! The problems panel a reload with errors opens, as a person sees it: below the last good
//! story, with each diagnostic's file, line, column and message; the overflow counted; one
//! line on a short screen. Re-record with `INSTA_UPDATE=always cargo test --test
//! problems_snapshots` and review the diff.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture")]

use std::path::Path;

use briefing::library::diagnostic::Position;
use briefing::library::{Diagnostic, Library, Options, bundled};
use briefing::reader::app::App;
use briefing::reader::screen_text;
use briefing::reader::target::Target;

fn library() -> Library {
    bundled::load(Options::default()).unwrap().library
}

/// `n` diagnostics as a broken save of the Beijing story would give: its own, then the
/// references it broke in another file, and a warning.
fn problems(n: usize) -> Vec<Diagnostic> {
    let at = |line, column| Some(Position { line, column });
    let mut all = vec![
        Diagnostic::error(Path::new("beijing-gambit.json"), at(4, 42), "malformed JSON: expected `,` or `}`"),
        Diagnostic::warning(Path::new("beijing-gambit.json"), at(9, 3), "`dek` is empty"),
    ];
    for line in 0..n.saturating_sub(2) {
        let message = "`sections[0].paragraphs[0]`: unknown id `jensen-huang`";
        all.push(Diagnostic::error(Path::new("amd-export-hit.json"), at(16 + line, 7), message));
    }
    all.truncate(n);
    all
}

fn screen(size: (u16, u16), n: usize) -> String {
    let library = library();
    let beijing = library.briefing_by_id("beijing-gambit").unwrap();
    let mut app = App::new(&library, size, Some(Target::Briefing(beijing)));
    app.reload_failed(problems(n));
    screen_text(&app)
}

#[test]
fn two_problems_under_the_story_at_80_by_24() {
    insta::assert_snapshot!(screen((80, 24), 2));
}

#[test]
fn many_problems_are_counted_at_120_by_40() {
    insta::assert_snapshot!(screen((120, 40), 9));
}

#[test]
fn a_short_screen_lists_the_first_in_its_border() {
    insta::assert_snapshot!(screen((60, 10), 3));
}

#[test]
fn the_smallest_screen_gets_one_line() {
    insta::assert_snapshot!(screen((40, 8), 3));
}
