//! Reading the number a figure's display text states, so a figure whose data and words
//! disagree ("$17 billion" with value 1.7) is caught by `briefing check`.

use super::format::Scale;

/// The quantity a display text states: a number and the scale word after it, if any.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stated {
    /// The number, e.g. 17 for "$17 billion", 20 for "a fifth" (in percent).
    pub number: f64,
    /// The scale word after the number, when there is one.
    pub scale: Option<Scale>,
    /// Whether the number was written in words, so it is only approximate ("a third").
    pub in_words: bool,
}

/// Words for fractions, read as percentages, and small counts.
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("half", 50.0),
    ("a third", 100.0 / 3.0),
    ("one third", 100.0 / 3.0),
    ("two thirds", 200.0 / 3.0),
    ("a quarter", 25.0),
    ("one quarter", 25.0),
    ("three quarters", 75.0),
    ("a fifth", 20.0),
    ("one fifth", 20.0),
    ("one-fifth", 20.0),
    ("a tenth", 10.0),
    ("one tenth", 10.0),
];

const SCALE_WORDS: &[(&str, Scale)] = &[
    ("thousand", Scale::Thousand),
    ("k", Scale::Thousand),
    ("million", Scale::Million),
    ("mn", Scale::Million),
    ("m", Scale::Million),
    ("billion", Scale::Billion),
    ("bn", Scale::Billion),
    ("b", Scale::Billion),
    ("trillion", Scale::Trillion),
    ("tn", Scale::Trillion),
];

/// Reads the quantity stated by `display`, if it states one.
pub fn stated(display: &str) -> Option<Stated> {
    digits(display).or_else(|| words(display))
}

/// Checks that `display` states `value` at `scale`; the error says what it states instead.
pub fn check(display: &str, value: f64, scale: Scale) -> Result<(), String> {
    let Some(found) = stated(display) else {
        return Err(format!("display `{display}` states no number"));
    };
    let tolerance = if found.in_words { 0.01 * value.abs().max(1.0) } else { 1e-9 * value.abs().max(1.0) };
    if (found.number - value).abs() > tolerance {
        return Err(format!("display `{display}` states {} but value is {value}", trim(found.number)));
    }
    let written = found.scale.unwrap_or(Scale::One);
    if written != scale {
        return Err(format!("display `{display}` is in {} but scale is {}", scale_name(written), scale_name(scale)));
    }
    Ok(())
}

fn digits(display: &str) -> Option<Stated> {
    let start = display.find(|c: char| c.is_ascii_digit())?;
    let rest = &display[start..];
    let end = rest.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(rest.len());
    let token = rest[..end].trim_end_matches(['.', ',']);
    let number = token.replace(',', "").parse().ok()?;
    let scale = scale_after(&rest[token.len()..]);
    Some(Stated { number, scale, in_words: false })
}

fn words(display: &str) -> Option<Stated> {
    let lower = display.to_lowercase();
    NUMBER_WORDS
        .iter()
        .filter(|(word, _)| lower.contains(word))
        .max_by_key(|(word, _)| word.len())
        .map(|&(_, number)| Stated { number, scale: None, in_words: true })
}

/// The scale word right after a number: "bn" in "5.5bn", "billion" in "17 billion".
fn scale_after(rest: &str) -> Option<Scale> {
    let word: String = rest.trim_start().chars().take_while(|c| c.is_alphabetic()).collect();
    scale_word(&word)
}

/// The scale a word names ("billion", "bn", "m"), if it names one.
pub fn scale_word(word: &str) -> Option<Scale> {
    let word = word.to_lowercase();
    SCALE_WORDS.iter().find(|(w, _)| *w == word).map(|&(_, s)| s)
}

fn scale_name(scale: Scale) -> &'static str {
    match scale {
        Scale::One => "units",
        Scale::Thousand => "thousands",
        Scale::Million => "millions",
        Scale::Billion => "billions",
        Scale::Trillion => "trillions",
    }
}

fn trim(number: f64) -> String {
    let text = format!("{number:.4}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_digits_and_scale_words() {
        assert_eq!(stated("$17 billion").unwrap().number, 17.0);
        assert_eq!(stated("$17 billion").unwrap().scale, Some(Scale::Billion));
        assert_eq!(stated("$5.5bn").unwrap().scale, Some(Scale::Billion));
        assert_eq!(stated("over 40%").unwrap().number, 40.0);
        assert_eq!(stated("1,200 workers").unwrap().number, 1200.0);
        assert_eq!(stated("7%.").unwrap().number, 7.0);
    }

    #[test]
    fn reads_fractions_in_words_as_percent() {
        let fifth = stated("about a fifth").unwrap();
        assert_eq!((fifth.number, fifth.in_words), (20.0, true));
        assert!(check("about a third", 33.3, Scale::One).is_ok());
        assert!(check("two thirds", 66.7, Scale::One).is_ok());
    }

    #[test]
    fn rejects_disagreement_with_a_reason() {
        assert_eq!(
            check("$17 billion", 1.7, Scale::Billion).unwrap_err(),
            "display `$17 billion` states 17 but value is 1.7"
        );
        assert_eq!(
            check("$800 million", 800.0, Scale::Billion).unwrap_err(),
            "display `$800 million` is in millions but scale is billions"
        );
        assert_eq!(check("a lot", 3.0, Scale::One).unwrap_err(), "display `a lot` states no number");
        assert!(check("$800 million", 800.0, Scale::Million).is_ok());
        assert!(check("145%", 145.0, Scale::One).is_ok());
    }
}
