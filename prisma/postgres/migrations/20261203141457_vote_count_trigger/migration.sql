-- Hand-written SQL: write the same change in the SQLite and the PostgreSQL copy.
-- Nothing to do here: SQLite's copy adds a trigger that counts a vote row, which PostgreSQL does
-- in the vote's own statement (a data-modifying CTE, app/domain/live/votes.server.ts; decision 033).
SELECT 1;
