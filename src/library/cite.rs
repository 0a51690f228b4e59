//! How a briefing's source and a figure are cited in plain text: the story header, the
//! card, `briefing show`, and what the reader copies all say it the same way.

use std::ops::Range;

use super::model::{EntityId, Source};
use super::store::Library;

/// "In Focus Magazine · March 2025 · “The Beijing Gambit…”": publication, date and title,
/// each left out when the file has none.
pub fn source_line(source: &Source) -> String {
    let title = (!source.title.is_empty()).then(|| format!("“{}”", source.title));
    let parts = [Some(source.publication.clone()), Some(source.date.clone()), title];
    parts.into_iter().flatten().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" · ")
}

/// The host an address points at, without a leading `www.`: "taipeitimes.com". `None`
/// when the address has no `scheme://host` to read one from.
pub fn host(url: &str) -> Option<&str> {
    let (_, rest) = url.split_once("://")?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = host.split(':').next().unwrap_or(host);
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

/// A figure with where it comes from: "$17 billion — Nvidia’s annual sales to China.
/// “…where it sells $17 billion worth of products a year.” (In Focus Magazine · March
/// 2025 · “The Beijing Gambit…”)". `None` for an entity that is not a figure.
pub fn figure(library: &Library, id: EntityId) -> Option<String> {
    let entity = library.entity(id);
    let f = entity.figure.as_ref()?;
    let briefing = library.briefing(f.briefing);
    let range = briefing.find_in(f.paragraph, &entity.name).unwrap_or(0..0);
    let period = period_note(&f.measures, f.period.as_deref());
    let sentence = briefing.sentence(f.paragraph, range);
    Some(format!("{} — {}{period}. “{sentence}” ({})", entity.name, f.measures, source_line(&briefing.source)))
}

/// " (year to date)": a figure's period, unless what it measures says it already (a
/// period of "annual" for "annual sales" adds nothing).
pub fn period_note(measures: &str, period: Option<&str>) -> String {
    match period {
        Some(p) if !p.is_empty() && !measures.to_lowercase().contains(&p.to_lowercase()) => format!(" ({p})"),
        _ => String::new(),
    }
}

/// The whole sentence of `text` that holds byte `range`: what a reader copies for a
/// mention (a snippet, unlike this, may be cut short).
pub fn sentence_of(text: &str, range: Range<usize>) -> &str {
    let sentences = super::text::sentences(text);
    let holds = |s: &&Range<usize>| s.start <= range.start && range.start < s.end.max(s.start + 1);
    sentences.iter().find(holds).map_or(text.trim(), |s| &text[s.clone()])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::bundled;

    #[test]
    fn a_host_is_read_from_an_address() {
        assert_eq!(host("https://www.taipeitimes.com/News/biz/2025"), Some("taipeitimes.com"));
        assert_eq!(host("https://ir.baystreet.ca/amp/a.aspx?id=1"), Some("ir.baystreet.ca"));
        assert_eq!(host("http://user@example.org:8080#x"), Some("example.org"));
        assert_eq!(host("example.org/path"), None);
        assert_eq!(host("https:///path"), None);
    }

    #[test]
    fn a_figure_is_cited_with_its_sentence_and_source() {
        let library = bundled::load(Default::default()).unwrap().library;
        let sales = library.entity_by_id("nvidia-china-sales").unwrap();
        let text = figure(&library, sales).unwrap();
        assert!(text.starts_with("$17 billion — Nvidia’s annual sales to China. “"), "{text}");
        assert!(text.ends_with("(In Focus Magazine · March 2025 · “The Beijing Gambit: Why Jensen Huang Made an Emergency Trip to China”)"), "{text}");
        assert!(!text.contains("(annual)"), "the period repeats what it measures: {text}");
        assert_eq!(figure(&library, library.entity_by_id("nvidia").unwrap()), None);
    }

    #[test]
    fn a_mention_is_copied_with_its_whole_sentence() {
        let text = "One. Jensen Huang flew in. Three.";
        assert_eq!(sentence_of(text, 5..17), "Jensen Huang flew in.");
        assert_eq!(sentence_of(text, 0..3), "One.");
        assert_eq!(sentence_of("no stop at all", 3..5), "no stop at all");
    }

    #[test]
    fn a_period_is_noted_only_where_it_adds_something() {
        assert_eq!(period_note("annual sales", Some("annual")), "");
        assert_eq!(period_note("the fall in its shares", Some("year to date")), " (year to date)");
        assert_eq!(period_note("x", None), "");
    }
}
