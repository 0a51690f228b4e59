//! The ranking rules of `docs/search.md`, on the bundled library and on a small fixture of
//! look-alike names (Jensen Wong and Jenson Button, AMD and Amazon, H20 and H200 …).
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture or pty")]

use std::path::Path;

use briefing::library::{self, Kind, Library, Options};
use briefing::search::{self, Category, Destination, Field, Index, Query, Tier};

fn bundled() -> Library {
    library::bundled::load(Options::default()).expect("bundled library loads").library
}

fn fixture() -> Library {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/search");
    library::load_dir(&dir, Options::default()).expect("search fixture loads").library
}

/// The ids of the entity results of `query`, best first, with their tiers.
fn ranked(library: &Library, query: &str) -> Vec<(String, Tier)> {
    let index = Index::new(library);
    let results = search::search(&index, &Query::parse(query), 50);
    results
        .hits
        .iter()
        .filter_map(|hit| match index.destination(hit.dest) {
            Destination::Entity(id) => Some((library.entity(*id).id.clone(), hit.tier)),
            _ => None,
        })
        .collect()
}

fn entity_ids(library: &Library, query: &str) -> Vec<String> {
    ranked(library, query).into_iter().map(|(id, _)| id).collect()
}

fn first(library: &Library, query: &str) -> String {
    entity_ids(library, query).into_iter().next().unwrap_or_default()
}

fn position(ids: &[String], id: &str) -> Option<usize> {
    ids.iter().position(|i| i == id)
}

#[test]
fn initials_find_people_and_companies() {
    assert_eq!(first(&bundled(), "jh"), "jensen-huang");
    let fixture = fixture();
    let amd = entity_ids(&fixture, "amd");
    assert_eq!(amd[0], "amd", "exact name first: {amd:?}");
    let initials = position(&amd, "advanced-materials-design").expect("initials match");
    assert!(position(&amd, "amara-mendes").is_none_or(|a| initials < a), "initials before fuzzy: {amd:?}");
    assert!(!amd.contains(&"amazon".to_string()), "amazon has no d: {amd:?}");
}

#[test]
fn a_short_query_brings_no_scattered_letter_junk() {
    for library in [bundled(), fixture()] {
        let amd = ranked(&library, "amd");
        assert!(!amd.iter().any(|(id, _)| id == "chinese-state-media"), "a, m, d picked out of a name: {amd:?}");
        assert_eq!(amd[0].0, "amd");
    }
    let two = ranked(&fixture(), "ad");
    assert!(two.iter().all(|(_, tier)| *tier <= Tier::Contains), "two letters match no scattered letters: {two:?}");
}

#[test]
fn amd_ranks_before_amazon_on_a_shared_prefix() {
    let fixture = fixture();
    let am = entity_ids(&fixture, "am");
    let amd = position(&am, "amd").expect("amd matches am");
    let amazon = position(&am, "amazon").expect("amazon matches am");
    assert!(amd < amazon, "shorter name first on equal tier: {am:?}");
    assert_eq!(first(&bundled(), "amd"), "amd");
}

#[test]
fn exact_beats_longer_names() {
    let fixture = fixture();
    let h20 = entity_ids(&fixture, "h20");
    assert_eq!(&h20[..3], ["h20", "h200", "h20-labs"], "{h20:?}");
    assert_eq!(first(&bundled(), "h20"), "h20");
}

#[test]
fn terms_match_in_either_order_across_fields() {
    let library = bundled();
    for query in ["jensen nvidia", "nvidia jensen", "huang ceo", "ceo huang", "chief executive nvidia"] {
        assert_eq!(first(&library, query), "jensen-huang", "{query}");
    }
    for query in ["founder deepseek", "deepseek founder"] {
        let found = entity_ids(&library, query);
        assert_eq!(found[0], "deepseek", "the company with its Founder fact: {query}");
        assert!(position(&found, "liang-wenfeng").is_some_and(|p| p < 3), "then the founder: {query} {found:?}");
    }
    let fixture = fixture();
    assert_eq!(first(&fixture, "jensen amazon"), "jensen-wong", "relation read as a phrase: CEO of Amazon");
    assert_eq!(first(&fixture, "amazon ceo"), "jensen-wong");
    assert!(!entity_ids(&fixture, "jensen button").contains(&"jensen-wong".to_string()), "every term must match");
}

#[test]
fn a_hyphenated_role_matches_words_typed_apart() {
    let library = bundled();
    for query in ["vice premier", "premier vice", "vice-premier", "vicepremier", "Vice-Premier"] {
        assert_eq!(first(&library, query), "he-lifeng", "{query}");
    }
    let index = Index::new(&library);
    let results = search::search(&index, &Query::parse("vice premier"), 5);
    assert_eq!(results.hits[0].together, search::Together::Phrase, "side by side in the role");
}

#[test]
fn one_typo_in_a_name_is_forgiven_below_exact_matches() {
    assert_eq!(first(&bundled(), "jenson"), "jensen-huang");
    assert_eq!(first(&bundled(), "nvidai"), "nvidia");
    let fixture = fixture();
    let jenson = ranked(&fixture, "jenson");
    assert_eq!(jenson[0], ("jenson-button".to_string(), Tier::Prefix), "{jenson:?}");
    assert_eq!(jenson[1], ("jensen-wong".to_string(), Tier::Typo), "{jenson:?}");
    assert!(ranked(&fixture, "jens").iter().all(|(_, t)| *t != Tier::Typo), "no typos under five letters");
    let tainen = entity_ids(&bundled(), "tainen");
    assert!(!tainen.contains(&"jensen-huang".to_string()), "typos only in names, not in facts: {tainen:?}");
}

#[test]
fn operators_as_in_fzf() {
    let fixture = fixture();
    assert_eq!(entity_ids(&fixture, "'jenson"), ["jenson-button"], "'exact takes no typo");
    assert_eq!(entity_ids(&fixture, "^h20"), ["h20", "h200", "h20-labs"]);
    assert!(entity_ids(&fixture, "^labs").is_empty(), "^ anchors at the start of a field");
    assert_eq!(entity_ids(&fixture, "labs$"), ["h20-labs"]);
    assert_eq!(entity_ids(&fixture, "^h20$"), ["h20"]);
    assert_eq!(entity_ids(&fixture, "h20 !labs"), ["h20", "h200"]);
    let either = entity_ids(&fixture, "amazon | amd");
    assert_eq!(either[..2], ["amd", "amazon"], "{either:?}");
    let precedence = entity_ids(&fixture, "^h2 labs$ | 200$");
    assert_eq!(precedence, ["h20-labs", "h200"], "| binds tighter than a space: {precedence:?}");
}

#[test]
fn unknown_kinds_say_so() {
    let query = Query::parse("@persn huang");
    assert_eq!(query.unknown, ["persn"]);
    assert!(query.describe().contains("no kind @persn"));
    let library = bundled();
    let index = Index::new(&library);
    assert_eq!(search::search(&index, &query, 10).total, 0, "an unknown kind is not ignored");
    assert_eq!(Query::parse("@pers huang").filter, [Category::Entity(Kind::Person)], "a prefix names a kind");
}

#[test]
fn accents_fold_both_ways() {
    let fixture = fixture();
    assert_eq!(first(&fixture, "jose"), "jose-muller");
    assert_eq!(first(&fixture, "muller"), "jose-muller");
    assert_eq!(first(&fixture, "müller"), "jose-muller");
    assert_eq!(first(&fixture, "zurich"), "zurich");
}

#[test]
fn smart_case_respects_capitals_term_by_term() {
    let fixture = fixture();
    assert_eq!(first(&fixture, "José"), "jose-muller");
    assert!(entity_ids(&fixture, "JOSÉ").is_empty(), "capitals make the term case-sensitive");
    assert_eq!(first(&fixture, "jOse").as_str(), "", "mixed case must match exactly");
    assert_eq!(first(&fixture, "José buyer"), "jose-muller", "the other term stays case-blind");
}

#[test]
fn native_script_names_match() {
    assert_eq!(first(&bundled(), "梁文"), "liang-wenfeng");
    assert_eq!(first(&bundled(), "黄仁勋"), "jensen-huang");
    assert_eq!(first(&bundled(), "仁勋"), "jensen-huang");
    assert_eq!(first(&fixture(), "王"), "wang-wei");
}

#[test]
fn facts_summaries_events_relations_and_figures_are_searched() {
    let library = bundled();
    assert_eq!(first(&library, "1963 tainan"), "jensen-huang", "a fact");
    assert_eq!(first(&library, "helped found"), "jensen-huang", "the summary");
    assert!(entity_ids(&library, "biden h20").contains(&"h20".to_string()), "an event");
    assert_eq!(first(&library, "led by huang"), "nvidia", "a relation read backwards");
    let about_amd = entity_ids(&library, "@figure amd");
    assert!(about_amd.contains(&"amd-mi308-charge".to_string()), "a figure about AMD: {about_amd:?}");
}

#[test]
fn kind_filters_narrow_and_count() {
    let library = bundled();
    let index = Index::new(&library);
    let figures = search::search(&index, &Query::parse("@figure"), 50);
    let all_figures = library.entity_ids().filter(|&e| library.kind_of(e) == Kind::Figure).count();
    assert_eq!(figures.total, all_figures, "every figure of the archive");
    assert!(figures.hits.iter().all(|h| index.category(h.dest) == Category::Entity(Kind::Figure)));
    let billions = search::search(&index, &Query::parse("@figure billion"), 50);
    let names: Vec<&str> = billions.hits.iter().map(|h| index.destination(h.dest).title(&library)).collect();
    assert!(names.contains(&"$17 billion") && names.contains(&"$5.5 billion"), "{names:?}");
    let named = names.iter().take_while(|n| n.contains("billion")).count();
    assert!(names[named..].iter().all(|n| !n.contains("billion")), "figures named in billions first: {names:?}");
    let huang = search::search(&index, &Query::parse("@person huang"), 50);
    assert_eq!(huang.hits.first().map(|h| index.destination(h.dest).title(&library)), Some("Jensen Huang"));
    let all = search::search(&index, &Query::parse("huang"), 50);
    assert!(all.counts.iter().any(|&(c, n)| c == Category::Sentence && n > 3), "{:?}", all.counts);
    let both = search::search(&index, &Query::parse("@chip @company nvidia"), 50);
    assert!(both.hits.iter().all(|h| matches!(index.category(h.dest), Category::Entity(Kind::Chip | Kind::Company))));
}

#[test]
fn one_result_per_entity() {
    let library = bundled();
    let ids = entity_ids(&library, "huang");
    assert_eq!(ids.iter().filter(|id| *id == "jensen-huang").count(), 1, "{ids:?}");
}

#[test]
fn order_is_deterministic_and_a_session_agrees_with_a_fresh_search() {
    let library = bundled();
    let index = Index::new(&library);
    let mut session = search::Session::default();
    for prefix in ["c", "ch", "chi", "chin", "china", "china n", "china nv", "china !nv"] {
        let kept = session.search(&index, &Query::parse(prefix), 100);
        let fresh = search::search(&index, &Query::parse(prefix), 100);
        assert_eq!(kept.hits, fresh.hits, "the session changed the results of {prefix:?}");
        assert_eq!(kept.total, fresh.total);
    }
}

#[test]
fn sentences_lead_to_their_place_and_highlight_as_written() {
    let library = bundled();
    let index = Index::new(&library);
    let query = Query::parse("@sentence formidable");
    let results = search::search(&index, &query, 5);
    let hit = results.hits.first().expect("a sentence with formidable");
    let Destination::Sentence(b, p, range) = index.destination(hit.dest) else { panic!("not a sentence") };
    let text = &library.briefing(*b).paragraphs[*p].text[range.clone()];
    assert!(text.contains("formidable"));
    let found = search::matches(&index, hit.dest, &query);
    let chars: Vec<char> = text.chars().collect();
    let matched: String = found[0].positions().iter().map(|&i| chars[i]).collect();
    assert_eq!((found[0].field, matched.as_str()), (Field::Sentence, "formidable"));
}

#[test]
fn highlights_stay_on_the_original_characters() {
    let library = bundled();
    let index = Index::new(&library);
    let query = Query::parse("vice premier");
    let hit = search::search(&index, &query, 1).hits[0];
    let role = search::matches(&index, hit.dest, &query).into_iter().find(|m| m.field == Field::Role).expect("role");
    let text = role.text.joined();
    let chars: Vec<char> = text.chars().collect();
    let matched: String = role.positions().iter().map(|&i| chars[i]).collect();
    assert_eq!((text.as_ref(), matched.as_str()), ("Vice-Premier of China", "VicePremier"));
}
