-- Version 5 of the team journal: what an operator's own role may not do to payouts, even with
-- psql.
--
-- - Who wrote a history line or a kept exchange is the database's word (`actor` is set to
--   session_user on insert, whatever was sent).
-- - A payout's identity and what was asked never change once written: scope, base URL,
--   origin, the request and its digest, when it was created and by whom, and an external_id
--   or cashout id once it has one. So a desk's payout cannot be turned into a record a lookup
--   added (the only kind an operator may delete, when the journal folds it into its create).

CREATE FUNCTION cashout.stamp_actor() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
    NEW.actor := session_user;
    RETURN NEW;
END
$$;
CREATE TRIGGER history_actor BEFORE INSERT ON cashout.history
    FOR EACH ROW EXECUTE FUNCTION cashout.stamp_actor();
CREATE TRIGGER exchanges_actor BEFORE INSERT ON cashout.exchanges
    FOR EACH ROW EXECUTE FUNCTION cashout.stamp_actor();

CREATE FUNCTION cashout.keep_identity() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
    IF NEW.scope IS DISTINCT FROM OLD.scope
        OR NEW.base_url IS DISTINCT FROM OLD.base_url
        OR NEW.origin IS DISTINCT FROM OLD.origin
        OR NEW.request_json IS DISTINCT FROM OLD.request_json
        OR NEW.content_hash IS DISTINCT FROM OLD.content_hash
        OR NEW.created_at IS DISTINCT FROM OLD.created_at
        OR NEW.created_by IS DISTINCT FROM OLD.created_by
        OR (OLD.external_id IS NOT NULL AND NEW.external_id IS DISTINCT FROM OLD.external_id)
        OR (OLD.cashout_id IS NOT NULL AND NEW.cashout_id IS DISTINCT FROM OLD.cashout_id)
    THEN
        RAISE EXCEPTION 'a payout''s identity and request never change once written (payout %)', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER payouts_keep_identity BEFORE UPDATE ON cashout.payouts
    FOR EACH ROW EXECUTE FUNCTION cashout.keep_identity();
