## Refusals and details written inside the core (periods, settings, approvals, workspaces).
## Ids start with `d-`; English is the wording the tests compare.

## Periods and time zones ($day, $first, $last: dates as YYYY-MM-DD)
# $name: the time zone as typed, in double quotes.
d-time-zone-unknown = { $name } is not a time zone this computer knows (e.g. America/Bogota)
# $typed: the date as typed, in double quotes.
d-period-not-a-date = { $typed } is not a date; write it as YYYY-MM-DD (e.g. 2026-11-30)
d-period-ends-before-start = the range ends ({ $last }) before it starts ({ $first })
# $days: the most days a chart covers, as digits.
d-period-too-long = choose at most { $days } days
# Dates at the ends of the calendar the time library knows; $detail: its own words.
d-period-day-no-start = { $day } has no start in this time zone: { $detail }
d-period-day-out-of-range = { $day } is out of range
d-period-last-date = { $day } is the last date there is
d-period-no-yesterday = there is no yesterday

## Settings ($detail: what the reader or the file system said, as it said it)
d-settings-not-an-object = the settings are one object of named values
d-settings-unreadable = the settings could not be read ({ $detail })
# $step: the step of the save that failed: encoding, folder, writing or replacing.
d-settings-not-saved = the settings could not be saved ({ $step }: { $detail }); the previous ones stay in force
d-settings-open-window-range = look up unconfirmed creates for 1 to 720 hours
## A setting sent with a value of the wrong kind (e.g. text where a number goes), at its field
d-settings-choose-environment = Choose one of the environments offered.
d-settings-enter-host = Enter the host as text.
d-settings-enter-base-url = Enter the base URL as text.
d-settings-enter-url = Enter the URL as text.
d-settings-whole-days = Enter a whole number of days.
d-settings-whole-hours = Enter a whole number of hours.
d-settings-tick-box = Tick or untick the box.
d-settings-choose-language = Choose a language.

## Environments as Settings offers them (OKP and D24 are the providers' brands)
d-env-sandbox = Sandbox (embedded, demo credentials)
d-env-okp-staging = OKP staging
d-env-d24-staging = D24 staging
d-env-d24-production = D24 production
d-env-okp-production = OKP production (host from OKP)
d-env-custom = Custom (any https base URL)
d-env-local = Local (a loopback URL, CLI only)

## A base URL or host refused
d-url-not-https = the URL must start with https:// (plain http is allowed only for 127.0.0.1, ::1 and localhost)
d-url-no-host = the URL has no host
d-url-has-extras = the URL must be a bare host, without a path, query or credentials
d-url-host-required = this environment needs a host; enter the one your provider gave you
# $name: the name as typed, in double quotes; the names after it are typed as they are.
d-url-unknown-environment = unknown environment { $name }; use one of sandbox, okp-staging, d24-staging, d24-production, okp-production, custom, local
d-url-sandbox-not-loopback = the sandbox runs on this machine: its URL must be loopback (127.0.0.1, ::1 or localhost)
d-url-local-not-loopback = the local environment is for loopback URLs only (127.0.0.1, ::1 or localhost)
d-url-bad-character = the URL has a space or a character no host name can have
d-url-bad-port = the port must be a number from 1 to 65535

## Approvals
# How far an approval has got ("1 of 2 approved"); the desk adds d-approval-approved-by and
# d-approval-rejected-by after it, joined by " · ". $approved: digits; $required: a count.
d-approval-progress = { $approved } of { $required } approved
# $names: the approvers' logins, joined by ", ".
d-approval-approved-by = by { $names }
d-approval-rejected-by = rejected by { $names }
d-approvals-need-team-journal = approvals are kept in a team journal; this desk uses its local journal
# The review's warning on a payout that needs approval. $threshold: decimal text; $currency: ISO
# code; $approvers: approvers needed (a count, 1 or 2); $hours: how long it may wait.
d-needs-approval = { $threshold } { $currency } or more needs approval by { $approvers ->
    [one] another operator
   *[other] { $approvers } other operators
  }: it is sent on hold, its funds stay reserved, and it is released when approved (cancelled if rejected or not approved within { $hours } h)
# A hold or release by hand, refused. $id: the cashout id; $state: the approval's state as stored
# (waiting, approved, rejected, expired, cancelled, closed); $action: hold or release.
d-by-hand-under-approval-open = cashout { $id } needs approval and its approval is { $state }: it is released only through the approval flow, never { $action ->
    [hold] held
   *[other] released
  } by hand; decide it in Approvals
d-by-hand-under-approval-closed = cashout { $id } needs approval and its approval is { $state }: it is released only through the approval flow, never { $action ->
    [hold] held
   *[other] released
  } by hand; it can be cancelled
# $count: payouts under approval whose create's answer was lost (a count).
d-by-hand-unidentified = cashout { $id } is not one of this journal's payouts, and { $count ->
    [one] { $count } payout under approval has no cashout id yet (the answer to its create was lost)
   *[other] { $count } payouts under approval have no cashout id yet (the answer to their create was lost)
  }: it may be one of them, so it is not { $action ->
    [hold] held
   *[other] released
  } by hand
## Why the signed-in operator may not vote on an approval
d-approval-why-not-none = this payout needs no approval
# $state: as in d-by-hand-under-approval-open.
d-approval-why-not-decided = the approval is { $state } already
d-approval-why-not-own = you prepared this payout: another operator approves it
d-approval-why-not-voted = you have voted; it waits for another approver
d-approval-why-not-approver = your login is not an approver of the team
## The duplicate guard's verdict on a payout under approval
d-duplicate-verdict-none = No other payout of the same amount to the same account within a day of this one.
# $count: how many (a count); $ids: their external ids, joined by ", ".
d-duplicate-verdict = { $count ->
    [one] { $count } other payout
   *[other] { $count } other payouts
  } of the same amount to the same account within a day of this one: { $ids }. Check it is not paid twice.
## The desktop notice of approvals waiting for the signed-in operator
d-approvals-waiting-one = A payout waits for your approval
# $count: more than one, as digits.
d-approvals-waiting-many = { $count } payouts wait for your approval
# $amount: decimal text; $currency: ISO code; $beneficiary: as sent; $who: the preparer's login.
d-approvals-waiting-body = { $amount } { $currency } to { $beneficiary }, prepared by { $who }
d-approvals-waiting-body-newest = Newest: { $amount } { $currency } to { $beneficiary }, prepared by { $who }
## Votes and settlements
d-approval-reason-required = say why the payout is rejected (the preparer and the audit log read it)
d-policy-reason-required = say why the policy change is rejected
# $record: the journal's record number of the payout.
d-approval-not-the-payout = payout { $record }'s record names cashout { $cashout_id }, which is not the payout its approvers approved (external_id { $external_id }); nothing is sent
d-approval-disappeared = the approval disappeared
d-approval-no-record = no payout { $record } in the journal
## A proposed change of the approval policy, refused at its field
d-policy-currency = a currency is its three-letter ISO code, e.g. BRL
# $detail: why the amount was refused.
d-policy-threshold = the threshold is an amount: { $detail }
d-policy-approvers = a payout needs 1 or 2 approvers
d-policy-expiry = an approval waits 1 to 720 hours (30 days)

## A payout looked for in the journal
d-no-cashout-in-journal = no cashout { $id } in this environment's journal
d-no-external-id-in-journal = no payout with external_id { $external_id } in this environment's journal
d-payout-not-in-journal = this payout is not in the journal of this environment
# $first, $second: the journal's record numbers.
d-two-different-payouts = the journal holds these as two different payouts (records { $first } and { $second }); check the ids

## Corrections and paying again on purpose ($earlier: the earlier payout's external_id)
d-corrects-taken = payout { $earlier } is already corrected by payout { $holder }; open that one
d-corrects-same-id = a corrected payout is a new payout and needs its own external_id, not { $earlier }'s
d-no-payout-with-external-id = no payout of this environment has the external_id { $external_id }
d-corrects-foreign-id = payout { $earlier } was refused because the provider already holds its external_id: that payout may pay; check it before paying again
# $code: the provider's refusal code.
d-corrects-may-pass = payout { $earlier } was declined with code { $code }, which may pass when it is sent again: resend it with its own external_id instead
d-corrects-found-by-lookup = payout { $earlier } was found by a lookup: the journal does not hold what it sent
# $status: the payout's status or phase as the journal names it (PENDING, sent_not_found, …).
d-corrects-may-still-pay = payout { $earlier } is { $status }: only a REJECTED or declined payout is corrected by a new one (one that may still pay is never replaced)
# $external_id: the one the operator typed for this payout.
d-pay-again-typed-id = paying again on purpose is for a payout whose external_id the desk generates; this one has its own ({ $external_id }), so no duplicate check stands in its way
d-pay-again-not-same = the payout { $earlier } does not pay the same amount to the same account; it cannot be paid again as this one
# $holder: the external_id of the payout that corrects it.
d-corrected-never-resent = payout { $external_id } was corrected by payout { $holder }: it is never sent again (both could pay)

## What is known of a create whose outcome is open ($detail: the error, as it was worded)
# $holder: who is sending it (a desk's operator); $until: an instant.
d-create-held-elsewhere = it is being sent by { $holder } right now (claimed until { $until }); nothing was sent from here. Its outcome shows here once that desk has it; if that desk stops, the payout is looked up by its external_id, never sent blind
d-create-journal-failed-after-send = the create may have been received, but the journal failed: { $detail }
d-create-lookup-before-resend-failed = the payout could not be looked up before sending it again ({ $detail }); nothing was sent
d-create-accepted-not-recorded = the provider accepted it as cashout { $cashout_id }, but the journal could not record that ({ $detail })
d-lookup-failed-retry = the payout could not be looked up ({ $detail }); it is tried again
d-not-created-here = this payout was not created by this desk, so there is nothing to resend
d-abandon-reason-required = say why the payout is abandoned; the reason goes to the audit log
# $phase: the payout's phase as the journal names it (created, declined, not_sent, …).
d-abandon-not-open = this payout is { $phase }, not an open create; there is nothing to abandon
d-abandon-gone = this payout is gone, not an open create; there is nothing to abandon

## Hold, release and cancel
# --external-id is the CLI's option, written as it is.
d-cancel-needs-external-id = cashout { $id } is not in the journal with an external_id; give --external-id to cancel it
# An action whose answer was lost. $lost: why, as the connection said it; $detail: the lookup's error.
d-action-lost-lookup-failed = its answer was lost ({ $lost }) and the status could not be looked up ({ $detail }); check the payout before acting again
d-action-lost-lookup-refused = its answer was lost ({ $lost }), and the lookup: { $detail }
# $status: the provider's status name (PENDING, ON_HOLD, …).
d-action-lost-other-status = its answer was lost ({ $lost }); the provider now reports { $status }, so it may not have been applied, or the provider has not caught up; check again before acting

## Saved beneficiaries
d-save-found-by-lookup = this payout was found by a lookup: the journal does not hold what it sent
d-save-refused-details = the provider refused this payout's details; save the beneficiary of the corrected payout instead
# $label: the label as typed, in double quotes.
d-no-saved-beneficiary = no saved beneficiary is labelled { $label }
d-label-one-line = a label is one line of text
d-label-required = give the beneficiary a label (e.g. "Ana — rent")
# $max: the most characters, as digits.
d-label-too-long = a label has at most { $max } characters

## The workspace: journals, credentials, banks, connection test
# $problem: why the team journal is not connected (d-team-journal-not-opened).
d-team-journal-not-connected = { $problem }. Reconnect in Settings → Journal, or switch this desk to its local journal there, before paying or checking anything
d-team-journal-not-opened = the team journal chosen for this desk could not be opened ({ $detail }); nothing can be paid or checked until it is connected
# $user: the database login; $host: the server.
d-team-no-password = no password is stored for { $user } on { $host }; enter it
d-no-local-journal-to-return = this desk has no local journal to come back to
d-no-local-journal-to-copy = this desk has no local journal to copy from
d-copy-needs-team-journal = this desk uses its local journal; switch to the team journal first
d-sandbox-credentials-fixed = the sandbox uses fixed demo credentials; nothing to store
d-bank-list-unavailable = the provider's bank list could not be had ({ $detail })
# $note: why the provider's list is not shown.
d-bank-list-bundled = Showing the bank list bundled with Cashout Desk: { $note }.
d-connection-accepted = Connected: the credentials and the signature are accepted.
d-connection-ok = Connected.
# API Key, API Passphrase, API Signature, Merchant Panel, Settings → API Access: the provider's names.
d-connection-401 = The API Key or API Passphrase is wrong for this environment.
d-connection-302 = The signature was refused: the API Signature stored for this environment is wrong.
d-connection-402 = This computer's IP address is not whitelisted for cashouts: add it in the Merchant Panel (Settings → API Access).
d-connection-unreachable = Could not reach the provider: { $detail }

## Updates
d-update-url-not-a-url = the update URL is not a URL ({ $detail }): give the full address of the update manifest, e.g. https://updates.example.com/cashout-desk/latest.json
# $scheme: the scheme typed instead (ftp, http, …).
d-update-url-not-https = the update URL must use https (plain http only on this machine, 127.0.0.1), not { $scheme }: an update from an unprotected server could be replaced on the way
d-update-url-credentials = the update URL must not carry a user name or password: settings are not a place for secrets
d-update-url-no-host = the update URL has no host
d-update-url-query = the update URL must not carry a query or fragment (a token in it would be a secret in the settings, the audit log and every error): give the manifest's plain address
d-update-package-not-https = the update manifest points at a package that is not on https ({ $url }): not downloaded
# Why an update is not installed now: what this desk is sending (d-update-sending-payouts,
# d-update-sending-batches, or both joined by d-update-sending-both), then d-update-blocked.
d-update-sending-payouts = { $count ->
    [one] a payout is being sent
   *[other] { $count } payouts are being sent
  }
d-update-sending-batches = { $count ->
    [one] a batch is being sent
   *[other] { $count } batches are being sent
  }
d-update-sending-both = { $payouts } and { $batches }
# "Install on quit" is the name of the button in Settings → About.
d-update-blocked = { $what } from this desk: choose Install on quit, or install now once sending is over
d-update-offer-title = Version { $version } is available
d-update-offer-body = Running { $current }. Settings → About installs it, now or when the app quits.

## The status watcher
d-watch-late-window-range = late rejections are watched for 1 to 90 days
d-watch-hold-alert-range = the hold alert age is 1 to 720 hours
d-watch-rate-range = the rate cap is 1 to 50 requests per second
# $detail: the journal's error, in the desk's words.
d-watch-journal-failed = the journal could not be read or written: { $detail }

## The team journal's connection profile and its operators
d-team-host-required = the team journal's server is required
d-team-host-invalid = a host name or IP address, without spaces or a path
d-team-port-range = a port from 1 to 65535
d-team-database-required = the database's name is required
d-team-ca-missing = no file at { $path }
# $detail: why (the TLS library's words, or d-team-ca-no-certificate).
d-team-ca-not-pem = { $path } is not a PEM certificate file: { $detail }
d-team-ca-no-certificate = it holds no certificate
d-role-required = the operator's database login is required
d-role-too-long = at most 63 characters
d-role-characters = lowercase letters, digits and _ only, starting with a letter (e.g. ana_souza)
d-role-reserved = names starting with pg_ or cashout_ are reserved
d-operator-password-short = an operator's password has at least 12 characters
# $name: the login role.
d-operator-is-admin = { $name } is an administrator or superuser role; an operator gets a login of their own
# Asked before an open create is abandoned (the audit log keeps the English record).
d-abandon-risk = Abandoning stops the desk from checking this payout. If the provider did receive it, it may still be paid; a new payout for the same beneficiary could then pay twice. Resending it with the same external_id is always safe instead.
# Settings → About, when neither the app nor the settings name an update server.
d-update-no-server = no update server is configured: this build is not a release, and Settings has no update URL (your IT's mirror)
# The last update check, in Settings → About.
d-update-none-newer = no newer version
d-update-version-offered = version { $version } offered
# $detail: the updater's own words.
d-update-check-failed = failed: { $detail }
# The production question before a send: $amount with its ISO code, $environment as the bar names it (PRODUCTION).
d-review-production-question = Send { $amount } to { $beneficiary } in { $environment }? This moves real money.
# $earlier: d-record-cashout or d-record-code.
d-review-id-regenerated = External id { $old } was generated for an earlier payout ({ $earlier }), which is not this one; this payout gets the new id { $new }.
# A journal payout in a few words; $state is the journal's status or phase name (COMPLETED, intent).
d-record-cashout = cashout { $id }, { $state }
d-record-code = { $state }, code { $code }
# Where the journal in use is, in Settings → Team journal ($path: the file; the team's
# database, host, port and the signed-in login as the profile names them).
d-journal-place-file = the journal file { $path }
d-journal-place-team = the team journal { $database } on { $host }:{ $port } as { $user }
# The team journal's server said no ($detail: the server's own words).
d-pg-sign-in-refused = the server refused the sign-in: { $detail }
d-pg-not-allowed = this operator's role is not allowed to do that: { $detail }
d-pg-no-database = no such database: { $detail }
d-pg-connection-lost = the connection to the server was lost: { $detail }
d-pg-cannot-connect = cannot connect: { $detail }
d-pg-tls = TLS cannot be set up: { $detail }
d-pg-no-team-journal = this database holds no team journal yet; the team's administrator runs `cashout team init`
# What `cashout create --dry-run` does not check (it reads and writes nothing).
d-dry-run-not-checked = the duplicate guard and the provider's own checks, which run when it is sent
d-sandbox-not-copied = the sandbox's state could not be copied from { $file }: { $detail }
# Said once after an upgrade; $old and $kept: file paths; $payouts, $entries: counts as digits.
d-journal-merged = The journal of an earlier version ({ $old }) was merged into this one: { $payouts } payouts, { $entries } audit entries; the old file is kept as { $kept }.
# A refusal of the team journal's approval rules; $detail: the database's own sentence
# (English, precise: who, which payout, when). English says it as it is.
d-refusal-needs-hold = { $detail }
d-refusal-not-allowed = { $detail }
d-refusal-own-payout = { $detail }
d-refusal-voted-already = { $detail }
d-refusal-decided-already = { $detail }
d-refusal-expired = { $detail }
d-refusal-no-approval = { $detail }
d-refusal-reason-required = { $detail }
d-refusal-settlement-held = { $detail }
d-refusal-under-approval = { $detail }
d-refusal-no-team-journal = { $detail }
