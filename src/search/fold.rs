//! The search side of folding: the folding itself is [`crate::library::text::fold`], shared
//! with find-in-story; here is the character-set prefilter built on folded text.

pub use crate::library::text::{fold, fold_keep_case};

/// A 64-bit set of the folded characters present: a candidate can only match a query
/// whose set it contains, a test far cheaper than running the matcher.
pub fn char_mask(folded: &str) -> u64 {
    folded.chars().fold(0, |mask, c| mask | bit(c))
}

fn bit(c: char) -> u64 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        ' ' => 0,
        _ => 1 << (36 + (c as u32 % 28)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_contain_their_subsets() {
        let name = char_mask(&fold("Jensen Huang"));
        assert_eq!(char_mask("jh") & !name, 0);
        assert_ne!(char_mask("jz") & !name, 0);
        assert_eq!(char_mask("梁文") & !char_mask("梁文锋"), 0);
    }
}
