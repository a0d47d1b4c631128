import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The empty state of an area whose features are still being built: says what will be here. */
export function AreaIntro({ area, signedIn }: { area: "activities" | "groups" | "buddies" | "organise"; signedIn: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="stack">
      <h1>{t(`areas.${area}.title`)}</h1>
      <p className="lead">{t(`areas.${area}.intro`)}</p>
      <div className="empty-state card">
        <p>{t(`areas.${area}.empty`)}</p>
        {signedIn ? (
          <Link className="button button-secondary" to="/profile">
            {t("areas.completeProfile")}
          </Link>
        ) : (
          <Link className="button" to="/register">
            {t("home.cta")}
          </Link>
        )}
      </div>
    </section>
  );
}
