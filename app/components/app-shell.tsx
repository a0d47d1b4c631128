import { Form, NavLink, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { policy, type Actor } from "~/domain/policy/rules";
import type { Locale } from "~/lib/locales";
import type { AvatarView } from "~/lib/images/avatar.server";
import { Avatar } from "./avatar";
import { useFocusFirstProblem } from "./focus-after-submit";
import { LanguageSwitcher } from "./language-switcher";
import { useMenuDismissal } from "./menu-dismissal";
import { NotificationBell } from "./notification-bell";
import { PageNoticeBanner, type PageNotice } from "./page-notice";

type ShellUser = (Actor & { displayName: string; avatar: AvatarView | null; unread: number }) | null;

const AREAS = [
  { to: "/activities", key: "nav.activities" },
  { to: "/groups", key: "nav.groups" },
  { to: "/buddies", key: "nav.buddies" },
  { to: "/help", key: "help.nav" },
  { to: "/organise", key: "nav.organise" },
] as const;
/** The perspective plan is personal: its link is for people who are signed in. */
const PLAN_AREA = { to: "/plan", key: "plan.nav" } as const;

type ShellProps = { user: ShellUser; locale: Locale; demoData: boolean; notice?: PageNotice; children: ReactNode };

export function AppShell({ user, locale, demoData, notice = null, children }: ShellProps) {
  const { t } = useTranslation();
  const location = useLocation();
  useMenuDismissal();
  useFocusFirstProblem();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      {demoData ? (
        <p className="demo-banner" role="note">
          {t("demo.banner")}
        </p>
      ) : null}
      <header className="site-header">
        <div className="container header-row">
          <a className="brand" href="/">
            <span aria-hidden="true" className="brand-mark">
              M
            </span>
            <span className="brand-name">Meedoen</span>
          </a>
          <div className="header-tools">
            <LanguageSwitcher current={locale} returnTo={location.pathname + location.search} />
            {user ? <NotificationBell initialUnread={user.unread} /> : null}
            {user ? (
              <details className="menu">
                <summary>
                  <Avatar name={user.displayName} avatar={user.avatar} eager />
                  <span className="visually-hidden">{t("nav.accountMenu")}: </span>
                  {/* Its own box, so that a long name ends in an ellipsis, in its own direction, rather than being cut off. */}
                  <bdi className="menu-name">{user.displayName}</bdi>
                </summary>
                <ul className="menu-list">
                  {/* The whole name, on as many lines as it needs: the button above may shorten it. */}
                  <li className="menu-person">
                    <bdi>{user.displayName}</bdi>
                  </li>
                  <li>
                    <a href="/profile">{t("nav.profile")}</a>
                  </li>
                  <li>
                    <a href="/activities/mine">{t("activities.mine.title")}</a>
                  </li>
                  <li>
                    <a href="/account">{t("nav.account")}</a>
                  </li>
                  {policy.canListPeople(user) ? (
                    <li>
                      <a href="/admin/people">{t("nav.admin")}</a>
                    </li>
                  ) : null}
                  {policy.canEditHelpStems(user) ? (
                    <li>
                      <a href="/admin/help-stems">{t("help.stems.title")}</a>
                    </li>
                  ) : null}
                  {policy.canReadOutbox(user) ? (
                    <li>
                      <a href="/admin/outbox">{t("admin.outbox.title")}</a>
                    </li>
                  ) : null}
                  <li>
                    <Form method="post" action="/logout">
                      <button type="submit" className="link-button">
                        {t("nav.signOut")}
                      </button>
                    </Form>
                  </li>
                </ul>
              </details>
            ) : (
              <a className="button button-small" href={`/login?redirectTo=${encodeURIComponent(location.pathname)}`}>
                {t("nav.signIn")}
              </a>
            )}
          </div>
        </div>
        <nav aria-label={t("nav.main")} className="main-nav">
          <ul className="container">
            {(user ? [...AREAS.slice(0, 3), PLAN_AREA, ...AREAS.slice(3)] : AREAS).map((area) => (
              <li key={area.to}>
                <NavLink to={area.to} prefetch="intent">
                  {t(area.key)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="container">
        <PageNoticeBanner notice={notice} />
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t("footer.tagline")}</p>
          <p className="muted">{t("footer.privacy")}</p>
          <p className="muted">{t("footer.credits")}</p>
        </div>
      </footer>
    </>
  );
}
