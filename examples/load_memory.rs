//! How much memory a loaded library takes, next to its JSON on disk:
//!
//! ```text
//! cargo run --release --example load_memory -- DIR
//! ```
//!
//! Prints the live heap (counted exactly by a wrapping allocator), the peak heap while
//! loading, and the process's resident size (`VmRSS`, `VmHWM`), after `load_dir` and again
//! after linking every briefing — the two states the reader and `check` end up in — and
//! once more after returning the allocator's free pages to the system. Also prints how
//! long `load_dir` took: unlike the benchmark's warm loop, a fresh process pays for
//! faulting in every page it allocates.
#![allow(clippy::expect_used, clippy::print_stdout, reason = "a measuring tool prints its report and stops loudly")]

use std::alloc::{GlobalAlloc, Layout, System};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use briefing::library::{Options, link, load_dir};

/// The system allocator, keeping count of the bytes live and the most ever live.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded unchanged to `System`; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grow(layout.size());
        // SAFETY: same contract as our caller's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` came from `System.alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        grow(new_size);
        // SAFETY: `ptr` came from `System` with this layout.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

fn grow(size: usize) {
    let live = LIVE.fetch_add(size, Ordering::Relaxed) + size;
    PEAK.fetch_max(live, Ordering::Relaxed);
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn main() -> anyhow::Result<()> {
    let dir: PathBuf =
        std::env::args_os().nth(1).map(PathBuf::from).ok_or_else(|| anyhow::anyhow!("usage: load_memory DIR"))?;
    let json = json_bytes(&dir)?;
    println!("JSON on disk        {:>8.1} MB", mb(json));
    report("before load", json);
    let start = Instant::now();
    let loaded = load_dir(&dir, Options::default())?;
    let took = start.elapsed();
    report("after load_dir", json);
    link::link_all(&loaded.library);
    report("after link_all", json);
    trim();
    report("after malloc_trim", json);
    let library = &loaded.library;
    println!("{} briefings, {} entities", library.briefing_count(), library.entity_count());
    println!("load_dir took {:.1} ms in this fresh process", took.as_secs_f64() * 1e3);
    Ok(())
}

fn report(when: &str, json: u64) {
    let (live, peak) = (LIVE.load(Ordering::Relaxed) as u64, PEAK.load(Ordering::Relaxed) as u64);
    let (rss, hwm) = (status_kb("VmRSS:") * 1024, status_kb("VmHWM:") * 1024);
    println!(
        "{when:<19} heap {:>7.1} MB ({:.2}× JSON), peak heap {:>7.1} MB ({:.2}×), RSS {:>7.1} MB ({:.2}×), peak RSS {:>7.1} MB ({:.2}×)",
        mb(live),
        live as f64 / json as f64,
        mb(peak),
        peak as f64 / json as f64,
        mb(rss),
        rss as f64 / json as f64,
        mb(hwm),
        hwm as f64 / json as f64
    );
}

/// Hands the allocator's free pages back to the system, so the resident size shows what
/// the library holds rather than what loading once needed (glibc keeps freed memory).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn trim() {
    unsafe extern "C" {
        fn malloc_trim(pad: usize) -> i32;
    }
    // SAFETY: glibc's malloc_trim takes a byte count and only releases free memory.
    unsafe {
        malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn trim() {}

/// A `kB` line of `/proc/self/status` (0 where there is no procfs).
fn status_kb(key: &str) -> u64 {
    let status = fs::read_to_string("/proc/self/status").unwrap_or_default();
    let line = status.lines().find(|l| l.starts_with(key)).unwrap_or_default();
    line.split_whitespace().nth(1).and_then(|n| n.parse().ok()).unwrap_or(0)
}

fn json_bytes(dir: &Path) -> anyhow::Result<u64> {
    let mut total = 0;
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|x| x == "json") {
            total += fs::metadata(&path)?.len();
        }
    }
    Ok(total)
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}
