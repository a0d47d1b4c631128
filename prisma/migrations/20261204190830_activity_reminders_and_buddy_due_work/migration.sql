-- AlterTable
ALTER TABLE "BuddyMatch" ADD COLUMN "checkInAskedAt" DATETIME;
ALTER TABLE "BuddyMatch" ADD COLUMN "expiryWarnedAt" DATETIME;

-- CreateTable
CREATE TABLE "ActivityReminder" (
    "activityId" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "sentAt" DATETIME NOT NULL,

    PRIMARY KEY ("activityId", "startsAt"),
    CONSTRAINT "ActivityReminder_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Reminders already sent stay sent (hand-written).
INSERT INTO "ActivityReminder" ("activityId", "startsAt", "sentAt") SELECT "id", "startsAt", "remindedAt" FROM "Activity" WHERE "remindedAt" IS NOT NULL;

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
