#![allow(clippy::unwrap_used)] // a panic is how a test reports
//! Saved beneficiaries: both stores keep them per environment and label, audit each change in
//! the same transaction, and say who saved one.

use cashout_core::audit::{AuditAction, AuditEvent, AuditFilter};
use cashout_core::beneficiaries::BeneficiaryDetails;

use super::{request, Store};

fn audited(j: &cashout_core::journal::Journal) -> Vec<String> {
    j.audit_log(&AuditFilter::default())
        .expect("audit")
        .into_iter()
        .rev()
        .map(|e| e.action)
        .collect()
}

pub async fn saved_beneficiaries_are_kept_per_environment_and_every_change_is_audited(
    store: &dyn Store,
) {
    let j = store.desk().await;
    let mut ana = BeneficiaryDetails::of(&request("x-1", "10"));
    ana.bank_account = Some("0001-23".into());
    let event = || AuditEvent::new("s", AuditAction::BeneficiarySaved, "ok").detail("Ana");
    assert!(!j
        .save_beneficiary("s", "Ana — rent", &ana, event())
        .await
        .unwrap());
    assert!(!j
        .save_beneficiary("other", "Ana — rent", &ana, event())
        .await
        .unwrap());
    let listed = j.beneficiaries("s").unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].label, "Ana — rent");
    assert_eq!(listed[0].details, ana);
    assert!(!listed[0].saved_by.is_empty(), "who saved it");
    // Saved again under the label: replaced, audited as an update.
    let mut moved = ana.clone();
    moved.bank_account = Some("0009-99".into());
    assert!(j
        .save_beneficiary("s", "Ana — rent", &moved, event())
        .await
        .unwrap());
    assert_eq!(
        j.beneficiaries("s").unwrap()[0]
            .details
            .bank_account
            .as_deref(),
        Some("0009-99")
    );
    // Labels sort as people read them, case aside.
    j.save_beneficiary("s", "bruno", &ana, event())
        .await
        .unwrap();
    let labels: Vec<String> = j
        .beneficiaries("s")
        .unwrap()
        .into_iter()
        .map(|b| b.label)
        .collect();
    assert_eq!(labels, ["Ana — rent", "bruno"]);
    let deleted = || AuditEvent::new("s", AuditAction::BeneficiaryDeleted, "ok");
    assert!(j.delete_beneficiary("s", "bruno", deleted()).await.unwrap());
    assert!(
        !j.delete_beneficiary("s", "bruno", deleted()).await.unwrap(),
        "gone once"
    );
    assert_eq!(j.beneficiaries("s").unwrap().len(), 1);
    assert_eq!(
        j.beneficiaries("other").unwrap().len(),
        1,
        "another environment's stays"
    );
    assert_eq!(
        audited(&j),
        [
            "beneficiary_saved",
            "beneficiary_saved",
            "beneficiary_updated",
            "beneficiary_saved",
            "beneficiary_deleted"
        ]
    );
    assert!(j.verify_audit().unwrap().intact);
}

pub async fn a_payout_is_corrected_once_whichever_desk_claims_it_first(store: &dyn Store) {
    let (a, b) = (store.desk().await, store.desk().await);
    assert_eq!(a.claim_correction("s", "old", "fix-a").await.unwrap(), None);
    // The same claim again is this one's; another desk's is refused with the holder.
    assert_eq!(a.claim_correction("s", "old", "fix-a").await.unwrap(), None);
    assert_eq!(
        b.claim_correction("s", "old", "fix-b").await.unwrap(),
        Some("fix-a".to_owned())
    );
    assert_eq!(
        b.correction_of("s", "old").unwrap().as_deref(),
        Some("fix-a")
    );
    assert_eq!(
        b.correction_of("other", "old").unwrap(),
        None,
        "per environment"
    );
    // Only its holder gives a claim up.
    b.release_correction("s", "old", "fix-b").await.unwrap();
    assert_eq!(
        a.correction_of("s", "old").unwrap().as_deref(),
        Some("fix-a")
    );
    a.release_correction("s", "old", "fix-a").await.unwrap();
    assert_eq!(b.claim_correction("s", "old", "fix-b").await.unwrap(), None);
}
