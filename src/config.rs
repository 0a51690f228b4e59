//! The configuration file: keys and colours, in TOML, merged over the defaults entry by
//! entry. This is domain code with no terminal in it. What keys can do (the contexts and
//! actions) belongs to the reader's key table, which hands its names in as a
//! [`Vocabulary`]; this module reads keys, colours and names and reports every mistake with
//! its file, line and column. The format is documented in `docs/config.md`.

pub mod colour;
pub mod key;
pub mod parse;
pub mod schema;
pub mod theme;

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use etcetera::BaseStrategy;

pub use self::key::{Code, Key, KeySeq, Mods};
use self::theme::{PaintChange, Palette, Preset, Role};
use crate::library::diagnostic::{Diagnostic, Position, position_of};

/// The environment variable that names the configuration file, over the XDG default.
pub const ENV_FILE: &str = "BRIEFING_CONFIG";

/// The file's name inside the configuration directory.
pub const FILE_NAME: &str = "config.toml";

/// The largest configuration read: far beyond any real one, small enough that a wrong
/// path to a huge file is refused at once instead of read into memory.
pub const MAX_BYTES: u64 = 1 << 20;

/// A name the configuration may use, with what it stands for and what it does.
#[derive(Debug, Clone, Copy)]
pub struct Word<T> {
    /// The name, snake_case.
    pub name: &'static str,
    /// What it stands for.
    pub value: T,
    /// One line on what it does.
    pub about: &'static str,
}

/// The names a key table understands: where keys apply, and what they can do.
pub trait Vocabulary {
    /// Where a binding applies.
    type Context: Copy + Eq + std::fmt::Debug + 'static;
    /// What a key can do.
    type Action: Copy + Eq + std::fmt::Debug + 'static;
    /// Every context by name.
    fn contexts() -> &'static [Word<Self::Context>];
    /// Every action a key can be bound to, by name.
    fn actions() -> &'static [Word<Self::Action>];
}

/// One `"keys" = actions` entry that read well.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding<V: Vocabulary> {
    /// Its table, `[keys.CONTEXT]`.
    pub context: V::Context,
    /// The keys to press.
    pub keys: KeySeq,
    /// What they do, in order; empty unbinds them.
    pub actions: Vec<V::Action>,
    /// Where the entry is, for problems found when it is merged.
    pub at: Position,
}

/// Everything a configuration file set that read well, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings<V: Vocabulary> {
    /// Key bindings.
    pub bindings: Vec<Binding<V>>,
    /// `[theme] preset`.
    pub preset: Option<Preset>,
    /// The roles `[theme]` changes.
    pub paints: Vec<(Role, PaintChange)>,
}

impl<V: Vocabulary> Default for Settings<V> {
    fn default() -> Self {
        Settings { bindings: Vec::new(), preset: None, paints: Vec::new() }
    }
}

impl<V: Vocabulary> Settings<V> {
    /// The colours: the preset's, changed role by role.
    pub fn palette(&self) -> Palette {
        let mut palette = Palette::preset(self.preset.unwrap_or_default());
        for &(role, change) in &self.paints {
            palette.change(role, change);
        }
        palette
    }
}

/// A configuration as read: where from, what it set, and what was wrong with it.
#[derive(Debug)]
pub struct Loaded<V: Vocabulary> {
    /// The file, when there is one.
    pub file: Option<PathBuf>,
    /// What it set.
    pub settings: Settings<V>,
    /// Every problem, in file order; the entries they are in were left out.
    pub problems: Vec<Diagnostic>,
}

/// The configuration file and whether the user named it (then it must exist):
/// `explicit` (`--config FILE`), else `$BRIEFING_CONFIG`, else
/// `$XDG_CONFIG_HOME/briefing/config.toml`, else `~/.config/briefing/config.toml`.
/// etcetera's XDG strategy is used on every Unix, macOS included.
pub fn locate(explicit: Option<&Path>) -> Option<(PathBuf, bool)> {
    if let Some(file) = explicit {
        return Some((file.to_path_buf(), true));
    }
    if let Some(file) = std::env::var_os(ENV_FILE).filter(|f| !f.is_empty()) {
        return Some((PathBuf::from(file), true));
    }
    let strategy = etcetera::base_strategy::choose_base_strategy().ok()?;
    Some((strategy.config_dir().join("briefing").join(FILE_NAME), false))
}

/// Reads and parses the configuration `locate` finds. A default file that does not exist
/// is no problem (the defaults apply); one the user named is.
pub fn load<V: Vocabulary>(explicit: Option<&Path>) -> Loaded<V> {
    let Some((file, named)) = locate(explicit) else {
        return Loaded { file: None, settings: Settings::default(), problems: Vec::new() };
    };
    load_file(&file, named)
}

/// Reads and parses `file`; `required` when a missing file is a problem.
pub fn load_file<V: Vocabulary>(file: &Path, required: bool) -> Loaded<V> {
    let (settings, problems) = match read(file) {
        Ok(Some(text)) => parse::parse(file, &text),
        Ok(None) if !required => (Settings::default(), Vec::new()),
        Ok(None) => (Settings::default(), vec![Diagnostic::error(file, None, "no such file")]),
        Err(problem) => (Settings::default(), vec![problem]),
    };
    Loaded { file: Some(file.to_path_buf()), settings, problems }
}

/// The text of `file`; `None` when it does not exist. A directory, a file too large or
/// one that is not UTF-8 is a problem, never read as empty.
fn read(file: &Path) -> Result<Option<String>, Diagnostic> {
    let cannot = |e: io::Error| Diagnostic::error(file, None, format!("cannot read: {e}"));
    let opened = match fs::File::open(file) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        opened => opened.map_err(cannot)?,
    };
    let meta = opened.metadata().map_err(cannot)?;
    if meta.is_dir() {
        return Err(Diagnostic::error(file, None, "is a directory, not a configuration file"));
    }
    let mut bytes = Vec::new();
    opened.take(MAX_BYTES + 1).read_to_end(&mut bytes).map_err(cannot)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(Diagnostic::error(
            file,
            None,
            format!("larger than {} KiB; is this the right file?", MAX_BYTES >> 10),
        ));
    }
    String::from_utf8(bytes).map(Some).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(valid);
        Diagnostic::error(file, Some(position_of(&text, text.len())), "not UTF-8 text")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Ctx {
        Global,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Act {
        Quit,
    }

    struct Test;

    impl Vocabulary for Test {
        type Context = Ctx;
        type Action = Act;
        fn contexts() -> &'static [Word<Ctx>] {
            &[Word { name: "global", value: Ctx::Global, about: "" }]
        }
        fn actions() -> &'static [Word<Act>] {
            &[Word { name: "quit", value: Act::Quit, about: "" }]
        }
    }

    #[test]
    fn a_missing_default_file_is_no_problem_but_a_named_one_is() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config.toml");
        assert!(load_file::<Test>(&file, false).problems.is_empty());
        let named = load_file::<Test>(&file, true);
        assert_eq!(named.problems.len(), 1);
        assert!(named.problems[0].to_string().ends_with("config.toml: error: no such file"), "{:?}", named.problems);
    }

    #[test]
    fn bad_bytes_and_directories_are_problems_with_positions() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config.toml");
        fs::write(&file, b"[keys.global]\n\"q\" = \"qu\xffit\"\n").unwrap();
        let loaded = load_file::<Test>(&file, true);
        assert!(
            loaded.problems[0].to_string().ends_with("config.toml:2:10: error: not UTF-8 text"),
            "{:?}",
            loaded.problems
        );
        let loaded = load_file::<Test>(dir.path(), true);
        assert!(loaded.problems[0].to_string().contains("is a directory"), "{:?}", loaded.problems);
    }

    #[test]
    fn a_huge_file_is_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config.toml");
        fs::write(&file, vec![b'#'; MAX_BYTES as usize + 10]).unwrap();
        let loaded = load_file::<Test>(&file, true);
        assert!(loaded.problems[0].to_string().contains("larger than 1024 KiB"), "{:?}", loaded.problems);
    }

    #[test]
    fn entries_read_and_mistakes_are_placed() {
        let text = "[keys.global]\n\"x\" = \"quit\"\n\"y\" = \"qiut\"\n";
        let (settings, problems) = parse::parse::<Test>(Path::new("c.toml"), text);
        assert_eq!(settings.bindings.len(), 1);
        assert_eq!(settings.bindings[0].keys, KeySeq::parse("x").unwrap());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].to_string(), "c.toml:3:7: error: unknown action `qiut`; did you mean `quit`?");
    }
}
