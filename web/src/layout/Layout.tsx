import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet, useLocation } from "react-router";
import { signInHref, signOut, useSession } from "../auth/session.js";
import { requestHeadingFocus } from "../components/PageHeading.js";
import { navEntries } from "../navigation.js";
import { LanguageSwitcher } from "./LanguageSwitcher.js";

function UserArea() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.status === "loading") return <div className="user-area" />;
  if (session.status === "signedOut")
    return (
      <div className="user-area">
        <a className="button button-light" href={signInHref(location.pathname + location.search)}>
          {t("auth.signIn")}
        </a>
      </div>
    );
  const organisations = [...new Set(session.me.memberships.map((m) => m.organisationName).filter(Boolean))];
  return (
    <section className="user-area" aria-label={t("auth.userMenu")}>
      <p className="user-name">
        {session.me.name}
        {organisations.length > 0 && <span className="user-orgs">{organisations.join(", ")}</span>}
      </p>
      <button type="button" className="button button-light" onClick={() => void signOut()}>
        {t("auth.signOut")}
      </button>
    </section>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  const me = session.status === "signedIn" ? session.me : null;
  const { pathname } = useLocation();
  const shown = useRef(pathname);
  useEffect(() => {
    // Only when the path changes: not on the first page load (the browser starts at the top of
    // the document then), nor when only the query string changes (a catalogue filter).
    if (shown.current === pathname) return;
    shown.current = pathname;
    requestHeadingFocus();
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="site-header">
        <div className="header-inner">
          <div className="brand-block">
            <Link to="/" className="brand">
              {t("app.name")}
            </Link>
            <p className="tagline">{t("app.tagline")}</p>
          </div>
          <div className="header-tools">
            <LanguageSwitcher />
            <UserArea />
          </div>
        </div>
        <nav aria-label={t("nav.label")} className="main-nav">
          <ul>
            {navEntries
              .filter((entry) => !entry.visible || entry.visible(me))
              .map((entry) => (
                <li key={entry.to}>
                  <NavLink to={entry.to} end={entry.end}>
                    {t(`nav.${entry.label}`)}
                  </NavLink>
                </li>
              ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t("app.footer")}</p>
        <p>
          {t("app.footerOpenData")}: <a href="/export/offers.hsds.json">HSDS 3 (JSON)</a> ·{" "}
          <a href="/export/offers.fhir.json">FHIR R4</a> · <a href="/export/offers.csv">CSV</a>
        </p>
      </footer>
    </>
  );
}
