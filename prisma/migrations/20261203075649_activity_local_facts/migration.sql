-- AlterTable
ALTER TABLE "Activity" ADD COLUMN "localDate" TEXT;
ALTER TABLE "Activity" ADD COLUMN "localPart" TEXT;
ALTER TABLE "Activity" ADD COLUMN "localWeekday" INTEGER;

-- CreateIndex
CREATE INDEX "Activity_status_localPart_startsAt_idx" ON "Activity"("status", "localPart", "startsAt");

-- CreateIndex
CREATE INDEX "Activity_status_localWeekday_startsAt_idx" ON "Activity"("status", "localWeekday", "startsAt");
