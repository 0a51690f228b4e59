//! The ranking rules, on the bundled library and on a small fixture of look-alike names.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture or pty")]

use std::path::Path;

use briefing::library::{self, Library, Options};
use briefing::search::{self, Category, Destination, Index, Query};

fn bundled() -> Library {
    library::bundled::load(Options::default()).expect("bundled library loads").library
}

fn fixture() -> Library {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/search");
    library::load_dir(&dir, Options::default()).expect("search fixture loads").library
}

/// The ids of the entity results of `query`, best first.
fn entity_ids(library: &Library, query: &str) -> Vec<String> {
    let index = Index::new(library);
    let results = search::search(&index, &Query::parse(query), 50);
    results
        .hits
        .iter()
        .filter_map(|hit| match index.candidate(hit).destination {
            Destination::Entity(id) => Some(library.entity(id).id.clone()),
            _ => None,
        })
        .collect()
}

fn first(library: &Library, query: &str) -> String {
    entity_ids(library, query).into_iter().next().unwrap_or_default()
}

#[test]
fn initials_find_people_and_companies() {
    assert_eq!(first(&bundled(), "jh"), "jensen-huang");
    let fixture = fixture();
    let amd = entity_ids(&fixture, "amd");
    assert_eq!(amd[0], "amd", "exact name first: {amd:?}");
    let initials = amd.iter().position(|id| id == "advanced-materials-design").expect("initials match");
    let amara = amd.iter().position(|id| id == "amara-mendes");
    assert!(amara.is_none_or(|a| initials < a), "initials before fuzzy: {amd:?}");
    assert!(!amd.contains(&"amazon".to_string()), "amazon has no d: {amd:?}");
}

#[test]
fn amd_ranks_before_amazon_on_a_shared_prefix() {
    let fixture = fixture();
    let am = entity_ids(&fixture, "am");
    let amd = am.iter().position(|id| id == "amd").expect("amd matches am");
    let amazon = am.iter().position(|id| id == "amazon").expect("amazon matches am");
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
fn accents_fold_both_ways() {
    let fixture = fixture();
    assert_eq!(first(&fixture, "jose"), "jose-muller");
    assert_eq!(first(&fixture, "muller"), "jose-muller");
    assert_eq!(first(&fixture, "müller"), "jose-muller");
    assert_eq!(first(&fixture, "zurich"), "zurich");
}

#[test]
fn smart_case_respects_capitals() {
    let fixture = fixture();
    assert_eq!(first(&fixture, "José"), "jose-muller");
    assert!(entity_ids(&fixture, "JOSÉ").is_empty(), "capitals make the query case-sensitive");
    assert_eq!(first(&fixture, "jOse").as_str(), "", "mixed case must match exactly");
}

#[test]
fn native_script_names_match() {
    assert_eq!(first(&bundled(), "梁文"), "liang-wenfeng");
    assert_eq!(first(&bundled(), "黄仁勋"), "jensen-huang");
    assert_eq!(first(&fixture(), "王"), "wang-wei");
}

#[test]
fn kind_filters_narrow_and_count() {
    let library = bundled();
    let index = Index::new(&library);
    let figures = search::search(&index, &Query::parse("@figure"), 50);
    let all_figures = library.entities.iter().filter(|e| e.kind == library::Kind::Figure).count();
    assert_eq!(figures.total, all_figures, "every figure of the archive");
    assert!(figures.hits.iter().all(|h| index.candidate(h).category == Category::Entity(library::Kind::Figure)));
    let billions = search::search(&index, &Query::parse("@figure billion"), 50);
    let names: Vec<&str> = billions
        .hits
        .iter()
        .map(|h| match index.candidate(h).destination {
            Destination::Entity(id) => library.entity(id).name.as_str(),
            _ => "",
        })
        .collect();
    assert!(names.contains(&"$17 billion") && names.contains(&"$5.5 billion"), "{names:?}");
    assert!(names.iter().all(|n| n.contains("billion")), "only figures in billions: {names:?}");
    let huang = search::search(&index, &Query::parse("@person huang"), 50);
    assert_eq!(huang.total, 1);
    let all = search::search(&index, &Query::parse("huang"), 50);
    let person = all.counts.iter().find(|(c, _)| *c == Category::Entity(library::Kind::Person)).map(|&(_, n)| n);
    assert_eq!(person, Some(1), "counts per kind: {:?}", all.counts);
    assert!(all.counts.iter().any(|&(c, n)| c == Category::Sentence && n > 3));
}

#[test]
fn one_result_per_entity() {
    let library = bundled();
    let ids = entity_ids(&library, "huang");
    assert_eq!(ids.iter().filter(|id| *id == "jensen-huang").count(), 1, "{ids:?}");
}

#[test]
fn order_is_deterministic_and_narrowing_agrees_with_a_fresh_search() {
    let library = bundled();
    let index = Index::new(&library);
    let mut session = search::Session::default();
    for prefix in ["c", "ch", "chi", "chin", "china"] {
        let narrowed = session.search(&index, &Query::parse(prefix), 100);
        let fresh = search::search(&index, &Query::parse(prefix), 100);
        assert_eq!(narrowed.hits, fresh.hits, "narrowing changed the results of {prefix:?}");
        assert_eq!(narrowed.total, fresh.total);
    }
}

#[test]
fn sentences_lead_to_their_place() {
    let library = bundled();
    let index = Index::new(&library);
    let results = search::search(&index, &Query::parse("@sentence formidable"), 5);
    let hit = results.hits.first().expect("a sentence with formidable");
    let Destination::Sentence(b, p, range) = &index.candidate(hit).destination else { panic!("not a sentence") };
    assert!(library.briefing(*b).paragraphs[*p].text[range.clone()].contains("formidable"));
    let positions = index.positions(hit, &Query::parse("formidable"));
    let text: Vec<char> = index.candidate(hit).text.chars().collect();
    let matched: String = positions.iter().map(|&i| text[i]).collect();
    assert_eq!(matched, "formidable");
}
