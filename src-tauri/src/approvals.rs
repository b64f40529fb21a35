//! The app's approval commands (maker–checker on the team journal): the approvals view's
//! page, one payout's approval, a vote, and the team's policy. Each takes the state, calls the
//! core and turns errors into `{code, message, field?}`; every rule is the team journal's.

use cashout_core::api::types::CashoutRef;
use cashout_core::approvals::{ApprovalFilter, Decision};
use cashout_core::desk::{ApprovalDetail, ApprovalView, ApprovalsPage, PolicyOverview};
use cashout_core::error::Error;
use cashout_core::l10n::messages::tr;
use tauri::{AppHandle, Manager, Runtime};

use crate::commands::{connected_desk, off_async, report, Answer};
use crate::state::AppState;

fn filter(view: &str) -> Result<ApprovalFilter, Error> {
    match view {
        "waiting_for_me" => Ok(ApprovalFilter::WaitingForMe),
        "waiting_for_others" => Ok(ApprovalFilter::WaitingForOthers),
        "decided" => Ok(ApprovalFilter::Decided),
        other => Err(Error::InvalidInput {
            field: "view",
            message: tr(
                "p-approvals-no-list",
                &[("name", format!("{other:?}").into())],
            ),
        }),
    }
}

/// One list of the approvals view (`waiting_for_me`, `waiting_for_others`, `decided`), with
/// who is signed in and the badge's count.
#[tauri::command]
pub async fn approvals_page<R: Runtime>(app: AppHandle<R>, view: String) -> Answer<ApprovalsPage> {
    off_async(&app, move |s| {
        s.workspace.desk()?.approvals_page(filter(&view)?, 200)
    })
    .await
}

/// A payout's approval with its request and history.
#[tauri::command]
pub async fn approval_detail<R: Runtime>(
    app: AppHandle<R>,
    which: CashoutRef,
) -> Answer<ApprovalDetail> {
    off_async(&app, move |s| s.workspace.desk()?.approval_detail(&which)).await
}

/// The signed-in operator's vote (`approve` or `reject`, a reason required for a rejection);
/// the deciding vote releases or cancels the payout at the provider.
#[tauri::command]
pub async fn decide_approval<R: Runtime>(
    app: AppHandle<R>,
    which: CashoutRef,
    decision: String,
    reason: String,
) -> Answer<ApprovalView> {
    let decision = match decision.as_str() {
        "approve" => Decision::Approve,
        "reject" => Decision::Reject,
        other => {
            return Err(report(Error::InvalidInput {
                field: "decision",
                message: tr(
                    "p-approvals-decision",
                    &[("value", format!("{other:?}").into())],
                ),
            }))
        }
    };
    let desk = connected_desk(&app).await?;
    let done = desk.decide_approval(&which, decision, &reason).await;
    app.state::<AppState>().watch.poke();
    done.map_err(report)
}

/// The team's policy for this environment, its changes, and what the operator may do.
#[tauri::command]
pub async fn approval_policy<R: Runtime>(app: AppHandle<R>) -> Answer<PolicyOverview> {
    off_async(&app, |s| s.workspace.desk()?.approval_policy_overview()).await
}

/// Proposes a change of the policy (administrators); `threshold` null removes the currency's.
#[tauri::command]
pub async fn propose_approval_policy<R: Runtime>(
    app: AppHandle<R>,
    currency: String,
    threshold: Option<String>,
    approvers: u8,
    expires_after_hours: u32,
) -> Answer<i64> {
    let desk = app.state::<AppState>().workspace.desk().map_err(report)?;
    desk.propose_approval_policy(
        &currency,
        threshold.as_deref(),
        approvers,
        expires_after_hours,
    )
    .await
    .map_err(report)
}

/// Approves (applies) or rejects, with a reason, a proposed policy change.
#[tauri::command]
pub async fn decide_policy_change<R: Runtime>(
    app: AppHandle<R>,
    change: i64,
    approve: bool,
    reason: String,
) -> Answer<()> {
    let desk = app.state::<AppState>().workspace.desk().map_err(report)?;
    desk.decide_policy_change(change, approve, &reason)
        .await
        .map_err(report)
}
