-- CreateTable
CREATE TABLE "HelpQuestion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "askerId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "publishConsent" BOOLEAN NOT NULL DEFAULT false,
    "municipalityCode" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "assigneeId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "firstAnsweredAt" DATETIME,
    "closedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "HelpQuestion_askerId_fkey" FOREIGN KEY ("askerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HelpQuestionTheme" (
    "questionId" TEXT NOT NULL,
    "theme" TEXT NOT NULL,

    PRIMARY KEY ("questionId", "theme"),
    CONSTRAINT "HelpQuestionTheme_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "HelpQuestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HelpMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "questionId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "fromAsker" BOOLEAN NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HelpMessage_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "HelpQuestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HelpReferral" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "questionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "buddyRequestId" TEXT,
    CONSTRAINT "HelpReferral_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "HelpQuestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HelpArticle" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "questionId" TEXT,
    "publishedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "HelpArticleText" (
    "articleId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT NOT NULL,

    PRIMARY KEY ("articleId", "locale"),
    CONSTRAINT "HelpArticleText_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "HelpArticle" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HelpThemeStems" (
    "locale" TEXT NOT NULL,
    "theme" TEXT NOT NULL,
    "stems" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("locale", "theme")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "isNewcomer" BOOLEAN NOT NULL DEFAULT false,
    "isVolunteer" BOOLEAN NOT NULL DEFAULT false,
    "isOrganiser" BOOLEAN NOT NULL DEFAULT false,
    "isAdmin" BOOLEAN NOT NULL DEFAULT false,
    "isHelpdeskVolunteer" BOOLEAN NOT NULL DEFAULT false,
    "municipalityCode" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "calendarToken" TEXT,
    "emailVerifiedAt" DATETIME,
    "vogCheckedAt" DATETIME,
    "vogCheckedBy" TEXT,
    CONSTRAINT "User_municipalityCode_fkey" FOREIGN KEY ("municipalityCode") REFERENCES "Municipality" ("code") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_User" ("calendarToken", "createdAt", "displayName", "email", "emailVerifiedAt", "id", "isAdmin", "isNewcomer", "isOrganiser", "isVolunteer", "locale", "municipalityCode", "passwordHash", "updatedAt", "vogCheckedAt", "vogCheckedBy") SELECT "calendarToken", "createdAt", "displayName", "email", "emailVerifiedAt", "id", "isAdmin", "isNewcomer", "isOrganiser", "isVolunteer", "locale", "municipalityCode", "passwordHash", "updatedAt", "vogCheckedAt", "vogCheckedBy" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE UNIQUE INDEX "User_calendarToken_key" ON "User"("calendarToken");
CREATE INDEX "User_municipalityCode_idx" ON "User"("municipalityCode");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "HelpQuestion_status_createdAt_idx" ON "HelpQuestion"("status", "createdAt");

-- CreateIndex
CREATE INDEX "HelpQuestion_askerId_createdAt_idx" ON "HelpQuestion"("askerId", "createdAt");

-- CreateIndex
CREATE INDEX "HelpQuestionTheme_theme_idx" ON "HelpQuestionTheme"("theme");

-- CreateIndex
CREATE INDEX "HelpMessage_questionId_createdAt_idx" ON "HelpMessage"("questionId", "createdAt");

-- CreateIndex
CREATE INDEX "HelpReferral_questionId_idx" ON "HelpReferral"("questionId");

-- CreateIndex
CREATE UNIQUE INDEX "HelpArticle_questionId_key" ON "HelpArticle"("questionId");
