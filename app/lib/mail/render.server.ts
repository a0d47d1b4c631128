import { direction, type Locale } from "~/lib/locales";
import { serverT } from "~/lib/i18n.server";

/** One mail's content: a greeting, short paragraphs, at most one button, and why the person got it. */
export type MailContent = {
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** A list of linked things under the paragraphs (the weekly digest's activities), each with a line about it. */
  items?: { title: string; detail: string; url: string }[];
  action?: { label: string; url: string };
  /** Why this mail came ("You asked for a new password…"), under the content. */
  reason: string;
};

const escape = (value: string) => value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * HTML and plain text of a mail in the reader's language and direction: one column, system fonts,
 * inline styles only (mail programs drop style sheets), small enough for a phone on a slow line.
 */
export function renderMail(locale: Locale, content: MailContent): { subject: string; html: string; text: string } {
  const t = serverT(locale);
  const dir = direction(locale);
  const align = dir === "rtl" ? "right" : "left";
  const paragraph = (text: string) => `<p style="margin:0 0 16px">${escape(text)}</p>`;
  const button = content.action
    ? `<p style="margin:24px 0"><a href="${escape(content.action.url)}" style="background:#0b5d4b;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escape(content.action.label)}</a></p>` +
      paragraph(t("mail.linkFallback")) +
      `<p style="margin:0 0 16px;word-break:break-all"><a href="${escape(content.action.url)}" style="color:#0b5d4b">${escape(content.action.url)}</a></p>`
    : "";
  const items = content.items?.length
    ? `<ul style="margin:0 0 16px;padding:0;list-style:none">` +
      content.items
        .map(
          (item) =>
            `<li style="margin:0 0 12px"><a href="${escape(item.url)}" style="color:#0b5d4b;font-weight:bold">${escape(item.title)}</a><br><span style="color:#4d5a56">${escape(item.detail)}</span></li>`,
        )
        .join("") +
      `</ul>`
    : "";
  const html =
    `<!DOCTYPE html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(content.subject)}</title></head>` +
    `<body style="margin:0;padding:0;background:#f4f6f5"><div style="max-width:560px;margin:0 auto;padding:24px 16px;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','Noto Sans Arabic',sans-serif;font-size:16px;line-height:1.5;color:#1b1f1e;text-align:${align}" dir="${dir}">` +
    `<p style="margin:0 0 24px;font-weight:bold;color:#0b5d4b">Meedoen</p>` +
    paragraph(content.greeting) +
    content.paragraphs.map(paragraph).join("") +
    items +
    button +
    `<hr style="border:none;border-top:1px solid #d5dcd9;margin:24px 0"><p style="margin:0;font-size:14px;color:#4d5a56">${escape(content.reason)}</p>` +
    `</div></body></html>`;
  const text = [
    content.greeting,
    "",
    ...content.paragraphs.flatMap((line) => [line, ""]),
    ...(content.items ?? []).flatMap((item) => [`* ${item.title}`, `  ${item.detail}`, `  ${item.url}`, ""]),
    ...(content.action ? [`${content.action.label}:`, content.action.url, ""] : []),
    "--",
    content.reason,
    "",
  ].join("\n");
  return { subject: content.subject, html, text };
}

/**
 * What `enqueueMail` adds under an optional mail rendered above: which choice it belongs to, a
 * link that stops it (the page asks once more: GET never unsubscribes) and where to choose all.
 */
export function withUnsubscribeFooter(
  locale: Locale,
  mail: { html: string; text: string },
  footer: { choice: string; unsubscribeUrl: string; settingsUrl: string },
): { html: string; text: string } {
  const t = serverT(locale);
  const why = t("mailPrefs.footer.why", { choice: t(`mailPrefs.choices.${footer.choice}.label`) });
  const link = (url: string, label: string) => `<a href="${escape(url)}" style="color:#4d5a56">${escape(label)}</a>`;
  const html =
    `<p style="margin:16px 0 0;font-size:14px;color:#4d5a56">${escape(why)} ` +
    `${link(footer.unsubscribeUrl, t("mailPrefs.footer.unsubscribe"))} · ${link(footer.settingsUrl, t("mailPrefs.footer.settings"))}</p>`;
  const end = "</div></body></html>";
  const withFooter = mail.html.endsWith(end) ? mail.html.slice(0, -end.length) + html + end : mail.html + html;
  const text = `${mail.text.replace(/\n*$/, "\n")}\n${why}\n${t("mailPrefs.footer.unsubscribe")}: ${footer.unsubscribeUrl}\n${t("mailPrefs.footer.settings")}: ${footer.settingsUrl}\n`;
  return { html: withFooter, text };
}
