-- Version 1 of the team journal: the audit chain shared by every desk.
--
-- One chain per database. An entry is appended only by cashout.append_audit, which runs as
-- the schema's owner (SECURITY DEFINER): it locks the single head row, so appends from many
-- desks are serialised and the chain never forks, numbers the entry (seq, gap-free in commit
-- order), records the database's session_user (the operator's own login role, not a name the
-- desk claims), stamps the server's time, and computes the hash itself. Operators' roles have
-- no INSERT, UPDATE or DELETE on the table, so a modified desk can neither forge nor edit a
-- link; an edit made with the owner's or a superuser's rights is found by `verify`, which
-- recomputes every hash in Rust over the same encoding (cashout::audit::entry_hash).
--
-- The encoding is the JSON array [seq, at, actor, environment, action, cashout_id,
-- external_id, outcome, detail, prev_hash] in compact form, strings escaped as serde_json
-- escapes them (PostgreSQL's to_json escapes the same characters the same way; a test checks
-- it on awkward text), so one verifier serves the SQLite and the PostgreSQL journals.

CREATE TABLE cashout.audit (
    seq bigint PRIMARY KEY,
    at text NOT NULL,
    actor text NOT NULL,
    environment text NOT NULL,
    action text NOT NULL,
    cashout_id bigint,
    external_id text,
    outcome text NOT NULL,
    detail text,
    prev_hash text NOT NULL UNIQUE,
    hash text NOT NULL
);

-- The chain's head: one row, locked by every append.
CREATE TABLE cashout.audit_head (
    id int PRIMARY KEY CHECK (id = 1),
    seq bigint NOT NULL,
    hash text NOT NULL
);
INSERT INTO cashout.audit_head (id, seq, hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE FUNCTION cashout.audit_encoding(e cashout.audit) RETURNS text
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog
AS $$
    SELECT '[' || e.seq::text
        || ',' || to_json(e.at)::text
        || ',' || to_json(e.actor)::text
        || ',' || to_json(e.environment)::text
        || ',' || to_json(e.action)::text
        || ',' || coalesce(e.cashout_id::text, 'null')
        || ',' || coalesce(to_json(e.external_id)::text, 'null')
        || ',' || to_json(e.outcome)::text
        || ',' || coalesce(to_json(e.detail)::text, 'null')
        || ',' || to_json(e.prev_hash)::text
        || ']'
$$;

CREATE FUNCTION cashout.append_audit(
    p_environment text,
    p_action text,
    p_cashout_id bigint,
    p_external_id text,
    p_outcome text,
    p_detail text
) RETURNS cashout.audit
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog
AS $$
DECLARE
    head cashout.audit_head;
    e cashout.audit;
BEGIN
    IF p_environment IS NULL OR p_action IS NULL OR p_outcome IS NULL THEN
        RAISE EXCEPTION 'an audit entry needs an environment, an action and an outcome'
            USING ERRCODE = 'not_null_violation';
    END IF;
    -- Read the head under its lock: two appends can never both build on the same entry.
    SELECT * INTO STRICT head FROM cashout.audit_head WHERE id = 1 FOR UPDATE;
    e.seq := head.seq + 1;
    e.at := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
    e.actor := session_user;
    e.environment := p_environment;
    e.action := p_action;
    e.cashout_id := p_cashout_id;
    e.external_id := p_external_id;
    e.outcome := p_outcome;
    e.detail := p_detail;
    e.prev_hash := head.hash;
    e.hash := encode(sha256(convert_to(cashout.audit_encoding(e), 'UTF8')), 'hex');
    INSERT INTO cashout.audit SELECT e.*;
    UPDATE cashout.audit_head SET seq = e.seq, hash = e.hash WHERE id = 1;
    PERFORM pg_notify('cashout_desk', 'audit:' || e.seq::text);
    RETURN e;
END
$$;

REVOKE ALL ON cashout.audit, cashout.audit_head FROM PUBLIC;
REVOKE ALL ON FUNCTION cashout.append_audit(text, text, bigint, text, text, text) FROM PUBLIC;
GRANT USAGE ON SCHEMA cashout TO cashout_operator, cashout_admin;
GRANT SELECT ON cashout.audit, cashout.audit_head, cashout.schema_migrations
    TO cashout_operator, cashout_admin;
GRANT EXECUTE ON FUNCTION cashout.append_audit(text, text, bigint, text, text, text)
    TO cashout_operator, cashout_admin;
