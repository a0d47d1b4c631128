-- AlterTable
ALTER TABLE "Activity" ADD COLUMN     "publishedAt" TIMESTAMP(3);

-- Activities already public were published when they were made, as far as anyone can tell now.
UPDATE "Activity" SET "publishedAt" = "createdAt" WHERE "status" IN ('published', 'cancelled');
