// The frame of every /staf page: skip link, a staff header, the page. Never the citizen header or
// footer (their "Buat pengaduan", "Masuk petugas" mean nothing to someone at work). The root draws
// this frame with the minimal header where the staf layout has not drawn it (a staff 404, an error
// page), so it may only use public keys (app/services/i18n-areas.ts).
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/services/i18n";
import { LanguageSwitch } from "./language-switch";

export const isStaffPath = (pathname: string) => pathname === "/staf" || pathname.startsWith("/staf/");

export function StaffFrame({ header, children }: { header: ReactNode; children: ReactNode }) {
  const t = useT();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skipToContent")}
      </a>
      {header}
      <main id="main" className="site-main staff-main">
        {children}
      </main>
    </>
  );
}

/** Brand and language only: the sign-in pages, and staff pages drawn without the layout's data. */
export function MinimalStaffHeader() {
  const t = useT();
  return (
    <header className="site-header staff-header">
      <div className="staff-header__inner">
        <div className="staff-header__bar">
          <Link to="/staf" className="brand">
            {t("nav.staffBrand")}
          </Link>
          <div className="staff-header__user">
            <LanguageSwitch />
          </div>
        </div>
      </div>
    </header>
  );
}
