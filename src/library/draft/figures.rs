//! The figures of a draft: every amount of money, percentage and count an article states.

use super::super::format::{EntityFile, FigureFile, PlaceFile, Qualifier, SectionFile};
use super::super::shorthand::{QUALIFIER_WORDS, implied};

/// Words that follow a number without being what it counts.
const NOT_COUNTED: &[&str] = &[
    "of", "to", "in", "and", "or", "per", "a", "an", "the", "on", "at", "by", "from", "with", "for", "than", "as",
    "is", "was", "were", "are", "will", "would", "could", "can", "has", "have", "had", "that", "which", "when",
    "after", "before", "since", "until", "but", "while", "up", "down", "into", "over", "under",
];

/// Every figure the paragraphs state, once per display text, each about the first
/// candidate entity its paragraph names (or the article's first).
pub(super) fn figures(id: &str, sections: &[SectionFile], entities: &[EntityFile]) -> Vec<FigureFile> {
    let mut figures: Vec<FigureFile> = Vec::new();
    let first = entities.first().map(|e| e.id.clone());
    for (s, section) in sections.iter().enumerate() {
        for (p, paragraph) in section.paragraphs.iter().enumerate() {
            let about = entities
                .iter()
                .filter_map(|e| Some((paragraph.find(e.name.as_deref()?)?, &e.id)))
                .min()
                .map(|(_, id)| id.clone())
                .or_else(|| first.clone());
            for display in displays(paragraph) {
                let Some(about) = about.clone() else { continue };
                if figures.iter().any(|f| f.display == display) {
                    continue;
                }
                let read = implied(&display);
                let (Some(stated), Some(unit)) = (read.stated, read.unit) else { continue };
                figures.push(FigureFile {
                    id: format!("{id}-figure-{}", figures.len() + 1),
                    value: Some(stated.number),
                    unit: Some(unit),
                    scale: Some(stated.scale.unwrap_or_default()),
                    measures: format!("(to write: what {display} measures)"),
                    display,
                    sign: Default::default(),
                    qualifier: Some(read.qualifier.unwrap_or(Qualifier::Exact)),
                    about: vec![about],
                    period: None,
                    stated_in: Some(PlaceFile { section: s, paragraph: p }),
                    revises: None,
                });
            }
        }
    }
    figures
}

/// The figures a paragraph states, as it writes them: money ("$5.5 billion", "3.94 billion
/// euros"), percentages ("7%", "17 percent") and counts ("1,841 jobs"), each with the
/// qualifier words before it ("nearly $600 billion").
pub fn displays(paragraph: &str) -> Vec<String> {
    let mut found = Vec::new();
    let bytes = paragraph.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() || (i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'.')) {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < bytes.len()
            && (bytes[end].is_ascii_digit()
                || ((bytes[end] == b',' || bytes[end] == b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)))
        {
            end += 1;
        }
        if let Some((start, stop)) = figure_around(paragraph, i, end) {
            found.push(paragraph[start..stop].to_string());
            i = stop;
        } else {
            i = end;
        }
    }
    found
}

/// The figure whose number is `paragraph[from..to]`, as its start and end, if it is one.
fn figure_around(paragraph: &str, from: usize, to: usize) -> Option<(usize, usize)> {
    let before = &paragraph[..from];
    let sign = ["US$", "HK$", "NT$", "A$", "C$", "S$", "$", "€", "£"].into_iter().find(|s| before.ends_with(s));
    let mut start = from - sign.map_or(0, str::len);
    let after = &paragraph[to..];
    let (scale_len, rest) = scale_word(after);
    let mut stop = to + scale_len;
    let next = rest.split(|c: char| !c.is_alphabetic()).find(|w| !w.is_empty()).unwrap_or("");
    let spaced = rest.starts_with(' ') && rest[1..].starts_with(next);
    let money = sign.is_some() || (spaced && ["euros", "euro", "dollars", "yuan", "renminbi", "yen"].contains(&next));
    let percent = rest.starts_with('%')
        || (spaced && ["percent", "per"].contains(&next) && (next == "percent" || rest[1..].starts_with("per cent")));
    if sign.is_none() && (money || percent) {
        stop += if rest.starts_with('%') {
            1
        } else if next == "per" {
            " per cent".len()
        } else {
            1 + next.len()
        };
    } else if sign.is_none() {
        let number = &paragraph[from..to];
        let year =
            number.len() == 4 && !number.contains([',', '.']) && (number.starts_with("19") || number.starts_with("20"));
        let word_before = before.trim_end().rsplit(' ').next().unwrap_or("");
        let named = word_before.chars().next().is_some_and(char::is_uppercase);
        let counted = spaced && next.chars().next().is_some_and(char::is_lowercase) && !NOT_COUNTED.contains(&next);
        if year || named || !counted {
            return None;
        }
        stop += 1 + next.len();
    }
    start = with_qualifier(paragraph, start);
    Some((start, stop))
}

/// The length of the scale word right after a number ("bn", " billion") and what follows it.
fn scale_word(after: &str) -> (usize, &str) {
    for word in [" trillion", " billion", " million", " thousand", "bn", "tn", "mn", "m", "b", "k"] {
        if let Some(rest) = after.strip_prefix(word) {
            if !rest.starts_with(|c: char| c.is_alphanumeric()) {
                return (word.len(), rest);
            }
        }
    }
    (0, after)
}

/// `start` moved back over qualifier words right before it ("more than ").
fn with_qualifier(paragraph: &str, start: usize) -> usize {
    let before = &paragraph[..start];
    for (words, _) in QUALIFIER_WORDS {
        let lower = before.to_lowercase();
        let phrase = format!("{words} ");
        if lower.ends_with(&phrase) && lower.is_char_boundary(lower.len() - phrase.len()) {
            let at = before.len() - phrase.len();
            let boundary = before[..at].chars().last().is_none_or(|c| !c.is_alphanumeric());
            if boundary && before.is_char_boundary(at) {
                return at;
            }
        }
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_percentages_and_counts_are_found_as_written() {
        let text = "AMD will lose $1.5bn, nearly 17 percent, and 3.94 billion euros (US$4.48 billion). \
                    It cut 1,841 jobs in 2024; the Ascend 950 will follow, and 20% more in Q3 2025.";
        assert_eq!(
            displays(text),
            ["$1.5bn", "nearly 17 percent", "3.94 billion euros", "US$4.48 billion", "1,841 jobs", "20%"]
        );
    }
}
