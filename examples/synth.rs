//! Writes a synthetic library for benchmarks and stress tests:
//!
//! ```text
//! cargo run --release --example synth -- --entities 100000 --out /tmp/lib100k
//! ```
//!
//! The same `--entities` always gives the same files (see `synth/generate.rs` for their shape).
#![allow(clippy::expect_used, clippy::print_stdout, reason = "a measuring tool prints its report and stops loudly")]

#[path = "synth/generate.rs"]
mod synth;

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::Parser;

/// Write a synthetic briefing library.
#[derive(Debug, Parser)]
struct Args {
    /// About how many entities (figures included) the library should hold.
    #[arg(long, default_value_t = 10_000)]
    entities: usize,
    /// Directory to write the briefing files into.
    #[arg(long)]
    out: PathBuf,
    /// Delete the `*.json` files already in the directory first.
    #[arg(long)]
    force: bool,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let existing = json_files(&args.out)?;
    if !existing.is_empty() {
        if !args.force {
            bail!(
                "{} already holds {} briefing files; pass --force to replace them",
                args.out.display(),
                existing.len()
            );
        }
        for path in existing {
            fs::remove_file(&path).with_context(|| format!("cannot remove {}", path.display()))?;
        }
    }
    let summary = synth::write_library(&args.out, args.entities)
        .with_context(|| format!("cannot write the library into {}", args.out.display()))?;
    println!("wrote {summary} to {}", args.out.display());
    Ok(())
}

/// The `*.json` files of `dir`; none when it does not exist yet.
fn json_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let entries = fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
    Ok(entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect())
}
