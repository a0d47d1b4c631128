-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MatchRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorId" TEXT NOT NULL,
    "municipalityCode" TEXT,
    "autoSend" BOOLEAN NOT NULL,
    "requests" INTEGER NOT NULL,
    "offers" INTEGER NOT NULL,
    "matched" INTEGER NOT NULL,
    "totalScore" INTEGER NOT NULL,
    "runtimeMs" INTEGER NOT NULL,
    "unmatched" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_MatchRun" ("actorId", "autoSend", "createdAt", "id", "matched", "municipalityCode", "offers", "requests", "runtimeMs", "totalScore") SELECT "actorId", "autoSend", "createdAt", "id", "matched", "municipalityCode", "offers", "requests", "runtimeMs", "totalScore" FROM "MatchRun";
DROP TABLE "MatchRun";
ALTER TABLE "new_MatchRun" RENAME TO "MatchRun";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
