//! `briefing`: a terminal reader for structured news briefings.
//!
//! Layers, each using only those below it:
//! - [`library`]: the format, loading, validation, mention linking and the immutable model;
//! - [`search`]: ranked fuzzy search over a library, with no UI;
//! - [`state`]: what the reader remembers between runs (read marks, places, bookmarks);
//! - [`config`]: the configuration file (keys, colours), read with every mistake placed;
//! - [`cli`]: the non-interactive commands;
//! - [`reader`]: the full-screen terminal reader;
//! - [`watch`]: noticing that a content directory changed, for live reload.

pub mod cache;
pub mod cli;
pub mod config;
pub mod library;
pub mod reader;
pub mod search;
pub mod state;
pub mod watch;
