//! Colours and modifiers for each [`Tone`]. Only the terminal's own palette is used
//! (never a background), so text sits on the user's theme, dark or light; with
//! `NO_COLOR` set, colours are dropped and modifiers alone tell things apart.

use ratatui::style::{Color, Modifier, Style};

use super::doc::Tone;
use crate::library::Kind;

/// Styles for the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    color: bool,
}

impl Theme {
    /// The theme for this environment: colour unless `NO_COLOR` is set and non-empty.
    pub fn from_env() -> Self {
        Theme { color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) }
    }

    /// A theme with or without colour.
    pub fn new(color: bool) -> Self {
        Theme { color }
    }

    fn fg(&self, color: Color) -> Style {
        if self.color { Style::new().fg(color) } else { Style::new() }
    }

    /// The style of a tone.
    pub fn tone(&self, tone: Tone) -> Style {
        match tone {
            Tone::Headline => Style::new().add_modifier(Modifier::BOLD),
            Tone::Dek => Style::new().add_modifier(Modifier::ITALIC),
            Tone::Meta => self.fg(Color::DarkGray),
            Tone::Heading => self.fg(Color::Blue).add_modifier(Modifier::BOLD),
            Tone::Body => Style::new(),
            Tone::Link(kind) => self.fg(kind_color(kind)).add_modifier(Modifier::UNDERLINED),
            Tone::Jump => self.fg(Color::Blue).add_modifier(Modifier::UNDERLINED),
            Tone::Label => self.fg(Color::DarkGray).add_modifier(Modifier::BOLD),
            Tone::Match => self.fg(Color::Yellow).add_modifier(Modifier::REVERSED),
            Tone::Unread => self.fg(Color::Cyan).add_modifier(Modifier::BOLD),
        }
    }

    /// The focused link: reversed, so it stands out in any palette.
    pub fn focused(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// The border of a pane, brighter when it has the keyboard.
    pub fn border(&self, focused: bool) -> Style {
        if focused { self.fg(Color::Cyan).add_modifier(Modifier::BOLD) } else { self.fg(Color::DarkGray) }
    }

    /// The title of a pane.
    pub fn title(&self, focused: bool) -> Style {
        if focused { Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED) } else { Style::new() }
    }

    /// Keys in hints and help.
    pub fn key(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// Quieter text: hints, counts.
    pub fn dim(&self) -> Style {
        self.fg(Color::DarkGray)
    }

    /// The selected row of a list.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The colour of a kind, for badges outside documents.
    pub fn kind(&self, kind: Kind) -> Style {
        self.fg(kind_color(kind))
    }
}

fn kind_color(kind: Kind) -> Color {
    match kind {
        Kind::Person => Color::Magenta,
        Kind::Company => Color::Cyan,
        Kind::Chip => Color::Green,
        Kind::Figure => Color::Yellow,
        Kind::Organisation => Color::Blue,
        Kind::Place => Color::Red,
        Kind::Policy => Color::LightRed,
        Kind::Product => Color::LightGreen,
    }
}
