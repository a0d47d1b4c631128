/**
 * The helpdesk's theme suggestion (decision 041) against the labelled set in
 * tests/fixtures/helpdesk-questions.json: micro-averaged precision and recall over the suggested
 * and the hand-given themes, overall and per language, with the curated stems. No database.
 */
import { readFileSync } from "node:fs";
import { evaluateSuggestions, type Labelled } from "../../app/lib/reference/help.ts";

export async function helpdesk() {
  const { questions } = JSON.parse(readFileSync(new URL("../fixtures/helpdesk-questions.json", import.meta.url), "utf8")) as { questions: Labelled[] };
  const started = performance.now();
  const figures = evaluateSuggestions(questions);
  const ms = performance.now() - started;
  process.stderr.write(`  [helpdesk] ${questions.length} questions in ${ms.toFixed(1)} ms\n`);
  return { bench: "helpdesk", ...figures, ms: Math.round(ms * 10) / 10 };
}
