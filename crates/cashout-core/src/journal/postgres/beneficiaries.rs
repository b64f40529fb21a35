//! Saved beneficiaries in the team journal (see [`crate::beneficiaries`]): shared by the
//! team's desks; each change and its audit entry in one transaction, who saved it stamped by
//! the database.

use super::rows::in_transaction;
use super::writes::append_audit;
use super::{pg_error, pool_error, PgStore};
use crate::audit::{AuditAction, AuditEvent};
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
        self.io
            .run(move |pool| async move {
                in_transaction!(pool, |tx| {
                    // Whether the row was there is what the upsert itself saw (`xmax` is 0
                    // for a row it inserted), so two desks saving one new label at once are
                    // audited as one save and one update.
                    let inserted: bool = tx
                        .query_one(
                            "INSERT INTO cashout.beneficiaries (scope, label, details_json, saved_at)
                             VALUES ($1, $2, $3, $4)
                             ON CONFLICT (scope, label) DO UPDATE
                                 SET details_json = excluded.details_json, saved_at = excluded.saved_at
                             RETURNING (xmax = 0)",
                            &[&scope, &label, &json, &now],
                        )
                        .await?
                        .get(0);
                    let existed = !inserted;
                    let mut audit = audit.clone();
                    audit.action = if existed {
                        AuditAction::BeneficiaryUpdated
                    } else {
                        AuditAction::BeneficiarySaved
                    };
                    append_audit(&tx, &audit).await?;
                    Ok(existed)
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
                    let gone = tx
                        .execute(
                            "DELETE FROM cashout.beneficiaries WHERE scope = $1 AND label = $2",
                            &[&scope, &label],
                        )
                        .await?
                        > 0;
                    if gone {
                        append_audit(&tx, &audit).await?;
                    }
                    Ok(gone)
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
                    tx.execute(
                        "INSERT INTO cashout.corrections (scope, corrected, corrected_by, at)
                         VALUES ($1, $2, $3, $4) ON CONFLICT (scope, corrected) DO NOTHING",
                        &[&scope, &corrected, &by, &now],
                    )
                    .await?;
                    let holder: String = tx
                        .query_one(
                            "SELECT corrected_by FROM cashout.corrections
                             WHERE scope = $1 AND corrected = $2",
                            &[&scope, &corrected],
                        )
                        .await?
                        .get(0);
                    Ok((holder != by).then_some(holder))
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
                        "DELETE FROM cashout.corrections
                         WHERE scope = $1 AND corrected = $2 AND corrected_by = $3",
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
