-- The team journal's group roles, created once per PostgreSQL server by `cashout team init`
-- (roles are server-wide, shared by every database on it). Idempotent, and safe when two
-- administrators run it at once (a role created meanwhile is not an error).
--
-- cashout_owner     owns the schema and its functions; nobody logs in as it.
-- cashout_operator  every operator's group: reads the journal, writes payouts through the
--                   tables it is granted, appends to the audit chain only through
--                   cashout.append_audit (never INSERT/UPDATE/DELETE on the audit table).
-- cashout_admin     adds operators and changes the team's settings; proposes changes to the
--                   approval policy.
-- cashout_approver  approves or rejects payouts that need approval (never their own), and
--                   policy changes (never their own proposal).
DO $roles$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['cashout_owner', 'cashout_operator', 'cashout_admin',
                             'cashout_approver'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = r) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', r);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END;
        END IF;
    END LOOP;
END
$roles$;
