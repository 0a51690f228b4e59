//! A linked document wrapped to a width: the form the story and the entity card take on
//! screen. Text is laid out once per change (content, width or find query), so drawing a
//! frame only copies the visible lines, and key and mouse handling can ask which line a
//! link is on or which link sits under a cell.

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

use super::target::Target;
use crate::library::{EntityId, Kind, Library};

/// The role a piece of text plays; the theme turns it into colours and modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// The story's headline.
    Headline,
    /// The standfirst.
    Dek,
    /// Source lines, counts, hints.
    Meta,
    /// A section heading.
    Heading,
    /// Running text.
    Body,
    /// A link to something of this kind.
    Link(Kind),
    /// A plain link (a mention place, a briefing).
    Jump,
    /// A label in a card ("Relations").
    Label,
    /// Text matching the find query.
    Match,
    /// Text that stands for the document's [`Doc::address`], drawn as a hyperlink to it
    /// where the terminal draws them.
    Address,
    /// A mark on what the reader has not read yet.
    Unread,
}

/// A run of text on one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The text; never contains a newline.
    pub text: String,
    /// How it is drawn.
    pub tone: Tone,
    /// The link it belongs to, by index into [`Doc::links`].
    pub link: Option<usize>,
}

/// A link and the lines it occupies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Where it leads.
    pub target: Target,
    /// First line it is drawn on.
    pub line: usize,
    /// Whether it is drawn: a link of text left out at this size (the dek under a compact
    /// header) keeps its place among the links, so link indexes, which a place in the
    /// story records, stay the same whatever is shown; Tab and the mouse pass it by.
    pub shown: bool,
}

/// Lines of pieces plus the links among them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    /// The wrapped lines.
    pub lines: Vec<Vec<Piece>>,
    /// Links in reading order.
    pub links: Vec<Link>,
    /// The line of each marked run (find matches), in order.
    pub marks: Vec<usize>,
    /// Lines where anchored blocks start (the story's paragraphs), in order.
    pub anchors: Vec<usize>,
    /// Lines where blocks start: every paragraph, item and blank line, in order. A place
    /// given as an [`Anchor`] into them survives wrapping at another width.
    pub blocks: Vec<usize>,
    /// The web address its [`Tone::Address`] pieces stand for: a story's source.
    pub address: Option<String>,
}

/// A line named by content rather than by screen row: the block it belongs to and how
/// many lines into that block it sits. The same content laid out at another width has the
/// same blocks, so an anchor keeps the reader's place across a resize.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Anchor {
    /// Index into [`Doc::blocks`].
    pub block: usize,
    /// Lines into the block.
    pub line: usize,
}

impl Doc {
    /// The line an anchor names, kept inside its block and the doc.
    pub fn line_of(&self, anchor: Anchor) -> usize {
        let Some(&start) = self.blocks.get(anchor.block) else { return self.lines.len().saturating_sub(1) };
        let end = self.blocks.get(anchor.block + 1).copied().unwrap_or(self.lines.len());
        (start + anchor.line).min(end.saturating_sub(1).max(start))
    }

    /// The anchor of a line.
    pub fn anchor_at(&self, line: usize) -> Anchor {
        let block = self.blocks.partition_point(|&start| start <= line).saturating_sub(1);
        let start = self.blocks.get(block).copied().unwrap_or(0);
        Anchor { block, line: line.saturating_sub(start) }
    }

    /// The link drawn at `column` of `line`, if any.
    pub fn link_at(&self, line: usize, column: usize) -> Option<usize> {
        let mut x = 0;
        for piece in self.lines.get(line)? {
            let w = width(&piece.text);
            if (x..x + w).contains(&column) {
                return piece.link;
            }
            x += w;
        }
        None
    }
}

/// A span of a paragraph before wrapping.
struct Run {
    text: String,
    tone: Tone,
    link: Option<usize>,
    mark: Option<usize>,
    /// Kept on one line (an entity chip such as "#$800 million"), unless it is wider than
    /// a whole line.
    whole: bool,
}

/// Builds a [`Doc`] paragraph by paragraph, wrapping each to the width.
pub struct DocBuilder {
    width: usize,
    doc: Doc,
    runs: Vec<Run>,
    /// What continuation lines start with: spaces, or a tree's rail.
    hang: String,
}

impl DocBuilder {
    /// A builder wrapping to `width` columns (at least 1).
    pub fn new(width: usize) -> Self {
        DocBuilder { width: width.max(1), doc: Doc::default(), runs: Vec::new(), hang: String::new() }
    }

    /// Indents continuation lines of the following paragraphs by `columns`.
    pub fn indent(&mut self, columns: usize) -> &mut Self {
        self.hang(&" ".repeat(columns))
    }

    /// Starts continuation lines of the following paragraphs with `prefix` (a tree's rail
    /// and the indent under its label). A prefix wider than half the line becomes spaces,
    /// so there is always room for text.
    pub fn hang(&mut self, prefix: &str) -> &mut Self {
        let max = self.width / 2;
        self.hang = if width(prefix) <= max { prefix.to_string() } else { " ".repeat(max) };
        self
    }

    /// Adds a link to an entity's card, drawn as its kind marker and name and kept whole on
    /// one line, as a chip; returns its index.
    pub fn entity(&mut self, library: &Library, id: EntityId) -> usize {
        let e = library.entity(id);
        let index = self.link(&format!("{}{}", symbol(e.kind), e.name), Tone::Link(e.kind), Target::Entity(id));
        if let Some(run) = self.runs.last_mut() {
            run.whole = true;
        }
        index
    }

    /// Adds text to the current paragraph.
    pub fn text(&mut self, text: &str, tone: Tone) -> &mut Self {
        if !text.is_empty() {
            self.runs.push(Run { text: text.to_string(), tone, link: None, mark: None, whole: false });
        }
        self
    }

    /// Adds a link to the current paragraph; returns its index.
    pub fn link(&mut self, text: &str, tone: Tone, target: Target) -> usize {
        let index = self.doc.links.len();
        self.doc.links.push(Link { target, line: usize::MAX, shown: true });
        self.runs.push(Run { text: text.to_string(), tone, link: Some(index), mark: None, whole: false });
        index
    }

    /// Adds a link that is not drawn, on the last line so far, for text left out at
    /// this size; returns its index.
    pub fn hidden_link(&mut self, target: Target) -> usize {
        self.end();
        let index = self.doc.links.len();
        self.doc.links.push(Link { target, line: self.doc.lines.len().saturating_sub(1), shown: false });
        index
    }

    /// Adds marked text (a find match) to the current paragraph, inside `link` if given.
    pub fn mark(&mut self, text: &str, link: Option<usize>) -> &mut Self {
        let mark = Some(self.doc.marks.len());
        self.doc.marks.push(usize::MAX);
        self.runs.push(Run { text: text.to_string(), tone: Tone::Match, link, mark, whole: false });
        self
    }

    /// Adds more text to an existing link (a link split by a find match).
    pub fn link_more(&mut self, text: &str, tone: Tone, link: usize) -> &mut Self {
        self.runs.push(Run { text: text.to_string(), tone, link: Some(link), mark: None, whole: false });
        self
    }

    /// Ends the current paragraph, wrapping it into lines.
    pub fn end(&mut self) -> &mut Self {
        let runs = std::mem::take(&mut self.runs);
        wrap(&mut self.doc, runs, self.width, &self.hang);
        self
    }

    /// Sets the address the document's [`Tone::Address`] pieces stand for.
    pub fn address(&mut self, url: &str) -> &mut Self {
        self.doc.address = Some(url.to_string());
        self
    }

    /// Starts a new block whose first line is recorded in [`Doc::anchors`].
    pub fn anchor(&mut self) -> &mut Self {
        self.end();
        self.doc.anchors.push(self.doc.lines.len());
        self
    }

    /// Ends the current paragraph and starts a block of no lines: a place held for
    /// content left out at this size, so blocks count the same whatever is shown.
    pub fn skip_block(&mut self) -> &mut Self {
        self.end();
        self.doc.blocks.push(self.doc.lines.len());
        self
    }

    /// Adds an empty line.
    pub fn blank(&mut self) -> &mut Self {
        self.end();
        self.doc.blocks.push(self.doc.lines.len());
        self.doc.lines.push(Vec::new());
        self
    }

    /// The document built so far.
    pub fn finish(mut self) -> Doc {
        self.end();
        self.doc
    }
}

/// The marker drawn before a link to an entity of `kind`, so kinds stay apart without
/// colour. All are one column wide.
pub fn symbol(kind: Kind) -> char {
    match kind {
        Kind::Person => '●',
        Kind::Company => '■',
        Kind::Chip => '▪',
        Kind::Figure => '#',
        Kind::Organisation => '▲',
        Kind::Place => '◆',
        Kind::Policy => '§',
        Kind::Product => '◇',
    }
}

/// Display width of text in terminal columns.
pub fn width(text: &str) -> usize {
    crate::library::text::columns(text)
}

/// Wraps one paragraph's runs into `doc`, breaking at spaces (and between ideographs),
/// splitting only words wider than the whole line.
fn wrap(doc: &mut Doc, runs: Vec<Run>, columns: usize, hang: &str) {
    let indent = width(hang);
    if runs.is_empty() {
        return;
    }
    doc.blocks.push(doc.lines.len());
    let mut line: Vec<Piece> = Vec::new();
    let mut used = 0;
    // Set after a line was broken, until text lands on the new one: spaces there are dropped.
    let mut fresh = false;
    // A chip wider than any line breaks at its spaces after all, as text would.
    let room = columns.saturating_sub(indent).max(1);
    let width_of = |word: &Word| word.iter().map(|(r, range)| width(&runs[*r].text[range.clone()])).sum::<usize>();
    let words = words(&runs)
        .into_iter()
        .flat_map(|word| if width_of(&word) > room { split_at_spaces(&runs, word) } else { vec![word] });
    for word in words.collect::<Vec<_>>() {
        let w = width_of(&word);
        let is_space = word.iter().all(|(r, range)| runs[*r].text[range.clone()].trim().is_empty());
        if used + w > columns && used > indent {
            doc.lines.push(std::mem::take(&mut line));
            used = push_hang(&mut line, hang);
            fresh = true;
        }
        if is_space && fresh {
            continue;
        }
        fresh = false;
        for (r, range) in word {
            place(doc, &mut line, &mut used, &runs[r], range, columns, hang);
        }
    }
    doc.lines.push(line);
}

/// A word: its pieces, as (run, byte range).
type Word = Vec<(usize, Range<usize>)>;

/// `word` cut at its spaces into words and single spaces.
fn split_at_spaces(runs: &[Run], word: Word) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut open = false;
    for (r, range) in word {
        for (i, c) in runs[r].text[range.clone()].char_indices() {
            let at = range.start + i;
            let space = c.is_whitespace();
            if space || !open {
                out.push(Vec::new());
            }
            if let Some(last) = out.last_mut() {
                match last.last_mut() {
                    Some((lr, span)) if *lr == r && span.end == at => span.end = at + c.len_utf8(),
                    _ => last.push((r, at..at + c.len_utf8())),
                }
            }
            open = !space;
        }
    }
    out
}

/// Starts a continuation line with the hanging prefix; returns its width.
fn push_hang(line: &mut Vec<Piece>, hang: &str) -> usize {
    if !hang.is_empty() {
        let tone = if hang.trim().is_empty() { Tone::Body } else { Tone::Meta };
        line.push(Piece { text: hang.to_string(), tone, link: None });
    }
    width(hang)
}

/// Places part of a run on the line, splitting by characters if it cannot fit.
fn place(
    doc: &mut Doc,
    line: &mut Vec<Piece>,
    used: &mut usize,
    run: &Run,
    range: Range<usize>,
    columns: usize,
    hang: &str,
) {
    let indent = width(hang);
    let mut piece = String::new();
    for c in run.text[range].chars() {
        let w = c.width().unwrap_or(0);
        if *used + w > columns && *used > indent {
            flush(doc, line, &mut piece, run);
            doc.lines.push(std::mem::take(line));
            *used = push_hang(line, hang);
        }
        piece.push(c);
        *used += w;
    }
    flush(doc, line, &mut piece, run);
}

fn flush(doc: &mut Doc, line: &mut Vec<Piece>, piece: &mut String, run: &Run) {
    if piece.is_empty() {
        return;
    }
    let line_no = doc.lines.len();
    if let Some(link) = run.link {
        let first = &mut doc.links[link].line;
        *first = (*first).min(line_no);
    }
    if let Some(mark) = run.mark {
        let first = &mut doc.marks[mark];
        *first = (*first).min(line_no);
    }
    line.push(Piece { text: std::mem::take(piece), tone: run.tone, link: run.link });
}

/// Splits runs into words: maximal stretches of non-space text (which may cross runs, as
/// in "Nvidia" + "’s"), single spaces, and single ideographs, each as (run, byte range).
/// An ideograph stays with the non-space text of its own link just before it, so a link's
/// kind marker is never left at the end of a line without its name ("▪" + "昇腾").
fn words(runs: &[Run]) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    let mut open = false;
    let mut open_link = None;
    for (r, run) in runs.iter().enumerate() {
        for (i, c) in run.text.char_indices() {
            let range = i..i + c.len_utf8();
            let ideograph = crate::library::text::is_ideographic(c);
            let breaks = (c.is_whitespace() || ideograph) && !run.whole;
            let glued = ideograph && run.link.is_some() && open_link == run.link;
            // East Asian typesetting never starts a line with closing punctuation: it
            // stays with the character before it.
            let closing = is_closing_punctuation(c) && !words.is_empty();
            if (breaks || !open) && !glued && !closing {
                words.push(Vec::new());
            }
            let word = words.last_mut();
            if let Some(word) = word {
                match word.last_mut() {
                    Some((last, span)) if *last == r && span.end == range.start => span.end = range.end,
                    _ => word.push((r, range)),
                }
            }
            open = !breaks;
            open_link = if breaks { None } else { run.link };
        }
    }
    words
}

/// Full-width punctuation that must not begin a line (。、，」 and the like).
fn is_closing_punctuation(c: char) -> bool {
    "。、，．！？：；」』）】〉》〕・".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{EntityId, bundled};

    /// An entity of the bundled library: only the library makes ids.
    fn entity(id: &str) -> EntityId {
        let library = bundled::load(Default::default()).unwrap().library;
        library.entity_by_id(id).unwrap()
    }

    fn plain(doc: &Doc) -> Vec<String> {
        doc.lines.iter().map(|l| l.iter().map(|p| p.text.as_str()).collect()).collect()
    }

    #[test]
    fn wraps_at_spaces_and_keeps_links_whole() {
        let mut b = DocBuilder::new(12);
        b.text("Chief of ", Tone::Body);
        b.link("Nvidia", Tone::Link(Kind::Company), Target::Entity(entity("nvidia")));
        b.text("’s board met.", Tone::Body);
        let doc = b.finish();
        assert_eq!(plain(&doc), vec!["Chief of ", "Nvidia’s ", "board met."]);
        assert_eq!(doc.links[0].line, 1);
        assert_eq!(doc.link_at(1, 0), Some(0));
        assert_eq!(doc.link_at(1, 6), None);
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        let mut b = DocBuilder::new(4);
        b.text("研发。然后", Tone::Body);
        let doc = b.finish();
        assert_eq!(plain(&doc), vec!["研", "发。", "然后"], "not 研发 / 。然 / 后");
    }

    #[test]
    fn wide_characters_take_two_columns() {
        let mut b = DocBuilder::new(5);
        b.text("黄仁勋说话", Tone::Body);
        let doc = b.finish();
        assert_eq!(plain(&doc), vec!["黄仁", "勋说", "话"]);
        assert!(doc.lines.iter().all(|l| l.iter().map(|p| width(&p.text)).sum::<usize>() <= 5));
    }

    #[test]
    fn long_words_are_split_and_indent_continues() {
        let mut b = DocBuilder::new(6);
        b.indent(2).text("- abcdefghij", Tone::Body);
        let doc = b.finish();
        assert_eq!(plain(&doc), vec!["- abcd", "  efgh", "  ij"]);
    }

    #[test]
    fn a_hanging_rail_continues_on_wrapped_lines() {
        let mut b = DocBuilder::new(12);
        b.hang("│  ").text("├─ alpha beta gamma", Tone::Body);
        let doc = b.finish();
        assert_eq!(plain(&doc), vec!["├─ alpha ", "│  beta ", "│  gamma"]);
    }

    #[test]
    fn a_link_marker_stays_with_a_cjk_name() {
        let mut b = DocBuilder::new(6);
        b.text("abcd ", Tone::Body);
        let link = b.link("▪", Tone::Link(Kind::Chip), Target::Entity(entity("nvidia")));
        b.link_more("昇腾", Tone::Link(Kind::Chip), link);
        b.text(" abc ", Tone::Body);
        b.link("■华为", Tone::Link(Kind::Company), Target::Entity(entity("huawei")));
        let doc = b.finish();
        assert_eq!(plain(&doc), vec!["abcd ", "▪昇腾 ", "abc ", "■华为"]);
        assert_eq!((doc.links[0].line, doc.links[1].line), (1, 3));
    }

    #[test]
    fn an_anchor_names_the_same_place_at_any_width() {
        let build = |w| {
            let mut b = DocBuilder::new(w);
            b.text("one two three four five six", Tone::Body).blank();
            b.text("seven eight nine ten", Tone::Body);
            b.finish()
        };
        let (wide, narrow) = (build(40), build(10));
        assert_eq!((wide.blocks.len(), narrow.blocks.len()), (3, 3), "paragraph, blank, paragraph");
        let anchor = wide.anchor_at(2);
        assert_eq!(anchor, Anchor { block: 2, line: 0 });
        assert_eq!(plain(&narrow)[narrow.line_of(anchor)], "seven ");
        let deep = narrow.anchor_at(1);
        assert_eq!(deep, Anchor { block: 0, line: 1 });
        assert_eq!(wide.line_of(deep), 0, "an anchor past its block's end stays in the block");
        assert_eq!(Doc::default().line_of(Anchor::default()), 0);
    }

    #[test]
    fn a_chip_is_kept_whole_unless_it_is_wider_than_the_line() {
        let library = bundled::load(Default::default()).unwrap().library;
        let amd = library.entity_by_id("amd-mi308-charge").unwrap();
        let mut b = DocBuilder::new(16);
        b.text("hit of about ", Tone::Body);
        b.entity(&library, amd);
        b.text(" in all", Tone::Body);
        let doc = b.finish();
        assert_eq!(plain(&doc), vec!["hit of about ", "#$800 million in", "all"]);
        let mut narrow = DocBuilder::new(9);
        narrow.text("hit ", Tone::Body);
        narrow.entity(&library, amd);
        assert_eq!(plain(&narrow.finish()), vec!["hit #$800", "million"], "wider than a line: cut at its spaces");
    }

    #[test]
    fn width_one_never_loops() {
        let mut b = DocBuilder::new(1);
        b.text("ab 黄", Tone::Body);
        let doc = b.finish();
        assert!(!doc.lines.is_empty());
    }
}
