-- Version 8 of the team journal: the keys the list searches and sorts by, the same as the
-- embedded journal's (computed by the program, `journal::keys`, never by SQL, so both stores
-- find and order the same payouts the same way):
--
-- - search_text: what a payout is found by (external_id, beneficiary, document, account or PIX
--   key, e-mail, phone), case, accents and separators folded away;
-- - amount_key: sorts by currency, then by exact amount;
-- - name_key: sorts by the beneficiary's folded name.
--
-- The program fills them for the payouts already here right after this step (in the same
-- transaction, with the writer-stamp and announce triggers off, so no payout looks changed by
-- the administrator and no desk re-reads a million rows); version 9 then builds their indexes.

-- The sort keys compare byte by byte ("C"), as the embedded journal does: a locale's collation
-- would ignore spaces and punctuation and order "de la cruz" after "dean".
ALTER TABLE cashout.payouts
    ADD COLUMN search_text text NOT NULL DEFAULT '',
    ADD COLUMN amount_key text COLLATE "C" NOT NULL DEFAULT '',
    ADD COLUMN name_key text COLLATE "C" NOT NULL DEFAULT '';
