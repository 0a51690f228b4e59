//! The one key table. Dispatch, the help overlay and the status-bar hints all read
//! [`BINDINGS`], so a key cannot do one thing and be documented as another.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Pane};
use super::views::ViewKind;

/// Where a binding applies. Several contexts are active at once, most specific first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Anywhere, unless an input or overlay has the keyboard.
    Global,
    /// In the story or a card.
    Reading,
    /// In the library navigator.
    Navigator,
    /// Typing a find-in-story query.
    Find,
    /// In the search box.
    Search,
    /// With the help overlay open.
    Help,
}

impl Context {
    /// Heading of the context in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Anywhere",
            Context::Reading => "Story and card",
            Context::Navigator => "Library",
            Context::Find => "Find in story",
            Context::Search => "Search box",
            Context::Help => "Help",
        }
    }

    /// Contexts in the order the help overlay lists them.
    pub const ALL: [Context; 6] =
        [Context::Reading, Context::Navigator, Context::Global, Context::Search, Context::Find, Context::Help];

    /// Whether printable keys type into an input in this context.
    fn takes_text(self) -> bool {
        matches!(self, Context::Find | Context::Search)
    }
}

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    code: KeyCode,
    mods: KeyModifiers,
}

const fn plain(code: KeyCode) -> Key {
    Key { code, mods: KeyModifiers::NONE }
}

const fn ch(c: char) -> Key {
    plain(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), mods: KeyModifiers::CONTROL }
}

const fn alt(code: KeyCode) -> Key {
    Key { code, mods: KeyModifiers::ALT }
}

/// One entry of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// Where it applies.
    pub context: Context,
    /// The keys that trigger it; the first is the one hints show.
    pub keys: &'static [Key],
    /// What it does.
    pub action: Action,
    /// What the help overlay says.
    pub help: &'static str,
    /// The short word the status bar shows, for the few keys that matter most.
    pub hint: Option<&'static str>,
}

const fn bind(context: Context, keys: &'static [Key], action: Action, help: &'static str) -> Binding {
    Binding { context, keys, action, help, hint: None }
}

const fn hinted(
    context: Context,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    hint: &'static str,
) -> Binding {
    Binding { context, keys, action, help, hint: Some(hint) }
}

use Context::{Find, Global, Help, Navigator, Reading, Search};
use KeyCode::{BackTab, Backspace, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up};

/// Every key binding of the reader.
pub const BINDINGS: &[Binding] = &[
    hinted(Reading, &[plain(Tab)], Action::NextLink, "focus the next link", "link"),
    bind(Reading, &[plain(BackTab)], Action::PrevLink, "focus the previous link"),
    hinted(Reading, &[plain(Enter)], Action::Follow, "follow the focused link", "follow"),
    bind(Reading, &[ch('j'), plain(Down)], Action::Down, "scroll down a line"),
    bind(Reading, &[ch('k'), plain(Up)], Action::Up, "scroll up a line"),
    bind(Reading, &[plain(PageDown), ch(' ')], Action::PageDown, "scroll down a page"),
    bind(Reading, &[plain(PageUp)], Action::PageUp, "scroll up a page"),
    bind(Reading, &[ch('g'), plain(Home)], Action::Top, "go to the top"),
    bind(Reading, &[ch('G'), plain(End)], Action::Bottom, "go to the bottom"),
    bind(Navigator, &[ch('j'), plain(Down), plain(Tab)], Action::Down, "select the next row"),
    bind(Navigator, &[ch('k'), plain(Up), plain(BackTab)], Action::Up, "select the previous row"),
    hinted(Navigator, &[plain(Enter)], Action::Follow, "open the briefing or entity; fold a group", "open"),
    bind(Navigator, &[plain(PageDown), ch(' ')], Action::PageDown, "down a page"),
    bind(Navigator, &[plain(PageUp)], Action::PageUp, "up a page"),
    bind(Navigator, &[ch('g'), plain(Home)], Action::Top, "first row"),
    bind(Navigator, &[ch('G'), plain(End)], Action::Bottom, "last row"),
    bind(Navigator, &[ch('a')], Action::ToggleEntityScope, "entities: of this briefing, or of all"),
    hinted(Global, &[ch('?')], Action::ToggleHelp, "show this help", "help"),
    hinted(Global, &[ch('q'), ctrl('c')], Action::Quit, "quit", "quit"),
    bind(Global, &[ctrl('z')], Action::Suspend, "suspend the reader (fg resumes it)"),
    hinted(Global, &[ch('/')], Action::StartSearch, "search the whole library", "search"),
    bind(Global, &[ch('s')], Action::ShowView(ViewKind::Story), "show the story"),
    bind(Global, &[ch('c')], Action::ShowView(ViewKind::Figures), "chart the figures as bars"),
    bind(Global, &[ch('r')], Action::ShowView(ViewKind::Map), "map the card entity's relations"),
    bind(Global, &[ch('t')], Action::ShowView(ViewKind::Timeline), "show the timeline of events"),
    bind(Global, &[ch('T')], Action::ShowView(ViewKind::Archive), "every event of the archive, by date"),
    bind(Global, &[ch('C')], Action::ShowView(ViewKind::Compare), "the card entity's figures in every briefing"),
    bind(Global, &[ch('p')], Action::StartPath, "connect the card entity to another (pick it in search)"),
    hinted(Global, &[ch('f'), ctrl('f')], Action::StartFind, "find text in the story", "find"),
    bind(Global, &[ch('n')], Action::FindNext, "next find match"),
    bind(Global, &[ch('N')], Action::FindPrev, "previous find match"),
    hinted(Global, &[plain(Backspace), alt(Left), ch('b')], Action::Back, "back in history", "back"),
    bind(Global, &[alt(Right), ch('F')], Action::Forward, "forward in history"),
    bind(Global, &[ch('1')], Action::Focus(Pane::Navigator), "show the library pane"),
    bind(Global, &[ch('2')], Action::Focus(Pane::Story), "show the story pane"),
    bind(Global, &[ch('3')], Action::Focus(Pane::Card), "show the card pane"),
    hinted(Global, &[ch('w')], Action::NextPane, "focus the next pane", "pane"),
    bind(Global, &[ch('B')], Action::ToggleBookmark, "bookmark what has focus, or remove it"),
    bind(Global, &[ch('m')], Action::ToggleMouse, "release or capture the mouse (to select text)"),
    bind(Global, &[plain(Esc)], Action::Cancel, "clear the find highlights"),
    hinted(Find, &[plain(Enter)], Action::Submit, "keep the query and go back to reading", "done"),
    hinted(Find, &[plain(Esc)], Action::Cancel, "clear the query", "cancel"),
    bind(Find, &[plain(Backspace)], Action::Erase, "delete a character"),
    bind(Find, &[plain(Up)], Action::RecallOlder, "recall an earlier query"),
    bind(Find, &[plain(Down)], Action::RecallNewer, "recall a later query"),
    bind(Find, &[ctrl('c')], Action::Quit, "quit"),
    bind(Find, &[ctrl('z')], Action::Suspend, "suspend the reader"),
    hinted(Search, &[plain(Enter)], Action::Submit, "go to the selected result", "go"),
    hinted(Search, &[plain(Esc)], Action::Cancel, "close, back to where you were", "close"),
    bind(Search, &[plain(Down), ctrl('n'), plain(Tab)], Action::Down, "select the next result"),
    bind(Search, &[plain(Up), ctrl('p'), plain(BackTab)], Action::Up, "select the previous result"),
    bind(Search, &[plain(PageDown)], Action::PageDown, "down a page of results"),
    bind(Search, &[plain(PageUp)], Action::PageUp, "up a page of results"),
    bind(Search, &[plain(Backspace)], Action::Erase, "delete a character"),
    bind(Search, &[ctrl('w')], Action::EraseWord, "delete the word before the cursor"),
    bind(Search, &[plain(Left)], Action::CursorLeft, "move the cursor left"),
    bind(Search, &[plain(Right)], Action::CursorRight, "move the cursor right"),
    bind(Search, &[plain(Home), ctrl('a')], Action::CursorStart, "cursor to the start of the query"),
    bind(Search, &[plain(End), ctrl('e')], Action::CursorEnd, "cursor to the end of the query"),
    bind(Search, &[alt(Up), ctrl('r')], Action::RecallOlder, "recall an earlier query"),
    bind(Search, &[alt(Down)], Action::RecallNewer, "recall a later query"),
    bind(Search, &[ctrl('c')], Action::Quit, "quit"),
    bind(Search, &[ctrl('z')], Action::Suspend, "suspend the reader"),
    bind(Help, &[plain(Esc), ch('?'), ch('q')], Action::ToggleHelp, "close the help"),
    bind(Help, &[ch('j'), plain(Down)], Action::Down, "scroll down"),
    bind(Help, &[ch('k'), plain(Up)], Action::Up, "scroll up"),
    bind(Help, &[plain(PageDown), ch(' ')], Action::PageDown, "down a page"),
    bind(Help, &[plain(PageUp)], Action::PageUp, "up a page"),
    bind(Help, &[ch('g'), plain(Home)], Action::Top, "to the top"),
    bind(Help, &[ch('G'), plain(End)], Action::Bottom, "to the bottom"),
    bind(Help, &[ctrl('c')], Action::Quit, "quit"),
    bind(Help, &[ctrl('z')], Action::Suspend, "suspend the reader"),
];

/// The action a key press asks for in the active contexts (most specific first).
pub fn action_for(contexts: &[Context], event: KeyEvent) -> Option<Action> {
    let pressed = normalise(event);
    let bound = contexts
        .iter()
        .find_map(|&c| BINDINGS.iter().find(|b| b.context == c && b.keys.contains(&pressed)).map(|b| b.action));
    bound.or_else(|| typed(contexts, pressed))
}

/// A printable key in a text context types itself.
fn typed(contexts: &[Context], pressed: Key) -> Option<Action> {
    match pressed.code {
        KeyCode::Char(c) if contexts.first().is_some_and(|c| c.takes_text()) && pressed.mods == KeyModifiers::NONE => {
            Some(Action::Type(c))
        }
        _ => None,
    }
}

/// Terminals report Shift with upper-case letters and Shift-Tab; the table spells those
/// as the character or `BackTab` alone.
fn normalise(event: KeyEvent) -> Key {
    let mut mods = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    if matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
        mods.remove(KeyModifiers::SHIFT);
    }
    Key { code: event.code, mods }
}

/// How a key is written in help and hints: `Tab`, `Shift-Tab`, `Alt-←`, `Ctrl-f`, `j`.
pub fn key_name(key: &Key) -> String {
    let base = match key.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        Tab => "Tab".into(),
        BackTab => "Shift-Tab".into(),
        Enter => "Enter".into(),
        Esc => "Esc".into(),
        Backspace => "Backspace".into(),
        Up => "↑".into(),
        Down => "↓".into(),
        Left => "←".into(),
        Right => "→".into(),
        PageUp => "PgUp".into(),
        PageDown => "PgDn".into(),
        Home => "Home".into(),
        End => "End".into(),
        other => format!("{other:?}"),
    };
    let mut name = String::new();
    if key.mods.contains(KeyModifiers::CONTROL) {
        name.push_str("Ctrl-");
    }
    if key.mods.contains(KeyModifiers::ALT) {
        name.push_str("Alt-");
    }
    name + &base
}

/// The first key that asks for `action` in the active contexts, as help writes it: what the
/// reader can honestly tell the user to press (`q` to quit while reading, `Ctrl-c` while
/// typing a query, where `q` types a letter).
pub fn key_for(contexts: &[Context], action: Action) -> Option<String> {
    contexts.iter().find_map(|&c| {
        BINDINGS.iter().find(|b| b.context == c && b.action == action).and_then(|b| b.keys.first()).map(key_name)
    })
}

/// The status-bar hints of the active contexts: (first key, word).
pub fn hints(contexts: &[Context]) -> Vec<(String, &'static str)> {
    contexts
        .iter()
        .flat_map(|&c| BINDINGS.iter().filter(move |b| b.context == c))
        .filter_map(|b| Some((key_name(b.keys.first()?), b.hint?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn specific_contexts_win_over_global() {
        let reading = [Reading, Global];
        assert_eq!(action_for(&reading, press(Tab, KeyModifiers::NONE)), Some(Action::NextLink));
        assert_eq!(action_for(&[Navigator, Global], press(Tab, KeyModifiers::NONE)), Some(Action::Down));
        assert_eq!(action_for(&reading, press(KeyCode::Char('q'), KeyModifiers::NONE)), Some(Action::Quit));
    }

    #[test]
    fn shift_is_folded_into_characters_and_backtab() {
        let reading = [Reading, Global];
        assert_eq!(action_for(&reading, press(KeyCode::Char('G'), KeyModifiers::SHIFT)), Some(Action::Bottom));
        assert_eq!(action_for(&reading, press(BackTab, KeyModifiers::SHIFT)), Some(Action::PrevLink));
        assert_eq!(action_for(&reading, press(Left, KeyModifiers::ALT)), Some(Action::Back));
    }

    #[test]
    fn inputs_type_printable_keys_but_keep_their_bindings() {
        let find = [Find];
        assert_eq!(action_for(&find, press(KeyCode::Char('q'), KeyModifiers::NONE)), Some(Action::Type('q')));
        assert_eq!(action_for(&find, press(KeyCode::Char('H'), KeyModifiers::SHIFT)), Some(Action::Type('H')));
        assert_eq!(action_for(&find, press(Esc, KeyModifiers::NONE)), Some(Action::Cancel));
        assert_eq!(action_for(&find, press(KeyCode::Char('c'), KeyModifiers::CONTROL)), Some(Action::Quit));
        assert_eq!(key_for(&find, Action::Quit).as_deref(), Some("Ctrl-c"));
        assert_eq!(key_for(&[Context::Reading, Context::Global], Action::Quit).as_deref(), Some("q"));
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.context == b.context {
                    assert!(
                        !a.keys.iter().any(|k| b.keys.contains(k)),
                        "{} twice in {:?}",
                        key_name(&a.keys[0]),
                        a.context
                    );
                }
            }
        }
    }

    #[test]
    fn hints_name_keys_as_people_read_them() {
        let hints = hints(&[Reading, Global]);
        assert!(hints.contains(&("Tab".to_string(), "link")));
        assert!(hints.contains(&("?".to_string(), "help")));
        assert_eq!(key_name(&alt(Left)), "Alt-←");
    }
}
