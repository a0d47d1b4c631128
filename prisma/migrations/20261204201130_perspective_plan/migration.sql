-- CreateTable
CREATE TABLE "PerspectivePlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "perspective" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PerspectivePlan_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlanDomain" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "situation" TEXT NOT NULL DEFAULT '',
    "goals" TEXT NOT NULL DEFAULT '',
    "obstacles" TEXT NOT NULL DEFAULT '[]',
    "obstacleNote" TEXT NOT NULL DEFAULT '',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PlanDomain_planId_fkey" FOREIGN KEY ("planId") REFERENCES "PerspectivePlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlanBreakthrough" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "domain" TEXT,
    "text" TEXT NOT NULL,
    "happenedOn" DATETIME NOT NULL,
    "helpedBy" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PlanBreakthrough_planId_fkey" FOREIGN KEY ("planId") REFERENCES "PerspectivePlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlanStep" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "owner" TEXT NOT NULL DEFAULT '',
    "dueOn" DATETIME,
    "doneAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PlanStep_planId_fkey" FOREIGN KEY ("planId") REFERENCES "PerspectivePlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlanSupporter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "canEdit" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PlanSupporter_planId_fkey" FOREIGN KEY ("planId") REFERENCES "PerspectivePlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PlanSupporter_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlanChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "actorId" TEXT,
    "kind" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PlanChange_planId_fkey" FOREIGN KEY ("planId") REFERENCES "PerspectivePlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "PerspectivePlan_ownerId_key" ON "PerspectivePlan"("ownerId");

-- CreateIndex
CREATE INDEX "PlanDomain_domain_idx" ON "PlanDomain"("domain");

-- CreateIndex
CREATE UNIQUE INDEX "PlanDomain_planId_domain_key" ON "PlanDomain"("planId", "domain");

-- CreateIndex
CREATE INDEX "PlanBreakthrough_planId_idx" ON "PlanBreakthrough"("planId");

-- CreateIndex
CREATE INDEX "PlanBreakthrough_happenedOn_idx" ON "PlanBreakthrough"("happenedOn");

-- CreateIndex
CREATE INDEX "PlanStep_planId_idx" ON "PlanStep"("planId");

-- CreateIndex
CREATE INDEX "PlanSupporter_userId_idx" ON "PlanSupporter"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanSupporter_planId_userId_key" ON "PlanSupporter"("planId", "userId");

-- CreateIndex
CREATE INDEX "PlanChange_planId_createdAt_idx" ON "PlanChange"("planId", "createdAt");
