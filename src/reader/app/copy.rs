//! `y` copies what has focus, `o` opens the source's address. Both only decide what and
//! say so in a notice; the event loop writes the clipboard sequence or runs the opener.

use super::App;
use crate::library::card::Card;
use crate::library::card_text::card_text;
use crate::library::{BriefingId, EntityId, Kind, cite};
use crate::reader::action::{Action, Pane};
use crate::reader::effect::Effect;
use crate::reader::keymap::Context;
use crate::reader::navigator::{Row, Saved};
use crate::reader::target::Target;
use crate::reader::views::View;

/// How much of what was copied the notice quotes.
const QUOTED: usize = 48;

/// Text to copy and what to call it in the notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clip {
    /// What goes on the clipboard.
    pub text: String,
    /// "the sentence", "the card of Nvidia".
    pub what: String,
}

impl Clip {
    fn new(text: impl Into<String>, what: impl Into<String>) -> Clip {
        Clip { text: text.into(), what: what.into() }
    }
}

impl App<'_> {
    /// `y`: copies what has focus, saying what.
    pub(crate) fn copy(&mut self) {
        match self.clip() {
            Some(clip) => {
                self.notice = Some(format!("Copied {}: {}", clip.what, quote(&clip.text)));
                self.effects.push(Effect::Copy(clip.text));
            }
            None => {
                let tab = self.key_of(Context::Reading, Action::NextLink).map(|k| format!(": {k} to a link first"));
                self.notice = Some(format!("Nothing to copy here{}", tab.unwrap_or_default()));
            }
        }
    }

    /// `o`: opens the address of the source in focus (a briefing row or link), else of the
    /// open story's.
    pub(crate) fn open_source(&mut self) {
        let Some(b) = self.focused_briefing().or(self.at.briefing) else {
            self.notice = Some("No briefing open: no source to open".into());
            return;
        };
        let source = &self.library.briefing(b).source;
        match &source.url {
            Some(url) => {
                self.notice = Some(format!("Opening {}", cite::host(url).unwrap_or(url)));
                self.effects.push(Effect::Open(url.clone()));
            }
            None => self.notice = Some(format!("{} gives no address", cite::source_line(source))),
        }
    }

    /// The requests for the event loop made since it last asked.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Tells the reader how a request went (a browser that could not be started).
    pub fn tell(&mut self, notice: String) {
        self.notice = Some(notice);
    }

    /// What `y` copies where the reader is.
    pub fn clip(&self) -> Option<Clip> {
        match self.at.focus {
            Pane::Navigator => self.nav_clip(),
            Pane::Story => match self.at.story.link.and_then(|l| self.story.doc.links.get(l)) {
                Some(link) => self.target_clip(link.target),
                None => self.story_clip(),
            },
            Pane::Card => match self.at.card.link.and_then(|l| self.card.doc.links.get(l)) {
                Some(link) => self.target_clip(link.target),
                None => self.at.entity.map(|e| self.card_clip(e)),
            },
        }
    }

    /// A link's clip: a mention's sentence, a figure with its source, a name, a headline.
    fn target_clip(&self, target: Target) -> Option<Clip> {
        let library = self.library;
        match target {
            Target::Mention(b, m) => {
                let mention = library.mentions(b).get(m)?;
                if library.entity(mention.entity).kind == Kind::Figure {
                    return self.entity_clip(mention.entity);
                }
                let text = &library.briefing(b).paragraphs[mention.paragraph].text;
                Some(Clip::new(cite::sentence_of(text, mention.range.clone()), "the sentence"))
            }
            Target::Entity(e) => self.entity_clip(e),
            Target::Briefing(b) => Some(Clip::new(library.briefing(b).headline.as_str(), "the headline")),
        }
    }

    fn entity_clip(&self, e: EntityId) -> Option<Clip> {
        match cite::figure(self.library, e) {
            Some(text) => Some(Clip::new(text, "the figure with its source")),
            None => Some(Clip::new(self.library.entity(e).name.as_str(), "the name")),
        }
    }

    fn card_clip(&self, e: EntityId) -> Clip {
        let name = &self.library.entity(e).name;
        Clip::new(card_text(&Card::new(self.library, e)), format!("the card of {name}"))
    }

    /// The story with nothing focused: its source's address, else its source line.
    fn story_clip(&self) -> Option<Clip> {
        if self.at.view != View::Story {
            return None;
        }
        let source = &self.library.briefing(self.at.briefing?).source;
        Some(match &source.url {
            Some(url) => Clip::new(url.as_str(), "the source address"),
            None => Clip::new(cite::source_line(source), "the source"),
        })
    }

    fn nav_clip(&self) -> Option<Clip> {
        let library = self.library;
        match self.index.row(self.nav_row())? {
            Row::Briefing(b) | Row::Saved(Saved::Briefing(b)) => self.target_clip(Target::Briefing(b)),
            Row::Entity(e) | Row::Saved(Saved::Entity(e)) => self.entity_clip(e),
            Row::Saved(Saved::Paragraph(b, p)) => {
                Some(Clip::new(library.briefing(b).paragraphs.get(p)?.text.as_str(), "the paragraph"))
            }
            Row::Briefings(_) | Row::Bookmarks(_) | Row::Group(..) => None,
        }
    }

    /// The briefing a focused row or link names, for `o`.
    fn focused_briefing(&self) -> Option<BriefingId> {
        let link = |doc: &crate::reader::doc::Doc, link: Option<usize>| match doc.links.get(link?)?.target {
            Target::Briefing(b) | Target::Mention(b, _) => Some(b),
            Target::Entity(_) => None,
        };
        match self.at.focus {
            Pane::Navigator => match self.index.row(self.nav_row())? {
                Row::Briefing(b) | Row::Saved(Saved::Briefing(b) | Saved::Paragraph(b, _)) => Some(b),
                _ => None,
            },
            Pane::Story => link(&self.story.doc, self.at.story.link),
            Pane::Card => link(&self.card.doc, self.at.card.link),
        }
    }
}

/// The start of `text` on one line, cut with an ellipsis.
fn quote(text: &str) -> String {
    let line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= QUOTED {
        return line;
    }
    line.chars().take(QUOTED - 1).chain(['…']).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::bundled;

    #[test]
    fn a_mention_copies_its_sentence_and_a_figure_its_source() {
        let library = bundled::load(Default::default()).unwrap().library;
        let beijing = library.briefing_by_id("beijing-gambit").unwrap();
        let mut app = App::new(&library, (120, 40), Some(Target::Briefing(beijing)));
        app.update(Action::NextLink);
        app.update(Action::Copy);
        assert_eq!(app.take_effects(), [Effect::Copy("Jensen Huang".into())], "a name in the headline: the name");
        while !matches!(app.at.story.link.map(|l| app.story.doc.links[l].target), Some(Target::Mention(..))) {
            app.update(Action::NextLink);
        }
        app.update(Action::Copy);
        let first =
            "Jensen Huang, the chief executive of Nvidia, turned up in Beijing on Thursday with little warning.";
        assert_eq!(app.take_effects(), [Effect::Copy(first.into())]);
        assert!(app.notice.as_deref().is_some_and(|n| n.starts_with("Copied the sentence: Jensen Huang")));
        while app.story_link_entity().map(|e| library.entity(e).kind) != Some(Kind::Figure) {
            app.update(Action::NextLink);
        }
        app.update(Action::Copy);
        let Ok([Effect::Copy(text)]) = <[Effect; 1]>::try_from(app.take_effects()) else { panic!("one copy") };
        assert!(text.starts_with("$17 billion — ") && text.contains("In Focus Magazine"), "{text}");
    }

    #[test]
    fn a_card_without_focus_copies_itself_and_the_source_opens_its_address() {
        let library = bundled::load(Default::default()).unwrap().library;
        let charge = library.briefing_by_id("nvidia-h20-charge").unwrap();
        let mut app = App::new(&library, (120, 40), Some(Target::Briefing(charge)));
        app.update(Action::OpenSource);
        let url = library.briefing(charge).source.url.clone().unwrap();
        assert_eq!(app.take_effects(), [Effect::Open(url.clone())]);
        app.update(Action::Copy);
        assert_eq!(app.take_effects(), [Effect::Copy(url)], "the story with nothing focused: its address");
        app.open(Target::Entity(library.entity_by_id("h20").unwrap()));
        app.update(Action::Copy);
        let Ok([Effect::Copy(text)]) = <[Effect; 1]>::try_from(app.take_effects()) else { panic!("one copy") };
        assert!(text.starts_with("chip · H20"), "{text}");
        assert_eq!(app.notice.as_deref().map(|n| n.starts_with("Copied the card of H20: ")), Some(true));
    }

    #[test]
    fn a_source_without_an_address_says_so() {
        let library = bundled::load(Default::default()).unwrap().library;
        let beijing = library.briefing_by_id("beijing-gambit").unwrap();
        let mut app = App::new(&library, (120, 40), Some(Target::Briefing(beijing)));
        app.update(Action::OpenSource);
        assert!(app.take_effects().is_empty());
        assert_eq!(app.notice.as_deref().map(|n| n.ends_with("gives no address")), Some(true), "{:?}", app.notice);
    }
}
