//! The journal's record types: where a create stands ([`Phase`]), one payout as the journal
//! knows it, its history and exchanges, and what the writes and the list answer.
//!
//! Guarantees: a phase name read back that is not known is read as the most careful open
//! state ([`Phase::Intent`]), so a damaged or newer journal never makes a payout look
//! settled. Left out: how rows map to these (`rows`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::api::types::{BankInfo, CreateCashout, Exchange};
use crate::status::CashoutStatus;

/// Where a record stands in the create protocol.
///
/// Only [`Phase::NotSent`] says that no cashout exists because of this record, and only for a
/// request that provably never left this machine. A create that may have reached the provider
/// stays open ([`Phase::Intent`], [`Phase::Unknown`], [`Phase::SentNotFound`]) until a lookup
/// finds it, the operator resends it with the same external_id, or the operator abandons it
/// on purpose ([`Phase::Abandoned`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Phase {
    /// A row of a batch, written ahead and not sent yet: no send of it has started (its
    /// sender moves it to [`Phase::Intent`], durably, before sending). Its first send needs no
    /// lookup; cancelling the rest of its batch makes it [`Phase::NotSent`].
    Queued,
    /// Written; the create may or may not have been sent (a crash can fall between).
    Intent,
    /// Sent; no definite answer yet. Must be looked up by external_id before any resend.
    Unknown,
    /// Sent (or may have been), and a lookup by external_id did not find it. The provider's
    /// reads can lag its creates, so it may still exist: it is looked up again with a
    /// back-off for [`crate::desk::OPEN_CREATE_WINDOW`], and can be settled by resending the
    /// same external_id (a duplicate is then refused by the provider and found).
    SentNotFound,
    /// The provider has it (we have its id, or found it by external_id).
    Created,
    /// The provider refused the create; no cashout exists.
    Declined,
    /// Provably never left this machine (the connection was refused before any byte, or the
    /// request could not be built). Safe to send again with the same external_id.
    NotSent,
    /// An open create the operator chose, on purpose and audited, to stop checking, knowing
    /// that the provider may still hold it.
    Abandoned,
}

impl Phase {
    /// The name stored in the journal and shown in output.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Queued => "queued",
            Self::Intent => "intent",
            Self::Unknown => "unknown",
            Self::SentNotFound => "sent_not_found",
            Self::Created => "created",
            Self::Declined => "declined",
            Self::NotSent => "not_sent",
            Self::Abandoned => "abandoned",
        }
    }

    pub(super) fn parse(s: &str) -> Self {
        match s {
            "queued" => Self::Queued,
            "unknown" => Self::Unknown,
            "sent_not_found" => Self::SentNotFound,
            "created" => Self::Created,
            "declined" => Self::Declined,
            "not_sent" => Self::NotSent,
            "abandoned" => Self::Abandoned,
            // Anything else is treated as the most careful open state.
            _ => Self::Intent,
        }
    }

    /// The create protocol is over and the status says all there is (created or declined):
    /// output then leaves the phase out.
    #[must_use]
    pub fn is_settled(&self) -> bool {
        matches!(self, Self::Created | Self::Declined)
    }

    /// A cashout may exist at the provider while the record is in this phase and nothing
    /// confirmed or ruled it out: it must be looked up, never called "not sent".
    #[must_use]
    pub fn may_exist_unconfirmed(self) -> bool {
        matches!(self, Self::Intent | Self::Unknown | Self::SentNotFound)
    }

    /// A send of this record may have reached the provider and nothing confirmed it: an open
    /// create, or one the operator abandoned (abandoning stops the checking, not the money).
    /// No answer about a later send can then make it "not sent".
    #[must_use]
    pub fn may_exist(self) -> bool {
        self.may_exist_unconfirmed() || self == Self::Abandoned
    }
}

/// One payout as the journal knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PayoutRecord {
    pub id: i64,
    pub scope: String,
    pub base_url: String,
    pub external_id: Option<String>,
    pub cashout_id: Option<i64>,
    /// `desk` for payouts created here, `lookup` for ones found by id or external id.
    pub origin: String,
    pub phase: Phase,
    /// The request as sent, without credentials (payouts created here only).
    pub request: Option<CreateCashout>,
    pub country: Option<String>,
    pub currency: Option<String>,
    pub amount: Option<String>,
    pub beneficiary: Option<String>,
    pub status: Option<CashoutStatus>,
    /// The provider's last `cashout_status` number (kept for [`CashoutStatus::Unknown`]).
    pub status_code: Option<i64>,
    pub rejection_code: Option<i64>,
    pub rejection_reason: Option<String>,
    pub provider_reference: Option<String>,
    pub bank: Option<BankInfo>,
    pub last_error: Option<String>,
    pub api_code: Option<i64>,
    pub attempts: i64,
    pub created_at: String,
    pub updated_at: String,
    pub checked_at: Option<String>,
    /// When the payout entered its current status (as first observed here).
    pub status_since: Option<String>,
    /// Lookups by external_id that did not find an open create (the back-off of
    /// [`Phase::SentNotFound`]).
    pub lookups: i64,
    /// When the create was last sent again (a resend restarts the open-create window).
    pub last_sent_at: Option<String>,
}

/// What the overview adds up of one payout (see [`crate::overview`]): the few columns it
/// needs, borrowed from the row being read (nothing is copied per payout).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverviewRow<'a> {
    pub status: Option<CashoutStatus>,
    /// The create phase, for a row without a status this program reads (the overview files
    /// those by it); a store may leave it `Created` when `status` is known.
    pub phase: Phase,
    pub currency: Option<&'a str>,
    /// The exact decimal text as recorded (never summed by the database).
    pub amount: Option<&'a str>,
    pub created_at: &'a str,
    /// When it entered its status: read for COMPLETED (provisional) and ON_HOLD (age) only.
    pub status_since: Option<&'a str>,
    pub rejection_code: Option<i64>,
    /// REJECTED after the journal had seen it COMPLETED: a bank returned the funds.
    pub late: bool,
    /// Created in the period asked for. Rows outside it are read only because they are open
    /// now (PENDING, DELIVERED, ON_HOLD), for the in-flight and on-hold figures.
    pub in_period: bool,
}

/// One line of a payout's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct HistoryEntry {
    pub at: String,
    /// What happened: intent, sent, created, declined, unknown, found, not_found, status,
    /// action, refused.
    pub event: String,
    pub status: Option<CashoutStatus>,
    pub detail: Option<String>,
}

/// A kept [`Exchange`] with its time, for the signing inspector.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ExchangeRecord {
    pub at: String,
    #[serde(flatten)]
    pub exchange: Exchange,
    /// The provider's error code in the answer, explained (e.g. 302: the signature did not
    /// match).
    pub explanation: Option<crate::codes::Explained>,
}

/// What became of a watcher's answer (see [`Journal::record_watched`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Watched {
    Recorded,
    /// A newer answer was recorded meanwhile; this one was dropped.
    Stale,
    /// The record is gone, or is no longer the payout that was polled.
    Gone,
}

/// What `record_intent` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntentOutcome {
    /// A new intent, committed.
    New(i64),
    /// This external_id already has an intent in this scope with the same contents.
    Same(PayoutRecord),
    /// This external_id is taken in this scope by different contents.
    Conflict(PayoutRecord),
    /// The duplicate guard found this earlier payout with the same contents under another
    /// external_id; nothing was written.
    PossibleDuplicate(PayoutRecord),
}

/// What claiming the send of an open record found (see
/// [`super::store::JournalStore::claim_send`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claimed {
    /// The claim is this desk's until its lease runs out; the record as it stood when claimed
    /// (another desk may have sent it since the caller last read it).
    Claimed(Box<PayoutRecord>),
    /// Another desk is sending it: `holder` until `until` (the store's clock).
    HeldBy { holder: String, until: String },
    /// The provider has it already: nothing is to be sent.
    Settled(Box<PayoutRecord>),
}

/// What another desk changed in a shared journal (see
/// [`super::store::JournalStore::changes`]): a hint to re-read, never the data itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum Change {
    /// The payout record with this id was added or changed.
    Payout { id: i64 },
    /// The audit chain has this entry now.
    Audit { seq: i64 },
    /// Changes may have been missed (the connection was lost and made again): re-read all.
    Resync,
}

impl Change {
    /// Reads an announcement's payload (`payout:<id>`, `audit:<seq>`); `None` for anything
    /// else, which is ignored.
    #[must_use]
    pub fn parse(payload: &str) -> Option<Self> {
        let (kind, number) = payload.split_once(':')?;
        let number: i64 = number.parse().ok()?;
        match kind {
            "payout" => Some(Self::Payout { id: number }),
            "audit" => Some(Self::Audit { seq: number }),
            _ => None,
        }
    }
}

/// What importing a payout from another journal did (see
/// [`super::store::JournalStore::import_payout`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Imported {
    /// Added, with its history, as record `id`.
    Added(i64),
    /// This journal holds the payout already (same scope and external_id, or same scope and
    /// cashout id) as record `id`: kept as it is here. `differs` when the other journal knows
    /// it otherwise (another phase or cashout id); a history line here then says so.
    AlreadyHere { id: i64, differs: bool },
}

/// The duplicate guard of an intent whose external_id the desk generated (see
/// [`Journal::record_intent`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateGuard {
    /// Payouts created at or after this instant count.
    pub since: String,
    /// The external_id of the one earlier payout the operator said, explicitly, to pay again.
    pub pay_again_of: Option<String>,
}

/// What the list is ordered by; ties are broken by the record's id in the same direction
/// (later records have larger ids).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SortKey {
    /// When the payout was written to the journal.
    #[default]
    Created,
    /// Grouped by currency, then by exact amount (see [`super::keys::amount_key`]).
    Amount,
    /// By status name; payouts with no status yet (open creates) first when ascending.
    Status,
    /// By the beneficiary's name, case and accents ignored (see [`super::keys::name_key`]).
    Beneficiary,
}

impl SortKey {
    /// The journal column this key sorts by (the same name in both stores).
    #[must_use]
    pub fn column(self) -> &'static str {
        match self {
            Self::Created => "created_at",
            Self::Amount => "amount_key",
            Self::Status => "status",
            Self::Beneficiary => "name_key",
        }
    }
}

/// A filter for listing.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct ListFilter {
    pub scope: Option<String>,
    pub status: Option<CashoutStatus>,
    pub country: Option<String>,
    /// Only payouts in this currency (ISO 4217; the overview's per-currency figures open the
    /// list with it).
    #[serde(default)]
    pub currency: Option<String>,
    /// Only payouts that reached the provider: a status the provider gave, other than
    /// DECLINED (the overview's "sent" figure and its days open the list with it).
    #[serde(default)]
    pub sent_only: bool,
    /// Found anywhere in the external_id, the beneficiary's name, document, account or PIX key,
    /// e-mail or phone — case, accents and separators ignored (see [`super::keys`]) — or equal
    /// to the cashout_id.
    pub text: Option<String>,
    /// Only records in one of these create phases (e.g. the unsettled ones: intent, unknown,
    /// sent_not_found); empty for any.
    pub phases: Vec<Phase>,
    /// Only payouts created in this period of the operator's calendar (see
    /// [`crate::period`]); the desk turns it into `created_from` / `created_before`.
    pub period: Option<crate::period::Period>,
    /// The operator's time zone for `period` and local times (an IANA name); the system's
    /// when absent.
    pub time_zone: Option<String>,
    pub sort: SortKey,
    /// Smallest first; newest (largest) first when false, the default.
    pub ascending: bool,
    /// Created at or after this instant (RFC 3339 UTC), set by the desk from `period`.
    #[serde(skip)]
    #[ts(skip)]
    pub created_from: Option<String>,
    /// Created before this instant (RFC 3339 UTC), set by the desk from `period`.
    #[serde(skip)]
    #[ts(skip)]
    pub created_before: Option<String>,
    pub limit: u32,
    pub offset: u32,
}

impl ListFilter {
    /// `ORDER BY` text for this filter's sort: the key, then the id, both in its direction;
    /// `index_free` puts SQLite's `+` before the key so it sorts a few rows rather than walk an
    /// index of all of them.
    #[must_use]
    pub fn order_by(&self, index_free: bool) -> String {
        let dir = if self.ascending { "ASC" } else { "DESC" };
        let plus = if index_free { "+" } else { "" };
        format!("{plus}{} {dir}, {plus}id {dir}", self.sort.column())
    }
}
