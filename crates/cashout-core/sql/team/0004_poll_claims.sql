-- Version 4 of the team journal: one watcher per team. Each payout's next status poll is
-- claimed by one desk until its next round (`poll_until`, the desks' clock as fixed-width UTC
-- text), so N desks open on the same journal poll each payout once per round, not N times.
ALTER TABLE cashout.payouts ADD COLUMN poll_until text;
