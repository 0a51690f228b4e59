//! Giving a briefing back as its author wrote it: `briefing export --format json` reads the
//! briefing's own file again, so what comes out is that file (normalised as JSON), never a
//! merge of every briefing that declares its entities, and it loads to the same library.

use super::diagnostic::Diagnostic;
use super::format::BriefingFile;
use super::input::Input;
use super::load::parse_briefing;

/// The file form of the briefing `input` holds, as its author wrote it.
pub fn author_file(input: &Input) -> Result<BriefingFile, Diagnostic> {
    parse_briefing(input)
}
