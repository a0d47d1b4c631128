-- AlterTable
ALTER TABLE "User" ADD COLUMN     "isHelpdeskVolunteer" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "HelpQuestion" (
    "id" TEXT NOT NULL,
    "askerId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "publishConsent" BOOLEAN NOT NULL DEFAULT false,
    "municipalityCode" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "assigneeId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "firstAnsweredAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HelpQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HelpQuestionTheme" (
    "questionId" TEXT NOT NULL,
    "theme" TEXT NOT NULL,

    CONSTRAINT "HelpQuestionTheme_pkey" PRIMARY KEY ("questionId","theme")
);

-- CreateTable
CREATE TABLE "HelpMessage" (
    "id" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "fromAsker" BOOLEAN NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HelpMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HelpReferral" (
    "id" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "buddyRequestId" TEXT,

    CONSTRAINT "HelpReferral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HelpArticle" (
    "id" TEXT NOT NULL,
    "questionId" TEXT,
    "publishedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HelpArticle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HelpArticleText" (
    "articleId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT NOT NULL,

    CONSTRAINT "HelpArticleText_pkey" PRIMARY KEY ("articleId","locale")
);

-- CreateTable
CREATE TABLE "HelpThemeStems" (
    "locale" TEXT NOT NULL,
    "theme" TEXT NOT NULL,
    "stems" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HelpThemeStems_pkey" PRIMARY KEY ("locale","theme")
);

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

-- AddForeignKey
ALTER TABLE "HelpQuestion" ADD CONSTRAINT "HelpQuestion_askerId_fkey" FOREIGN KEY ("askerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpQuestionTheme" ADD CONSTRAINT "HelpQuestionTheme_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "HelpQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpMessage" ADD CONSTRAINT "HelpMessage_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "HelpQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpReferral" ADD CONSTRAINT "HelpReferral_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "HelpQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpArticleText" ADD CONSTRAINT "HelpArticleText_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "HelpArticle"("id") ON DELETE CASCADE ON UPDATE CASCADE;
