# The payout views: list, detail, lookup, hold board, audit log (English).

## Hold board
holds-title = On hold
holds-empty = No payouts are on hold.
holds-totals-label = Reserved by holds, per currency
holds-total-in = in { $count ->
    [one] { $count } payout
   *[other] { $count } payouts
  }
holds-caption = On hold as of { $at }, oldest first
holds-col-held-for = Held for
holds-col-held-since = Held since

## Status badges and durations (shared by the payout views; the statuses are core.ftl's status-*)
badge-unknown = Unknown status (code { $code })
badge-checking = checking…
badge-in-batch = In batch
badge-in-batch-title = A row of a batch, not sent yet: it is sent when its batch is sent or resumed.
badge-not-sent = Not sent
badge-abandoned = Abandoned
# How long something has lasted, only the two largest units: "3 d 4 h", "2 h 5 min".
duration-days-hours = { $d } d { $h } h
duration-days = { $d } d
duration-hours-minutes = { $h } h { $min } min
duration-hours = { $h } h
duration-minutes = { $min } min
duration-under-minute = under 1 min

## Payout list
list-title = Cashouts
list-col-status = Status
list-col-country = Country
list-col-requested = Requested
list-sort-status = Sort by status
list-sort-amount = Sort by amount
list-sort-beneficiary = Sort by beneficiary
list-sort-requested = Sort by date requested
list-any-status = Any status
list-status-unknown = Unknown status (code not known)
# Creates that are not settled, found by the state of their create.
list-phase-checking = checking… (sent, not confirmed)
list-phase-queued = In batch (not sent yet)
list-phase-not-sent = Not sent (never left)
list-phase-abandoned = Abandoned
list-any-country = Any country
list-period-any = Any time
list-period-today = Today
list-period-yesterday = Yesterday
list-period-last-7-days = Last 7 days
list-period-last-30-days = Last 30 days
list-currency = Currency
list-any-currency = Any currency
# A filter: only payouts the provider received (a status other than declined), as the overview counts "sent".
list-sent-only = Sent to the provider only
list-period-this-month = This month
list-period-custom = Dates…
list-from = From
list-to = To
list-search = Search
list-search-placeholder = name, id, document or account
list-export-csv = Export CSV
list-exported = Exported { $count ->
    [one] { $count } payout
   *[other] { $count } payouts
  } to { $file }
list-empty = No payouts match.
list-newer = Newer
list-older = Older
# The pager's range when the page is empty.
list-range-none = none

## Payout detail
detail-title = Payout { $id }
detail-title-plain = Payout
detail-back = Back
detail-back-to-list = Back to the list
detail-checking-provider = Checking with the provider…
detail-updated = Updated automatically at { $at } (background status check).
detail-hold = Hold
detail-release = Release
detail-cancel = Cancel
detail-holding = Holding…
detail-held = Hold done. Status now: { $status }.
detail-releasing = Releasing…
detail-released = Release done. Status now: { $status }.
detail-cancelling = Cancelling…
detail-cancelled = Cancel done. Status now: { $status }.
detail-checked = Check done. Status now: { $status }.
detail-resending = Resending with the same external id…
detail-resent = Resent with the same external id. Status now: { $status }.
detail-abandoning = Abandoning…
detail-abandoned = Abandon recorded. Status now: { $status }.
detail-cancel-ask = Cancel payout { $id } of { $amount } to { $beneficiary }? No money will move.
detail-cancel-ask-anonymous = Cancel payout { $id } of { $amount } to the beneficiary? No money will move.
detail-cancel-confirm = Cancel payout
detail-keep-it = Keep it
detail-save-beneficiary = Save beneficiary…
# $explanation is the core's sentence about the bank's rejection code.
detail-rejected-with = Rejected with code { $code } ({ $reason }): { $explanation }
detail-field-to-fix = Field to fix: { $field }.
detail-account-show = Show
detail-account-hide = Hide
detail-fact-status = Status
detail-fact-requested = Requested
detail-fact-document = Document
detail-fact-bank = Bank
detail-fact-branch = Branch
detail-fact-country = Country
detail-fact-provider-reference = Provider reference
detail-fact-environment = Environment
detail-fact-approval = Approval
detail-fact-last-checked = Last checked
detail-not-known-yet = not known yet
# What a copy button copies ("Copy { $what }").
detail-what-cashout-id = cashout id
detail-what-external-id = external id
detail-what-provider-reference = provider reference
# $state: where the approval stands; $progress is the core's ("1 of 2 approved · by …").
detail-approval-line = { $state ->
    [waiting] waiting
    [approved] approved
    [rejected] rejected
    [expired] expired
    [released] released
    [cancelled] cancelled
   *[closed] closed
  } · { $progress } · prepared by { $who }
detail-history = History
detail-history-time = Time
detail-history-event = Event
detail-history-status = Status
detail-history-detail = Detail
detail-event-intent = intent
detail-event-sent = sent
detail-event-created = created
detail-event-declined = declined
detail-event-unknown = unknown
detail-event-found = found
detail-event-not-found = not found
detail-event-status = status
detail-event-action = action
detail-event-refused = refused
detail-event-approval = approval
## The journal's other history events (its own names, shown as these words).
# watch: the status watcher saw a new status or rejection.
detail-event-watch = watcher
# queued: a batch row became this payout, waiting in the batch for its turn to be sent.
detail-event-queued = queued
# not-delivered: the create never left (nothing reached the provider, or its batch was cancelled first).
detail-event-not-delivered = not delivered
detail-event-abandoned = abandoned
# action-failed: a hold, release or cancel was refused or could not be sent.
detail-event-action-failed = action failed
# action-unknown: the answer to a hold, release or cancel was lost; the status is looked up.
detail-event-action-unknown = action outcome unknown
# reconcile-failed: looking an open create up by its external id did not settle it.
detail-event-reconcile-failed = reconcile failed
# duplicate: the provider said this external id was already used (511); it is looked up.
detail-event-duplicate = duplicate id
# corrects / corrected-by: a payout sent to correct a rejected one, and the rejected one.
detail-event-corrects = corrects
detail-event-corrected-by = corrected by
# linked: joined with the provider's cashout id; not-linked: kept apart from it.
detail-event-linked = linked
detail-event-not-linked = not linked
# added: added to the journal by a lookup (created elsewhere).
detail-event-added = added
# foreign: the provider holds a cashout under this external id that this journal did not make.
detail-event-foreign = foreign
# imported: copied from another journal, or that journal's copy differs.
detail-event-imported = imported
# merge-conflict: a journal moved in from an older data directory held this payout differently.
detail-event-merge-conflict = merge conflict
detail-vote = { $decision ->
    [approve] { $approver } approved
   *[reject] { $approver } rejected
  }
detail-vote-reason = { $decision ->
    [approve] { $approver } approved: { $reason }
   *[reject] { $approver } rejected: { $reason }
  }
detail-resend = Resend with the same external id
detail-retry = Retry (same external id)
detail-abandon = Abandon…
# $risk is the core's sentence on what abandoning risks.
detail-abandon-ask = Abandon payout { $id } ({ $amount } to { $beneficiary })? { $risk }
detail-abandon-ask-anonymous = Abandon payout { $id } ({ $amount } to the beneficiary)? { $risk }
detail-abandon-confirm = Abandon
detail-abandon-reason = Why (goes to the audit log)
# $label is the core's name of the account ("PIX phone key"), $account the account masked.
detail-save-ask = Save { $beneficiary } ({ $label } { $account }) as sent with this payout, to pay again from the new-payout form?
detail-save-ask-anonymous = Save the beneficiary ({ $label } { $account }) as sent with this payout, to pay again from the new-payout form?
detail-save-confirm = Save
detail-save-label = Label (e.g. “Ana — rent”)
detail-save-taken = “{ $name }” is saved already ({ $label } { $account }, saved by { $who }). Replace it with this payout's beneficiary?
detail-save-replace = Replace
detail-saved = Saved as “{ $name }”. Pick it in New cashout; it is checked again on every review.
detail-replace-draft = New cashout holds a payout you were typing. Replace it with this copy?
detail-replace-draft-confirm = Replace it
detail-pay-again = Pay again with corrected details
detail-copy-new = Copy into a new payout
# The note a copied payout opens with in New cashout: what it is, what to correct, and the
# last sentence. $kind: correct (pay again with corrected details) or copy.
detail-copy-of-rejected = { $kind ->
    [correct] Pay again with corrected details
   *[copy] Copy into a new payout
  }: a copy of payout { $id }, which was rejected with code { $code } ({ $reason }).
detail-copy-of-declined-note = { $kind ->
    [correct] Pay again with corrected details
   *[copy] Copy into a new payout
  }: a copy of payout { $id }, which was declined: { $note }.
detail-copy-of-declined = { $kind ->
    [correct] Pay again with corrected details
   *[copy] Copy into a new payout
  }: a copy of payout { $id }, which was declined.
detail-copy-correct-field = Correct { $field }, then review.
detail-copy-correct-it = Correct it, then review.
detail-copy-new-id = It gets a new external id; nothing is sent before you review it.
detail-inspector-title = Signing inspector — requests sent for this payout
detail-inspector-note = The passphrase is masked and the API Key shows only its last 4 characters. The API Signature is never shown: the Payload-Signature below is the header that was sent, computed from the real (unmasked) body.
detail-inspector-empty = No requests kept for this payout.
# $name and $explanation are the core's words for the provider's error code.
detail-provider-code = Provider code { $code } — { $name }: { $explanation }
detail-ex-sent-at = Sent at
detail-ex-http-status = HTTP status
detail-ex-no-answer = no answer
detail-ex-outcome = Outcome
detail-ex-outcome-ok = ok
detail-ex-outcome-refused = refused by the provider
detail-ex-outcome-not-delivered = not delivered
detail-ex-outcome-unknown = outcome unknown
detail-ex-body = Body sent
detail-ex-signature = Payload-Signature
detail-ex-answer = Answer
detail-ex-none-arrived = none arrived

## Audit log
audit-title = Audit log
audit-any-action = Any action
audit-search = Search
audit-search-placeholder = ids, user or detail
audit-empty = No entries match.
audit-col-seq = #
audit-col-time = Time
audit-col-who = User · environment
audit-col-action = Action
audit-col-payout = Payout
audit-col-outcome = Outcome
audit-cashout-id = id { $id }
audit-outcome-ok = ok
audit-hash = hash
audit-hash-of-entry = hash of entry { $seq }
audit-head-hash = head hash
audit-newer = Newer
audit-older = Older
audit-verify = Verify chain
audit-verifying = Checking the chain…
audit-intact = Chain intact: { $count ->
    [one] { $count } entry
   *[other] { $count } entries
  }. Head (write it down to detect entries cut from the end):
# $problem is the core's sentence on what is wrong at that entry.
audit-broken = Chain broken at entry { $seq }: { $problem }
audit-export-csv = Export CSV
audit-exported = Exported { $count ->
    [one] { $count } entry
   *[other] { $count } entries
  } to { $file }
# What an operator did, as the filter and the log's action column name it.
audit-action-create = create
audit-action-hold = hold
audit-action-release = release
audit-action-cancel = cancel
audit-action-lookup = lookup
audit-action-credentials-saved = credentials saved
audit-action-credentials-removed = credentials removed
audit-action-environment-switched = environment switched
audit-action-export = export
audit-action-audit-verified = audit verified
audit-action-resend = resend
audit-action-abandon = abandon
audit-action-journal-moved = journal moved
audit-action-settings-changed = settings changed
audit-action-journal-switched = journal switched
audit-action-approval-approved = approval approved
audit-action-approval-rejected = approval rejected
audit-action-approval-expired = approval expired
audit-action-approval-released = approval released
audit-action-approval-cancelled = approval cancelled
audit-action-approval-closed = approval closed
audit-action-policy-proposed = policy proposed
audit-action-policy-applied = policy applied
audit-action-policy-rejected = policy rejected
audit-action-beneficiary-saved = beneficiary saved
audit-action-beneficiary-updated = beneficiary updated
audit-action-beneficiary-deleted = beneficiary deleted
audit-action-batch-confirmed = batch confirmed
audit-action-batch-started = batch started
audit-action-batch-paused = batch paused
audit-action-batch-cancelled = batch cancelled
audit-action-batch-finished = batch finished
audit-action-update-checked = update checked
audit-action-update-installed = update installed
