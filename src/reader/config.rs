//! The reader's configuration: the file read by [`crate::config`] with the key table's
//! names, merged over the default keys and colours. A bad entry never stops the reader:
//! it starts with the defaults for that entry and says so in one line.

mod default;
mod schema;

use std::path::{Path, PathBuf};

pub use self::default::default_text;
pub use self::schema::json_schema;
use super::keymap::{Keymap, Names};
use crate::config::theme::Palette;
use crate::config::{self, Loaded};
use crate::library::Diagnostic;

/// Keys and colours as configured, and what was wrong with the file.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The key table: the defaults with the file's bindings merged over them.
    pub keys: Keymap,
    /// The colours.
    pub palette: Palette,
    /// The file, when there is one.
    pub file: Option<PathBuf>,
    /// Every problem with it, in file order (warnings too).
    pub problems: Vec<Diagnostic>,
}

impl Config {
    /// The configuration `--config FILE`, `$BRIEFING_CONFIG` or the XDG default names.
    pub fn load(explicit: Option<&Path>) -> Config {
        Config::from(config::load::<Names>(explicit))
    }

    /// The configuration in `file`, which must exist.
    pub fn load_file(file: &Path) -> Config {
        Config::from(config::load_file::<Names>(file, true))
    }

    /// How many of the problems are errors.
    pub fn errors(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error()).count()
    }

    /// The one line the reader shows at start when the file has errors: short enough for
    /// the status bar of an 80-column terminal.
    pub fn notice(&self) -> Option<String> {
        let errors = self.errors();
        let name = self
            .file
            .as_deref()
            .and_then(Path::file_name)
            .map_or_else(String::new, |f| f.to_string_lossy().into_owned());
        let plural = if errors == 1 { "" } else { "s" };
        (errors > 0).then(|| format!("{name}: {errors} error{plural}, defaults used for them (briefing config check)"))
    }
}

impl From<Loaded<Names>> for Config {
    fn from(loaded: Loaded<Names>) -> Self {
        let mut problems = loaded.problems;
        let file = loaded.file.clone().unwrap_or_default();
        let (keys, merged) = Keymap::defaults().merged(&loaded.settings.bindings, &file);
        problems.extend(merged);
        problems.sort_by_key(|p| p.position);
        Config { keys, palette: loaded.settings.palette(), file: loaded.file, problems }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notice_counts_errors_and_says_what_to_run() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config.toml");
        std::fs::write(&file, "[keys.story]\n\"j\" = \"dwon\"\n[theme]\npreset = \"light\"\n").unwrap();
        let config = Config::load_file(&file);
        let notice = config.notice().unwrap_or_default();
        assert_eq!(notice, "config.toml: 1 error, defaults used for them (briefing config check)");
        assert_eq!(config.palette, Palette::preset(crate::config::theme::Preset::Light), "the rest applies");
        assert_eq!(Config::default().notice(), None);
    }
}
