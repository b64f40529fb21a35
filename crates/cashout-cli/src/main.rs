//! `cashout`: the command-line face of Cashout Desk, for scripting and headless tests.
//!
//! Contract (other tools depend on it): success prints one JSON object on stdout and exits 0;
//! failure prints one JSON object `{code, message, api_code?, field?, ...}` on stderr and exits
//! non-zero (2 for usage and validation errors, 1 otherwise). Every operation goes through
//! `cashout_core::desk`; this file only parses arguments, picks credentials and prints.
//!
//! Credentials come from `OKP_API_KEY`, `OKP_API_PASSPHRASE`, `OKP_API_SIGNATURE` (and
//! optionally `OKP_READ_ONLY_KEY`) when all three are set, else from the environment's keychain
//! entry; the sandbox falls back to its fixed demo credentials and never reads the keychain. Secrets are never
//! accepted as arguments (they would show in `ps` and shell history).

mod approvals;
mod args;
mod batch;
mod run;
mod team;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                let _ = e.print();
                return ExitCode::SUCCESS;
            }
            // The whole complaint (e.g. which required arguments are missing), without the
            // usage and help lines clap appends.
            let rendered = e.render().to_string();
            let message = rendered
                .trim()
                .lines()
                .take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"))
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            let message = if message.is_empty() {
                "invalid arguments".to_owned()
            } else {
                message
            };
            run::print_failure(&serde_json::json!({ "code": "usage", "message": message }));
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            run::print_failure(&serde_json::json!({ "code": "runtime", "message": e.to_string() }));
            return ExitCode::from(1);
        }
    };
    runtime.block_on(run::run(cli))
}
