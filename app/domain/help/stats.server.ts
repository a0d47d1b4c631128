/**
 * The helpdesk's statistics for organisers: what people ask about (share per theme), when, in which
 * language and municipality, how fast the first answer comes, and what is still open. Every count
 * goes through shownCount, so nothing between 1 and 4 leaves this module; a share or a time is
 * shown only when it rests on at least SMALLEST_SHOWN questions (decision 041).
 */
import { db } from "~/lib/db.server";
import { HELP_LANGUAGES, HELP_THEMES } from "~/lib/reference/help";
import { shownCount, SMALLEST_SHOWN, type ShownCount } from "~/lib/small-counts";
import { requireActor } from "../policy/guards.server";
import { policy } from "../policy/rules";

export type HistoryQuestion = {
  createdAt: Date;
  language: string;
  municipalityCode: string | null;
  status: string;
  firstAnsweredAt: Date | null;
  themes: string[];
};

type Row = { key: string; count: ShownCount };
export type HelpStats = {
  total: ShownCount;
  labelled: ShownCount;
  /** Share of labelled questions per theme, in whole percent; null when the theme's count is not shown. */
  themes: (Row & { percent: number | null })[];
  months: Row[];
  languages: Row[];
  municipalities: (Row & { name: string })[];
  /** Hours to the first answer; null when fewer than SMALLEST_SHOWN questions were answered. */
  firstAnswer: { answered: ShownCount; medianHours: number | null; p90Hours: number | null };
  backlog: ShownCount;
};

function tally(keys: string[]) {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** Nearest-rank percentile over sorted values. */
function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/** Pure, so the property test can feed it any history. */
export function computeStats(history: HistoryQuestion[], municipalityNames: Map<string, string> = new Map()): HelpStats {
  const labelled = history.filter((question) => question.themes.length > 0);
  const themeCounts = tally(labelled.flatMap((question) => [...new Set(question.themes)]));
  const themes = HELP_THEMES.filter((theme) => (themeCounts.get(theme) ?? 0) > 0)
    .map((theme) => {
      const count = themeCounts.get(theme)!;
      const shown = shownCount(count);
      return { key: theme, count: shown, percent: shown.kind === "count" ? Math.round((count / labelled.length) * 100) : null, raw: count };
    })
    .sort((a, b) => b.raw - a.raw)
    .map(({ raw: _raw, ...row }) => row);
  const months = [...tally(history.map((question) => question.createdAt.toISOString().slice(0, 7))).entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, count]) => ({ key, count: shownCount(count) }));
  const languageCounts = tally(history.map((question) => question.language));
  const languages = HELP_LANGUAGES.filter((language) => languageCounts.has(language)).map((key) => ({ key, count: shownCount(languageCounts.get(key)!) }));
  const municipalities = [...tally(history.map((question) => question.municipalityCode ?? "")).entries()]
    .sort(([, a], [, b]) => b - a)
    .map(([key, count]) => ({ key, name: key ? (municipalityNames.get(key) ?? key) : "", count: shownCount(count) }));
  const waits = history
    .filter((question) => question.firstAnsweredAt)
    .map((question) => (question.firstAnsweredAt!.getTime() - question.createdAt.getTime()) / 3_600_000)
    .sort((a, b) => a - b);
  const enough = waits.length >= SMALLEST_SHOWN;
  return {
    total: shownCount(history.length),
    labelled: shownCount(labelled.length),
    themes,
    months,
    languages,
    municipalities,
    firstAnswer: {
      answered: shownCount(waits.length),
      medianHours: enough ? oneDecimal(percentile(waits, 50)) : null,
      p90Hours: enough ? oneDecimal(percentile(waits, 90)) : null,
    },
    backlog: shownCount(history.filter((question) => question.status === "open").length),
  };
}

export async function helpStats(actorId: string): Promise<HelpStats> {
  await requireActor(actorId, policy.canViewHelpStats);
  const rows = await db().helpQuestion.findMany({
    select: { createdAt: true, language: true, municipalityCode: true, status: true, firstAnsweredAt: true, themes: { select: { theme: true } } },
  });
  const codes = [...new Set(rows.flatMap((row) => (row.municipalityCode ? [row.municipalityCode] : [])))];
  const names = await db().municipality.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } });
  return computeStats(
    rows.map((row) => ({ ...row, themes: row.themes.map((theme) => theme.theme) })),
    new Map(names.map((municipality) => [municipality.code, municipality.name])),
  );
}

const cell = (count: ShownCount) => (count.kind === "count" ? String(count.value) : `<${SMALLEST_SHOWN}`);
const quote = (value: string) => (/[",\n\r]/.test(value) || /^[=+\-@]/.test(value) ? `"${value.replace(/^([=+\-@])/, "'$1").replaceAll('"', '""')}"` : value);

/** The same figures as CSV (section,key,count,percent), with "<5" where the page says so. */
export function statsCsv(stats: HelpStats, label: (section: string, key: string) => string) {
  const lines = [["section", "key", "label", "count", "percent"]];
  lines.push(["total", "questions", label("total", "questions"), cell(stats.total), ""]);
  lines.push(["total", "labelled", label("total", "labelled"), cell(stats.labelled), ""]);
  lines.push(["total", "open", label("total", "open"), cell(stats.backlog), ""]);
  for (const row of stats.themes) lines.push(["theme", row.key, label("theme", row.key), cell(row.count), row.percent === null ? "" : String(row.percent)]);
  for (const row of stats.months) lines.push(["month", row.key, row.key, cell(row.count), ""]);
  for (const row of stats.languages) lines.push(["language", row.key, label("language", row.key), cell(row.count), ""]);
  for (const row of stats.municipalities) lines.push(["municipality", row.key, row.name || label("municipality", ""), cell(row.count), ""]);
  lines.push(["first-answer", "answered", label("first-answer", "answered"), cell(stats.firstAnswer.answered), ""]);
  lines.push([
    "first-answer",
    "median-hours",
    label("first-answer", "median"),
    stats.firstAnswer.medianHours === null ? "" : String(stats.firstAnswer.medianHours),
    "",
  ]);
  lines.push(["first-answer", "p90-hours", label("first-answer", "p90"), stats.firstAnswer.p90Hours === null ? "" : String(stats.firstAnswer.p90Hours), ""]);
  return lines.map((line) => line.map(quote).join(",")).join("\r\n") + "\r\n";
}
