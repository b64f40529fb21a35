//! The `cashout` binary's contract, run as a real process against the embedded sandbox:
//! one JSON object on stdout on success, one on stderr with a stable `code` on failure.

mod common;

use std::time::{Duration, Instant};

use cashout_tests::{br_pix, Rig};
use common::{failed, json_of, ok, Cashout};
use okp_sandbox::{Endpoint, Fault};
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_status_hold_release_cancel_through_the_cli() {
    let rig = Rig::start().await;
    let cli = Cashout::new();
    let url = rig.sandbox.base_url();
    let journal = rig.journal_path().to_string_lossy().into_owned();
    let file = cli.write_json("req.json", &br_pix("", "25.50"));
    let g = ["--base-url", url.as_str(), "--journal", journal.as_str()];
    let run = |extra: &[&str]| cli.run(&[&g[..], extra].concat(), &[]);

    let created = ok(&run(&["create", "--json", &file]));
    assert_eq!(created["status"], "PENDING");
    assert_eq!(created["status_code"], 0);
    let ext = created["external_id"]
        .as_str()
        .expect("generated external_id")
        .to_owned();
    assert!(ext.starts_with("cd-"), "{ext}");
    let id = created["cashout_id"].as_i64().expect("id").to_string();

    assert_eq!(ok(&run(&["status", "--id", &id]))["status"], "PENDING");
    assert_eq!(
        ok(&run(&["status", "--external-id", &ext]))["status"],
        "PENDING"
    );
    assert_eq!(ok(&run(&["hold", "--id", &id]))["status"], "ON_HOLD");
    assert_eq!(ok(&run(&["release", "--id", &id]))["status"], "PENDING");
    let cancelled = ok(&run(&["cancel", "--id", &id]));
    assert_eq!(cancelled["status"], "CANCELLED");
    assert_eq!(cancelled["status_code"], 2);
    let list = ok(&run(&["list"]));
    assert_eq!(list["payouts"].as_array().map(Vec::len), Some(1));
    let banks = ok(&run(&["banks", "--country", "BR"]));
    assert!(banks["banks"]
        .as_array()
        .is_some_and(|b| b.iter().any(|b| b["code"] == "001")));

    let refused = failed(&run(&["hold", "--id", &id]));
    assert_eq!(refused["code"], "action_not_allowed");
    let missing = failed(&run(&["status", "--id", "987654321"]));
    assert_eq!(missing["code"], "not_found");
    assert_eq!(missing["api_code"], 509);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_cpf_fails_with_field_error_and_sends_nothing() {
    let rig = Rig::start().await;
    let cli = Cashout::new();
    let url = rig.sandbox.base_url();
    let journal = rig.journal_path().to_string_lossy().into_owned();
    let mut req = br_pix("cli-bad", "10");
    req.document_id = "231.002.999-00".into();
    let file = cli.write_json("bad.json", &req);
    let before = rig.sandbox.stats().requests;
    let out = cli.run(
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
    );
    assert_eq!(out.status.code(), Some(2));
    let err = failed(&out);
    assert_eq!(err["code"], "validation");
    assert_eq!(err["field"], "document_id");
    assert!(err["message"].as_str().is_some_and(|m| !m.is_empty()));
    // Only the start-up reconcile may have talked to the sandbox; no create was sent.
    assert_eq!(rig.sandbox.stats().creates_committed, 0);
    assert!(rig.sandbox.stats().requests >= before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn usage_errors_and_unknown_environments_are_json() {
    let cli = Cashout::new();
    let out = cli.run(&["status"], &[]);
    assert_eq!(failed(&out)["code"], "usage");
    // A path inside this test's own home: nothing outside it (e.g. a file an earlier run made
    // as root) can make it exist.
    let missing = cli.home().join("nowhere").join("x.sqlite3");
    let missing = missing.to_string_lossy().into_owned();
    let out = cli.run(&["--env", "moon", "--journal", &missing, "list"], &[]);
    assert_eq!(
        failed(&out)["code"],
        "invalid_environment",
        "the unknown environment is said before the missing journal"
    );
    let out = cli.run(&["--journal", &missing, "list"], &[]);
    let refused = failed(&out);
    assert_eq!(
        (&refused["code"], &refused["field"]),
        (&"invalid_input".into(), &"journal".into()),
        "a journal that is not there is not read as an empty one"
    );
    assert!(
        !std::path::Path::new(&missing).exists(),
        "nor created by reading it"
    );
    let out = cli.run(&["--base-url", "http://pay.example.com", "list"], &[]);
    assert_eq!(
        failed(&out)["code"],
        "invalid_environment",
        "plain http off loopback is refused"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_process_with_create_in_flight_is_reconciled_without_a_second_cashout() {
    let rig = Rig::start().await;
    let cli = Cashout::new();
    let url = rig.sandbox.base_url();
    let journal = rig.journal_path().to_string_lossy().into_owned();
    let g = ["--base-url", url.as_str(), "--journal", journal.as_str()];
    let file = cli.write_json("crash.json", &br_pix("crash-cli", "42"));
    // The provider commits, then takes far longer than we are willing to wait.
    rig.sandbox.inject(Fault::Delay {
        endpoint: Endpoint::Create,
        by: Duration::from_secs(30),
    });
    let mut child = cli.spawn(&[&g[..], &["create", "--json", &file]].concat(), &[]);
    let deadline = Instant::now() + Duration::from_secs(20);
    while rig.sandbox.cashouts_for_external_id("crash-cli") == 0 {
        assert!(
            Instant::now() < deadline,
            "the create never reached the sandbox"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    child.kill().expect("kill");
    let _ = child.wait();

    // An operator's reconcile looks it up at once (a lookup sends nothing), and finds it; the
    // same create again is answered from the journal.
    let report = ok(&cli.run(&[&g[..], &["reconcile"]].concat(), &[]));
    assert_eq!(
        (report["checked"].as_u64(), report["found"].as_u64()),
        (Some(1), Some(1)),
        "{report}"
    );
    let again = ok(&cli.run(&[&g[..], &["create", "--json", &file]].concat(), &[]));
    assert_eq!(again["external_id"], "crash-cli");
    assert_eq!(again["status"], "PENDING");
    assert_eq!(rig.sandbox.cashouts_for_external_id("crash-cli"), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn canary_secret_from_the_environment_never_appears_in_output() {
    let rig = Rig::start().await;
    let cli = Cashout::new();
    let url = rig.sandbox.base_url();
    let journal = rig.journal_path().to_string_lossy().into_owned();
    let g = ["--base-url", url.as_str(), "--journal", journal.as_str()];
    let file = cli.write_json("c.json", &br_pix("canary-cli", "10"));
    let envs = [
        ("OKP_API_KEY", okp_sandbox::DEMO_API_KEY),
        ("OKP_API_PASSPHRASE", "CANARY-pass-cli"),
        ("OKP_API_SIGNATURE", "CANARY-sig-cli"),
    ];
    for args in [
        vec!["create", "--json", file.as_str()],
        vec!["status", "--id", "1"],
        vec!["hold", "--id", "1"],
        vec!["list"],
    ] {
        let out = cli.run(&[&g[..], &args[..]].concat(), &envs);
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!all.contains("CANARY"), "{args:?} leaked: {all}");
    }
    assert!(rig.sandbox.stats().signature_failures + rig.sandbox.stats().credential_failures > 0);
}

#[test]
fn version_names_the_version_the_commit_and_the_build_time() {
    let out = Cashout::new().run(&["--version"], &[]);
    assert!(out.status.success());
    let line = String::from_utf8(out.stdout).expect("UTF-8");
    assert_eq!(
        line.trim(),
        format!("cashout {}", cashout_core::about::VERSION_LINE)
    );
    assert!(
        line.contains(&format!("cashout {} (commit ", env!("CARGO_PKG_VERSION"))),
        "{line}"
    );
    assert!(line.contains(", built 20"), "{line}");
}

#[test]
fn default_environment_runs_the_embedded_sandbox_and_keeps_its_state() {
    let cli = Cashout::new();
    let journal = cli
        .home()
        .join("journal.sqlite3")
        .to_string_lossy()
        .into_owned();
    let file = cli.write_json("r.json", &br_pix("embedded-1", "10"));
    let created = ok(&cli.run(&["--journal", &journal, "create", "--json", &file], &[]));
    let id = created["cashout_id"].as_i64().expect("id").to_string();
    // A second process starts its own sandbox on the same file and still knows the cashout.
    let status = ok(&cli.run(&["--journal", &journal, "status", "--id", &id], &[]));
    assert_eq!(status["status"], "PENDING");
    assert!(cli.home().join("sandbox.sqlite3").exists());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn watch_refuses_values_out_of_range_naming_the_setting_before_polling() {
    let rig = Rig::start().await;
    let url = rig.sandbox.base_url();
    let journal = rig.journal_path().to_string_lossy().into_owned();
    let g = ["--base-url", url.as_str(), "--journal", journal.as_str()];
    let cli = Cashout::new();
    let err = failed(&cli.run(&[&g[..], &["watch", "--rate", "0"]].concat(), &[]));
    assert_eq!(err["field"], "rate");
    // The flag's earlier name still works.
    let err = failed(&cli.run(
        &[&g[..], &["watch", "--completed-window-days", "365"]].concat(),
        &[],
    ));
    assert_eq!(err["field"], "late_rejection_window_days");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn watch_prints_a_json_line_per_change_and_stops_on_interrupt() {
    use std::io::{BufRead, BufReader};
    let rig = Rig::start().await;
    let url = rig.sandbox.base_url();
    let journal = rig.journal_path().to_string_lossy().into_owned();
    let g = ["--base-url", url.as_str(), "--journal", journal.as_str()];
    let cli = Cashout::new();
    let file = cli.write_json("w.json", &br_pix("watch-1", "12.00"));
    ok(&cli.run(&[&g[..], &["create", "--json", &file]].concat(), &[]));

    let mut child = cli.spawn(
        &[&g[..], &["watch"]].concat(),
        // The whole schedule 100 times faster: PENDING is polled every ~0.3 s.
        &[("CASHOUT_WATCH_SCALE", "0.01")],
    );
    // The sandbox's bank picks the payout up once its (manual) clock passes 60 s.
    rig.clock.advance(Duration::from_secs(61));
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let line = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("a change is reported");
    let event: Value = serde_json::from_str(&line).expect("one JSON object per line");
    assert_eq!(event["kind"], "changed");
    assert_eq!(event["from"], "PENDING");
    assert_eq!(event["to"], "DELIVERED");
    assert_eq!(event["late_rejection"], false);
    assert_eq!(event["payout"]["external_id"], "watch-1");

    let pid = child.id().to_string();
    let started = Instant::now();
    std::process::Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .expect("kill runs");
    let status = child.wait().expect("watch exits");
    assert!(status.success(), "{status:?}");
    assert!(started.elapsed() < Duration::from_secs(5));
    // What it saw is in the journal's history.
    let history = ok(&cli.run(
        &[&g[..], &["history", "--external-id", "watch-1"]].concat(),
        &[],
    ));
    let statuses: Vec<&str> = history["history"]
        .as_array()
        .expect("history")
        .iter()
        .filter_map(|h| h["status"].as_str())
        .collect();
    assert_eq!(statuses, ["PENDING", "DELIVERED"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn audit_verify_export_and_holds_through_the_cli() {
    let rig = Rig::start().await;
    let url = rig.sandbox.base_url();
    let journal = rig.journal_path().to_string_lossy().into_owned();
    let g = ["--base-url", url.as_str(), "--journal", journal.as_str()];
    let cli = Cashout::new();
    let run = |extra: &[&str]| cli.run(&[&g[..], extra].concat(), &[]);
    let file = cli.write_json("a.json", &br_pix("007", "99.95"));
    let id = ok(&run(&["create", "--json", &file]))["cashout_id"]
        .as_i64()
        .expect("id")
        .to_string();
    ok(&run(&["hold", "--id", &id]));

    let holds = ok(&run(&["holds"]));
    assert_eq!(holds["totals"][0]["currency"], "BRL");
    assert_eq!(holds["totals"][0]["amount"], "99.95");

    let csv_path = rig.dir.path().join("export.csv");
    let csv_arg = csv_path.to_string_lossy().into_owned();
    let written = ok(&run(&["export", "--out", &csv_arg, "--status", "on_hold"]));
    assert_eq!(written["payouts"], 1);
    let csv = std::fs::read_to_string(&csv_path).expect("csv");
    let rows = cashout_core::report::parse_csv(&csv).expect("an export");
    assert_eq!(rows[0][0], id);
    assert_eq!(rows[0][1], "007", "leading zeros kept");
    assert_eq!(rows[0][4], "99.95");

    let exchanges = ok(&run(&["exchanges", "--external-id", "007"]));
    let sent = exchanges["exchanges"].as_array().expect("exchanges");
    assert_eq!(sent[0]["path"], "/v3/cashout");
    assert!(!sent[0]["body"]
        .as_str()
        .expect("body")
        .contains(okp_sandbox::DEMO_API_PASSPHRASE));

    let verdict = ok(&run(&["audit", "verify"]));
    assert_eq!(verdict["intact"], true);
    assert_eq!(verdict["entries"], 3, "create, hold, export");
    let listed = ok(&run(&["audit", "list", "--action", "export"]));
    assert_eq!(listed["entries"].as_array().map(Vec::len), Some(1));

    let conn = rusqlite::Connection::open(rig.journal_path()).expect("open");
    conn.execute(
        "UPDATE audit SET os_user = 'someone-else' WHERE seq = 2",
        [],
    )
    .expect("tamper");
    drop(conn);
    let out = run(&["audit", "verify"]);
    assert_eq!(out.status.code(), Some(3), "a broken chain exits 3");
    let verdict = json_of(&out.stdout);
    assert_eq!(verdict["intact"], false);
    assert_eq!(verdict["broken_at"], 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn overview_prints_the_journals_sums_and_only_its_words_follow_the_language() {
    let rig = Rig::start().await;
    let url = rig.sandbox.base_url();
    let journal = rig.journal_path().to_string_lossy().into_owned();
    let cli = Cashout::new();
    let run = |lang: &str, extra: &[&str]| {
        cli.run(
            &[
                &[
                    "--base-url",
                    url.as_str(),
                    "--journal",
                    journal.as_str(),
                    "--lang",
                    lang,
                ][..],
                extra,
            ]
            .concat(),
            &[],
        )
    };
    let first = cli.write_json("a.json", &br_pix("", "1234.56"));
    let second = cli.write_json("b.json", &br_pix("", "0.44"));
    ok(&run("en", &["create", "--json", &first]));
    let id = ok(&run("en", &["create", "--json", &second]))["cashout_id"]
        .as_i64()
        .expect("id")
        .to_string();
    ok(&run("en", &["hold", "--id", &id]));

    let en = ok(&run("en", &["overview"]));
    let pt = ok(&run("pt-BR", &["overview"]));
    let brl = &en["currencies"][0];
    assert_eq!(brl["currency"], "BRL");
    assert_eq!(en["payouts"], 2);
    assert_eq!(brl["sent"]["sum"], "1235.00");
    assert_eq!(brl["in_flight"]["sum"], "1234.56");
    assert_eq!(brl["on_hold"]["figure"]["sum"], "0.44");
    assert_eq!(brl["sent"]["shown"], "BRL 1,235.00");
    assert_eq!(pt["currencies"][0]["sent"]["shown"], "BRL 1.235,00");
    assert_eq!(pt["currencies"][0]["by_status"][0]["label"], "Pendente");
    // The contract does not change with the language: the same keys, codes and canonical sums.
    fn shape(v: &Value) -> Value {
        match v {
            Value::Object(m) => m
                .iter()
                .map(|(k, v)| (k.clone(), shape(v)))
                .collect::<serde_json::Map<_, _>>()
                .into(),
            Value::Array(a) => a.iter().map(shape).collect(),
            // Values may differ (words, and the hold's age a second later); keys may not.
            _ => Value::Null,
        }
    }
    assert_eq!(shape(&en), shape(&pt));
    assert_eq!(
        en["currencies"][0]["by_status"][0]["key"],
        pt["currencies"][0]["by_status"][0]["key"]
    );
    assert_eq!(
        en["currencies"][0]["sent"]["sum"],
        pt["currencies"][0]["sent"]["sum"]
    );

    let refused = failed(&run(
        "es",
        &["overview", "--from", "2026-12-05", "--to", "2026-12-01"],
    ));
    assert_eq!(refused["code"], "invalid_input");
    assert_eq!(refused["field"], "period_to");

    // An error's words follow the language; its code and provider code do not.
    let missing_en = failed(&run("en", &["status", "--id", "987654321"]));
    let missing_pt = failed(&run("pt-BR", &["status", "--id", "987654321"]));
    assert_eq!(
        (&missing_en["code"], &missing_en["api_code"]),
        (&missing_pt["code"], &missing_pt["api_code"])
    );
    assert_eq!(missing_pt["code"], "not_found");
    let en = missing_en["message"].as_str().unwrap_or_default();
    let pt = missing_pt["message"].as_str().unwrap_or_default();
    assert!(en.contains("No cashout with this id exists"), "{en}");
    assert!(pt.contains("Não existe nenhum saque"), "{pt}");
}

/// The CLI's own refusals (its arguments, the files and variables it reads) are said in
/// `--lang`, like the core's; their code and field are the same in every language.
#[test]
fn the_clis_own_refusals_follow_the_language_and_keep_their_code_and_field() {
    let cli = Cashout::new();
    let missing = cli.home().join("nowhere").join("request.json");
    let missing = missing.to_string_lossy().into_owned();
    let profile = cli.write_text("team.json", "{\"host\": 5}");
    let cases: Vec<(Vec<&str>, &str, &str, &str)> = vec![
        (
            vec!["create", "--dry-run", "--json", &missing],
            "json",
            "no se puede leer",
            "não é possível ler",
        ),
        (
            vec!["credentials", "set"],
            "env",
            "indique de qué entorno",
            "diga de qual ambiente",
        ),
        (
            vec!["credentials", "set", "--env", "sandbox"],
            "env",
            "credenciales de demostración fijas",
            "credenciais de demonstração fixas",
        ),
        (
            vec!["team", "status"],
            "team",
            "indique --team PERFIL",
            "informe --team PERFIL",
        ),
        (
            vec!["--team", &profile, "team", "status"],
            "team",
            "no es un perfil de equipo",
            "não é um perfil de equipe",
        ),
    ];
    for (args, field, es_words, pt_words) in cases {
        let run = |lang: &str| failed(&cli.run(&[&["--lang", lang][..], &args].concat(), &[]));
        let (en, es, pt) = (run("en"), run("es"), run("pt-BR"));
        for other in [&es, &pt] {
            assert_eq!(other["code"], en["code"], "{args:?}");
            assert_eq!(other["field"], en["field"], "{args:?}");
        }
        assert_eq!(en["field"], field, "{args:?}: {en}");
        let words = |v: &Value| v["message"].as_str().unwrap_or_default().to_owned();
        assert!(words(&es).contains(es_words), "{args:?}: {}", words(&es));
        assert!(words(&pt).contains(pt_words), "{args:?}: {}", words(&pt));
        assert_ne!(words(&en), words(&es), "{args:?}");
    }
}
