//! The one way the CLI tests run the `cashout` binary: as a real process, in a private home of
//! its own, so that no test can touch the developer's data directory, keychain or credentials.

use std::path::Path;
use std::process::{Child, Command, Output, Stdio};

use serde_json::Value;

/// Variables a run never inherits from the developer's environment; a test that needs one
/// passes it in `envs`.
const CLEARED: [&str; 6] = [
    "OKP_API_KEY",
    "OKP_API_PASSPHRASE",
    "OKP_API_SIGNATURE",
    "OKP_READ_ONLY_KEY",
    "CASHOUT_DATA_DIR",
    "CASHOUT_WATCH_SCALE",
];

/// Runs `cashout` with a private home: `HOME` and `XDG_DATA_HOME` in a temporary directory
/// this owns, no `OKP_*` credentials, no `CASHOUT_DATA_DIR` and no session bus (so no
/// keychain), except what a test passes in `envs`.
pub struct Cashout {
    home: tempfile::TempDir,
}

impl Cashout {
    /// A new, empty private home.
    #[must_use]
    pub fn new() -> Self {
        Self {
            home: tempfile::tempdir().expect("home"),
        }
    }

    /// The private home (its data directory is `data/` under it).
    #[must_use]
    pub fn home(&self) -> &Path {
        self.home.path()
    }

    /// Starts `cashout args` with stdout and stderr piped, stdin closed.
    pub fn spawn(&self, args: &[&str], envs: &[(&str, &str)]) -> Child {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_cashout"));
        cmd.args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .env("HOME", self.home())
            .env("XDG_DATA_HOME", self.home().join("data"))
            .env_remove("DBUS_SESSION_BUS_ADDRESS");
        for v in CLEARED {
            cmd.env_remove(v);
        }
        for (k, v) in envs {
            cmd.env(k, v);
        }
        cmd.spawn().expect("cashout starts")
    }

    /// Runs `cashout args` to the end.
    pub fn run(&self, args: &[&str], envs: &[(&str, &str)]) -> Output {
        self.spawn(args, envs)
            .wait_with_output()
            .expect("cashout runs")
    }

    /// Writes `value` as JSON to `name` in the home; returns its path.
    #[allow(dead_code)] // not every test binary writes JSON
    pub fn write_json(&self, name: &str, value: &impl serde::Serialize) -> String {
        self.write_bytes(name, &serde_json::to_vec(value).expect("json"))
    }

    /// Writes `text` to `name` in the home; returns its path.
    #[allow(dead_code)] // not every test binary writes anything but JSON
    pub fn write_text(&self, name: &str, text: &str) -> String {
        self.write_bytes(name, text.as_bytes())
    }

    fn write_bytes(&self, name: &str, bytes: &[u8]) -> String {
        let p = self.home().join(name);
        std::fs::write(&p, bytes).expect("write");
        p.to_string_lossy().into_owned()
    }
}

/// The one JSON object in `bytes`: exactly one non-blank line, and it is JSON.
pub fn json_of(bytes: &[u8]) -> Value {
    let text = String::from_utf8_lossy(bytes);
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(
        lines.len(),
        1,
        "exactly one JSON line expected, got: {text}"
    );
    serde_json::from_str(lines[0]).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// A run that succeeded, and the one JSON object it printed on stdout.
pub fn ok(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    json_of(&out.stdout)
}

/// A run that failed, printed nothing on stdout, and the one JSON object it printed on stderr.
pub fn failed(out: &Output) -> Value {
    assert!(
        !out.status.success(),
        "unexpected success: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(
        out.stdout.is_empty(),
        "nothing on stdout on failure, got: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    json_of(&out.stderr)
}
