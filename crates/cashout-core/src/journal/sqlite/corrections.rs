//! Which payout corrects which (see [`crate::journal::JournalStore::claim_correction`]): one row
//! per corrected payout, its primary key the rule that a payout is corrected at most once.

use rusqlite::{params, OptionalExtension};

use super::SqliteStore;
use crate::error::Result;

impl SqliteStore {
    /// Claims the correction of `corrected` for `by`; the holder when another payout has it.
    ///
    /// # Errors
    /// [`crate::error::Error::Journal`].
    pub async fn claim_correction(
        &self,
        scope: &str,
        corrected: &str,
        by: &str,
    ) -> Result<Option<String>> {
        let now = self.now();
        let (scope, corrected, by) = (scope.to_owned(), corrected.to_owned(), by.to_owned());
        // Durable before the create is sent, as the intent is.
        self.write(true, move |tx| {
            tx.execute(
                "INSERT INTO corrections (scope, corrected, corrected_by, at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (scope, corrected) DO NOTHING",
                params![scope, corrected, by, now],
            )?;
            let holder: String = tx.query_row(
                "SELECT corrected_by FROM corrections WHERE scope = ?1 AND corrected = ?2",
                params![scope, corrected],
                |r| r.get(0),
            )?;
            Ok((holder != by).then_some(holder))
        })
        .await
    }

    /// Gives up `by`'s claim on `corrected`, only while no payout holds `by` (once the
    /// correction may exist, the corrected payout stays claimed).
    ///
    /// # Errors
    /// [`crate::error::Error::Journal`].
    pub async fn release_correction(&self, scope: &str, corrected: &str, by: &str) -> Result<()> {
        let (scope, corrected, by) = (scope.to_owned(), corrected.to_owned(), by.to_owned());
        self.write(false, move |tx| {
            tx.execute(
                "DELETE FROM corrections WHERE scope = ?1 AND corrected = ?2 AND corrected_by = ?3
                   AND NOT EXISTS (SELECT 1 FROM payouts WHERE scope = ?1 AND external_id = ?3)",
                params![scope, corrected, by],
            )?;
            Ok(())
        })
        .await
    }

    /// The payout correcting `corrected`, if any.
    ///
    /// # Errors
    /// [`crate::error::Error::Journal`].
    pub fn correction_of(&self, scope: &str, corrected: &str) -> Result<Option<String>> {
        Ok(self
            .reader()?
            .query_row(
                "SELECT corrected_by FROM corrections WHERE scope = ?1 AND corrected = ?2",
                params![scope, corrected],
                |r| r.get(0),
            )
            .optional()?)
    }
}
