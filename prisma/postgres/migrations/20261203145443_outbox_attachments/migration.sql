-- AlterTable
ALTER TABLE "OutboxMail" ADD COLUMN     "attachments" TEXT NOT NULL DEFAULT '[]';
