//! Building the index: each core cuts its share of the destinations into words with a
//! vocabulary of its own, then the shares are merged into one sorted vocabulary and the
//! postings laid out word by word with a counting sort (no per-word allocations). An
//! index of one query's words ([`Words::Matching`]) passes over the words, and the texts,
//! that none of its terms can match.

use std::ops::{Range, RangeInclusive};

use indexmap::IndexSet;
use memchr::memmem;
use rustc_hash::{FxBuildHasher, FxHashMap};

use super::{Frequent, Index, Piece, Posting, Postings, Tables, Vocab};
use crate::library::Library;
use crate::library::parallel;
use crate::search::fold::char_mask;
use crate::search::mark::{MIN_TYPO, loose};
use crate::search::query::Query;
use crate::search::source::{Destination, EventsOf, Field, destinations, for_each_text};
use crate::search::words::{WordBuffers, each_word, run_together};

/// From this many destinations on, the texts are cut into words on every core (in unit
/// tests, from two, so that shares are merged there too).
const SPLIT_FROM: usize = if cfg!(test) { 2 } else { 20_000 };

/// Title lengths are capped here: beyond it, shorter no longer means a better match.
const MAX_TITLE: usize = u16::MAX as usize;

/// Which words are indexed: every one, or only those one query can match. Its terms are
/// looked up by the words they start or are inside of, so those are the words that hold a
/// term; and in names and aliases also by initials and scattered letters (read from tables
/// of whole names, not from the words) and by one typo, which a word of a term's length,
/// give or take a letter, may be.
pub(super) enum Words {
    All,
    Matching(Vec<TermWords>),
}

/// What words one term of a query can match.
pub(super) struct TermWords {
    /// Finds the term (folded) in a word.
    finder: memmem::Finder<'static>,
    /// The lengths in characters of the name words it may be one typo away from, when it
    /// matches by typos (as `lookup::one_typo` looks them up).
    typo_lengths: Option<RangeInclusive<usize>>,
}

impl Words {
    /// The words `query` can match, its excluded terms included.
    pub(super) fn of(query: &Query) -> Words {
        let terms = query.terms().chain(&query.excluded).map(|term| TermWords {
            finder: memmem::Finder::new(term.folded.as_bytes()).into_owned(),
            typo_lengths: (loose(term) && term.len() >= MIN_TYPO).then(|| term.len() - 1..=term.len() + 1),
        });
        Words::Matching(terms.collect())
    }

    /// How many letters a text of `field` has when it holds no word to index, without
    /// cutting it into words: its words run together ([`run_together`], into `line`) hold
    /// no term. `None` when it may hold one, and always in names, whose initials and
    /// folded text are kept whatever their words.
    fn passed_over(&self, field: Field, text: &str, line: &mut Vec<u8>) -> Option<usize> {
        let Words::Matching(terms) = self else { return None };
        if field.is_name() {
            return None;
        }
        let letters = run_together(text, line);
        (!terms.iter().any(|t| t.finder.find(line).is_some())).then_some(letters)
    }

    /// Whether `word`, in a text of `field`, is indexed.
    fn admits(&self, field: Field, word: &str) -> bool {
        let Words::Matching(terms) = self else { return true };
        terms.iter().any(|t| {
            t.finder.find(word.as_bytes()).is_some()
                || field.is_name()
                    && t.typo_lengths.as_ref().is_some_and(|lengths| lengths.contains(&word.chars().count()))
        })
    }
}

/// What one core made of its share of the destinations.
#[derive(Default)]
struct Share {
    /// Its vocabulary: each word once, numbered in the order first met.
    words: IndexSet<String, FxBuildHasher>,
    pieces: Vec<Piece>,
    /// Each piece's first token; tokens run to the next piece's.
    piece_tokens: Vec<u32>,
    /// Each piece's place among its destination's texts.
    piece_local: Vec<u16>,
    token_word: Vec<u32>,
    token_at: Vec<u16>,
    first_piece: Vec<u32>,
    title_len: Vec<u16>,
    /// (local piece, folded text, initials' characters) of every name and alias.
    names: Vec<(u32, String, u64)>,
    scratch: Vec<(u32, u16)>,
    buffers: WordBuffers,
    /// A text's words run together, for [`Words::passed_over`].
    line: Vec<u8>,
    /// (initials, local piece) of names and aliases of two words or more.
    initials: Vec<(String, u32)>,
}

impl Share {
    fn word_id(&mut self, word: &str) -> u32 {
        match self.words.get_index_of(word) {
            Some(id) => id as u32,
            None => self.words.insert_full(word.to_string()).0 as u32,
        }
    }

    fn add_piece(&mut self, dest: u32, field: Field, text: &str, words: &Words) {
        self.piece_tokens.push(self.token_word.len() as u32);
        let in_dest = self.pieces.len() - self.first_piece.last().map_or(0, |&p| p as usize);
        self.piece_local.push(in_dest.min(usize::from(u16::MAX)) as u16);
        let letters = match words.passed_over(field, text, &mut self.line) {
            Some(letters) => letters,
            None => self.add_words(field, text, words),
        };
        self.pieces.push(Piece { dest, field, letters: letters.min(u16::MAX as usize) as u16 });
    }

    /// Indexes the words of the piece being added (those `words` admits); returns how many
    /// letters and digits it has.
    fn add_words(&mut self, field: Field, text: &str, words: &Words) -> usize {
        let local = self.pieces.len() as u32;
        let mut tokens = std::mem::take(&mut self.scratch);
        let mut initials = String::new();
        let mut previous: Option<u16> = None;
        let mut buffers = std::mem::take(&mut self.buffers);
        let letters = each_word(text, &mut buffers, |word, pos, last| {
            if words.admits(field, word) {
                tokens.push((self.word_id(word), (pos.min(u16::MAX >> 1) << 1) | u16::from(last)));
            }
            if previous.is_none_or(|p| pos > p) {
                initials.extend(word.chars().next());
                previous = Some(pos);
            }
        });
        self.buffers = buffers;
        tokens.sort_unstable();
        tokens.dedup_by(|later, first| {
            let same = later.0 == first.0;
            first.1 |= later.1 & 1 & u16::from(same);
            same
        });
        for &(w, at) in &tokens {
            self.token_word.push(w);
            self.token_at.push(at);
        }
        tokens.clear();
        self.scratch = tokens;
        if field.is_name() {
            self.names.push((local, crate::library::text::fold(text), char_mask(&initials)));
            if initials.chars().count() >= 2 {
                self.initials.push((initials, local));
            }
        }
        letters
    }
}

/// Cuts the destinations `range` into pieces and words.
fn share(library: &Library, events: &EventsOf, dests: &[Destination], range: Range<usize>, words: &Words) -> Share {
    let mut out = Share::default();
    let mut joined = String::new();
    for d in range {
        out.first_piece.push(out.pieces.len() as u32);
        let dest = &dests[d];
        out.title_len.push(dest.title(library).chars().count().min(MAX_TITLE) as u16);
        for_each_text(library, events, dest, |field, text| {
            out.add_piece(d as u32, field, text.joined_in(&mut joined), words);
        });
    }
    out.piece_tokens.push(out.token_word.len() as u32);
    out
}

/// Builds the index of `library`, of the words `words`.
pub(super) fn build<'l>(library: &'l Library, words: &Words) -> Index<'l> {
    let events = EventsOf::new(library);
    let dests = destinations(library);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let workers = if dests.len() < SPLIT_FROM { 1 } else { cores };
    let ranges = runs_of_equal_text(library, &events, &dests, workers);
    let shares = parallel::map(ranges, |r| share(library, &events, &dests, r, words));
    let (vocab, maps) = merge_vocab(&shares);
    let categories = dests.iter().map(|d| d.category(library)).collect();
    let mut index = Index {
        library,
        whole: matches!(words, Words::All),
        tables: Tables {
            events,
            categories,
            dests,
            title_len: Vec::new(),
            first_piece: Vec::new(),
            pieces: Vec::new(),
            postings: Postings::default(),
            vocab,
            initials: Vocab::default(),
            initial_pieces: Vec::new(),
            names: Vocab::default(),
            name_pieces: Vec::new(),
            name_masks: Vec::new(),
            name_initials: Vec::new(),
            name_words_by_len: FxHashMap::default(),
            frequent: Frequent::default(),
        },
    };
    index.tables.postings = lay_out(&shares, &maps, index.tables.vocab.len());
    join_shares(&mut index, shares);
    index.tables.name_words_by_len = name_words_by_len(&index);
    index
}

/// Cuts the destinations into `workers` runs with about as much text each. Runs of as
/// many destinations would not do: the entities come first and the sentences, which hold
/// most of a library's text, after them, so one core would get twice the text of the other.
fn runs_of_equal_text(
    library: &Library,
    events: &EventsOf,
    dests: &[Destination],
    workers: usize,
) -> Vec<Range<usize>> {
    if workers < 2 {
        return std::iter::once(0..dests.len()).collect();
    }
    let mut ends = Vec::with_capacity(dests.len());
    let mut total = 0usize;
    for dest in dests {
        for_each_text(library, events, dest, |_, text| total += text.lead.len() + text.rest.len() + 1);
        ends.push(total);
    }
    let mut start = 0;
    (1..=workers)
        .map(|w| {
            let end = if w == workers { dests.len() } else { ends.partition_point(|&e| e <= total * w / workers) };
            let run = start..end.max(start);
            start = run.end;
            run
        })
        .collect()
}

/// One sorted vocabulary from the shares', and for each share its word ids in it.
fn merge_vocab(shares: &[Share]) -> (Vocab, Vec<Vec<u32>>) {
    let mut all: Vec<&str> = shares.iter().flat_map(|s| s.words.iter().map(String::as_str)).collect();
    all.sort_unstable();
    all.dedup();
    let ids: FxHashMap<&str, u32> = all.iter().enumerate().map(|(i, &w)| (w, i as u32)).collect();
    let maps =
        shares.iter().map(|s| s.words.iter().map(|w| ids.get(w.as_str()).copied().unwrap_or(0)).collect()).collect();
    (vocab_of(all.into_iter()), maps)
}

fn vocab_of<'a>(sorted: impl Iterator<Item = &'a str>) -> Vocab {
    let mut vocab = Vocab::default();
    for word in sorted {
        vocab.starts.push(vocab.arena.len() as u32);
        vocab.arena.push_str(word);
        vocab.arena.push('\n');
    }
    vocab
}

/// Calls `f(word, class, posting)` for every token of every share, pieces numbered
/// globally; class 0 is names and aliases.
fn each_token(shares: &[Share], maps: &[Vec<u32>], mut f: impl FnMut(usize, usize, Posting)) {
    for (share, map) in shares.iter().zip(maps) {
        for (p, piece) in share.pieces.iter().enumerate() {
            let class = usize::from(!piece.field.is_name());
            let local = usize::from(share.piece_local[p]);
            let tokens = share.piece_tokens[p] as usize..share.piece_tokens[p + 1] as usize;
            for t in tokens {
                let word = map[share.token_word[t] as usize] as usize;
                let at = share.token_at[t];
                f(word, class, Posting::new(piece.dest, local, piece.field, at >> 1, at & 1 == 1));
            }
        }
    }
}

/// The postings of every word, names first, each list in piece order.
fn lay_out(shares: &[Share], maps: &[Vec<u32>], words: usize) -> Postings {
    let mut counts = vec![[0u32; 2]; words];
    each_token(shares, maps, |w, class, _| counts[w][class] += 1);
    let (mut offsets, mut split) = (Vec::with_capacity(words + 1), Vec::with_capacity(words));
    let mut next = vec![[0u32; 2]; words];
    let mut total = 0u32;
    for (w, [names, others]) in counts.iter().enumerate() {
        offsets.push(total);
        split.push(total + names);
        next[w] = [total, total + names];
        total += names + others;
    }
    offsets.push(total);
    let mut list = vec![Posting::new(0, 0, Field::Name, 0, false); total as usize];
    each_token(shares, maps, |w, class, posting| {
        list[next[w][class] as usize] = posting;
        next[w][class] += 1;
    });
    Postings::new(offsets, split, list)
}

/// Appends the shares' pieces, destinations and name tables to the index.
fn join_shares(index: &mut Index<'_>, shares: Vec<Share>) {
    let mut initials: Vec<(String, u32)> = Vec::new();
    let mut names: Vec<(u32, String, u64)> = Vec::new();
    for share in shares {
        let base = index.tables.pieces.len() as u32;
        index.tables.first_piece.extend(share.first_piece.iter().map(|p| p + base));
        index.tables.title_len.extend(share.title_len);
        index.tables.pieces.extend(share.pieces);
        initials.extend(share.initials.into_iter().map(|(i, p)| (i, p + base)));
        names.extend(share.names.into_iter().map(|(p, n, i)| (p + base, n, i)));
    }
    index.tables.first_piece.push(index.tables.pieces.len() as u32);
    initials.sort_unstable();
    let mut grouped: Vec<(&str, Vec<u32>)> = Vec::new();
    for (text, piece) in &initials {
        match grouped.last_mut() {
            Some((last, pieces)) if last == text => pieces.push(*piece),
            _ => grouped.push((text, vec![*piece])),
        }
    }
    index.tables.initials = vocab_of(grouped.iter().map(|(t, _)| *t));
    index.tables.initial_pieces = grouped.into_iter().map(|(_, p)| p).collect();
    index.tables.name_masks = names.iter().map(|(_, n, _)| char_mask(n)).collect();
    index.tables.name_initials = names.iter().map(|&(_, _, i)| i).collect();
    index.tables.name_pieces = names.iter().map(|&(p, _, _)| p).collect();
    let mut arena = Vocab::default();
    for (_, name, _) in &names {
        arena.starts.push(arena.arena.len() as u32);
        arena.arena.push_str(name);
        arena.arena.push('\n');
    }
    index.tables.names = arena;
}

/// Words that occur in a name or alias with their character sets, grouped by their length
/// in characters.
fn name_words_by_len(index: &Index<'_>) -> FxHashMap<usize, Vec<(u32, u64)>> {
    let mut out: FxHashMap<usize, Vec<(u32, u64)>> = FxHashMap::default();
    for w in 0..index.tables.vocab.len() {
        if !index.tables.postings.names(w).is_empty() {
            let word = index.tables.vocab.word(w);
            out.entry(word.chars().count()).or_default().push((w as u32, char_mask(word)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{Options, bundled};
    use crate::search::{STORED, Session};

    /// Queries of every kind made from the library's own words: whole, their starts and
    /// insides, a letter dropped or swapped, capitalised, with each operator, two at once.
    fn queries(index: &Index<'_>) -> Vec<String> {
        let vocab = &index.tables.vocab;
        let step = (vocab.len() / 60).max(1);
        let sample: Vec<&str> = (0..vocab.len()).step_by(step).map(|w| vocab.word(w)).collect();
        let mut out: Vec<String> = Vec::new();
        for (i, &word) in sample.iter().enumerate() {
            let chars: Vec<char> = word.chars().collect();
            let other = sample[(i * 7 + 3) % sample.len()];
            let part =
                |from: usize, to: usize| chars[from.min(chars.len())..to.min(chars.len())].iter().collect::<String>();
            let mut swapped = chars.clone();
            if swapped.len() > 3 {
                swapped.swap(1, 2);
            }
            let capital: String =
                chars.first().map(|c| c.to_uppercase().chain(chars[1..].iter().copied()).collect()).unwrap_or_default();
            out.extend([
                word.to_string(),
                part(0, 2),
                part(0, 3),
                part(1, 4),
                part(1, chars.len()),
                format!("{}{}", part(0, 2), part(3, chars.len())),
                swapped.iter().collect(),
                capital,
                format!("^{}", part(0, 3)),
                format!("{}$", part(1, chars.len())),
                format!("'{word}"),
                format!("{word} {other}"),
                format!("{} | {other}", part(0, 3)),
                format!("{} !{other}", part(0, 2)),
                format!("@person {}", part(0, 3)),
            ]);
        }
        let fixed = [
            "vice premier",
            "u.s.",
            "us",
            "huangs",
            "eclair",
            "jenson",
            "dpsk",
            "jh",
            "amd",
            "nvidia ceo",
            "h20",
            "@company",
        ];
        out.extend(fixed.map(String::from));
        out
    }

    /// An index of one query's words answers that query hit for hit, with the same counts,
    /// as the index of every word: for queries of every kind, on two cores' shares.
    #[test]
    fn an_index_of_one_querys_words_answers_it_as_the_whole_index() {
        let library = bundled::load(Options::default()).unwrap().library;
        let whole = Index::words_only(&library);
        let queries = queries(&whole);
        assert!(queries.len() > 500, "{} queries", queries.len());
        let mut compared = 0;
        for text in &queries {
            let query = Query::parse(text);
            let partial = Index::for_query(&library, &query);
            assert!(!partial.whole && partial.tables().is_none(), "never kept");
            assert!(partial.postings() <= whole.postings());
            for limit in [3, STORED] {
                let a = Session::default().search(&partial, &query, limit);
                let b = Session { computing: true, ..Session::default() }.search(&whole, &query, limit);
                assert_eq!((&a.hits, a.total, &a.counts), (&b.hits, b.total, &b.counts), "{text:?}, limit {limit}");
                compared += usize::from(a.total > 0);
            }
        }
        assert!(compared > 400, "the queries find things: {compared}");
    }

    #[test]
    fn an_index_of_one_querys_words_holds_only_a_part_of_them() {
        let library = bundled::load(Options::default()).unwrap().library;
        let whole = Index::words_only(&library);
        let partial = Index::for_query(&library, &Query::parse("huang"));
        assert!(partial.postings() * 10 < whole.postings(), "{} of {}", partial.postings(), whole.postings());
        let mut partial = partial;
        partial.store_answers();
        assert!(partial.tables.frequent.terms.is_empty(), "it stores no answers");
    }

    /// Each core gets one run of destinations, in order, together all of them, with about
    /// as much text as the other.
    #[test]
    fn runs_of_equal_text_cover_every_destination_once() {
        let library = bundled::load(Options::default()).unwrap().library;
        let events = EventsOf::new(&library);
        let dests = destinations(&library);
        let text_of = |dest: &Destination| {
            let mut total = 0;
            for_each_text(&library, &events, dest, |_, text| total += text.lead.len() + text.rest.len() + 1);
            total
        };
        let bytes = |run: &Range<usize>| dests[run.clone()].iter().map(text_of).sum::<usize>();
        let largest = dests.iter().map(text_of).max().unwrap_or(0);
        for workers in [1, 2, 3, 8] {
            let runs = runs_of_equal_text(&library, &events, &dests, workers);
            assert_eq!(runs.len(), workers);
            assert_eq!(runs.first().map(|r| r.start), Some(0));
            assert_eq!(runs.last().map(|r| r.end), Some(dests.len()));
            assert!(runs.windows(2).all(|w| w[0].end == w[1].start), "{runs:?}");
            let sizes: Vec<usize> = runs.iter().map(bytes).collect();
            let (least, most) = (sizes.iter().min().copied().unwrap_or(0), sizes.iter().max().copied().unwrap_or(0));
            assert!(most - least <= 2 * largest, "{workers} runs: {sizes:?}, the largest destination {largest}");
        }
    }
}
