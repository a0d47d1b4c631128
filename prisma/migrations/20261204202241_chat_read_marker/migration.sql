-- AlterTable
ALTER TABLE "BuddyMatch" ADD COLUMN "newcomerReadAt" DATETIME;
ALTER TABLE "BuddyMatch" ADD COLUMN "volunteerReadAt" DATETIME;
