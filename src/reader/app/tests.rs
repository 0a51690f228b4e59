//! Tests of the reader state on the bundled library.

use super::App;
use crate::library::{Library, bundled};
use crate::reader::action::{Action, Pane};

fn library() -> Library {
    bundled::load(Default::default()).expect("the bundled library loads").library
}

#[test]
fn showing_the_navigator_keeps_its_first_rows_in_view() {
    let library = library();
    for size in [(80, 24), (60, 24)] {
        let mut app = App::new(&library, size, None);
        app.update(Action::Focus(Pane::Navigator));
        assert_eq!(app.nav_row, 1, "the open briefing is selected");
        assert_eq!(app.nav_scroll, 0, "the BRIEFINGS heading stays in view at {size:?}");
    }
}

#[test]
fn back_then_forward_keeps_the_pane_beside_the_card() {
    let library = library();
    let mut app = App::new(&library, (100, 30), None);
    for action in [Action::NextLink, Action::Follow, Action::Focus(Pane::Navigator), Action::Focus(Pane::Card)] {
        app.update(action);
    }
    assert_eq!((app.focus, app.left), (Pane::Card, Pane::Navigator));
    app.update(Action::Back);
    assert_eq!((app.focus, app.left), (Pane::Story, Pane::Story), "back to the story we left from");
    app.update(Action::Forward);
    assert_eq!((app.focus, app.left), (Pane::Card, Pane::Navigator), "forward to the library beside the card");
}

#[test]
fn help_scrolls_back_up_at_once_after_going_past_its_end() {
    let library = library();
    let mut app = App::new(&library, (80, 24), None);
    app.update(Action::ToggleHelp);
    for _ in 0..500 {
        app.update(Action::Down);
    }
    let end = app.help.expect("help is open");
    assert!(end > 0 && end < 500, "the help stops at its last line");
    app.update(Action::Up);
    assert_eq!(app.help, Some(end - 1));
    app.update(Action::Resize(80, 200));
    assert_eq!(app.help, Some(0), "a screen tall enough for all of it needs no scroll");
}

/// The screen cell where the story draws link `index`.
fn cell_of_story_link(app: &App, index: usize) -> (u16, u16) {
    let area = crate::reader::layout::inner(app.screen().pane(Pane::Story).expect("the story is shown"));
    let line = app.story.doc.links[index].line;
    let column = (0..area.width as usize).find(|&x| app.story.doc.link_at(line, x) == Some(index)).expect("drawn");
    (area.x + column as u16, area.y + (line - app.story.scroll) as u16)
}

#[test]
fn clicking_a_mention_opens_its_card_and_the_wheel_scrolls_the_pane_under_it() {
    let library = library();
    let mut app = App::new(&library, (120, 40), None);
    let (x, y) = cell_of_story_link(&app, 1);
    app.update(Action::Click(x, y));
    let nvidia = library.entity_by_id("nvidia");
    assert_eq!((app.focus, app.entity), (Pane::Card, nvidia), "the click followed the second mention");
    let story = app.screen().pane(Pane::Story).expect("the story is shown");
    app.update(Action::Wheel(story.x + 2, story.y + 2, true));
    assert_eq!(app.story.scroll, 3, "the wheel scrolled the story, not the focused card");
    assert_eq!(app.card.scroll, 0);
    app.update(Action::Click(story.x + 2, story.y + 2));
    assert_eq!(app.focus, Pane::Story, "a click on plain text focuses its pane");
}
