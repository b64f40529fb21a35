-- Version 6 of the team journal: one rate cap for the team. Each scope's next free provider
-- request slot (on the desks' clocks, like the leases), reserved by every desk's watcher
-- before it polls, so N desks open on one journal send, between them, what one desk's cap
-- allows, not N times it.
CREATE TABLE cashout.rate_slots (
    scope text PRIMARY KEY,
    next_at timestamptz NOT NULL
);
GRANT SELECT, INSERT, UPDATE ON cashout.rate_slots TO cashout_operator;
