-- AlterTable
ALTER TABLE "Activity" ADD COLUMN "checkInCode" TEXT;
ALTER TABLE "Activity" ADD COLUMN "liveOpenedAt" DATETIME;
ALTER TABLE "Activity" ADD COLUMN "remindedAt" DATETIME;
ALTER TABLE "Activity" ADD COLUMN "reminderHours" INTEGER DEFAULT 24;

-- CreateTable
CREATE TABLE "LiveMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "activityId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "hiddenAt" DATETIME,
    "hiddenBy" TEXT,
    CONSTRAINT "LiveMessage_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LiveMute" (
    "activityId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "mutedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("activityId", "userId")
);

-- CreateTable
CREATE TABLE "Question" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "activityId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "voteCount" INTEGER NOT NULL DEFAULT 0,
    "answeredAt" DATETIME,
    "pinnedAt" DATETIME,
    "hiddenAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Question_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QuestionVote" (
    "questionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("questionId", "userId"),
    CONSTRAINT "QuestionVote_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AttendanceSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "activityId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "joinedAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,
    "disconnectedAt" DATETIME,
    "leftAt" DATETIME,
    CONSTRAINT "AttendanceSession_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CheckIn" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "activityId" TEXT NOT NULL,
    "userId" TEXT,
    "walkInName" TEXT,
    "method" TEXT NOT NULL,
    "checkedInBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CheckIn_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "LiveMessage_activityId_createdAt_idx" ON "LiveMessage"("activityId", "createdAt");

-- CreateIndex
CREATE INDEX "Question_activityId_createdAt_idx" ON "Question"("activityId", "createdAt");

-- CreateIndex
CREATE INDEX "AttendanceSession_activityId_userId_leftAt_idx" ON "AttendanceSession"("activityId", "userId", "leftAt");

-- CreateIndex
CREATE INDEX "AttendanceSession_leftAt_lastSeenAt_idx" ON "AttendanceSession"("leftAt", "lastSeenAt");

-- CreateIndex
CREATE INDEX "CheckIn_activityId_createdAt_idx" ON "CheckIn"("activityId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CheckIn_activityId_userId_key" ON "CheckIn"("activityId", "userId");
