-- Hand-written SQL: write the same change in the SQLite and the PostgreSQL copy.
-- A vote row counts itself (decision 033): a vote is then one INSERT, where it was an INSERT and
-- an UPDATE in a transaction. PostgreSQL does the same in the INSERT's own statement (a
-- data-modifying CTE, app/domain/live/votes.server.ts) and needs no trigger.
CREATE TRIGGER "QuestionVote_count" AFTER INSERT ON "QuestionVote"
BEGIN
  UPDATE "Question" SET "voteCount" = "voteCount" + 1 WHERE "id" = NEW."questionId";
END;
