//! The `cashout` binary tried from outside, as issue 9 found it: several processes at once on
//! one journal, the journal the desktop app uses, an older version's journal, requests that
//! are not one JSON object, and reading with no credentials at all.

mod common;

use std::sync::Arc;

use cashout_core::clock::SystemClock;
use cashout_core::credentials::MemoryStore;
use cashout_core::datadir;
use cashout_core::desk::CreateOptions;
use cashout_core::settings::Settings;
use cashout_core::workspace::Workspace;
use cashout_tests::{br_pix, Rig};
use common::{failed, ok, Cashout};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_groups_of_twenty_processes_sending_one_id_less_payout_send_it_once() {
    let rig = Rig::start().await;
    let cli = Cashout::new();
    let url = rig.sandbox.base_url();
    let journal = rig.journal_path().to_string_lossy().into_owned();
    let g = ["--base-url", url.as_str(), "--journal", journal.as_str()];
    let file = cli.write_json("same.json", &br_pix("", "150.25"));
    let children: Vec<_> = (0..40)
        .map(|_| cli.spawn(&[&g[..], &["create", "--json", &file]].concat(), &[]))
        .collect();
    let mut sent = 0;
    let mut refused = 0;
    for child in children {
        let out = child.wait_with_output().expect("exits");
        if out.status.success() {
            sent += 1;
        } else {
            let e = failed(&out);
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
    let cli = Cashout::new();
    // Where the app puts its data under this home: the core decides for both.
    let dir = cli.home().join("data").join("com.cashoutdesk.app");
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
    let listed = ok(&cli.run(&["list"], &[]));
    let payouts = listed["payouts"].as_array().expect("payouts");
    assert_eq!(payouts.len(), 1, "{listed}");
    assert_eq!(payouts[0]["external_id"], "app-1");
    assert_eq!(payouts[0]["cashout_id"], created.cashout_id.expect("id"));
    // Settled: the phase says nothing the status does not, so it is left out.
    assert!(payouts[0].get("phase").is_none(), "{listed}");
}

#[test]
fn an_older_cli_journal_is_merged_into_the_shared_one_once_and_audited() {
    let cli = Cashout::new();
    let legacy = cli.home().join("data").join("cashout-desk");
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
    let out = cli.run(&["list"], &[]);
    let listed = ok(&out);
    assert_eq!(listed["payouts"][0]["external_id"], "legacy-1", "{listed}");
    let notice = String::from_utf8_lossy(&out.stderr);
    assert!(notice.contains("merged"), "{notice}");
    assert!(legacy.join("journal.sqlite3.moved").is_file());
    assert!(cli
        .home()
        .join("data/com.cashoutdesk.app/journal.sqlite3")
        .is_file());
    let log = ok(&cli.run(
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
    let again = cli.run(&["list"], &[]);
    assert!(!String::from_utf8_lossy(&again.stderr).contains("merged"));
    assert!(ok(&cli.run(&["audit", "verify"], &[]))["intact"]
        .as_bool()
        .expect("verdict"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_that_is_not_one_object_of_known_fields_is_refused_at_its_field_and_nothing_is_sent(
) {
    let rig = Rig::start().await;
    let cli = Cashout::new();
    let url = rig.sandbox.base_url();
    let journal = rig.journal_path().to_string_lossy().into_owned();
    let g = ["--base-url", url.as_str(), "--journal", journal.as_str()];
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
        let file = cli.write_text(&format!("bad-{i}.json"), text);
        let e = failed(&cli.run(&[&g[..], &["create", "--json", &file]].concat(), &[]));
        assert_eq!(e["code"], "validation", "{text}: {e}");
        assert_eq!(e["field"], *field, "{text}: {e}");
    }
    assert_eq!(rig.sandbox.cashout_count(), 0, "nothing was sent");
    assert_eq!(rig.sandbox.stats().requests, 0);
}

#[test]
fn reading_commands_work_with_no_credentials_and_no_keychain() {
    let cli = Cashout::new();
    for args in [
        &["--env", "d24-staging", "list"][..],
        &["--env", "d24-staging", "holds"],
        &["--env", "d24-staging", "export", "--out", "-"],
        &["--env", "d24-staging", "audit", "list"],
        &["--env", "d24-staging", "audit", "verify"],
    ] {
        let out = cli.run(args, &[]);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // Calling the provider needs them, and says which are missing.
    let e = failed(&cli.run(&["--env", "d24-staging", "status", "--id", "1"], &[]));
    assert!(
        e["code"] == "keychain" || e["code"] == "credentials_missing",
        "{e}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_bank_list_without_a_read_only_key_is_a_credentials_problem_naming_the_key() {
    let rig = Rig::start().await;
    let cli = Cashout::new();
    let url = rig.sandbox.base_url();
    let e = failed(&cli.run(
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
    let cli = Cashout::new();
    let url = rig.sandbox.base_url();
    let file = cli.write_json("r.json", &br_pix("tunnel-1", "10"));
    let created = ok(&cli.run(&["--base-url", &url, "create", "--json", &file], &[]));
    let scope = created["environment"].as_str().expect("scope");
    assert!(scope.starts_with("local@loopback:"), "{scope}");
    // Without --base-url: the embedded sandbox, whose records these are not.
    let embedded = ok(&cli.run(&["list"], &[]));
    assert_eq!(embedded["payouts"].as_array().map(Vec::len), Some(0));
    let e = failed(&cli.run(&["status", "--external-id", "tunnel-1"], &[]));
    assert_eq!(e["code"], "not_found", "{e}");
    let local = ok(&cli.run(&["--base-url", &url, "list"], &[]));
    assert_eq!(local["payouts"].as_array().map(Vec::len), Some(1));
}

#[test]
fn the_embedded_sandbox_cannot_be_pointed_at_another_loopback_server() {
    let cli = Cashout::new();
    let e = failed(&cli.run(
        &[
            "--env",
            "sandbox",
            "--base-url",
            "http://127.0.0.1:4010",
            "list",
        ],
        &[],
    ));
    assert_eq!(e["code"], "invalid_input", "{e}");
    assert_eq!(e["field"], "base_url", "{e}");
}

#[test]
fn a_dry_run_says_the_id_was_generated_and_is_not_a_create_file() {
    let cli = Cashout::new();
    let file = cli.write_json("r.json", &br_pix("", "10"));
    let out = ok(&cli.run(&["create", "--json", &file, "--dry-run"], &[]));
    assert_eq!(out["external_id_generated"], true, "{out}");
    assert!(out["request"]["external_id"]
        .as_str()
        .is_some_and(|x| x.starts_with("cd-")));
    // Piped back as it is, it is refused: a generated id never passes for a typed one.
    let back = cli.write_text("back.json", &out.to_string());
    let e = failed(&cli.run(&["create", "--json", &back], &[]));
    assert_eq!(e["code"], "validation", "{e}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_export_never_overwrites_the_journal_or_an_existing_file_unasked() {
    let rig = Rig::start().await;
    let cli = Cashout::new();
    let url = rig.sandbox.base_url();
    let journal = rig.journal_path().to_string_lossy().into_owned();
    let g = ["--base-url", url.as_str(), "--journal", journal.as_str()];
    let e = failed(&cli.run(
        &[&g[..], &["export", "--out", &journal, "--overwrite"]].concat(),
        &[],
    ));
    assert_eq!(e["field"], "file", "{e}");
    assert!(ok(&cli.run(&[&g[..], &["list"]].concat(), &[]))["payouts"].is_array());
    let csv = cli.write_text("old.csv", "keep me");
    let e = failed(&cli.run(&[&g[..], &["export", "--out", &csv]].concat(), &[]));
    assert_eq!(e["field"], "file", "{e}");
    assert_eq!(std::fs::read_to_string(&csv).expect("read"), "keep me");
    ok(&cli.run(
        &[&g[..], &["export", "--out", &csv, "--overwrite"]].concat(),
        &[],
    ));
    assert!(std::fs::read_to_string(&csv)
        .expect("read")
        .contains("cashout_id"));
}

#[test]
fn a_create_that_cannot_be_sent_for_lack_of_credentials_leaves_nothing_behind() {
    let cli = Cashout::new();
    let file = cli.write_json("r.json", &br_pix("", "10"));
    let e = failed(&cli.run(&["--env", "d24-staging", "create", "--json", &file], &[]));
    assert!(
        e["code"] == "keychain" || e["code"] == "credentials_missing",
        "{e}"
    );
    let listed = ok(&cli.run(&["--env", "d24-staging", "list"], &[]));
    assert_eq!(
        listed["payouts"].as_array().map(Vec::len),
        Some(0),
        "{listed}"
    );
}

#[test]
fn usage_errors_name_what_is_missing_and_a_mistyped_journal_is_not_an_empty_one() {
    let cli = Cashout::new();
    let e = failed(&cli.run(&["hold"], &[]));
    assert!(
        e["message"].as_str().is_some_and(|m| m.contains("--id")),
        "{e}"
    );
    let e = failed(&cli.run(&["--env", "nonsense", "list"], &[]));
    assert_eq!(e["field"], "env", "{e}");
    let typo = cli.home().join("jornal.sqlite3");
    let e = failed(&cli.run(&["--journal", &typo.to_string_lossy(), "list"], &[]));
    assert_eq!(e["field"], "journal", "{e}");
    assert!(!typo.exists(), "no journal created by a read");
}

#[test]
fn a_dry_run_writes_nothing() {
    let cli = Cashout::new();
    let file = cli.write_json("r.json", &br_pix("", "10"));
    ok(&cli.run(&["create", "--json", &file, "--dry-run"], &[]));
    assert!(
        !cli.home().join("data").exists(),
        "no data directory was made"
    );
    let left: Vec<_> = std::fs::read_dir(cli.home())
        .expect("home")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(left, ["r.json"], "nothing but the request in the home");
}
