//! The search box and the views, in a pseudo-terminal as a person would use them: find
//! DeepSeek by typing a few letters, close the box without a trace, open each view from
//! the story and follow a link out of it.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture or pty")]

// The pseudo-terminal helpers are shared by several test files; each uses a subset.
#[path = "support/pty.rs"]
#[allow(dead_code)]
mod pty;

use pty::{Session, is_reversed, is_reversed_within};

const TAB: &str = "\t";
const ENTER: &str = "\r";
const ESC: &str = "\x1b";

fn open_reader() -> Session {
    let s = Session::spawn(&["--open", "beijing-gambit"], 120, 40);
    s.wait_for("Huang Flies to Beijing to Rescue Nvidia’s China Business");
    s
}

#[test]
fn search_finds_deepseek_and_enter_opens_its_card() {
    let mut s = open_reader();
    s.send("/");
    s.wait_for("Type to search names");
    s.send("deeps");
    s.wait_for("/ deeps");
    s.wait_until("DeepSeek first among the results", |screen| {
        screen.contents().lines().nth(3).is_some_and(|row| row.contains("■ company") && row.contains("DeepSeek"))
    });
    s.wait_for("Preview");
    s.send(ENTER);
    s.wait_until("DeepSeek's card focused", |screen| is_reversed(screen, " company "));
    s.wait_for("DeepSeek  深度求索");
    s.wait_for("founded by → ●Liang Wenfeng");
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn escape_closes_search_leaving_the_screen_as_it_was() {
    let mut s = open_reader();
    s.send("\t\t\t");
    s.wait_until("a link in the headline focused", |screen| is_reversed_within(screen, "Rescue Nvidia’s", "Nvidia"));
    s.settle();
    let before = s.text();
    s.send("/");
    s.wait_for("Type to search names");
    s.send("huang");
    s.wait_for("/ huang");
    s.send(ESC);
    s.wait_until("the box closed", |screen| !screen.contents().contains("/ huang"));
    s.wait_until("the same screen as before", |screen| screen.contents() == before);
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn each_view_opens_from_the_story_and_links_out() {
    let mut s = open_reader();

    // Figures: bars grouped by unit; Tab, Enter opens the figure's card with its source.
    s.send("c");
    s.wait_for("Money (US dollars)");
    s.wait_for("Percentages");
    s.send(TAB);
    s.send(ENTER);
    s.wait_until("the figure's card focused", |screen| is_reversed(screen, " figure "));
    s.wait_for("Stated in the story:");
    s.wait_for("$17 billion");

    // The figure's map starts from what it is about, its root focused; Tab moves to a
    // node and the card previews it while the map keeps its root; Enter re-roots it.
    s.send("r");
    s.wait_for("Relations of $17 billion");
    s.wait_for("about → ■Nvidia");
    s.send(TAB);
    s.wait_for("Nvidia  英伟达");
    s.wait_for("Relations of $17 billion");
    s.send(ENTER);
    s.wait_for("Relations of Nvidia");
    s.wait_for("led by → ●Jensen Huang");

    // Timeline: dated events with their entities; Tab, Enter opens an entity's card.
    s.send("t");
    s.wait_for("Timeline");
    s.wait_for("2025-04-17");
    s.send(TAB);
    s.send(ENTER);
    s.wait_until("a card focused from the timeline", |screen| is_reversed(screen, " person "));
    s.wait_for("Joe Biden");

    // Back to the story.
    s.send("s");
    s.wait_until("the story", |screen| is_reversed(screen, " Story "));
    s.send("q");
    assert!(s.wait_exit().success());
}
