//! Earlier queries of an input (find, search), recalled with Up/Down as in a shell.

/// Queries already run, oldest first, and which one Up/Down has recalled.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recent {
    queries: Vec<String>,
    recalled: Option<usize>,
}

/// How many queries are kept: enough to recall a week's reading, bounded so the list and
/// the saved state never grow without end.
pub const LIMIT: usize = crate::state::HISTORY_LIMIT;

impl Recent {
    /// Queries remembered from earlier runs, oldest first (the last [`LIMIT`] of them).
    pub fn from_queries(mut queries: Vec<String>) -> Self {
        let excess = queries.len().saturating_sub(LIMIT);
        queries.drain(..excess);
        Recent { queries, recalled: None }
    }

    /// Keeps `query` as the newest (once), and ends any recall.
    pub fn remember(&mut self, query: &str) {
        if !query.trim().is_empty() {
            self.queries.retain(|q| q != query);
            self.queries.push(query.to_string());
            let excess = self.queries.len().saturating_sub(LIMIT);
            self.queries.drain(..excess);
        }
        self.recalled = None;
    }

    /// Steps to an older (or newer) query and returns it; past the newest, an empty one.
    pub fn step(&mut self, older: bool) -> String {
        let n = self.queries.len();
        self.recalled = match (self.recalled, older) {
            (None, true) if n > 0 => Some(n - 1),
            (Some(i), true) => Some(i.saturating_sub(1)),
            (Some(i), false) if i + 1 < n => Some(i + 1),
            _ => None,
        };
        self.recalled.map(|i| self.queries[i].clone()).unwrap_or_default()
    }

    /// Ends a recall: the user is typing a query of their own.
    pub fn stop(&mut self) {
        self.recalled = None;
    }

    /// The queries, newest first.
    pub fn newest_first(&self) -> impl Iterator<Item = &str> {
        self.queries.iter().rev().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_back_and_forth_like_a_shell() {
        let mut recent = Recent::default();
        for q in ["h20", "huang", "h20"] {
            recent.remember(q);
        }
        assert_eq!(recent.newest_first().collect::<Vec<_>>(), ["h20", "huang"]);
        assert_eq!(recent.step(true), "h20");
        assert_eq!(recent.step(true), "huang");
        assert_eq!(recent.step(true), "huang", "the oldest stays");
        assert_eq!(recent.step(false), "h20");
        assert_eq!(recent.step(false), "", "past the newest: an empty query");
        recent.remember("  ");
        assert_eq!(recent.newest_first().count(), 2, "blank queries are not kept");
    }
}
