# The overview screen (English).

overview-title = Overview
overview-period = Period
overview-period-today = Today
overview-period-last-7-days = Last 7 days
overview-period-last-30-days = Last 30 days
overview-period-this-month = This month
overview-period-custom = Dates…
overview-from = From
overview-to = To
overview-scope = Payouts requested from { $first } to { $last } ({ $zone }): { $count }.
overview-empty = No payouts were requested in this period, and none is in flight or on hold.
overview-unreadable = { $count ->
    [one] { $count } payout of the journal has no readable amount or currency and is not in these figures.
   *[other] { $count } payouts of the journal have no readable amount or currency and are not in these figures.
  }
overview-payouts = { $count ->
    [0] 0 payouts
    [one] { $count } payout
   *[other] { $shown } payouts
  }
overview-sent = Sent in the period
overview-in-flight = In flight now
overview-on-hold = On hold now
overview-oldest-hold = oldest held for { $age }
overview-completed = Completed
overview-provisional = { $sum } provisional: completed in the last { $days } days, a bank can still return it
overview-rejected = Rejected
overview-late = { $sum } rejected after completion ({ $count })
overview-daily-volume = Daily volume sent
overview-bar = { $day }: { $sum } in { $count ->
    [0] 0 payouts
    [one] { $count } payout
   *[other] { $count } payouts
  }
overview-daily-table = The same days as a table
overview-by-status = By status now, requested from { $first } to { $last }
overview-top-rejections = Commonest rejection codes
overview-col-status = Status
overview-col-count = Payouts
overview-col-code = Code
overview-col-meaning = What it means
overview-col-field = Field to fix
overview-col-day = Day
overview-col-sent = Sent
overview-amount-unknown = { $count ->
    [one] { $count } payout found by a lookup has no known amount and is not in these figures.
   *[other] { $count } payouts found by a lookup have no known amount and are not in these figures.
  }
