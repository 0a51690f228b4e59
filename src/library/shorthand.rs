//! Less to write: what an author may leave out because it follows from what they wrote.
//!
//! A figure's `value`, `scale`, `unit` and `qualifier` follow from its display text
//! ("over $5.5 billion" is 5.5, billion, USD, over), and a relation of a common type has
//! standard labels both ways. [`complete_figure`] and [`complete_relation`] fill in what
//! was left out, before any other check runs, and check that what was written agrees with
//! what the display text says; the rest of validation then sees every field filled in.
//! (A figure's `stated_in`, which follows from the story, is found where the story is
//! read: see the figure rules of `validate`.)

use super::figure_text;
use super::format::{FigureFile, Qualifier, RelationFile, Scale};

pub use super::format::RELATION_TYPES;

/// The standard labels of a relation type, if it is a common one.
pub fn relation_labels(kind: &str) -> Option<(&'static str, &'static str)> {
    RELATION_TYPES.iter().find(|(k, _, _)| *k == kind).map(|&(_, label, inverse)| (label, inverse))
}

/// Fills in the labels a relation of a common type leaves out; a label given is kept. A
/// problem names the field to point at and says what is missing.
pub fn complete_relation(r: &mut RelationFile) -> Option<(&'static str, String)> {
    if r.label.is_some() && r.inverse.is_some() {
        return None;
    }
    let Some((label, inverse)) = relation_labels(&r.kind) else {
        let missing: Vec<&str> = [("`label`", &r.label), ("`inverse`", &r.inverse)]
            .into_iter()
            .filter_map(|(key, value)| value.is_none().then_some(key))
            .collect();
        let standard: Vec<&str> = RELATION_TYPES.iter().map(|(k, _, _)| *k).collect();
        let message = format!(
            "relation type `{}` has no standard labels: give {} (types with standard labels: {})",
            r.kind,
            missing.join(" and "),
            standard.join(", ")
        );
        return Some(("type", message));
    };
    r.label.get_or_insert_with(|| label.to_string());
    r.inverse.get_or_insert_with(|| inverse.to_string());
    None
}

/// What a display text says of its figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Implied {
    /// The number and its scale word, if it states one.
    pub stated: Option<figure_text::Stated>,
    /// The unit it names: a currency by its sign, `percent`, or the counted noun after the
    /// number.
    pub unit: Option<String>,
    /// The qualifier its words give ("over", "about"…), if any.
    pub qualifier: Option<Qualifier>,
}

/// Currency signs, longest first so that `HK$` is not read as `$`.
const CURRENCIES: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("HK$", "HKD"),
    ("NT$", "TWD"),
    ("A$", "AUD"),
    ("C$", "CAD"),
    ("S$", "SGD"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
];

/// Currencies written as words after the number ("3.94 billion euros").
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("yen", "JPY"),
];

/// Words before the number and the qualifier they give, longest first.
pub const QUALIFIER_WORDS: &[(&str, Qualifier)] = &[
    ("more than", Qualifier::Over),
    ("upwards of", Qualifier::Over),
    ("at least", Qualifier::Over),
    ("less than", Qualifier::Under),
    ("fewer than", Qualifier::Under),
    ("approximately", Qualifier::About),
    ("roughly", Qualifier::About),
    ("around", Qualifier::About),
    ("almost", Qualifier::Under),
    ("nearly", Qualifier::Under),
    ("above", Qualifier::Over),
    ("below", Qualifier::Under),
    ("about", Qualifier::About),
    ("under", Qualifier::Under),
    ("over", Qualifier::Over),
    ("some", Qualifier::About),
];

/// Reads what `display` says: "over $5.5 billion", "about a fifth", "1,841 jobs".
pub fn implied(display: &str) -> Implied {
    let stated = figure_text::stated(display);
    let lower = display.to_lowercase();
    let percent = lower.contains('%') || lower.contains("percent") || lower.contains("per cent");
    let unit = if percent || stated.is_some_and(|s| s.in_words) {
        Some("percent".to_string())
    } else if let Some((_, code)) = CURRENCIES.iter().find(|(sign, _)| display.contains(sign)) {
        Some((*code).to_string())
    } else {
        counted_noun(display).map(|noun| currency_named(&noun).map_or(noun, str::to_string))
    };
    Implied { stated, unit, qualifier: qualifier_of(&lower) }
}

/// The qualifier the words before the number give ("just over 40%" reads as over); for
/// a number in words ("about a fifth"), the words anywhere.
fn qualifier_of(lower: &str) -> Option<Qualifier> {
    let start = lower.find(|c: char| c.is_ascii_digit() || "$€£¥".contains(c)).unwrap_or(lower.len());
    let words: Vec<&str> = lower[..start].split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
    QUALIFIER_WORDS
        .iter()
        .find(|(phrase, _)| {
            let length = phrase.split(' ').count();
            words.windows(length).any(|window| window.iter().copied().eq(phrase.split(' ')))
        })
        .map(|&(_, q)| q)
}

/// The currency code of a noun that names one ("euros"), if it does.
fn currency_named(noun: &str) -> Option<&'static str> {
    let first = noun.split_whitespace().next()?.to_lowercase();
    CURRENCY_WORDS.iter().find(|(word, _)| *word == first).map(|&(_, code)| code)
}

/// The noun a count is of: the words after the number and its scale word, "jobs" in
/// "1,841 jobs", "Ascend chips" in "8,192 Ascend chips"; none after a bare number.
fn counted_noun(display: &str) -> Option<String> {
    let start = display.find(|c: char| c.is_ascii_digit())?;
    let rest = &display[start..];
    let after = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == ',' || c == '.');
    let mut words = after.split_whitespace().peekable();
    if words.peek().is_some_and(|w| figure_text::scale_word(w).is_some()) {
        words.next();
    }
    let noun = words.collect::<Vec<_>>().join(" ");
    let noun = noun.trim_end_matches(|c: char| !c.is_alphanumeric());
    (!noun.is_empty()).then(|| noun.to_string())
}

/// Fills in the value, scale, unit and qualifier a figure leaves out from its display
/// text, and checks that those it gives agree with it. Each problem names the field to
/// point at.
pub fn complete_figure(f: &mut FigureFile) -> Vec<(&'static str, String)> {
    let implied = implied(&f.display);
    let mut problems = Vec::new();
    let display = &f.display;
    match (f.value, implied.stated) {
        (None, Some(stated)) => f.value = Some(stated.number),
        (None, None) => problems.push(("display", format!("display `{display}` states no number: give `value`"))),
        (Some(_), _) => {}
    }
    if f.scale.is_none() {
        f.scale = Some(implied.stated.and_then(|s| s.scale).unwrap_or(Scale::One));
    }
    match (&f.unit, &implied.unit) {
        (None, Some(unit)) => f.unit = Some(unit.clone()),
        (None, None) => problems.push(("display", format!("display `{display}` names no unit: give `unit`"))),
        (Some(given), Some(read)) if read.len() == 3 && given.len() == 3 && given != read => {
            problems.push(("unit", format!("display `{display}` is in {read}, but unit is `{given}`")))
        }
        (Some(_), _) => {}
    }
    match (f.qualifier, implied.qualifier) {
        (None, read) => f.qualifier = Some(read.unwrap_or_default()),
        (Some(given), Some(read)) if given != read => {
            problems.push(("qualifier", format!("display `{display}` reads as `{read}`, but qualifier is `{given}`")))
        }
        (Some(_), _) => {}
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(display: &str) -> FigureFile {
        FigureFile {
            id: "f".into(),
            value: None,
            unit: None,
            scale: None,
            display: display.into(),
            sign: Default::default(),
            qualifier: None,
            measures: "m".into(),
            about: vec!["a".into()],
            period: None,
            stated_in: None,
            revises: None,
        }
    }

    fn completed(display: &str) -> (f64, Scale, String, Qualifier) {
        let mut f = figure(display);
        assert_eq!(complete_figure(&mut f), [], "{display}");
        (f.value.unwrap(), f.scale.unwrap(), f.unit.unwrap(), f.qualifier.unwrap())
    }

    #[test]
    fn the_display_gives_value_scale_unit_and_qualifier() {
        assert_eq!(completed("$5.5 billion"), (5.5, Scale::Billion, "USD".into(), Qualifier::Exact));
        assert_eq!(completed("over 40%"), (40.0, Scale::One, "percent".into(), Qualifier::Over));
        assert_eq!(completed("about a fifth"), (20.0, Scale::One, "percent".into(), Qualifier::About));
        assert_eq!(completed("1,841 jobs"), (1841.0, Scale::One, "jobs".into(), Qualifier::Exact));
        assert_eq!(
            completed("more than 8,192 Ascend chips"),
            (8192.0, Scale::One, "Ascend chips".into(), Qualifier::Over)
        );
        assert_eq!(completed("HK$3bn"), (3.0, Scale::Billion, "HKD".into(), Qualifier::Exact));
        assert_eq!(completed("€700 million"), (700.0, Scale::Million, "EUR".into(), Qualifier::Exact));
        assert_eq!(completed("3.94 billion euros"), (3.94, Scale::Billion, "EUR".into(), Qualifier::Exact));
        assert_eq!(completed("nearly 7 percent"), (7.0, Scale::One, "percent".into(), Qualifier::Under));
        assert_eq!(completed("some 4,000 workers."), (4000.0, Scale::One, "workers".into(), Qualifier::About));
    }

    #[test]
    fn what_is_written_must_agree_with_the_display() {
        let mut f = figure("over $5.5 billion");
        (f.unit, f.qualifier) = (Some("EUR".into()), Some(Qualifier::Exact));
        let problems = complete_figure(&mut f);
        assert_eq!(
            problems,
            [
                ("unit", "display `over $5.5 billion` is in USD, but unit is `EUR`".to_string()),
                ("qualifier", "display `over $5.5 billion` reads as `over`, but qualifier is `exact`".to_string()),
            ]
        );
        let mut counted = figure("1,841 jobs");
        counted.unit = Some("new jobs".into());
        assert_eq!(complete_figure(&mut counted), [], "a counted noun is the author's to name");
        let mut exact_words = figure("$17 billion");
        exact_words.qualifier = Some(Qualifier::About);
        assert_eq!(complete_figure(&mut exact_words), [], "no words against it: the author knows");
    }

    #[test]
    fn a_display_that_says_too_little_asks_for_the_field() {
        let mut f = figure("a record");
        assert_eq!(
            complete_figure(&mut f),
            [
                ("display", "display `a record` states no number: give `value`".to_string()),
                ("display", "display `a record` names no unit: give `unit`".to_string()),
            ]
        );
        let mut bare = figure("1,841");
        assert_eq!(complete_figure(&mut bare), [("display", "display `1,841` names no unit: give `unit`".to_string())]);
    }

    #[test]
    fn common_relation_types_need_no_labels_and_others_say_what_to_give() {
        let mut r = RelationFile {
            from: "a".into(),
            kind: "ceo_of".into(),
            to: "b".into(),
            label: None,
            inverse: None,
            stated_in: None,
        };
        assert_eq!(complete_relation(&mut r), None);
        assert_eq!((r.label.as_deref(), r.inverse.as_deref()), (Some("CEO of"), Some("led by")));
        r.kind = "rival_of".into();
        (r.label, r.inverse) = (Some("competes with".into()), None);
        assert_eq!(complete_relation(&mut r), None);
        assert_eq!((r.label.as_deref(), r.inverse.as_deref()), (Some("competes with"), Some("rival of")));
        r.kind = "lent_to".into();
        (r.label, r.inverse) = (None, None);
        let (key, message) = complete_relation(&mut r).unwrap();
        assert_eq!(key, "type");
        assert!(message.starts_with("relation type `lent_to` has no standard labels: give `label` and `inverse`"));
        assert!(message.contains("ceo_of, chair_of"), "{message}");
    }
}
