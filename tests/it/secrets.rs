//! The secret canary: a recognisable API Signature and passphrase are used for a whole session,
//! then every file the project wrote and every output is searched for them.

use std::path::Path;

use cashout_core::api::types::{CashoutId, CashoutRef};
use cashout_core::credentials::{Credentials, Secret};
use cashout_core::desk::Desk;
use cashout_tests::{br_pix, fast_retry, Rig};

const CANARY_SIGNATURE: &str = "CANARY-signature-7f3a9c";
const CANARY_PASSPHRASE: &str = "CANARY-pass-51d2";

fn files_under(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let p = entry.path();
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[tokio::test]
async fn secret_canary_never_appears_in_files_errors_or_views() {
    let rig = Rig::start().await;
    let creds = Credentials {
        api_key: okp_sandbox::DEMO_API_KEY.into(),
        passphrase: Secret::new(CANARY_PASSPHRASE.into()),
        signature: Secret::new(CANARY_SIGNATURE.into()),
        read_only_key: None,
    };
    let client = rig.client_with(creds);
    let desk = Desk::new(client, rig.journal.clone(), fast_retry());
    let mut outputs = Vec::new();
    // Wrong credentials for the sandbox: every call fails, and the failures are what leak most often.
    let e = desk
        .create(&br_pix("canary-1", "10"), &Default::default())
        .await
        .expect_err("refused");
    outputs.push(format!(
        "{e} {e:?} {}",
        serde_json::to_string(&e.report()).expect("json")
    ));
    let e = desk
        .check(&CashoutRef::Id(CashoutId(5)))
        .await
        .expect_err("refused");
    outputs.push(format!("{e} {e:?}"));
    let e = desk.hold(CashoutId(5)).await.expect_err("refused");
    outputs.push(format!("{e} {e:?}"));
    outputs.push(format!(
        "{:?}",
        desk.list(Default::default()).expect("list")
    ));
    outputs.push(format!("{:?}", okp_sandbox::demo_credentials()));
    for text in &outputs {
        assert!(!text.contains("CANARY"), "secret in output: {text}");
    }
    drop(desk);
    let mut files = Vec::new();
    files_under(rig.dir.path(), &mut files);
    assert!(
        files.len() >= 2,
        "journal and sandbox files exist: {files:?}"
    );
    for f in files {
        let bytes = std::fs::read(&f).expect("read");
        let hay = String::from_utf8_lossy(&bytes);
        assert!(!hay.contains("CANARY"), "secret written to {}", f.display());
    }
}
