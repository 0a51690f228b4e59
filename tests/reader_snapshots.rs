//! What the reader draws, as a person would see it: plain-text snapshots of whole screens
//! (story, entity card, navigator, help, find, narrow tabs, "too small", a CJK card) at
//! several sizes, plus assertions on the styles text alone cannot show — the focused link
//! reversed, links underlined, no colour without colour, never a background — and on the
//! column alignment of wide (CJK, emoji) text.
//!
//! Snapshots live in `tests/snapshots/`; after an intended change, re-record them with
//! `INSTA_UPDATE=always cargo test --test reader_snapshots` and review the diff.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture or pty")]

use std::path::Path;
use std::sync::OnceLock;

use briefing::library::{EntityId, Library, Options, bundled, load_dir};
use briefing::reader::action::{Action, Pane};
use briefing::reader::app::App;
use briefing::reader::doc::width;
use briefing::reader::layout::Mode;
use briefing::reader::target::Target;
use briefing::reader::theme::Theme;
use briefing::reader::{screen_text, ui};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

/// The sizes every main screen is recorded at: medium, wide, very wide.
const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 50)];

fn bundled_library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| bundled::load(Options::default()).expect("the bundled library loads").library)
}

fn cjk_library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cjk");
        load_dir(&dir, Options::default()).expect("the CJK fixture loads").library
    })
}

/// A reader at `size` with a fixed theme, so snapshots do not depend on `NO_COLOR`, on
/// the Beijing story where the library has it (these screens walk through it).
fn reader(library: &Library, size: (u16, u16), color: bool) -> App<'_> {
    let mut app = App::new(library, size, library.briefing_by_id("beijing-gambit").map(Target::Briefing));
    app.theme = Theme::new(color);
    app
}

fn entity(library: &Library, id: &str) -> EntityId {
    library.entity_by_id(id).unwrap_or_else(|| panic!("no entity `{id}`"))
}

/// The entity of the story's focused mention in its text (not a name in the headline).
fn story_focus(app: &App) -> Option<EntityId> {
    match app.story.doc.links.get(app.at.story.link?)?.target {
        Target::Mention(b, m) => app.library.mentions(b).get(m).map(|m| m.entity),
        _ => None,
    }
}

/// Tab through the story until a mention of `id` in its text has focus.
fn tab_to_mention(app: &mut App, id: EntityId) {
    let links = app.story.doc.links.len();
    for _ in 0..=links {
        app.update(Action::NextLink);
        if story_focus(app) == Some(id) {
            return;
        }
    }
    panic!("no mention of {id:?} reachable with Tab");
}

/// Tab through the card until a link to `target` has focus.
fn tab_to_card_link(app: &mut App, target: Target) {
    let links = app.card.doc.links.len();
    for _ in 0..=links {
        app.update(Action::NextLink);
        if app.at.card.link.map(|l| app.card.doc.links[l].target) == Some(target) {
            return;
        }
    }
    panic!("no card link to {target:?} reachable with Tab");
}

/// Jensen Huang's card, reached as a reader would: Tab to his first mention, Enter.
fn huang_card(size: (u16, u16), color: bool) -> App<'static> {
    let library = bundled_library();
    let mut app = reader(library, size, color);
    tab_to_mention(&mut app, entity(library, "jensen-huang"));
    app.update(Action::Follow);
    app
}

fn buffer(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).expect("test backend");
    terminal.draw(|frame| ui::render(app, frame)).expect("draw");
    terminal.backend().buffer().clone()
}

/// Where `needle` is drawn: the cells of its first occurrence, one per character.
fn find_cells(buffer: &Buffer, needle: &str) -> Option<Vec<(u16, u16)>> {
    let area = buffer.area;
    let wanted: Vec<String> = needle.chars().map(String::from).collect();
    for y in 0..area.height {
        let mut row: Vec<(u16, &str)> = Vec::new();
        let mut x = 0;
        while x < area.width {
            let symbol = buffer[(x, y)].symbol();
            row.push((x, symbol));
            x += width(symbol).max(1) as u16;
        }
        for start in 0..row.len() {
            let cells = row[start..].iter().take(wanted.len());
            if cells.len() == wanted.len() && cells.clone().zip(&wanted).all(|((_, s), w)| s == w) {
                return Some(cells.map(|&(x, _)| (x, y)).collect());
            }
        }
    }
    None
}

fn cells_of(buffer: &Buffer, needle: &str) -> Vec<(u16, u16)> {
    find_cells(buffer, needle).unwrap_or_else(|| panic!("`{needle}` is not on screen:\n{}", plain(buffer)))
}

fn plain(buffer: &Buffer) -> String {
    (0..buffer.area.height)
        .map(|y| (0..buffer.area.width).map(|x| buffer[(x, y)].symbol()).collect::<String>() + "\n")
        .collect()
}

fn has(buffer: &Buffer, cells: &[(u16, u16)], modifier: Modifier) -> bool {
    cells.iter().all(|&c| buffer[c].modifier.contains(modifier))
}

/// Every cell of the screen: no foreground colour at all when the theme has none, and
/// never a background colour (text sits on the terminal's own background).
fn assert_colours(buffer: &Buffer, color: bool) {
    for cell in &buffer.content {
        assert_eq!(cell.bg, Color::Reset, "a cell `{}` has a background", cell.symbol());
        if !color {
            assert_eq!(cell.fg, Color::Reset, "a cell `{}` has a colour without colour", cell.symbol());
        }
    }
}

/// Snapshot name for a screen at a size: `story_80x24`.
fn name(screen: &str, (w, h): (u16, u16)) -> String {
    format!("{screen}_{w}x{h}")
}

#[test]
fn story_opens_on_the_only_briefing() {
    for size in SIZES {
        let app = reader(bundled_library(), size, false);
        assert_eq!(app.at.focus, Pane::Story);
        insta::assert_snapshot!(name("story", size), screen_text(&app));
    }
}

#[test]
fn entity_card_after_following_the_first_huang_mention() {
    for size in SIZES {
        let app = huang_card(size, false);
        assert_eq!(app.at.focus, Pane::Card);
        assert_eq!(app.at.entity, Some(entity(bundled_library(), "jensen-huang")));
        let text = screen_text(&app);
        assert!(text.contains("CEO of"), "{text}");
        insta::assert_snapshot!(name("huang_card", size), text);
    }
}

#[test]
fn navigator_focused() {
    for size in SIZES {
        let mut app = reader(bundled_library(), size, false);
        app.update(Action::Focus(Pane::Navigator));
        let text = screen_text(&app);
        assert!(text.contains("PERSON"), "{text}");
        insta::assert_snapshot!(name("navigator", size), text);
    }
}

#[test]
fn help_overlay() {
    for size in SIZES {
        let mut app = reader(bundled_library(), size, false);
        app.update(Action::ToggleHelp);
        let text = screen_text(&app);
        assert!(text.contains("Keys"), "{text}");
        insta::assert_snapshot!(name("help", size), text);
    }
}

#[test]
fn find_marks_matches_and_counts_them() {
    let mut app = reader(bundled_library(), (120, 40), true);
    app.update(Action::StartFind);
    for c in "huang".chars() {
        app.update(Action::Type(c));
    }
    let typing = screen_text(&app);
    assert!(typing.lines().last().is_some_and(|l| l.starts_with("Find: huang▏  1/")), "{typing}");
    app.update(Action::Submit);
    assert!(app.find.count > 2, "Huang is named often");
    // Matches count from the headline and source line down: the fifth is "Huang first".
    for _ in 0..4 {
        app.update(Action::FindNext);
    }
    assert_eq!(app.find.current, 4);
    let text = screen_text(&app);
    assert!(text.lines().last().is_some_and(|l| l.contains(&format!("“huang” 5/{} n/N", app.find.count))), "{text}");
    insta::assert_snapshot!("find_huang_fifth_match_120x40", text);
    let buffer = buffer(&app);
    let other = &cells_of(&buffer, "●Huang settled")[1..6];
    let current = &cells_of(&buffer, "●Huang first")[1..6];
    assert!(has(&buffer, other, Modifier::REVERSED) && buffer[other[0]].fg == Color::Yellow, "matches are marked");
    assert!(!has(&buffer, other, Modifier::BOLD), "only the current match is bold");
    assert!(has(&buffer, current, Modifier::REVERSED | Modifier::BOLD), "the current match stands out");
    assert!(has(&buffer, current, Modifier::UNDERLINED), "and without colour too");
    assert!(!has(&buffer, other, Modifier::UNDERLINED), "the other matches are not underlined");
    assert_colours(&buffer, true);
}

#[test]
fn the_story_header_at_80x24_leaves_the_text_by_the_fifth_row() {
    let app = reader(bundled_library(), (80, 24), false);
    let text = screen_text(&app);
    let rows: Vec<&str> = text.lines().collect();
    assert!(rows[0].starts_with("╭ In Focus Magazine · March 2025 · “The Beiji… ╮"), "the source in the border");
    assert!(rows[1].starts_with("│Huang Flies to Beijing"), "the headline on row 2");
    assert!(rows[4].starts_with("│●Jensen Huang, the chief executive"), "body text on row 5:\n{text}");
    assert!(text.contains("Days after Washington blocked"), "the dek is on the empty card");
    insta::assert_snapshot!("story_header_80x24", rows[..8].join("\n"));
}

#[test]
fn the_one_pane_layout_previews_the_focused_link_under_the_story() {
    for size in [(60, 20), (60, 24)] {
        let mut app = reader(bundled_library(), size, false);
        tab_to_mention(&mut app, entity(bundled_library(), "nvidia"));
        assert_eq!((app.screen().mode, app.at.focus), (Mode::Narrow, Pane::Story));
        let text = screen_text(&app);
        assert!(text.contains("■Nvidia company ─"), "the strip names the entity:\n{text}");
        assert!(text.contains("Enter opens the card · 3 shows it"), "{text}");
        insta::assert_snapshot!(name("narrow_strip", size), text);
    }
}

#[test]
fn the_library_can_be_hidden_and_shown_again() {
    for size in [(120, 40), (200, 50)] {
        let mut app = reader(bundled_library(), size, false);
        app.update(Action::ToggleLibrary);
        assert!(app.screen().pane(Pane::Navigator).is_none());
        let text = screen_text(&app);
        assert!(text.lines().next().is_some_and(|l| l.starts_with("╭ Story ")), "{text}");
        assert!(text.contains("Library hidden (\\ shows it again)"), "{text}");
        insta::assert_snapshot!(name("library_hidden", size), text);
        app.update(Action::ToggleLibrary);
        assert_eq!(app.at.focus, Pane::Navigator, "showing it focuses it");
    }
}

#[test]
fn narrow_mode_shows_one_pane_with_tabs() {
    let size = (60, 24);
    let mut app = reader(bundled_library(), size, false);
    assert_eq!(app.screen().mode, Mode::Narrow);
    let story = screen_text(&app);
    assert!(story.lines().next().is_some_and(|l| l.contains("1 Library") && l.contains("3 Card")), "{story}");
    insta::assert_snapshot!("narrow_story_60x24", story);
    tab_to_mention(&mut app, entity(bundled_library(), "jensen-huang"));
    app.update(Action::Follow);
    assert_eq!(app.at.focus, Pane::Card);
    insta::assert_snapshot!("narrow_card_60x24", screen_text(&app));
    let buffer = buffer(&app);
    assert!(has(&buffer, &cells_of(&buffer, "3 Card"), Modifier::REVERSED), "the shown tab is reversed");
    assert!(!has(&buffer, &cells_of(&buffer, "2 Story"), Modifier::REVERSED));
}

#[test]
fn too_small_says_so_and_never_panics() {
    let app = reader(bundled_library(), (20, 5), false);
    insta::assert_snapshot!("too_small_20x5", screen_text(&app));
    for size in [(1, 1), (1, 40), (250, 1), (29, 8), (30, 7), (0, 0), (0, 10)] {
        let mut app = reader(bundled_library(), size, false);
        let text = screen_text(&app);
        assert_eq!(text.lines().count(), size.1 as usize);
        for action in [Action::NextLink, Action::Follow, Action::PageDown, Action::Click(0, 0), Action::ToggleHelp] {
            app.update(action);
            screen_text(&app);
        }
    }
    let text = screen_text(&reader(bundled_library(), (29, 8), false));
    assert!(text.contains("too small"), "{text}");
}

#[test]
fn focused_link_is_reversed_and_links_are_underlined() {
    let library = bundled_library();
    let mut app = reader(library, (120, 40), true);
    tab_to_mention(&mut app, entity(library, "jensen-huang"));
    let buffer = buffer(&app);
    let huang = cells_of(&buffer, "●Jensen Huang,");
    let (link, comma) = huang.split_at(huang.len() - 1);
    assert!(has(&buffer, link, Modifier::REVERSED | Modifier::UNDERLINED), "focused link");
    assert!(buffer[link[0]].fg == Color::Magenta, "a person link is magenta");
    assert!(!has(&buffer, comma, Modifier::UNDERLINED | Modifier::REVERSED), "text after a link is plain");
    let nvidia = cells_of(&buffer, "■Nvidia, turned");
    assert!(has(&buffer, &nvidia[..7], Modifier::UNDERLINED), "other links are underlined");
    assert!(!nvidia.iter().any(|&c| buffer[c].modifier.contains(Modifier::REVERSED)), "only one link is focused");
    assert_colours(&buffer, true);
}

#[test]
fn card_links_take_the_focus_too() {
    let library = bundled_library();
    let mut app = huang_card((120, 40), true);
    tab_to_card_link(&mut app, Target::Entity(entity(library, "nvidia")));
    let buffer = buffer(&app);
    let nvidia = cells_of(&buffer, "CEO of → ■Nvidia");
    let (label, link) = nvidia.split_at(9);
    assert!(has(&buffer, link, Modifier::REVERSED | Modifier::UNDERLINED), "the focused relation");
    assert!(!label.iter().any(|&c| buffer[c].modifier.contains(Modifier::UNDERLINED)), "labels are not links");
}

#[test]
fn without_colour_no_cell_is_coloured_but_links_still_show() {
    let library = bundled_library();
    let mut screens = vec![reader(library, (120, 40), false), huang_card((120, 40), false)];
    let mut nav = reader(library, (120, 40), false);
    nav.update(Action::Focus(Pane::Navigator));
    let mut help = reader(library, (80, 24), false);
    help.update(Action::ToggleHelp);
    let mut find = reader(library, (80, 24), false);
    for action in [Action::StartFind, Action::Type('h'), Action::Type('2'), Action::Type('0')] {
        find.update(action);
    }
    screens.extend([nav, help, find]);
    for app in &screens {
        let buffer = buffer(app);
        assert_colours(&buffer, false);
        let underlined = buffer.content.iter().filter(|c| c.modifier.contains(Modifier::UNDERLINED)).count();
        assert!(app.help().is_some() || underlined > 0, "links are underlined without colour:\n{}", plain(&buffer));
    }
    let mut story = reader(library, (120, 40), false);
    tab_to_mention(&mut story, entity(library, "jensen-huang"));
    let buffer = buffer(&story);
    assert!(has(&buffer, &cells_of(&buffer, "●Jensen Huang,")[..13], Modifier::REVERSED | Modifier::UNDERLINED));
}

/// Display columns of the border characters of a screen-text row.
fn border_columns(row: &str) -> Vec<usize> {
    let mut at = 0;
    let mut columns = Vec::new();
    for c in row.chars() {
        if "│╭╮╰╯".contains(c) {
            columns.push(at);
        }
        at += width(c.encode_utf8(&mut [0; 4]));
    }
    columns
}

/// Wide text keeps columns aligned: every row is exactly as wide as the screen, and every
/// row between a pane's top and bottom borders has its side borders at the same columns.
fn assert_aligned(app: &App) {
    let buffer = buffer(app);
    let (w, h) = app.size;
    for y in 0..h {
        let mut x = 0;
        let mut columns = 0;
        while x < w {
            let symbol = buffer[(x, y)].symbol();
            let cell_width = width(symbol).max(1) as u16;
            columns += cell_width;
            x += cell_width;
        }
        assert_eq!(columns, w, "row {y} is {columns} columns wide, not {w}:\n{}", screen_text(app));
    }
    let expected: Vec<usize> =
        app.screen().panes.iter().flat_map(|(_, r)| [r.x as usize, (r.x + r.width - 1) as usize]).collect();
    let text = screen_text(app);
    let body = app.screen().panes[0].1;
    for (y, row) in text.lines().enumerate().skip(body.y as usize).take(body.height as usize) {
        let mut padded = row.to_string();
        padded.extend(std::iter::repeat_n(' ', (w as usize).saturating_sub(width(row))));
        assert_eq!(border_columns(&padded), expected, "row {y} borders moved:\n{text}");
    }
}

/// The fixture's company card: name, aliases, role, summary and facts mostly Chinese and
/// Japanese, with an emoji.
fn cjk_card(size: (u16, u16)) -> App<'static> {
    let library = cjk_library();
    let mut app = App::new(library, size, Some(Target::Entity(entity(library, "huawei"))));
    app.theme = Theme::new(false);
    app
}

#[test]
fn cjk_card_keeps_columns_aligned() {
    for size in SIZES {
        let app = cjk_card(size);
        assert_aligned(&app);
        let text = screen_text(&app);
        assert!(text.contains("华为技术有限公司") && text.contains("ファーウェイ"), "{text}");
        insta::assert_snapshot!(name("cjk_card", size), text);
    }
    for size in [(60, 24), (31, 9), (47, 13), (81, 20), (121, 20)] {
        assert_aligned(&cjk_card(size));
    }
}

#[test]
fn cjk_story_keeps_columns_aligned() {
    let library = cjk_library();
    for size in [(80, 24), (120, 40), (60, 24), (33, 12), (91, 17)] {
        let mut app = reader(library, size, false);
        assert_aligned(&app);
        tab_to_mention(&mut app, entity(library, "ascend"));
        assert_aligned(&app);
        app.update(Action::Focus(Pane::Navigator));
        assert_aligned(&app);
    }
    insta::assert_snapshot!("cjk_story_80x24", screen_text(&reader(library, (80, 24), false)));
}

#[test]
fn a_card_marks_the_mentions_in_briefings_not_yet_read() {
    use briefing::state::{Mark, State, Store, content_hash};
    let library = bundled_library();
    let mut state = State::new();
    for b in library.briefing_ids() {
        state.seen.insert(&format!("b:{}", library.briefing(b).id), 1);
    }
    for e in library.entity_ids() {
        state.seen.insert(&format!("e:{}", library.entity(e).id), 1);
    }
    // The Beijing story read to the end; the write-down read before it was edited.
    let beijing = library.briefing_by_id("beijing-gambit").unwrap();
    let read = Mark { at: 1, opened: true, finished: true, hash: content_hash(library.briefing(beijing)), place: None };
    state.briefings.insert("beijing-gambit", read);
    state.briefings.insert("nvidia-q1-h20-writedown", Mark { hash: 1, ..read });
    let mut app = App::remembering(library, (120, 40), Some(Target::Briefing(beijing)), Store::in_memory(state));
    app.theme = Theme::new(false);
    tab_to_mention(&mut app, entity(library, "jensen-huang"));
    app.update(Action::Follow);
    for _ in 0..14 {
        app.update(Action::Down);
    }
    let card: Vec<String> = app.card.doc.lines.iter().map(|l| l.iter().map(|p| p.text.as_str()).collect()).collect();
    let card = card.join("\n");
    assert!(card.contains("Mentions (13, 4 not yet read)"), "{card}");
    assert!(card.contains("· updated since read") && card.contains("· unread"), "{card}");
    assert!(card.contains("  Huang Flies to Beijing"), "the story read has no mark: {card}");
    insta::assert_snapshot!("card_marks_unread_120x40", screen_text(&app));
}
