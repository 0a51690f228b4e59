//! Opening an address in the browser. `$BRIEFING_OPENER`, when set, names the command to
//! run instead (its words split at spaces, the address added last or in place of `%s`):
//! a seam for tests and for readers who want a particular browser. Otherwise the system's
//! own launcher (`xdg-open`, `open`, `start`) is found by the `open` crate and run
//! detached, with no access to the terminal, so a text browser cannot take over the
//! screen; a launcher that fails at once is reported.

use std::process::{Command, Stdio};
use std::thread;

/// The variable that names an opener command.
pub const OPENER_VAR: &str = "BRIEFING_OPENER";

/// Opens `url`; the error says why nothing could.
pub fn open(url: &str) -> Result<(), String> {
    match std::env::var(OPENER_VAR) {
        Ok(command) if !command.trim().is_empty() => run(&command, url),
        _ => open::that_detached(url).map_err(|e| format!("no browser could be started ({e})")),
    }
}

/// The program and arguments `command` stands for, with `url` in place of `%s` or last.
pub fn command_line(command: &str, url: &str) -> Vec<String> {
    let mut words: Vec<String> = command.split_whitespace().map(str::to_string).collect();
    if words.iter().any(|w| w.contains("%s")) {
        words.iter_mut().for_each(|w| *w = w.replace("%s", url));
    } else {
        words.push(url.to_string());
    }
    words
}

/// Runs the opener command detached from the terminal; a thread waits for it so it
/// leaves no zombie behind.
fn run(command: &str, url: &str) -> Result<(), String> {
    let words = command_line(command, url);
    let (program, args) = words.split_first().ok_or_else(|| format!("{OPENER_VAR} is empty"))?;
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("{OPENER_VAR} `{program}` could not run ({e})"))?;
    thread::spawn(move || child.wait());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_goes_last_or_in_place_of_the_placeholder() {
        assert_eq!(command_line("firefox --new-tab", "https://a.b/"), ["firefox", "--new-tab", "https://a.b/"]);
        assert_eq!(command_line("echo <%s>", "u"), ["echo", "<u>"]);
    }

    #[test]
    fn a_missing_opener_says_so() {
        let error = run("/nonexistent/opener", "https://a.b/").unwrap_err();
        assert!(error.contains("`/nonexistent/opener` could not run"), "{error}");
    }
}
