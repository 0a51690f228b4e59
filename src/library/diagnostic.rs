//! Problems found while loading a library, each pinned to a file and a position.

use std::fmt;
use std::path::{Path, PathBuf};

use super::escape::escape_controls;

/// How bad a problem is: errors make the library unusable, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The library cannot be loaded as it is.
    Error,
    /// Worth fixing, but the library still loads.
    Warning,
}

/// A 1-based line and column (columns count characters, as editors do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

/// One problem: where it is, how bad, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file (or directory) the problem is in.
    pub file: PathBuf,
    /// Position in the file, when the problem has one.
    pub position: Option<Position>,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, naming the JSON path and quoting the bad value.
    pub message: String,
}

impl Diagnostic {
    /// An error at a position of a file.
    pub fn error(file: &Path, position: Option<Position>, message: impl Into<String>) -> Self {
        Self::new(file, position, Severity::Error, message)
    }

    /// A warning at a position of a file.
    pub fn warning(file: &Path, position: Option<Position>, message: impl Into<String>) -> Self {
        Self::new(file, position, Severity::Warning, message)
    }

    fn new(file: &Path, position: Option<Position>, severity: Severity, message: impl Into<String>) -> Self {
        Diagnostic { file: file.to_path_buf(), position, severity, message: message.into() }
    }

    /// Whether this diagnostic is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// `FILE:LINE:COL: error: MESSAGE`, the form compilers use so editors can jump to it.
    /// Control characters in the file name or the message (which quotes bad values) are
    /// escaped, so each diagnostic is one line and nothing in it acts on the terminal.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", escape_controls(&self.file.display().to_string(), &[]))?;
        if let Some(p) = self.position {
            write!(f, ":{}:{}", p.line, p.column)?;
        }
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, ": {label}: {}", escape_controls(&self.message, &[]))
    }
}

/// Line and column of a byte offset in `text`.
pub fn position_of(text: &str, offset: usize) -> Position {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position { line, column: before[line_start..].chars().count() + 1 }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "{\n  \"é\": 1\n}";
        assert_eq!(position_of(text, 0), Position { line: 1, column: 1 });
        let one = text.find('1').unwrap();
        assert_eq!(position_of(text, one), Position { line: 2, column: 8 });
    }

    #[test]
    fn display_follows_compiler_form() {
        let d = Diagnostic::error(Path::new("a.json"), Some(Position { line: 3, column: 7 }), "bad");
        assert_eq!(d.to_string(), "a.json:3:7: error: bad");
        let w = Diagnostic::warning(Path::new("dir"), None, "empty");
        assert_eq!(w.to_string(), "dir: warning: empty");
    }

    #[test]
    fn a_newline_in_a_file_name_cannot_forge_a_line() {
        let d = Diagnostic::error(Path::new("a\nb.json:1:1: error: forged"), None, "bad `\u{1b}[2J`");
        assert_eq!(d.to_string(), "a\\u000ab.json:1:1: error: forged: error: bad `\\u001b[2J`");
    }
}
