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
                    let existed = tx
                        .query_opt(
                            "SELECT 1 FROM cashout.beneficiaries
                             WHERE scope = $1 AND label = $2 FOR UPDATE",
                            &[&scope, &label],
                        )
                        .await?
                        .is_some();
                    tx.execute(
                        "INSERT INTO cashout.beneficiaries (scope, label, details_json, saved_at)
                         VALUES ($1, $2, $3, $4)
                         ON CONFLICT (scope, label) DO UPDATE
                             SET details_json = excluded.details_json, saved_at = excluded.saved_at",
                        &[&scope, &label, &json, &now],
                    )
                    .await?;
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
}
