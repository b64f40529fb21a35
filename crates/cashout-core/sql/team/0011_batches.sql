-- Version 11 of the team journal: batches (see the program's `batch::records`), shared by the
-- team's desks. A batch's rows that are sent are payouts like any other, written in phase
-- `queued` with the batch, in one transaction, before anything is sent; the batch's sender
-- moves each to `intent` before its send (the approval policy's triggers then check it as a
-- send, as they check every resend).
--
-- What the database itself enforces:
-- - the batch, its rows and its payouts are written in the same transaction (the program's),
--   and who wrote the batch is the database's word (`created_by`);
-- - a row points at a payout of the batch's own environment, at most once;
-- - operators may read, insert and update batches and their rows, never delete them.

ALTER TABLE cashout.payouts DROP CONSTRAINT payouts_phase_check;
ALTER TABLE cashout.payouts ADD CONSTRAINT payouts_phase_check CHECK (phase IN ('queued',
    'intent', 'unknown', 'sent_not_found', 'created', 'declined', 'not_sent', 'abandoned'));

CREATE TABLE cashout.batches (
    id text PRIMARY KEY,
    scope text NOT NULL,
    file_name text NOT NULL,
    file_sha256 text NOT NULL,
    file_format text NOT NULL CHECK (file_format IN ('csv', 'xlsx')),
    separator text,
    decimal_style text NOT NULL CHECK (decimal_style IN ('point', 'comma')),
    operator text NOT NULL,
    headers_json text NOT NULL,
    totals_json text NOT NULL,
    rows_total bigint NOT NULL,
    state text NOT NULL CHECK (state IN ('ready', 'sending', 'paused', 'done', 'cancelled')),
    rate_per_minute bigint NOT NULL,
    sender text,
    lease_until text,
    created_at text NOT NULL,
    updated_at text NOT NULL,
    created_by text NOT NULL DEFAULT session_user
);
CREATE INDEX batches_by_file ON cashout.batches (scope, file_sha256);
CREATE INDEX batches_by_time ON cashout.batches (scope, created_at DESC);

CREATE TABLE cashout.batch_rows (
    batch_id text NOT NULL REFERENCES cashout.batches (id),
    row_no bigint NOT NULL,
    cells_json text NOT NULL,
    payout_id bigint UNIQUE REFERENCES cashout.payouts (id),
    PRIMARY KEY (batch_id, row_no)
);

CREATE FUNCTION cashout.stamp_batch_creator() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
    NEW.created_by := CASE WHEN TG_OP = 'INSERT' THEN session_user ELSE OLD.created_by END;
    RETURN NEW;
END
$$;
CREATE TRIGGER batches_creator BEFORE INSERT OR UPDATE ON cashout.batches
    FOR EACH ROW EXECUTE FUNCTION cashout.stamp_batch_creator();

-- A row's payout is of the batch's environment.
CREATE FUNCTION cashout.check_batch_row() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
    IF NEW.payout_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM cashout.payouts p JOIN cashout.batches b ON b.scope = p.scope
        WHERE p.id = NEW.payout_id AND b.id = NEW.batch_id) THEN
        RAISE EXCEPTION 'a batch row''s payout is of the batch''s environment'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER batch_rows_check BEFORE INSERT OR UPDATE ON cashout.batch_rows
    FOR EACH ROW EXECUTE FUNCTION cashout.check_batch_row();

REVOKE ALL ON cashout.batches, cashout.batch_rows FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE ON cashout.batches, cashout.batch_rows TO cashout_operator;
GRANT SELECT ON cashout.batches, cashout.batch_rows TO cashout_admin;
