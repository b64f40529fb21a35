//! What a status answer does to a record: the rules both stores apply, written once. A store
//! reads the record's [`Current`] state inside its transaction, asks [`plan`] what to write,
//! and writes exactly that.
//!
//! Guarantees:
//! - An answer that carries a `cashout_id` or an `external_id` other than the record's is about
//!   another cashout: [`plan`] refuses it ([`Error::ProviderFault`]) and nothing is written.
//! - A record that is `declined`, `not_sent` or `queued` cannot have made the cashout the
//!   provider holds under its external_id: the answer marks it as someone else's ([`Plan::Foreign`]), never
//!   as ours.
//! - A `cashout_id` the record lacks is taken from the answer only when the answer also
//!   carries the record's own `external_id` (the provider confirmed the pair); the store still
//!   checks that no other record of the scope holds that id.
//! - A status number this program does not know is recorded as [`CashoutStatus::Unknown`] with
//!   the number, never as "no change".
//!
//! Leaves out: SQL (each store's own).

use crate::api::types::{CashoutId, StatusAnswer};
use crate::error::{Error, Result};
use crate::status::CashoutStatus;

/// What a record says when the provider holds its external_id for a cashout this journal did
/// not create (the provider's 511, or a lookup finding a cashout no send of ours can have made).
pub(crate) const FOREIGN_EXTERNAL_ID: &str =
    "External ID already used by a cashout this journal did not create";

/// What the store reads of a record before applying an answer.
#[derive(Debug, Clone)]
pub(crate) struct Current {
    pub status: Option<String>,
    pub status_code: Option<i64>,
    pub rejection_code: Option<i64>,
    pub phase: String,
    pub api_code: Option<i64>,
    pub cashout_id: Option<i64>,
    pub external_id: Option<String>,
}

/// What to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Plan {
    /// The cashout holding this external_id is someone else's. When `mark` is given, the
    /// record becomes `declined` with code 511 and that message; a history line `foreign`
    /// with `detail` is added either way. The answer is [`CashoutStatus::Declined`].
    Foreign {
        mark: Option<String>,
        detail: String,
    },
    /// The record becomes `created` with this status (and the answer's rejection, reference
    /// and bank). `link` is the cashout id to attach if no other record of the scope holds it
    /// (then a `linked` history line). `history` is the line to add, if any: its event is the
    /// caller's, with this status and detail.
    Apply {
        status: CashoutStatus,
        link: Option<i64>,
        history: Option<Option<String>>,
    },
}

/// The plan for `answer` on a record in state `current`, for `event` (`status` and `watch`
/// add a history line only when something changed).
///
/// # Errors
/// [`Error::ProviderFault`] for an answer about another cashout.
pub(crate) fn plan(current: &Current, answer: &StatusAnswer, event: &str) -> Result<Plan> {
    let status = CashoutStatus::from_provider(answer.cashout_status);
    if let Some(why) = answer.contradicts(
        current.cashout_id.map(CashoutId),
        current.external_id.as_deref(),
    ) {
        return Err(Error::ProviderFault(why));
    }
    if matches!(current.phase.as_str(), "declined" | "not_sent" | "queued") {
        // No create of this journal could have made this cashout: the provider refused ours
        // (declined), it never left (not_sent; a resend becomes `intent` before it is sent),
        // or it was never sent at all (queued: a batch row waiting for its turn).
        // What the provider holds is said (and named, when the answer carries its id: the
        // documented answer does not), so that the operator checks whether it is this very
        // payout (sent from another desk or tool, or made by the provider despite its refusal)
        // before paying again; this desk cannot tell, so it never adopts it.
        let holder = match answer.cashout_id {
            Some(id) => format!("cashout {} ({})", id.0, status.name()),
            None => format!("a cashout ({})", status.name()),
        };
        let detail =
            format!("the provider holds {holder} under this external_id, not made by this journal");
        let mark = (current.api_code != Some(511)).then(|| {
            let why = match current.api_code {
                Some(code) => format!("this request was declined earlier with code {code}"),
                None => "this request was never sent".to_owned(),
            };
            format!(
                "{FOREIGN_EXTERNAL_ID} ({why}); the provider holds {holder} under this \
                 external_id: check whether it is this payout before paying it again"
            )
        });
        return Ok(Plan::Foreign { mark, detail });
    }
    let link = match (
        current.cashout_id,
        answer.cashout_id,
        &answer.external_id,
        &current.external_id,
    ) {
        (None, Some(said), Some(said_ext), Some(ours)) if said_ext == ours => Some(said.0),
        _ => None,
    };
    let changed = current.status.as_deref() != Some(status.name())
        || (status == CashoutStatus::Unknown && current.status_code != Some(answer.cashout_status))
        || current.rejection_code != answer.rejection_code;
    let history = (changed || !matches!(event, "status" | "watch")).then(|| {
        let late =
            current.status.as_deref() == Some("COMPLETED") && status == CashoutStatus::Rejected;
        match (status, answer.rejection_code) {
            (CashoutStatus::Unknown, _) => Some(format!(
                "the provider reported status code {}, which this desk does not know",
                answer.cashout_status
            )),
            (_, Some(code)) if late => Some(format!(
                "late rejection after COMPLETED, {code}: {}",
                answer.rejection_reason.as_deref().unwrap_or("")
            )),
            (_, Some(code)) => Some(format!(
                "rejection {code}: {}",
                answer.rejection_reason.as_deref().unwrap_or("")
            )),
            _ => None,
        }
    });
    Ok(Plan::Apply {
        status,
        link,
        history,
    })
}
