//! Candidate entities of a draft: the names an article writes in capitals.

use super::super::format::{EntityFile, Kind, SectionFile};

/// Capitalised words that begin sentences or name no one (besides the [`TITLES`]).
const NOT_NAMES: &[&str] = &[
    "A",
    "An",
    "The",
    "In",
    "On",
    "At",
    "It",
    "Its",
    "He",
    "His",
    "She",
    "Her",
    "They",
    "Their",
    "We",
    "Our",
    "I",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "Or",
    "If",
    "As",
    "After",
    "Before",
    "While",
    "When",
    "Following",
    "Over",
    "Under",
    "More",
    "Most",
    "Some",
    "Many",
    "According",
    "Photo",
    "Updated",
    "Published",
    "Mr",
    "Ms",
    "Dr",
    "There",
    "Here",
    "What",
    "Why",
    "How",
    "Who",
    "Where",
    "Also",
    "So",
    "Still",
    "Yet",
    "By",
    "For",
    "From",
    "With",
    "To",
    "Of",
    "Than",
    "Not",
    "No",
    "Now",
    "Then",
    "Even",
    "Only",
    "Another",
    "Other",
    "Such",
    "Both",
    "Each",
    "All",
    "Any",
    "One",
    "Two",
    "Three",
    "Four",
    "First",
    "Second",
    "Last",
    "Next",
    "During",
    "Since",
    "Until",
    "Despite",
    "Although",
    "However",
    "Meanwhile",
    "Instead",
    "Yesterday",
    "Today",
    "Tomorrow",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "AI",
    "GPU",
    "GPUs",
    "CPU",
    "EPS",
    "IPO",
    "Story",
    "News",
    "Technology",
];

/// Titles before a name.
const TITLES: &[&str] = &[
    "President",
    "Vice",
    "Chairman",
    "Chief",
    "Executive",
    "Premier",
    "Vice-Premier",
    "Minister",
    "Secretary",
    "Founder",
    "CEO",
    "CFO",
    "COO",
    "Mr",
    "Ms",
    "Dr",
    "Chinese",
];

/// Words a company's name often ends with.
const COMPANY_WORDS: &[&str] = &[
    "Corp",
    "Corp.",
    "Corporation",
    "Inc",
    "Inc.",
    "Ltd",
    "Ltd.",
    "Co",
    "Co.",
    "Holding",
    "Holdings",
    "Group",
    "Technologies",
    "Technology",
    "Semiconductor",
    "Manufacturing",
    "NV",
    "AG",
    "SA",
    "PLC",
];

/// Places a news story often names.
const PLACES: &[&str] = &[
    "China",
    "Beijing",
    "Shanghai",
    "Shenzhen",
    "Hangzhou",
    "Taiwan",
    "Taipei",
    "Singapore",
    "Japan",
    "Korea",
    "South Korea",
    "Europe",
    "Amsterdam",
    "Netherlands",
    "Washington",
    "U.S.",
    "US",
    "United States",
    "America",
    "Las Vegas",
    "California",
    "India",
    "Hong Kong",
];

/// The candidate entities: runs of capitalised words, each distinct name once, in order of
/// first appearance. An all-capitals word (an acronym) stands alone; leading words that
/// begin sentences or are titles are dropped.
/// A single capitalised word that the article also writes in lower case ("Shares",
/// "Analysts") begins a sentence rather than names something, and a surname alone
/// ("Huang" after "Jensen Huang") is an alias of the person named in full.
pub(super) fn entities(sections: &[SectionFile], lower: &[String]) -> Vec<EntityFile> {
    let mut names: Vec<String> = Vec::new();
    for paragraph in sections.iter().flat_map(|s| &s.paragraphs) {
        for name in capitalised_runs(paragraph) {
            let one_word = !name.contains(' ');
            let sentence_word = one_word && lower.contains(&name.to_lowercase());
            if !names.contains(&name) && !sentence_word {
                names.push(name);
            }
        }
    }
    let mut found: Vec<EntityFile> = Vec::new();
    for name in names {
        let kind = guess_kind(&name);
        let surname_of = |e: &EntityFile| {
            e.kind == Some(Kind::Person) && e.name.as_deref().is_some_and(|n| n.ends_with(&format!(" {name}")))
        };
        if !name.contains(' ') {
            if let Some(person) = found.iter_mut().find(|e| surname_of(e)) {
                person.aliases.push(name);
                continue;
            }
        }
        let Some(base) = slug(&name) else { continue };
        let taken = |id: &String| found.iter().any(|e| &e.id == id);
        let Some(id) = (1..).map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") }).find(|i| !taken(i))
        else {
            continue;
        };
        found.push(EntityFile {
            id,
            kind: Some(kind),
            name: Some(name),
            aliases: Vec::new(),
            native_name: None,
            role: String::new(),
            summary: String::new(),
            facts: Vec::new(),
        });
    }
    found
}

/// Every word of the story that starts in lower case.
pub(super) fn lower_words(sections: &[SectionFile]) -> Vec<String> {
    let mut words: Vec<String> = sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .flat_map(|p| p.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '’'))
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .map(str::to_string)
        .collect();
    words.sort();
    words.dedup();
    words
}

fn capitalised_runs(paragraph: &str) -> Vec<String> {
    let mut runs = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let mut flush = |run: &mut Vec<&str>| {
        // Titles go ("Vice-Premier He Lifeng"), and so do words that begin sentences, but
        // not after a title: "He" after one is a name.
        let mut after_title = false;
        while let Some(first) = run.first() {
            if TITLES.contains(first) {
                after_title = true;
            } else if after_title || !NOT_NAMES.contains(first) {
                break;
            }
            run.remove(0);
        }
        while run.last().is_some_and(|w| NOT_NAMES.contains(w) || TITLES.contains(w)) {
            run.pop();
        }
        if !run.is_empty() {
            runs.push(run.join(" "));
        }
        run.clear();
    };
    for raw in paragraph.split_whitespace() {
        let word = raw.trim_start_matches(|c: char| !c.is_alphanumeric());
        let (word, possessive) = match word.strip_suffix("’s").or_else(|| word.strip_suffix("'s")) {
            Some(stem) => (stem, true),
            None => (word, false),
        };
        let keep_dots = word.chars().filter(|&c| c == '.').count() > 1; // "U.S."
        let word = if keep_dots {
            word.trim_end_matches(|c: char| c != '.' && !c.is_alphanumeric())
        } else {
            word.trim_end_matches(|c: char| !c.is_alphanumeric())
        };
        // A word of letters, digits and the marks names use: not "US$4.48", not "We’re".
        let plain = word.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '&'));
        let capital =
            plain && word.chars().next().is_some_and(char::is_uppercase) && word.chars().any(char::is_alphabetic);
        let acronym = capital && word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) && word.len() > 1;
        if !capital || acronym {
            flush(&mut run);
        }
        if acronym {
            run.push(word);
            flush(&mut run);
            continue;
        }
        if capital {
            run.push(word);
        }
        let ends = raw.ends_with([',', '.', ';', ':', ')', '”', '"', '?', '!']) && !keep_dots;
        if possessive || ends {
            flush(&mut run);
        }
    }
    flush(&mut run);
    runs
}

fn guess_kind(name: &str) -> Kind {
    let words: Vec<&str> = name.split(' ').collect();
    if PLACES.contains(&name) {
        Kind::Place
    } else if words.last().is_some_and(|w| COMPANY_WORDS.contains(w)) {
        Kind::Company
    } else if (2..=3).contains(&words.len()) && words.iter().all(|w| w.chars().skip(1).all(char::is_lowercase)) {
        Kind::Person
    } else {
        Kind::Organisation
    }
}

/// An id for a name: lowercase letters and digits, other runs as one `-`.
fn slug(name: &str) -> Option<String> {
    let mut id = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('-') && !id.is_empty() && (c == ' ' || c == '-' || c == '&') {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').to_string();
    (!id.is_empty()).then_some(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_capitals_are_candidates_and_sentence_words_are_not() {
        let runs = capitalised_runs(
            "The visit included Nvidia CEO Jensen Huang and Vice-Premier He Lifeng in Beijing. It was the U.S. plan.",
        );
        assert_eq!(runs, ["Nvidia", "Jensen Huang", "He Lifeng", "Beijing", "U.S."]);
        assert_eq!(guess_kind("Jensen Huang"), Kind::Person);
        assert_eq!(guess_kind("Intel Corp"), Kind::Company);
        assert_eq!(guess_kind("Beijing"), Kind::Place);
    }
}
