import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Link, isRouteErrorResponse, useLoaderData, useOutlet, useRouteError, useSearchParams } from "@remix-run/react";
import { requireTriageUser } from "~/domain/complaints/triage-actions.server";
import { decodeTriageCursor, listTriageQueue } from "~/models/triage.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { formatWib } from "~/services/format";
import { useLocale, useT, type MessageKey } from "~/services/i18n";
import { pageTitle } from "~/services/meta";

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export const meta: MetaFunction = (args) => pageTitle(args, "triage.queue.title");

const QUEUE_PATH = "/staf/triase";

// Flat routes make /staf/triase/:id a child of this route: it renders the child alone, and reads the
// queue only for the queue's own URL.
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  currentUrl.pathname !== nextUrl.pathname || defaultShouldRevalidate;

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const now = appNow();
  await requireTriageUser(db, request, now);
  const url = new URL(request.url);
  if (url.pathname.replace(/\/+$/, "") !== QUEUE_PATH) return null;
  const after = decodeTriageCursor(url.searchParams.get("setelah"));
  const page = await listTriageQueue(db, { after, now });
  return { ...page, paged: after !== null };
}

export default function TriageDesk() {
  const outlet = useOutlet();
  const data = useLoaderData<typeof loader>();
  if (outlet || !data) return outlet;
  return <TriageQueue {...data} />;
}

type QueueData = NonNullable<Awaited<ReturnType<typeof loader>>>;

function TriageQueue({ items, next, total, paged }: QueueData) {
  const t = useT();
  const locale = useLocale();
  const [params] = useSearchParams();
  return (
    <>
      <h1>{t("triage.queue.title")}</h1>
      {/* After "verify and open the next" verified the last one waiting. */}
      {params.get("selesai") === "verify-last" ? (
        <p className="notice notice--ok" role="status">
          {t("triage.done.verifyLast")}
        </p>
      ) : null}
      <p className="lead">{t("triage.queue.lead")}</p>
      <p data-testid="triage-count">{t("triage.queue.count", { count: total })}</p>
      {items.length === 0 ? (
        <p className="notice">{t("triage.queue.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="triage-queue" data-testid="triage-queue">
            <caption>{t("triage.queue.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("triage.queue.code")}</th>
                <th scope="col">{t("triage.queue.deadline")}</th>
                <th scope="col">{t("triage.queue.status")}</th>
                <th scope="col">{t("triage.queue.priority")}</th>
                <th scope="col">{t("triage.queue.service")}</th>
                <th scope="col">{t("triage.queue.form")}</th>
                <th scope="col">{t("triage.queue.attachments")}</th>
                <th scope="col">{t("triage.col.support")}</th>
                <th scope="col">{t("triage.queue.summary")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} data-testid="triage-row" data-code={item.trackingCode} className={item.overdue ? "triage-queue__row--overdue" : undefined}>
                  <th scope="row">
                    <Link to={`/staf/triase/${item.id}`}>
                      <code>{item.trackingCode}</code>
                    </Link>
                  </th>
                  <td>
                    {item.verificationDueAt ? (
                      <>
                        <time dateTime={item.verificationDueAt}>{formatWib(item.verificationDueAt, locale)}</time>
                        {item.overdue ? (
                          <>
                            {" "}
                            <strong className="badge badge--overdue" data-testid="overdue">
                              {t("triage.queue.overdue")}
                            </strong>
                          </>
                        ) : null}
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td>{t(`triage.status.${item.status}` as MessageKey)}</td>
                  <td data-testid="triage-priority" className={`priority priority--${item.priority}`}>
                    {t(`adminSla.priority.${item.priority}` as MessageKey)}
                  </td>
                  <td>
                    {item.productName ? (
                      <>
                        {locale === "en" ? item.productNameEn : item.productName}
                        {item.unitName ? <span className="triage-queue__unit"> · {item.unitName}</span> : null}
                      </>
                    ) : (
                      (item.unitName ?? <em>{t("triage.unitUnknown")}</em>)
                    )}
                  </td>
                  <td>{item.maladministration ? (locale === "en" ? item.maladministration.nameEn : item.maladministration.nameId) : t("triage.formUnknown")}</td>
                  <td>{item.attachmentCount}</td>
                  <td data-testid="triage-support">{item.supportCount}</td>
                  <td className="triage-queue__summary">{item.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next || paged ? (
        <nav aria-label={t("triage.queue.pages")} className="actions">
          {paged ? <Link to="/staf/triase">{t("triage.queue.first")}</Link> : null}
          {next ? (
            <Link to={`/staf/triase?setelah=${encodeURIComponent(next)}`} rel="next" data-testid="triage-next">
              {t("triage.queue.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

/** A signed-in staff member without the coordinator's permission gets a 403 with a way back. */
export function ErrorBoundary() {
  const t = useT();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 403) {
    return (
      <>
        <h1>{t("triage.forbidden.title")}</h1>
        <p>{t("triage.forbidden.body")}</p>
        <p>
          <Link to="/staf">{t("triage.forbidden.back")}</Link>
        </p>
      </>
    );
  }
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <>
      <h1>{t("error.title")}</h1>
      <p>{t(notFound ? "error.notFound" : "error.generic")}</p>
      <p>
        <Link to="/staf/triase">{t("triage.detail.back")}</Link>
      </p>
    </>
  );
}
