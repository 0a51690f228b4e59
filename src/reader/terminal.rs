//! The one place that takes over the terminal and gives it back: raw mode, the alternate
//! screen and mouse capture are set up here and restored on quit, on error, on panic and
//! on SIGTERM or SIGHUP. The event loop blocks on input, so an idle reader uses no CPU.

use std::io::{self, stdout};
use std::panic;
use std::thread;
use std::time::Duration;

use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use crossterm::execute;
use ratatui::DefaultTerminal;
use signal_hook::consts::{SIGHUP, SIGTERM};
use signal_hook::iterator::Signals;

use super::action::Action;
use super::app::App;
use super::keymap;
use super::searcher::{self, BACKGROUND_FROM_ENTITIES};
use super::ui;

/// How often the loop looks for search results while a background search is running.
const RESULT_POLL: Duration = Duration::from_millis(15);

/// Runs the reader on `app` until the user quits. A large library gets a search worker
/// thread for the life of the loop.
pub fn run(mut app: App<'_>) -> io::Result<()> {
    let library = app.library;
    thread::scope(|scope| {
        if library.entities.len() >= BACKGROUND_FROM_ENTITIES {
            app.searcher = searcher::start_worker(scope, library);
        }
        let mut terminal = ratatui::init();
        chain_panic_hook();
        watch_signals();
        let result = event_loop(&mut terminal, &mut app);
        restore();
        // Dropping the app closes the job channel, which ends the worker.
        drop(app);
        result
    })
}

/// Gives the terminal back: mouse released, main screen, cooked mode.
pub fn restore() {
    // Best effort: the terminal may already be gone (SIGHUP), and there is nobody left to
    // tell about a failed write.
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
}

/// ratatui's panic hook restores the screen; this one also releases the mouse first.
fn chain_panic_hook() {
    let previous = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        previous(info);
    }));
}

/// Restores the terminal and exits when the process is told to stop.
fn watch_signals() {
    let Ok(mut signals) = Signals::new([SIGTERM, SIGHUP]) else { return };
    thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            restore();
            std::process::exit(128 + signal);
        }
    });
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App<'_>) -> io::Result<()> {
    let mut captured = false;
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    loop {
        if app.mouse != captured {
            captured = app.mouse;
            if captured { execute!(stdout(), EnableMouseCapture)? } else { execute!(stdout(), DisableMouseCapture)? }
        }
        terminal.draw(|frame| ui::render(app, frame))?;
        if app.quit {
            return Ok(());
        }
        // An event that maps to no action (a key release, a mouse move) changes nothing,
        // so it is not worth a frame.
        let action = loop {
            if let Some(action) = next_action(app)? {
                break action;
            }
        };
        app.update(action);
    }
}

/// Waits for the next event; while a background search is due, wakes every few
/// milliseconds to take in its results instead of sleeping until a key arrives.
fn next_action(app: &App<'_>) -> io::Result<Option<Action>> {
    let waiting = app.search().is_some_and(|s| s.pending());
    if waiting && !event::poll(RESULT_POLL)? {
        return Ok(Some(Action::Tick));
    }
    Ok(action_for(app, event::read()?))
}

/// Turns a terminal event into an action, through the key table for keys.
pub fn action_for(app: &App<'_>, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => keymap::action_for(&app.contexts(), key),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            MouseEventKind::ScrollDown => Some(Action::Wheel(m.column, m.row, true)),
            MouseEventKind::ScrollUp => Some(Action::Wheel(m.column, m.row, false)),
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        _ => None,
    }
}
