import type { MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "offline.title");

/**
 * What the service worker shows for a page it has not kept, in place of that page and at its
 * address (decision 046). It is plain HTML without the app's scripts (`hydrate: false`): the
 * browser's router would otherwise match the address to another route and ask the network.
 */
export const handle = { hydrate: false };

export default function Offline() {
  const { t } = useTranslation();
  return (
    <section className="narrow stack offline-page">
      <h1>{t("offline.title")}</h1>
      <p>{t("offline.body")}</p>
      <p>{t("offline.saved")}</p>
      {/* A form without an action asks for this page's own address again: the one the person wanted. */}
      <form method="get" className="form-actions">
        <a href="/activities/mine" className="button">
          {t("offline.myActivities")}
        </a>
        <button type="submit" className="button button-secondary">
          {t("offline.retry")}
        </button>
      </form>
    </section>
  );
}
