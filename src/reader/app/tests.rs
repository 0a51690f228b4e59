//! Tests of the reader state on the bundled library.

use super::App;
use crate::library::{Library, bundled};
use crate::reader::action::{Action, Pane};
use crate::reader::target::Target;

fn library() -> Library {
    bundled::load(Default::default()).expect("the bundled library loads").library
}

/// A reader on the Beijing story, which these tests walk through.
fn on_beijing(library: &Library, size: (u16, u16)) -> App<'_> {
    let beijing = library.briefing_by_id("beijing-gambit").expect("the Beijing briefing is bundled");
    App::new(library, size, Some(crate::reader::target::Target::Briefing(beijing)))
}

#[test]
fn showing_the_navigator_keeps_its_first_rows_in_view() {
    let library = library();
    for size in [(80, 24), (60, 24)] {
        let mut app = on_beijing(&library, size);
        app.update(Action::Focus(Pane::Navigator));
        assert_eq!(app.nav_row(), 5, "the open briefing is selected, under the four newer ones");
        assert_eq!(app.nav_scroll, 0, "the BRIEFINGS heading stays in view at {size:?}");
    }
}

#[test]
fn back_then_forward_keeps_the_pane_beside_the_card() {
    let library = library();
    let mut app = on_beijing(&library, (100, 30));
    for action in [Action::NextLink, Action::Follow, Action::Focus(Pane::Navigator), Action::Focus(Pane::Card)] {
        app.update(action);
    }
    assert_eq!((app.at.focus, app.at.left), (Pane::Card, Pane::Navigator));
    app.update(Action::Back);
    assert_eq!((app.at.focus, app.at.left), (Pane::Story, Pane::Story), "back to the story we left from");
    app.update(Action::Forward);
    assert_eq!((app.at.focus, app.at.left), (Pane::Card, Pane::Navigator), "forward to the library beside the card");
}

#[test]
fn help_scrolls_back_up_at_once_after_going_past_its_end() {
    let library = library();
    let mut app = on_beijing(&library, (80, 24));
    app.update(Action::ToggleHelp);
    for _ in 0..500 {
        app.update(Action::Down);
    }
    let end = app.help().expect("help is open");
    assert!(end > 0 && end < 500, "the help stops at its last line");
    app.update(Action::Up);
    assert_eq!(app.help(), Some(end - 1));
    app.update(Action::Resize(80, 200));
    assert_eq!(app.help(), Some(0), "a screen tall enough for all of it needs no scroll");
}

/// The screen cell where the story draws link `index`.
fn cell_of_story_link(app: &App, index: usize) -> (u16, u16) {
    let area =
        crate::reader::layout::text_area(Pane::Story, app.screen().pane(Pane::Story).expect("the story is shown"));
    let line = app.story.doc.links[index].line;
    let column = (0..area.width as usize).find(|&x| app.story.doc.link_at(line, x) == Some(index)).expect("drawn");
    (area.x + column as u16, area.y + (line - app.story.scroll(&app.at.story)) as u16)
}

#[test]
fn clicking_a_mention_opens_its_card_and_the_wheel_scrolls_the_pane_under_it() {
    let library = library();
    let mut app = on_beijing(&library, (120, 40));
    let beijing = app.at.briefing.expect("open");
    let second = app.story.doc.links.iter().position(|l| l.target == Target::Mention(beijing, 1)).expect("linked");
    let (x, y) = cell_of_story_link(&app, second);
    app.update(Action::Click(x, y));
    let nvidia = library.entity_by_id("nvidia");
    assert_eq!((app.at.focus, app.at.entity), (Pane::Card, nvidia), "the click followed the second mention");
    let story = app.screen().pane(Pane::Story).expect("the story is shown");
    app.update(Action::Wheel(story.x + 2, story.y + 2, true));
    assert_eq!(app.story.scroll(&app.at.story), 3, "the wheel scrolled the story, not the focused card");
    assert_eq!(app.card.scroll(&app.at.card), 0);
    app.update(Action::Click(story.x + 2, story.y + 2));
    assert_eq!(app.at.focus, Pane::Story, "a click on plain text focuses its pane");
}

#[test]
fn following_a_card_mention_while_the_story_is_hidden_lands_on_it_with_context() {
    let library = library();
    // Two panes: the library beside the card, the story hidden.
    let mut app = on_beijing(&library, (100, 30));
    app.update(Action::NextLink);
    app.update(Action::Follow);
    app.update(Action::Focus(Pane::Navigator));
    app.update(Action::Focus(Pane::Card));
    assert!(app.screen().pane(Pane::Story).is_none(), "the story is hidden");
    // The card's links to mentions; the last but one lies deep in the story.
    let mentions: Vec<(usize, usize)> = app
        .card
        .doc
        .links
        .iter()
        .enumerate()
        .filter_map(|(i, l)| match l.target {
            Target::Mention(_, m) => Some((i, m)),
            _ => None,
        })
        .collect();
    let (link, mention) = mentions[mentions.len().saturating_sub(2)];
    app.at.card.link = Some(link);
    app.update(Action::Follow);
    let focused = app.at.story.link.expect("a link focused");
    let beijing = app.at.briefing.expect("open");
    assert_eq!((app.at.focus, app.story.doc.links[focused].target), (Pane::Story, Target::Mention(beijing, mention)));
    let line = app.story.doc.links[focused].line;
    let top = app.story.scroll(&app.at.story);
    let height = app.story.height;
    assert!(line > height, "the mention is below the first screen");
    assert!(
        top < line && line < top + height - 1,
        "line {line} in view of {top}..{} and not on its last row",
        top + height
    );
    let at_end = top == app.story.max_scroll();
    assert!(
        at_end || line - top <= height / 2,
        "about a third down, not at the bottom: row {} of {height}",
        line - top
    );
}

#[test]
fn a_resize_keeps_the_first_paragraph_on_screen() {
    let library = library();
    let mut app = on_beijing(&library, (120, 40));
    for _ in 0..20 {
        app.update(Action::Down);
    }
    let first = |app: &App| app.story.doc.anchor_at(app.story.scroll(&app.at.story));
    let before = first(&app);
    app.update(Action::Resize(90, 30));
    assert_eq!(first(&app).block, before.block, "the same block starts the screen after re-wrapping");
}

#[test]
fn a_second_reader_on_the_same_state_resumes_the_place_and_lists_the_bookmark() {
    use crate::reader::navigator::{Row, Saved};
    use crate::state::Store;
    let library = library();
    let store = Store::in_memory(crate::state::State::new());
    let beijing = library.briefing_by_id("beijing-gambit").expect("bundled");
    let open = Some(crate::reader::target::Target::Briefing(beijing));
    let mut first = App::remembering(&library, (120, 40), open, store.clone());
    for _ in 0..25 {
        first.update(Action::Down);
    }
    first.update(Action::NextLink);
    first.update(Action::ToggleBookmark);
    assert!(first.notice.as_deref().is_some_and(|n| n.starts_with("bookmarked ")), "{:?}", first.notice);
    let (at, entity) = (first.at.story, first.story_link_entity());
    drop(first);

    let second = App::remembering(&library, (120, 40), None, store.clone());
    assert_eq!((second.at.briefing, second.at.story.top), (Some(beijing), at.top), "the same place");
    let saved = (0..second.index.len()).find_map(|i| match second.index.row(i) {
        Some(Row::Saved(Saved::Entity(e))) => Some(e),
        _ => None,
    });
    assert_eq!(saved, entity, "the bookmarked entity is listed");
    assert!(store.with(|s| s.briefings.get("beijing-gambit").is_some_and(|m| m.opened)));
}

#[test]
fn history_is_kept_once_and_bounded() {
    let mut recent = crate::reader::recent::Recent::from_queries((0..500).map(|i| format!("q{i}")).collect());
    assert_eq!(recent.newest_first().count(), crate::reader::recent::LIMIT);
    for _ in 0..3 {
        recent.remember("h20");
    }
    assert_eq!(recent.newest_first().filter(|q| *q == "h20").count(), 1);
    assert_eq!(recent.newest_first().count(), crate::reader::recent::LIMIT);
}

#[test]
fn the_map_is_walked_by_tab_and_re_rooted_by_enter_and_back() {
    use crate::reader::views::{View, ViewKind};
    let library = library();
    let huang = library.entity_by_id("jensen-huang").expect("bundled");
    let mut app = on_beijing(&library, (120, 40));
    app.open(crate::reader::target::Target::Entity(huang));
    app.update(Action::ShowView(ViewKind::Map));
    assert_eq!((app.at.view, app.at.story.link), (View::Map(huang), Some(0)), "the root has focus");
    app.update(Action::NextLink);
    app.update(Action::NextLink);
    let third = app.story_link_entity().expect("a node has focus");
    assert_eq!(app.at.story.link, Some(2));
    assert_eq!(app.at.view, View::Map(huang), "Tab previews without re-rooting");
    assert_eq!(app.at.entity, Some(third), "the card previews the focused node");
    assert_ne!(third, huang);
    app.update(Action::Follow);
    assert_eq!(app.at.view, View::Map(third), "Enter re-roots on the node");
    assert_eq!(app.at.story.link, Some(0));
    app.update(Action::Back);
    assert_eq!((app.at.view, app.at.story.link), (View::Map(huang), Some(2)), "Back: the old root, the same focus");
    app.update(Action::Forward);
    assert_eq!(app.at.view, View::Map(third));
}

#[test]
fn previewing_never_changes_what_a_view_is_about() {
    use crate::reader::views::ViewKind;
    let library = library();
    let nvidia = library.entity_by_id("nvidia").expect("bundled");
    for kind in [ViewKind::Figures, ViewKind::Map, ViewKind::Timeline, ViewKind::Archive, ViewKind::Compare] {
        let mut app = on_beijing(&library, (120, 40));
        app.open(crate::reader::target::Target::Entity(nvidia));
        app.update(Action::ShowView(kind));
        let (view, doc) = (app.at.view, app.story.doc.clone());
        for _ in 0..6 {
            app.update(Action::NextLink);
        }
        assert_eq!(app.at.view, view, "{kind:?}");
        assert_eq!(app.story.doc, doc, "{kind:?}: the main pane is laid out as before");
    }
}

#[test]
fn find_opens_with_the_last_query_selected_so_typing_replaces_it() {
    let library = library();
    let mut app = on_beijing(&library, (120, 40));
    app.update(Action::StartFind);
    for c in "huang".chars() {
        app.update(Action::Type(c));
    }
    app.update(Action::Submit);
    app.update(Action::StartFind);
    assert!(app.find.selected && app.find.query == "huang", "the last query, selected");
    app.update(Action::Type('h'));
    app.update(Action::Type('2'));
    assert_eq!(app.find.query, "h2", "typing replaced it");
    app.update(Action::Submit);
    app.update(Action::StartFind);
    app.update(Action::Erase);
    assert_eq!(app.find.query, "", "Backspace clears a selected query");
    app.update(Action::Cancel);
    app.update(Action::StartFind);
    assert!(!app.find.selected, "nothing to select");
}

mod places;

#[test]
fn a_briefing_changed_since_it_was_read_stays_marked_updated_for_the_session_that_finds_it() {
    use crate::state::{Mark, Standing, State, Store};
    let library = library();
    let beijing = library.briefing_by_id("beijing-gambit").expect("bundled");
    let mut state = State::new();
    state.briefings.insert("beijing-gambit", Mark { at: 1, opened: true, finished: true, hash: 42, place: None });
    let store = Store::in_memory(state);
    let open = Some(crate::reader::target::Target::Briefing(beijing));
    let app = App::remembering(&library, (120, 40), open, store.clone());
    assert_eq!(app.memory.standing(&library, beijing), Standing::Updated, "though reopening it recorded the new hash");
    let mark = store.with(|s| s.briefings.get("beijing-gambit").copied()).expect("kept");
    assert_eq!((mark.hash, mark.finished), (crate::state::content_hash(library.briefing(beijing)), false));
    drop(app);
    let again = App::remembering(&library, (120, 40), open, store);
    assert_eq!(again.memory.standing(&library, beijing), Standing::Opened, "the next session knows this version");
}
