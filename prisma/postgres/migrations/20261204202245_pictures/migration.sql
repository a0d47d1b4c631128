-- AlterTable
ALTER TABLE "Activity" ADD COLUMN     "coverHeight" INTEGER,
ADD COLUMN     "coverKey" TEXT,
ADD COLUMN     "coverWidth" INTEGER;

-- AlterTable
ALTER TABLE "ActivityContent" ADD COLUMN     "coverAlt" TEXT;

-- AlterTable
ALTER TABLE "Group" ADD COLUMN     "coverAlt" TEXT,
ADD COLUMN     "coverHeight" INTEGER,
ADD COLUMN     "coverKey" TEXT,
ADD COLUMN     "coverWidth" INTEGER;
