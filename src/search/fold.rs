//! Folding text for matching: lower case and Latin accents removed, one character for
//! one character, so match positions in folded text are positions in the original.

/// Folds one character: `É` → `e`, `ü` → `u`, `ß` → `s`; others lower-cased.
pub fn fold_char(c: char) -> char {
    let base = strip_accent(c);
    if base.is_ascii() {
        return base.to_ascii_lowercase();
    }
    let mut lower = base.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => base,
    }
}

/// Removes the accent of a Latin letter, keeping its case.
pub fn strip_accent(c: char) -> char {
    match c {
        'À'..='Å' | 'Ā' | 'Ă' | 'Ą' => 'A',
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'Ç' | 'Ć' | 'Ĉ' | 'Ċ' | 'Č' => 'C',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'Ď' | 'Đ' => 'D',
        'ď' | 'đ' => 'd',
        'È'..='Ë' | 'Ē' | 'Ĕ' | 'Ė' | 'Ę' | 'Ě' => 'E',
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'Ĝ' | 'Ğ' | 'Ġ' | 'Ģ' => 'G',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'Ì'..='Ï' | 'Ĩ' | 'Ī' | 'Ĭ' | 'Į' | 'İ' => 'I',
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'Ł' | 'Ĺ' | 'Ļ' | 'Ľ' => 'L',
        'ł' | 'ĺ' | 'ļ' | 'ľ' => 'l',
        'Ñ' | 'Ń' | 'Ņ' | 'Ň' => 'N',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'Ò'..='Ö' | 'Ø' | 'Ō' | 'Ŏ' | 'Ő' => 'O',
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'Ŕ' | 'Ŗ' | 'Ř' => 'R',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'Ś' | 'Ŝ' | 'Ş' | 'Š' => 'S',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ß' => 's',
        'Ţ' | 'Ť' => 'T',
        'ţ' | 'ť' => 't',
        'Ù'..='Ü' | 'Ũ' | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' => 'U',
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'Ý' | 'Ÿ' => 'Y',
        'ý' | 'ÿ' => 'y',
        'Ź' | 'Ż' | 'Ž' => 'Z',
        'ź' | 'ż' | 'ž' => 'z',
        '’' | '‘' => '\'',
        _ => c,
    }
}

/// Folds a string (lower case, no accents), character for character.
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// Removes accents but keeps case, for case-sensitive (smart-case) matching.
pub fn fold_keep_case(text: &str) -> String {
    text.chars().map(strip_accent).collect()
}

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
    fn folds_accents_and_case_one_for_one() {
        assert_eq!(fold("José Müller"), "jose muller");
        assert_eq!(fold("ÉCLAIR straße"), "eclair strase");
        assert_eq!(fold("梁文锋"), "梁文锋");
        assert_eq!(fold_keep_case("José"), "Jose");
        for text in ["José Müller", "Ægir ŁÓDŹ", "İstanbul"] {
            assert_eq!(fold(text).chars().count(), text.chars().count());
        }
    }

    #[test]
    fn masks_contain_their_subsets() {
        let name = char_mask(&fold("Jensen Huang"));
        assert_eq!(char_mask("jh") & !name, 0);
        assert_ne!(char_mask("jz") & !name, 0);
        assert_eq!(char_mask("梁文") & !char_mask("梁文锋"), 0);
    }
}
