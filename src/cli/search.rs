//! `briefing search QUERY`: ranked results, one per line, or as JSON.

use std::process::ExitCode;

use serde::Serialize;

use super::{Source, load_cached};
use crate::cache;
use crate::library::Library;
use crate::search::{self, Category, Destination, Hit, Index, Query, Together};

/// One result in `search --json`.
#[derive(Debug, Serialize)]
pub struct ResultJson<'a> {
    /// Entity kind, `sentence` or `briefing`.
    pub kind: &'static str,
    /// Entity or briefing id; for a sentence, `BRIEFING#SECTION.PARAGRAPH` (from 0).
    pub id: String,
    /// The entity's name, the briefing's headline, or the sentence.
    pub title: &'a str,
    /// The text the weakest term matched in (a name, alias, role, relation, sentence …).
    pub text: String,
    /// Which field that is.
    pub field: &'static str,
    /// How the weakest term matched: exact, prefix, word, initials, contains, typo or fuzzy.
    pub tier: &'static str,
    /// How the terms sit: `phrase`, `in order` or `apart`.
    pub together: &'static str,
    /// The matcher's score within the fuzzy tier (0 above it); higher is better.
    pub score: i64,
    /// Character positions in `text` of the matched letters.
    pub positions: Vec<usize>,
    /// Every text of the result that some term matches, and which terms match where.
    pub matches: Vec<MatchJson>,
}

/// One matched text of a result.
#[derive(Debug, Serialize)]
pub struct MatchJson {
    /// Its field.
    pub field: &'static str,
    /// The text.
    pub text: String,
    /// The terms it matches.
    pub terms: Vec<TermJson>,
}

/// One term's match in one text.
#[derive(Debug, Serialize)]
pub struct TermJson {
    /// The term as read (operators removed).
    pub term: String,
    /// How it matched here.
    pub tier: &'static str,
    /// Character positions in the text of its matched letters.
    pub positions: Vec<usize>,
}

/// Searches the library; exit 1 when nothing matches, and say so when a `@kind` is unknown.
pub fn run(
    source: &Source<'_>,
    query: &str,
    kind: Option<Category>,
    limit: usize,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let mut parsed = Query::parse(query);
    // Checked before loading: the search would drop the `@kind` and answer a different
    // question than the one asked, so it is a usage error (exit 2), said at once.
    if let Some(word) = parsed.unknown.first() {
        super::eprint(&unknown_kind(word));
        return Ok(ExitCode::from(2));
    }
    if let Some(kind) = kind {
        parsed.filter = vec![kind];
    }
    let loaded = load_cached(source)?;
    let library = super::keep(loaded.library);
    let kept = loaded.pending.is_some();
    let mut index = cache::Loaded::index_for_one_search(library, loaded.index, &parsed, kept);
    let results = search::search(&index, &parsed, limit);
    let rows: Vec<ResultJson> = results.hits.iter().map(|hit| result(library, &index, hit, &parsed)).collect();
    let text = if json {
        format!("{}\n", serde_json::to_string_pretty(&rows)?)
    } else {
        rows.iter()
            .map(|row| format!("{:<12} {:<28} {}{}\n", row.kind, row.id, row.title, where_matched(row)))
            .collect()
    };
    let found = !rows.is_empty();
    drop(rows);
    super::print(&text)?;
    if let Some(pending) = loaded.pending {
        // After the answer is out: a cache that cannot be written costs only the next start.
        index.store_answers();
        let _ = pending.write(library, index.tables());
    }
    super::keep(index);
    Ok(if found { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// What to say of an `@word` that names no kind.
fn unknown_kind(word: &str) -> String {
    let names: Vec<_> = Category::all().map(Category::as_str).collect();
    format!("unknown kind `@{word}` in the query; kinds are {}", names.join(", "))
}

fn where_matched(row: &ResultJson<'_>) -> String {
    match row.field {
        "name" | "sentence" => String::new(),
        _ if row.text == row.title => String::new(),
        field => format!("  ({field}: {})", row.text),
    }
}

/// The JSON view of one hit.
pub fn result<'a>(library: &'a Library, index: &Index<'a>, hit: &Hit, query: &Query) -> ResultJson<'a> {
    let destination = index.destination(hit.dest);
    let title = destination.title(library);
    let id = match destination {
        Destination::Entity(e) => library.entity(*e).id.clone(),
        Destination::Briefing(b) => library.briefing(*b).id.clone(),
        Destination::Sentence(b, p, _) => {
            let briefing = library.briefing(*b);
            let (section, paragraph) = briefing.place(*p);
            format!("{}#{section}.{paragraph}", briefing.id)
        }
    };
    let terms: Vec<&str> = query.terms().map(|t| t.shown.as_str()).collect();
    let found = search::matches(index, hit.dest, query);
    let weakest = found.iter().find(|m| m.field == hit.field).or(found.first());
    let matches = found
        .iter()
        .map(|m| MatchJson {
            field: m.field.as_str(),
            text: m.text.joined().into_owned(),
            terms: m
                .marks
                .iter()
                .map(|(t, mark)| TermJson {
                    term: terms.get(*t).map_or_else(String::new, |s| s.to_string()),
                    tier: mark.tier.as_str(),
                    positions: mark.positions.clone(),
                })
                .collect(),
        })
        .collect();
    ResultJson {
        kind: index.category(hit.dest).as_str(),
        id,
        title,
        text: weakest.map_or_else(|| title.to_string(), |m| m.text.joined().into_owned()),
        field: hit.field.as_str(),
        tier: hit.tier.as_str(),
        together: together_name(hit.together),
        score: hit.score,
        positions: weakest.map(|m| m.positions()).unwrap_or_default(),
        matches,
    }
}

fn together_name(together: Together) -> &'static str {
    match together {
        Together::Phrase => "phrase",
        Together::InOrder => "in order",
        Together::Apart => "apart",
    }
}
