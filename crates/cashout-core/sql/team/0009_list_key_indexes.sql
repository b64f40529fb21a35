-- Version 9 of the team journal: indexes for the list's sorts and its folded search (see
-- version 8), built once the keys are filled.
--
-- - One index per sort key with the id that breaks ties, so a page in any order is read off an
--   index in either direction. Status sorts with payouts that have none yet (open creates)
--   first when ascending, as the embedded journal orders NULL.
-- - The trigram index moves from the raw external_id and beneficiary to search_text.

CREATE INDEX payouts_by_amount ON cashout.payouts (scope, amount_key, id);
-- Amounts sort by currency first: one country's payouts sit in one stretch of that order.
CREATE INDEX payouts_by_country_amount ON cashout.payouts (scope, country, amount_key, id);
CREATE INDEX payouts_by_name ON cashout.payouts (scope, name_key, id);
CREATE INDEX payouts_by_status_id ON cashout.payouts (scope, status NULLS FIRST, id);
CREATE INDEX payouts_by_scope_created ON cashout.payouts (scope, created_at, id);

DROP INDEX cashout.payouts_text;
DO $trgm$
DECLARE
    home text;
BEGIN
    SELECT n.nspname INTO STRICT home
        FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname = 'pg_trgm';
    EXECUTE format(
        'CREATE INDEX payouts_text ON cashout.payouts USING gin (search_text %I.gin_trgm_ops)',
        home);
END
$trgm$;
