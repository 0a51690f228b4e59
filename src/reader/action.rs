//! Everything the reader can be asked to do. Keys, mouse and resize events become an
//! [`Action`] (through the key table in `keymap`), and `App::update` is the only place
//! that changes state in response.
//!
//! [`ACTIONS`] names every action a key can be bound to: the configuration file, the help
//! and `briefing config default` all use these names.

use super::views::ViewKind;
use crate::config::{Key, Word};

/// A pane of the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    /// The library's briefings and entity index.
    Navigator,
    /// The story of the open briefing.
    Story,
    /// The card of the focused entity.
    Card,
}

impl Pane {
    /// All panes, in screen order.
    pub const ALL: [Pane; 3] = [Pane::Navigator, Pane::Story, Pane::Card];

    /// The pane's title.
    pub fn title(self) -> &'static str {
        match self {
            Pane::Navigator => "Library",
            Pane::Story => "Story",
            Pane::Card => "Card",
        }
    }
}

/// One thing the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the reader.
    Quit,
    /// Open or close the key help.
    ToggleHelp,
    /// Focus the next link of the pane (Tab).
    NextLink,
    /// Focus the previous link of the pane (Shift-Tab).
    PrevLink,
    /// Follow the focused link or open the selected row (Enter).
    Follow,
    /// Scroll or move the selection one line down.
    Down,
    /// Scroll or move the selection one line up.
    Up,
    /// One screen down.
    PageDown,
    /// One screen up.
    PageUp,
    /// Half a screen down.
    HalfPageDown,
    /// Half a screen up.
    HalfPageUp,
    /// To the top.
    Top,
    /// To the bottom.
    Bottom,
    /// Back in history.
    Back,
    /// Forward in history.
    Forward,
    /// Focus a pane (and show it when only one fits).
    Focus(Pane),
    /// Focus the next pane.
    NextPane,
    /// Capture the mouse, or release it so the terminal can select text.
    ToggleMouse,
    /// Start typing a find-in-story query.
    StartFind,
    /// Next find match.
    FindNext,
    /// Previous find match.
    FindPrev,
    /// Close what is open: help, find, search.
    Cancel,
    /// Open the search box.
    StartSearch,
    /// Type a character into the open input.
    Type(char),
    /// Delete the character before the cursor of the open input.
    Erase,
    /// Delete the word before the cursor of the open input.
    EraseWord,
    /// Move the cursor of the open input one character left.
    CursorLeft,
    /// Move the cursor of the open input one character right.
    CursorRight,
    /// Move the cursor to the start of the open input.
    CursorStart,
    /// Move the cursor to the end of the open input.
    CursorEnd,
    /// Confirm the open input.
    Submit,
    /// Recall an earlier query in the open input.
    RecallOlder,
    /// Recall a later query in the open input.
    RecallNewer,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// A left click at a column and row.
    Click(u16, u16),
    /// The wheel turned over a column and row: down when true.
    Wheel(u16, u16, bool),
    /// Background work (a search) may have finished: take in its results.
    Tick,
    /// Show a view in the main pane.
    ShowView(ViewKind),
    /// Pick, in the search box, an entity to connect the card's entity to.
    StartPath,
    /// Give the terminal back and stop, as Ctrl-Z does in a shell; `fg` resumes the reader
    /// where it was. Handled by the event loop, not by the app.
    Suspend,
    /// List in the navigator the open briefing's entities, or the whole library's.
    ToggleEntityScope,
    /// Bookmark what has the reader's attention (the focused mention, the card's entity,
    /// the navigator's row, or the paragraph at the top), or remove that bookmark.
    ToggleBookmark,
    /// A key that starts a key sequence (`g` of `g g`) was pressed: wait for the next.
    Prefix(Key),
    /// A key that no binding takes was pressed after the start of a sequence: the sequence
    /// is dropped.
    Unbound,
}

const fn word(name: &'static str, value: Action, about: &'static str) -> Word<Action> {
    Word { name, value, about }
}

/// Every action a key can be bound to, by its name in the configuration, with what it does.
pub const ACTIONS: &[Word<Action>] = &[
    word("quit", Action::Quit, "quit"),
    word("toggle_help", Action::ToggleHelp, "open or close the help"),
    word("next_link", Action::NextLink, "focus the next link"),
    word("prev_link", Action::PrevLink, "focus the previous link"),
    word("follow", Action::Follow, "follow the focused link, or open the selected row"),
    word("down", Action::Down, "scroll down a line, or select the next row"),
    word("up", Action::Up, "scroll up a line, or select the previous row"),
    word("page_down", Action::PageDown, "down a page"),
    word("page_up", Action::PageUp, "up a page"),
    word("half_page_down", Action::HalfPageDown, "down half a page"),
    word("half_page_up", Action::HalfPageUp, "up half a page"),
    word("top", Action::Top, "to the top"),
    word("bottom", Action::Bottom, "to the bottom"),
    word("back", Action::Back, "back in history"),
    word("forward", Action::Forward, "forward in history"),
    word("focus_library", Action::Focus(Pane::Navigator), "show and focus the library pane"),
    word("focus_story", Action::Focus(Pane::Story), "show and focus the story pane"),
    word("focus_card", Action::Focus(Pane::Card), "show and focus the card pane"),
    word("next_pane", Action::NextPane, "focus the next pane"),
    word("toggle_mouse", Action::ToggleMouse, "release or capture the mouse (to select text)"),
    word("start_find", Action::StartFind, "find text in the story"),
    word("find_next", Action::FindNext, "next find match"),
    word("find_prev", Action::FindPrev, "previous find match"),
    word("cancel", Action::Cancel, "close or clear what is open: help, find, search, highlights"),
    word("start_search", Action::StartSearch, "search the whole library"),
    word("erase", Action::Erase, "delete the character before the cursor"),
    word("erase_word", Action::EraseWord, "delete the word before the cursor"),
    word("cursor_left", Action::CursorLeft, "move the cursor left"),
    word("cursor_right", Action::CursorRight, "move the cursor right"),
    word("cursor_start", Action::CursorStart, "cursor to the start of the query"),
    word("cursor_end", Action::CursorEnd, "cursor to the end of the query"),
    word("submit", Action::Submit, "confirm the query: go to the result, keep the find"),
    word("recall_older", Action::RecallOlder, "recall an earlier query"),
    word("recall_newer", Action::RecallNewer, "recall a later query"),
    word("show_story", Action::ShowView(ViewKind::Story), "show the story"),
    word("show_figures", Action::ShowView(ViewKind::Figures), "chart the figures as bars"),
    word("show_map", Action::ShowView(ViewKind::Map), "map the card entity's relations"),
    word("show_timeline", Action::ShowView(ViewKind::Timeline), "show the timeline of events"),
    word("show_archive", Action::ShowView(ViewKind::Archive), "every event of the archive, by date"),
    word("show_compare", Action::ShowView(ViewKind::Compare), "the card entity's figures in every briefing"),
    word("start_path", Action::StartPath, "connect the card entity to another (pick it in search)"),
    word("suspend", Action::Suspend, "suspend the reader (fg resumes it)"),
    word("toggle_entity_scope", Action::ToggleEntityScope, "list the entities of this briefing, or of all"),
    word("toggle_bookmark", Action::ToggleBookmark, "bookmark what has focus, or remove the bookmark"),
];

impl Action {
    /// The action's name in the configuration, if a key can be bound to it.
    pub fn name(self) -> Option<&'static str> {
        ACTIONS.iter().find(|w| w.value == self).map(|w| w.name)
    }

    /// What the action does, in a few words.
    pub fn about(self) -> &'static str {
        ACTIONS.iter().find(|w| w.value == self).map_or("", |w| w.about)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_snake_case_and_unique() {
        for (i, a) in ACTIONS.iter().enumerate() {
            assert!(a.name.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{}", a.name);
            assert!(ACTIONS[i + 1..].iter().all(|b| b.name != a.name && b.value != a.value), "{} twice", a.name);
            assert_eq!(a.value.name(), Some(a.name));
        }
        assert_eq!(Action::Tick.name(), None);
    }
}
