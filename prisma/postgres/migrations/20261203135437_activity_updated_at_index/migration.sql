-- CreateIndex
CREATE INDEX "Activity_updatedAt_idx" ON "Activity"("updatedAt");
