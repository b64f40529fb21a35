//! `cashout batch` as a process: a spreadsheet's CSV imported with its control total, sent to
//! a provider that drops answers, fails and lags, killed with SIGKILL half way, and resumed —
//! and every row ends in exactly one cashout.

mod common;

use std::io::{BufRead, BufReader};
use std::time::Duration;

use cashout_tests::Rig;
use common::{failed, ok, Cashout};
use okp_sandbox::{Endpoint, FaultPlan};
use rust_decimal::Decimal;

const N: usize = 24;

/// The file as Excel saves it on a Spanish-locale Windows: BOM, semicolons, decimal commas.
fn spreadsheet() -> (String, Decimal) {
    let mut text = String::from("\u{feff}País;Moneda;Monto;CPF;Nome;Sobrenome;Banco;Telefone\r\n");
    let mut total = Decimal::ZERO;
    for i in 0..N {
        let amount = Decimal::new(100_000 + (i as i64) * 1_234, 2);
        total += amount;
        let written = amount.to_string().replace('.', ",");
        let written = if amount >= Decimal::from(1000) {
            // Grouped as the spreadsheet shows it: 1.012,34.
            let (whole, cents) = written.split_once(',').expect("cents");
            format!(
                "{}.{},{cents}",
                &whole[..whole.len() - 3],
                &whole[whole.len() - 3..]
            )
        } else {
            written
        };
        text.push_str(&format!(
            "BR;BRL;{written};390.533.447-05;Ana;Souza {i};10000;+55 11 98765-{:04}\r\n",
            4000 + i
        ));
    }
    (text, total)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_killed_mid_send_and_resumed_makes_exactly_one_cashout_per_row() {
    let rig = Rig::start().await;
    rig.sandbox.set_fault_plan(Some(FaultPlan {
        seed: 0x000b_a7c4,
        endpoints: vec![Endpoint::Create, Endpoint::Status],
        drop_after_commit: 150,
        error_500: 100,
        delay: 60,
        delay_by: Duration::from_millis(300),
        stale_not_found: 200,
    }));
    let cli = Cashout::new();
    let url = rig.sandbox.base_url();
    let journal = rig.journal_path().to_string_lossy().into_owned();
    let g = ["--base-url", url.as_str(), "--journal", journal.as_str()];
    let (text, total) = spreadsheet();
    let file = cli.write_text("payouts.csv", &text);
    // A loopback provider has no notification URL in the settings: the file's rows get one.
    let n = [
        "--notification-url",
        "https://merchant.example/cashouts/notify",
    ];
    let run = |args: &[&str]| cli.run(&[&g[..], args].concat(), &[]);

    // A wrong control total writes nothing.
    let e = failed(&run(&[
        "batch",
        "import",
        &file,
        "--decimal-comma",
        n[0],
        n[1],
        "--control",
        &format!("BRL:{N}:1,00"),
    ]));
    assert_eq!(e["field"], "control_total", "{e}");
    let control = format!("BRL:{N}:{}", total.to_string().replace('.', ","));
    let imported = ok(&run(&[
        "batch",
        "import",
        &file,
        "--decimal-comma",
        n[0],
        n[1],
        "--control",
        &control,
        "--rate",
        "600",
    ]));
    let id = imported["batch"]["id"].as_str().expect("id").to_owned();
    assert_eq!(imported["batch"]["progress"]["waiting"], N);
    assert_eq!(imported["file"]["encoding"], "UTF-8 with BOM");
    // The same file again is refused, naming the batch.
    let e = failed(&run(&[
        "batch",
        "import",
        &file,
        "--decimal-comma",
        n[0],
        n[1],
        "--control",
        &control,
    ]));
    assert!(e["message"].as_str().unwrap_or("").contains(&id), "{e}");

    // Sent, and killed after a third of the rows.
    let mut child = cli.spawn(&[&g[..], &["batch", "send", &id]].concat(), &[]);
    let stderr = child.stderr.take().expect("stderr");
    let mut seen = 0;
    for line in BufReader::new(stderr).lines() {
        let line = line.expect("line");
        if line.contains("\"progress\"") {
            seen += 1;
            if seen == N / 3 {
                break;
            }
        }
    }
    child.kill().expect("SIGKILL");
    let _ = child.wait();
    assert_eq!(
        seen,
        N / 3,
        "the send reported its rows before it was killed"
    );
    let status = ok(&run(&["batch", "status", &id]));
    let waiting = status["batch"]["progress"]["waiting"]
        .as_u64()
        .expect("waiting");
    assert!(waiting > 0 && waiting < N as u64, "{status}");

    // Resumed at once (the killed sender's lease is void: its process is gone).
    let resumed = ok(&run(&["batch", "resume", &id]));
    assert_eq!(resumed["end"], "finished", "{resumed}");
    // The provider's answers that were lost are settled by lookup, never by a new id.
    rig.sandbox.set_fault_plan(None);
    ok(&run(&["reconcile"]));
    let done = ok(&run(&["batch", "status", &id]));
    let p = &done["batch"]["progress"];
    assert_eq!(p["created"], N, "{done}");
    assert_eq!(done["batch"]["state"], "done");
    let faults = rig.sandbox.stats().faults_applied;
    assert!(faults >= 5, "the fault plan must bite: {faults}");
    for row in 2..2 + N {
        assert_eq!(
            rig.sandbox.cashouts_for_external_id(&format!("{id}-{row}")),
            1,
            "row {row}"
        );
    }
    assert_eq!(rig.sandbox.cashout_count(), N);

    // The result file: the input columns then the outcome, ids as text.
    let out = cli.home().join("result.csv");
    let out = out.to_string_lossy().into_owned();
    ok(&run(&["batch", "results", &id, "--out", &out]));
    let result = std::fs::read_to_string(&out).expect("result");
    assert!(result.starts_with("\u{feff}País;Moneda;Monto;CPF;Nome;Sobrenome;Banco;Telefone;row;external_id;outcome;cashout_id"), "{result}");
    assert_eq!(result.matches(";created;").count(), N, "{result}");
    assert!(result.contains(&format!("\"=\"\"{id}-2\"\"\"")), "{result}");
    eprintln!("{N} rows, {faults} faults, killed after {seen}, resumed and reconciled");
}
