//! The colours of the reader by role: presets, and a palette that a `[theme]` table
//! changes role by role. Which modifiers (bold, underline) a role's text gets is the
//! reader's business, so that text reads the same without colour.

use super::colour::Colour;
use crate::library::Kind;

/// What a colour is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Mentions and badges of an entity kind.
    Kind(Kind),
    /// Plain links: a mention's place in a story, another briefing.
    Link,
    /// Section headings.
    Heading,
    /// The focused link.
    Focus,
    /// The selected row of a list.
    Selection,
    /// Find and search matches.
    Highlight,
    /// The border of the pane that has the keyboard.
    Border,
    /// Keys in hints and the help, and notices.
    Key,
    /// Quieter text: source lines, counts, hints, labels, the other panes' borders.
    Dim,
}

impl Role {
    /// Every role, in the order the default configuration lists them.
    pub const ALL: [Role; 16] = [
        Role::Kind(Kind::Person),
        Role::Kind(Kind::Company),
        Role::Kind(Kind::Chip),
        Role::Kind(Kind::Figure),
        Role::Kind(Kind::Organisation),
        Role::Kind(Kind::Place),
        Role::Kind(Kind::Policy),
        Role::Kind(Kind::Product),
        Role::Link,
        Role::Heading,
        Role::Focus,
        Role::Selection,
        Role::Highlight,
        Role::Border,
        Role::Key,
        Role::Dim,
    ];

    /// The role's name in `[theme]`.
    pub fn name(self) -> &'static str {
        match self {
            Role::Kind(kind) => kind.as_str(),
            Role::Link => "link",
            Role::Heading => "heading",
            Role::Focus => "focus",
            Role::Selection => "selection",
            Role::Highlight => "highlight",
            Role::Border => "border",
            Role::Key => "key",
            Role::Dim => "dim",
        }
    }

    /// What the role colours, for the default configuration and the schema.
    pub fn about(self) -> &'static str {
        match self {
            Role::Kind(Kind::Person) => "mentions and badges of people",
            Role::Kind(Kind::Company) => "mentions and badges of companies",
            Role::Kind(Kind::Chip) => "mentions and badges of chips",
            Role::Kind(Kind::Figure) => "figures in the text and their badges",
            Role::Kind(Kind::Organisation) => "mentions and badges of organisations",
            Role::Kind(Kind::Place) => "mentions and badges of places",
            Role::Kind(Kind::Policy) => "mentions and badges of policies",
            Role::Kind(Kind::Product) => "mentions and badges of products",
            Role::Link => "plain links: a mention's place in a story, another briefing",
            Role::Heading => "section headings",
            Role::Focus => "the focused link (reversed unless a background is given)",
            Role::Selection => "the selected row of a list (reversed unless a background is given)",
            Role::Highlight => "find and search matches",
            Role::Border => "the border of the pane that has the keyboard",
            Role::Key => "keys in hints and the help, and notices",
            Role::Dim => "quieter text: source lines, counts, hints, labels, other borders",
        }
    }

    /// The role called `name`.
    pub fn named(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.name() == name)
    }

    fn slot(self) -> usize {
        Role::ALL.iter().position(|&r| r == self).unwrap_or(0)
    }
}

/// A role's colours. `reverse` swaps them, so that a focused link or a selected row stands
/// out in any palette without naming a background.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Paint {
    /// Text colour.
    pub fg: Colour,
    /// Background colour.
    pub bg: Colour,
    /// Draw in reverse video.
    pub reverse: bool,
}

impl Paint {
    const NONE: Paint = Paint { fg: Colour::Default, bg: Colour::Default, reverse: false };
    const REVERSED: Paint = Paint { reverse: true, ..Paint::NONE };

    const fn fg(fg: Colour) -> Paint {
        Paint { fg, ..Paint::NONE }
    }

    /// This paint with `change` applied: a colour alone sets the text colour and keeps
    /// the reverse; a background turns the reverse off, since both colours are then chosen.
    pub fn with(self, change: PaintChange) -> Paint {
        Paint {
            fg: change.fg.unwrap_or(self.fg),
            bg: change.bg.unwrap_or(self.bg),
            reverse: self.reverse && change.bg.is_none(),
        }
    }
}

/// What a `[theme]` entry changes in a role's paint.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PaintChange {
    /// A new text colour.
    pub fg: Option<Colour>,
    /// A new background.
    pub bg: Option<Colour>,
}

/// A set of colours to start from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Preset {
    /// The terminal's own 16 colours on its own background: what the terminal's theme makes
    /// of them (the default).
    #[default]
    Dark,
    /// Dark shades from the 256-colour palette, for light backgrounds: every colour
    /// reads at 4.5:1 or better on white.
    Light,
    /// No colour: bold, underline and reverse alone, as with `NO_COLOR`.
    Mono,
}

impl Preset {
    /// Every preset with its name.
    pub const NAMED: [(&'static str, Preset); 3] =
        [("dark", Preset::Dark), ("light", Preset::Light), ("mono", Preset::Mono)];

    /// The preset's name in `[theme]`.
    pub fn name(self) -> &'static str {
        Preset::NAMED.iter().find(|(_, p)| *p == self).map_or("dark", |(n, _)| n)
    }

    /// The preset called `name`.
    pub fn named(name: &str) -> Option<Preset> {
        Preset::NAMED.iter().find(|(n, _)| *n == name).map(|&(_, p)| p)
    }
}

/// A paint for every role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette([Paint; 16]);

impl Default for Palette {
    fn default() -> Self {
        Palette::preset(Preset::Dark)
    }
}

impl Palette {
    /// The colours of a preset.
    pub fn preset(preset: Preset) -> Palette {
        let mut palette = Palette([Paint::NONE; 16]);
        if preset != Preset::Mono {
            for role in Role::ALL {
                palette.0[role.slot()] = match preset {
                    Preset::Light => light(role),
                    _ => dark(role),
                };
            }
        }
        for role in [Role::Focus, Role::Selection] {
            palette.0[role.slot()].reverse = true;
        }
        palette.0[Role::Highlight.slot()].reverse |= preset != Preset::Light;
        palette
    }

    /// The paint of a role.
    pub fn paint(&self, role: Role) -> Paint {
        self.0[role.slot()]
    }

    /// Changes one role's paint.
    pub fn change(&mut self, role: Role, change: PaintChange) {
        let slot = &mut self.0[role.slot()];
        *slot = slot.with(change);
    }
}

/// The terminal's own palette: what it looked like before themes.
fn dark(role: Role) -> Paint {
    let ansi = |n| Paint::fg(Colour::Ansi(n));
    match role {
        Role::Kind(kind) => ansi(match kind {
            Kind::Person => 5,
            Kind::Company => 6,
            Kind::Chip => 2,
            Kind::Figure => 3,
            Kind::Organisation => 4,
            Kind::Place => 1,
            Kind::Policy => 9,
            Kind::Product => 10,
        }),
        Role::Link | Role::Heading => ansi(4),
        Role::Focus | Role::Selection => Paint::REVERSED,
        Role::Highlight => Paint { reverse: true, ..ansi(3) },
        Role::Border | Role::Key => ansi(6),
        Role::Dim => ansi(8),
    }
}

/// Dark shades of the 256-colour cube, whose values terminals rarely change (unlike the
/// first 16, which a theme may make anything): each reads at 4.5:1 or better on white.
fn light(role: Role) -> Paint {
    let shade = |n| Paint::fg(Colour::Indexed(n));
    match role {
        Role::Kind(kind) => shade(match kind {
            Kind::Person => 90,
            Kind::Company => 24,
            Kind::Chip => 22,
            Kind::Figure => 94,
            Kind::Organisation => 19,
            Kind::Place => 124,
            Kind::Policy => 125,
            Kind::Product => 58,
        }),
        Role::Link | Role::Heading => shade(25),
        Role::Focus | Role::Selection => Paint::REVERSED,
        Role::Highlight => Paint { fg: Colour::Indexed(16), bg: Colour::Indexed(229), reverse: false },
        Role::Border | Role::Key => shade(24),
        Role::Dim => shade(242),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_has_a_name_that_finds_it() {
        for role in Role::ALL {
            assert_eq!(Role::named(role.name()), Some(role));
        }
        assert_eq!(Role::named("borders"), None);
    }

    #[test]
    fn a_colour_keeps_the_reverse_and_a_background_ends_it() {
        let mut palette = Palette::default();
        palette.change(Role::Focus, PaintChange { fg: Some(Colour::Ansi(1)), bg: None });
        assert!(palette.paint(Role::Focus).reverse);
        palette.change(Role::Focus, PaintChange { fg: None, bg: Some(Colour::Ansi(4)) });
        assert_eq!(palette.paint(Role::Focus), Paint { fg: Colour::Ansi(1), bg: Colour::Ansi(4), reverse: false });
    }

    #[test]
    fn mono_has_no_colour_but_still_reverses_focus_and_matches() {
        let mono = Palette::preset(Preset::Mono);
        assert!(Role::ALL.iter().all(|&r| mono.paint(r).fg == Colour::Default && mono.paint(r).bg == Colour::Default));
        assert!([Role::Focus, Role::Selection, Role::Highlight].iter().all(|&r| mono.paint(r).reverse));
    }
}
