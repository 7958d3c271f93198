import { Link } from "@remix-run/react";
import type { WorkQueueView } from "~/domain/complaints/work-queue-views";
import { useT, type MessageKey } from "~/services/i18n";

export interface InboxViewLinkProps {
  view: WorkQueueView | null;
  count: number;
}

export const viewLabelKey = (view: WorkQueueView | null): MessageKey => (view ? (`inbox.view.${view}` as MessageKey) : "inbox.view.all");

/**
 * The saved views as tabs: plain links (a view is a URL, so it can be bookmarked and works without
 * JavaScript), each with its count, the active one marked with aria-current.
 */
export function InboxViews({ views, active }: { views: InboxViewLinkProps[]; active: WorkQueueView | null }) {
  const t = useT();
  return (
    <nav className="queue-views" aria-label={t("inbox.views.label")} data-testid="queue-views">
      <ul>
        {views.map(({ view, count }) => (
          <li key={view ?? "all"}>
            <Link
              to={view ? `?tampilan=${view}` : "/staf/kotak-masuk"}
              aria-current={view === active ? "page" : undefined}
              data-testid={`queue-view-${view ?? "semua"}`}
              className={view === "terlambat" && count > 0 ? "queue-views__link queue-views__link--alert" : "queue-views__link"}
            >
              {t(viewLabelKey(view))}
              <span className="visually-hidden">: </span>
              <span className="queue-views__count">{count}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
