//! The embedded journal's send claims and poll claims (see [`super::super::store`]): claiming
//! and giving back the send of an open create, the fence the sender's writes carry, and the
//! status poll claimed for a round, and the request slots of the rate cap the file's processes
//! share.
//!
//! Guarantees: a claim is taken in one IMMEDIATE transaction, so two processes on the file
//! never both hold it; a claim of a process that has ended (every process on the file runs on
//! this machine) is over at once.

use std::path::Path;
use std::time::Duration;

use rusqlite::{params, Connection, OptionalExtension};
use time::OffsetDateTime;

use super::rows::{exec, query_row, record_from_row, SELECT};
use super::SqliteStore;
use crate::clock::{format_instant, parse_instant};
use crate::error::{Error, Result};
use crate::journal::store::{slot_is_free, SendClaim, MAX_SPACING};
use crate::journal::{Claimed, Phase};

impl SqliteStore {
    /// See [`JournalStore::claim_send`].
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub async fn claim_send(&self, id: i64, claim: &SendClaim) -> Result<Claimed> {
        let (now, until) = (self.now(), self.lease_until(claim));
        let (token, holder) = (claim.token.clone(), claim.holder.clone());
        self.write(false, move |tx| {
            // A live claim of a process that no longer exists is over (see `holder_gone`).
            let gone: Option<String> = query_row(
                tx,
                "SELECT claim_token, claim_pid FROM payouts WHERE id = ?1
                   AND claim_token IS NOT NULL AND lease_until > ?2",
                params![id, now],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<i64>>(1)?)),
            )
            .optional()?
            .filter(|(_, pid)| pid.is_some_and(holder_gone))
            .map(|(token, _)| token);
            let claimed = exec(
                tx,
                "UPDATE payouts SET claim_token = ?2, claimed_by = ?3, lease_until = ?4, claim_pid = ?7
                 WHERE id = ?1 AND phase <> 'created'
                   AND (claim_token IS NULL OR claim_token = ?2 OR lease_until <= ?5
                        OR claim_token IS ?6)",
                params![id, token, holder, until, now, gone, std::process::id()],
            )?;
            let record = query_row(
                tx,
                &format!("{SELECT} WHERE id = ?1"),
                params![id],
                record_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::Journal(format!("no payout record {id}")))?;
            if claimed > 0 {
                return Ok(Claimed::Claimed(Box::new(record)));
            }
            let held: Option<(String, String)> = query_row(
                tx,
                "SELECT claimed_by, lease_until FROM payouts WHERE id = ?1 AND claim_token IS NOT NULL",
                params![id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
            Ok(match (record.phase, held) {
                (Phase::Created, _) => Claimed::Settled(Box::new(record)),
                (_, Some((holder, until))) => Claimed::HeldBy { holder, until },
                (_, None) => Claimed::HeldBy {
                    holder: "another desk".into(),
                    until: now,
                },
            })
        })
        .await
    }

    /// See [`JournalStore::release_send`].
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub async fn release_send(&self, id: i64, token: &str) -> Result<()> {
        let token = token.to_owned();
        self.write(false, move |tx| {
            exec(
                tx,
                "UPDATE payouts SET claim_token = NULL, claimed_by = NULL, lease_until = NULL
                 WHERE id = ?1 AND claim_token = ?2",
                params![id, token],
            )?;
            Ok(())
        })
        .await
    }

    /// See [`JournalStore::claim_poll`](super::store::JournalStore::claim_poll).
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub async fn claim_poll(&self, id: i64, until: &str) -> Result<bool> {
        let (now, until) = (self.now(), until.to_owned());
        self.write(false, move |tx| {
            Ok(exec(
                tx,
                "UPDATE payouts SET poll_until = ?2
                 WHERE id = ?1 AND (poll_until IS NULL OR poll_until <= ?3)",
                params![id, until, now],
            )? > 0)
        })
        .await
    }

    /// See [`JournalStore::release_poll`](super::store::JournalStore::release_poll).
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub async fn release_poll(&self, id: i64) -> Result<()> {
        self.write(false, move |tx| {
            exec(
                tx,
                "UPDATE payouts SET poll_until = NULL WHERE id = ?1",
                params![id],
            )?;
            Ok(())
        })
        .await
    }
}

impl SqliteStore {
    /// See [`JournalStore::take_request_slot`](super::store::JournalStore::take_request_slot).
    /// Taken in one IMMEDIATE transaction, on the store's clock read inside it (every process
    /// on the file shares the machine's clock); the next slot is stored rounded up to the
    /// millisecond, never down.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub async fn take_request_slot(&self, scope: &str, spacing: Duration) -> Result<Duration> {
        let (clock, scope) = (self.clock.clone(), scope.to_owned());
        let spacing = spacing.min(MAX_SPACING);
        self.write(false, move |tx| {
            let now = clock.now();
            let next = query_row(
                tx,
                "SELECT next_at FROM rate_slots WHERE scope = ?1",
                params![scope],
                |r| r.get::<_, String>(0),
            )
            .optional()?
            .and_then(|t| parse_instant(&t));
            if let Some(n) = next.filter(|n| !slot_is_free(Some(*n), now)) {
                return Ok((n - now).unsigned_abs().max(Duration::from_micros(1)));
            }
            exec(
                tx,
                "INSERT INTO rate_slots (scope, next_at) VALUES (?1, ?2)
                 ON CONFLICT (scope) DO UPDATE SET next_at = excluded.next_at",
                params![scope, format_instant(ceil_ms(now + spacing))],
            )?;
            Ok(Duration::ZERO)
        })
        .await
    }
}

/// `t` rounded up to the millisecond (what `format_instant` keeps), so a stored slot is never
/// earlier than the one meant.
fn ceil_ms(t: OffsetDateTime) -> OffsetDateTime {
    let sub = t.nanosecond() % 1_000_000;
    if sub == 0 {
        t
    } else {
        t + Duration::from_nanos(u64::from(1_000_000 - sub))
    }
}

/// The fence of a write only a create's sender may make (see [`super::store`]), as an SQL
/// condition on parameters `token` (the sender's claim token, or NULL) and `now`: with a token
/// the record must be held by it; without one, by nobody, or by a claim whose lease ran out.
pub(super) fn fenced(token: usize, now: usize) -> String {
    format!(
        "(CASE WHEN ?{token} IS NULL THEN (claim_token IS NULL OR lease_until <= ?{now}) \
         ELSE claim_token IS ?{token} END)"
    )
}

/// After a fenced write changed nothing: an error when the fence is why and the writer must
/// hear it (see [`super::store::fence_refusal`]), so a desk never believes it wrote.
pub(super) fn check_fence(tx: &Connection, id: i64, fence: Option<&str>) -> Result<()> {
    let held: Option<(Option<String>, String)> = query_row(
        tx,
        "SELECT claim_token, phase FROM payouts WHERE id = ?1",
        params![id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()?;
    match held
        .and_then(|(t, phase)| crate::journal::store::fence_refusal(fence, t.as_deref(), &phase))
    {
        Some(why) => Err(Error::Journal(why)),
        None => Ok(()),
    }
}

/// Whether the process `pid` that holds a claim has ended. Every process sharing the file runs
/// on this machine, so on Linux its entry in `/proc` says; another process that took the same
/// number later keeps the claim until its lease ends (the safe side). Elsewhere, and for this
/// process itself, the lease decides.
pub(crate) fn holder_gone(pid: i64) -> bool {
    cfg!(target_os = "linux")
        && pid != i64::from(std::process::id())
        && pid > 0
        && !Path::new(&format!("/proc/{pid}")).exists()
}
