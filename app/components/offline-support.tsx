import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * Registers the service worker (public/sw.js, decision 046) and tells it on every page who is
 * signed in here: it keeps that person's tickets and deletes what it kept for anyone else. Shows
 * a banner while the phone has no connection.
 */
export function OfflineSupport({ userId, locale }: { userId: string | null; locale: string }) {
  const { t } = useTranslation();
  const [offline, setOffline] = useState(false);

  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker
      .register("/sw.js", { scope: "/" })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        if (navigator.onLine) registration.active?.postMessage({ type: "person", userId, locale });
      })
      .catch((error: unknown) => console.warn("service worker not registered", error));
  }, [userId, locale]);

  useEffect(() => {
    const update = () => setOffline(!navigator.onLine);
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);

  return offline ? (
    <div className="offline-banner" role="status">
      {t("offline.banner")}
    </div>
  ) : null;
}
