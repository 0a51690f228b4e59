//! The status bar (breadcrumbs, hints, notices, the find line) and the narrow-mode tabs.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::pane::clip;
use crate::reader::action::Action;
use crate::reader::action::Pane;
use crate::reader::app::App;
use crate::reader::doc::width;
use crate::reader::keymap::{Context, Hint};
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
    // A notice, something the user has not seen, takes what it needs first. Otherwise
    // the breadcrumbs keep what they need up to a third of the bar (16 columns at least)
    // and the hints take the rest.
    let columns = area.width as usize;
    let crumbs_want = crumb_names(app).0.iter().map(|n| width(n) + 3).sum::<usize>();
    let keep = crumbs_want.min(CRUMBS_KEEP).min(columns / 2);
    let essential = width(&hint_line(app, columns.saturating_sub(keep + 1), ESSENTIAL).to_string());
    let crumbs_room = crumbs_want.min(columns.saturating_sub(essential + 1)).max(keep);
    let most = columns.saturating_sub(crumbs_room + 1);
    let room = match &app.notice {
        Some(notice) => columns.saturating_sub(width(notice) + 1).min(most),
        None => most,
    };
    let hint = hint_line(app, room, u8::MAX);
    let hint_width = (width(&hint.to_string()) as u16).min(most as u16);
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
        // Selected, the last query is drawn as a selection is: typing replaces it.
        match app.find.selected {
            true => Span::styled(app.find.query.as_str(), app.theme.selected()),
            false => Span::raw(app.find.query.as_str()),
        },
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

/// The breadcrumbs keep this many columns (if they need them) before the view hints are
/// shown with their words; with less, the views are listed by their keys alone.
const CRUMBS_KEEP: usize = 24;

/// The hints ranked up to this (moving, following, help, quitting, the views) come before the
/// breadcrumbs; the others take only the room the breadcrumbs leave.
const ESSENTIAL: u8 = 5;

/// The find counter and as many whole hints, ranked up to `ranked`, as fit in `max` columns.
fn hint_line(app: &App, max: usize, ranked: u8) -> Line<'static> {
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
    let mut hints: Vec<Hint> = app
        .keys
        .hinted(&app.contexts())
        .into_iter()
        .filter(|h| app.hint_applies(&h.actions) && rank(&h.actions) <= ranked)
        .collect();
    hints.sort_by_key(|h| rank(&h.actions));
    if !fits_views(&hints, max.saturating_sub(used)) {
        hints = collapse_views(hints);
    }
    for hint in hints {
        let word = format!(" {} ", hint.word);
        used += width(&hint.key) + width(&word);
        if used > max {
            break;
        }
        spans.push(Span::styled(hint.key, app.theme.key()));
        spans.push(Span::styled(word, app.theme.dim()));
    }
    Line::from(spans)
}

fn is_view(hint: &Hint) -> bool {
    matches!(hint.actions.as_slice(), [Action::ShowView(_) | Action::StartPath])
}

/// Whether every view hint fits in `room` columns after the hints ranked before them.
fn fits_views(hints: &[Hint], room: usize) -> bool {
    let Some(last) = hints.iter().rposition(is_view) else { return true };
    hints[..=last].iter().map(|h| width(&h.key) + width(h.word) + 2).sum::<usize>() <= room
}

/// The view hints as one, "c r t p views", where they do not fit each with its word.
fn collapse_views(hints: Vec<Hint>) -> Vec<Hint> {
    let (views, mut rest): (Vec<Hint>, Vec<Hint>) = hints.into_iter().partition(is_view);
    if views.is_empty() {
        return rest;
    }
    let keys: Vec<String> = views.iter().map(|h| h.key.clone()).collect();
    let at = rest.iter().position(|h| rank(&h.actions) > rank(&views[0].actions)).unwrap_or(rest.len());
    rest.insert(at, Hint { key: keys.join(" "), word: "views", actions: views[0].actions.clone() });
    rest
}

/// Which hints the status bar names first when not all fit: how to move and follow, the
/// help and quitting, then the views there are to switch to, then the rest.
fn rank(actions: &[Action]) -> u8 {
    match actions {
        [Action::NextLink] => 0,
        [Action::Follow] => 1,
        [Action::ToggleHelp] => 2,
        [Action::Quit] => 3,
        [Action::ShowView(_)] => 4,
        [Action::StartPath] => 5,
        [Action::StartSearch] => 6,
        [Action::Copy] => 7,
        _ => 8,
    }
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

/// "Library › Story › Jensen Huang": where the history has been, newest last, in the
/// width there is. When the names do not fit, the longest are cut first (with an
/// ellipsis, never below a dozen columns), then older places give way, so the line never
/// ends on a dangling separator.
fn crumbs<'a>(app: &'a App<'_>, room: usize) -> Line<'a> {
    let (mut names, mut elided) = crumb_names(app);
    let names = loop {
        if let Some(fitted) = fitted(&names, elided, room) {
            break fitted;
        }
        if names.len() == 1 {
            break vec![clip(&names[0], room)];
        }
        names.remove(0);
        elided = true;
    };
    let names = if elided { std::iter::once("…".to_string()).chain(names).collect() } else { names };
    let last = names.len() - 1;
    let spans = names.into_iter().enumerate().flat_map(|(i, name)| {
        let style = if i == last { app.theme.key() } else { app.theme.dim() };
        let sep = if i == last { "" } else { " › " };
        [Span::styled(name, style), Span::styled(sep, app.theme.dim())]
    });
    Line::from(spans.collect::<Vec<_>>())
}

/// The names of the last few places, newest last, and whether older ones are left out.
fn crumb_names(app: &App) -> (Vec<String>, bool) {
    let behind = app.history.behind();
    let mut names: Vec<String> = behind.iter().rev().take(CRUMBS).rev().map(|p| title(app, p)).collect();
    names.push(title(app, &app.at));
    names.dedup();
    (names, behind.len() > CRUMBS)
}

/// The narrowest a cut crumb gets.
const CRUMB_MIN: usize = 12;

/// `names` each cut to the widest cap that lets them all fit in `room` columns with their
/// separators (and a leading "… › " when `elided`); `None` if even a dozen columns each
/// will not fit.
fn fitted(names: &[String], elided: bool, room: usize) -> Option<Vec<String>> {
    let separators = 3 * (names.len() - 1) + if elided { 4 } else { 0 };
    let total = |cap: usize| names.iter().map(|n| width(n).min(cap)).sum::<usize>() + separators;
    let widest = names.iter().map(|n| width(n)).max().unwrap_or(0);
    let cap = (CRUMB_MIN.min(widest)..=widest).rev().find(|&cap| total(cap) <= room)?;
    Some(names.iter().map(|n| clip(n, cap)).collect())
}

/// A name for a place: the card's entity, the open story, the view or the library.
fn title(app: &App, place: &Location) -> String {
    match (place.focus, place.entity, place.briefing) {
        (Pane::Card, Some(e), _) => app.library.entity(e).name.clone(),
        (Pane::Story, _, _) if place.view != View::Story => place.view.title(app.library).trim().to_string(),
        (Pane::Story, _, Some(b)) => app.library.briefing(b).headline.clone(),
        _ => "Library".to_string(),
    }
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
            let words: Vec<_> = hints.iter().map(|(_, word)| *word).chain(["views"]).collect();
            assert!(words.iter().any(|w| status.ends_with(&format!(" {w}"))), "a hint is cut at {width}: {status:?}");
            let first = hints.first().map(|(key, _)| key.clone()).unwrap_or_default();
            assert!(status.contains(&format!(" {first} ")), "hints touch the breadcrumbs at {width}: {status:?}");
        }
    }
}
