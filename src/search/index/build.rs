//! Building the index: each core cuts its share of the destinations into words with a
//! vocabulary of its own, then the shares are merged into one sorted vocabulary and the
//! postings laid out word by word with a counting sort (no per-word allocations).

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::{Frequent, Index, Piece, Posting, Postings, Tables, Vocab};
use crate::library::Library;
use crate::library::parallel;
use crate::search::fold::char_mask;
use crate::search::source::{Destination, EventsOf, Field, destinations, for_each_text};
use crate::search::words::{WordBuffers, each_word};

/// Title lengths are capped here: beyond it, shorter no longer means a better match.
const MAX_TITLE: usize = u16::MAX as usize;

/// What one core made of its share of the destinations.
#[derive(Default)]
struct Share {
    words: Vec<String>,
    ids: FxHashMap<String, u32>,
    pieces: Vec<Piece>,
    /// Each piece's first token; tokens run to the next piece's.
    piece_tokens: Vec<u32>,
    token_word: Vec<u32>,
    token_at: Vec<u16>,
    /// Each token's text, numbered within its destination.
    token_local: Vec<u16>,
    first_piece: Vec<u32>,
    title_len: Vec<u16>,
    /// (local piece, folded text, initials' characters) of every name and alias.
    names: Vec<(u32, String, u64)>,
    scratch: Vec<(u32, u16)>,
    buffers: WordBuffers,
    /// (initials, local piece) of names and aliases of two words or more.
    initials: Vec<(String, u32)>,
}

impl Share {
    fn word_id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.words.len() as u32;
        self.words.push(word.to_string());
        self.ids.insert(word.to_string(), id);
        id
    }

    fn add_piece(&mut self, dest: u32, field: Field, text: &str) {
        let local = self.pieces.len() as u32;
        self.piece_tokens.push(self.token_word.len() as u32);
        let in_dest = local - self.first_piece.last().copied().unwrap_or(0);
        let mut tokens = std::mem::take(&mut self.scratch);
        let mut initials = String::new();
        let mut previous: Option<u16> = None;
        let mut buffers = std::mem::take(&mut self.buffers);
        let letters = each_word(text, &mut buffers, |word, pos, last| {
            tokens.push((self.word_id(word), (pos.min(u16::MAX >> 1) << 1) | u16::from(last)));
            if previous.is_none_or(|p| pos > p) {
                initials.extend(word.chars().next());
                previous = Some(pos);
            }
        });
        self.buffers = buffers;
        self.pieces.push(Piece { dest, field, letters: letters.min(u16::MAX as usize) as u16 });
        tokens.sort_unstable();
        tokens.dedup_by(|later, first| {
            let same = later.0 == first.0;
            first.1 |= later.1 & 1 & u16::from(same);
            same
        });
        for &(w, at) in &tokens {
            self.token_word.push(w);
            self.token_at.push(at);
            self.token_local.push(in_dest.min(u16::MAX as u32) as u16);
        }
        tokens.clear();
        self.scratch = tokens;
        if field.is_name() {
            self.names.push((local, crate::library::text::fold(text), char_mask(&initials)));
            if initials.chars().count() >= 2 {
                self.initials.push((initials, local));
            }
        }
    }
}

/// Cuts the destinations `range` into pieces and words.
fn share(library: &Library, events: &EventsOf, dests: &[Destination], range: Range<usize>) -> Share {
    let mut out = Share::default();
    for d in range {
        out.first_piece.push(out.pieces.len() as u32);
        let dest = &dests[d];
        out.title_len.push(dest.title(library).chars().count().min(MAX_TITLE) as u16);
        for_each_text(library, events, dest, |field, text| out.add_piece(d as u32, field, &text.joined()));
    }
    out.piece_tokens.push(out.token_word.len() as u32);
    out
}

/// Builds the index of `library`.
pub(super) fn build(library: &Library) -> Index<'_> {
    let events = EventsOf::new(library);
    let dests = destinations(library);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let workers = if dests.len() < 20_000 { 1 } else { cores };
    let chunk = dests.len().div_ceil(workers).max(1);
    let ranges: Vec<Range<usize>> = (0..workers).map(|w| w * chunk..((w + 1) * chunk).min(dests.len())).collect();
    let shares = parallel::map(ranges, |r| share(library, &events, &dests, r));
    let (vocab, maps) = merge_vocab(&shares);
    let categories = dests.iter().map(|d| d.category(library)).collect();
    let mut index = Index {
        library,
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
            let tokens = share.piece_tokens[p] as usize..share.piece_tokens[p + 1] as usize;
            for t in tokens {
                let word = map[share.token_word[t] as usize] as usize;
                let at = share.token_at[t];
                let local = usize::from(share.token_local[t]);
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
