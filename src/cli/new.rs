//! `briefing new ID`: a skeleton briefing to start from, that checks clean and shows every
//! field of the format once (with the shorter forms beside the long ones), each holding
//! an example of what goes there. Its entities' ids start with the briefing's id, so it
//! checks clean inside an existing library too.

use std::fs::OpenOptions;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use super::{eprint, print};
use crate::library::format::{
    BriefingFile, EntityFile, EventFile, FactFile, FigureFile, Kind, PlaceFile, Qualifier, RelationFile, Scale,
    SectionFile, Sign, SourceFile,
};
use crate::library::validate::is_valid_id;

/// Writes `DIR/ID.json` (the current directory without `--content`), never over a file
/// that is already there.
pub fn run(content: Option<&Path>, id: &str) -> anyhow::Result<ExitCode> {
    if !is_valid_id(id) {
        eprint(&format!("`{id}` is not an id: use lowercase letters, digits and `-`, not at either end"));
        return Ok(ExitCode::from(2));
    }
    let path = content.unwrap_or(Path::new(".")).join(format!("{id}.json"));
    let text = serde_json::to_string_pretty(&skeleton(id, &today()))? + "\n";
    match OpenOptions::new().write(true).create_new(true).open(&path) {
        Ok(mut file) => file.write_all(text.as_bytes())?,
        Err(e) if e.kind() == ErrorKind::AlreadyExists => {
            eprint(&format!("{} already exists: pick another id, or move it aside", path.display()));
            return Ok(ExitCode::FAILURE);
        }
        Err(e) => return Err(anyhow::Error::new(e).context(format!("cannot write {}", path.display()))),
    }
    print(&format!("wrote {}: edit it, and run `briefing check{}`\n", path.display(), check_flag(content)))?;
    Ok(ExitCode::SUCCESS)
}

fn check_flag(content: Option<&Path>) -> String {
    let dir = content.map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    format!(" --content {}", dir.display())
}

/// Today as an ISO date, from the system clock (UTC).
fn today() -> String {
    let days = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() / 86_400) as i64;
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The calendar day `days` after 1970-01-01 (the proleptic Gregorian calendar).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn text(s: &str) -> String {
    s.to_string()
}

/// The skeleton of briefing `id`, dated `date`.
pub fn skeleton(id: &str, date: &str) -> BriefingFile {
    let (person, company, place) = (format!("{id}-person"), format!("{id}-company"), format!("{id}-place"));
    let (charge, earlier) = (format!("{id}-charge"), format!("{id}-earlier-charge"));
    BriefingFile {
        id: id.to_string(),
        date: Some(date.to_string()),
        headline: text("Headline: what happened, in a few words"),
        dek: text("One or two sentences under the headline: what it means, and for whom."),
        source: SourceFile {
            publication: text("The publication the facts come from"),
            title: text("The title of the source article"),
            date: text("The date as the source prints it"),
            url: Some(text("https://example.com/the-source-article")),
        },
        sections: vec![
            SectionFile {
                heading: String::new(),
                paragraphs: vec![text(
                    "Ada Example, the chief executive of Example Corp (例示公司, or ExCo), said the company \
                     would take a $1.2 billion charge. Example Corp is based in Exampletown.",
                )],
            },
            SectionFile {
                heading: text("A section heading"),
                paragraphs: vec![
                    text(
                        "Names are linked by themselves. A pin links words that do not say the name: \
                     [[the firm|EXAMPLE-company]] expected $900 million in March. [[Ada|-]] shows a \
                     word that matches nothing as plain text.",
                    )
                    .replace("EXAMPLE", id),
                ],
            },
        ],
        entities: vec![
            EntityFile {
                id: person.clone(),
                kind: Some(Kind::Person),
                name: Some(text("Ada Example")),
                aliases: Vec::new(),
                native_name: None,
                role: text("Chief executive of Example Corp"),
                summary: text("A few sentences of background, shown on the card."),
                facts: vec![FactFile { label: text("Born"), value: text("1970") }],
            },
            EntityFile {
                id: company.clone(),
                kind: Some(Kind::Company),
                name: Some(text("Example Corp")),
                aliases: vec![text("ExCo")],
                native_name: Some(text("例示公司")),
                role: text("What the company does, in one line"),
                summary: String::new(),
                facts: Vec::new(),
            },
            EntityFile {
                id: place.clone(),
                kind: Some(Kind::Place),
                name: Some(text("Exampletown")),
                aliases: Vec::new(),
                native_name: None,
                role: text("Where Example Corp is based"),
                summary: String::new(),
                facts: Vec::new(),
            },
        ],
        figures: vec![
            FigureFile {
                id: charge.clone(),
                value: Some(1.2),
                unit: Some(text("USD")),
                scale: Some(Scale::Billion),
                display: text("$1.2 billion"),
                sign: Sign::Negative,
                qualifier: Some(Qualifier::Exact),
                measures: text("The charge Example Corp will take"),
                about: vec![company.clone()],
                period: Some(text("this year")),
                stated_in: Some(PlaceFile { section: 0, paragraph: 0 }),
                revises: Some(earlier.clone()),
            },
            FigureFile {
                id: earlier,
                value: None,
                unit: None,
                scale: None,
                display: text("$900 million"),
                sign: Sign::Negative,
                qualifier: None,
                measures: text("The charge Example Corp expected in March"),
                about: vec![company.clone()],
                period: None,
                stated_in: None,
                revises: None,
            },
        ],
        relations: vec![
            RelationFile {
                from: person,
                kind: text("ceo_of"),
                to: company.clone(),
                label: Some(text("chief executive of")),
                inverse: Some(text("run by")),
                stated_in: Some(PlaceFile { section: 0, paragraph: 0 }),
            },
            RelationFile {
                from: company.clone(),
                kind: text("based_in"),
                to: place,
                label: None,
                inverse: None,
                stated_in: None,
            },
        ],
        events: vec![EventFile {
            order: 1,
            date: date.to_string(),
            text: text("Example Corp said it would take the charge."),
            entities: vec![company, charge],
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_calendar_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(20_454), (2026, 1, 1));
    }
}
