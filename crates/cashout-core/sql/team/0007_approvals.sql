-- Version 7 of the team journal: approvals (maker–checker), enforced here, not in the desks.
--
-- A team sets, per environment and currency, a threshold at or above which a payout needs
-- approval, and how many distinct approvers (1 or 2). Such a payout must be created on hold
-- (`"on_hold": true` in the request the desk journals before sending), and the database opens
-- its approval when the intent is written. Approvers (members of `cashout_approver`) approve or
-- reject it through cashout.decide_approval; the deciding vote makes it approved (the desk
-- that cast it releases the held cashout at the provider) or rejected (that desk cancels it).
-- An approval not decided before it expires (7 days by default) is expired by
-- cashout.expire_approvals and its payout cancelled. Whoever settles at the provider (release
-- or cancel) claims the settlement first, so it is sent by one desk at a time, and records
-- what happened through cashout.settle_approval.
--
-- What an operator's own role cannot do, even with psql: approve their own payout; vote twice;
-- approve after the expiry or once decided; write or change an approval, a vote or the policy
-- (they have SELECT only; every change goes through these SECURITY DEFINER functions, which
-- read session_user, never a name the caller passes); change the policy without a second
-- operator (a change is proposed by an administrator and applied only when another
-- administrator or approver approves it); create a payout at or above a threshold without
-- holding it.
--
-- Times here are the server's clock (expiry must not depend on a desk's).

CREATE TABLE cashout.approval_policy (
    scope text NOT NULL,
    currency text NOT NULL,
    threshold numeric NOT NULL CHECK (threshold > 0),
    approvers integer NOT NULL CHECK (approvers IN (1, 2)),
    expires_after interval NOT NULL CHECK (expires_after > interval '0'),
    proposed_by text NOT NULL,
    approved_by text NOT NULL,
    changed_at timestamptz NOT NULL,
    PRIMARY KEY (scope, currency)
);

CREATE TABLE cashout.policy_changes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    scope text NOT NULL,
    currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    -- NULL threshold: the currency no longer needs approval.
    threshold numeric CHECK (threshold > 0),
    approvers integer CHECK (approvers IN (1, 2)),
    expires_after interval NOT NULL DEFAULT interval '7 days'
        CHECK (expires_after BETWEEN interval '1 hour' AND interval '30 days'),
    proposed_by text NOT NULL,
    proposed_at timestamptz NOT NULL,
    state text NOT NULL CHECK (state IN ('proposed', 'applied', 'rejected')),
    decided_by text,
    decided_at timestamptz,
    reason text,
    CHECK ((threshold IS NULL) = (approvers IS NULL))
);
CREATE INDEX policy_changes_open ON cashout.policy_changes (scope) WHERE state = 'proposed';

CREATE TABLE cashout.approvals (
    payout_id bigint PRIMARY KEY REFERENCES cashout.payouts (id),
    scope text NOT NULL,
    currency text NOT NULL,
    amount numeric NOT NULL,
    required integer NOT NULL CHECK (required IN (1, 2)),
    prepared_by text NOT NULL,
    requested_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    -- waiting → approved → released; waiting → rejected | expired → cancelled; and closed when
    -- the payout ends another way (cancelled by hand, declined, rejected by the bank).
    state text NOT NULL CHECK (state IN ('waiting', 'approved', 'rejected', 'expired',
        'released', 'cancelled', 'closed')),
    decided_at timestamptz,
    -- The desk settling it at the provider (release or cancel), by claim token, until when.
    settle_token text,
    settle_by text,
    settle_until timestamptz,
    settled_by text,
    settled_at timestamptz,
    note text
);
CREATE INDEX approvals_by_state ON cashout.approvals (scope, state, requested_at);

CREATE TABLE cashout.approval_votes (
    payout_id bigint NOT NULL REFERENCES cashout.approvals (payout_id),
    approver text NOT NULL,
    decision text NOT NULL CHECK (decision IN ('approve', 'reject')),
    reason text,
    at timestamptz NOT NULL,
    PRIMARY KEY (payout_id, approver)
);

-- Errors the desks read: SQLSTATE 'CA001'..'CA009' with the reason in the message.
--   CA001 needs approval: created without on_hold   CA002 not an approver / administrator
--   CA003 own payout or own proposal                CA004 already voted
--   CA005 decided or settled already                CA006 expired
--   CA007 nothing to approve (no such approval)     CA008 a rejection needs a reason
--   CA009 settlement claimed by another desk / not held by this token

-- Whom a journaled request pays, in words, from the request itself (the payout's own columns
-- can be written by any operator; the request cannot, see 0005_row_guards.sql).
CREATE FUNCTION cashout.sent_to(p_request text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT coalesce(nullif(btrim(concat_ws(' ', r ->> 'beneficiary_name',
        r ->> 'beneficiary_lastname')), ''), '?')
    FROM (SELECT p_request::jsonb AS r) q
$$;

-- The policy entry a request of `p_scope` falls under: its own currency's, when its amount is
-- at or above the threshold; a row of NULLs when none applies. A request whose currency cannot
-- be read is refused (a column can be written apart from the request, so only the request
-- counts).
CREATE FUNCTION cashout.policy_applying(p_scope text, p_request jsonb)
RETURNS cashout.approval_policy
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    cur text := upper(btrim(p_request ->> 'currency'));
    amt numeric := (p_request ->> 'amount')::numeric;
    pol cashout.approval_policy;
BEGIN
    IF cur IS NULL OR cur = '' THEN
        RAISE EXCEPTION 'a payout without a currency in its request cannot be checked against the approval policy'
            USING ERRCODE = 'CA001';
    END IF;
    SELECT * INTO pol FROM cashout.approval_policy WHERE scope = p_scope AND currency = cur;
    IF NOT FOUND OR amt IS NULL OR amt < pol.threshold THEN
        RETURN NULL;
    END IF;
    RETURN pol;
END
$$;

-- Opens a waiting approval of payout `p_payout` under `pol`, prepared by the session's login.
CREATE FUNCTION cashout.open_waiting_approval(
    p_payout bigint,
    p_request jsonb,
    pol cashout.approval_policy
) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    INSERT INTO cashout.approvals (payout_id, scope, currency, amount, required, prepared_by,
        requested_at, expires_at, state)
    VALUES (p_payout, pol.scope, pol.currency, (p_request ->> 'amount')::numeric,
        pol.approvers, session_user, now(), now() + pol.expires_after, 'waiting');
$$;

-- A desk's settlement lease as asked, within sane bounds (never one that no desk can ever
-- take over), after checking the claim token that fences it.
CREATE FUNCTION cashout.settle_lease(p_token text, p_lease interval) RETURNS interval
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF p_token IS NULL OR length(p_token) < 16 THEN
        RAISE EXCEPTION 'a settlement token is at least 16 characters' USING ERRCODE = 'CA009';
    END IF;
    RETURN least(greatest(coalesce(p_lease, interval '5 minutes'), interval '30 seconds'),
        interval '15 minutes');
END
$$;

-- Every payout written with a request is checked against the policy, whatever its phase or
-- origin (a row written with psql as "not sent" could otherwise be resent unheld): at or above
-- its currency's threshold it must be held, and its approval opens in the insert's own
-- transaction, so no such payout exists without one. The one exception is a payout that left
-- before it was journaled here (created, declined or abandoned: a desk's local history copied
-- in), which is never sent again. A request whose currency cannot be read is refused while the
-- environment has a policy.
CREATE FUNCTION cashout.open_approval() RETURNS trigger
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
    PERFORM cashout.open_waiting_approval(NEW.id, req, pol);
    RETURN NULL;
END
$$;
CREATE TRIGGER payouts_open_approval AFTER INSERT ON cashout.payouts
    FOR EACH ROW EXECUTE FUNCTION cashout.open_approval();

-- A payout sent again (its phase back to intent: a resend, a retry of one that never left)
-- is checked again as if it were new: at or above the threshold it must be held and its
-- approval still open (waiting, or approved and not yet released); one without an approval
-- gets one now. A payout whose approval closed (declined, cancelled) is not sent again: a new
-- payout is made instead, with an approval of its own.
CREATE FUNCTION cashout.recheck_resend() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    req jsonb;
    pol cashout.approval_policy;
    a cashout.approvals;
BEGIN
    IF NEW.phase <> 'intent' OR OLD.phase = 'intent' OR NEW.request_json IS NULL
        OR NOT EXISTS (SELECT 1 FROM cashout.approval_policy WHERE scope = NEW.scope) THEN
        RETURN NULL;
    END IF;
    req := NEW.request_json::jsonb;
    pol := cashout.policy_applying(NEW.scope, req);
    IF pol.scope IS NULL THEN
        RETURN NULL;
    END IF;
    IF (req -> 'on_hold') IS DISTINCT FROM 'true'::jsonb THEN
        RAISE EXCEPTION 'a payout of % % or more needs approval: it is not sent again unheld',
            pol.threshold, pol.currency USING ERRCODE = 'CA001';
    END IF;
    SELECT * INTO a FROM cashout.approvals WHERE payout_id = NEW.id FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM cashout.open_waiting_approval(NEW.id, req, pol);
    ELSIF a.state NOT IN ('waiting', 'approved') THEN
        RAISE EXCEPTION 'this payout''s approval is % : it is not sent again; make a new payout',
            a.state USING ERRCODE = 'CA005';
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER payouts_recheck_resend AFTER UPDATE OF phase ON cashout.payouts
    FOR EACH ROW EXECUTE FUNCTION cashout.recheck_resend();

-- A payout that ends, or moves on, outside the approval flow closes its open approval, and
-- the chain says so under whoever recorded it:
-- - cancelled, or rejected by the bank, or its create declined, while waiting or approved:
--   nothing is left to release;
-- - rejected by the bank while rejected or expired: nothing is left to cancel;
-- - delivered or completed while waiting, rejected or expired: it was released outside the
--   flow (at the provider's panel), and the approval says so.
-- A phase that can still be sent again (not sent, unknown, abandoned) closes nothing. A closed
-- approval is never approved, and the desks never hold or release its payout by hand: only a
-- released approval frees a payout that needed one.
CREATE FUNCTION cashout.close_ended_approval() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    closing text[];
    why text;
    a cashout.approvals;
BEGIN
    IF NEW.status = 'REJECTED' THEN
        closing := ARRAY['waiting', 'approved', 'rejected', 'expired'];
        why := 'the payout ended: REJECTED';
    ELSIF NEW.status = 'CANCELLED' OR NEW.phase = 'declined' THEN
        closing := ARRAY['waiting', 'approved'];
        why := 'the payout ended: ' || coalesce(NEW.status, NEW.phase);
    ELSIF NEW.status IN ('DELIVERED', 'COMPLETED') THEN
        closing := ARRAY['waiting', 'rejected', 'expired'];
        why := 'the payout moved on to ' || NEW.status || ' outside the approval flow';
    ELSE
        RETURN NULL;
    END IF;
    UPDATE cashout.approvals
        SET state = 'closed', note = coalesce(note, why),
            settle_token = NULL, settle_until = NULL
        WHERE payout_id = NEW.id AND state = ANY (closing)
        RETURNING * INTO a;
    IF FOUND THEN
        PERFORM cashout.append_audit(a.scope, 'approval_closed', NEW.cashout_id,
            NEW.external_id, 'ok', a.amount || ' ' || a.currency || ' to '
            || cashout.sent_to(NEW.request_json) || '; approval closed: ' || why);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER payouts_close_approval AFTER UPDATE OF phase, status ON cashout.payouts
    FOR EACH ROW EXECUTE FUNCTION cashout.close_ended_approval();

-- A vote: approve, or reject with a reason. Returns the approval's state after it and, when
-- this vote decided it, a settlement claim token for the caller's desk (it releases or
-- cancels at the provider, then calls settle_approval).
CREATE FUNCTION cashout.decide_approval(
    p_payout bigint,
    p_decision text,
    p_reason text,
    p_token text,
    p_lease interval
) RETURNS TABLE (state text, settle_token text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    a cashout.approvals;
    p cashout.payouts;
    approvals_now integer;
    detail text;
BEGIN
    IF NOT pg_has_role(session_user, 'cashout_approver', 'MEMBER') THEN
        RAISE EXCEPTION '% is not an approver', session_user USING ERRCODE = 'CA002';
    END IF;
    p_lease := cashout.settle_lease(p_token, p_lease);
    IF p_decision IS NULL OR p_decision NOT IN ('approve', 'reject') THEN
        RAISE EXCEPTION 'a decision is approve or reject' USING ERRCODE = 'CA008';
    END IF;
    IF p_decision = 'reject' AND coalesce(btrim(p_reason), '') = '' THEN
        RAISE EXCEPTION 'a rejection needs a reason' USING ERRCODE = 'CA008';
    END IF;
    SELECT * INTO a FROM cashout.approvals WHERE payout_id = p_payout FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'payout % has no approval', p_payout USING ERRCODE = 'CA007';
    END IF;
    IF a.prepared_by = session_user THEN
        RAISE EXCEPTION 'nobody approves a payout they prepared' USING ERRCODE = 'CA003';
    END IF;
    IF a.state <> 'waiting' THEN
        RAISE EXCEPTION 'the approval is % already', a.state USING ERRCODE = 'CA005';
    END IF;
    IF now() >= a.expires_at THEN
        RAISE EXCEPTION 'the approval expired at %', a.expires_at USING ERRCODE = 'CA006';
    END IF;
    IF EXISTS (SELECT 1 FROM cashout.approval_votes v
               WHERE v.payout_id = p_payout AND v.approver = session_user) THEN
        RAISE EXCEPTION '% has voted on this payout already', session_user
            USING ERRCODE = 'CA004';
    END IF;
    SELECT * INTO STRICT p FROM cashout.payouts WHERE id = p_payout;
    INSERT INTO cashout.approval_votes (payout_id, approver, decision, reason, at)
        VALUES (p_payout, session_user, p_decision, nullif(btrim(p_reason), ''), now());
    IF p_decision = 'reject' THEN
        a.state := 'rejected';
    ELSE
        SELECT count(*) INTO approvals_now FROM cashout.approval_votes v
            WHERE v.payout_id = p_payout AND v.decision = 'approve';
        IF approvals_now >= a.required THEN
            a.state := 'approved';
        END IF;
    END IF;
    IF a.state <> 'waiting' THEN
        UPDATE cashout.approvals
            SET state = a.state, decided_at = now(), settle_token = p_token,
                settle_by = session_user, settle_until = now() + p_lease
            WHERE payout_id = p_payout;
    END IF;
    detail := a.amount || ' ' || a.currency || ' to ' || cashout.sent_to(p.request_json)
        || CASE WHEN p_decision = 'reject' THEN '; rejected: ' || btrim(p_reason)
                WHEN a.state = 'approved' THEN '; approved (' || a.required || ' of '
                    || a.required || '), to be released'
                ELSE '; approved (1 of ' || a.required || '), waiting for another approver'
           END;
    PERFORM cashout.append_audit(a.scope, CASE WHEN p_decision = 'reject'
        THEN 'approval_rejected' ELSE 'approval_approved' END,
        p.cashout_id, p.external_id, 'ok', detail);
    PERFORM pg_notify('cashout_desk', 'payout:' || p_payout::text);
    RETURN QUERY SELECT a.state, CASE WHEN a.state = 'waiting' THEN NULL ELSE p_token END;
END
$$;

-- Waiting approvals of `p_scope` whose time ran out become expired (to be cancelled).
CREATE FUNCTION cashout.expire_approvals(p_scope text) RETURNS SETOF bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    a cashout.approvals;
    p cashout.payouts;
BEGIN
    IF NOT pg_has_role(session_user, 'cashout_operator', 'MEMBER') THEN
        RAISE EXCEPTION '% is not an operator', session_user USING ERRCODE = 'CA002';
    END IF;
    -- Every row locked in one statement, before the chain's head is taken by the first audit
    -- entry: the others take an approval's row first and the head second, so the order is the
    -- same and nobody deadlocks.
    PERFORM 1 FROM cashout.approvals
        WHERE scope = p_scope AND state = 'waiting' AND expires_at <= now()
        ORDER BY payout_id FOR UPDATE;
    FOR a IN SELECT * FROM cashout.approvals
             WHERE scope = p_scope AND state = 'waiting' AND expires_at <= now()
             ORDER BY payout_id
    LOOP
        UPDATE cashout.approvals SET state = 'expired', decided_at = now()
            WHERE payout_id = a.payout_id;
        SELECT * INTO STRICT p FROM cashout.payouts WHERE id = a.payout_id;
        PERFORM cashout.append_audit(a.scope, 'approval_expired', p.cashout_id,
            p.external_id, 'ok', a.amount || ' ' || a.currency || ' to '
            || cashout.sent_to(p.request_json) || '; not approved within '
            || (a.expires_at - a.requested_at)::text || ', to be cancelled');
        PERFORM pg_notify('cashout_desk', 'payout:' || a.payout_id::text);
        RETURN NEXT a.payout_id;
    END LOOP;
END
$$;

-- Claims the settlement (release or cancel at the provider) of a decided approval whose
-- settlement nobody holds, or whose holder's lease ran out. Returns the state to settle
-- ('approved': release; 'rejected' or 'expired': cancel), or NULL when there is nothing to do
-- or another desk holds it.
CREATE FUNCTION cashout.claim_settlement(p_payout bigint, p_token text, p_lease interval)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    s text;
BEGIN
    IF NOT pg_has_role(session_user, 'cashout_operator', 'MEMBER') THEN
        RAISE EXCEPTION '% is not an operator', session_user USING ERRCODE = 'CA002';
    END IF;
    p_lease := cashout.settle_lease(p_token, p_lease);
    UPDATE cashout.approvals
        SET settle_token = p_token, settle_by = session_user, settle_until = now() + p_lease
        WHERE payout_id = p_payout AND state IN ('approved', 'rejected', 'expired')
          AND (settle_token IS NULL OR settle_until <= now() OR settle_token = p_token)
        RETURNING approvals.state INTO s;
    RETURN s;
END
$$;

-- Records what the provider did: 'released' (ON_HOLD → PENDING) or 'cancelled'. Fenced by the
-- settlement token.
CREATE FUNCTION cashout.settle_approval(p_payout bigint, p_token text, p_outcome text)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    a cashout.approvals;
    p cashout.payouts;
BEGIN
    SELECT * INTO a FROM cashout.approvals WHERE payout_id = p_payout FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'payout % has no approval', p_payout USING ERRCODE = 'CA007';
    END IF;
    IF NOT ((a.state = 'approved' AND p_outcome = 'released')
            OR (a.state IN ('rejected', 'expired') AND p_outcome = 'cancelled')) THEN
        RAISE EXCEPTION 'an approval % cannot end %', a.state, p_outcome
            USING ERRCODE = 'CA005';
    END IF;
    IF a.settle_token IS DISTINCT FROM p_token THEN
        RAISE EXCEPTION 'the settlement of payout % is not this desk''s: another desk took it over', p_payout
            USING ERRCODE = 'CA009';
    END IF;
    UPDATE cashout.approvals
        SET state = p_outcome, settled_by = session_user, settled_at = now(),
            settle_token = NULL, settle_until = NULL
        WHERE payout_id = p_payout;
    SELECT * INTO STRICT p FROM cashout.payouts WHERE id = p_payout;
    PERFORM cashout.append_audit(a.scope, CASE WHEN p_outcome = 'released'
        THEN 'approval_released' ELSE 'approval_cancelled' END, p.cashout_id, p.external_id,
        'ok', a.amount || ' ' || a.currency || ' to ' || cashout.sent_to(p.request_json)
        || CASE WHEN p_outcome = 'released' THEN '; released after approval by '
                    || (SELECT string_agg(v.approver, ', ' ORDER BY v.at)
                        FROM cashout.approval_votes v
                        WHERE v.payout_id = p_payout AND v.decision = 'approve')
                ELSE '; cancelled at the provider (' || a.state || ')' END);
    PERFORM pg_notify('cashout_desk', 'payout:' || p_payout::text);
END
$$;

-- Policy changes: proposed by an administrator, applied when a second operator (another
-- administrator or an approver) approves.
CREATE FUNCTION cashout.propose_policy(
    p_scope text,
    p_currency text,
    p_threshold numeric,
    p_approvers integer,
    p_expires_after interval
) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    id bigint;
BEGIN
    IF NOT pg_has_role(session_user, 'cashout_admin', 'MEMBER') THEN
        RAISE EXCEPTION '% is not an administrator of the team', session_user
            USING ERRCODE = 'CA002';
    END IF;
    INSERT INTO cashout.policy_changes (scope, currency, threshold, approvers, expires_after,
        proposed_by, proposed_at, state)
    VALUES (p_scope, p_currency, p_threshold, p_approvers,
        coalesce(p_expires_after, interval '7 days'), session_user, now(), 'proposed')
    RETURNING policy_changes.id INTO id;
    PERFORM cashout.append_audit(p_scope, 'policy_proposed', NULL, NULL, 'ok',
        'change ' || id || ': ' || p_currency || CASE WHEN p_threshold IS NULL
            THEN ' needs no approval'
            ELSE ' from ' || p_threshold || ' needs ' || p_approvers || ' approver(s), within '
                || coalesce(p_expires_after, interval '7 days')::text END);
    PERFORM pg_notify('cashout_desk', 'policy:' || id::text);
    RETURN id;
END
$$;

CREATE FUNCTION cashout.decide_policy_change(p_change bigint, p_approve boolean, p_reason text)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    c cashout.policy_changes;
BEGIN
    IF NOT (pg_has_role(session_user, 'cashout_admin', 'MEMBER')
            OR pg_has_role(session_user, 'cashout_approver', 'MEMBER')) THEN
        RAISE EXCEPTION '% may not decide policy changes', session_user USING ERRCODE = 'CA002';
    END IF;
    SELECT * INTO c FROM cashout.policy_changes WHERE id = p_change FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no policy change %', p_change USING ERRCODE = 'CA007';
    END IF;
    IF c.state <> 'proposed' THEN
        RAISE EXCEPTION 'policy change % is % already', p_change, c.state USING ERRCODE = 'CA005';
    END IF;
    IF c.proposed_by = session_user THEN
        RAISE EXCEPTION 'a policy change is approved by someone other than who proposed it'
            USING ERRCODE = 'CA003';
    END IF;
    IF NOT p_approve AND coalesce(btrim(p_reason), '') = '' THEN
        RAISE EXCEPTION 'a rejection needs a reason' USING ERRCODE = 'CA008';
    END IF;
    UPDATE cashout.policy_changes
        SET state = CASE WHEN p_approve THEN 'applied' ELSE 'rejected' END,
            decided_by = session_user, decided_at = now(), reason = nullif(btrim(p_reason), '')
        WHERE id = p_change;
    IF p_approve THEN
        IF c.threshold IS NULL THEN
            DELETE FROM cashout.approval_policy WHERE scope = c.scope AND currency = c.currency;
        ELSE
            INSERT INTO cashout.approval_policy (scope, currency, threshold, approvers,
                expires_after, proposed_by, approved_by, changed_at)
            VALUES (c.scope, c.currency, c.threshold, c.approvers, c.expires_after,
                c.proposed_by, session_user, now())
            ON CONFLICT (scope, currency) DO UPDATE SET threshold = EXCLUDED.threshold,
                approvers = EXCLUDED.approvers, expires_after = EXCLUDED.expires_after,
                proposed_by = EXCLUDED.proposed_by, approved_by = EXCLUDED.approved_by,
                changed_at = EXCLUDED.changed_at;
        END IF;
    END IF;
    PERFORM cashout.append_audit(c.scope, CASE WHEN p_approve THEN 'policy_applied'
        ELSE 'policy_rejected' END, NULL, NULL, 'ok', 'change ' || p_change
        || ' proposed by ' || c.proposed_by
        || CASE WHEN p_approve THEN '' ELSE ': ' || btrim(p_reason) END);
    PERFORM pg_notify('cashout_desk', 'policy:' || p_change::text);
END
$$;

REVOKE ALL ON cashout.approval_policy, cashout.policy_changes, cashout.approvals,
    cashout.approval_votes FROM PUBLIC;
GRANT SELECT ON cashout.approval_policy, cashout.policy_changes, cashout.approval_votes
    TO cashout_operator, cashout_admin;
-- Everything of an approval but the settlement token, which fences the desk holding it.
GRANT SELECT (payout_id, scope, currency, amount, required, prepared_by, requested_at,
    expires_at, state, decided_at, settle_by, settle_until, settled_by, settled_at, note)
    ON cashout.approvals TO cashout_operator, cashout_admin;
-- The append function was written before temporary schemas were ruled out of its path.
ALTER FUNCTION cashout.append_audit(text, text, bigint, text, text, text)
    SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION cashout.audit_encoding(cashout.audit) SET search_path = pg_catalog, pg_temp;
REVOKE ALL ON FUNCTION cashout.sent_to(text), cashout.open_approval(), cashout.recheck_resend(),
    cashout.policy_applying(text, jsonb),
    cashout.open_waiting_approval(bigint, jsonb, cashout.approval_policy),
    cashout.settle_lease(text, interval),
    cashout.close_ended_approval(),
    cashout.decide_approval(bigint, text, text, text, interval),
    cashout.expire_approvals(text), cashout.claim_settlement(bigint, text, interval),
    cashout.settle_approval(bigint, text, text),
    cashout.propose_policy(text, text, numeric, integer, interval),
    cashout.decide_policy_change(bigint, boolean, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cashout.decide_approval(bigint, text, text, text, interval),
    cashout.expire_approvals(text), cashout.claim_settlement(bigint, text, interval),
    cashout.settle_approval(bigint, text, text) TO cashout_operator;
GRANT EXECUTE ON FUNCTION cashout.propose_policy(text, text, numeric, integer, interval),
    cashout.decide_policy_change(bigint, boolean, text) TO cashout_operator, cashout_admin;
