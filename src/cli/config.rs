//! `briefing config check [FILE]`, `config default` and `config schema`: the configuration
//! file checked as the reader reads it, the complete defaults, and the JSON Schema.

use std::path::Path;
use std::process::ExitCode;

use super::check::report;
use super::print;
use crate::config;
use crate::reader::config::{Config, default_text, json_schema};

/// Checks `file`, or else the file the reader would read, and prints every problem with
/// its position; exit 1 on errors. With no file there is nothing wrong: the defaults apply.
pub fn check(file: Option<&Path>, explicit: Option<&Path>) -> anyhow::Result<ExitCode> {
    let config = match file {
        Some(file) => Config::load_file(file),
        None => match config::locate(explicit) {
            Some((path, false)) if !path.exists() => {
                print(&format!("no configuration at {}; the defaults apply\n", path.display()))?;
                return Ok(ExitCode::SUCCESS);
            }
            _ => Config::load(explicit),
        },
    };
    let name = config.file.as_deref().map_or_else(|| "the defaults".to_string(), |f| f.display().to_string());
    report(&config.problems, &name)
}

/// Prints the complete default configuration.
pub fn default() -> anyhow::Result<ExitCode> {
    print(&default_text())?;
    Ok(ExitCode::SUCCESS)
}

/// Prints the configuration's JSON Schema.
pub fn schema() -> anyhow::Result<ExitCode> {
    print(&json_schema())?;
    Ok(ExitCode::SUCCESS)
}
