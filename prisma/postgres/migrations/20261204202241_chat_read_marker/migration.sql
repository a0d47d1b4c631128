-- AlterTable
ALTER TABLE "BuddyMatch" ADD COLUMN     "newcomerReadAt" TIMESTAMP(3),
ADD COLUMN     "volunteerReadAt" TIMESTAMP(3);
