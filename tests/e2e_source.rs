//! Copying and the source, end to end: the real binary in a pseudo-terminal. `y` on a
//! focused mention sends the terminal an OSC 52 sequence whose payload is the mention's
//! sentence; `o` runs the opener named by `BRIEFING_OPENER` (a stub that writes down what
//! it was given) on the source's address, which the story header also draws as an OSC 8
//! hyperlink.
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "a test stops loudly on a broken fixture or pty")]

#[path = "support/pty.rs"]
#[allow(dead_code, reason = "each test binary uses its own part of the harness")]
mod pty;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use pty::{Session, is_reversed_within};

const TAB: &str = "\t";

/// The payloads of every OSC 52 clipboard sequence the program wrote, decoded.
fn clipboard_writes(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    text.split("\x1b]52;c;")
        .skip(1)
        .filter_map(|rest| rest.split('\x07').next())
        .map(|payload| String::from_utf8(STANDARD.decode(payload).expect("base64")).expect("UTF-8"))
        .collect()
}

#[test]
fn y_on_a_focused_mention_puts_its_sentence_on_the_clipboard() {
    let mut s = Session::spawn(&["--no-state", "--open", "beijing-gambit"], 120, 40);
    s.wait_for("Huang Flies to Beijing to Rescue Nvidia’s China Business");
    s.settle();
    // Tab past the names linked in the headline and dek to the first mention in the text.
    for _ in 0..20 {
        let before = s.formatted();
        s.send(TAB);
        s.wait_for_redraw(&before);
        if s.now(|screen| is_reversed_within(screen, "●Jensen Huang, the chief", "●Jensen Huang")) {
            break;
        }
    }
    s.send("y");
    s.wait_for("Copied the sentence: Jensen Huang, the chief");
    let sentence = "Jensen Huang, the chief executive of Nvidia, turned up in Beijing on Thursday with little warning.";
    assert_eq!(clipboard_writes(&s.bytes()), [sentence]);
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn o_opens_the_source_address_with_the_opener_and_the_header_links_to_it() {
    let library = briefing::library::bundled::load(Default::default()).unwrap().library;
    let charge = library.briefing_by_id("nvidia-h20-charge").unwrap();
    let url = library.briefing(charge).source.url.clone().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let opened = dir.path().join("opened");
    let stub = dir.path().join("opener");
    fs::write(&stub, format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", opened.display())).unwrap();
    fs::set_permissions(&stub, fs::Permissions::from_mode(0o755)).unwrap();
    let stub = stub.to_str().unwrap();
    let mut s =
        Session::spawn_with(&["--no-state", "--open", "nvidia-h20-charge"], &[("BRIEFING_OPENER", stub)], 120, 40);
    s.wait_for("Nvidia Takes a $5.5 Billion Hit");
    s.wait_for("ir.baystreet.ca ↗");
    let bytes = String::from_utf8_lossy(&s.bytes()).to_string();
    assert!(bytes.contains(&format!("\x1b]8;id=source;{url}\x1b\\i")), "the host is a hyperlink to the address");
    s.send("o");
    s.wait_for("Opening ir.baystreet.ca");
    let start = Instant::now();
    while fs::read_to_string(&opened).map_or(true, |text| text.is_empty()) {
        assert!(start.elapsed() < pty::TIMEOUT, "the opener never ran");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(fs::read_to_string(&opened).unwrap(), url);
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn an_opener_that_cannot_run_is_told_in_the_status_bar() {
    let env = [("BRIEFING_OPENER", "/nonexistent/browser")];
    let mut s = Session::spawn_with(&["--no-state", "--open", "nvidia-h20-charge"], &env, 120, 40);
    s.wait_for("Nvidia Takes a $5.5 Billion Hit");
    s.send("o");
    s.wait_for("Could not open the address: BRIEFING_OPENER `/nonexistent/browser` could not run");
    s.send("q");
    assert!(s.wait_exit().success());
}
