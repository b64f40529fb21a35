# Settings and what lives under it: language, environment, status watcher, credentials,
# journal, approval policy, About and updates; and the approvals view (English, the reference
# language). Every id here exists in es and pt-BR with the same variables.

## Settings
settings-title = Settings
settings-language-title = Language
settings-locale-label = App language
settings-locale-auto = Automatic (system: { $system })
settings-locale-auto-unknown = Automatic
settings-locale-example = Amounts are written like { $example }
settings-environment-title = Environment
settings-environment-label = Environment in use
settings-okp-host-label = OKP production host
settings-okp-host-hint = given by OKP at onboarding
# An example host, in the field until one is typed.
settings-okp-host-placeholder = api.example-from-okp.com
settings-custom-url-label = Custom base URL
settings-https-only = https only
# An example URL (the .example domain is reserved for examples).
settings-custom-url-placeholder = https://api.brand.example
settings-notification-url-label = Default notification URL
settings-notification-url-hint = pre-filled on new cashouts
settings-notification-url-placeholder = https://your-server.example/cashouts/notify
settings-watcher-title = Status watcher
settings-late-days-label = Re-check completed payouts for late rejection (days)
settings-late-days-hint = COMPLETED payouts younger than this are re-checked
settings-hold-hours-label = Alert on holds older than (hours)
settings-open-hours-label = Look up unconfirmed creates for (hours)
settings-open-hours-hint = a create sent but not found yet is looked up by itself this long; then an operator resends or abandons it
settings-desktop-notifications = Desktop notifications
settings-update-url-label = Update server (IT mirror)
settings-update-url-hint = empty: the publisher's; https only
settings-update-url-placeholder = https://updates.your-company.example/cashout-desk/latest.json
settings-save = Save settings
settings-test-connection = Test connection
settings-testing = Testing…
# $environment: the environment's name as the core labels it.
settings-saved = Settings saved. Environment: { $environment }.

## Credentials (API Key, API Passphrase and API Signature are the provider's names)
settings-credentials-title = Credentials
settings-credentials-intro = Write-only: saved to the OS keychain, never shown again. The sandbox uses fixed demo credentials.
settings-cred-environment-label = Environment
settings-cred-api-key = API Key
settings-cred-passphrase = API Passphrase
settings-cred-signature = API Signature
settings-cred-read-only = Read-only key (bank lists, optional)
settings-cred-save = Save to keychain
settings-cred-remove = Remove
settings-cred-stored = Stored in the OS keychain (API Key …{ $last4 }).
settings-cred-stored-read-only = Stored in the OS keychain (API Key …{ $last4 }, read-only key too).
settings-cred-none = Nothing stored for this environment.
settings-cred-saved = Saved to the OS keychain.
settings-cred-removed = Removed from the OS keychain.

## About
settings-about-title = About
settings-about-version = Version
settings-about-commit = Commit
settings-about-built = Built

## Updates (under About). The status line joins its parts with " · ".
updates-from = Updates from { $endpoint }
updates-no-server = No update server: a development build (set your IT's mirror above to use one)
# $result: the core's words for what the last check found.
updates-last-checked = last checked { $at }: { $result }
updates-on-quit = version { $version } installs when the app quits
updates-check = Check for updates
updates-checking = Checking…
updates-newest = This is the newest version.
updates-offer = Version { $version } is available (running { $current }).
updates-install-now = Install now and restart
updates-install-on-quit = Install on quit
updates-installing-now = Downloading, verifying and installing…
updates-installing-on-quit = Downloading and verifying for install on quit…

## Journal (local file or the team's PostgreSQL journal)
team-title = Journal
team-intro = One operator keeps payouts in the local journal. A team shares one PostgreSQL journal: everyone sees the same payouts, and nothing is sent twice from two desks. Sign in with your own database login.
# $place: the core's description of the journal.
team-using-team = Using { $place } (signed in by the database).
team-using-local = Using the local journal: { $place } (this computer only).
team-host-label = Server
team-host-placeholder = db.example.com
team-port-label = Port
team-database-label = Database
team-user-label = Your login
team-user-placeholder = your own database login
team-ca-file-label = CA certificate file
team-ca-file-placeholder = /path/to/team-ca.pem (if the OS does not trust the server)
team-ca-file-hint = optional; the connection is always encrypted and verified off this computer
team-password-label = Password
team-password-hint = write-only: kept in the OS keychain
team-password-stored = stored in the OS keychain
team-use = Use team journal
team-test = Test
team-use-local = Use local journal
team-copy-local = Copy this desk's local payouts here
team-connecting = Connecting…
team-test-ok = Connected: { $place }. Nothing was switched or stored.
team-switched = This desk now uses the team journal, signed in as { $who }.
team-local = This desk now uses its local journal.
team-copying = Copying…
team-copied = Copied: { $added } of { $payouts ->
    [one] { $payouts } payout
   *[other] { $payouts } payouts
  } added to the team journal; { $already ->
    [one] { $already } was
   *[other] { $already } were
  } there already.
team-copied-differing = Copied: { $added } of { $payouts ->
    [one] { $payouts } payout
   *[other] { $payouts } payouts
  } added to the team journal; { $already ->
    [one] { $already } was
   *[other] { $already } were
  } there already ({ $differing } known differently: noted on each, kept as the team has them).
team-copied-refused = { $refused ->
    [one] { $refused } open payout was refused by the team's approval policy (not held): it stays in the local journal; settle it there.
   *[other] { $refused } open payouts were refused by the team's approval policy (not held): they stay in the local journal; settle them there.
  }

## Approval policy (team journal)
policy-title = Approval policy
policy-intro = On a team journal, payouts from a threshold up are sent on hold and released when other operators approve them.
policy-empty = No payout needs approval in this environment.
policy-col-currency = Currency
policy-col-threshold = Needs approval from
policy-col-approvers = Approvers
policy-col-expires = Expires after
policy-col-proposed-by = Proposed by
policy-col-approved-by = Approved by
policy-hours = { $hours } h
policy-admins-propose = Changes are proposed by the team's administrators and applied when a second operator approves them.
policy-changes-caption = Changes, newest first
policy-change-none = { $currency }: no approval needed
policy-change-threshold = { $currency } from { $threshold }: { $approvers ->
    [one] { $approvers } approver
   *[other] { $approvers } approvers
  }, within { $hours } h
# $state: proposed, applied or rejected (a change of the policy).
policy-change-state = { $state ->
    [proposed] proposed
    [applied] applied
    [rejected] rejected
   *[other] { $state }
  }
policy-change-proposed-by = proposed by { $who } { $at }
policy-change-decided-by = { $state ->
    [applied] applied by { $who }
    [rejected] rejected by { $who }
   *[other] { $state } by { $who }
  }
policy-approve = Approve
policy-reject = Reject
policy-reason-label = Why change { $id } is rejected
policy-reason-placeholder = why, to reject
policy-applied = Change { $id } applied.
policy-rejected = Change { $id } rejected.
policy-threshold-placeholder = 1000.00 (empty: no approval)
policy-approvers-count = { $count ->
    [one] { $count } approver
   *[other] { $count } approvers
  }
policy-hours-label = Expires after (hours)
policy-propose = Propose change
policy-proposed = Proposed as change { $id }: it applies when another operator approves it.

## Approvals (maker–checker on the team journal)
approvals-title = Approvals
approvals-tabs-label = Which approvals
approvals-tab-waiting-for-me = Waiting for me ({ $count })
approvals-tab-waiting-for-others = Waiting for others
approvals-tab-decided = Decided
approvals-signed-in-approver = Signed in as { $login } (approver)
approvals-signed-in-not-approver = Signed in as { $login } (not an approver: you can prepare payouts, others approve them)
approvals-none-for-me = Nothing waits for your approval.
approvals-none = None.
approvals-col-state = State
approvals-col-prepared-by = Prepared by
approvals-col-expires = Expires
approvals-col-approvals = Approvals
approvals-review = Review
approvals-review-label = Review payout { $id }
approvals-badge-label = { $count ->
    [one] { $count } waiting for your approval
   *[other] { $count } waiting for your approval
  }
## Where an approval stands.
approvals-state-waiting = waiting
approvals-state-approved = approved
approvals-state-rejected = rejected
approvals-state-expired = expired
approvals-state-released = released
approvals-state-cancelled = cancelled
approvals-state-closed = closed
## One payout's approval
approvals-review-title = { $amount } to { $beneficiary }
approvals-fact-status = Status
approvals-fact-approval = Approval
approvals-request-title = The request as it was sent
approvals-request-none = (not sent from a desk)
approvals-history-title = History
approvals-reason-label = Reason (required to reject; kept in the audit log)
approvals-approve = Approve
approvals-reject = Reject
approvals-open-payout = Open the payout
# $decision: approve or reject.
approvals-vote = { $at } — { $decision ->
    [approve] { $who } approved
   *[reject] { $who } rejected
  }
approvals-vote-reason = { $at } — { $decision ->
    [approve] { $who } approved: { $reason }
   *[reject] { $who } rejected: { $reason }
  }
# $state: an approvals-state-… word; $progress: the core's words; $status: a payout status.
approvals-done = Recorded: { $state }. { $progress }. Payout status: { $status }.
approvals-status-not-known = not known yet
# $action: release or cancel; $error: the core's words.
approvals-settle-error = { $action ->
    [release] Your vote is recorded ({ $state }); the provider did not take the release yet: { $error }. The desk tries again.
   *[cancel] Your vote is recorded ({ $state }); the provider did not take the cancel yet: { $error }. The desk tries again.
  }
