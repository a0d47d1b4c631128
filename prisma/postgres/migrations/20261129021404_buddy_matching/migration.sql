-- AlterTable
ALTER TABLE "User" ADD COLUMN     "vogCheckedAt" TIMESTAMP(3),
ADD COLUMN     "vogCheckedBy" TEXT;

-- CreateTable
CREATE TABLE "BuddyOffer" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BuddyOffer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BuddyRequest" (
    "id" TEXT NOT NULL,
    "newcomerId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "targetLanguage" TEXT,
    "targetLevel" TEXT,
    "targetSector" TEXT,
    "goals" TEXT NOT NULL DEFAULT '[]',
    "onlineOk" BOOLEAN NOT NULL DEFAULT true,
    "note" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BuddyRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MatchRun" (
    "id" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "municipalityCode" TEXT,
    "autoSend" BOOLEAN NOT NULL,
    "requests" INTEGER NOT NULL,
    "offers" INTEGER NOT NULL,
    "matched" INTEGER NOT NULL,
    "totalScore" INTEGER NOT NULL,
    "runtimeMs" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MatchRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BuddyMatch" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "newcomerId" TEXT NOT NULL,
    "volunteerId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "explanation" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "runId" TEXT,
    "proposedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "newcomerAcceptedAt" TIMESTAMP(3),
    "volunteerAcceptedAt" TIMESTAMP(3),
    "activatedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "endedBy" TEXT,
    "endReason" TEXT,
    "declinedBy" TEXT,

    CONSTRAINT "BuddyMatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MatchMessage" (
    "id" TEXT NOT NULL,
    "matchId" TEXT NOT NULL,
    "senderId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MatchMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MatchCheckIn" (
    "id" TEXT NOT NULL,
    "matchId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MatchCheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonBlock" (
    "blockerId" TEXT NOT NULL,
    "blockedId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PersonBlock_pkey" PRIMARY KEY ("blockerId","blockedId")
);

-- CreateTable
CREATE TABLE "PersonReport" (
    "id" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "reportedId" TEXT NOT NULL,
    "matchId" TEXT,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "handledAt" TIMESTAMP(3),

    CONSTRAINT "PersonReport_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "BuddyOffer" ADD CONSTRAINT "BuddyOffer_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BuddyRequest" ADD CONSTRAINT "BuddyRequest_newcomerId_fkey" FOREIGN KEY ("newcomerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BuddyMatch" ADD CONSTRAINT "BuddyMatch_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "BuddyRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BuddyMatch" ADD CONSTRAINT "BuddyMatch_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "BuddyOffer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchMessage" ADD CONSTRAINT "MatchMessage_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "BuddyMatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchCheckIn" ADD CONSTRAINT "MatchCheckIn_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "BuddyMatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
