-- Version 3 of the team journal: what keeps the list, its filters and its text search within
-- 50 ms on a journal of a million payouts (measured by the team benchmark, `team-bench`), and
-- a payout's new history line announced like a change of the payout itself (a desk showing
-- its diagram re-reads it).
--
-- - Each filter the list offers has an index in the list's own order (newest first), so a page
--   is read off the index and never sorted from the whole table.
-- - Text search ("found anywhere in external_id or beneficiary, any case") uses a trigram
--   index (pg_trgm, shipped with PostgreSQL and trusted since 13, so the schema's owner may
--   install it) over the same haystack the embedded journal indexes. The extension may already
--   be installed in another schema; its operator class is looked up where it is.

CREATE INDEX payouts_by_status_time ON cashout.payouts (scope, status, created_at DESC, id DESC);
CREATE INDEX payouts_by_country_time ON cashout.payouts (scope, country, created_at DESC, id DESC);
CREATE INDEX payouts_by_time ON cashout.payouts (created_at DESC, id DESC);
CREATE INDEX payouts_by_cashout_id ON cashout.payouts (cashout_id);

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA cashout;
DO $trgm$
DECLARE
    home text;
BEGIN
    SELECT n.nspname INTO STRICT home
        FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname = 'pg_trgm';
    EXECUTE format(
        'CREATE INDEX payouts_text ON cashout.payouts USING gin '
        || '((coalesce(external_id, %L) || %L || coalesce(beneficiary, %L)) %I.gin_trgm_ops)',
        '', ' ', '', home);
END
$trgm$;

CREATE FUNCTION cashout.announce_history() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
    PERFORM pg_notify('cashout_desk', 'payout:' || NEW.payout_id::text);
    RETURN NULL;
END
$$;
CREATE TRIGGER history_announce AFTER INSERT ON cashout.history
    FOR EACH ROW EXECUTE FUNCTION cashout.announce_history();
