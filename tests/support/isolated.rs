//! `briefing` as the tests run it: the real binary with its state, config and cache homes
//! under a temporary directory of this test process, and no `BRIEFING_STATE_DIR`, so no test
//! reads or writes the real home.

use std::process::Command;

/// A command for the `briefing` binary, isolated from the user's home.
pub fn briefing() -> Command {
    let home = std::env::temp_dir().join(format!("briefing-test-{}", std::process::id()));
    let mut command = Command::new(env!("CARGO_BIN_EXE_briefing"));
    for var in ["XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"] {
        command.env(var, home.join(var));
    }
    command.env_remove("BRIEFING_STATE_DIR");
    command
}
