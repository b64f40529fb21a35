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

/// Every borrowing in `text`, as `line: what`: a `cashout_core` path that does not start with
/// an allowed prefix (each occurrence on a line is checked), or a forbidden name in any form.
fn offences(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let mut rest = line;
        while let Some(at) = rest.find("cashout_core") {
            let used = &rest[at..];
            if !ALLOWED.iter().any(|a| used.starts_with(a)) {
                found.push(format!("{}: {}", n + 1, line.trim()));
            }
            rest = &rest[at + "cashout_core".len()..];
        }
        for name in FORBIDDEN_NAMES {
            if line.contains(name) {
                found.push(format!("{}: {name}", n + 1));
            }
        }
    }
    found
}

#[test]
fn sandbox_source_uses_only_the_core_infrastructure() {
    let mut all = Vec::new();
    for (file, text) in sources() {
        for offence in offences(&text) {
            all.push(format!("{}:{offence}", file.display()));
        }
    }
    assert!(
        all.is_empty(),
        "the sandbox must not borrow the core's rules:\n{}",
        all.join("\n")
    );
}

#[test]
fn the_check_itself_catches_a_borrowed_rule() {
    // A path outside the allowed prefixes (the forbidden name on it is caught as well).
    let borrowed = "use cashout_core::validate::check_create;";
    assert_eq!(
        offences(borrowed),
        vec![format!("1: {borrowed}"), "1: check_create".to_owned()]
    );
    // A grouped `use` starting with an allowed module still borrows through the group.
    let grouped = "use cashout_core::{clock::Clock, status::CashoutStatus};";
    assert_eq!(
        offences(grouped),
        vec![format!("1: {grouped}"), "1: CashoutStatus".to_owned()]
    );
    // A second path on the same line is checked too, and the line number is the real one.
    let second = "use cashout_core::clock::Clock;\nfn f(_: cashout_core::codes::Code) {}";
    assert_eq!(
        offences(second),
        vec!["2: fn f(_: cashout_core::codes::Code) {}".to_owned()]
    );
    // A forbidden name reached through a short path, with no `cashout_core` on the line.
    let short = "use signing::payload_signature;\nlet s = payload_signature(&key, body);";
    assert_eq!(offences(short), vec!["2: payload_signature(".to_owned()]);
    // Every forbidden name is caught on its own.
    for name in FORBIDDEN_NAMES {
        let line = format!("let x = {name}");
        assert_eq!(offences(&line), vec![format!("1: {name}")], "{name}");
    }
    // The allowed infrastructure passes.
    let fine = "use cashout_core::clock::{Clock, SystemClock};\n\
                use cashout_core::credentials::Secret;\n\
                use cashout_core::api::types::CashoutId;";
    assert_eq!(offences(fine), Vec::<String>::new());
}
