//! A first draft of a briefing from a plain-text article: the story's sections and
//! paragraphs from the text, every amount of money, percentage and count as a figure, the
//! names written in capitals as candidate entities, and the source from a header of
//! `Title:`, `Publication:`, `Date:` and `Address:` lines when the file starts with one.
//! The draft checks without errors; it is a starting point, still in the article's words,
//! and [`Draft::notes`] says what the author must look at.

mod figures;
mod names;

use self::figures::figures;
use self::names::{entities, lower_words};
use super::escape::is_hostile;
use super::format::{BriefingFile, SectionFile, SourceFile};

/// A draft briefing and what its author must look at.
#[derive(Debug)]
pub struct Draft {
    /// The briefing.
    pub briefing: BriefingFile,
    /// Things to check by hand, one a line.
    pub notes: Vec<String>,
}

/// The source header of an article: `Key: value` lines at its top.
#[derive(Debug, Default)]
struct Header {
    title: Option<String>,
    publication: Option<String>,
    date: Option<String>,
    address: Option<String>,
    status: Option<String>,
}

/// Drafts briefing `id` from the article `text`.
pub fn draft(text: &str, id: &str) -> Draft {
    let clean: String =
        text.chars().map(|c| if c != '\n' && (c.is_control() || is_hostile(c)) { ' ' } else { c }).collect();
    let clean = clean.replace("[[", "[ [");
    let (header, body) = header(&clean);
    let title = header.title.as_deref().map(without_note);
    let (headline, sections) = story(body, title.as_deref());
    let mut notes = vec!["the story is the article's own text: rewrite every paragraph in your own words".to_string()];
    let source = source(&header, &headline, &mut notes);
    let entities = entities(&sections, &lower_words(&sections));
    let figures = figures(id, &sections, &entities);
    notes.push(format!(
        "{} candidate entities: their kinds are guesses, and some may not be entities at all",
        entities.len()
    ));
    notes.push(format!("{} figures: write what each measures, and set `sign` for losses", figures.len()));
    if let Some(status) = &header.status {
        notes.push(format!("the source's status: {status}"));
    }
    let briefing = BriefingFile {
        id: id.to_string(),
        date: header.date.as_deref().and_then(iso_date),
        headline,
        dek: String::new(),
        source,
        sections,
        entities,
        figures,
        relations: Vec::new(),
        events: Vec::new(),
    };
    Draft { briefing, notes }
}

/// The header lines and the text after them.
fn header(text: &str) -> (Header, &str) {
    let mut header = Header::default();
    let mut rest = text;
    while let Some((line, after)) = rest.split_once('\n').or(Some((rest, ""))).filter(|(l, _)| !l.is_empty()) {
        let Some((key, value)) = line.split_once(": ") else { break };
        let value = Some(value.trim().to_string());
        match key.trim() {
            "Title" => header.title = value,
            "Publication" => header.publication = value,
            "Date" => header.date = value,
            "Address" | "URL" | "Url" => header.address = value,
            "Status" => header.status = value,
            _ => break,
        }
        rest = after;
    }
    (header, rest)
}

/// A title without a leading note in parentheses: "(no headline in stored text) …".
fn without_note(title: &str) -> String {
    let title = title.trim();
    match title.strip_prefix('(').and_then(|t| t.split_once(')')) {
        Some((_, rest)) if !rest.trim().is_empty() => rest.trim().to_string(),
        _ => title.to_string(),
    }
}

/// The source: the header's fields, or marked gaps for the author to fill.
fn source(header: &Header, headline: &str, notes: &mut Vec<String>) -> SourceFile {
    let mut missing = Vec::new();
    let mut or_gap = |value: &Option<String>, what: &str| {
        value.clone().filter(|v| !v.is_empty()).unwrap_or_else(|| {
            missing.push(what.to_string());
            format!("(the source's {what})")
        })
    };
    let publication = or_gap(&header.publication, "publication");
    // A header's date may carry a remark in parentheses ("2025-04-17 (from the address)"):
    // the remark is for the author, the date for the reader.
    let date = or_gap(&header.date.as_deref().map(|d| d.split(" (").next().unwrap_or(d).trim().to_string()), "date");
    if let Some(remark) = header.date.as_deref().and_then(|d| d.split_once(" (")).map(|(_, r)| r.trim_end_matches(')'))
    {
        notes.push(format!("the source's date: {remark}"));
    }
    let title = header.title.as_deref().map_or_else(|| headline.to_string(), without_note);
    if !missing.is_empty() {
        notes.push(format!("no {} in the article's first lines: fill in `source`", missing.join(" or ")));
    }
    SourceFile { publication, title, date, url: header.address.clone() }
}

/// Whether a line reads as a paragraph: a sentence ends it, or it is longer than a
/// heading would be (a text cut off mid-sentence still ends in a paragraph).
fn is_paragraph(line: &str) -> bool {
    line.split_whitespace().count() > 12 || line.trim_end().ends_with(['.', '!', '?', '”', '"', '’', ')'])
}

/// The headline and the sections of the story. Each line of text is a paragraph or, when
/// short and without a full stop, a heading (of at least three words, and once the story
/// has begun; other short lines are page furniture such as "Published" or a photo credit). Lines that repeat the title are
/// dropped; lines broken inside a sentence are joined.
fn story(body: &str, title: Option<&str>) -> (String, Vec<SectionFile>) {
    let lines = joined_lines(body);
    let mut headline = title.map(str::to_string).or_else(|| longest_line_before_the_story(&lines));
    let mut sections = vec![SectionFile { heading: String::new(), paragraphs: Vec::new() }];
    let mut heading: Option<String> = None;
    for line in lines {
        let line = line.trim();
        if line.is_empty() || Some(line) == headline.as_deref() {
            continue;
        }
        if is_paragraph(line) {
            if let Some(h) = heading.take() {
                sections.push(SectionFile { heading: h, paragraphs: Vec::new() });
            }
            if let Some(section) = sections.last_mut() {
                section.paragraphs.push(line.to_string());
            }
        } else if line.split_whitespace().count() >= 3 {
            if headline.is_none() {
                headline = Some(line.to_string());
            } else if sections.iter().any(|s| !s.paragraphs.is_empty()) {
                // Before the story starts, short lines are the page's, not headings.
                heading = Some(line.to_string());
            }
        }
    }
    sections.retain(|s| !s.paragraphs.is_empty());
    if sections.is_empty() {
        sections.push(SectionFile { heading: String::new(), paragraphs: vec!["(the story)".into()] });
    }
    (headline.unwrap_or_else(|| "(headline)".into()), sections)
}

/// Without a header, the headline: of the short lines before the first paragraph, the
/// longest, since a page's furniture ("Connect with us", "Published") is shorter.
fn longest_line_before_the_story(lines: &[String]) -> Option<String> {
    lines
        .iter()
        .map(|l| l.trim())
        .take_while(|l| !is_paragraph(l))
        .filter(|l| l.split_whitespace().count() >= 3)
        .max_by_key(|l| l.split_whitespace().count())
        .map(str::to_string)
}

/// The lines of `body`, a line that ends mid-sentence joined with the next when that one
/// goes on in lower case (text wrapped at a fixed width).
fn joined_lines(body: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for line in body.lines() {
        let goes_on = line.trim_start().chars().next().is_some_and(char::is_lowercase);
        match lines.last_mut() {
            Some(last) if goes_on && !last.trim().is_empty() && !is_paragraph(last) => {
                last.push(' ');
                last.push_str(line.trim());
            }
            _ => lines.push(line.to_string()),
        }
    }
    lines
}

/// An ISO date from a header date: `2025-04-17 …`, `07 May 2025`, `May 28, 2025`.
fn iso_date(date: &str) -> Option<String> {
    let head: String = date.chars().take(10).collect();
    if head.len() == 10
        && head.chars().enumerate().all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() })
    {
        return Some(head);
    }
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let words: Vec<String> =
        date.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(3).map(str::to_lowercase).collect();
    let month = words.iter().find_map(|w| MONTHS.iter().position(|m| w.starts_with(m)))? + 1;
    let numbers: Vec<u32> = words.iter().filter_map(|w| w.parse().ok()).collect();
    let (day, year) = match numbers[..] {
        [a, b] if a > 31 => (b, a),
        [a, b] => (a, b),
        _ => return None,
    };
    ((1..=31).contains(&day) && (1900..2200).contains(&year)).then(|| format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_header_the_headline_is_the_longest_line_before_the_story() {
        let text = "Connect with us\nTechnology\n\nThe Beijing Gambit: Why Huang Flew to China\n\nHuang flew to Beijing on Thursday.\n";
        let d = draft(text, "x");
        assert_eq!(d.briefing.headline, "The Beijing Gambit: Why Huang Flew to China");
        assert_eq!(d.briefing.sections.len(), 1);
        assert_eq!(d.briefing.sections[0].heading, "", "the headline is not also a heading");
        assert!(d.notes.iter().any(|n| n.contains("fill in `source`")), "{:?}", d.notes);
    }

    #[test]
    fn the_header_gives_the_source_and_the_date() {
        let text = "Title: (no headline) Chips fall\nPublication: Gazette\nDate: May 28, 2025\nAddress: https://x\n\nA line of the story.\n";
        let d = draft(text, "x");
        assert_eq!(d.briefing.headline, "Chips fall");
        assert_eq!(d.briefing.date.as_deref(), Some("2025-05-28"));
        assert_eq!(d.briefing.source.publication, "Gazette");
        assert_eq!(d.briefing.source.url.as_deref(), Some("https://x"));
        assert_eq!(iso_date("07 May 2025").as_deref(), Some("2025-05-07"));
        assert_eq!(iso_date("2025-04-17 (from the address)").as_deref(), Some("2025-04-17"));
        assert_eq!(iso_date("not stated"), None);
    }
}
