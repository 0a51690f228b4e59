//! `briefing`: parse the command line, then run a command or the reader.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use briefing::cli;
use briefing::library::Kind;

/// A terminal reader for structured news briefings.
#[derive(Debug, Parser)]
#[command(name = "briefing", version, about)]
struct Args {
    /// Read the library in this directory instead of the bundled one.
    #[arg(long, global = true, value_name = "DIR")]
    content: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate the library: every problem as FILE:LINE:COL: error: MESSAGE; exit 1 on errors.
    Check,
    /// List the briefings, or the entities of one kind.
    List {
        /// Entity kind: person, company, chip, figure, organisation, place, policy, product.
        #[arg(long, value_parser = parse_kind)]
        kind: Option<Kind>,
        /// Print JSON (documented in docs/cli-json.md).
        #[arg(long)]
        json: bool,
    },
    /// Show an entity's card: relations, figures, mentions, briefings.
    Show {
        /// Entity or figure id, e.g. `jensen-huang`.
        id: String,
        /// Print JSON (documented in docs/cli-json.md).
        #[arg(long)]
        json: bool,
    },
}

fn parse_kind(name: &str) -> Result<Kind, String> {
    Kind::parse(name).ok_or_else(|| {
        let names: Vec<_> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        format!("unknown kind `{name}`; kinds are {}", names.join(", "))
    })
}

fn main() -> ExitCode {
    let args = Args::parse();
    let content = args.content.as_deref();
    let result = match args.command {
        Some(Command::Check) => cli::check::run(content),
        Some(Command::List { kind, json }) => cli::list::run(content, kind, json),
        Some(Command::Show { id, json }) => cli::show::run(content, &id, json),
        None => cli::outline::run(content),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("briefing: {error:#}");
            ExitCode::FAILURE
        }
    }
}
