//! The default key bindings, written as the configuration file writes keys. They follow
//! less, vim, lynx and w3m where those agree: Space and `b` page, Ctrl-d and Ctrl-u move half
//! a page, `g g` and `G` go to the top and bottom, `/` searches and `n` / `N` step through
//! matches; history is on Backspace, Alt-←/→ and `H`/`L` (as in browsers and vim-like
//! browsers), keys that shadow no
//! paging. `docs/config.md` explains every choice that departs from those programs.

use super::Context::{self, Find, Global, Help, Navigator, Reading, Search};
use crate::reader::action::{Action, Pane};
use crate::reader::views::ViewKind;

/// One row of the default table: an action, its keys in one context, its help line.
#[derive(Debug, Clone, Copy)]
pub struct Row {
    /// Where it applies.
    pub context: Context,
    /// The keys, in the configuration's spelling; the first is the one hints show.
    pub keys: &'static [&'static str],
    /// What they do.
    pub action: Action,
    /// What the help overlay says.
    pub help: &'static str,
    /// The short word the status bar shows, for the few keys that matter most.
    pub hint: Option<&'static str>,
}

const fn bind(context: Context, keys: &'static [&'static str], action: Action, help: &'static str) -> Row {
    Row { context, keys, action, help, hint: None }
}

const fn hinted(
    context: Context,
    keys: &'static [&'static str],
    action: Action,
    help: &'static str,
    hint: &'static str,
) -> Row {
    Row { context, keys, action, help, hint: Some(hint) }
}

/// Every default key binding of the reader.
pub const DEFAULTS: &[Row] = &[
    hinted(Reading, &["Tab"], Action::NextLink, "focus the next link", "link"),
    bind(Reading, &["Shift-Tab"], Action::PrevLink, "focus the previous link"),
    hinted(Reading, &["Enter"], Action::Follow, "follow the focused link", "follow"),
    bind(Reading, &["j", "Down", "Ctrl-e"], Action::Down, "scroll down a line"),
    bind(Reading, &["k", "Up", "Ctrl-y"], Action::Up, "scroll up a line"),
    bind(Reading, &["Space", "PgDn", "Ctrl-f"], Action::PageDown, "scroll down a page"),
    bind(Reading, &["b", "PgUp", "Ctrl-b"], Action::PageUp, "scroll up a page"),
    bind(Reading, &["Ctrl-d", "d"], Action::HalfPageDown, "scroll down half a page"),
    bind(Reading, &["Ctrl-u", "u"], Action::HalfPageUp, "scroll up half a page"),
    bind(Reading, &["g g", "Home"], Action::Top, "go to the top"),
    bind(Reading, &["G", "End"], Action::Bottom, "go to the bottom"),
    bind(Navigator, &["j", "Down", "Tab"], Action::Down, "select the next row"),
    bind(Navigator, &["k", "Up", "Shift-Tab"], Action::Up, "select the previous row"),
    hinted(Navigator, &["Enter"], Action::Follow, "open the briefing or entity; fold a group", "open"),
    bind(Navigator, &["Space", "PgDn", "Ctrl-f"], Action::PageDown, "down a page"),
    bind(Navigator, &["b", "PgUp", "Ctrl-b"], Action::PageUp, "up a page"),
    bind(Navigator, &["Ctrl-d", "d"], Action::HalfPageDown, "down half a page"),
    bind(Navigator, &["Ctrl-u", "u"], Action::HalfPageUp, "up half a page"),
    bind(Navigator, &["g g", "Home"], Action::Top, "first row"),
    bind(Navigator, &["G", "End"], Action::Bottom, "last row"),
    bind(Navigator, &["a"], Action::ToggleEntityScope, "entities: of this briefing, or of all"),
    hinted(Global, &["?"], Action::ToggleHelp, "show this help", "help"),
    hinted(Global, &["q", "Ctrl-c"], Action::Quit, "quit", "quit"),
    bind(Global, &["Ctrl-z"], Action::Suspend, "suspend the reader (fg resumes it)"),
    hinted(Global, &["/"], Action::StartSearch, "search the whole library", "search"),
    bind(Global, &["s"], Action::ShowView(ViewKind::Story), "show the story"),
    bind(Global, &["c"], Action::ShowView(ViewKind::Figures), "chart the figures as bars"),
    bind(Global, &["r"], Action::ShowView(ViewKind::Map), "map the card entity's relations"),
    bind(Global, &["t"], Action::ShowView(ViewKind::Timeline), "show the timeline of events"),
    bind(Global, &["T"], Action::ShowView(ViewKind::Archive), "every event of the archive, by date"),
    bind(Global, &["C"], Action::ShowView(ViewKind::Compare), "the card entity's figures in every briefing"),
    bind(Global, &["p"], Action::StartPath, "connect the card entity to one picked in search"),
    hinted(Global, &["f"], Action::StartFind, "find text in the story", "find"),
    bind(Global, &["n"], Action::FindNext, "next find match"),
    bind(Global, &["N"], Action::FindPrev, "previous find match"),
    hinted(Global, &["Backspace", "Alt-Left", "H"], Action::Back, "back in history", "back"),
    bind(Global, &["Alt-Right", "L"], Action::Forward, "forward in history"),
    bind(Global, &["1"], Action::Focus(Pane::Navigator), "show the library pane"),
    bind(Global, &["2"], Action::Focus(Pane::Story), "show the story pane"),
    bind(Global, &["3"], Action::Focus(Pane::Card), "show the card pane"),
    hinted(Global, &["w"], Action::NextPane, "focus the next pane", "pane"),
    bind(Global, &["B"], Action::ToggleBookmark, "bookmark what has focus, or remove it"),
    bind(Global, &["m"], Action::ToggleMouse, "release or capture the mouse (to select text)"),
    bind(Global, &["Esc"], Action::Cancel, "clear the find highlights"),
    hinted(Search, &["Enter"], Action::Submit, "go to the selected result", "go"),
    hinted(Search, &["Esc"], Action::Cancel, "close, back to where you were", "close"),
    bind(Search, &["Down", "Ctrl-n", "Tab"], Action::Down, "select the next result"),
    bind(Search, &["Up", "Ctrl-p", "Shift-Tab"], Action::Up, "select the previous result"),
    bind(Search, &["PgDn"], Action::PageDown, "down a page of results"),
    bind(Search, &["PgUp"], Action::PageUp, "up a page of results"),
    bind(Search, &["Backspace"], Action::Erase, "delete a character"),
    bind(Search, &["Ctrl-w"], Action::EraseWord, "delete the word before the cursor"),
    bind(Search, &["Left"], Action::CursorLeft, "move the cursor left"),
    bind(Search, &["Right"], Action::CursorRight, "move the cursor right"),
    bind(Search, &["Home", "Ctrl-a"], Action::CursorStart, "cursor to the start of the query"),
    bind(Search, &["End", "Ctrl-e"], Action::CursorEnd, "cursor to the end of the query"),
    bind(Search, &["Alt-Up", "Ctrl-r"], Action::RecallOlder, "recall an earlier query"),
    bind(Search, &["Alt-Down"], Action::RecallNewer, "recall a later query"),
    bind(Search, &["Ctrl-c"], Action::Quit, "quit"),
    bind(Search, &["Ctrl-z"], Action::Suspend, "suspend the reader"),
    hinted(Find, &["Enter"], Action::Submit, "keep the query and go back to reading", "done"),
    hinted(Find, &["Esc"], Action::Cancel, "clear the query", "cancel"),
    bind(Find, &["Backspace"], Action::Erase, "delete a character"),
    bind(Find, &["Up"], Action::RecallOlder, "recall an earlier query"),
    bind(Find, &["Down"], Action::RecallNewer, "recall a later query"),
    bind(Find, &["Ctrl-c"], Action::Quit, "quit"),
    bind(Find, &["Ctrl-z"], Action::Suspend, "suspend the reader"),
    bind(Help, &["Esc", "?", "q"], Action::ToggleHelp, "close the help"),
    bind(Help, &["j", "Down", "Ctrl-e"], Action::Down, "scroll down"),
    bind(Help, &["k", "Up", "Ctrl-y"], Action::Up, "scroll up"),
    bind(Help, &["Space", "PgDn", "Ctrl-f"], Action::PageDown, "down a page"),
    bind(Help, &["b", "PgUp", "Ctrl-b"], Action::PageUp, "up a page"),
    bind(Help, &["Ctrl-d", "d"], Action::HalfPageDown, "down half a page"),
    bind(Help, &["Ctrl-u", "u"], Action::HalfPageUp, "up half a page"),
    bind(Help, &["g g", "Home"], Action::Top, "to the top"),
    bind(Help, &["G", "End"], Action::Bottom, "to the bottom"),
    bind(Help, &["Ctrl-c"], Action::Quit, "quit"),
    bind(Help, &["Ctrl-z"], Action::Suspend, "suspend the reader"),
];
