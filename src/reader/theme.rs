//! Styles for each [`Tone`] and part of the screen, from a [`Palette`] of colours by role
//! (the configuration's `[theme]`). The default palette uses only the terminal's own 16
//! colours and never a background, so text sits on the user's theme; with `NO_COLOR` set,
//! colours are dropped whatever the configuration says, and modifiers alone tell things
//! apart.

use ratatui::style::{Color, Modifier, Style};

use super::doc::Tone;
use crate::config::colour::Colour;
use crate::config::theme::{Palette, Preset, Role};
use crate::library::Kind;

/// Styles for the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    palette: Palette,
}

/// Whether `NO_COLOR` asks for no colour: set and not empty, as no-color.org defines it.
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

impl Theme {
    /// The default theme for this environment: colour unless `NO_COLOR` is set.
    pub fn from_env() -> Self {
        Theme::with(Palette::default())
    }

    /// `palette`, unless `NO_COLOR` is set.
    pub fn with(palette: Palette) -> Self {
        if no_color() { Theme::new(false) } else { Theme { palette } }
    }

    /// The default theme with or without colour.
    pub fn new(color: bool) -> Self {
        Theme { palette: Palette::preset(if color { Preset::Dark } else { Preset::Mono }) }
    }

    /// A theme of exactly `palette`, whatever the environment says (for tests and the
    /// screen command's callers, which decide themselves).
    pub fn exactly(palette: Palette) -> Self {
        Theme { palette }
    }

    /// The role's colours as a style, reversed when the role asks for it.
    fn paint(&self, role: Role) -> Style {
        let paint = self.palette.paint(role);
        let mut style = Style::new();
        if let Some(fg) = color(paint.fg) {
            style = style.fg(fg);
        }
        if let Some(bg) = color(paint.bg) {
            style = style.bg(bg);
        }
        if paint.reverse { style.add_modifier(Modifier::REVERSED) } else { style }
    }

    /// The style of a tone.
    pub fn tone(&self, tone: Tone) -> Style {
        match tone {
            Tone::Headline => Style::new().add_modifier(Modifier::BOLD),
            Tone::Dek => Style::new().add_modifier(Modifier::ITALIC),
            Tone::Meta => self.paint(Role::Dim),
            Tone::Heading => self.paint(Role::Heading).add_modifier(Modifier::BOLD),
            Tone::Body => Style::new(),
            Tone::Link(kind) => self.kind(kind).add_modifier(Modifier::UNDERLINED),
            Tone::Jump => self.paint(Role::Link).add_modifier(Modifier::UNDERLINED),
            Tone::Label => self.paint(Role::Dim).add_modifier(Modifier::BOLD),
            Tone::Match => self.paint(Role::Highlight),
            Tone::Address => self.paint(Role::Link).add_modifier(Modifier::UNDERLINED),
            Tone::Unread => self.key(),
        }
    }

    /// The focused link: reversed by default, so it stands out in any palette.
    pub fn focused(&self) -> Style {
        self.paint(Role::Focus).add_modifier(Modifier::BOLD)
    }

    /// The border of a pane, brighter when it has the keyboard.
    pub fn border(&self, focused: bool) -> Style {
        if focused { self.paint(Role::Border).add_modifier(Modifier::BOLD) } else { self.paint(Role::Dim) }
    }

    /// The title of a pane.
    pub fn title(&self, focused: bool) -> Style {
        if focused { Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED) } else { Style::new() }
    }

    /// Keys in hints and help.
    pub fn key(&self) -> Style {
        self.paint(Role::Key).add_modifier(Modifier::BOLD)
    }

    /// Quieter text: hints, counts.
    pub fn dim(&self) -> Style {
        self.paint(Role::Dim)
    }

    /// A problem in the content: the problems panel's border and marks, painted as
    /// notices are (the panel is a standing notice), in bold.
    pub fn problem(&self) -> Style {
        self.paint(Role::Key).add_modifier(Modifier::BOLD)
    }

    /// The selected row of a list.
    pub fn selected(&self) -> Style {
        self.paint(Role::Selection)
    }

    /// The colour of a kind, for badges outside documents.
    pub fn kind(&self, kind: Kind) -> Style {
        self.paint(Role::Kind(kind))
    }
}

/// The sixteen colours of the terminal's own palette, by their ANSI number.
pub const ANSI: [Color; 16] = [
    Color::Black,
    Color::Red,
    Color::Green,
    Color::Yellow,
    Color::Blue,
    Color::Magenta,
    Color::Cyan,
    Color::Gray,
    Color::DarkGray,
    Color::LightRed,
    Color::LightGreen,
    Color::LightYellow,
    Color::LightBlue,
    Color::LightMagenta,
    Color::LightCyan,
    Color::White,
];

/// The terminal colour for a configured one; `None` for the terminal's own.
fn color(colour: Colour) -> Option<Color> {
    match colour {
        Colour::Default => None,
        Colour::Ansi(n) => ANSI.get(n as usize).copied(),
        Colour::Indexed(n) => Some(Color::Indexed(n)),
        Colour::Rgb(r, g, b) => Some(Color::Rgb(r, g, b)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_theme_draws_as_before_themes() {
        let theme = Theme::new(true);
        assert_eq!(theme.kind(Kind::Person), Style::new().fg(Color::Magenta));
        assert_eq!(theme.tone(Tone::Match), Style::new().fg(Color::Yellow).add_modifier(Modifier::REVERSED));
        assert_eq!(theme.focused(), Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD));
        assert_eq!(theme.border(false), Style::new().fg(Color::DarkGray));
        assert_eq!(Theme::new(false).kind(Kind::Person), Style::new());
    }

    #[test]
    fn the_light_theme_sets_a_background_only_for_matches() {
        let light = Theme::exactly(Palette::preset(Preset::Light));
        assert_eq!(light.tone(Tone::Match), Style::new().fg(Color::Indexed(16)).bg(Color::Indexed(229)));
        assert_eq!(light.kind(Kind::Figure), Style::new().fg(Color::Indexed(94)));
    }
}
