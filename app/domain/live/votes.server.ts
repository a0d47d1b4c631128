import { Prisma } from "~/generated/prisma/client";
import { dbProvider, rawRows } from "~/lib/db.server";

/**
 * One vote, in one statement: the (question, person) row, unless it exists, and the question's
 * count one up, atomically. Returns the new count, or null when the person had already voted.
 *
 * PostgreSQL inserts and counts in one statement through a data-modifying CTE; the UPDATE waits
 * for a concurrent vote's row lock and then counts on from its result, so simultaneous votes get
 * 1 … n. SQLite has no data-modifying CTEs: a trigger (migration vote_count_trigger) counts the
 * inserted row, and RETURNING, which does not see what triggers changed (sqlite.org/lang_returning),
 * reports the count before it plus one; SQLite runs one statement at a time, so that is exact.
 */
export async function castVote(questionId: string, userId: string, now = new Date()): Promise<number | null> {
  const rows =
    dbProvider() === "postgres"
      ? await rawRows(Prisma.sql`WITH added AS (
          INSERT INTO "QuestionVote" ("questionId", "userId", "createdAt") VALUES (${questionId}, ${userId}, ${now})
          ON CONFLICT DO NOTHING RETURNING "questionId")
        UPDATE "Question" q SET "voteCount" = q."voteCount" + 1 FROM added WHERE q."id" = added."questionId" RETURNING q."voteCount"`)
      : await rawRows(Prisma.sql`INSERT INTO "QuestionVote" ("questionId", "userId", "createdAt") VALUES (${questionId}, ${userId}, ${now})
          ON CONFLICT DO NOTHING RETURNING (SELECT "voteCount" FROM "Question" WHERE "id" = ${questionId}) + 1 AS "voteCount"`);
  return rows.length === 0 ? null : Number(rows[0].voteCount);
}
