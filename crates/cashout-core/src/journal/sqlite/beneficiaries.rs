//! Saved beneficiaries in the embedded file (see [`crate::beneficiaries`]): one row per
//! environment and label, the details as JSON, each change written with its audit entry in one
//! transaction by the writer.

use rusqlite::{params, OptionalExtension};

use super::rows::{exec, insert_audit};
use super::SqliteStore;
use crate::audit::{AuditAction, AuditEvent};
use crate::beneficiaries::{BeneficiaryDetails, SavedBeneficiary};
use crate::error::Result;

impl SqliteStore {
    /// The saved beneficiaries of `scope`, by label.
    ///
    /// # Errors
    /// [`crate::error::Error::Journal`].
    pub fn beneficiaries(&self, scope: &str) -> Result<Vec<SavedBeneficiary>> {
        let conn = self.reader()?;
        let mut stmt = conn.prepare_cached(
            "SELECT label, details_json, saved_at, saved_by FROM beneficiaries
             WHERE scope = ?1 ORDER BY label COLLATE NOCASE, label",
        )?;
        let rows = stmt.query_map(params![scope], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (label, json, at, by) = row?;
            // A row this program cannot read is left out rather than shown wrong.
            if let Ok(details) = serde_json::from_str::<BeneficiaryDetails>(&json) {
                out.push(SavedBeneficiary::new(label, details, at, by));
            }
        }
        Ok(out)
    }

    /// Saves (or replaces) `label` in `scope`, audited in the same transaction.
    ///
    /// # Errors
    /// [`crate::error::Error::Journal`].
    pub async fn save_beneficiary(
        &self,
        scope: &str,
        label: &str,
        details: &BeneficiaryDetails,
        mut audit: AuditEvent,
    ) -> Result<bool> {
        let now = self.now();
        let (scope, label) = (scope.to_owned(), label.to_owned());
        let json = serde_json::to_string(details).map_err(|e| {
            crate::error::Error::Journal(format!("a beneficiary could not be written: {e}"))
        })?;
        self.write(false, move |tx| {
            let existed = tx
                .query_row(
                    "SELECT 1 FROM beneficiaries WHERE scope = ?1 AND label = ?2",
                    params![scope, label],
                    |_| Ok(()),
                )
                .optional()?
                .is_some();
            exec(
                tx,
                "INSERT INTO beneficiaries (scope, label, details_json, saved_at, saved_by)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (scope, label) DO UPDATE SET details_json = excluded.details_json,
                     saved_at = excluded.saved_at, saved_by = excluded.saved_by",
                params![scope, label, json, now, audit.os_user],
            )?;
            audit.action = if existed {
                AuditAction::BeneficiaryUpdated
            } else {
                AuditAction::BeneficiarySaved
            };
            insert_audit(tx, &now, audit)?;
            Ok(existed)
        })
        .await
    }

    /// Deletes `label` of `scope`, audited in the same transaction when it existed.
    ///
    /// # Errors
    /// [`crate::error::Error::Journal`].
    pub async fn delete_beneficiary(
        &self,
        scope: &str,
        label: &str,
        audit: AuditEvent,
    ) -> Result<bool> {
        let now = self.now();
        let (scope, label) = (scope.to_owned(), label.to_owned());
        self.write(false, move |tx| {
            let gone = tx.execute(
                "DELETE FROM beneficiaries WHERE scope = ?1 AND label = ?2",
                params![scope, label],
            )? > 0;
            if gone {
                insert_audit(tx, &now, audit)?;
            }
            Ok(gone)
        })
        .await
    }
}
