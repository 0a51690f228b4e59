//! `briefing cache`: where the content directory's cache is and whether the next start
//! would use it; `path` prints its path, `clear` removes every cache.

use std::process::ExitCode;

use clap::Subcommand;

use super::{Source, print};
use crate::cache;

/// What to do with the cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Subcommand)]
pub enum Action {
    /// Print the path of the content directory's cache file.
    Path,
    /// Remove every cache file from the cache directory.
    Clear,
}

/// Runs `briefing cache [ACTION]`.
pub fn run(source: &Source<'_>, action: Option<Action>) -> anyhow::Result<ExitCode> {
    let Some(dir) = source.cache.as_deref() else {
        print("no cache: --no-cache was given, or there is no home directory for one\n")?;
        return Ok(ExitCode::FAILURE);
    };
    if action == Some(Action::Clear) {
        let removed = cache::clear(dir)?;
        let s = if removed.len() == 1 { "" } else { "s" };
        print(&format!("removed {} cache file{s} from {}\n", removed.len(), dir.display()))?;
        return Ok(ExitCode::SUCCESS);
    }
    let Some(content) = source.content else {
        print(&format!("the bundled library is built in and needs no cache; caches live in {}\n", dir.display()))?;
        return Ok(ExitCode::SUCCESS);
    };
    let status = cache::status(dir, content);
    let text = match (action, status.bytes, &status.miss) {
        (Some(_), ..) => format!("{}\n", status.file.display()),
        (None, Some(bytes), None) => format!("{}\n{} bytes, current\n", status.file.display(), bytes),
        (None, Some(bytes), Some(why)) => {
            format!("{}\n{bytes} bytes, not current: {why} (the next start rebuilds it)\n", status.file.display())
        }
        (None, None, _) => format!("{}\nno cache yet (the next start writes it)\n", status.file.display()),
    };
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}
