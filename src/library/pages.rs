//! Memory pages for a load from the JSON. Parsing a large library fills gigabytes of fresh
//! memory once; the allocator asks the kernel for transparent huge pages, and on a machine
//! whose memory is fragmented (any machine that has run for a while with a large page cache)
//! each huge page can stall on the kernel compacting memory to find two megabytes in one
//! piece. The load is then slower, and slower per entity the larger the library is. Small
//! pages cost a fault every 4 KB, the same for every library. So a large load runs with huge
//! pages turned off for the process, and they are turned back on for what comes after it
//! (a warm start's tables, the search's working table), which profits from them. A small
//! load keeps them: it asks for a few dozen, which the kernel has at hand, and a fault every
//! 4 KB was a fifth of its time (measured in `docs/benchmarks.md`).

use std::sync::{Mutex, PoisonError};

/// Loads running now, and whether huge pages are to be turned back on when the last ends
/// (not when they were off before the first began, by the allocator's option or a parent).
struct Loads {
    running: usize,
    turn_back_on: bool,
}

static LOADS: Mutex<Loads> = Mutex::new(Loads { running: 0, turn_back_on: false });

/// Loads of more JSON than this run on small pages: at 100k entities (92 MB) huge pages
/// made a load a fifth faster, at 300k (280 MB) and beyond slower.
const HUGE_PAGES_UP_TO: u64 = 128 << 20;

/// Runs `load`, a load of `bytes` of JSON, on the pages that suit its size.
pub(crate) fn for_load<T>(bytes: u64, load: impl FnOnce() -> T) -> T {
    if large(bytes) { without_huge_pages(load) } else { load() }
}

/// Whether a load of `bytes` of JSON is large enough to run on small pages.
pub(crate) fn large(bytes: u64) -> bool {
    bytes > HUGE_PAGES_UP_TO
}

/// Runs `load` with transparent huge pages off for the process; several loads at once
/// share one such stretch.
pub(crate) fn without_huge_pages<T>(load: impl FnOnce() -> T) -> T {
    let _stretch = Stretch::begin();
    load()
}

/// One load's part in the stretch of small pages; its end, even by a panic, ends it.
struct Stretch;

impl Stretch {
    fn begin() -> Stretch {
        let mut loads = LOADS.lock().unwrap_or_else(PoisonError::into_inner);
        if loads.running == 0 {
            loads.turn_back_on = !huge_pages_off() && set_huge_pages_off(true);
        }
        loads.running += 1;
        Stretch
    }
}

impl Drop for Stretch {
    fn drop(&mut self) {
        let mut loads = LOADS.lock().unwrap_or_else(PoisonError::into_inner);
        loads.running = loads.running.saturating_sub(1);
        if loads.running == 0 && loads.turn_back_on {
            set_huge_pages_off(false);
            loads.turn_back_on = false;
        }
    }
}

/// Whether transparent huge pages are off for this process.
#[cfg(target_os = "linux")]
fn huge_pages_off() -> bool {
    // SAFETY: this prctl reads one flag of the process and touches no memory of ours.
    unsafe { libc::prctl(libc::PR_GET_THP_DISABLE, 0, 0, 0, 0) == 1 }
}

/// Turns transparent huge pages off or on for this process; whether the kernel agreed.
#[cfg(target_os = "linux")]
fn set_huge_pages_off(off: bool) -> bool {
    // SAFETY: this prctl sets one flag of the process and touches no memory of ours.
    unsafe { libc::prctl(libc::PR_SET_THP_DISABLE, libc::c_ulong::from(off), 0, 0, 0) == 0 }
}

#[cfg(not(target_os = "linux"))]
fn huge_pages_off() -> bool {
    true
}

#[cfg(not(target_os = "linux"))]
fn set_huge_pages_off(_off: bool) -> bool {
    false
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    /// The flag while no load runs, when none does now. Other tests load libraries at the
    /// same time; the flag only changes with the lock held.
    fn at_rest() -> Option<bool> {
        let loads = LOADS.lock().unwrap_or_else(PoisonError::into_inner);
        (loads.running == 0).then(huge_pages_off)
    }

    #[test]
    fn only_a_large_load_runs_on_small_pages() {
        assert!(!large(92 << 20), "100k entities keep huge pages");
        assert!(large(280 << 20), "300k entities do not");
        assert!(for_load(HUGE_PAGES_UP_TO + 1, huge_pages_off), "off inside a large load");
    }

    #[test]
    fn a_load_runs_on_small_pages_and_leaves_them_as_they_were() {
        let before = at_rest();
        let inside = without_huge_pages(|| without_huge_pages(huge_pages_off));
        assert!(inside, "off inside a load, nested ones included");
        if let (Some(before), Some(after)) = (before, at_rest()) {
            assert_eq!(after, before, "as they were once no load runs");
        }
    }
}
