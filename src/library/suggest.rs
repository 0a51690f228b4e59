//! "Did you mean": the known ids closest to a mistyped one.

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
    fn distance_counts_edits() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("黄仁勋", "黄仁"), 1);
    }
}
