# Cashout Desk — the core's messages (English, the reference language).
# Every id here exists in es and pt-BR with the same variables (checked in CI).

## Statuses: a short label and what it means for an operator.
status-PENDING = Pending
status-PENDING-meaning = Accepted by the provider, not yet sent to the bank. Can be held or cancelled.
status-COMPLETED = Completed
status-COMPLETED-meaning = The money reached the beneficiary. A bank can still return it later.
status-CANCELLED = Cancelled
status-CANCELLED-meaning = Cancelled before it reached the bank. No money moved.
status-REJECTED = Rejected
status-REJECTED-meaning = The bank refused or returned the payment. See the rejection code.
status-DELIVERED = Delivered
status-DELIVERED-meaning = Sent to the bank. It can no longer be cancelled.
status-ON_HOLD = On hold
status-ON_HOLD-meaning = Held: the amount stays reserved and nothing is sent until released.
status-DECLINED = Declined
status-DECLINED-meaning = The provider refused the request. No cashout was created.
status-UNKNOWN = Unknown status
status-UNKNOWN-meaning = The provider reported a status this desk does not know. Nothing can be done to it until a known status is seen; it is checked again like an open payout.
status-IN_BATCH = In a batch
status-IN_BATCH-meaning = A row of a batch, not sent yet: it is sent when its batch is sent or resumed.
status-NOT_SENT = Not sent
status-NOT_SENT-meaning = Never left this desk; it can be sent again with the same external_id.
status-UNCONFIRMED = Unconfirmed
status-UNCONFIRMED-meaning = Sent, but the provider's answer was not received; it is looked up by its external_id before anything is resent.
status-ABANDONED = Abandoned
status-ABANDONED-meaning = An operator stopped checking this create; the reason is in the audit log.

## The provider's error codes (the body `code` of a failed call): what happened and what to do.
api-code-300 = The provider refused a field; its message names it.
api-code-302 = The Payload-Signature did not match. Check the API Signature stored for this environment.
api-code-303 = The bank code is not valid for this country.
api-code-401 = The API Key or API Passphrase is wrong for this environment.
api-code-402 = This computer's IP address is not whitelisted for cashouts in the Merchant Panel (Settings → API Access).
api-code-502 = The provider could not read the request body.
api-code-503 = Regulatory limits on the beneficiary's account prevent this payout.
api-code-504 = The beneficiary is not authorised because of their tax-registry situation.
api-code-508 = A transaction, daily or monthly limit of the merchant account was exceeded.
api-code-509 = No cashout with this id exists in this environment.
api-code-510 = The cashout's current status does not allow this change.
api-code-511 = This external_id was already used for another cashout.
api-code-514 = The merchant balance does not cover this payout.
api-code-515 = The beneficiary is blacklisted, blocked or suspended.
api-code-518 = Payouts to this country are not available for this account.
api-code-519 = The merchant account is not enabled for cashouts.
api-code-521 = That status cannot be requested through this endpoint.
api-code-524 = The credentials are not valid for cashouts; contact the provider's integration team.
api-code-525 = Refused by the close-loop rule: pay out only to accounts that deposited.
api-code-526 = The currency is not accepted for this country.
api-code-533 = The amount is below the minimum for this country.
api-code-537 = The provider could not make the cashout; contact its integration team.
api-code-538 = The beneficiary account is blacklisted.
api-code-539 = This payout method or bank is not enabled for the country.
api-code-540 = The beneficiary's e-mail or phone is required.
api-code-541 = This e-mail is already used by another beneficiary.
api-code-542 = This phone is already used by another beneficiary.
api-code-543 = The phone number is not valid.
api-code-565 = The bank is not licensed to process this transaction.
api-code-702 = The provider could not cancel the cashout.
api-code-703 = The provider could not make the cashout; contact its integration team.
api-code-unknown = The provider answered with a code this version does not know; its message says more.

## Bank rejection codes of REJECTED cashouts.
rejection-code-800 = The bank account number is invalid.
rejection-code-801 = The bank account is closed.
rejection-code-802 = The bank refused the amount.
rejection-code-803 = The bank code is invalid.
rejection-code-804 = The bank branch is invalid.
rejection-code-805 = The beneficiary's document is invalid.
rejection-code-806 = The name does not match the bank's records.
rejection-code-807 = The bank rejected the payment without a specific reason.
rejection-code-808 = Rejected for another reason; ask the provider for details.
rejection-code-809 = The payout expired before it could be completed.
rejection-code-810 = The beneficiary's limit was exceeded.
rejection-code-811 = The payment violates the bank's risk policy.
rejection-code-812 = The beneficiary's account is blocked or frozen.
rejection-code-813 = The document does not match the account's owner.
rejection-code-814 = The PIX key is invalid or not registered.
rejection-code-815 = The IFSC code is invalid.
rejection-code-816 = The account or IFSC code is invalid.
rejection-code-817 = The NBIN is invalid.
rejection-code-818 = The account cannot receive transfers.
rejection-code-819 = The account type is wrong for this account.
rejection-code-820 = Rejected at the merchant's request.
rejection-code-821 = The beneficiary's monthly limit was exceeded.
rejection-code-822 = The account name must be written in katakana.
rejection-code-823 = Rejected at the merchant's request (legacy code).
rejection-code-824 = Rejected by a third-party control.
rejection-code-826 = The bank reversed the payment after it was completed.
rejection-code-unknown = Rejected with a code this version does not know; see the rejection reason.

## The overview (window and CLI)
overview-chart-summary = { $currency }, { $days ->
    [one] { $days } day
   *[other] { $days } days
  } from { $first } to { $last }: sent { $sum } in { $count ->
    [one] { $shown } payout
   *[other] { $shown } payouts
  }; the largest day { $day }, { $daysum }.
overview-chart-summary-empty = { $currency }, { $days ->
    [one] { $days } day
   *[other] { $days } days
  } from { $first } to { $last }: nothing sent ({ $sum }, { $count } payouts).

## The new-cashout form: field labels, hints, methods, countries, account types
field-external-id = External id
hint-external-id = left empty: generated on review
field-amount = Amount
hint-amount = e.g. { $example }
field-currency = Currency
field-document-type = Document type
field-document-id = Document number
field-first-name = Beneficiary first name
field-last-name = Beneficiary last name
field-address = Address
field-notification-url = Notification URL
hint-notification-url = https://…, port 443
field-comments = Comments
hint-comments = sandbox rehearsals: sandbox:reject=814, sandbox:decline=514, …
field-clabe = CLABE
hint-clabe = 18 digits, e.g. 021790064060296642
field-cci = CCI
hint-cci = 20 digits, e.g. 00219300153895206813
field-cbu = CBU / CVU
hint-cbu = 22 digits, e.g. 2850590940090418135201
field-account-number = Account number
hint-account-co = 8 to 19 digits
hint-account-cl = 6 to 16 digits
hint-account-br = with its check digit, e.g. 3423422-7
field-branch = Branch (agência)
hint-branch = e.g. 1234
field-account-type = Account type
field-email = E-mail
hint-email-ar = the provider's Argentina page asks for it
field-pix-phone = PIX phone key
hint-pix-phone = mobile, e.g. (11) 98765-4321 or +55 11 98765-4321
field-pix-email = PIX e-mail key
hint-pix-email = ana@example.com (sent in lower case)
field-mobile = Mobile number
hint-mobile = digits only, e.g. 3001234567
field-phone = Phone
hint-phone = 10 or 11 digits
hint-phone-co = +57 and 10 digits
field-bank = Bank
method-transfer = Bank transfer
method-transfer-named = Bank transfer ({ $account })
# A PIX method in the method picker (the bank list's own name stays in English for records).
method-pix-phone = PIX — phone key
method-pix-email = PIX — e-mail key
method-pix-document = PIX — document key (CPF/CNPJ)
method-pix-random = PIX — random key (EVP)
country-BR = Brazil
country-MX = Mexico
country-CO = Colombia
country-PE = Peru
country-CL = Chile
country-AR = Argentina
account-type-C = checking
account-type-S = savings
account-type-V = vista / salary account
account-type-M = master account

## Amounts typed by an operator, refused at the amount field
amount-not-a-number = the amount is not a number: type digits, with a dot before the cents (e.g. 150.25)
# Typed in a locale whose amounts are not written 150.25; $example is that locale's way (1.234,56).
amount-not-a-number-here = the amount is not a number: type digits, like { $example }
amount-not-positive = the amount must be greater than zero
amount-too-many-decimals = the amount can have at most 2 decimal places
amount-too-large = the amount is larger than 1,000,000,000
amount-exponent = exponents are not accepted in amounts: write the amount in full (e.g. 1000)
amount-ambiguous = { $typed } is ambiguous: it reads as { $thousands } where '{ $separator }' groups thousands, and as { $decimal } where it marks decimals; type { $thousands } or { $decimal }
amount-three-decimals = { $typed } is ambiguous: it reads as { $thousands } where '{ $separator }' groups thousands; where it marks decimals it has three decimal places, which an amount cannot have; type { $thousands } if that is what you mean
amount-grouped = write the amount without thousands separators, with a dot before the cents (e.g. { $suggestion })
amount-unreadable = { $typed } cannot be read as an amount: write it without thousands separators, with a dot before the cents (e.g. 1234.56)
amount-other-locale = { $typed } is not written the way { $locale } writes amounts: type it like { $example }
amount-decimal-comma = write the cents after a dot, not a comma (e.g. { $suggestion })

## The review of a create, above the body
review-beneficiary = Beneficiary
review-document = Document
review-pix-phone = PIX key (phone)
review-pix-email = PIX key (e-mail)
review-pix-document = PIX key (document)
review-pix-random = PIX key (random)
review-wallet = Wallet
review-account = Account
review-phone = Phone
review-email = E-mail
review-bank = Bank
review-bank-from-account = from the account number
review-branch = branch { $branch }
review-account-type = account type { $type }
review-amount = Amount
review-created = Created
review-created-approval = on hold until approved by another operator
review-created-on-hold = on hold (released by hand)
review-external-id = External id
review-environment = Environment

## Desktop notifications of the watcher
notice-late-rejection = Late rejection: funds returned after COMPLETED
notice-rejected = Payout rejected
notice-completed = Payout completed
notice-on-hold = On hold for { $held }: funds still reserved
notice-held-since = since { $since }
notice-payout-to = { $amount } to { $beneficiary } ({ $id })
notice-payout = { $amount } ({ $id })
notice-a-payout = A payout
notice-cashout = cashout { $id }
notice-external-id = external id { $id }

## What a payout's state means, where it says more than a status
state-sent-not-found = Sent, not found yet: the provider did not show this payout when asked by its external id, but it may still exist (its records can lag). It is looked up again by itself, less and less often, until the open-create window (a setting) ends; then only an operator settles it. Resending with the same external id is safe: if the provider has it, it is found, never paid twice.
state-checking = Checking with the provider: the answer to this create was lost. It is looked up by its external id; nothing is resent meanwhile.
state-queued = Waiting in its batch: not sent yet. It is sent when its batch is sent or resumed, and marked never sent if the rest of the batch is cancelled.
state-not-sent = Nothing was sent: the request never left this computer. Retry sends it with the same external id.
state-abandoned = Abandoned by an operator: the desk no longer checks it. If the provider received it, it may still be paid.
state-unknown-status = The provider reports status code { $code }. { $meaning }
state-with-last = { $text } Last: { $last }.

## Errors of the core: what went wrong and what to do (details from elsewhere are kept as they are)
err-validation-invalid = the request is not valid
err-validation-more = { $field }: { $message } (and { $count } more)
err-api = { $message } (provider code { $code }: { $explanation })
err-network = the provider could not be reached or did not answer: { $detail }
err-not-sent = nothing was sent: { $detail }; the payout is kept as not sent, and sending it again uses the same external_id { $external_id }
err-action-unknown = the { $action } may or may not have been applied: { $detail }
err-provider-fault = the provider's answer was not believed and nothing was recorded from it: { $detail }
err-unknown-status = the provider reports status code { $code }, which this desk does not know; no action is allowed until the provider reports a known status
err-outcome-unknown = the outcome of cashout { $external_id } is not known yet ({ $detail }); it is kept in the journal and will be checked by its external_id before anything is resent
err-malformed-answer = the provider's answer could not be read: { $detail }
err-unsettled-external-id = external id { $external_id } was generated for an earlier payout that may have been sent and is not settled yet (checking…); open it and resend or abandon it before sending a corrected payout
err-external-id-conflict = external_id { $external_id } was already used in this environment for a different payout; choose another external_id or resend the identical request
err-possible-duplicate = an identical payout (same amount, currency, document and account) was requested in the last 24 hours as external_id { $external_id } (now { $now }); open it to check or resume it, or, to pay a second time on purpose, say so explicitly (desktop: “Pay again on purpose”; CLI: --pay-again-of { $external_id })
err-action-not-allowed = cannot { $action } a cashout that is { $status }
err-missing-credentials = no credentials are stored for { $environment }; store them in Settings (desktop) or with `cashout credentials set`
err-missing-read-only-key = the provider's bank list needs the read-only key, and none is stored for { $environment }; store it with the credentials (Settings, or the fourth line of `cashout credentials set`)
err-journal = the journal failed: { $detail }
err-team-journal = the team journal: { $detail }
err-team-schema-newer = the team journal's schema is version { $found }, newer than this desk knows ({ $expected }): update Cashout Desk before using the team journal; nothing was written
err-team-schema-older = the team journal's schema is version { $found }, older than this desk needs ({ $expected }): the team's administrator runs `cashout team migrate`; nothing was written
