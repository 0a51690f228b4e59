//! Keys as the configuration writes them (`j`, `Ctrl-d`, `Shift-Tab`, `g g`) and as the help
//! shows them (`↓`, `PgDn`). This is the reader's own key type: the terminal's key events
//! are turned into it at the edge of the reader, so nothing here knows a terminal library.

use std::fmt;

/// A key without its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    /// A character key; Shift is part of the character (`G`, `?`).
    Char(char),
    /// Tab.
    Tab,
    /// Shift-Tab, which terminals report as a key of its own.
    BackTab,
    /// Enter.
    Enter,
    /// Escape.
    Esc,
    /// Backspace.
    Backspace,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Home.
    Home,
    /// End.
    End,
    /// Insert.
    Insert,
    /// Delete.
    Delete,
    /// A function key, F1 to F24.
    F(u8),
}

/// The modifiers held with a key.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Mods {
    /// Control.
    pub ctrl: bool,
    /// Alt (Meta, Option).
    pub alt: bool,
    /// Shift, for keys that are not characters (`Shift-Up`); a character carries its own.
    pub shift: bool,
}

/// One key press: a key and its modifiers, normalised so that one press has one spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    /// The key.
    pub code: Code,
    /// Its modifiers.
    pub mods: Mods,
}

/// Names of keys that are not characters, as the configuration writes them: the first
/// spelling of each is the one printed, the others are accepted.
const NAMED: &[(&[&str], Code)] = &[
    (&["Space"], Code::Char(' ')),
    (&["Tab"], Code::Tab),
    (&["Enter", "Return"], Code::Enter),
    (&["Esc", "Escape"], Code::Esc),
    (&["Backspace", "BS"], Code::Backspace),
    (&["Up", "↑"], Code::Up),
    (&["Down", "↓"], Code::Down),
    (&["Left", "←"], Code::Left),
    (&["Right", "→"], Code::Right),
    (&["PgUp", "PageUp"], Code::PageUp),
    (&["PgDn", "PageDown", "PgDown"], Code::PageDown),
    (&["Home"], Code::Home),
    (&["End"], Code::End),
    (&["Insert", "Ins"], Code::Insert),
    (&["Delete", "Del"], Code::Delete),
];

/// Sets one modifier.
type SetModifier = fn(&mut Mods);

/// Modifier prefixes, each written before a `-` (or `+`): `Ctrl-d`, `C-d`, `Alt+Left`.
const MODIFIERS: &[(&[&str], SetModifier)] = &[
    (&["ctrl", "control", "c"], |m| m.ctrl = true),
    (&["alt", "meta", "opt", "option", "a", "m"], |m| m.alt = true),
    (&["shift", "s"], |m| m.shift = true),
];

/// The highest function key.
const MAX_F: u8 = 24;

impl Key {
    /// A key with modifiers, normalised: Shift folded into characters (`Shift-g` is `G`) and
    /// into Tab (`Shift-Tab` is [`Code::BackTab`]); Ctrl with an upper-case letter read as
    /// the lower-case one, since terminals send the same byte for both.
    pub fn new(code: Code, mods: Mods) -> Key {
        let mut key = Key { code, mods };
        match (key.code, key.mods.shift) {
            (Code::Char(c), true) => {
                key.code = Code::Char(upper(c));
                key.mods.shift = false;
            }
            (Code::Tab, true) | (Code::BackTab, true) => {
                key.code = Code::BackTab;
                key.mods.shift = false;
            }
            _ => {}
        }
        if let (Code::Char(c), true) = (key.code, key.mods.ctrl) {
            key.code = Code::Char(c.to_ascii_lowercase());
        }
        key
    }

    /// A character with no modifiers.
    pub const fn char(c: char) -> Key {
        Key { code: Code::Char(c), mods: Mods { ctrl: false, alt: false, shift: false } }
    }

    /// A key with no modifiers.
    pub const fn plain(code: Code) -> Key {
        Key { code, mods: Mods { ctrl: false, alt: false, shift: false } }
    }

    /// Parses one key as the configuration writes it: `j`, `G`, `?`, `Space`, `Ctrl-d`,
    /// `Alt-Left`, `Shift-Tab`, `F5`. Names and modifiers are read in any case.
    pub fn parse(text: &str) -> Result<Key, KeyError> {
        let mut mods = Mods::default();
        let mut rest = text;
        while let Some((prefix, after)) = split_modifier(rest) {
            let Some((_, set)) =
                MODIFIERS.iter().find(|(names, _)| names.iter().any(|n| n.eq_ignore_ascii_case(prefix)))
            else {
                return Err(KeyError::UnknownModifier(prefix.to_string()));
            };
            set(&mut mods);
            rest = after;
        }
        let code = code_named(rest).ok_or_else(|| KeyError::UnknownKey(rest.to_string()))?;
        if let (Code::Char(c), true) = (code, mods.ctrl || mods.alt) {
            if c.is_control() {
                return Err(KeyError::UnknownKey(rest.to_string()));
            }
        }
        Ok(Key::new(code, mods))
    }

    /// Whether the key types a character into a text box (no Ctrl or Alt held).
    pub fn is_printable(&self) -> bool {
        matches!(self.code, Code::Char(_)) && !self.mods.ctrl && !self.mods.alt
    }

    /// The key as the help and hints show it: arrows as `↑`, `PgDn`, `Ctrl-d`.
    pub fn label(&self) -> String {
        let base = match self.code {
            Code::Up => "↑".to_string(),
            Code::Down => "↓".into(),
            Code::Left => "←".into(),
            Code::Right => "→".into(),
            _ => self.base_name(),
        };
        self.with_mods(base)
    }

    /// The key's name without modifiers, as the configuration writes it.
    fn base_name(&self) -> String {
        match self.code {
            Code::BackTab => "Shift-Tab".into(),
            Code::F(n) => format!("F{n}"),
            Code::Char(c) if c != ' ' => c.to_string(),
            code => NAMED.iter().find(|(_, c)| *c == code).map_or_else(String::new, |(names, _)| names[0].to_string()),
        }
    }

    fn with_mods(&self, base: String) -> String {
        let mut name = String::new();
        for (on, prefix) in [(self.mods.ctrl, "Ctrl-"), (self.mods.alt, "Alt-"), (self.mods.shift, "Shift-")] {
            if on {
                name.push_str(prefix);
            }
        }
        name + &base
    }
}

impl fmt::Display for Key {
    /// The key as the configuration writes it, which [`Key::parse`] reads back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.with_mods(self.base_name()))
    }
}

/// The character Shift makes of `c`: its upper case when that is one character.
fn upper(c: char) -> char {
    let mut upper = c.to_uppercase();
    match (upper.next(), upper.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

/// `("Ctrl", "d")` from `Ctrl-d`; `None` once no modifier is left (`-` alone is a key, and
/// so is the `-` of `Ctrl--`).
fn split_modifier(text: &str) -> Option<(&str, &str)> {
    let at = text.find(['-', '+'])?;
    let (prefix, after) = (&text[..at], &text[at + 1..]);
    (!prefix.is_empty() && !after.is_empty()).then_some((prefix, after))
}

/// The key a name or a single character stands for.
fn code_named(name: &str) -> Option<Code> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return match c {
            '↑' => Some(Code::Up),
            '↓' => Some(Code::Down),
            '←' => Some(Code::Left),
            '→' => Some(Code::Right),
            c if c.is_control() => None,
            c => Some(Code::Char(c)),
        };
    }
    if let Some(n) = name.strip_prefix(['F', 'f']).and_then(|n| n.parse::<u8>().ok()) {
        return (1..=MAX_F).contains(&n).then_some(Code::F(n));
    }
    if name.eq_ignore_ascii_case("BackTab") {
        return Some(Code::BackTab);
    }
    NAMED.iter().find(|(names, _)| names.iter().any(|n| n.eq_ignore_ascii_case(name))).map(|&(_, code)| code)
}

/// Every key name the configuration accepts besides single characters, for "did you mean".
pub fn key_names() -> impl Iterator<Item = &'static str> {
    NAMED.iter().flat_map(|(names, _)| names.iter().copied()).chain(["Shift-Tab", "F1", "F12"])
}

/// Why a key does not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyError {
    /// Nothing was written.
    Empty,
    /// A name that is no key.
    UnknownKey(String),
    /// A modifier that is not Ctrl, Alt or Shift.
    UnknownModifier(String),
}

/// A sequence of key presses, `g g`: written with spaces between the keys.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeySeq(pub Vec<Key>);

impl KeySeq {
    /// Parses keys separated by spaces; a lone space is the Space key.
    pub fn parse(text: &str) -> Result<KeySeq, KeyError> {
        if text == " " {
            return Ok(KeySeq(vec![Key::char(' ')]));
        }
        let keys = text.split_whitespace().map(Key::parse).collect::<Result<Vec<_>, _>>()?;
        if keys.is_empty() {
            return Err(KeyError::Empty);
        }
        Ok(KeySeq(keys))
    }

    /// The keys in order.
    pub fn keys(&self) -> &[Key] {
        &self.0
    }

    /// Whether `self` is `other`'s first keys, and shorter.
    pub fn is_prefix_of(&self, other: &KeySeq) -> bool {
        self.0.len() < other.0.len() && other.0.starts_with(&self.0)
    }

    /// The sequence as the help shows it: `g g`, `Ctrl-d`.
    pub fn label(&self) -> String {
        self.0.iter().map(Key::label).collect::<Vec<_>>().join(" ")
    }
}

impl fmt::Display for KeySeq {
    /// The sequence as the configuration writes it, which [`KeySeq::parse`] reads back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<String> = self.0.iter().map(Key::to_string).collect();
        f.write_str(&names.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(text: &str) -> Key {
        Key::parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"))
    }

    fn ctrl(c: char) -> Key {
        Key { code: Code::Char(c), mods: Mods { ctrl: true, ..Mods::default() } }
    }

    #[test]
    fn keys_read_as_people_write_them() {
        assert_eq!(key("j"), Key::char('j'));
        assert_eq!(key("G"), Key::char('G'));
        assert_eq!(key("Shift-g"), Key::char('G'));
        assert_eq!(key("Ctrl-d"), ctrl('d'));
        assert_eq!(key("ctrl+D"), ctrl('d'));
        assert_eq!(key("C-d"), ctrl('d'));
        assert_eq!(key("Shift-Tab"), Key::plain(Code::BackTab));
        assert_eq!(key("space"), Key::char(' '));
        assert_eq!(key("PageDown"), Key::plain(Code::PageDown));
        assert_eq!(key("-"), Key::char('-'));
        assert_eq!(key("Ctrl--"), ctrl('-'));
        assert_eq!(key("F5"), Key::plain(Code::F(5)));
        assert_eq!(key("Alt-←"), Key { code: Code::Left, mods: Mods { alt: true, ..Mods::default() } });
    }

    #[test]
    fn bad_keys_say_what_is_wrong() {
        assert_eq!(Key::parse("PgDwn"), Err(KeyError::UnknownKey("PgDwn".into())));
        assert_eq!(Key::parse("Hyper-x"), Err(KeyError::UnknownModifier("Hyper".into())));
        assert_eq!(Key::parse("F25"), Err(KeyError::UnknownKey("F25".into())));
        assert_eq!(KeySeq::parse(""), Err(KeyError::Empty));
        assert_eq!(KeySeq::parse("\t"), Err(KeyError::Empty));
    }

    #[test]
    fn every_key_prints_as_it_parses() {
        let texts = ["j", "G", "?", "Space", "Ctrl-d", "Alt-Left", "Shift-Tab", "PgDn", "F12", "Shift-Up", "g g", "-"];
        for text in texts {
            let seq = KeySeq::parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
            assert_eq!(seq.to_string(), text);
            assert_eq!(KeySeq::parse(&seq.to_string()), Ok(seq));
        }
    }

    #[test]
    fn labels_use_arrows_and_sequences_keep_their_spaces() {
        assert_eq!(key("Alt-Left").label(), "Alt-←");
        assert_eq!(KeySeq::parse("g g").map(|s| s.label()), Ok("g g".to_string()));
        assert_eq!(key(" ").label(), "Space");
        assert!(KeySeq::parse("g").is_ok_and(|g| KeySeq::parse("g g").is_ok_and(|gg| g.is_prefix_of(&gg))));
    }
}
