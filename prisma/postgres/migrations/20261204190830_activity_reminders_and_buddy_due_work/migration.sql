-- AlterTable
ALTER TABLE "BuddyMatch" ADD COLUMN     "checkInAskedAt" TIMESTAMP(3),
ADD COLUMN     "expiryWarnedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ActivityReminder" (
    "activityId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActivityReminder_pkey" PRIMARY KEY ("activityId","startsAt")
);

-- AddForeignKey
ALTER TABLE "ActivityReminder" ADD CONSTRAINT "ActivityReminder_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Reminders already sent stay sent (hand-written).
INSERT INTO "ActivityReminder" ("activityId", "startsAt", "sentAt") SELECT "id", "startsAt", "remindedAt" FROM "Activity" WHERE "remindedAt" IS NOT NULL;

-- AlterTable
ALTER TABLE "Activity" DROP COLUMN "remindedAt";
