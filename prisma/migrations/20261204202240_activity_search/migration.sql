-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Activity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "organiserId" TEXT NOT NULL,
    "groupId" TEXT,
    "seriesId" TEXT,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Amsterdam',
    "localDate" TEXT,
    "localWeekday" INTEGER,
    "localPart" TEXT,
    "mode" TEXT NOT NULL,
    "venue" TEXT,
    "addressForGoingOnly" BOOLEAN NOT NULL DEFAULT false,
    "municipalityCode" TEXT,
    "accessibilityNotes" TEXT,
    "joinUrl" TEXT,
    "capacity" INTEGER,
    "goingCount" INTEGER NOT NULL DEFAULT 0,
    "rsvpSequence" INTEGER NOT NULL DEFAULT 0,
    "childcare" BOOLEAN NOT NULL DEFAULT false,
    "costCents" INTEGER NOT NULL DEFAULT 0,
    "practisedLanguage" TEXT,
    "practisedLevel" TEXT,
    "requiresApproval" BOOLEAN NOT NULL DEFAULT false,
    "rsvpCutoffMinutes" INTEGER,
    "defaultLocale" TEXT NOT NULL,
    "liveOpenedAt" DATETIME,
    "checkInCode" TEXT,
    "reminderHours" INTEGER DEFAULT 24,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "cancelledAt" DATETIME,
    CONSTRAINT "Activity_organiserId_fkey" FOREIGN KEY ("organiserId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Activity_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Activity_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "ActivitySeries" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Activity_municipalityCode_fkey" FOREIGN KEY ("municipalityCode") REFERENCES "Municipality" ("code") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Activity" ("accessibilityNotes", "cancelledAt", "capacity", "checkInCode", "childcare", "costCents", "createdAt", "defaultLocale", "endsAt", "goingCount", "groupId", "id", "joinUrl", "kind", "liveOpenedAt", "localDate", "localPart", "localWeekday", "mode", "municipalityCode", "organiserId", "practisedLanguage", "practisedLevel", "reminderHours", "requiresApproval", "rsvpCutoffMinutes", "rsvpSequence", "seriesId", "startsAt", "status", "timeZone", "updatedAt", "venue") SELECT "accessibilityNotes", "cancelledAt", "capacity", "checkInCode", "childcare", "costCents", "createdAt", "defaultLocale", "endsAt", "goingCount", "groupId", "id", "joinUrl", "kind", "liveOpenedAt", "localDate", "localPart", "localWeekday", "mode", "municipalityCode", "organiserId", "practisedLanguage", "practisedLevel", "reminderHours", "requiresApproval", "rsvpCutoffMinutes", "rsvpSequence", "seriesId", "startsAt", "status", "timeZone", "updatedAt", "venue" FROM "Activity";
DROP TABLE "Activity";
ALTER TABLE "new_Activity" RENAME TO "Activity";
CREATE INDEX "Activity_status_startsAt_idx" ON "Activity"("status", "startsAt");
CREATE INDEX "Activity_status_localPart_startsAt_idx" ON "Activity"("status", "localPart", "startsAt");
CREATE INDEX "Activity_status_localWeekday_startsAt_idx" ON "Activity"("status", "localWeekday", "startsAt");
CREATE INDEX "Activity_kind_startsAt_idx" ON "Activity"("kind", "startsAt");
CREATE INDEX "Activity_municipalityCode_startsAt_idx" ON "Activity"("municipalityCode", "startsAt");
CREATE INDEX "Activity_groupId_startsAt_idx" ON "Activity"("groupId", "startsAt");
CREATE INDEX "Activity_seriesId_startsAt_idx" ON "Activity"("seriesId", "startsAt");
CREATE INDEX "Activity_organiserId_startsAt_idx" ON "Activity"("organiserId", "startsAt");
CREATE INDEX "Activity_updatedAt_idx" ON "Activity"("updatedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Free-text search (decision 044). An FTS5 table that stores its own copy of the words, one row
-- per activity text (its rowid is the ActivityContent row's rowid), kept in step by triggers so
-- that every write path, the seeds and the migrations' own data changes included, is covered.
-- `place` is the venue (left out when it is only for people going), the municipality's name and
-- the group's name.
CREATE VIRTUAL TABLE "ActivitySearch" USING fts5(
  "activityId" UNINDEXED,
  "locale" UNINDEXED,
  "title",
  "summary",
  "description",
  "place",
  tokenize = 'porter unicode61 remove_diacritics 2'
);

-- The words the index holds, for the typo fallback (app/domain/search/typos.ts).
CREATE VIRTUAL TABLE "ActivitySearchVocabulary" USING fts5vocab("ActivitySearch", 'row');

CREATE TRIGGER "ActivitySearch_content_insert" AFTER INSERT ON "ActivityContent"
BEGIN
  INSERT INTO "ActivitySearch" ("rowid", "activityId", "locale", "title", "summary", "description", "place")
  SELECT NEW."rowid", NEW."activityId", NEW."locale", NEW."title", NEW."summary", NEW."description",
    CASE WHEN a."addressForGoingOnly" THEN '' ELSE coalesce(a."venue", '') END || ' ' || coalesce(m."name", '') || ' ' || coalesce(g."name", '')
  FROM "Activity" a LEFT JOIN "Municipality" m ON m."code" = a."municipalityCode" LEFT JOIN "Group" g ON g."id" = a."groupId"
  WHERE a."id" = NEW."activityId";
END;

CREATE TRIGGER "ActivitySearch_content_update" AFTER UPDATE ON "ActivityContent"
BEGIN
  DELETE FROM "ActivitySearch" WHERE "rowid" = OLD."rowid";
  INSERT INTO "ActivitySearch" ("rowid", "activityId", "locale", "title", "summary", "description", "place")
  SELECT NEW."rowid", NEW."activityId", NEW."locale", NEW."title", NEW."summary", NEW."description",
    CASE WHEN a."addressForGoingOnly" THEN '' ELSE coalesce(a."venue", '') END || ' ' || coalesce(m."name", '') || ' ' || coalesce(g."name", '')
  FROM "Activity" a LEFT JOIN "Municipality" m ON m."code" = a."municipalityCode" LEFT JOIN "Group" g ON g."id" = a."groupId"
  WHERE a."id" = NEW."activityId";
END;

CREATE TRIGGER "ActivitySearch_content_delete" AFTER DELETE ON "ActivityContent"
BEGIN
  DELETE FROM "ActivitySearch" WHERE "rowid" = OLD."rowid";
END;

-- Only a change of place rewrites the rows: a sign-up updates the activity's seat count too.
CREATE TRIGGER "ActivitySearch_place_update" AFTER UPDATE OF "venue", "addressForGoingOnly", "municipalityCode", "groupId" ON "Activity"
WHEN OLD."venue" IS NOT NEW."venue" OR OLD."addressForGoingOnly" IS NOT NEW."addressForGoingOnly" OR OLD."municipalityCode" IS NOT NEW."municipalityCode" OR OLD."groupId" IS NOT NEW."groupId"
BEGIN
  UPDATE "ActivitySearch" SET "place" = (
    SELECT CASE WHEN a."addressForGoingOnly" THEN '' ELSE coalesce(a."venue", '') END || ' ' || coalesce(m."name", '') || ' ' || coalesce(g."name", '')
    FROM "Activity" a LEFT JOIN "Municipality" m ON m."code" = a."municipalityCode" LEFT JOIN "Group" g ON g."id" = a."groupId"
    WHERE a."id" = NEW."id")
  WHERE "rowid" IN (SELECT "rowid" FROM "ActivityContent" WHERE "activityId" = NEW."id");
END;

CREATE TRIGGER "ActivitySearch_group_rename" AFTER UPDATE OF "name" ON "Group"
WHEN OLD."name" IS NOT NEW."name"
BEGIN
  UPDATE "ActivitySearch" SET "place" = (
    SELECT CASE WHEN a."addressForGoingOnly" THEN '' ELSE coalesce(a."venue", '') END || ' ' || coalesce(m."name", '') || ' ' || coalesce(g."name", '')
    FROM "Activity" a LEFT JOIN "Municipality" m ON m."code" = a."municipalityCode" LEFT JOIN "Group" g ON g."id" = a."groupId"
    WHERE a."id" = "ActivitySearch"."activityId")
  WHERE "rowid" IN (SELECT c."rowid" FROM "ActivityContent" c JOIN "Activity" a ON a."id" = c."activityId" WHERE a."groupId" = NEW."id");
END;

INSERT INTO "ActivitySearch" ("rowid", "activityId", "locale", "title", "summary", "description", "place")
SELECT c."rowid", c."activityId", c."locale", c."title", c."summary", c."description",
  CASE WHEN a."addressForGoingOnly" THEN '' ELSE coalesce(a."venue", '') END || ' ' || coalesce(m."name", '') || ' ' || coalesce(g."name", '')
FROM "ActivityContent" c JOIN "Activity" a ON a."id" = c."activityId"
LEFT JOIN "Municipality" m ON m."code" = a."municipalityCode" LEFT JOIN "Group" g ON g."id" = a."groupId";
