/**
 * An Atom 1.0 document (RFC 4287) from plain values: the one format feed readers, Mastodon
 * bridges and Telegram bots all read. Every text is escaped; dates are RFC 3339 in UTC.
 */
export type AtomEntry = { id: string; title: string; url: string; updated: Date; published: Date; summary: string; lang?: string };
export type AtomFeed = {
  id: string;
  title: string;
  subtitle?: string;
  selfUrl: string;
  alternateUrl: string;
  updated: Date;
  lang: string;
  entries: AtomEntry[];
};

const escape = (value: string) =>
  value
    // Characters XML 1.0 does not allow at all (controls other than tab and newlines).
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);

export function buildAtom(feed: AtomFeed): string {
  const entries = feed.entries.map(
    (entry) =>
      `<entry${entry.lang ? ` xml:lang="${escape(entry.lang)}"` : ""}>` +
      `<id>${escape(entry.id)}</id><title>${escape(entry.title)}</title>` +
      `<link rel="alternate" type="text/html" href="${escape(entry.url)}"/>` +
      `<published>${entry.published.toISOString()}</published><updated>${entry.updated.toISOString()}</updated>` +
      `<summary>${escape(entry.summary)}</summary></entry>`,
  );
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n` +
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escape(feed.lang)}">` +
    `<id>${escape(feed.id)}</id><title>${escape(feed.title)}</title>` +
    (feed.subtitle ? `<subtitle>${escape(feed.subtitle)}</subtitle>` : "") +
    `<link rel="self" type="application/atom+xml" href="${escape(feed.selfUrl)}"/>` +
    `<link rel="alternate" type="text/html" href="${escape(feed.alternateUrl)}"/>` +
    `<updated>${feed.updated.toISOString()}</updated><author><name>Meedoen</name></author><generator>Meedoen</generator>` +
    entries.join("") +
    `</feed>\n`
  );
}
