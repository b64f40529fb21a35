//! Records which commit this program was built from, and when, for `cashout --version` and
//! Settings → About (see `src/about.rs`). A build outside a git checkout (a source tarball)
//! says `unknown` unless `CASHOUT_COMMIT` is set; `SOURCE_DATE_EPOCH` fixes the build time for
//! reproducible builds.

use std::path::PathBuf;
use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    (out.status.success() && !text.is_empty()).then_some(text)
}

fn main() {
    println!("cargo:rerun-if-env-changed=CASHOUT_COMMIT");
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    // Built again when the checkout moves to another commit: HEAD (the worktree's), the
    // branch it names and the packed refs (the repository's common directory). Only paths that
    // exist are watched: cargo reruns a build script that watches a missing one on every build.
    // A crate vendored inside an unrelated repository does not take that repository's commit.
    let real = |p: PathBuf| p.canonicalize().unwrap_or(p);
    let manifest_dir = real(PathBuf::from(
        std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default(),
    ));
    let ours = git(&["rev-parse", "--show-toplevel"])
        .map(|top| real(PathBuf::from(top)))
        .is_some_and(|top| manifest_dir.starts_with(top));
    let mut watched = Vec::new();
    if ours {
        if let Some(dir) = git(&["rev-parse", "--absolute-git-dir"]).map(PathBuf::from) {
            watched.push(dir.join("HEAD"));
        }
        if let Some(common) =
            git(&["rev-parse", "--path-format=absolute", "--git-common-dir"]).map(PathBuf::from)
        {
            watched.push(common.join("packed-refs"));
            if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"]) {
                watched.push(common.join(branch));
            }
        }
    }
    for path in watched.iter().filter(|p| p.exists()) {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    // Without anything to watch, the build script reruns only when it changes itself.
    println!("cargo:rerun-if-changed=build.rs");
    // A release job passes the full hash; 12 digits name a commit as well.
    let commit = std::env::var("CASHOUT_COMMIT")
        .ok()
        .map(|c| c.trim().chars().take(12).collect::<String>())
        .filter(|c| !c.is_empty())
        .or_else(|| {
            ours.then(|| git(&["rev-parse", "--short=12", "HEAD"]))
                .flatten()
        })
        .unwrap_or_else(|| "unknown".to_owned());
    let built = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|s| time::OffsetDateTime::from_unix_timestamp(s).ok())
        .unwrap_or_else(time::OffsetDateTime::now_utc);
    let built = built
        .replace_nanosecond(0)
        .unwrap_or(built)
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| "unknown".to_owned());
    println!("cargo:rustc-env=CASHOUT_COMMIT={commit}");
    println!("cargo:rustc-env=CASHOUT_BUILT_AT={built}");
}
