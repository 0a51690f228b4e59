//! `briefing`: parse the command line, then run a command or the reader.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use briefing::cli;
use briefing::library::Kind;
use briefing::reader::action::Action;
use briefing::reader::config::Config;
use briefing::reader::theme::Theme;
use briefing::reader::views::ViewKind;
use briefing::reader::{self, app::App};
use briefing::search::Category;
use briefing::state::{self, Store};

/// A terminal reader for structured news briefings.
#[derive(Debug, Parser)]
#[command(name = "briefing", version, about)]
struct Args {
    /// Read the library in this directory instead of the bundled one.
    #[arg(long, global = true, value_name = "DIR")]
    content: Option<PathBuf>,
    /// Start with this entity or briefing open.
    #[arg(long, global = true, value_name = "ID")]
    open: Option<String>,
    /// Start in this view of the main pane: story, figures, map, timeline, archive or compare.
    #[arg(long, global = true, value_name = "VIEW", value_parser = parse_view)]
    view: Option<ViewKind>,
    /// Keep read marks, places and bookmarks in this directory (default: the XDG state
    /// directory, or $BRIEFING_STATE_DIR).
    #[arg(long, global = true, value_name = "DIR")]
    state: Option<PathBuf>,
    /// Read and write no saved state.
    #[arg(long, global = true)]
    no_state: bool,
    /// Read keys and colours from this file (default: $BRIEFING_CONFIG, else
    /// $XDG_CONFIG_HOME/briefing/config.toml, else ~/.config/briefing/config.toml).
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Use the default keys and colours, reading no configuration file.
    #[arg(long, global = true, conflicts_with = "config")]
    no_config: bool,
    /// Keep the checked library of a content directory in this directory (default: the
    /// XDG cache directory, or $BRIEFING_CACHE_DIR).
    #[arg(long, global = true, value_name = "DIR")]
    cache: Option<PathBuf>,
    /// Load from the JSON files every time: neither read nor write the cache.
    #[arg(long, global = true)]
    no_cache: bool,
    /// Leave the mouse to the terminal (text selection) instead of capturing it.
    #[arg(long)]
    no_mouse: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate the library: every problem as FILE:LINE:COL: error: MESSAGE; exit 1 on errors.
    Check {
        /// Check again after every change to the --content directory, until interrupted.
        #[arg(long)]
        watch: bool,
    },
    /// Write a skeleton briefing ID.json (into --content DIR, else here) that checks clean
    /// and shows every field of the format once.
    New {
        /// The new briefing's id, e.g. `kestrel-fab`.
        id: String,
    },
    /// Print a first draft of a briefing from a plain-text article (sections, figures,
    /// candidate entities, the source from its first lines), to edit and rewrite.
    Draft {
        /// The article, as plain text.
        article: PathBuf,
        /// The new briefing's id.
        #[arg(long)]
        id: String,
    },
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
    /// Search entities, aliases, figures, sentences and briefings; exit 1 when nothing matches.
    Search {
        /// What to find; `@kind` narrows it (`@person huang`, `@figure billion`).
        #[arg(required = true)]
        query: Vec<String>,
        /// Only results of this kind: an entity kind, `sentence` or `briefing`.
        #[arg(long, value_parser = parse_category)]
        kind: Option<Category>,
        /// At most this many results (1 or more).
        #[arg(long, default_value_t = 20, value_parser = parse_limit)]
        limit: usize,
        /// Print JSON (documented in docs/cli-json.md).
        #[arg(long)]
        json: bool,
    },
    /// The shortest chain of relations between two entities.
    Path {
        /// Entity id to start from.
        from: String,
        /// Entity id to reach.
        to: String,
        /// Print JSON: an array of steps {from, label, type, to}.
        #[arg(long)]
        json: bool,
    },
    /// Write a briefing as Markdown (links, footnoted figures) or as a briefing JSON file.
    Export {
        /// Briefing id; may be left out when the library has one briefing.
        briefing: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "markdown")]
        format: cli::export::Format,
    },
    /// List the bookmarks, newest first.
    Bookmarks {
        /// Print JSON (documented in docs/cli-json.md).
        #[arg(long)]
        json: bool,
    },
    /// Set the note of a bookmark (an empty note clears it).
    Note {
        /// The bookmark's key, as `briefing bookmarks` lists it: `entity:nvidia`.
        key: String,
        /// The note.
        text: Vec<String>,
    },
    /// Check the configuration file, or print the defaults or its JSON Schema.
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Show where the cache of the content directory is and whether it is current; or
    /// print its path, or clear every cache.
    Cache {
        #[command(subcommand)]
        action: Option<cli::cache_command::Action>,
    },
    /// Print the screen the reader would show, as plain text, without taking over the terminal.
    Screen {
        /// Terminal size as COLSxROWS, each from 1 to 1000.
        #[arg(long, default_value = "120x40", value_parser = parse_size)]
        size: (u16, u16),
    },
}

#[derive(Debug, Subcommand)]
enum ConfigCommand {
    /// Report every problem as FILE:LINE:COL: error: MESSAGE, as the reader reads the file;
    /// exit 1 on errors.
    Check {
        /// The file to check (default: the one the reader reads).
        file: Option<PathBuf>,
    },
    /// Print the complete default configuration, a comment on every entry.
    Default,
    /// Print the configuration's JSON Schema, for editors.
    Schema,
}

fn parse_category(name: &str) -> Result<Category, String> {
    briefing::search::query::category_named(name).ok_or_else(|| {
        let names: Vec<_> = Category::all().map(Category::as_str).collect();
        format!("unknown kind `{name}`; kinds are {}", names.join(", "))
    })
}

fn parse_view(name: &str) -> Result<ViewKind, String> {
    ViewKind::parse(name).ok_or_else(|| {
        let names: Vec<_> = ViewKind::NAMES.iter().map(|(n, _)| *n).collect();
        format!("unknown view `{name}`; views are {}", names.join(", "))
    })
}

/// The largest screen `screen --size` draws, each way: far beyond any real terminal, and
/// small enough that the frame's buffer stays a few tens of megabytes.
const MAX_SCREEN_SIDE: u16 = 1000;

fn parse_size(text: &str) -> Result<(u16, u16), String> {
    let (w, h) = text.split_once(['x', 'X', '×']).ok_or("write the size as COLSxROWS, e.g. 80x24")?;
    let parse = |n: &str| match n.trim().parse::<u16>() {
        Ok(side @ 1..=MAX_SCREEN_SIDE) => Ok(side),
        Ok(_) => Err(format!("bad size `{text}`: columns and rows must each be from 1 to {MAX_SCREEN_SIDE}")),
        Err(e) => Err(format!("bad size `{text}`: {e}")),
    };
    Ok((parse(w)?, parse(h)?))
}

fn parse_limit(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(0) => Err("the limit must be 1 or more".into()),
        Ok(n) => Ok(n),
        Err(e) => Err(format!("bad limit `{text}`: {e}")),
    }
}

fn parse_kind(name: &str) -> Result<Kind, String> {
    Kind::parse(name).ok_or_else(|| {
        let names: Vec<_> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        format!("unknown kind `{name}`; kinds are {}", names.join(", "))
    })
}

/// How the reader starts: `--open`, `--view`, `--no-mouse`, the state directory and the
/// configuration.
struct Start<'a> {
    open: Option<&'a str>,
    view: Option<ViewKind>,
    mouse: bool,
    /// Where state lives; `None` with `--no-state`.
    state: Option<Option<PathBuf>>,
    /// `--config FILE`; `None` with `--no-config`.
    config: Option<Option<&'a Path>>,
}

impl Args {
    /// Where the library comes from; `--no-cache` leaves out the cache.
    fn source(&self) -> cli::Source<'_> {
        let cache = if self.no_cache { None } else { briefing::cache::cache_dir(self.cache.as_deref()) };
        cli::Source { content: self.content.as_deref(), cache }
    }

    fn start(&self) -> Start<'_> {
        let state = (!self.no_state).then(|| state::file::state_dir(self.state.as_deref()));
        let config = (!self.no_config).then_some(self.config.as_deref());
        Start { open: self.open.as_deref(), view: self.view, mouse: !self.no_mouse, state, config }
    }
}

/// Keys and colours from the configuration, and its one-line notice over any other: a bad
/// entry never keeps the reader from starting.
fn configure(app: &mut App<'_>, start: &Start<'_>) {
    let config = start.config.map(Config::load).unwrap_or_default();
    app.keys = config.keys.clone();
    app.theme = Theme::with(config.palette);
    if let Some(notice) = config.notice() {
        app.notice = Some(match app.notice.take() {
            Some(other) => format!("{notice} · {other}"),
            None => notice,
        });
    }
}

/// The saved state for the reader; `screen` only reads it, so printing a screen never
/// changes what the reader remembers.
fn store(start: &Start<'_>, writable: bool) -> Store {
    match &start.state {
        None => Store::off(),
        Some(dir) if writable => Store::open(dir.as_deref()),
        Some(dir) => Store::read_only(dir.as_deref()),
    }
}

/// How a command ends for a mistake in how it was called, as clap's own usage errors do.
const USAGE: u8 = 2;

/// Opens the reader, or with `size` prints its first screen. The library is loaded and
/// `--open` checked before the terminal is touched, so errors read as plain text.
fn read(source: &cli::Source<'_>, start: &Start<'_>, size: Option<(u16, u16)>) -> anyhow::Result<ExitCode> {
    if let Some(problem) = size.map_or_else(no_terminal, |_| None) {
        cli::eprint(&problem);
        return Ok(ExitCode::from(USAGE));
    }
    let briefing::cache::Loaded { library, index, pending } = cli::load_cached(source)?;
    let target = start.open.map(|id| reader::resolve_open(&library, id)).transpose().map_err(anyhow::Error::msg)?;
    let terminal_size = size.unwrap_or_else(|| crossterm::terminal::size().unwrap_or((80, 24)));
    let open = for_any_library(|library| {
        let mut app = App::remembering(library, terminal_size, target, store(start, size.is_none()));
        app.mouse = start.mouse;
        configure(&mut app, start);
        if let Some(view) = start.view {
            app.update(Action::ShowView(view));
        }
        app
    });
    match size {
        Some(_) => {
            briefing::cli::print(&reader::screen_text(&open(&library)))?;
            if let Some(pending) = pending {
                // After the screen is out: a cache that cannot be written costs only the next start.
                let _ = pending.write(&library, None);
            }
        }
        None => {
            let reloads = source.content.map(|dir| reader::reload::Reloads::start(dir, reader::terminal::wake));
            let cached = reader::searcher::Cached { index, pending };
            reader::terminal::run(library, open, cached, reloads)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `open` as a function of any library: the reader calls it on a library it owns, and a
/// closure's borrowed argument gets this signature only from such a bound.
fn for_any_library<F: for<'l> Fn(&'l briefing::library::Library) -> App<'l>>(open: F) -> F {
    open
}

/// Why the full-screen reader cannot run here, if it cannot: it needs a terminal on both
/// standard input (keys) and standard output (the screen), and one that can move the
/// cursor. Without this, cron or `ssh` without `-t` met a panic, and a redirected output
/// got the reader's escape codes while the screen showed nothing.
fn no_terminal() -> Option<String> {
    let instead = "use `briefing screen` to print the reader's screen as text, or `briefing export` for the story";
    let (input, output) = (io::stdin().is_terminal(), io::stdout().is_terminal());
    let missing = match (input, output) {
        (false, false) => "standard input and output are not terminals",
        (false, true) => "standard input is not a terminal",
        (true, false) => "standard output is not a terminal",
        (true, true) if std::env::var_os("TERM").is_some_and(|t| t == "dumb") => {
            "TERM=dumb: this terminal cannot move the cursor"
        }
        (true, true) => return None,
    };
    Some(format!("the reader needs a terminal ({missing}); {instead}"))
}

// Loading a large library makes millions of small allocations and frees most of them
// again; mimalloc does that markedly faster than the system allocator and hands freed
// pages back, so resident memory after loading stays close to the library's own size.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = Args::parse();
    let source = args.source();
    let content = source.content;
    let result = match &args.command {
        Some(Command::Check { watch: false }) => cli::check::run(content),
        Some(Command::Check { watch: true }) => match content {
            Some(dir) => cli::check::watch(dir),
            None => {
                cli::eprint("check --watch needs --content DIR: the bundled library cannot change");
                Ok(ExitCode::from(USAGE))
            }
        },
        Some(Command::New { id }) => cli::new::run(content, id),
        Some(Command::Draft { article, id }) => cli::draft::run(article, id),
        Some(Command::List { kind, json }) => cli::list::run(&source, *kind, *json),
        Some(Command::Show { id, json }) => cli::show::run(&source, id, *json),
        Some(Command::Search { query, kind, limit, json }) => {
            cli::search::run(&source, &query.join(" "), *kind, *limit, *json)
        }
        Some(Command::Path { from, to, json }) => cli::path::run(&source, from, to, *json),
        Some(Command::Export { briefing, format }) => cli::export::run(&source, briefing.as_deref(), *format),
        Some(Command::Cache { action }) => cli::cache_command::run(&source, *action),
        Some(Command::Bookmarks { json }) => {
            let start = args.start();
            cli::bookmarks::run(&store(&start, false), *json)
        }
        Some(Command::Note { key, text }) => {
            let start = args.start();
            cli::bookmarks::note(&store(&start, true), key, &text.join(" "))
        }
        Some(Command::Config(ConfigCommand::Check { file })) => {
            cli::config::check(file.as_deref(), args.config.as_deref())
        }
        Some(Command::Config(ConfigCommand::Default)) => cli::config::default(),
        Some(Command::Config(ConfigCommand::Schema)) => cli::config::schema(),
        Some(Command::Screen { size }) => read(&source, &args.start(), Some(*size)),
        None => read(&source, &args.start(), None),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            cli::eprint(&format!("{error:#}"));
            ExitCode::FAILURE
        }
    }
}
