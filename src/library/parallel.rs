//! Spreading independent work over the machine's cores: reading and parsing files,
//! resolving them, linking briefings, scanning search candidates. Every fan-out goes
//! through here, so how work is shared out, ordered and joined is decided in one place:
//! [`map`] when the caller just wants the results, [`in_order`] when it consumes them as
//! they come.

use std::collections::BTreeMap;
use std::sync::mpsc;
use std::thread;

/// Runs `work` on every item, on one worker per core (fewer for few items), and hands each
/// result to `take` on the calling thread in item order, as soon as it and all before it
/// are done: the caller consumes while the workers go on (the loader declares each file
/// while the next ones are read and parsed). Items are moved to the workers,
/// so they may be owned values that each worker consumes and drops.
///
/// With one core or one item, everything runs on the calling thread.
pub(crate) fn in_order<T, R, I>(items: I, work: impl Fn(T) -> R + Sync, mut take: impl FnMut(usize, R))
where
    T: Send,
    R: Send,
    I: IntoIterator<Item = T>,
    I::IntoIter: ExactSizeIterator,
{
    let items = items.into_iter();
    let workers = workers_for(items.len());
    if workers < 2 {
        items.enumerate().for_each(|(i, item)| take(i, work(item)));
        return;
    }
    let shares = interleaved(items, workers);
    let (done, results) = mpsc::channel();
    thread::scope(|scope| {
        for share in shares {
            let (done, work) = (done.clone(), &work);
            scope.spawn(move || {
                for (i, item) in share {
                    if done.send((i, work(item))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(done);
        reorder(results, take);
    });
}

/// `work` applied to every item, results in item order, on one worker per core (fewer for
/// few items). Items are moved to the workers, so they may be owned values that each worker
/// consumes and drops.
///
/// Each worker takes one contiguous share and keeps its results until the end; the calling
/// thread only waits. When the caller has nothing to do meanwhile this beats [`in_order`]:
/// on two cores, waking the caller for every result measurably slowed resolving a large
/// library.
pub(crate) fn map<T, R, I>(items: I, work: impl Fn(T) -> R + Sync) -> Vec<R>
where
    T: Send,
    R: Send,
    I: IntoIterator<Item = T>,
    I::IntoIter: ExactSizeIterator,
{
    let items = items.into_iter();
    let workers = workers_for(items.len());
    if workers < 2 {
        return items.map(work).collect();
    }
    let shares = contiguous(items, workers);
    let work = &work;
    thread::scope(|scope| {
        let handles: Vec<_> = shares
            .into_iter()
            .map(|share| scope.spawn(move || share.into_iter().map(work).collect::<Vec<R>>()))
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    })
}

/// One worker per core, but no more workers than items.
fn workers_for(items: usize) -> usize {
    let cores = thread::available_parallelism().map_or(1, |n| n.get());
    cores.min(items).max(1)
}

/// Splits the items into `workers` runs of nearly equal length, in order.
fn contiguous<T>(items: impl ExactSizeIterator<Item = T>, workers: usize) -> Vec<Vec<T>> {
    let share = items.len().div_ceil(workers);
    let mut shares: Vec<Vec<T>> = Vec::with_capacity(workers);
    for (i, item) in items.enumerate() {
        if i % share == 0 {
            shares.push(Vec::with_capacity(share));
        }
        if let Some(last) = shares.last_mut() {
            last.push(item);
        }
    }
    shares
}

/// Deals the items out like cards, with their positions: worker `w` gets items `w`,
/// `w + workers`, …, so results arrive close to item order and no worker is left with all
/// the heavy files at the end.
fn interleaved<T>(items: impl Iterator<Item = T>, workers: usize) -> Vec<Vec<(usize, T)>> {
    let mut shares: Vec<Vec<(usize, T)>> = (0..workers).map(|_| Vec::new()).collect();
    for (i, item) in items.enumerate() {
        shares[i % workers].push((i, item));
    }
    shares
}

/// Passes results to `take` in position order as they come in, holding back any that
/// arrive before their predecessors.
fn reorder<R>(results: mpsc::Receiver<(usize, R)>, mut take: impl FnMut(usize, R)) {
    let mut waiting: BTreeMap<usize, R> = BTreeMap::new();
    let mut next = 0;
    for (i, result) in results {
        waiting.insert(i, result);
        while let Some(result) = waiting.remove(&next) {
            take(next, result);
            next += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_item_order() {
        for n in [1, 2, 3, 999, 1000] {
            let squares = map((0..n).collect::<Vec<u64>>(), |n| n * n);
            assert_eq!(squares, (0..n).map(|n| n * n).collect::<Vec<_>>());
        }
        let mut seen = Vec::new();
        in_order(["a", "b", "c"].iter(), |s| s.len(), |i, n| seen.push((i, n)));
        assert_eq!(seen, [(0, 1), (1, 1), (2, 1)]);
        assert!(map(Vec::<u8>::new(), |n| n).is_empty());
    }

    #[test]
    fn owned_items_move_to_the_workers() {
        let texts: Vec<String> = (0..10).map(|n| n.to_string()).collect();
        assert_eq!(map(texts, |text| text + "!")[9], "9!");
    }
}
