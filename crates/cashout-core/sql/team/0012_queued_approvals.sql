-- Version 12 of the team journal: a batch row's approval opens when the row is sent, not when
-- the batch is written. A row written `queued` is checked against the policy at once (at or
-- above its currency's threshold it must be held, so an unheld one refuses the whole batch
-- before anything is sent), but no approval is opened for it: nothing is held at the provider
-- yet, and a batch sent at one row a minute would otherwise have its approvals expire, and
-- approvers asked to release funds no cashout holds, before the rows are sent. The sender moves
-- each row `queued` -> `intent` before its send, and `cashout.recheck_resend` (version 7) opens
-- the approval in that same transaction, so no held row is sent without one.

CREATE OR REPLACE FUNCTION cashout.open_approval() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    req jsonb;
    pol cashout.approval_policy;
BEGIN
    IF NEW.request_json IS NULL
        OR NOT EXISTS (SELECT 1 FROM cashout.approval_policy WHERE scope = NEW.scope) THEN
        RETURN NULL;
    END IF;
    req := NEW.request_json::jsonb;
    pol := cashout.policy_applying(NEW.scope, req);
    -- The approval is of this request: the record's external_id is the request's, so what is
    -- released is what the approvers saw.
    IF NEW.external_id IS DISTINCT FROM req ->> 'external_id' THEN
        RAISE EXCEPTION 'a payout''s external_id is its request''s (%), not %',
            req ->> 'external_id', coalesce(NEW.external_id, 'none') USING ERRCODE = 'CA001';
    END IF;
    IF pol.scope IS NULL THEN
        RETURN NULL;
    END IF;
    IF (req -> 'on_hold') IS DISTINCT FROM 'true'::jsonb THEN
        IF NEW.phase IN ('created', 'declined', 'abandoned') THEN
            RETURN NULL;
        END IF;
        RAISE EXCEPTION 'a payout of % % or more needs approval: it must be created on hold',
            pol.threshold, pol.currency USING ERRCODE = 'CA001';
    END IF;
    -- Held and not sent yet: its approval opens with its send (see above).
    IF NEW.phase = 'queued' THEN
        RETURN NULL;
    END IF;
    PERFORM cashout.open_waiting_approval(NEW.id, req, pol);
    RETURN NULL;
END
$$;
