//! Saved beneficiaries and correction claims in the team journal (see
//! [`crate::beneficiaries`] and [`crate::journal::JournalStore::claim_correction`]): every change
//! goes through the database's own functions (migration 0010), which audit a beneficiary's
//! change in the same transaction and keep a correction claimed once its payout may exist; an
//! operator's role may only read the tables.

use super::rows::in_transaction;
use super::{pg_error, pool_error, PgStore};
use crate::audit::AuditEvent;
use crate::beneficiaries::{BeneficiaryDetails, SavedBeneficiary};
use crate::error::{Error, Result};

impl PgStore {
    pub(super) fn read_beneficiaries(&self, scope: &str) -> Result<Vec<SavedBeneficiary>> {
        let scope = scope.to_owned();
        self.io.run_blocking(move |pool| async move {
            let client = pool.get().await.map_err(pool_error)?;
            let rows = client
                .query(
                    "SELECT label, details_json, saved_at, saved_by FROM cashout.beneficiaries
                     WHERE scope = $1 ORDER BY lower(label), label",
                    &[&scope],
                )
                .await
                .map_err(pg_error)?;
            Ok(rows
                .iter()
                .filter_map(|r| {
                    // A row this program cannot read is left out rather than shown wrong.
                    let details: BeneficiaryDetails =
                        serde_json::from_str(&r.get::<_, String>(1)).ok()?;
                    Some(SavedBeneficiary::new(r.get(0), details, r.get(2), r.get(3)))
                })
                .collect())
        })
    }

    pub(super) async fn write_beneficiary(
        &self,
        scope: &str,
        label: &str,
        details: &BeneficiaryDetails,
        audit: AuditEvent,
    ) -> Result<bool> {
        let json = serde_json::to_string(details)
            .map_err(|e| Error::TeamJournal(format!("a beneficiary could not be written: {e}")))?;
        let (scope, label, now) = (scope.to_owned(), label.to_owned(), self.now());
        // The database's function writes the row and its audit entry (saved or updated, as the
        // upsert saw it); an operator's role cannot change a saved beneficiary otherwise.
        self.io
            .run(move |pool| async move {
                in_transaction!(pool, |tx| {
                    Ok(tx
                        .query_one(
                            "SELECT cashout.save_beneficiary($1, $2, $3, $4, $5, $6, $7)",
                            &[
                                &scope,
                                &label,
                                &json,
                                &now,
                                &audit.cashout_id,
                                &audit.external_id,
                                &audit.detail,
                            ],
                        )
                        .await?
                        .get::<_, bool>(0))
                })
            })
            .await
    }

    pub(super) async fn remove_beneficiary(
        &self,
        scope: &str,
        label: &str,
        audit: AuditEvent,
    ) -> Result<bool> {
        let (scope, label) = (scope.to_owned(), label.to_owned());
        self.io
            .run(move |pool| async move {
                in_transaction!(pool, |tx| {
                    Ok(tx
                        .query_one(
                            "SELECT cashout.delete_beneficiary($1, $2, $3)",
                            &[&scope, &label, &audit.detail],
                        )
                        .await?
                        .get::<_, bool>(0))
                })
            })
            .await
    }

    pub(super) async fn write_correction_claim(
        &self,
        scope: &str,
        corrected: &str,
        by: &str,
    ) -> Result<Option<String>> {
        let (scope, corrected, by, now) = (
            scope.to_owned(),
            corrected.to_owned(),
            by.to_owned(),
            self.now(),
        );
        self.io
            .run(move |pool| async move {
                in_transaction!(pool, |tx| {
                    Ok(tx
                        .query_one(
                            "SELECT cashout.claim_correction($1, $2, $3, $4)",
                            &[&scope, &corrected, &by, &now],
                        )
                        .await?
                        .get::<_, Option<String>>(0))
                })
            })
            .await
    }

    pub(super) async fn drop_correction_claim(
        &self,
        scope: &str,
        corrected: &str,
        by: &str,
    ) -> Result<()> {
        let (scope, corrected, by) = (scope.to_owned(), corrected.to_owned(), by.to_owned());
        self.io
            .run(move |pool| async move {
                in_transaction!(pool, |tx| {
                    tx.execute(
                        "SELECT cashout.release_correction($1, $2, $3)",
                        &[&scope, &corrected, &by],
                    )
                    .await?;
                    Ok(())
                })
            })
            .await
    }

    pub(super) fn read_correction(&self, scope: &str, corrected: &str) -> Result<Option<String>> {
        let (scope, corrected) = (scope.to_owned(), corrected.to_owned());
        self.io.run_blocking(move |pool| async move {
            let client = pool.get().await.map_err(pool_error)?;
            Ok(client
                .query_opt(
                    "SELECT corrected_by FROM cashout.corrections WHERE scope = $1 AND corrected = $2",
                    &[&scope, &corrected],
                )
                .await
                .map_err(pg_error)?
                .map(|r| r.get(0)))
        })
    }
}
