import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * What the worker needs to keep the pages that open offline: the build's manifest (it finds the
 * tickets' scripts there; the page's own copy lists only the routes seen so far) and the page's
 * translations, without which it would not hydrate (entry.client.tsx).
 */
function offlineAssets(): string[] {
  const manifest = (window as unknown as { __remixManifest?: { url?: string } }).__remixManifest?.url;
  const translations = document.querySelector<HTMLLinkElement>("link#translations")?.getAttribute("href");
  // And every hashed file this page has loaded, the lazily imported ones too (the manifest lists only static imports).
  const loaded = performance.getEntriesByType("resource").map((entry) => new URL(entry.name).pathname);
  return [manifest, translations, ...loaded].filter((path): path is string => typeof path === "string" && /^\/(build|locales)\//.test(path));
}

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
        if (navigator.onLine) registration.active?.postMessage({ type: "person", userId, locale, assets: userId ? offlineAssets() : [] });
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
