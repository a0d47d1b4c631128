import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export type PageNotice = { id: string; key: string; values?: Record<string, string | number> } | null;

/**
 * Where each notice was first shown, in this tab. The root loader runs again on navigation, and a
 * request that was in flight when the action answered can read the same notice cookie a second
 * time: the same id then stays on the page it arrived with instead of following the person.
 */
const arrivedAt = new Map<string, string>();

function belongsHere(id: string, locationKey: string) {
  // The server renders the one page the notice arrived with.
  if (typeof document === "undefined") return true;
  if (!arrivedAt.has(id)) arrivedAt.set(id, locationKey);
  return arrivedAt.get(id) === locationKey;
}

/** What the last action said ("Saved", "Anna is in"), on the page it led to and only there. */
export function PageNoticeBanner({ notice }: { notice: PageNotice }) {
  const { t } = useTranslation();
  const location = useLocation();
  if (!notice || !belongsHere(notice.id, location.key)) return null;
  return (
    // Keyed on the notice, so that each one is a new element that assistive technology announces.
    <div key={notice.id} className="alert alert-success page-notice" role="status">
      {t(notice.key, notice.values)}
    </div>
  );
}
