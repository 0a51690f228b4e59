//! `briefing search QUERY`: ranked results, one per line, or as JSON.

use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::load;
use crate::library::Library;
use crate::search::{self, Category, Destination, Field, Hit, Index, Query};

/// One result in `search --json`.
#[derive(Debug, Serialize)]
pub struct ResultJson<'a> {
    /// Entity kind, `sentence` or `briefing`.
    pub kind: &'static str,
    /// Entity or briefing id; for a sentence, `BRIEFING#SECTION.PARAGRAPH` (from 0).
    pub id: String,
    /// The entity's name, the briefing's headline, or the sentence.
    pub title: &'a str,
    /// The text that matched (a name, alias, role, sentence or headline).
    pub text: &'a str,
    /// Which field matched: name, alias, role or sentence.
    pub field: &'static str,
    /// How it matched: exact, prefix, word, initials or fuzzy.
    pub tier: &'static str,
    /// The matcher's score within its tier (0 above fuzzy); higher is better.
    pub score: i64,
    /// Character positions in `text` of the matched letters.
    pub positions: Vec<usize>,
}

/// Searches the library; exit 1 when nothing matches.
pub fn run(
    content: Option<&Path>,
    query: &str,
    kind: Option<Category>,
    limit: usize,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let library = load(content)?;
    let index = Index::new(&library);
    let mut parsed = Query::parse(query);
    parsed.filter = kind.or(parsed.filter);
    let results = search::search(&index, &parsed, limit);
    let rows: Vec<ResultJson> = results.hits.iter().map(|hit| result(&library, &index, hit, &parsed)).collect();
    let text = if json {
        format!("{}\n", serde_json::to_string_pretty(&rows)?)
    } else {
        rows.iter()
            .map(|row| format!("{:<12} {:<28} {}{}\n", row.kind, row.id, row.title, where_matched(row)))
            .collect()
    };
    super::print(&text)?;
    Ok(if rows.is_empty() { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn where_matched(row: &ResultJson<'_>) -> String {
    match row.field {
        "alias" | "role" if row.text != row.title => format!("  ({}: {})", row.field, row.text),
        _ => String::new(),
    }
}

/// The JSON view of one hit.
pub fn result<'a>(library: &'a Library, index: &Index<'a>, hit: &Hit, query: &Query) -> ResultJson<'a> {
    let c = index.candidate(hit);
    let (id, title) = match &c.destination {
        Destination::Entity(e) => (library.entity(*e).id.clone(), library.entity(*e).name.as_str()),
        Destination::Briefing(b) => (library.briefing(*b).id.clone(), library.briefing(*b).headline.as_str()),
        Destination::Sentence(b, p, _) => {
            let briefing = library.briefing(*b);
            let (section, paragraph) = briefing.place(*p);
            (format!("{}#{section}.{paragraph}", briefing.id), c.text)
        }
    };
    ResultJson {
        kind: c.category.as_str(),
        id,
        title,
        text: c.text,
        field: field_name(c.field),
        tier: hit.tier.as_str(),
        score: hit.score,
        positions: index.positions(hit, query),
    }
}

fn field_name(field: Field) -> &'static str {
    match field {
        Field::Name => "name",
        Field::Alias => "alias",
        Field::Role => "role",
        Field::Sentence => "sentence",
    }
}
