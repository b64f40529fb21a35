# Validation messages of the new-cashout form and of batch rows: the rules common to every country (en).

## Check digits and the sandbox/staging override ($message: the country rule's own sentence)
v-check-digit-let-through = { $message } It is let through only because the check-digit override is on (sandbox and staging).
v-check-digit-override-hint = { $message } (In sandbox and staging you may override check digits to test with the provider's sample data.)
v-override-not-allowed = Check-digit overrides are only for sandbox and staging: turn the override off to send in this environment.

## Fields every country shares ($country: the country's name; $field: the request field, as is)
v-hidden-character = The { $label } ({ $field }) contains a control or invisible character (a line break, a zero-width space, …): retype it.
v-external-id-characters = The payout id (external_id) may only contain letters, digits and punctuation, without spaces or accents.
v-country-required = Enter the country (country) as a two-letter code: BR, MX, CO, PE, CL or AR.
v-country-not-supported = The country (country) must be one of BR, MX, CO, PE, CL or AR (ISO two-letter codes); payouts to other countries are not supported.
v-currency-not-allowed = The currency (currency) for { $country } must be { $currency } or USD.
v-currency-required = Choose the currency the amount is in (currency): { $currency } or USD.
v-amount-required = Enter the amount to pay out (amount).
v-clp-no-cents = Chilean pesos (CLP) have no cents: enter a whole amount (amount). If you meant US dollars, set the currency to USD.
v-name-required = Enter the beneficiary's first name (beneficiary_name).
v-lastname-required = Enter the beneficiary's last name (beneficiary_lastname): it is required for { $country }.
v-document-required = Enter the beneficiary's document number (document_id): the provider rejects payouts without it.
v-email-format = The e-mail address (email) does not look like an address: it needs a name, an @ and a domain such as example.com.
v-phone-format = The phone number (phone) must be 7 to 15 digits, optionally after a plus sign and country code, e.g. +573001234567.
v-account-type-not-allowed = The account type (account_type) for { $country } must be one of: { $choices }.
v-account-type-required = Enter the account type (account_type) for a bank transfer: { $choices }.
v-birthdate-unconfirmed = The birth date (beneficiary_birthdate) is sent as typed, but the reference does not say which format the provider expects. Leave it empty unless the provider asked for it, or confirm the format with them.

## Brazilian phones
v-phone-not-a-number = The phone number (phone) must be digits, optionally after a plus sign and the country code, e.g. +55 11 98765-4321.
v-phone-not-brazilian = The phone number (phone) starts with +55 but is not a Brazilian number: after +55 come the 2-digit area code and 8 or 9 digits, e.g. +55 11 98765-4321.
v-phone-no-country-code = The phone number (phone) has no country code and is not a Brazilian area code followed by a mobile or landline number: write it as +55, the area code and the number (e.g. +55 11 98765-4321), or with its own country code.

## Length limits ($what: one of the v-what-… names below; $len, $max: numbers of characters)
v-too-long = The { $what } is { $len } characters long; the provider accepts at most { $max }. Shorten it.
v-what-external-id = payout id (external_id)
v-what-beneficiary-name = beneficiary's first name (beneficiary_name)
v-what-beneficiary-lastname = beneficiary's last name (beneficiary_lastname)
v-what-email = e-mail address (email)
v-what-phone = phone number (phone)
v-what-bank-account = account number (bank_account)
v-what-address = address (address)
v-what-comments = comment (comments)

## The notification URL
v-url-required = Enter the notification URL (notification_url): the https:// address where the provider reports status changes.
v-url-spaces = The notification URL (notification_url) contains spaces; remove them.
v-url-not-full = The notification URL (notification_url) must be a full address starting with https://.
v-url-credentials = The notification URL (notification_url) must not contain a user name or password; use a secret path or header instead.
v-url-unclosed-bracket = The notification URL (notification_url) has an unclosed [ in its host.
v-url-invalid-host = The notification URL (notification_url) has an invalid host.
v-url-invalid-port = The notification URL (notification_url) has an invalid port number.
v-url-no-host = The notification URL (notification_url) has no valid host name.
v-url-not-https = The notification URL (notification_url) must start with https://.
v-url-port = The notification URL (notification_url) uses a port the provider will not call: it only calls ports 80 and 443. Remove the port or use 443.
v-url-plain-http = The notification URL (notification_url) must start with https://; plain http:// is accepted only for this computer (localhost, 127.0.0.1, ::1).

## A create written as JSON by others (`cashout create --json`), read before any rule.
## $field and $key: the field's name as written; $kind: one of the v-json-type-* words.
v-json-too-long = the request is { $size } bytes; a create is at most { $limit } bytes of JSON
# $kind: v-json-kind-list, v-json-kind-nothing or v-json-kind-value.
v-json-not-an-object = a create is one JSON object with named fields, e.g. {"{"}"country": "BR", …{"}"}; this is { $kind }
v-json-kind-list = a list ([…])
v-json-kind-nothing = nothing
v-json-kind-value = a single value
v-json-invalid = the request is not valid JSON (line { $line }, column { $column })
v-json-object-required = a create is one JSON object with named fields
v-json-amount-as-text = the amount must arrive as the text typed (a number here has already lost how it was written)
v-json-value-unreadable = the value of { $field } cannot be read
v-json-text-required = { $field } must be text; it is { $kind }
v-json-text-not-number = { $field } must be text in quotes (as a number, leading zeros and long digits would be lost); it is { $kind }
v-json-key-unnamed = a key with no name ({ $key })
v-json-key-twice = { $key } is given more than once; give it once
v-json-on-hold = on_hold must be true or false; it is { $kind }
v-json-not-a-field = { $key } is not a field of a create
v-json-credentials-not-fields = { $key } is not a field of a create (credentials are never part of the request: they come from the keychain)
v-json-amount-kind = amount must be a number or text; it is { $kind }
v-json-type-text = text
v-json-type-object = an object
v-json-type-list = a list
v-json-type-boolean = true/false
v-json-type-null = null
v-json-type-number = a number
