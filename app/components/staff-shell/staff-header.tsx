// The header of a signed-in staff user: brand, who is signed in, language, sign-out, and the
// sections their roles open, each with the counts of its queue. At phone width the sections fold
// into a <details> "Menu" (works without JavaScript); from 64em it is always open (app.css).
import { Form, Link, NavLink } from "@remix-run/react";
import type { StaffWorkload } from "~/domain/complaints/work-queue-views";
import { useT, type MessageKey } from "~/services/i18n";
import { LanguageSwitch } from "./language-switch";
import type { StaffShell } from "./types";

type CountKind = "unverified" | "mine" | "unassigned" | "late" | "lettersOverdue";

/** Counts that mean something is past its deadline. */
const ALERT_COUNTS: readonly CountKind[] = ["late", "lettersOverdue"];

interface NavItem {
  id: string;
  to: string;
  label: MessageKey;
  counts?: readonly CountKind[];
}

function navItems(shell: StaffShell): NavItem[] {
  const { sections } = shell;
  const items: (NavItem | false)[] = [
    { id: "home", to: "/staf", label: "staff.shell.home" },
    sections.triage && { id: "triage", to: "/staf/triase", label: "staff.shell.triage", counts: ["unverified"] },
    sections.inbox && { id: "inbox", to: "/staf/kotak-masuk", label: "staff.shell.inbox", counts: ["mine", "unassigned", "late"] },
    // The complaint desk (/staf/meja, "Meja pengaduan") goes here once that route exists.
    sections.reports && { id: "reports", to: "/staf/laporan", label: "staff.shell.reports" },
    sections.compliance && { id: "compliance", to: "/staf/kepatuhan", label: "staff.shell.compliance" },
    sections.ombudsman && { id: "ombudsman", to: "/staf/ombudsman", label: "staff.shell.ombudsman", counts: ["lettersOverdue"] },
    sections.admin && { id: "admin", to: "/staf/admin", label: "staff.shell.admin" },
  ];
  return items.filter((item): item is NavItem => item !== false);
}

/**
 * A queue's count beside its link: the number to the eye, the whole phrase to the ear, so the link
 * reads "Kotak masuk, 3 milik saya, 1 terlambat". An empty queue adds nothing: the header stays
 * quiet, and the staff home shows the zeros.
 */
function CountBadge({ kind, workload }: { kind: CountKind; workload: StaffWorkload | null }) {
  const t = useT();
  const count = workload?.[kind];
  if (!count) return null;
  const phrase = t(`staff.shell.count.${kind}` as MessageKey, { count });
  return (
    <span className={ALERT_COUNTS.includes(kind) ? "staff-count staff-count--alert" : "staff-count"} data-count={kind} title={phrase}>
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">{`, ${phrase}`}</span>
    </span>
  );
}

export function StaffHeader({ shell }: { shell: StaffShell }) {
  const t = useT();
  const items = navItems(shell);
  return (
    <header className="site-header staff-header">
      <div className="staff-header__inner">
        <div className="staff-header__bar">
          <Link to="/staf" className="brand">
            {t("nav.staffBrand")}
          </Link>
          <div className="staff-header__user">
            <span className="staff-header__name" data-testid="staff-user">
              <span className="visually-hidden">{`${t("staff.shell.signedInAs")} `}</span>
              {shell.name}
            </span>
            <LanguageSwitch />
            <Form method="post" action="/staf/keluar" className="staff-header__signout" reloadDocument>
              <button type="submit">{t("staff.logout")}</button>
            </Form>
          </div>
        </div>
        {/* Only the home link: a user whose password must change first has nowhere else to go. */}
        {items.length > 1 ? (
          <details className="staff-menu">
            <summary>{t("staff.shell.menu")}</summary>
            <nav className="staff-nav" aria-label={t("staff.shell.navLabel")}>
              <ul>
                {items.map((item) => (
                  <li key={item.id}>
                    <NavLink to={item.to} end={item.id === "home"} data-testid={`staff-nav-${item.id}`}>
                      <span className="staff-nav__label">{t(item.label)}</span>
                      {item.counts?.map((kind) => <CountBadge key={kind} kind={kind} workload={shell.workload} />)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          </details>
        ) : null}
      </div>
    </header>
  );
}
