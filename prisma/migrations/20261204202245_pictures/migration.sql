-- AlterTable
ALTER TABLE "Activity" ADD COLUMN "coverHeight" INTEGER;
ALTER TABLE "Activity" ADD COLUMN "coverKey" TEXT;
ALTER TABLE "Activity" ADD COLUMN "coverWidth" INTEGER;

-- AlterTable
ALTER TABLE "ActivityContent" ADD COLUMN "coverAlt" TEXT;

-- AlterTable
ALTER TABLE "Group" ADD COLUMN "coverAlt" TEXT;
ALTER TABLE "Group" ADD COLUMN "coverHeight" INTEGER;
ALTER TABLE "Group" ADD COLUMN "coverKey" TEXT;
ALTER TABLE "Group" ADD COLUMN "coverWidth" INTEGER;
