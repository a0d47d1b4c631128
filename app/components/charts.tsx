import { useId } from "react";
import { formatList } from "~/lib/format";
import type { Locale } from "~/lib/locales";

export type BarDatum = { label: string; value: number; secondary?: number };

type BarChartProps = {
  title: string;
  data: BarDatum[];
  valueLabel: (value: number) => string;
  locale: Locale;
  emptyText: string;
  dir?: "ltr" | "rtl";
  /** Names of the two parts of a stacked bar: `primary` = value − secondary (light), `secondary` (dark). */
  legend?: { primary: string; secondary: string };
  /** Column headings of the data table; the value column falls back to the title. */
  headers?: { label: string; value: string };
};

// Drawing units: the viewBox is about a phone wide, so at width 100% the text stays legible on 360 px screens.
const WIDTH = 360;
const VALUE_SPACE = 64; // room after the longest bar for its value text
const BAR_MAX = WIDTH - VALUE_SPACE;
const ROW = 46; // label line + bar + gap
const BAR_HEIGHT = 20;
const MAX_LABEL = 44; // characters shown in the svg; the table and description have the whole label
const DARK = "#0b5d4b"; // 7.8:1 on white
const LIGHT = "#7fb8a8"; // 3.5:1 next to DARK; outlined in DARK so it stands out from a white background

const finite = (n: number | undefined) => (n !== undefined && Number.isFinite(n) && n > 0 ? n : 0);
const short = (label: string) => {
  const chars = Array.from(label);
  return chars.length > MAX_LABEL ? `${chars.slice(0, MAX_LABEL - 1).join("")}…` : label;
};
const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Horizontal bar chart as server-rendered SVG, followed by a visually hidden table with the same numbers.
 * Right-to-left: bars grow from the right edge and texts start there (`direction` makes `text-anchor="start"` the right side).
 */
export function BarChart({ title, data, valueLabel, locale, emptyText, dir = "ltr", legend, headers }: BarChartProps) {
  // useId gives ":r1:"; an id must begin with a letter to be valid HTML (and to be used in a selector).
  const id = `chart-${useId().replaceAll(":", "")}`;
  if (data.length === 0) return <p className="chart-empty">{emptyText}</p>;

  const stacked = data.some((d) => d.secondary !== undefined);
  const max = Math.max(...data.map((d) => finite(d.value)));
  const scale = (n: number) => (max > 0 ? round((Math.min(finite(n), max) / max) * BAR_MAX) : 0);
  const x = (start: number, width = 0) => (dir === "rtl" ? WIDTH - start - width : start);
  const height = data.length * ROW;
  const description = formatList(
    data.map((d) => `${d.label}: ${valueLabel(d.value)}`),
    locale,
    "unit",
  );

  return (
    <div className="chart">
      {stacked && legend ? (
        <ul className="chart-legend">
          {[
            [legend.secondary, DARK],
            [legend.primary, LIGHT],
          ].map(([text, colour]) => (
            <li key={colour}>
              <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
                <rect x="0.5" y="0.5" width="13" height="13" fill={colour} stroke={DARK} />
              </svg>{" "}
              {text}
            </li>
          ))}
        </ul>
      ) : null}
      <svg
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        direction={dir}
        fontSize="14"
        focusable="false"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {data.map((d, i) => {
          const top = i * ROW;
          const total = scale(d.value);
          const dark = stacked ? Math.min(scale(d.secondary ?? 0), total) : total;
          return (
            <g key={i}>
              <text x={x(0)} y={top + 14} fill="currentColor">
                {short(d.label)}
              </text>
              {dark > 0 ? <rect className="bar" x={x(0, dark)} y={top + 18} width={dark} height={BAR_HEIGHT} fill={DARK} /> : null}
              {total > dark ? (
                <rect
                  className="bar bar-light"
                  x={x(dark, round(total - dark))}
                  y={top + 18.5}
                  width={round(total - dark)}
                  height={BAR_HEIGHT - 1}
                  fill={LIGHT}
                  stroke={DARK}
                />
              ) : null}
              <text x={x(total + 6)} y={top + 33} fill="currentColor" fontSize="13">
                {valueLabel(d.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{headers?.label ?? ""}</th>
            <th scope="col">{headers?.value ?? title}</th>
            {stacked ? <th scope="col">{legend?.primary ?? ""}</th> : null}
            {stacked ? <th scope="col">{legend?.secondary ?? ""}</th> : null}
          </tr>
        </thead>
        <tbody>
          {data.map((d, i) => (
            <tr key={i}>
              <th scope="row">{d.label}</th>
              <td>{valueLabel(d.value)}</td>
              {stacked ? <td>{valueLabel(d.value - (d.secondary ?? 0))}</td> : null}
              {stacked ? <td>{valueLabel(d.secondary ?? 0)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
