import { useQueryClient } from "@tanstack/react-query";
import { Link, Outlet } from "@tanstack/react-router";
import { useContext } from "react";
import { useTranslation } from "react-i18next";
import { useAuth, useSession } from "../auth/auth";
import { AppContext } from "../context";
import { useLiveUpdates } from "../lib/live";
import { CommandsProvider, KeyboardLayer } from "./Commands";
import { LanguageSwitch } from "./LanguageSwitch";
import { ThemeSwitch } from "./ThemeSwitch";

export function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  const { signOut, accessToken } = useAuth();
  const app = useContext(AppContext);
  const queryClient = useQueryClient();
  const live = useLiveUpdates(`${app?.config.gatewayUrl}/api/v1/stream`, accessToken, queryClient, !!app);

  return (
    <CommandsProvider>
      <a className="skip" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="topbar">
        <span className="brand">{t("app.title")}</span>
        <nav aria-label={t("app.nav")}>
          <ul>
            {session.isAgent && (
              <>
                <li>
                  <Link to="/queue" search={{ view: "mine" }}>
                    {t("nav.queue")}
                  </Link>
                </li>
                <li>
                  <Link to="/incidents/new">{t("nav.newIncident")}</Link>
                </li>
                <li>
                  <Link to="/tasks">{t("nav.tasks")}</Link>
                </li>
                <li>
                  <Link to="/templates">{t("groups.nav")}</Link>
                </li>
              </>
            )}
            {session.isProblemStaff && (
              <li>
                <Link to="/problems" search={{ view: "all" }}>
                  {t("nav.problems")}
                </Link>
              </li>
            )}
            {session.isRequester && (
              <>
                <li>
                  <Link to="/my/incidents">{t("nav.myIncidents")}</Link>
                </li>
                <li>
                  <Link to="/incidents/new">{t("nav.raiseIncident")}</Link>
                </li>
                <li>
                  <Link to="/catalog">{t("nav.catalog")}</Link>
                </li>
                <li>
                  <Link to="/my/requests">{t("nav.myRequests")}</Link>
                </li>
              </>
            )}
            {session.mayApprove && (
              <li>
                <Link to="/approvals">{t("nav.approvals")}</Link>
              </li>
            )}
          </ul>
        </nav>
        <span className={live ? "live on" : "live"} role="status" data-testid="live">
          {live ? t("app.live") : t("app.offline")}
        </span>
        <details className="user-menu">
          <summary>
            <span className="visually-hidden">{t("app.userMenu")}: </span>
            {session.name}
          </summary>
          <div className="menu">
            <p>
              <strong>{session.username}</strong>
            </p>
            <p>
              {t("app.roles")}: {session.roles.map((r) => t(`roles.${r}`)).join(", ")}
            </p>
            <LanguageSwitch />
            <ThemeSwitch />
            <button type="button" onClick={() => void signOut()}>
              {t("app.signOut")}
            </button>
          </div>
        </details>
      </header>
      <main id="main" tabIndex={-1}>
        {session.roles.length === 0 ? <p role="alert">{t("app.noAccess")}</p> : <Outlet />}
      </main>
      <KeyboardLayer />
    </CommandsProvider>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return <p>{t("app.notFound")}</p>;
}
