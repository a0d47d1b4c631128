import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { REFERRAL_ORGANISATIONS } from "~/lib/reference/help";
import { formatDate } from "~/lib/format";
import type { Locale } from "~/lib/locales";

/** A helpdesk theme's name: the integration domains share the activities' wording; "other" is the helpdesk's own. */
export function useThemeName() {
  const { t } = useTranslation();
  return (theme: string) => (theme === "other" ? t("help.themeOther") : t(`activities.theme.${theme}`));
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge${status === "open" ? " badge-strong" : ""}`}>{t(`help.status.${status}`)}</span>;
}

export function ThemeBadges({ themes }: { themes: string[] }) {
  const themeName = useThemeName();
  if (themes.length === 0) return null;
  return (
    <span className="badges">
      {themes.map((theme) => (
        <span key={theme} className="badge">
          {themeName(theme)}
        </span>
      ))}
    </span>
  );
}

type Message = { id: string; fromAsker: boolean; body: string; createdAt: string; author: string | null };

/** The question and its conversation; texts are plain text, shown as text (React escapes them) with their line breaks. */
export function Conversation({
  body,
  createdAt,
  askerLabel,
  messages,
  locale,
  textLang,
}: {
  body: string;
  createdAt: string;
  askerLabel: string;
  messages: Message[];
  locale: Locale;
  /** The question's language: the texts carry it; dates and names around them stay in the reader's. */
  textLang: string;
}) {
  const { t } = useTranslation();
  // Names and dates are isolated: a Latin name beside an Arabic date otherwise reorders both.
  const when = (value: string) => (
    <bdi>
      <time dateTime={value}>{formatDate(value, locale, { dateStyle: "medium", timeStyle: "short" })}</time>
    </bdi>
  );
  return (
    <ol className="people-list help-conversation">
      <li className="card help-message help-from-asker">
        <p className="muted">
          <bdi>{askerLabel}</bdi> · {when(createdAt)}
        </p>
        <p className="help-text" lang={textLang} dir="auto">
          {body}
        </p>
      </li>
      {messages.map((message) => (
        <li key={message.id} className={`card help-message ${message.fromAsker ? "help-from-asker" : "help-from-helpdesk"}`}>
          <p className="muted">
            <bdi>{message.fromAsker ? askerLabel : (message.author ?? t("help.helpdesk"))}</bdi> · {when(message.createdAt)}
          </p>
          <p className="help-text" lang={textLang} dir="auto">
            {message.body}
          </p>
        </li>
      ))}
    </ol>
  );
}

export function ArticleList({ articles }: { articles: { id: string; locale: string; question: string; answer: string }[] }) {
  return (
    <ul className="people-list help-articles">
      {articles.map((article) => (
        <li key={article.id} className="card" lang={article.locale} dir={article.locale === "ar" ? "rtl" : "ltr"}>
          <details>
            <summary>{article.question}</summary>
            <p className="help-text">{article.answer}</p>
          </details>
        </li>
      ))}
    </ul>
  );
}

/** A referral as the asker reads it: a link to the activity or group, the buddy kind, or the organisation with what it does. */
export function ReferralText({ kind, target }: { kind: string; target: string }) {
  const { t } = useTranslation();
  if (kind === "activity") return <Link to={`/activities/${target}`}>{t("help.referral.activity")}</Link>;
  if (kind === "group") return <Link to={`/groups/${target}`}>{t("help.referral.group")}</Link>;
  if (kind === "buddy") {
    const sector = target.startsWith("job:") ? target.slice(4) : null;
    return <span>{sector ? t("help.referral.jobBuddy", { sector: t(`reference:sector.${sector}`) }) : t("help.referral.languageBuddy")}</span>;
  }
  const organisation = REFERRAL_ORGANISATIONS.find((o) => o.key === target);
  if (!organisation) return null;
  return (
    <span>
      <a href={organisation.url} rel="noopener noreferrer">
        {t(`help.organisations.${target}.name`)}
      </a>
      {": "}
      {t(`help.organisations.${target}.about`)}
    </span>
  );
}
