## What the programs around the core say in their own words: the desktop shell (files it
## reads, the clipboard, updates) and the `cashout` command line (its arguments, files and
## variables), the credentials' and the keychain's refusals, and the exports' file checks.
## Ids start with `p-`; English is the wording the tests compare. Argument names, variables
## and commands (--env, OKP_API_KEY, `cashout team migrate`) are never translated.

## Files ($file: its path as given; $detail: what the file system said, as it said it)
p-file-unreadable = cannot read { $file }: { $detail }
# $size and $limit: whole megabytes, as digits.
p-batch-file-too-large = { $file } is { $size } MB; a batch file is at most { $limit } MB
# $limit: kibibytes, as digits.
p-request-too-large = { $file } is larger than { $limit } KiB; a create is one small JSON object
p-request-not-utf8 = the request is not UTF-8 text
p-export-is-database = { $file } is a database (the journal or the sandbox's state?), not an export: choose another file
p-export-exists = { $file } already exists; choose another file, or say to replace it (--overwrite)
p-file-not-written = cannot write { $file }: { $detail }

## The batch under review (the window and the shell's own state)
p-batch-no-review = no file is being reviewed: open one first
p-batch-review-replaced = another file was opened for review since; this one is closed
p-batch-other-environment = the file was checked for another environment; open it again
p-batch-bytes-missing = the file's bytes did not arrive
p-batch-state-unusable = the app's batch state is unusable; restart the app

## The desktop shell
p-command-unfinished = the command could not finish: { $detail }
p-clipboard-failed = the clipboard could not be written: { $detail }
p-team-settings-unreadable = the team journal's settings could not be read: { $detail }
# $name and $value: what the window sent, in double quotes.
p-approvals-no-list = no approvals list { $name }
p-approvals-decision = a decision is approve or reject, not { $value }

## File dialogs' filter names
p-filter-spreadsheets = Spreadsheets (CSV, Excel)
p-filter-workbook = Excel workbook
p-filter-csv = CSV

## Updates ($version, $offered, $shown: version numbers such as 1.4.2)
p-update-installing-already = an update is being installed already
p-update-sending-refused = an update is being installed and the app restarts in a moment: nothing was sent; send it once the app is back
p-update-batch-refused = an update is being installed and the app restarts in a moment: the batch was not started; resume it once the app is back
p-update-check-failed = the update check failed: { $detail }
p-update-none-offered = no newer version is offered now
p-update-other-version = version { $offered } is offered now, not the { $shown } shown: check again and choose
# $detail: the updater's own words (e.g. why the signature did not verify).
p-update-not-installed = version { $version } was not installed: { $detail }
p-update-on-quit = Version { $version } is downloaded and verified; it is installed when the app quits.

## Credentials (what the provider documents: three values, key and passphrase ≤ 32 characters)
p-cred-api-key-required = the API Key is required
p-cred-api-key-long = the API Key is at most 32 characters
p-cred-passphrase-required = the API Passphrase is required
p-cred-passphrase-long = the API Passphrase is at most 32 characters
p-cred-signature-required = the API Signature is required
# $detail: the keychain service's own words.
p-keychain-unavailable = the OS keychain is not available ({ $detail }); unlock it, or give the credentials in OKP_API_KEY, OKP_API_PASSPHRASE and OKP_API_SIGNATURE (CLI)
p-keychain-refused = the OS keychain refused the operation: { $detail }
p-keychain-damaged = the keychain entry for this environment is damaged; store the credentials again

## The command line
p-no-data-dir = no data directory on this platform
p-cli-no-data-dir = no data directory on this platform; give --journal
# $database and $user: the team profile's, as written there; $variable: the password's variable.
p-cli-team-password-missing = the settings choose the team journal { $database } as { $user }, and no password is stored for it: set { $variable } or store it in the app
p-cli-sandbox-with-url = --env sandbox is the embedded sandbox; for another loopback server give --base-url alone (its records are its own: environment local)
# $environment: the environment's name (production, staging).
p-cli-fixed-host = { $environment } has a fixed host; drop --base-url or use --env custom
p-cli-sandbox-not-started = the sandbox could not start: { $detail }
p-cli-sandbox-not-reset = the sandbox could not be reset: { $detail }
# $problem: one of the p-cred-* messages.
p-cli-credential-variables = OKP_API_* variables: { $problem }
p-cli-credential-variables-partial = set all of OKP_API_KEY, OKP_API_PASSPHRASE and OKP_API_SIGNATURE, or none of them
p-cli-give-id = give --id or --external-id
p-cli-id-positive = the cashout id is a positive number
p-cli-no-journal = there is no journal at { $file } (a mistyped path?)
p-cli-no-local-journal = there is no local journal at { $file }
# $status and $action: as typed, in double quotes.
p-cli-unknown-status = unknown status { $status }
p-cli-unknown-audit-action = unknown audit action { $action }
p-cli-credentials-which = say which environment's credentials: --env NAME
p-cli-sandbox-credentials = the sandbox uses fixed demo credentials (see the README); nothing to store
p-cli-stdin-unreadable = cannot read stdin: { $detail }
p-cli-team-profile-unreadable = cannot read the team profile { $file }: { $detail }
p-cli-not-a-team-profile = { $file } is not a team profile ({"{"}"host", "port", "database", "user", "ca_file"{"}"}): { $detail }
# $variable: the password's variable; $user: the profile's login.
p-cli-team-password-variable = set { $variable } to the password of { $user }
p-cli-give-team = give --team PROFILE (a JSON file of the team journal's connection)
p-cli-operator-password-unreadable = cannot read the operator's password from stdin: { $detail }
# $typed: the --control value as typed.
p-cli-control-total-shape = { $typed }: write a control total as CURRENCY:COUNT:TOTAL, e.g. BRL:120:35250.00
p-cli-control-total-count = { $typed }: the count is a whole number of payouts
# $currencies: the batch's currencies, joined by commas.
p-cli-control-totals-missing = give the control total of every currency (--control CURRENCY:COUNT:TOTAL) as your own records have it; the batch sends in { $currencies } (see --dry-run)
# $typed: the --map value as typed.
p-cli-mapping-shape = { $typed }: write HEADER=FIELD
# $column: in double quotes; $columns: the file's headers joined by commas.
p-cli-mapping-no-column = the file has no column { $column } (it has { $columns })

## Desktop notifications' button
p-notify-open-batch = Open batch
p-notify-open-payout = Open payout
