-- CreateTable
CREATE TABLE "PerspectivePlan" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "perspective" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PerspectivePlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanDomain" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "situation" TEXT NOT NULL DEFAULT '',
    "goals" TEXT NOT NULL DEFAULT '',
    "obstacles" TEXT NOT NULL DEFAULT '[]',
    "obstacleNote" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanDomain_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanBreakthrough" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "domain" TEXT,
    "text" TEXT NOT NULL,
    "happenedOn" TIMESTAMP(3) NOT NULL,
    "helpedBy" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanBreakthrough_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanStep" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "owner" TEXT NOT NULL DEFAULT '',
    "dueOn" TIMESTAMP(3),
    "doneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanSupporter" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "canEdit" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanSupporter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanChange" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "actorId" TEXT,
    "kind" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanChange_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "PerspectivePlan" ADD CONSTRAINT "PerspectivePlan_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanDomain" ADD CONSTRAINT "PlanDomain_planId_fkey" FOREIGN KEY ("planId") REFERENCES "PerspectivePlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanBreakthrough" ADD CONSTRAINT "PlanBreakthrough_planId_fkey" FOREIGN KEY ("planId") REFERENCES "PerspectivePlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanStep" ADD CONSTRAINT "PlanStep_planId_fkey" FOREIGN KEY ("planId") REFERENCES "PerspectivePlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanSupporter" ADD CONSTRAINT "PlanSupporter_planId_fkey" FOREIGN KEY ("planId") REFERENCES "PerspectivePlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanSupporter" ADD CONSTRAINT "PlanSupporter_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanChange" ADD CONSTRAINT "PlanChange_planId_fkey" FOREIGN KEY ("planId") REFERENCES "PerspectivePlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
