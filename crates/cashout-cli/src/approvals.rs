//! `cashout approvals …`: payouts waiting for approval, votes, and the team's policy, from the
//! command line. Every rule is the team journal's (see `cashout_core::approvals`); this file
//! parses, calls the desk and prints, in the same contract as the other commands.

use std::process::ExitCode;

use cashout_core::approvals::{ApprovalFilter, Decision};
use cashout_core::desk::Desk;
use cashout_core::error::Error;
use serde_json::json;

use crate::args::{ApprovalsCommand, ApprovalsView, PolicyCommand};
use crate::run::{print_success, which};

/// Runs one `cashout approvals` command.
pub async fn command(desk: &Desk, action: &ApprovalsCommand) -> Result<ExitCode, Error> {
    Ok(match action {
        ApprovalsCommand::List { view, limit } => {
            let filter = match view {
                ApprovalsView::WaitingForMe => ApprovalFilter::WaitingForMe,
                ApprovalsView::WaitingForOthers => ApprovalFilter::WaitingForOthers,
                ApprovalsView::Decided => ApprovalFilter::Decided,
            };
            print_success(&json!({ "approvals": desk.approvals(filter, *limit)? }))
        }
        ApprovalsCommand::Show(w) => print_success(&desk.approval_detail(&which(w)?)?),
        ApprovalsCommand::Approve { which: w, reason } => print_success(
            &desk
                .decide_approval(&which(w)?, Decision::Approve, reason)
                .await?,
        ),
        ApprovalsCommand::Reject { which: w, reason } => print_success(
            &desk
                .decide_approval(&which(w)?, Decision::Reject, reason)
                .await?,
        ),
        ApprovalsCommand::Policy { action } => match action {
            PolicyCommand::Show => print_success(&desk.approval_policy_overview()?),
            PolicyCommand::Propose {
                currency,
                threshold,
                approvers,
                expires_after_hours,
                remove,
            } => {
                let threshold = if *remove { None } else { threshold.as_deref() };
                let id = desk
                    .propose_approval_policy(currency, threshold, *approvers, *expires_after_hours)
                    .await?;
                print_success(&json!({ "change": id, "state": "proposed" }))
            }
            PolicyCommand::Approve { change } => {
                desk.decide_policy_change(*change, true, "").await?;
                print_success(&json!({ "change": change, "state": "applied" }))
            }
            PolicyCommand::Reject { change, reason } => {
                desk.decide_policy_change(*change, false, reason).await?;
                print_success(&json!({ "change": change, "state": "rejected" }))
            }
        },
    })
}
