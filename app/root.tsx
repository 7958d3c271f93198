import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import styles from "~/styles/app.css";
import { DEFAULT_LOCALE, isLocale, LocaleProvider, resolveLocale, translate, useT, type Locale } from "~/services/i18n";
import { useNonce } from "~/services/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Lapor Pangkalpinang" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return { locale: resolveLocale(request) };
}

/** zod 4 reads its global config from here (zod/v4/core: globalThis.__zod_globalConfig). */
const ZOD_JITLESS = "globalThis.__zod_globalConfig=Object.assign(globalThis.__zod_globalConfig||{},{jitless:true});";

function Document({ locale, children }: { locale: Locale; children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {/* Before any module script: zod's schemas probe `new Function` once built, and our CSP (no
            'unsafe-eval') reports that caught probe as a violation. Jitless skips the probe (the
            slower parser it implies is irrelevant for a form's worth of fields). */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: ZOD_JITLESS }} />
      </head>
      <body>
        <LocaleProvider locale={locale}>{children}</LocaleProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function SiteChrome({ locale, children }: { locale: Locale; children: ReactNode }) {
  const t = useT();
  const location = useLocation();
  const other: Locale = locale === "id" ? "en" : "id";
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skipToContent")}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            {t("app.name")}
          </Link>
          <nav className="site-nav" aria-label={t("app.name")}>
            <ul>
              <li>
                <Link to="/">{t("nav.home")}</Link>
              </li>
              <li>
                <Link to="/lapor">{t("nav.file")}</Link>
              </li>
              <li>
                <Link to="/lacak">{t("nav.track")}</Link>
              </li>
              <li>
                <Link to="/statistik">{t("nav.stats")}</Link>
              </li>
            </ul>
          </nav>
          {/* A POST form, so switching language works without JavaScript and is never a mutating GET. */}
          <Form method="post" action="/bahasa" className="lang-switch" reloadDocument>
            <input type="hidden" name="locale" value={other} />
            <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
            <button type="submit" lang={other} title={t("lang.switchToHint")}>
              {t("lang.switchTo")}
            </button>
          </Form>
        </div>
      </header>
      <main id="main" className="site-main">
        {children}
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <p>{t("footer.pdp")}</p>
          <p>{t("footer.ombudsman")}</p>
          <p>
            <Link to="/staf/masuk">{t("nav.staff")}</Link>
          </p>
        </div>
      </footer>
    </>
  );
}

export default function App() {
  const { locale } = useLoaderData<typeof loader>();
  return (
    <Document locale={locale}>
      <SiteChrome locale={locale}>
        <Outlet />
      </SiteChrome>
    </Document>
  );
}

// An error page keeps the Retry-After a route's thrown response set (503 while the database is
// away: app/services/db-errors.server.ts), so clients and proxies know when to come back.
export const headers: HeadersFunction = ({ errorHeaders }): Record<string, string> => {
  const retryAfter = errorHeaders?.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter, "Cache-Control": "no-store" } : {};
};

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  // A refused form post (form-body.server.ts) carries the locale: the root loader did not run then.
  const refusedLocale = isRouteErrorResponse(error) && typeof error.data === "object" && error.data !== null ? (error.data as { locale?: unknown }).locale : undefined;
  const locale = data?.locale ?? (isLocale(refusedLocale) ? refusedLocale : DEFAULT_LOCALE);
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message =
    status === 404 ? "error.notFound" : status === 403 ? "error.forbidden" : status === 503 ? "error.unavailable" : "error.generic";
  return (
    <Document locale={locale}>
      <SiteChrome locale={locale}>
        <h1>{translate(locale, "error.title")}</h1>
        <p>{translate(locale, message)}</p>
        <p>
          <Link to="/">{translate(locale, "error.backHome")}</Link>
        </p>
      </SiteChrome>
    </Document>
  );
}
