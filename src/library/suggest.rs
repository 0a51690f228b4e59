//! "Did you mean": the known ids closest to a mistyped one, and the one message every
//! command and the reader give for an id that names nothing.

use super::store::Library;

/// "no entity or briefing `x`; closest: …", for an id that is neither. The closest are
/// entity and briefing ids, never `id` itself.
pub fn unknown_id(library: &Library, id: &str) -> String {
    let ids = library
        .entity_ids()
        .map(|e| library.key_of(e))
        .chain(library.briefing_ids().map(|b| library.briefing_key_of(b)));
    let near = closest(id, ids.filter(|&known| known != id), 5);
    if near.is_empty() {
        format!("no entity or briefing `{id}`")
    } else {
        format!("no entity or briefing `{id}`; closest: {}", near.join(", "))
    }
}

/// Why `id` cannot be used where an entity is wanted: it names a briefing, or nothing.
pub fn not_an_entity(library: &Library, id: &str) -> String {
    if library.briefing_by_id(id).is_some() {
        format!("`{id}` is a briefing, not an entity")
    } else {
        unknown_id(library, id)
    }
}

/// Up to `limit` candidates closest to `query` by edit distance, nearest first, ties by
/// name; only candidates within a third of the query's length (at least 2 edits) count.
pub fn closest<'a>(query: &str, candidates: impl Iterator<Item = &'a str>, limit: usize) -> Vec<&'a str> {
    let budget = (query.chars().count() / 3).max(2);
    let mut near: Vec<(usize, &str)> = candidates
        .filter_map(|c| {
            let d = distance(query, c);
            (d <= budget || c.contains(query)).then_some((d, c))
        })
        .collect();
    near.sort();
    near.into_iter().take(limit).map(|(_, c)| c).collect()
}

/// Levenshtein distance over characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_ids_come_first() {
        let ids = ["nvidia", "amd", "apple", "amazon", "jensen-huang"];
        assert_eq!(closest("nvidai", ids.into_iter(), 3), vec!["nvidia"]);
        assert_eq!(closest("huang", ids.into_iter(), 3), vec!["jensen-huang"]);
        assert_eq!(closest("amd", ids.into_iter(), 3), vec!["amd"]);
        assert!(closest("zzzzzzzz", ids.into_iter(), 3).is_empty());
    }

    #[test]
    fn an_unknown_id_is_never_its_own_suggestion() {
        let json = br#"{"id": "nvidia-day", "headline": "H", "source": {"publication": "p", "title": "t", "date": "d"},
            "sections": [{"paragraphs": ["Nvidia."]}],
            "entities": [{"id": "nvidia", "kind": "company", "name": "Nvidia"}]}"#;
        let input = crate::library::Input { path: "b.json".into(), bytes: std::borrow::Cow::Borrowed(json) };
        let library = crate::library::load_sources(&[input], Default::default()).unwrap().library;
        assert_eq!(unknown_id(&library, "nvidai"), "no entity or briefing `nvidai`; closest: nvidia");
        assert_eq!(unknown_id(&library, "nvidia-day"), "no entity or briefing `nvidia-day`");
        assert_eq!(not_an_entity(&library, "nvidia-day"), "`nvidia-day` is a briefing, not an entity");
    }

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("黄仁勋", "黄仁"), 1);
    }
}
