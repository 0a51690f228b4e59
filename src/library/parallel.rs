//! Spreading independent work over the machine's cores: parsing files, linking briefings.

use std::thread;

/// `work` applied to every item, in order, on all cores when there are several items.
pub(crate) fn in_parallel<'a, T: Sync, R: Send>(items: &'a [T], work: impl Fn(&'a T) -> R + Sync) -> Vec<R> {
    let workers = thread::available_parallelism().map_or(1, |n| n.get());
    if items.len() < 2 || workers < 2 {
        return items.iter().map(work).collect();
    }
    let chunk = items.len().div_ceil(workers);
    let work = &work;
    thread::scope(|scope| {
        let handles: Vec<_> =
            items.chunks(chunk).map(|part| scope.spawn(move || part.iter().map(work).collect::<Vec<_>>())).collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    })
}
