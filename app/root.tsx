import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useContext, useRef, useState, type ReactNode } from "react";
import styles from "~/styles/app.css";
import {
  DEFAULT_LOCALE,
  ERROR_PAGE_I18N_ID,
  ErrorPageI18nContext,
  I18nProvider,
  isLocale,
  messagesOf,
  resolveLocale,
  revalidateMessages,
  useT,
  type I18nData,
  type Messages,
} from "~/services/i18n";
import { messagesFor } from "~/services/i18n.server";
import { useNonce } from "~/services/nonce";
import { LanguageSwitch } from "~/components/staff-shell/language-switch";
import { isStaffPath, MinimalStaffHeader, StaffFrame } from "~/components/staff-shell/staff-frame";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Lapor Pangkalpinang" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = resolveLocale(request);
  return { locale, messages: messagesFor(locale, "public") };
}

// Not after every form post: the root sends only the locale and its words (see revalidateMessages).
export const shouldRevalidate: ShouldRevalidateFunction = revalidateMessages;

/** zod 4 reads its global config from here (zod/v4/core: globalThis.__zod_globalConfig). */
const ZOD_JITLESS = "globalThis.__zod_globalConfig=Object.assign(globalThis.__zod_globalConfig||{},{jitless:true});";

function Document({ i18n, children }: { i18n: I18nData; children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang={i18n.locale}>
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
        <I18nProvider locale={i18n.locale} messages={i18n.messages}>
          {children}
        </I18nProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function SiteChrome({ children }: { children: ReactNode }) {
  const t = useT();
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
                <Link to="/laporan-warga">{t("nav.publicReports")}</Link>
              </li>
              <li>
                <Link to="/statistik">{t("nav.stats")}</Link>
              </li>
            </ul>
          </nav>
          <LanguageSwitch />
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

/**
 * The citizen chrome, or on a /staf address the staff frame. The staf layout draws that frame
 * itself (with the signed-in user's header); the root draws it, with the minimal header, only where
 * the layout did not: a staff address no route serves, and the error page.
 */
function Chrome({ children, staffLayoutDrawn }: { children: ReactNode; staffLayoutDrawn: boolean }) {
  const { pathname } = useLocation();
  if (!isStaffPath(pathname)) return <SiteChrome>{children}</SiteChrome>;
  if (staffLayoutDrawn) return <>{children}</>;
  return <StaffFrame header={<MinimalStaffHeader />}>{children}</StaffFrame>;
}

/**
 * The root's public messages plus those of any matched route that sends more (the staf layout),
 * as one catalogue. Loader data keeps its identity until its route reloads, so the merge is redone
 * only when such a route is entered, left or reloaded, not on every render.
 */
function useMatchedMessages(): Messages {
  const sources = useMatches()
    .map((match) => messagesOf(match.data))
    .filter((messages): messages is Messages => messages !== undefined);
  const memo = useRef<{ sources: Messages[]; merged: Messages } | null>(null);
  const previous = memo.current;
  if (previous && previous.sources.length === sources.length && previous.sources.every((messages, i) => messages === sources[i])) {
    return previous.merged;
  }
  const merged: Messages = Object.assign({}, ...sources);
  memo.current = { sources, merged };
  return merged;
}

export default function App() {
  const { locale } = useLoaderData<typeof loader>();
  const messages = useMatchedMessages();
  const staffLayoutDrawn = useMatches().some((match) => match.id === "routes/staf");
  return (
    <Document i18n={{ locale, messages }}>
      <Chrome staffLayoutDrawn={staffLayoutDrawn}>
        <Outlet />
      </Chrome>
    </Document>
  );
}

// An error page keeps the Retry-After a route's thrown response set (503 while the database is
// away: app/services/db-errors.server.ts), so clients and proxies know when to come back.
export const headers: HeadersFunction = ({ errorHeaders }): Record<string, string> => {
  const retryAfter = errorHeaders?.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter, "Cache-Control": "no-store" } : {};
};

function readEmbeddedI18n(): I18nData | null {
  const text = typeof document === "undefined" ? null : document.getElementById(ERROR_PAGE_I18N_ID)?.textContent;
  if (!text) return null;
  const parsed = JSON.parse(text) as { locale?: unknown };
  const messages = messagesOf(parsed);
  return isLocale(parsed.locale) && messages ? { locale: parsed.locale, messages } : null;
}

/**
 * The root's data when its loader ran. When it did not (an action threw on a document request: a
 * refused form post, the database down while filing a complaint), entry.server.tsx supplies the
 * visitor's public words, and the page carries them in a JSON block so the browser hydrates the
 * same text; `embed` says whether to write that block.
 */
function useErrorPageI18n(): { i18n: I18nData; embed: boolean } {
  const data = useRouteLoaderData<typeof loader>("root");
  const fromServer = useContext(ErrorPageI18nContext);
  const [embedded] = useState(() => (data ? null : readEmbeddedI18n()));
  if (data) return { i18n: { locale: data.locale, messages: data.messages as Messages }, embed: false };
  const fallback = fromServer ?? embedded;
  return fallback ? { i18n: fallback, embed: true } : { i18n: { locale: DEFAULT_LOCALE, messages: {} }, embed: false };
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { i18n, embed } = useErrorPageI18n();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message =
    status === 404 ? "error.notFound" : status === 403 ? "error.forbidden" : status === 503 ? "error.unavailable" : "error.generic";
  return (
    <Document i18n={i18n}>
      {embed ? (
        <script type="application/json" id={ERROR_PAGE_I18N_ID} dangerouslySetInnerHTML={{ __html: JSON.stringify(i18n).replace(/</g, "\\u003c") }} />
      ) : null}
      <Chrome staffLayoutDrawn={false}>
        <ErrorText message={message} />
      </Chrome>
    </Document>
  );
}

function ErrorText({ message }: { message: "error.notFound" | "error.forbidden" | "error.unavailable" | "error.generic" }) {
  const t = useT();
  const { pathname } = useLocation();
  return (
    <>
      <h1>{t("error.title")}</h1>
      <p>{t(message)}</p>
      <p>
        <Link to={isStaffPath(pathname) ? "/staf" : "/"}>{t("error.backHome")}</Link>
      </p>
    </>
  );
}
