import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { calendarLinks, chatLinks, type Shared } from "~/lib/share-links";

/**
 * Add to a calendar and pass the activity on. Links first, so everything works without
 * JavaScript; a phone that has the Web Share API also gets its own share sheet.
 */
export function ShareActivity({ activity, icsHref }: { activity: Shared; icsHref: string }) {
  const { t } = useTranslation();
  const [canShare, setCanShare] = useState(false);
  useEffect(() => setCanShare(typeof navigator !== "undefined" && typeof navigator.share === "function"), []);
  const calendars = calendarLinks(activity);
  const chats = chatLinks(activity);
  return (
    <div className="share stack">
      <p>
        <a href={icsHref} download>
          {t("activities.addToCalendar")}
        </a>{" "}
        · <a href={calendars.google}>{t("share.google")}</a> · <a href={calendars.outlook}>{t("share.outlook")}</a>
      </p>
      <p>
        {t("share.title")}:{" "}
        {canShare ? (
          <>
            <button
              type="button"
              className="link-button"
              onClick={() => void navigator.share({ title: activity.title, url: activity.url }).catch(() => undefined)}
            >
              {t("share.shareSheet")}
            </button>{" "}
            ·{" "}
          </>
        ) : null}
        <a href={chats.whatsapp}>WhatsApp</a> · <a href={chats.telegram}>Telegram</a>
      </p>
    </div>
  );
}
