import { Link, useLocation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { liveSocket } from "~/lib/socket.client";

/**
 * The unread count from the server, kept current over Socket.IO once the page has loaded.
 * The socket client is loaded on demand, so people who are signed out never download it.
 */
export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [unread, setUnread] = useState(initialUnread);
  const [latest, setLatest] = useState<string | null>(null);
  useEffect(() => setUnread(initialUnread), [initialUnread, location.key]);
  useEffect(() => {
    const onNotification = (notification: { kind: string }) => {
      setUnread((count) => count + 1);
      setLatest(t(`notifications.kinds.${notification.kind}`, { defaultValue: "" }));
    };
    const socket = liveSocket();
    void socket.then((connection) => connection.on("notification", onNotification));
    return () => void socket.then((connection) => connection.off("notification", onNotification));
  }, [t]);
  return (
    <>
      <Link to="/notifications" className="bell" aria-label={t("notifications.bell", { count: unread })}>
        <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9M13.7 21a2 2 0 0 1-3.4 0" />
        </svg>
        {unread > 0 ? <span className="bell-count">{unread > 99 ? "99+" : unread}</span> : null}
      </Link>
      <p className="visually-hidden" aria-live="polite">
        {latest}
      </p>
    </>
  );
}
