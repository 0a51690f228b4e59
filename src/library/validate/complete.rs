//! The first pass over a briefing file: what the author left out is filled in from what
//! they wrote (see [`shorthand`](super::super::shorthand)), so every later rule sees whole
//! figures and relations; what cannot be filled in, or disagrees, is reported here.

use super::super::format::BriefingFile;
use super::super::input::Content;
use super::super::locate::JsonPath;
use super::super::shorthand::{complete_figure, complete_relation};
use super::Reporter;

/// Completes the figures and relations of a briefing file (shared entities files hold none).
pub(super) fn complete(content: &mut Content, file: usize, reporter: &mut Reporter<'_>) {
    if let Content::Briefing(briefing) = content {
        complete_briefing(briefing, file, reporter);
    }
}

fn complete_briefing(briefing: &mut BriefingFile, file: usize, reporter: &mut Reporter<'_>) {
    for (i, figure) in briefing.figures.iter_mut().enumerate() {
        // An empty display text is reported where figures are declared, once.
        if figure.display.trim().is_empty() {
            continue;
        }
        let path = JsonPath::root().key("figures").index(i);
        for (key, message) in complete_figure(figure) {
            reporter.error(file, &path.key(key), message);
        }
    }
    for (i, relation) in briefing.relations.iter_mut().enumerate() {
        if let Some((key, message)) = complete_relation(relation) {
            reporter.error(file, &JsonPath::root().key("relations").index(i).key(key), message);
        }
    }
}
