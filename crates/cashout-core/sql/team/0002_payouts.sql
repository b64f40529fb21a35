-- Version 2 of the team journal: the payouts every desk shares, their history and the
-- exchanges kept for the signing inspector. The same columns as the embedded journal's
-- (crates/cashout-core/src/journal/sqlite/schema.rs), so one record type serves both; times
-- are the desks' clocks as fixed-width UTC text (text order is time order).
--
-- What the database itself enforces:
-- - one payout per (scope, external_id) and per (scope, cashout_id): the external_id is the
--   provider's own fence against paying twice, and two desks can never hold two intents for
--   it;
-- - who wrote: every row and history line records the session_user that wrote it;
-- - operators may read, insert and update payouts, but delete only a record a lookup added
--   that carries no external_id (the journal folds such a record into the create it turns out
--   to be); history and exchanges they may add to and re-attach, never delete;
-- - every change is announced on the channel `cashout_desk` as `payout:<id>` when it commits,
--   so the other desks re-read it (the payload is a hint, never data).

CREATE TABLE cashout.payouts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    scope text NOT NULL,
    base_url text NOT NULL,
    external_id text,
    cashout_id bigint,
    origin text NOT NULL CHECK (origin IN ('desk', 'lookup')),
    phase text NOT NULL CHECK (phase IN ('intent', 'unknown', 'sent_not_found', 'created',
        'declined', 'not_sent', 'abandoned')),
    request_json text,
    content_hash text,
    country text,
    currency text,
    amount text,
    beneficiary text,
    status text,
    status_code bigint,
    status_since text,
    rejection_code bigint,
    rejection_reason text,
    provider_reference text,
    bank_json text,
    last_error text,
    api_code bigint,
    attempts bigint NOT NULL DEFAULT 0,
    lookups bigint NOT NULL DEFAULT 0,
    created_at text NOT NULL,
    updated_at text NOT NULL,
    checked_at text,
    last_sent_at text,
    claim_token text,
    claimed_by text,
    lease_until text,
    created_by text NOT NULL DEFAULT session_user,
    updated_by text NOT NULL DEFAULT session_user,
    UNIQUE (scope, external_id),
    UNIQUE (scope, cashout_id)
);
CREATE INDEX payouts_by_scope_time ON cashout.payouts (scope, created_at DESC, id DESC);
CREATE INDEX payouts_open ON cashout.payouts (scope, id)
    WHERE phase IN ('intent', 'unknown', 'sent_not_found');
CREATE INDEX payouts_by_content ON cashout.payouts (scope, content_hash, created_at);
CREATE INDEX payouts_by_status_since ON cashout.payouts (scope, status, status_since)
    WHERE status IS NOT NULL;

CREATE TABLE cashout.history (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payout_id bigint NOT NULL REFERENCES cashout.payouts (id),
    at text NOT NULL,
    event text NOT NULL,
    status text,
    detail text,
    actor text NOT NULL DEFAULT session_user
);
CREATE INDEX history_by_payout ON cashout.history (payout_id, id);

CREATE TABLE cashout.exchanges (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payout_id bigint NOT NULL REFERENCES cashout.payouts (id),
    at text NOT NULL,
    method text NOT NULL,
    path text NOT NULL,
    body text NOT NULL,
    signature text NOT NULL,
    http_status integer,
    answer text,
    outcome text NOT NULL,
    actor text NOT NULL DEFAULT session_user
);
CREATE INDEX exchanges_by_payout ON cashout.exchanges (payout_id, id);

-- Who changed a payout last is the database's word.
CREATE FUNCTION cashout.stamp_writer() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
    NEW.updated_by := session_user;
    IF TG_OP = 'INSERT' THEN
        NEW.created_by := session_user;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER payouts_writer BEFORE INSERT OR UPDATE ON cashout.payouts
    FOR EACH ROW EXECUTE FUNCTION cashout.stamp_writer();

CREATE FUNCTION cashout.announce_payout() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
    PERFORM pg_notify('cashout_desk', 'payout:' || coalesce(NEW.id, OLD.id)::text);
    RETURN NULL;
END
$$;
CREATE TRIGGER payouts_announce AFTER INSERT OR UPDATE OR DELETE ON cashout.payouts
    FOR EACH ROW EXECUTE FUNCTION cashout.announce_payout();

ALTER TABLE cashout.payouts ENABLE ROW LEVEL SECURITY;
CREATE POLICY payouts_read ON cashout.payouts FOR SELECT USING (true);
CREATE POLICY payouts_add ON cashout.payouts FOR INSERT WITH CHECK (true);
CREATE POLICY payouts_change ON cashout.payouts FOR UPDATE USING (true) WITH CHECK (true);
CREATE POLICY payouts_fold ON cashout.payouts FOR DELETE
    USING (origin = 'lookup' AND external_id IS NULL);

REVOKE ALL ON cashout.payouts, cashout.history, cashout.exchanges FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON cashout.payouts TO cashout_operator;
GRANT SELECT, INSERT, UPDATE (payout_id) ON cashout.history, cashout.exchanges
    TO cashout_operator;
GRANT SELECT ON cashout.payouts, cashout.history, cashout.exchanges TO cashout_admin;
