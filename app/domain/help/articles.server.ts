/**
 * The helpdesk's knowledge base: published question-answer pairs without anyone's identity, in the
 * languages the triager wrote. A few hundred pairs at most, so search reads them and compares in
 * memory: the same case-insensitive "contains" on SQLite and PostgreSQL, in every script.
 */
import { db } from "~/lib/db.server";
import type { Locale } from "~/lib/locales";

export type ArticleView = { id: string; locale: string; question: string; answer: string };

const LIMIT = 1000;
const fold = (text: string) => text.toLocaleLowerCase().normalize("NFKC");
const wordsOf = (text: string) => [...new Set(fold(text).match(/[\p{L}\p{N}]{4,}/gu) ?? [])];

async function allTexts() {
  const articles = await db().helpArticle.findMany({ orderBy: { createdAt: "desc" }, take: LIMIT, include: { texts: true } });
  return articles.map((article) => ({ id: article.id, texts: article.texts }));
}

/** The reader's language where the triager wrote it, else English, else the first written. */
function inLocale(article: { id: string; texts: { locale: string; question: string; answer: string }[] }, locale: Locale): ArticleView {
  const text = article.texts.find((t) => t.locale === locale) ?? article.texts.find((t) => t.locale === "en") ?? article.texts[0];
  return { id: article.id, locale: text.locale, question: text.question, answer: text.answer };
}

/** Pairs whose question or answer contains the search text (in any language written), newest first. */
export async function searchArticles(query: string, locale: Locale, limit = 50) {
  const needle = fold(query.trim().slice(0, 200));
  const articles = (await allTexts()).filter((article) => article.texts.length > 0);
  const found = needle
    ? articles.filter((article) => article.texts.some((text) => fold(text.question).includes(needle) || fold(text.answer).includes(needle)))
    : articles;
  return found.slice(0, limit).map((article) => inLocale(article, locale));
}

/** "People asked this before": the pairs sharing the most words (four letters or more) with a draft question. */
export async function similarArticles(draft: string, locale: Locale, limit = 3) {
  const words = wordsOf(draft.slice(0, 2000));
  if (words.length === 0) return [];
  const scored = (await allTexts())
    .filter((article) => article.texts.length > 0)
    .map((article) => {
      const haystack = fold(article.texts.map((text) => `${text.question} ${text.answer}`).join(" "));
      return { article, score: words.filter((word) => haystack.includes(word)).length };
    })
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score);
  return scored.slice(0, limit).map((entry) => inLocale(entry.article, locale));
}
