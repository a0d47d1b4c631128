-- AlterTable
ALTER TABLE "Activity" ADD COLUMN "publishedAt" DATETIME;

-- Activities already public were published when they were made, as far as anyone can tell now.
UPDATE "Activity" SET "publishedAt" = "createdAt" WHERE "status" IN ('published', 'cancelled');
