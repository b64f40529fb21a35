## Batch imports: issues found in a file, the result file's columns, the export's headers.
## Ids start with `batch-` or `export-`; English is the wording the tests compare.
# Sentences of the core, most of them shown at a cell or as a refusal; they start in lower case
# because they are often shown after a label. Amounts, marks ('.' ','), row numbers, column
# letters, headers, ids, codes and errors of other programs arrive as variables, as written.

## Reading the file (CSV or Excel)
# $size, $max: megabytes; $rows: the most payout rows a batch holds.
batch-file-too-large = the file is { $size } MB; a batch file is at most { $max } MB ({ $rows } rows)
batch-file-xls = this is an old Excel workbook (.xls); save it as an Excel Workbook (.xlsx) or as CSV and import that
# $rows: payout rows in the file; $max: the most a batch holds.
batch-file-too-many-rows = the file has { $rows } payout rows; a batch holds at most { $max }: split it into several files
batch-file-over-max-rows = the file has more than { $max } payout rows; a batch holds at most { $max }: split it into several files
batch-file-no-rows = the file has a header but no payout rows under it
batch-file-empty = the file is empty
# A CSV read by its UTF-8 byte order mark, as the review's file line names it.
batch-encoding-utf8-bom = UTF-8 with BOM
# $encoding: the text encoding's name (UTF-8, UTF-16LE, or batch-encoding-utf8-bom).
batch-file-bad-encoding = line { $line } of the file is not valid { $encoding }; save the file again as CSV UTF-8 and import that
# country, currency and amount are the template's column names: keep them as written.
batch-file-one-column = the header line has one column: separate the columns with commas, semicolons or tabs (a batch needs at least country, currency and amount)
# $first, $second: two of batch-separator-commas, -semicolons, -tabs.
batch-file-separator-tie = the header line uses { $first } and { $second } equally often, so the separator cannot be told; save the file with one separator
batch-separator-commas = commas
batch-separator-semicolons = semicolons
batch-separator-tabs = tabs
batch-file-open-quote = a quoted cell is not closed (the last quote is on line { $line }): the rows after it would be read as part of one cell; fix the quotes and import it again
# $error: the CSV reader's own words (English).
batch-file-bad-csv = line { $line } of the file cannot be read as CSV ({ $error })
batch-file-line-break = line { $line } cannot be told apart from the row before it (a line break inside a cell that is not quoted?); save the file again from the spreadsheet and import that
# $error: the workbook reader's own words (English).
batch-file-not-workbook = the file is a ZIP archive but not an Excel workbook that can be read ({ $error }); save it as .xlsx or as CSV
# $sheet: the worksheet's name; $error: the reader's own words (English).
batch-sheet-unreadable = worksheet { $sheet } cannot be read ({ $error })
# $column: a column letter (XFD); $max: the most columns a batch uses.
batch-sheet-too-wide = worksheet { $sheet } has a value in column { $column } (row { $row }); a batch uses at most { $max } columns
batch-sheet-too-long = worksheet { $sheet } has a value in row { $row }; a batch holds at most { $max } rows: split it, or clear what lies below the payouts
batch-workbook-unreadable = the workbook cannot be read ({ $error })
# $what: batch-workbook-hidden-row or batch-workbook-hidden-column ("row 3").
batch-workbook-hidden = the workbook hides rows or columns ({ $what } is hidden, by hand or by a filter): what is hidden would be paid too. Show every row and column (clear the filters), or copy only the payouts meant into a new workbook, and import that
batch-workbook-hidden-row = row { $number }
batch-workbook-hidden-column = column { $number }
batch-workbook-visible-empty = the workbook's visible worksheets are empty
batch-workbook-empty = the workbook's worksheets are empty

## Amounts, read under the decimal style declared for the file. $amount is the cell as written;
## $decimal and $group are the marks ('.' or ','); $example, $declared and $other are the
## styles' samples ("1,234.56", "1.234,56"): never localise them.
batch-amount-empty = the amount is empty
# Ends several messages below ($hint).
batch-amount-style-hint = this file's amounts were declared as { $declared }; if they are written as { $other }, choose that instead
batch-amount-bad-chars = { $amount } is not an amount: use only digits, '{ $group }' between thousands and '{ $decimal }' before the cents (e.g. { $example })
batch-amount-two-decimal-marks = { $amount } has '{ $decimal }' more than once; under { $example } it marks the cents once — { $hint }
batch-amount-unreadable = { $amount } cannot be read: { $hint }
batch-amount-ambiguous = { $amount } is ambiguous: '{ $decimal }' is followed by three digits, so it probably groups thousands — an amount has at most two decimals; { $hint }
batch-amount-trailing-mark = { $amount } ends with '{ $decimal }': add the cents or drop it
batch-amount-too-many-decimals = { $amount } has more than two decimals
batch-amount-bad-grouping = { $amount } has '{ $group }' where it does not group thousands (groups of three digits); { $hint }
# An Excel number cell whose stored number cannot be read as an amount.
batch-amount-not-number = { $amount } is not an amount
batch-amount-float-residue = the spreadsheet stored { $amount }, which has more than two decimals (a rounding residue of a formula, or a typing slip); type the amount again as it is meant

## Which column fills which field. $field is a field's name as the file format names it
## (amount, document_id): keep it as written. $column is a column letter, $header the file's own.
# Why the file's external_id column is not used (shown beside the column).
batch-map-external-id-unused = not used: each row gets its own external id (the batch id and the row number), so a file imported twice can never pay twice
batch-map-already-filled = not used: column { $column } ({ $header }) already fills { $field }
# $columns: the file's columns; $choices: how many the operator chose for.
batch-map-wrong-count = the file has { $columns } columns; choose a field (or none) for each of them, not { $choices }
batch-map-unknown-field = { $field } is not a field a batch column can fill
batch-map-field-twice = { $field } is chosen for two columns; choose it for one

## A cell's problems. $where is batch-cell-where ("column B (Monto)"); $value the cell's text.
batch-cell-where = column { $column } ({ $header })
batch-cell-not-text = { $where } holds a date, true/false or error cell ({ $value }); type the value as text
batch-cell-number = the spreadsheet stored { $value } in { $where } as a number, so leading zeros and any digit after the 15th may already be lost; type it here exactly as on the beneficiary's record, or format the column as Text in the spreadsheet, type the values again and import the file again
batch-cell-scientific = { $value } in { $where } is a number in scientific notation: the spreadsheet has already replaced its last digits with zeros; type the full value
# The on-hold column: the file may say yes/no in English, Spanish or Portuguese.
batch-cell-yes-no = { $where }: write yes or no ({ $value } is neither)

## A row's problems
# $values: the row's values; $columns: the header's; $extra: batch-extra-cell-empty or
# batch-extra-cell-value, the first value past the last column.
batch-row-extra-cells = this row has { $values } values where the header has { $columns } columns ({ $extra }); a separator inside a value (an amount written 1,234.56 in a comma-separated file?) shifts the cells: quote the value or fix the file
batch-extra-cell-empty = an empty one
batch-extra-cell-value = column { $column }: { $value }
# A row that pays one of the templates' made-up beneficiaries.
batch-row-template-example = this is the template's example row ({ $currency } { $amount } to { $beneficiary }): delete it or exclude it
# $payout: an external id; $what: the journal's description of that payout.
batch-row-already-in-journal = this row names payout { $payout }, which the journal holds ({ $what }): a result file or an earlier batch imported again; it is not paid again — exclude the row

## Warnings that compare rows
# $rows: the other rows' numbers ("4, 9").
batch-dup-in-file = the same amount to the same account as row { $rows } of this file; exclude one unless both are meant
# $payout: an external id; $at: when it was requested (on this machine's clock, the locale's way).
batch-dup-in-journal = the same amount to the same account as payout { $payout } requested at { $at } (within 24 hours); exclude this row unless it is meant to pay again
# $factor: how many times larger; $count: earlier payouts to the beneficiary; $largest: the largest of them.
batch-unusual-amount = { $currency } { $amount } is more than { $factor } times the largest of the { $count } earlier payouts to this beneficiary in the last 90 days ({ $currency } { $largest }); check it

## The control totals the operator types, per currency. $expected is what the batch holds.
batch-control-type-once = type the count and total of { $currency } once (the batch sends { $count } payouts in it)
batch-control-count = { $currency }: you typed { $typed } payouts; the batch sends { $expected }
batch-control-total = { $currency }: you typed a total of { $typed }; the batch sends { $expected }
# $error: one of the amount messages above.
batch-control-unreadable = { $currency }: the total typed cannot be read: { $error }
batch-control-extra-currency = the batch sends nothing in { $currency }; remove that control total
# $problems: the messages above, separated by semicolons.
batch-control-mismatch = the control totals do not match, so nothing is sent: { $problems }

## Reviewing and writing a batch
batch-no-row = the batch has no row { $row }
# $column: a column's number, from 1.
batch-no-column = the file has no column { $column }
batch-column-external-id-fixed = column { $column } ({ $header }) names payouts by their external id and is not changed here; exclude the row instead
batch-rows-blocked = { $count } rows have errors: fix them or exclude them before sending
# As batch-rows-blocked, with the first such row's first error.
batch-rows-blocked-first = { $count } rows have errors: fix them or exclude them before sending (row { $row }: { $message })
batch-nothing-to-send = no row is left to send
# $rows: row numbers, at most ten, then "…". The quoted button is review-pay-again.
batch-rows-repeat = { $count } rows pay the same amount to the same account as another row of the file or a payout of the last 24 hours (rows { $rows }): exclude them, or say that they are meant to pay again (desktop: “Pay them again”; CLI: --pay-duplicates-again)
# One currency's total in batch-confirm-question ($totals joins them with semicolons: a comma may be the decimal mark).
# $total: the total with its ISO code, written in the file's decimal style (BRL 1.234,56).
batch-confirm-total = { $total } in { $count } payouts
# Asked in production before the batch is written; $environment is its code (PRODUCTION).
batch-confirm-question = Write this batch of { $ready } payouts ({ $totals }) in { $environment } and send them? This moves real money: each row is sent at the chosen rate until the batch is done, paused or cancelled.
# $sha256: the file's hash; $at: when the earlier batch was written; $state: batch-record-state.
# The quoted button is review-same-file.
batch-same-file = this file (SHA-256 { $sha256 }) was already imported as batch { $batch } on { $at } ({ $state }; { $created } of { $payouts } payouts created); importing it again could pay every row twice — do it only on purpose (desktop: “Import again anyway”; CLI: --same-file-again)
# $max: the fastest rate accepted; $rate: the one asked for.
batch-rate-out-of-range = the rate is 1 to { $max } requests a minute; { $rate } is not
batch-not-found = this environment has no batch { $batch }
batch-no-such-batch = there is no batch { $batch }

## Where a batch stands, and why it cannot change now. $sender: the desk sending it.
# A batch's state as a sentence says it ("batch … is paused"): $state is ready, sending,
# paused, done or cancelled.
batch-record-state = { $state }
batch-change-not-sender = batch { $batch } is { $state } and no longer sent by this desk
# $until: when the sender's lease ends (this machine's clock, the locale's way).
batch-change-busy = batch { $batch } is being sent by { $sender } (until { $until }); one desk at a time sends a batch
batch-change-nothing-to-send = batch { $batch } is { $state }: nothing is left to send
batch-change-nothing-to-pause = batch { $batch } is { $state }: there is nothing to pause
batch-change-already = batch { $batch } is { $state } already
batch-change-rows-left = batch { $batch } still has { $rows } rows to send
# Why a row of a batch is not sent now.
batch-row-never-sent = this payout is a row of batch { $batch }, whose rest was cancelled before it was sent: it is never sent
batch-row-waits-for-batch = this payout is a row of batch { $batch }, which is { $state }: it is sent when the batch is sent or resumed
batch-row-no-request = the journal holds no request for this row

## Templates and the result file. Column headers stay the request's field names in every
## language (the importer reads them back), so they are not here.
# The result file's explanation of a row left out in review.
batch-result-excluded = excluded in review: not sent
# Worksheet names: at most 31 characters, none of [ ] : * ? / \
batch-result-sheet = Result
batch-template-sheet = Payouts
batch-workbook-write-failed = the workbook could not be written: { $error }
batch-workbook-too-many-columns = too many columns for a workbook
# $country: the country's name; $method: what was asked for; $choices: "id (label)" pairs.
batch-template-no-method = { $country } has no payout method { $method }; choose one of: { $choices }
batch-template-no-country = { $country } is not a country the desk pays in (BR, MX, CO, PE, CL, AR)
batch-template-write-failed = the template could not be written: { $error }

## A batch's notice (a toast and a desktop notification). $file: the batch's file name;
## $rows: row numbers, each with its rejection code in brackets, e.g. 3 (807), 5 (807).
batch-notice-late = { $count ->
    [one] { $count } payout rejected after COMPLETED, funds returned (rows { $rows })
   *[other] { $count } payouts rejected after COMPLETED, funds returned (rows { $rows })
}
batch-notice-rejected = { $count ->
    [one] { $count } payout rejected (rows { $rows })
   *[other] { $count } payouts rejected (rows { $rows })
}
batch-notice-held = { $count ->
    [one] { $count } payout on hold past the alert age, funds still reserved (rows { $rows })
   *[other] { $count } payouts on hold past the alert age, funds still reserved (rows { $rows })
}
batch-notice-title-final = Batch { $file }: every payout is final
batch-notice-title-rejected = { $count ->
    [one] Batch { $file }: { $count } payout rejected
   *[other] Batch { $file }: { $count } payouts rejected
}
batch-notice-title-held = { $count ->
    [one] Batch { $file }: { $count } payout on hold too long
   *[other] Batch { $file }: { $count } payouts on hold too long
}
batch-notice-title-late = { $count ->
    [one] Batch { $file }: late rejection of { $count } payout
   *[other] Batch { $file }: late rejection of { $count } payouts
}
batch-notice-title-several = Batch { $file }: payouts need you
# $sent: payouts created; the others: how many of them ended in each status (names untranslated).
batch-notice-all-final = All { $sent } sent are final: { $completed } COMPLETED, { $rejected } REJECTED, { $cancelled } CANCELLED
# $rows: the first rows listed; $more: how many more.
batch-notice-rows-more = { $rows } and { $more } more
