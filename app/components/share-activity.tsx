import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { calendarLinks, chatLinks, type Shared } from "~/lib/share-links";

/**
 * Add to a calendar and pass the activity on. Links first, so everything works without
 * JavaScript; a phone that has the Web Share API also gets its own share sheet.
 */
export function ShareActivity({ activity, icsHref }: { activity: Shared; icsHref: string }) {
  const { t } = useTranslation();
  const calendars = calendarLinks(activity);
  return (
    <div className="share stack">
      <p>
        <a href={icsHref} download>
          {t("activities.addToCalendar")}
        </a>{" "}
        · <a href={calendars.google}>{t("share.google")}</a> · <a href={calendars.outlook}>{t("share.outlook")}</a>
      </p>
      <ShareLinks shared={activity} label={t("share.title")} />
    </div>
  );
}

/**
 * Pass a page on (an activity, a group): the phone's share sheet where the Web Share API exists,
 * WhatsApp and Telegram links always, and copying the address where the clipboard can be written.
 */
export function ShareLinks({ shared, label }: { shared: Pick<Shared, "title" | "url">; label: string }) {
  const { t } = useTranslation();
  const [abilities, setAbilities] = useState({ share: false, copy: false });
  const [copied, setCopied] = useState(false);
  useEffect(
    () =>
      setAbilities({
        share: typeof navigator !== "undefined" && typeof navigator.share === "function",
        copy: typeof navigator !== "undefined" && typeof navigator.clipboard?.writeText === "function",
      }),
    [],
  );
  const chats = chatLinks(shared);
  const copy = () =>
    void navigator.clipboard.writeText(shared.url).then(
      () => setCopied(true),
      () => undefined,
    );
  return (
    <p>
      {label}:{" "}
      {abilities.share ? (
        <>
          <button type="button" className="link-button" onClick={() => void navigator.share({ title: shared.title, url: shared.url }).catch(() => undefined)}>
            {t("share.shareSheet")}
          </button>{" "}
          ·{" "}
        </>
      ) : null}
      <a href={chats.whatsapp}>WhatsApp</a> · <a href={chats.telegram}>Telegram</a>
      {abilities.copy ? (
        <>
          {" · "}
          <button type="button" className="link-button" onClick={copy}>
            {t("preview.copyLink")}
          </button>
          <span role="status">{copied ? ` ${t("preview.copied")}` : ""}</span>
        </>
      ) : null}
    </p>
  );
}
