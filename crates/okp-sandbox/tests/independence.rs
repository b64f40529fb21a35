//! The sandbox is an independent witness: its source uses the core crate only for plain
//! infrastructure (the clock, the credential wrapper, the cashout id type), never for rules —
//! validation, statuses, signing, codes, banks, environments, money, or the request and answer
//! types. A rule borrowed from the core would make a wrong core rule pass every test.
//!
//! The same check for CI, from the repository root (works under `set -euo pipefail`):
//! ```sh
//! if grep -rnoE 'cashout_core[A-Za-z0-9_:{]*' crates/okp-sandbox/src \
//!   | grep -vE ':cashout_core::((clock|credentials)::([A-Za-z]|\{)|api::types::CashoutId$)'
//! then echo "okp-sandbox must not use the core's rules" >&2; exit 1; fi
//! ```

use std::path::{Path, PathBuf};

/// What the sandbox may use from the core: a path must start with one of these.
const ALLOWED: &[&str] = &[
    "cashout_core::clock::",
    "cashout_core::credentials::",
    "cashout_core::api::types::CashoutId",
];

/// Names from the core that must not appear in the sandbox's source in any form (a `use` of a
/// parent module followed by a short path would slip past the prefix check otherwise).
const FORBIDDEN_NAMES: &[&str] = &[
    "CreateCashout",
    "StatusAnswer",
    "ErrorAnswer",
    "check_create",
    "verify_payload_signature",
    "payload_signature(",
    "CashoutStatus",
    "TRANSITIONS",
    "API_CODES",
    "KNOWN_BANKS",
    "EnvironmentKind",
    "ValidationContext",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).expect("src is readable");
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn sources() -> Vec<(PathBuf, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 10, "found the sources: {files:?}");
    files
        .into_iter()
        .map(|f| {
            let text = std::fs::read_to_string(&f).expect("a readable source file");
            (f, text)
        })
        .collect()
}

#[test]
fn sandbox_source_uses_only_the_core_infrastructure() {
    let mut offences = Vec::new();
    for (file, text) in sources() {
        for (n, line) in text.lines().enumerate() {
            let mut rest = line;
            while let Some(at) = rest.find("cashout_core") {
                let used = &rest[at..];
                if !ALLOWED.iter().any(|a| used.starts_with(a)) {
                    offences.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
                rest = &rest[at + "cashout_core".len()..];
            }
            for name in FORBIDDEN_NAMES {
                if line.contains(name) {
                    offences.push(format!("{}:{}: {name}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "the sandbox must not borrow the core's rules:\n{}",
        offences.join("\n")
    );
}

#[test]
fn the_check_itself_catches_a_borrowed_rule() {
    let borrowed = "use cashout_core::validate::check_create;";
    assert!(!ALLOWED
        .iter()
        .any(|a| borrowed["use ".len()..].starts_with(a)));
    let grouped = "use cashout_core::{clock::Clock, status::CashoutStatus};";
    assert!(!ALLOWED
        .iter()
        .any(|a| grouped["use ".len()..].starts_with(a)));
    let fine = "use cashout_core::clock::{Clock, SystemClock};";
    assert!(ALLOWED.iter().any(|a| fine["use ".len()..].starts_with(a)));
}
