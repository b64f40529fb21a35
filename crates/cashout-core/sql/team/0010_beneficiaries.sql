-- Version 10 of the team journal: saved beneficiaries (see the program's `beneficiaries`),
-- shared by the team's desks, per environment and label; and which payout corrects which.
--
-- - Saved beneficiaries change only through `save_beneficiary` and `delete_beneficiary`, which
--   append the audit entry in the same transaction: an operator's role can read them but not
--   change one behind the audit (with psql). Who saved one last is the database's word.
-- - A payout is corrected at most once (the primary key), by whichever desk claims it first,
--   before the correction's create is sent. A claim is given up only while no payout holds the
--   correcting external_id (its create was refused before any intent): once the correction may
--   exist, the corrected payout stays claimed, so it is never sent again.

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

-- Saves (or replaces) a label with its audit entry; answers whether the label existed.
CREATE FUNCTION cashout.save_beneficiary(
    p_scope text, p_label text, p_details text, p_saved_at text,
    p_cashout_id bigint, p_external_id text, p_detail text
) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    inserted boolean;
BEGIN
    IF p_scope IS NULL OR p_label IS NULL OR btrim(p_label) = '' OR p_details IS NULL
        OR p_saved_at IS NULL THEN
        RAISE EXCEPTION 'a saved beneficiary needs an environment, a label and details'
            USING ERRCODE = 'not_null_violation';
    END IF;
    INSERT INTO cashout.beneficiaries (scope, label, details_json, saved_at)
        VALUES (p_scope, p_label, p_details, p_saved_at)
        ON CONFLICT (scope, label) DO UPDATE
            SET details_json = excluded.details_json, saved_at = excluded.saved_at
        RETURNING (xmax = 0) INTO inserted;
    PERFORM cashout.append_audit(p_scope,
        CASE WHEN inserted THEN 'beneficiary_saved' ELSE 'beneficiary_updated' END,
        p_cashout_id, p_external_id, 'ok', p_detail);
    RETURN NOT inserted;
END
$$;

-- Deletes a label with its audit entry; answers whether there was one.
CREATE FUNCTION cashout.delete_beneficiary(p_scope text, p_label text, p_detail text)
RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    gone integer;
BEGIN
    DELETE FROM cashout.beneficiaries WHERE scope = p_scope AND label = p_label;
    GET DIAGNOSTICS gone = ROW_COUNT;
    IF gone > 0 THEN
        PERFORM cashout.append_audit(p_scope, 'beneficiary_deleted', NULL, NULL, 'ok', p_detail);
    END IF;
    RETURN gone > 0;
END
$$;

CREATE TABLE cashout.corrections (
    scope text NOT NULL,
    corrected text NOT NULL,
    corrected_by text NOT NULL,
    at text NOT NULL,
    claimed_by_role text NOT NULL DEFAULT session_user,
    PRIMARY KEY (scope, corrected)
);

-- Claims the correction of `p_corrected` for `p_by`; answers the holder when it is another.
CREATE FUNCTION cashout.claim_correction(p_scope text, p_corrected text, p_by text, p_at text)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    holder text;
BEGIN
    INSERT INTO cashout.corrections (scope, corrected, corrected_by, at)
        VALUES (p_scope, p_corrected, p_by, p_at)
        ON CONFLICT (scope, corrected) DO NOTHING;
    SELECT corrected_by INTO STRICT holder FROM cashout.corrections
        WHERE scope = p_scope AND corrected = p_corrected;
    RETURN CASE WHEN holder = p_by THEN NULL ELSE holder END;
END
$$;

-- Gives up `p_by`'s claim, only while no payout holds its external_id.
CREATE FUNCTION cashout.release_correction(p_scope text, p_corrected text, p_by text)
RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    DELETE FROM cashout.corrections c
    WHERE c.scope = p_scope AND c.corrected = p_corrected AND c.corrected_by = p_by
      AND NOT EXISTS (SELECT 1 FROM cashout.payouts p
                      WHERE p.scope = p_scope AND p.external_id = p_by);
$$;

REVOKE ALL ON cashout.beneficiaries, cashout.corrections FROM PUBLIC;
GRANT SELECT ON cashout.beneficiaries, cashout.corrections TO cashout_operator, cashout_admin;
REVOKE ALL ON FUNCTION cashout.save_beneficiary(text, text, text, text, bigint, text, text),
    cashout.delete_beneficiary(text, text, text),
    cashout.claim_correction(text, text, text, text),
    cashout.release_correction(text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cashout.save_beneficiary(text, text, text, text, bigint, text, text),
    cashout.delete_beneficiary(text, text, text),
    cashout.claim_correction(text, text, text, text),
    cashout.release_correction(text, text, text) TO cashout_operator;
