//! Colours as the configuration writes them: a name from the terminal's own palette
//! (`magenta`, `bright-blue`), `default` for the terminal's own foreground or background,
//! a 256-colour index (`24`) or `#rrggbb`.

use std::fmt;

/// A colour, with no terminal library in it; the reader turns it into its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Colour {
    /// The terminal's own foreground or background.
    Default,
    /// One of the terminal's 16 palette colours, 0 to 15 (see [`NAMES`]).
    Ansi(u8),
    /// A colour of the 256-colour palette, 16 to 255.
    Indexed(u8),
    /// A true colour.
    Rgb(u8, u8, u8),
}

/// The 16 palette colours by name, in palette order; `-grey` and `light-` spellings are
/// read too.
pub const NAMES: [&str; 16] = [
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "gray",
    "dark-gray",
    "bright-red",
    "bright-green",
    "bright-yellow",
    "bright-blue",
    "bright-magenta",
    "bright-cyan",
    "white",
];

impl Colour {
    /// Parses a colour name or `#rrggbb`.
    pub fn parse(text: &str) -> Option<Colour> {
        if let Some(hex) = text.strip_prefix('#') {
            return rgb(hex);
        }
        let name = text.to_ascii_lowercase().replace('_', "-").replace("grey", "gray").replace("light-", "bright-");
        if name == "default" {
            return Some(Colour::Default);
        }
        if name == "bright-black" {
            return Some(Colour::Ansi(8));
        }
        NAMES.iter().position(|&n| n == name).and_then(|i| u8::try_from(i).ok()).map(Colour::Ansi)
    }

    /// A 256-colour index: the first 16 are the named palette colours.
    pub fn index(n: u8) -> Colour {
        if n < 16 { Colour::Ansi(n) } else { Colour::Indexed(n) }
    }
}

/// `rrggbb` as a colour.
fn rgb(hex: &str) -> Option<Colour> {
    if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let part = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some(Colour::Rgb(part(0)?, part(2)?, part(4)?))
}

impl fmt::Display for Colour {
    /// The colour as the configuration writes it: a name, `#rrggbb`, or the index as a
    /// number (which TOML writes without quotes).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Colour::Default => f.write_str("\"default\""),
            Colour::Ansi(n) => write!(f, "\"{}\"", NAMES.get(n as usize).copied().unwrap_or("default")),
            Colour::Indexed(n) => write!(f, "{n}"),
            Colour::Rgb(r, g, b) => write!(f, "\"#{r:02x}{g:02x}{b:02x}\""),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_read_by_name_index_and_hex() {
        assert_eq!(Colour::parse("magenta"), Some(Colour::Ansi(5)));
        assert_eq!(Colour::parse("Dark-Grey"), Some(Colour::Ansi(8)));
        assert_eq!(Colour::parse("light_red"), Some(Colour::Ansi(9)));
        assert_eq!(Colour::parse("default"), Some(Colour::Default));
        assert_eq!(Colour::parse("#005FAF"), Some(Colour::Rgb(0, 0x5f, 0xaf)));
        assert_eq!(Colour::parse("#05f"), None);
        assert_eq!(Colour::parse("purple"), None);
        assert_eq!(Colour::index(4), Colour::Ansi(4));
        assert_eq!(Colour::index(24), Colour::Indexed(24));
    }

    #[test]
    fn colours_print_as_toml_values() {
        assert_eq!(Colour::Ansi(13).to_string(), "\"bright-magenta\"");
        assert_eq!(Colour::Indexed(240).to_string(), "240");
        assert_eq!(Colour::Rgb(1, 2, 255).to_string(), "\"#0102ff\"");
    }
}
