-- Version 6 of the team journal: one rate cap for the team. Each environment's next free
-- provider request slot; a desk's watcher takes the slot (cashout.take_request_slot) right
-- before it sends a poll, so N desks open on one journal send, between them, what one desk's
-- cap allows, not N times it.
CREATE TABLE cashout.rate_slots (
    scope text PRIMARY KEY,
    next_at timestamptz NOT NULL
);

-- Takes the request slot of `p_scope` if it is free (the stored next slot has come, or is
-- further ahead than `p_max_wait_us`, which no queue reaches: a clock that ran ahead, an
-- edit), setting the next one `p_spacing_us` later, and answers 0; otherwise changes nothing
-- and answers how many microseconds remain until the next slot. Time is the server's clock
-- (read after the row lock is held) when `p_server_clock`, else the desk's `p_desk_now` (tests
-- on an injected clock). The row lock serialises desks taking at once.
CREATE FUNCTION cashout.take_request_slot(
    p_scope text,
    p_spacing_us bigint,
    p_max_wait_us bigint,
    p_desk_now timestamptz,
    p_server_clock boolean
) RETURNS bigint
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE
    t timestamptz;
    nxt timestamptz;
BEGIN
    INSERT INTO cashout.rate_slots (scope, next_at) VALUES (p_scope, '-infinity')
        ON CONFLICT (scope) DO NOTHING;
    SELECT next_at INTO STRICT nxt FROM cashout.rate_slots WHERE scope = p_scope FOR UPDATE;
    t := CASE WHEN p_server_clock THEN clock_timestamp() ELSE p_desk_now END;
    IF nxt <= t OR nxt > t + p_max_wait_us * interval '1 microsecond' THEN
        UPDATE cashout.rate_slots SET next_at = t + p_spacing_us * interval '1 microsecond'
            WHERE scope = p_scope;
        RETURN 0;
    END IF;
    RETURN greatest(ceil(extract(epoch FROM (nxt - t)) * 1000000), 1)::bigint;
END
$$;

REVOKE ALL ON cashout.rate_slots FROM PUBLIC;
REVOKE ALL ON FUNCTION cashout.take_request_slot(text, bigint, bigint, timestamptz, boolean)
    FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE ON cashout.rate_slots TO cashout_operator;
GRANT EXECUTE ON FUNCTION cashout.take_request_slot(text, bigint, bigint, timestamptz, boolean)
    TO cashout_operator;
