# The new-cashout form, the lookup and the state diagram (English, the reference language).

## New cashout: the form
new-title = New cashout
new-field-country = Country
new-field-method = Payout method
new-field-bank = Bank
new-field-on-hold = Create on hold for review
new-field-override-check-digits = Accept a failed national check digit (sandbox and staging only)
new-section-notification = Notification and review
new-review = Review
# The name shown for a bank code already chosen that the provider's bank list does not offer.
new-bank-not-listed = not in the provider's list

## New cashout: saved beneficiaries
new-saved-label = Pay a saved beneficiary
new-saved-choose = — choose —
new-saved-used = Filled from the saved beneficiary “{ $label }” (saved by { $who }). It is checked again when you review.
new-saved-delete = Delete “{ $label }”…
new-saved-delete-ask = Delete the saved beneficiary “{ $label }”? Payouts already made keep what they sent.
new-saved-delete-confirm = Delete
new-saved-deleted = Deleted “{ $label }”.

## New cashout: the review
new-review-title = Review: exactly what will be sent
new-review-warnings = Before sending, know that:
# $environment is the environment's name, e.g. d24-production.
new-review-body-note = The body as the core will send it, byte for byte, except that the API Key shows only its last 4 characters and the passphrase is masked. Signed with the API Signature stored for { $environment } (never shown).
# $amount and $currency come written by the core, e.g. "77.70" and "BRL".
new-send = Send { $amount }
new-edit = Edit
new-send-confirm = Send payout
new-sending = Sending…

## New cashout: after a refusal
new-fields-to-fix = { $count ->
    [one] { $count } field to fix before anything is sent.
   *[other] { $count } fields to fix before anything is sent.
  }
new-decline-next = Nothing was paid. Correct the payout and review it again.
new-open-earlier = Open the earlier payout
new-pay-again = Pay again on purpose…
# $state is a status label (e.g. "Completed") or one of new-earlier-phase.
new-pay-again-earlier = An identical payout was already requested: { $amount } to { $beneficiary }, external id { $id }, requested { $requested }, now { $state }.
new-pay-again-earlier-same-beneficiary = An identical payout was already requested: { $amount } to the same beneficiary, external id { $id }, requested { $requested }, now { $state }.
new-pay-again-earlier-unrecorded = An identical payout was already requested: external id { $id }.
new-pay-again-ask = Send this one as a second, separate payment of the same money to the same account?
# Where an earlier payout without a provider status stands.
new-earlier-phase = { $phase ->
    [queued] in a batch, not sent yet
    [intent] being sent
    [unknown] outcome unknown
    [sent_not_found] sent, not found at the provider
    [created] created
    [declined] declined by the provider
    [not_sent] not sent
    [abandoned] abandoned
   *[other] unknown
  }
new-pay-again-confirm = Pay again
new-sending-again = Sending again with the same external id…
new-retry = Retry
new-open-not-sent = Open it
# $id is the external id of the payout this one corrects.
new-unlink = Do not link it to { $id }

## Lookup
lookup-title = Lookup
lookup-intro = Checks the cashout with the provider in this environment and keeps it in the journal.
lookup-by = Look up by
lookup-value = Value
lookup-check = Check
lookup-bad-id = A cashout id is a positive whole number.

## State diagram (the accessible name and the words on the arrows)
# $status is a status label, e.g. "Rejected".
diagram-now = State diagram: { $status }.
diagram-now-unknown = State diagram: a status this desk does not know.
diagram-now-not-known = State diagram: status not known yet.
# $path is the status labels joined by arrows, e.g. "Pending → Delivered".
diagram-path = Path: { $path }.
diagram-no-path = No path yet.
diagram-edge-hold = hold
diagram-edge-release = release
diagram-edge-cancel = cancel
# A reversal after a status that looked final (Completed → Rejected).
diagram-edge-late = late
