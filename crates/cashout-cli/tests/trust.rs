//! The `cashout` binary tried from outside, as issue 9 found it: several processes at once on
//! one journal, the journal the desktop app uses, an older version's journal, requests that
//! are not one JSON object, and reading with no credentials at all.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::Arc;

use cashout_core::clock::SystemClock;
use cashout_core::credentials::MemoryStore;
use cashout_core::datadir;
use cashout_core::desk::CreateOptions;
use cashout_core::settings::Settings;
use cashout_core::workspace::Workspace;
use cashout_tests::{br_pix, Rig};
use serde_json::Value;

/// Runs `cashout` with a private data directory (`XDG_DATA_HOME`, `HOME`) and no
/// credentials in the environment and no session bus (no keychain).
fn cashout_in(home: &Path, args: &[&str], envs: &[(&str, &str)]) -> Output {
    spawn_in(home, args, envs)
        .wait_with_output()
        .expect("cashout runs")
}

fn spawn_in(home: &Path, args: &[&str], envs: &[(&str, &str)]) -> std::process::Child {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cashout"));
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env("XDG_DATA_HOME", home.join("data"))
        .env("HOME", home)
        .env_remove("CASHOUT_DATA_DIR")
        .env_remove("DBUS_SESSION_BUS_ADDRESS");
    for v in [
        "OKP_API_KEY",
        "OKP_API_PASSPHRASE",
        "OKP_API_SIGNATURE",
        "OKP_READ_ONLY_KEY",
    ] {
        cmd.env_remove(v);
    }
    for (k, v) in envs {
        cmd.env(k, v);
    }
    cmd.spawn().expect("cashout starts")
}

fn last_json(bytes: &[u8]) -> Value {
    let text = String::from_utf8_lossy(bytes);
    let line = text
        .lines()
        .rfind(|l| !l.trim().is_empty())
        .unwrap_or_else(|| panic!("no output: {text}"));
    serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

fn ok(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    last_json(&out.stdout)
}

fn failed(out: &Output) -> Value {
    assert!(
        !out.status.success(),
        "unexpected success: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    last_json(&out.stderr)
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write");
    p.to_string_lossy().into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_groups_of_twenty_processes_sending_one_id_less_payout_send_it_once() {
    let rig = Rig::start().await;
    let home = tempfile::tempdir().expect("home");
    let url = rig.sandbox.base_url();
    let journal = rig.journal_path().to_string_lossy().into_owned();
    let file = write(
        home.path(),
        "same.json",
        &serde_json::to_string(&br_pix("", "150.25")).expect("json"),
    );
    let children: Vec<_> = (0..40)
        .map(|_| {
            spawn_in(
                home.path(),
                &[
                    "--base-url",
                    &url,
                    "--journal",
                    &journal,
                    "create",
                    "--json",
                    &file,
                ],
                &[],
            )
        })
        .collect();
    let mut sent = 0;
    let mut refused = 0;
    for child in children {
        let out = child.wait_with_output().expect("exits");
        if out.status.success() {
            sent += 1;
        } else {
            let e = last_json(&out.stderr);
            assert_eq!(e["code"], "possible_duplicate", "{e}");
            refused += 1;
        }
    }
    assert_eq!((sent, refused), (1, 39));
    assert_eq!(rig.sandbox.cashout_count(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_payout_created_by_the_apps_code_path_is_listed_by_the_cli() {
    let rig = Rig::start().await;
    let home = tempfile::tempdir().expect("home");
    // Where the app puts its data under this home: the core decides for both.
    let dir = home.path().join("data").join("com.cashoutdesk.app");
    let (journal, _) = datadir::open_journal(&dir, Arc::new(SystemClock), false).expect("journal");
    let workspace = Workspace::new(
        Arc::new(journal),
        Arc::new(MemoryStore::default()),
        okp_sandbox::demo_credentials(),
        rig.sandbox.base_url(),
        Settings::default(),
    );
    let created = workspace
        .desk()
        .expect("desk")
        .create(&br_pix("app-1", "10"), &CreateOptions::default())
        .await
        .expect("created by the app's desk");
    drop(workspace);
    let listed = ok(&cashout_in(home.path(), &["list"], &[]));
    let payouts = listed["payouts"].as_array().expect("payouts");
    assert_eq!(payouts.len(), 1, "{listed}");
    assert_eq!(payouts[0]["external_id"], "app-1");
    assert_eq!(payouts[0]["cashout_id"], created.cashout_id.expect("id"));
    // Settled: the phase says nothing the status does not, so it is left out.
    assert!(payouts[0].get("phase").is_none(), "{listed}");
}

#[test]
fn an_older_cli_journal_is_merged_into_the_shared_one_once_and_audited() {
    let home = tempfile::tempdir().expect("home");
    let legacy = home.path().join("data").join("cashout-desk");
    {
        let old = cashout_core::journal::Journal::open(
            &legacy.join("journal.sqlite3"),
            Arc::new(SystemClock),
        )
        .expect("old journal");
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        rt.block_on(old.record_lookup(
            "sandbox",
            "http://127.0.0.1:1",
            Some(cashout_core::api::types::CashoutId(8_400_777)),
            Some("legacy-1"),
        ))
        .expect("a payout in the old journal");
    }
    let out = cashout_in(home.path(), &["list"], &[]);
    let listed = ok(&out);
    assert_eq!(listed["payouts"][0]["external_id"], "legacy-1", "{listed}");
    let notice = String::from_utf8_lossy(&out.stderr);
    assert!(notice.contains("merged"), "{notice}");
    assert!(legacy.join("journal.sqlite3.moved").is_file());
    assert!(home
        .path()
        .join("data/com.cashoutdesk.app/journal.sqlite3")
        .is_file());
    let log = ok(&cashout_in(
        home.path(),
        &[
            "audit",
            "list",
            "--all-environments",
            "--action",
            "journal_moved",
        ],
        &[],
    ));
    assert_eq!(log["entries"].as_array().map(Vec::len), Some(1), "{log}");
    // Once: the second run merges nothing.
    let again = cashout_in(home.path(), &["list"], &[]);
    assert!(!String::from_utf8_lossy(&again.stderr).contains("merged"));
    assert!(
        ok(&cashout_in(home.path(), &["audit", "verify"], &[]))["intact"]
            .as_bool()
            .expect("verdict")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_that_is_not_one_object_of_known_fields_is_refused_at_its_field_and_nothing_is_sent(
) {
    let rig = Rig::start().await;
    let home = tempfile::tempdir().expect("home");
    let url = rig.sandbox.base_url();
    let journal = rig.journal_path().to_string_lossy().into_owned();
    let good = serde_json::to_string(&br_pix("arr-1", "10")).expect("json");
    let cases = [
        (
            r#"["x-1","BR","BRL","10.00","39053344705","Ana"]"#.to_owned(),
            "json",
        ),
        (format!("[{good}]"), "json"),
        (good.replacen('{', r#"{"amount":"99.00","#, 1), "amount"),
        (
            good.replace(r#""amount":10.00"#, r#""amount":1e400"#),
            "amount",
        ),
        (
            good.replace(r#""amount":10.00"#, r#""amount":"1.000""#),
            "amount",
        ),
        (good.replacen('{', r#"{"login":"x","#, 1), "login"),
    ];
    for (i, (text, field)) in cases.iter().enumerate() {
        let file = write(home.path(), &format!("bad-{i}.json"), text);
        let e = failed(&cashout_in(
            home.path(),
            &[
                "--base-url",
                &url,
                "--journal",
                &journal,
                "create",
                "--json",
                &file,
            ],
            &[],
        ));
        assert_eq!(e["code"], "validation", "{text}: {e}");
        assert_eq!(e["field"], *field, "{text}: {e}");
    }
    assert_eq!(rig.sandbox.cashout_count(), 0, "nothing was sent");
    assert_eq!(rig.sandbox.stats().requests, 0);
}

#[test]
fn reading_commands_work_with_no_credentials_and_no_keychain() {
    let home = tempfile::tempdir().expect("home");
    for args in [
        &["--env", "d24-staging", "list"][..],
        &["--env", "d24-staging", "holds"],
        &["--env", "d24-staging", "export", "--out", "-"],
        &["--env", "d24-staging", "audit", "list"],
        &["--env", "d24-staging", "audit", "verify"],
    ] {
        let out = cashout_in(home.path(), args, &[]);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // Calling the provider needs them, and says which are missing.
    let e = failed(&cashout_in(
        home.path(),
        &["--env", "d24-staging", "status", "--id", "1"],
        &[],
    ));
    assert!(
        e["code"] == "keychain" || e["code"] == "credentials_missing",
        "{e}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_bank_list_without_a_read_only_key_is_a_credentials_problem_naming_the_key() {
    let rig = Rig::start().await;
    let home = tempfile::tempdir().expect("home");
    let url = rig.sandbox.base_url();
    let e = failed(&cashout_in(
        home.path(),
        &["--base-url", &url, "banks", "--country", "BR"],
        &[
            ("OKP_API_KEY", okp_sandbox::DEMO_API_KEY),
            ("OKP_API_PASSPHRASE", okp_sandbox::DEMO_API_PASSPHRASE),
            ("OKP_API_SIGNATURE", okp_sandbox::DEMO_API_SIGNATURE),
        ],
    ));
    assert_eq!(e["code"], "credentials_missing", "{e}");
    assert_eq!(e["field"], "read_only_key", "{e}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_loopback_base_url_keeps_its_payouts_out_of_the_embedded_sandbox() {
    let rig = Rig::start().await;
    let home = tempfile::tempdir().expect("home");
    let url = rig.sandbox.base_url();
    let file = write(
        home.path(),
        "r.json",
        &serde_json::to_string(&br_pix("tunnel-1", "10")).expect("json"),
    );
    let created = ok(&cashout_in(
        home.path(),
        &["--base-url", &url, "create", "--json", &file],
        &[],
    ));
    let scope = created["environment"].as_str().expect("scope");
    assert!(scope.starts_with("local@loopback:"), "{scope}");
    // Without --base-url: the embedded sandbox, whose records these are not.
    let embedded = ok(&cashout_in(home.path(), &["list"], &[]));
    assert_eq!(embedded["payouts"].as_array().map(Vec::len), Some(0));
    let e = failed(&cashout_in(
        home.path(),
        &["status", "--external-id", "tunnel-1"],
        &[],
    ));
    assert_eq!(e["code"], "not_found", "{e}");
    let local = ok(&cashout_in(home.path(), &["--base-url", &url, "list"], &[]));
    assert_eq!(local["payouts"].as_array().map(Vec::len), Some(1));
}

#[test]
fn the_embedded_sandbox_cannot_be_pointed_at_another_loopback_server() {
    let home = tempfile::tempdir().expect("home");
    let e = failed(&cashout_in(
        home.path(),
        &[
            "--env",
            "sandbox",
            "--base-url",
            "http://127.0.0.1:4010",
            "list",
        ],
        &[],
    ));
    assert_eq!(e["field"], "base_url", "{e}");
}

#[test]
fn a_dry_run_says_the_id_was_generated_and_is_not_a_create_file() {
    let home = tempfile::tempdir().expect("home");
    let file = write(
        home.path(),
        "r.json",
        &serde_json::to_string(&br_pix("", "10")).expect("json"),
    );
    let out = ok(&cashout_in(
        home.path(),
        &["create", "--json", &file, "--dry-run"],
        &[],
    ));
    assert_eq!(out["external_id_generated"], true, "{out}");
    assert!(out["request"]["external_id"]
        .as_str()
        .is_some_and(|x| x.starts_with("cd-")));
    // Piped back as it is, it is refused: a generated id never passes for a typed one.
    let back = write(home.path(), "back.json", &out.to_string());
    let e = failed(&cashout_in(home.path(), &["create", "--json", &back], &[]));
    assert_eq!(e["code"], "validation", "{e}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_export_never_overwrites_the_journal_or_an_existing_file_unasked() {
    let rig = Rig::start().await;
    let home = tempfile::tempdir().expect("home");
    let url = rig.sandbox.base_url();
    let journal = rig.journal_path().to_string_lossy().into_owned();
    let g = ["--base-url", url.as_str(), "--journal", journal.as_str()];
    let e = failed(&cashout_in(
        home.path(),
        &[&g[..], &["export", "--out", &journal, "--overwrite"]].concat(),
        &[],
    ));
    assert_eq!(e["field"], "file", "{e}");
    assert!(ok(&cashout_in(home.path(), &[&g[..], &["list"]].concat(), &[]))["payouts"].is_array());
    let csv = write(home.path(), "old.csv", "keep me");
    let e = failed(&cashout_in(
        home.path(),
        &[&g[..], &["export", "--out", &csv]].concat(),
        &[],
    ));
    assert_eq!(e["field"], "file", "{e}");
    assert_eq!(std::fs::read_to_string(&csv).expect("read"), "keep me");
    ok(&cashout_in(
        home.path(),
        &[&g[..], &["export", "--out", &csv, "--overwrite"]].concat(),
        &[],
    ));
    assert!(std::fs::read_to_string(&csv)
        .expect("read")
        .contains("cashout_id"));
}

#[test]
fn a_create_that_cannot_be_sent_for_lack_of_credentials_leaves_nothing_behind() {
    let home = tempfile::tempdir().expect("home");
    let file = write(
        home.path(),
        "r.json",
        &serde_json::to_string(&br_pix("", "10")).expect("json"),
    );
    let e = failed(&cashout_in(
        home.path(),
        &["--env", "d24-staging", "create", "--json", &file],
        &[],
    ));
    assert!(
        e["code"] == "keychain" || e["code"] == "credentials_missing",
        "{e}"
    );
    let listed = ok(&cashout_in(
        home.path(),
        &["--env", "d24-staging", "list"],
        &[],
    ));
    assert_eq!(
        listed["payouts"].as_array().map(Vec::len),
        Some(0),
        "{listed}"
    );
}

#[test]
fn usage_errors_name_what_is_missing_and_a_mistyped_journal_is_not_an_empty_one() {
    let home = tempfile::tempdir().expect("home");
    let e = failed(&cashout_in(home.path(), &["hold"], &[]));
    assert!(
        e["message"].as_str().is_some_and(|m| m.contains("--id")),
        "{e}"
    );
    let e = failed(&cashout_in(
        home.path(),
        &["--env", "nonsense", "list"],
        &[],
    ));
    assert_eq!(e["field"], "env", "{e}");
    let typo = home.path().join("jornal.sqlite3");
    let e = failed(&cashout_in(
        home.path(),
        &["--journal", &typo.to_string_lossy(), "list"],
        &[],
    ));
    assert_eq!(e["field"], "journal", "{e}");
    assert!(!typo.exists(), "no journal created by a read");
}

#[test]
fn a_dry_run_writes_nothing() {
    let home = tempfile::tempdir().expect("home");
    let file = write(
        home.path(),
        "r.json",
        &serde_json::to_string(&br_pix("", "10")).expect("json"),
    );
    ok(&cashout_in(
        home.path(),
        &["create", "--json", &file, "--dry-run"],
        &[],
    ));
    assert!(
        !home.path().join("data").exists(),
        "no data directory was made"
    );
}
