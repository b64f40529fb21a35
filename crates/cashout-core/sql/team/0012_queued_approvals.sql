-- Version 12 of the team journal: a batch row's approval opens when the row leaves `queued`
-- (its send), not when the batch is written; and every approval names the payout's maker.
--
-- - A row written `queued` is checked against the policy at once (at or above its currency's
--   threshold it must be held, so an unheld one refuses the whole batch before anything is
--   sent), but no approval is opened for it: nothing is held at the provider yet, and a batch
--   sent at one row a minute would otherwise have its approvals expire, and approvers asked to
--   release funds no cashout holds, before the rows are sent.
-- - Any move out of `queued` except to `not_sent` (the rest of the batch cancelled) or
--   `declined` (refused before it left; a resend of it moves to `intent`), and any move from a
--   payout recorded as never sent (`not_sent`, `declined`, `abandoned`) back to one that may
--   exist (`unknown`, `sent_not_found`, `created`), is checked
--   as a send: the sender's `queued` -> `intent`, and also a row moved by hand with psql to
--   `unknown`, `sent_not_found` or `created` (which a desk then settles or releases). At or
--   above the threshold it must be held and gets its approval in the same transaction, so no
--   held row reaches the provider, or can be released, without one.
-- - The approval's `prepared_by` is the payout's maker (`created_by`, the database's word at
--   insert), not whoever's session opens it: a batch written by one operator and sent (or
--   resumed, or resent) by another is still not approvable by the one who wrote it.

CREATE OR REPLACE FUNCTION cashout.open_waiting_approval(
    p_payout bigint,
    p_request jsonb,
    pol cashout.approval_policy
) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    -- A scalar subquery: a payout that cannot be seen fails the NOT NULL loudly, never opens
    -- nothing in silence.
    INSERT INTO cashout.approvals (payout_id, scope, currency, amount, required, prepared_by,
        requested_at, expires_at, state)
    VALUES (p_payout, pol.scope, pol.currency, (p_request ->> 'amount')::numeric,
        pol.approvers, (SELECT p.created_by FROM cashout.payouts p WHERE p.id = p_payout),
        now(), now() + pol.expires_after, 'waiting');
$$;

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
    -- Held and not sent yet: its approval opens when it leaves `queued` (see above).
    IF NEW.phase = 'queued' THEN
        RETURN NULL;
    END IF;
    PERFORM cashout.open_waiting_approval(NEW.id, req, pol);
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION cashout.recheck_resend() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    req jsonb;
    pol cashout.approval_policy;
    a cashout.approvals;
    sending boolean := NEW.phase = 'intent' AND OLD.phase <> 'intent';
    -- Out of the waiting line by any road but "never sent".
    leaving_queue boolean := OLD.phase = 'queued' AND NEW.phase NOT IN ('queued', 'not_sent', 'declined');
    -- Back among the payouts that may exist from one that, as recorded, never left: checked
    -- as a send, so that no detour (queued -> not_sent -> sent_not_found, by hand) skips it.
    revived boolean := NEW.phase IN ('unknown', 'sent_not_found', 'created')
        AND OLD.phase IN ('not_sent', 'declined', 'abandoned');
BEGIN
    IF NOT (sending OR leaving_queue OR revived) OR NEW.request_json IS NULL
        OR NOT EXISTS (SELECT 1 FROM cashout.approval_policy WHERE scope = NEW.scope) THEN
        RETURN NULL;
    END IF;
    req := NEW.request_json::jsonb;
    pol := cashout.policy_applying(NEW.scope, req);
    IF pol.scope IS NULL THEN
        RETURN NULL;
    END IF;
    IF (req -> 'on_hold') IS DISTINCT FROM 'true'::jsonb THEN
        -- A history copied in unheld (left before it was journaled here, see open_approval)
        -- is only looked up, never sent: its lookup may record what it became.
        IF revived AND OLD.phase = 'abandoned' THEN
            RETURN NULL;
        END IF;
        RAISE EXCEPTION 'a payout of % % or more needs approval: it is not sent again unheld',
            pol.threshold, pol.currency USING ERRCODE = 'CA001';
    END IF;
    SELECT * INTO a FROM cashout.approvals WHERE payout_id = NEW.id FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM cashout.open_waiting_approval(NEW.id, req, pol);
    ELSIF NOT revived AND a.state NOT IN ('waiting', 'approved') THEN
        -- (A revived payout's lookup records what became of it whatever its approval says.)
        RAISE EXCEPTION 'this payout''s approval is % : it is not sent again; make a new payout',
            a.state USING ERRCODE = 'CA005';
    END IF;
    RETURN NULL;
END
$$;
