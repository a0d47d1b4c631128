-- AlterTable
ALTER TABLE "User" ADD COLUMN "vogCheckedAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "vogCheckedBy" TEXT;

-- CreateTable
CREATE TABLE "BuddyOffer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "volunteerId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "helpsWith" TEXT NOT NULL DEFAULT '[]',
    "sectors" TEXT NOT NULL DEFAULT '[]',
    "capacity" INTEGER NOT NULL,
    "commitment" TEXT NOT NULL,
    "travelKm" INTEGER NOT NULL DEFAULT 10,
    "onlineOk" BOOLEAN NOT NULL DEFAULT true,
    "onlineOnly" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'active',
    "lockVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "BuddyOffer_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BuddyRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "newcomerId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "targetLanguage" TEXT,
    "targetLevel" TEXT,
    "targetSector" TEXT,
    "goals" TEXT NOT NULL DEFAULT '[]',
    "onlineOk" BOOLEAN NOT NULL DEFAULT true,
    "note" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "BuddyRequest_newcomerId_fkey" FOREIGN KEY ("newcomerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MatchRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorId" TEXT NOT NULL,
    "municipalityCode" TEXT,
    "autoSend" BOOLEAN NOT NULL,
    "requests" INTEGER NOT NULL,
    "offers" INTEGER NOT NULL,
    "matched" INTEGER NOT NULL,
    "totalScore" INTEGER NOT NULL,
    "runtimeMs" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "BuddyMatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "newcomerId" TEXT NOT NULL,
    "volunteerId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "explanation" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "runId" TEXT,
    "proposedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    "expiresAt" DATETIME,
    "newcomerAcceptedAt" DATETIME,
    "volunteerAcceptedAt" DATETIME,
    "activatedAt" DATETIME,
    "endedAt" DATETIME,
    "endedBy" TEXT,
    "endReason" TEXT,
    "declinedBy" TEXT,
    CONSTRAINT "BuddyMatch_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "BuddyRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BuddyMatch_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "BuddyOffer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MatchMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "matchId" TEXT NOT NULL,
    "senderId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MatchMessage_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "BuddyMatch" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MatchCheckIn" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "matchId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MatchCheckIn_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "BuddyMatch" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PersonBlock" (
    "blockerId" TEXT NOT NULL,
    "blockedId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("blockerId", "blockedId")
);

-- CreateTable
CREATE TABLE "PersonReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reporterId" TEXT NOT NULL,
    "reportedId" TEXT NOT NULL,
    "matchId" TEXT,
    "reason" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "handledAt" DATETIME
);

-- CreateIndex
CREATE INDEX "BuddyOffer_status_kind_idx" ON "BuddyOffer"("status", "kind");

-- CreateIndex
CREATE INDEX "BuddyOffer_volunteerId_idx" ON "BuddyOffer"("volunteerId");

-- CreateIndex
CREATE INDEX "BuddyRequest_status_kind_idx" ON "BuddyRequest"("status", "kind");

-- CreateIndex
CREATE INDEX "BuddyRequest_newcomerId_idx" ON "BuddyRequest"("newcomerId");

-- CreateIndex
CREATE INDEX "BuddyMatch_status_expiresAt_idx" ON "BuddyMatch"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "BuddyMatch_newcomerId_status_idx" ON "BuddyMatch"("newcomerId", "status");

-- CreateIndex
CREATE INDEX "BuddyMatch_volunteerId_status_idx" ON "BuddyMatch"("volunteerId", "status");

-- CreateIndex
CREATE INDEX "BuddyMatch_offerId_status_idx" ON "BuddyMatch"("offerId", "status");

-- CreateIndex
CREATE INDEX "MatchMessage_matchId_createdAt_idx" ON "MatchMessage"("matchId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MatchCheckIn_matchId_userId_stage_key" ON "MatchCheckIn"("matchId", "userId", "stage");

-- CreateIndex
CREATE INDEX "PersonBlock_blockedId_idx" ON "PersonBlock"("blockedId");

-- CreateIndex
CREATE INDEX "PersonReport_handledAt_createdAt_idx" ON "PersonReport"("handledAt", "createdAt");
