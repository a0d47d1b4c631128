-- Hand-written: Session.id now holds the SHA-256 of the cookie's token (decisions/017). Rows
-- written before hold the tokens themselves: they would no longer match, and a token in the
-- database is what this change removes. Everybody signs in once more.
DELETE FROM "Session";
