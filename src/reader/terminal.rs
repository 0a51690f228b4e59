//! The one place that takes over the terminal and gives it back: raw mode, the alternate
//! screen, a hidden cursor and mouse capture are set up here and undone on quit, on error,
//! on panic and on every signal that would end the process; Ctrl-Z or SIGTSTP gives the
//! terminal back and stops, and SIGCONT takes it again and redraws. The event loop blocks
//! on input, so an idle reader uses no CPU.
//!
//! With live reload the loop runs once per library: each good reload of the content
//! directory ends the loop of the library on screen, the App is carried onto the new one
//! ([`App::carry`]) and the loop starts again on the same terminal. The loop owns each
//! library while its App borrows it. A finished reload wakes the blocked loop with the
//! signal a resize sends, which the terminal library turns into an event.

use std::io::{self, Write, stdout};
use std::panic;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::thread;
use std::time::Duration;

use crossterm::cursor::{Hide, Show};
use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton,
    MouseEventKind,
};
use crossterm::execute;
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::{DefaultTerminal, widgets};
use signal_hook::consts::signal::{
    SIGALRM, SIGCONT, SIGHUP, SIGINT, SIGPROF, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2, SIGVTALRM, SIGWINCH,
    SIGXCPU, SIGXFSZ,
};
use signal_hook::iterator::Signals;
use signal_hook::low_level;

use super::action::Action;
use super::app::App;
use super::effect::{Effect, osc52};
use super::opener;
use super::reload::{Reloaded, Reloads};
use super::searcher::{self, Cached, Searcher};
use super::ui;
use crate::config::{Code, Key, Mods};
use crate::library::{Diagnostic, Library, Loaded};
use crate::state::Store;

/// How often the loop looks for search results while a background search is running, in
/// case a wake-up was lost: the worker wakes it when a reply is sent ([`wake`]). Seldom,
/// since each look draws a frame while both cores search.
const RESULT_POLL: Duration = Duration::from_millis(100);

/// Every catchable signal whose default action ends the process. An outside SIGINT or
/// SIGQUIT (a supervisor, `timeout -s INT`, an IDE's stop button) arrives as a signal even
/// though raw mode turns Ctrl-C at the keyboard into a key.
const ENDING: [i32; 11] =
    [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ];

/// Held while anything writes to the screen: the loop drawing a frame, or the signal
/// watcher giving the terminal back. A frame can then never land after the terminal was
/// restored, on the shell's screen.
static SCREEN: Mutex<()> = Mutex::new(());

/// Set when the terminal was given back (on suspend) or may have been changed by someone
/// else (on SIGCONT): the loop sets it up again and redraws everything before its next frame.
static GIVEN_BACK: AtomicBool = AtomicBool::new(false);

/// Runs the reader until the user quits, on `library` with the App that `start` makes
/// for it. What the cache gave (or still needs) goes to the first library's searcher.
/// With `reloads`, every good reload swaps its library in, keeping the reader's place.
pub fn run<F>(library: Library, start: F, cached: Cached, reloads: Option<Reloads>) -> io::Result<()>
where
    F: for<'l> FnOnce(&'l Library) -> App<'l>,
{
    let mut terminal = ratatui::try_init()?;
    chain_panic_hook();
    generations(&mut terminal, library, start, cached, reloads)
}

/// How the next App is made: by the caller's start, or carried from the last one.
enum Next<F> {
    Start(F),
    Carried(Box<super::app::Carried>),
}

/// Runs one library after another until the user quits. Each App borrows the library of
/// its turn, and is taken apart ([`App::carry`]) before that library is replaced.
fn generations<F>(
    terminal: &mut DefaultTerminal,
    mut library: Library,
    start: F,
    cached: Cached,
    mut reloads: Option<Reloads>,
) -> io::Result<()>
where
    F: for<'l> FnOnce(&'l Library) -> App<'l>,
{
    let (mut next, mut cached, mut notice) = (Next::Start(start), Some(cached), None);
    loop {
        let mut app = match next {
            Next::Start(start) => {
                let mut app = start(&library);
                watch_signals(app.memory.store.clone());
                notice = reloads.as_mut().and_then(Reloads::take_notice);
                app.notice = join_notices(app.notice.take(), notice.take());
                app
            }
            Next::Carried(carried) => App::carried_onto(&library, *carried),
        };
        if notice.is_some() {
            app.notice = notice.take();
        }
        let (app, loaded) = match generation(terminal, app, cached.take().unwrap_or_default(), reloads.as_ref())? {
            Some(ended) => ended,
            None => return Ok(()),
        };
        notice = Some(reloaded_notice(&loaded.warnings));
        next = Next::Carried(Box::new(app.carry(&loaded.library)));
        library = loaded.library;
    }
}

fn join_notices(first: Option<String>, second: Option<String>) -> Option<String> {
    match (first, second) {
        (Some(a), Some(b)) => Some(format!("{a} · {b}")),
        (a, b) => a.or(b),
    }
}

/// What the status bar says after a good reload.
fn reloaded_notice(warnings: &[Diagnostic]) -> String {
    match warnings.len() {
        0 => "content reloaded".into(),
        1 => "content reloaded · 1 warning: briefing check shows it".into(),
        n => format!("content reloaded · {n} warnings: briefing check shows them"),
    }
}

/// Runs the loop for one library. A large library gets a search worker thread for the
/// life of the loop. Returns the App and the library that replace it when a reload
/// loaded cleanly, or nothing once the user quit (the state written, the terminal given
/// back). The terminal is given back inside the scope, so quitting never waits for a
/// cache still being written on one of its threads.
fn generation<'l>(
    terminal: &mut DefaultTerminal,
    mut app: App<'l>,
    cached: Cached,
    reloads: Option<&Reloads>,
) -> io::Result<Option<(App<'l>, Loaded)>> {
    let library = app.library;
    thread::scope(|scope| {
        app.searcher = searcher::start(scope, library, cached, wake);
        app.search_again();
        app.hyperlinks = draws_hyperlinks();
        let ended = event_loop(terminal, &mut app, reloads);
        // Dropping the searcher closes its job channel, which ends a worker.
        app.searcher = Searcher::new(library);
        match ended {
            Ok(Some(loaded)) => Ok(Some((app, loaded))),
            ended => {
                app.memory.store.flush();
                let screen = lock_screen();
                restore();
                drop(screen);
                ended.map(|_| None)
            }
        }
    })
}

/// Wakes an event loop blocked on input, to take in a finished reload or a search reply:
/// by the signal a window resize sends, which arrives as a resize event of the same size
/// (read as a [`Action::Tick`]).
pub fn wake() {
    let _ = low_level::raise(SIGWINCH);
}

/// Gives the terminal back: mouse released, cursor shown, main screen, cooked mode. Every
/// step is tried even when one fails: the terminal may already be gone (SIGHUP), and there
/// is nobody left to tell about a failed write.
pub fn restore() {
    let _ = execute!(stdout(), DisableMouseCapture, Show, LeaveAlternateScreen);
    let _ = disable_raw_mode();
}

/// Takes the terminal again after it was given back: raw mode (set afresh, since a shell
/// may have reset it while the reader was stopped), the alternate screen, no cursor, and a
/// blank screen that the next frame fills whole. ratatui's own `clear` asks the terminal
/// where its cursor is, which some terminals never answer; a blank frame drawn over the
/// cleared screen resets what ratatui believes is on it without asking.
fn take_back(terminal: &mut DefaultTerminal) -> io::Result<()> {
    let _ = disable_raw_mode();
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, Hide, Clear(ClearType::All))?;
    terminal.draw(|frame| frame.render_widget(widgets::Clear, frame.area()))?;
    Ok(())
}

/// The screen lock, even if a panicking draw poisoned it: restoring must still happen.
fn lock_screen() -> MutexGuard<'static, ()> {
    SCREEN.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// ratatui's panic hook restores the screen; this one also releases the mouse and shows the
/// cursor first.
fn chain_panic_hook() {
    let previous = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture, Show);
        previous(info);
    }));
}

/// Watches for signals on a thread of its own: an ending signal (SIGTERM, SIGHUP…) writes
/// the unsaved state, restores the terminal and exits with 128 + its number, as a shell
/// reports it; SIGTSTP suspends; SIGCONT resumes.
fn watch_signals(store: Store) {
    let mut wanted = ENDING.to_vec();
    wanted.extend([SIGTSTP, SIGCONT]);
    let Ok(mut signals) = Signals::new(wanted) else { return };
    thread::spawn(move || {
        for signal in signals.forever() {
            match signal {
                SIGTSTP => suspend(),
                SIGCONT => resume(),
                _ => {
                    store.flush();
                    let _screen = lock_screen();
                    restore();
                    std::process::exit(128 + signal);
                }
            }
        }
    });
}

/// Gives the terminal back and stops the process, as the default action of SIGTSTP would
/// (which catching it replaces). The screen stays locked until the process is continued,
/// so no frame is drawn on the shell's screen in between.
fn suspend() {
    let _screen = lock_screen();
    restore();
    GIVEN_BACK.store(true, Ordering::SeqCst);
    let _ = low_level::raise(signal_hook::consts::SIGSTOP);
}

/// After SIGCONT: asks the loop to take the terminal again, and wakes it with the same
/// signal a window resize sends, which the terminal library turns into an event.
fn resume() {
    GIVEN_BACK.store(true, Ordering::SeqCst);
    let _ = low_level::raise(SIGWINCH);
}

/// Draws and takes in events until the user quits (`None`) or a reload loaded a library
/// to swap in. A reload with errors only fills the problems panel.
fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App<'_>,
    reloads: Option<&Reloads>,
) -> io::Result<Option<Loaded>> {
    let mut captured = false;
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    loop {
        draw(terminal, app, &mut captured)?;
        if app.quit {
            return Ok(None);
        }
        take_in(app, next_actions(app)?)?;
        carry_out(app)?;
        match reloads.and_then(Reloads::newest) {
            Some(Reloaded::Good(loaded)) => return Ok(Some(*loaded)),
            Some(Reloaded::Bad(diagnostics)) => app.reload_failed(diagnostics),
            None => {}
        }
        app.memory.store.flush_if_due();
    }
}

/// Whether the terminal is one that draws hyperlinks or at least ignores them: every
/// terminal emulator of today does one or the other; the Linux console and dumb
/// terminals print the sequence.
fn draws_hyperlinks() -> bool {
    let term = std::env::var("TERM").unwrap_or_default();
    !(term.is_empty() || term == "dumb" || term == "linux" || term.starts_with("vt"))
}

/// Carries out what the app asked for: the clipboard sequence goes out with the screen
/// locked, between frames; the browser is started detached from the terminal, and a
/// failure is told in the status bar.
fn carry_out(app: &mut App<'_>) -> io::Result<()> {
    for effect in app.take_effects() {
        match effect {
            Effect::Copy(text) => {
                let _screen = lock_screen();
                let mut out = stdout();
                out.write_all(osc52(&text).as_bytes())?;
                out.flush()?;
            }
            Effect::Open(url) => {
                if let Err(problem) = opener::open(&url) {
                    app.tell(format!("Could not open the address: {problem}"));
                }
            }
        }
    }
    Ok(())
}

/// Applies `actions` in order (a key bound to a list runs each), and when they type a
/// character, every key already waiting too: a paste into find or search arrives as
/// thousands of keys, and a frame after each would make it cost a frame per character.
/// Other actions get their frame at once, since what a later key does (which link Tab
/// reaches) may depend on what was last drawn.
fn take_in(app: &mut App<'_>, mut actions: Vec<Action>) -> io::Result<()> {
    loop {
        let typing = actions.iter().all(|a| matches!(a, Action::Type(_)));
        for action in actions {
            apply(app, action);
            if app.quit {
                return Ok(());
            }
        }
        if !typing || !event::poll(Duration::ZERO)? {
            return Ok(());
        }
        match actions_for(app, event::read()?) {
            Some(next) => actions = next,
            None => return Ok(()),
        }
    }
}

/// Hands an action to the app, except Suspend, which is the terminal's business: it goes
/// the way an outside SIGTSTP does, through the signal watcher.
fn apply(app: &mut App<'_>, action: Action) {
    match action {
        Action::Suspend => {
            let _ = low_level::raise(SIGTSTP);
        }
        action => app.update(action),
    }
}

/// Draws one frame with the screen locked, first taking the terminal back if it was given
/// back, and capturing or releasing the mouse as the app asks.
fn draw(terminal: &mut DefaultTerminal, app: &App<'_>, captured: &mut bool) -> io::Result<()> {
    let _screen = lock_screen();
    if GIVEN_BACK.swap(false, Ordering::SeqCst) {
        take_back(terminal)?;
        *captured = false;
    }
    if app.mouse != *captured {
        *captured = app.mouse;
        if app.mouse { execute!(stdout(), EnableMouseCapture)? } else { execute!(stdout(), DisableMouseCapture)? }
    }
    terminal.draw(|frame| ui::render(app, frame))?;
    Ok(())
}

/// Waits for the next event that maps to actions (a key release or a mouse move changes
/// nothing, so it is not worth a frame). A background search wakes the loop when its reply
/// is sent ([`wake`]); while one is due, the loop also looks every few milliseconds, in case
/// a wake-up was lost.
fn next_actions(app: &App<'_>) -> io::Result<Vec<Action>> {
    loop {
        let waiting = app.search().is_some_and(|s| s.pending());
        if waiting && !event::poll(RESULT_POLL)? {
            return Ok(vec![Action::Tick]);
        }
        // Unsaved state wakes the loop when it is due, so a reader left idle still saves.
        if let Some(due) = app.memory.store.due_in() {
            if !event::poll(due)? {
                return Ok(vec![Action::Tick]);
            }
        }
        if let Some(actions) = actions_for(app, event::read()?) {
            return Ok(actions);
        }
    }
}

/// Turns a terminal event into actions, through the key table for keys.
pub fn actions_for(app: &App<'_>, event: Event) -> Option<Vec<Action>> {
    let action = match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            return app.keys.dispatch(&app.contexts(), &app.pending, key_of(key)?);
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Action::Click(m.column, m.row),
            MouseEventKind::ScrollDown => Action::Wheel(m.column, m.row, true),
            MouseEventKind::ScrollUp => Action::Wheel(m.column, m.row, false),
            _ => return None,
        },
        // A resize to the size the reader already has is a wake-up (see [`wake`]), or a
        // window that changed and changed back: nothing to lay out, only what arrived to
        // take in, as a tick does.
        Event::Resize(w, h) if (w, h) == app.size => Action::Tick,
        Event::Resize(w, h) => Action::Resize(w, h),
        _ => return None,
    };
    Some(vec![action])
}

/// The reader's own key for a terminal key event, normalised as the configuration writes
/// keys (Shift folded into characters and Shift-Tab); `None` for keys no table names
/// (media keys, lone modifiers).
pub fn key_of(event: KeyEvent) -> Option<Key> {
    let code = match event.code {
        KeyCode::Char(c) => Code::Char(c),
        KeyCode::Tab => Code::Tab,
        KeyCode::BackTab => Code::BackTab,
        KeyCode::Enter => Code::Enter,
        KeyCode::Esc => Code::Esc,
        KeyCode::Backspace => Code::Backspace,
        KeyCode::Up => Code::Up,
        KeyCode::Down => Code::Down,
        KeyCode::Left => Code::Left,
        KeyCode::Right => Code::Right,
        KeyCode::PageUp => Code::PageUp,
        KeyCode::PageDown => Code::PageDown,
        KeyCode::Home => Code::Home,
        KeyCode::End => Code::End,
        KeyCode::Insert => Code::Insert,
        KeyCode::Delete => Code::Delete,
        KeyCode::F(n) => Code::F(n),
        _ => return None,
    };
    let held = |m| event.modifiers.contains(m);
    let mods =
        Mods { ctrl: held(KeyModifiers::CONTROL), alt: held(KeyModifiers::ALT), shift: held(KeyModifiers::SHIFT) };
    Some(Key::new(code, mods))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> Option<Key> {
        key_of(KeyEvent::new(code, modifiers))
    }

    #[test]
    fn terminal_keys_become_the_tables_keys() {
        let parse = |text| Key::parse(text).ok();
        assert_eq!(press(KeyCode::Char('G'), KeyModifiers::SHIFT), parse("G"));
        assert_eq!(press(KeyCode::BackTab, KeyModifiers::SHIFT), parse("Shift-Tab"));
        assert_eq!(press(KeyCode::Left, KeyModifiers::ALT), parse("Alt-Left"));
        assert_eq!(press(KeyCode::Char('d'), KeyModifiers::CONTROL), parse("Ctrl-d"));
        assert_eq!(press(KeyCode::Char(' '), KeyModifiers::NONE), parse("Space"));
        assert_eq!(press(KeyCode::Up, KeyModifiers::SHIFT), parse("Shift-Up"));
        assert_eq!(press(KeyCode::Media(event::MediaKeyCode::Play), KeyModifiers::NONE), None);
    }
}
