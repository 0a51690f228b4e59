//! Everything the reader can be asked to do. Keys, mouse and resize events become an
//! [`Action`] (through the key table in `keymap`), and `App::update` is the only place
//! that changes state in response.

use super::views::ViewKind;

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
}
