//! One conformance suite for every journal store: the same cases, run against the embedded
//! SQLite file (the `it` test binary) and a real PostgreSQL server (the `team` binary). A
//! store passes only if it gives the same answers to the same calls.
//!
//! Each binary supplies a [`Store`] (a fresh, empty journal per case) and expands
//! [`conformance_suite!`] with it.

pub mod batches;
pub mod beneficiaries;
pub mod cases;
pub mod claims;
pub mod lists;
pub mod overview;

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use cashout_core::api::types::CreateCashout;
use cashout_core::clock::ManualClock;
use cashout_core::journal::{Journal, SendClaim};

/// A fresh journal store for one case.
pub trait Store: Sync {
    /// A new desk on this store: another process's view of the same journal, on the shared
    /// manual clock.
    fn desk(&self) -> Pin<Box<dyn Future<Output = Journal> + Send + '_>>;
    /// The clock every desk of this store reads.
    fn clock(&self) -> &Arc<ManualClock>;
}

/// The suite's clock start: a fixed instant, so times in the cases are predictable.
pub fn start_clock() -> Arc<ManualClock> {
    Arc::new(ManualClock::new(
        time::macros::datetime!(2026-11-30 09:00:00 UTC),
    ))
}

/// A claim for one desk in a case.
pub fn claim(holder: &str) -> SendClaim {
    SendClaim {
        holder: holder.to_owned(),
        ..SendClaim::new()
    }
}

/// This test process's claim (the cases written before claims existed drive one desk).
pub fn me() -> &'static SendClaim {
    cashout_tests::me()
}

pub fn request(external_id: &str, amount: &str) -> CreateCashout {
    CreateCashout {
        external_id: external_id.into(),
        country: "BR".into(),
        amount: Some(amount.parse().expect("amount")),
        document_id: "39053344705".into(),
        beneficiary_name: "Ana".into(),
        notification_url: "https://merchant.example/cb".into(),
        ..CreateCashout::default()
    }
}

/// `conformance_suite!(store_expr)`: one `#[tokio::test]` per case of [`cases`], each with a
/// store made by `store_expr` (an expression of a type implementing [`Store`], awaited).
#[macro_export]
macro_rules! conformance_suite {
    ($store:expr) => {
        $crate::conformance_suite!(@cases $store;
            same_external_id_with_other_contents_is_a_conflict,
            same_external_id_in_two_scopes_is_two_payouts,
            history_records_each_step_and_only_status_changes,
            list_filters_by_status_country_and_text_newest_first,
            a_stale_not_found_never_turns_a_created_payout_back,
            two_records_of_one_payout_are_merged_when_both_ids_are_confirmed,
            a_create_never_found_is_not_joined_to_a_cashout_an_operator_names,
            a_poll_answer_older_than_the_recorded_one_is_dropped,
            a_poll_answer_for_a_row_that_now_names_another_payout_is_dropped,
            text_search_is_literal_any_case_and_finds_the_cashout_id,
            the_duplicate_guard_sees_another_desks_payout_but_not_ones_that_moved_no_money,
            a_new_intent_is_claimed_by_its_writer_and_no_other_desk_can_send_it,
            a_claim_that_ran_out_is_taken_over_and_the_old_holder_is_fenced_out,
            a_desk_without_the_claim_cannot_call_a_payout_not_sent,
            a_settled_payout_cannot_be_claimed_or_resent,
            reconcile_skips_a_payout_another_desk_is_sending_until_its_claim_runs_out,
            a_status_about_another_cashout_is_refused_and_nothing_is_written,
            a_status_for_a_declined_create_marks_the_cashout_as_someone_elses,
            abandoning_writes_the_audit_entry_with_it_and_only_once,
            a_snapshot_holds_every_match_with_its_history,
            exchanges_are_kept_and_explained,
            the_audit_chain_verifies_and_filters,
            a_status_poll_is_claimed_by_one_desk_per_round,
            desks_on_one_journal_share_one_rate_cap_per_scope,
            a_claim_answers_the_record_as_another_desk_left_it,
            a_payout_another_desk_is_sending_cannot_be_abandoned,
            a_payout_imported_from_another_journal_keeps_its_history_and_is_never_doubled,
            the_list_searches_sorts_and_limits_by_period_alike_in_every_store,
            saved_beneficiaries_are_kept_per_environment_and_every_change_is_audited,
            a_payout_is_corrected_once_whichever_desk_claims_it_first,
            a_batch_is_written_ahead_with_its_rows_queued_and_the_same_file_only_on_purpose,
            a_batch_is_sent_by_one_desk_at_a_time_and_cancelling_marks_unsent_rows_never_sent,
            a_batch_is_compared_with_the_requests_that_may_have_moved_money,
            a_row_is_never_sent_once_its_batch_is_paused_or_cancelled_even_by_a_sender_already_waiting,
            the_overview_reads_the_same_rows_in_every_store_and_its_sums_equal_the_lists,
        );
    };
    (@cases $store:expr; $($case:ident),* $(,)?) => {
        $(
            #[tokio::test]
            async fn $case() {
                let store = $store.await;
                $crate::conformance::cases::$case(&store).await;
            }
        )*
    };
}
