# Batches: the list and import, one batch being sent, and the review of a file before it is
# written (English, the reference language). File names, row numbers, ids, amounts and
# currency codes arrive as variables; sentences of the core (errors, cell problems,
# explanations, the production question) are not here.

## How the file writes amounts: a visible label, the choice, and the choice's accessible name.
## The samples are written as the file writes them: never localise "1,234.56" or "1.234,56".
batch-decimal-label = Amounts are written
batch-decimal-aria = How the file writes amounts
batch-decimal-point = 1,234.56 (dot before the cents)
batch-decimal-comma = 1.234,56 (comma before the cents)

## Sending rate, shown as: [label] [number typed] [unit]
batch-rate-label = Sending rate
batch-rate-unit = requests a minute
batch-rate-aria = Requests per minute
review-rate-aria = Requests per minute when sending

## The batches screen: import, templates, and the environment's batches
batches-title = Batches
batches-import-title = Import a file
# Above the "Choose a file…" button of the drop zone.
batches-drop-hint = Drop a CSV or Excel (.xlsx) file here, or choose one.
batches-choose-file = Choose a file…
batches-drop-note = Up to 10,000 rows. Nothing is written or sent until you check the rows and confirm the totals.
batches-reading = Reading { $file }…
batches-templates-title = Templates
batches-template-country = Country of the template
batches-template-method = Payout method of the template
batches-template-xlsx = Save Excel template…
batches-template-csv = Save CSV template…
batches-template-saved = Template saved to { $file }.
batches-list-title = Batches of this environment
batches-draft-pending = { $file } is being reviewed ({ $rows ->
    [one] { $rows } row
   *[other] { $rows } rows
  }); nothing of it is written yet.
batches-draft-open = Go on reviewing
batches-empty = No batch yet in this environment.
batches-col-written = Written
batches-col-file = File
batches-col-rows = Rows
batches-col-state = State
batches-col-progress = Progress
batches-open-label = Open batch { $file }

## Where a batch stands
batch-state-interrupted = interrupted — resume to go on
batch-state-ready = written, not sent yet
batch-state-sending = sending
batch-state-paused = paused
batch-state-done = done
batch-state-cancelled = cancelled

## A batch's counts, each on its own, shown side by side: "3 created · 1 declined · 0 not sent · …"
batch-progress-created = { $count } created
batch-progress-declined = { $count } declined
batch-progress-not-sent = { $count } not sent
batch-progress-in-flight = { $count } being checked
batch-progress-waiting = { $count } waiting
batch-progress-excluded = { $count } excluded
batch-time-left-secs = about { $secs } s left
batch-time-left-mins = about { $mins } min left

## One batch
batch-title = Batch
# After the file name: "payouts.csv · 3 rows · written 2026-11-30 10:00:00 by ana".
batch-head = { $rows ->
    [one] { $rows } row
   *[other] { $rows } rows
  } · written { $at } by { $operator }
# Before the batch's id and its copy button.
batch-id-label = Batch
# What the copy button copies ("Copy batch id").
batch-id-what = batch id
# $totals: one or more batch-head-total, separated by commas.
batch-head-totals = totals: { $totals }
# $amount: currency and amount as the core wrote them ("MXN 30.00").
batch-head-total = { $amount } in { $count ->
    [one] { $count } payout
   *[other] { $count } payouts
  }
# Accessible name of the progress bar.
batch-progress-aria = { $done } of { $total } { $total ->
    [one] row sent
   *[other] rows sent
  }
batch-send = Send batch
batch-resume = Resume
batch-pause = Pause
batch-cancel-rest = Cancel the rest
batch-cancel-confirm = Cancel the rest of this batch? { $waiting ->
    [0] No row is waiting to be sent
    [one] The { $waiting } row not sent yet is marked never sent
   *[other] The { $waiting } rows not sent yet are marked never sent
  }; { $created ->
    [0] none was created yet.
    [one] the { $created } already created stays as it is.
   *[other] the { $created } already created stay as they are.
  }
batch-save-xlsx = Save result (Excel)…
batch-save-csv = Save result (CSV)…
batch-saved = Result file saved to { $file } ({ $rows ->
    [one] { $rows } row
   *[other] { $rows } rows
  }).
batch-rows-title = Rows
batch-rows-label = The batch's rows and what each became
batch-col-row = Row
batch-col-outcome = Outcome
batch-col-status = Status
batch-col-explanation = Code and explanation
batch-open-row-label = Open the payout of row { $row }
batch-back = All batches

## What a row of a batch became (grid cell, lower case)
batch-outcome-excluded = excluded
batch-outcome-waiting = waiting
batch-outcome-sending = sending
batch-outcome-created = created
batch-outcome-declined = declined
batch-outcome-not-sent = not sent
# Never sent: the rest of the batch was cancelled.
batch-outcome-cancelled = cancelled
# The provider holds a cashout under this row's external id that this desk did not make.
batch-outcome-check = check
batch-outcome-unknown = unknown

## Review of a file before it is written
review-title = Review batch
review-none = No file is being reviewed. Open one under Batches.
# How the file was read; shown as "payouts.csv · <how> · <rows>". $encoding is the core's.
review-file-xlsx = Excel workbook, worksheet “{ $sheet }”
review-file-xlsx-others = Excel workbook, worksheet “{ $sheet }” (not read: { $others })
review-file-csv = CSV, { $encoding }, separated by “{ $separator }”
review-file-csv-tabs = CSV, { $encoding }, separated by tabs
review-file-rows = { $rows ->
    [one] { $rows } row
   *[other] { $rows } rows
  }
review-file-rows-skipped = { $rows ->
    [one] { $rows } row
   *[other] { $rows } rows
  }, { $empty ->
    [one] { $empty } empty row skipped
   *[other] { $empty } empty rows skipped
  }
review-counts = { $ready } ready · { $blocked } with errors · { $warned } with warnings · { $excluded } excluded
review-filter-all = All rows
review-filter-errors = With errors
review-filter-warnings = With warnings
review-filter-excluded = Excluded
# The check column of a row (a row of the file).
review-mark-ready = ready
review-mark-warning = warning
review-mark-excluded = excluded
review-mark-errors = { $count ->
    [one] { $count } error
   *[other] { $count } errors
  }
# Accessible name of a row's number button.
review-open-ready = Row { $row }: ready; open to fix
review-open-warning = Row { $row }: warning; open to fix
review-open-excluded = Row { $row }: excluded; open to fix
review-open-errors = Row { $row }: { $count ->
    [one] { $count } error
   *[other] { $count } errors
  }; open to fix
review-col-check = Check
# Problems of a row that no column holds.
review-col-other = Other
review-grid-label = The file's rows as checked
review-map-summary = Columns: { $used } of { $total } used — check which field each fills
review-map-field-label = Field of column { $header }
review-map-unused = — not used —
# A column whose header is empty.
review-map-column = (column { $column })
review-map-synonym = matched by name
review-map-chosen = chosen
# $fields: field names as the file format names them ("amount, document_id").
review-missing-columns = { $count ->
    [one] No column fills { $fields }: choose one below, or add it to the file.
   *[other] No column fills { $fields }: choose them below, or add them to the file.
  }
review-nothing = No row is ready to send yet.
review-totals-caption = Rows to send, per currency — type the count and total your own records expect (the control total)
review-col-currency = Currency
review-col-payouts = Payouts
review-col-total = Total
review-col-expected-payouts = Expected payouts
review-col-expected-total = Expected total
review-expected-count-label = Expected number of { $currency } payouts
review-expected-total-label = Expected { $currency } total
review-row-title = Row { $row }
review-row-external-id = external id { $id }
review-check-again = Check again
review-include = Include the row again
review-exclude = Exclude this row
review-close = Close
review-row-ready = Row { $row } is ready.
review-row-still-errors = Row { $row } still has { $count ->
    [one] { $count } error
   *[other] { $count } errors
  }.
review-row-included = Row { $row } is included again.
review-row-excluded = Row { $row } is excluded: it is not sent.
review-write = Write batch
review-discard = Discard
review-control-missing = Type the expected number of { $currency } payouts and their total (the control total) before writing the batch.
review-write-and-send = Write and send
# Button and confirm label; the core's refusal names this button.
review-same-file = Import again anyway
# Asked under the core's message that the file was imported before.
review-same-file-question = Write it as a new batch anyway? Every row would be paid again.
review-pay-again = Pay them again
# Asked under the core's message naming the rows that repeat a recent payout.
review-pay-again-question = Send these rows as second, separate payments of the same money to the same accounts?
review-show-duplicates = Show them
review-discard-confirm = Discard this file's review? Nothing was written; fixes made here are lost.
review-show-rows-label = Show rows
