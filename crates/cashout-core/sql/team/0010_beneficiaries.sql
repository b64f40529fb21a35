-- Version 10 of the team journal: saved beneficiaries (see the program's `beneficiaries`),
-- shared by the team's desks, per environment and label. Who saved one last is the
-- database's word; every change is audited by the desk in the same transaction.
--
-- And which payout corrects which: the primary key makes a payout corrected at most once, by
-- whichever desk claims it first (before its create is sent); a corrected payout is never sent
-- again.

CREATE TABLE cashout.corrections (
    scope text NOT NULL,
    corrected text NOT NULL,
    corrected_by text NOT NULL,
    at text NOT NULL,
    claimed_by_role text NOT NULL DEFAULT session_user,
    PRIMARY KEY (scope, corrected)
);
GRANT SELECT, INSERT, DELETE ON cashout.corrections TO cashout_operator;
GRANT SELECT ON cashout.corrections TO cashout_admin;

CREATE TABLE cashout.beneficiaries (
    scope text NOT NULL,
    label text NOT NULL,
    details_json text NOT NULL,
    saved_at text NOT NULL,
    saved_by text NOT NULL DEFAULT session_user,
    PRIMARY KEY (scope, label)
);

CREATE FUNCTION cashout.stamp_saver() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
    NEW.saved_by := session_user;
    RETURN NEW;
END
$$;
CREATE TRIGGER beneficiaries_saver BEFORE INSERT OR UPDATE ON cashout.beneficiaries
    FOR EACH ROW EXECUTE FUNCTION cashout.stamp_saver();

GRANT SELECT, INSERT, UPDATE, DELETE ON cashout.beneficiaries TO cashout_operator;
GRANT SELECT ON cashout.beneficiaries TO cashout_admin;
