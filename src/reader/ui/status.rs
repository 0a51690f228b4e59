//! The status bar (breadcrumbs, hints, notices, the find line) and the narrow-mode tabs.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::reader::action::Action;
use crate::reader::action::Pane;
use crate::reader::app::App;
use crate::reader::doc::width;
use crate::reader::keymap::Context;
use crate::reader::location::Location;
use crate::reader::views::View;

/// How many places the breadcrumbs show before eliding older ones.
const CRUMBS: usize = 3;

/// Draws the status bar.
pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    if app.finding() {
        frame.render_widget(Paragraph::new(find_line(app)), area);
        return;
    }
    // A notice says something the user has not seen; the hints give way to it.
    let room = match &app.notice {
        Some(notice) => (area.width as usize).saturating_sub(width(notice) + 1).min(area.width as usize / 2),
        None => area.width as usize / 2,
    };
    let hint = hint_line(app, room);
    let hint_width = (width(&hint.to_string()) as u16).min(area.width / 2);
    let [left, _, right] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(1), Constraint::Length(hint_width)]).areas(area);
    let text = match &app.notice {
        _ if !app.pending.is_empty() => pending_line(app),
        Some(notice) => Line::from(Span::styled(notice.as_str(), app.theme.key())),
        None => crumbs(app, left.width as usize),
    };
    frame.render_widget(Paragraph::new(text), left);
    frame.render_widget(Paragraph::new(hint).right_aligned(), right);
}

fn find_line<'a>(app: &'a App<'_>) -> Line<'a> {
    let count = match app.find.count {
        _ if app.find.query.is_empty() => String::new(),
        0 => "  no matches".into(),
        n => format!("  {}/{n}", app.find.current + 1),
    };
    Line::from(vec![
        Span::styled("Find: ", app.theme.key()),
        Span::raw(app.find.query.as_str()),
        Span::raw("▏"),
        Span::styled(count, app.theme.dim()),
        Span::styled(find_keys(app), app.theme.dim()),
    ])
}

/// "   Enter done · Esc clear · ↑ recent", with the keys as configured.
fn find_keys(app: &App) -> String {
    let keys = [(Action::Submit, "done"), (Action::Cancel, "clear"), (Action::RecallOlder, "recent")];
    let parts: Vec<String> = keys
        .into_iter()
        .filter_map(|(action, word)| Some(format!("{} {word}", app.keys.key_for(&[Context::Find], action)?)))
        .collect();
    if parts.is_empty() { String::new() } else { format!("   {}", parts.join(" · ")) }
}

/// "g …  g g to the top": the keys of a sequence typed so far, and how it can go on.
fn pending_line(app: &App) -> Line<'static> {
    let typed: Vec<String> = app.pending.iter().map(|k| k.label()).collect();
    let mut spans = vec![Span::styled(format!("{} …", typed.join(" ")), app.theme.key())];
    for (keys, help) in app.keys.continuations(&app.contexts(), &app.pending) {
        spans.push(Span::styled(format!("  {keys} "), app.theme.key()));
        spans.push(Span::styled(help.into_owned(), app.theme.dim()));
    }
    Line::from(spans)
}

/// The find counter and as many whole hints as fit in `max` columns.
fn hint_line(app: &App, max: usize) -> Line<'static> {
    let mut spans = Vec::new();
    let mut used = 0;
    if let Some(new) = new_count(app) {
        used += width(&new);
        spans.push(Span::styled(new, app.theme.key()));
    }
    if !app.find.query.is_empty() {
        let found = if app.find.count == 0 {
            "no matches".to_string()
        } else {
            format!("{}/{}", app.find.current + 1, app.find.count)
        };
        let counter = format!("“{}” {found} n/N  ", app.find.query);
        used += width(&counter);
        spans.push(Span::styled(counter, app.theme.dim()));
    }
    for (key, word) in app.keys.hints(&app.contexts()) {
        let word = format!(" {word} ");
        used += width(&key) + width(&word);
        if used > max {
            break;
        }
        spans.push(Span::styled(key, app.theme.key()));
        spans.push(Span::styled(word, app.theme.dim()));
    }
    Line::from(spans)
}

/// "1 new briefing · 3 new entities  " when briefings or entities appeared since the last
/// visit.
fn new_count(app: &App) -> Option<String> {
    let (briefings, entities) = (app.memory.new_briefings(), app.memory.new_entities());
    let part =
        |n: usize, one: &str, many: &str| (n > 0).then(|| format!("{n} new {}", if n == 1 { one } else { many }));
    let parts: Vec<String> = [part(briefings, "briefing", "briefings"), part(entities, "entity", "entities")]
        .into_iter()
        .flatten()
        .collect();
    (!parts.is_empty()).then(|| format!("{}  ", parts.join(" · ")))
}

/// "Library › Story › Jensen Huang": where the history has been, newest last.
/// Older places give way first when `room` columns cannot hold them all, so the line never
/// ends on a dangling separator.
fn crumbs<'a>(app: &'a App<'_>, room: usize) -> Line<'a> {
    let behind = app.history.behind();
    let mut names: Vec<String> = behind.iter().rev().take(CRUMBS).rev().map(|p| title(app, p)).collect();
    let mut elided = behind.len() > CRUMBS;
    names.push(title(app, &app.at));
    names.dedup();
    let fits = |names: &[String], elided: bool| width(&names.join(" › ")) + if elided { 4 } else { 0 } <= room;
    while names.len() > 1 && !fits(&names, elided) {
        names.remove(0);
        elided = true;
    }
    if elided {
        names.insert(0, "…".into());
    }
    let last = names.len() - 1;
    let spans = names.into_iter().enumerate().flat_map(|(i, name)| {
        let style = if i == last { app.theme.key() } else { app.theme.dim() };
        let sep = if i == last { "" } else { " › " };
        [Span::styled(name, style), Span::styled(sep, app.theme.dim())]
    });
    Line::from(spans.collect::<Vec<_>>())
}

/// A short name for a place: the card's entity, the open story or the library.
fn title(app: &App, place: &Location) -> String {
    let name = match (place.focus, place.entity, place.briefing) {
        (Pane::Card, Some(e), _) => app.library.entity(e).name.clone(),
        (Pane::Story, _, _) if place.view != View::Story => {
            place.view.title(app.library, place.entity).trim().to_string()
        }
        (Pane::Story, _, Some(b)) => app.library.briefing(b).headline.clone(),
        _ => "Library".to_string(),
    };
    shorten(&name, 28)
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    text.chars().take(max - 1).chain(['…']).collect()
}

/// Draws the narrow-mode tab bar: one tab per pane, the focused one reversed.
pub fn render_tabs(app: &App, frame: &mut Frame, area: Rect) {
    let slots = Layout::horizontal([Constraint::Fill(1); 3]).split(area);
    for (i, pane) in Pane::ALL.into_iter().enumerate() {
        let style = if pane == app.at.focus { app.theme.title(true) } else { app.theme.dim() };
        let tab = Paragraph::new(Span::styled(format!("{} {}", i + 1, pane.title()), style)).centered();
        frame.render_widget(tab, slots[i]);
    }
}

#[cfg(test)]
mod tests {
    use crate::library::bundled;
    use crate::reader::action::Action;
    use crate::reader::app::App;
    use crate::reader::screen_text;

    #[test]
    fn hints_are_shown_whole_and_apart_from_the_breadcrumbs() {
        let library = bundled::load(Default::default()).expect("the bundled library loads").library;
        for width in [30, 45, 60, 79, 80, 100, 119, 120, 160, 200] {
            let mut app = App::new(&library, (width, 24), None);
            app.update(Action::NextLink);
            app.update(Action::Follow);
            let text = screen_text(&app);
            let status = text.lines().last().unwrap_or_default();
            let hints = app.keys.hints(&app.contexts());
            let words: Vec<_> = hints.iter().map(|(_, word)| *word).collect();
            assert!(words.iter().any(|w| status.ends_with(&format!(" {w}"))), "a hint is cut at {width}: {status:?}");
            let first = hints.first().map(|(key, _)| key.clone()).unwrap_or_default();
            assert!(status.contains(&format!(" {first} ")), "hints touch the breadcrumbs at {width}: {status:?}");
        }
    }
}
