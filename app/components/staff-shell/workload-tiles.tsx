// The staff home's dashboard: one tile per queue the user's roles have, the count big and the tile
// a link to the list that holds exactly those complaints. An empty queue reads 0 in the calm style;
// only a late complaint or an overdue letter is emphasised.
import { Link } from "@remix-run/react";
import { workloadHref, type StaffWorkload } from "~/domain/complaints/work-queue-views";
import { useT, type MessageKey } from "~/services/i18n";

/** Triage first, then the officer's own work, then what waits on others. */
const TILE_ORDER = ["unverified", "mine", "unassigned", "late", "dueToday", "waitingOnCitizen", "appealsAwaiting", "lettersOverdue"] as const satisfies readonly (keyof StaffWorkload)[];

const ALERT_TILES: readonly (keyof StaffWorkload)[] = ["late", "lettersOverdue"];

export function WorkloadTiles({ workload }: { workload: StaffWorkload }) {
  const t = useT();
  const tiles = TILE_ORDER.flatMap((key) => {
    const count = workload[key];
    return count === null ? [] : [{ key, count }];
  });
  if (tiles.length === 0) return <p>{t("staff.home.workloadNone")}</p>;
  return (
    <ul className="workload-tiles" data-testid="workload-tiles">
      {tiles.map(({ key, count }) => {
        const alert = count > 0 && ALERT_TILES.includes(key);
        const tone = alert ? " workload-tile--alert" : count === 0 ? " workload-tile--empty" : "";
        return (
          <li key={key}>
            <Link to={workloadHref(key)} className={`workload-tile${tone}`} data-testid={`workload-${key}`} data-count={count}>
              <span className="workload-tile__count">{count}</span>
              <span className="workload-tile__label">{t(`staff.home.tile.${key}` as MessageKey)}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
