# The window's shell and words shared by several views (English, the reference language).

## Navigation
nav-overview = Overview
nav-new = New cashout
nav-list = Cashouts
nav-batches = Batches
nav-lookup = Lookup
nav-holds = On hold
nav-approvals = Approvals
nav-audit = Audit log
nav-settings = Settings
nav-label = Sections
toasts-label = Notifications

## Shared buttons and column headers
open = Open
open-payout-label = Open payout { $id }
refresh = Refresh
col-cashout-id = Cashout id
col-external-id = External id
col-amount = Amount
col-beneficiary = Beneficiary

## Environment bar and status watching
env-demo-credentials = demo credentials
env-credentials-stored = credentials stored (API Key …{ $last4 })
env-no-credentials = no credentials stored
env-no-host = (no host)
env-real-money = REAL MONEY
env-team-journal = team journal · { $who }
env-team-not-connected = team journal not connected: see Settings → Journal
watch-offline = Provider unreachable — status polling paused, retrying at { $at }
watch-stalled = Status watching paused (the journal is busy or failing), retrying at { $at }
watch-unavailable = Live status updates unavailable: { $message }

## Notifications and copy buttons
toast-open-payout = Open this payout
toast-dismiss = Dismiss: { $title }
copy = Copy
copy-label = Copy { $what }
copied = Copied
not-copied = Not copied: { $message }
