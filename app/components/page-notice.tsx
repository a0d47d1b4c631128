import { useLocation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

export type PageNotice = { key: string; values?: Record<string, string | number> } | null;

/**
 * What the last action said ("Saved", "Anna is in"), on the page it led to and only there: the
 * root loader does not run again on a plain link, so the notice is tied to the location it came with.
 */
export function PageNoticeBanner({ notice }: { notice: PageNotice }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [arrival, setArrival] = useState({ notice, at: location.key });
  if (notice !== arrival.notice) setArrival({ notice, at: location.key });
  if (!notice || arrival.at !== location.key) return null;
  return (
    // Keyed on the arrival, so that each notice is a new element that assistive technology announces.
    <div key={arrival.at} className="alert alert-success page-notice" role="status">
      {t(notice.key, notice.values)}
    </div>
  );
}
