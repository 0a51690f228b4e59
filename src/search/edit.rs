//! One typo: whether two words are one edit apart — a letter replaced, added, dropped,
//! or two neighbours swapped (optimal string alignment distance 1).

/// Whether `a` and `b` differ by exactly one edit. Runs for every name word of a similar
/// length on each keystroke of a long term, so ASCII words are compared as bytes, without
/// allocating.
pub fn one_edit(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return one_edit_in(a.as_bytes(), b.as_bytes());
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    one_edit_in(&a, &b)
}

fn one_edit_in<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let lead = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[lead..], &b[lead..]);
    let trail = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[..a.len() - trail.min(a.len())], &b[..b.len() - trail.min(b.len())]);
    match (a.len(), b.len()) {
        (1, 1) | (0, 1) | (1, 0) => true,
        (2, 2) => a[0] == b[1] && a[1] == b[0],
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::one_edit;

    #[test]
    fn one_edit_of_each_kind() {
        assert!(one_edit("jenson", "jensen"));
        assert!(one_edit("jensn", "jensen"));
        assert!(one_edit("jensenn", "jensen"));
        assert!(one_edit("jesnen", "jensen"));
        assert!(one_edit("huangs", "huang"));
        assert!(!one_edit("jensen", "jensen"));
        assert!(!one_edit("jansan", "jensen"));
        assert!(!one_edit("nvidia", "nvdiai"));
        assert!(one_edit("aab", "abb"));
    }
}
