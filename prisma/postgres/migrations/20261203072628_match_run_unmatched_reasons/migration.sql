-- AlterTable
ALTER TABLE "MatchRun" ADD COLUMN     "unmatched" TEXT NOT NULL DEFAULT '{}';
