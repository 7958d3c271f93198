// Which catalogue keys each part of the site sends to the browser. The catalogues
// (app/locales/*.json) stay whole on the server; a page receives, through loader data, only the
// keys of its area in the visitor's language, so neither the other language nor staff wording
// ships to a citizen's phone (docs/decisions/018-i18n-per-locale-catalogue.md).
//
// An entry is a namespace ("form") or a deeper key prefix ("triage.track"): it covers the key of
// that name and every key below it. Keep this list in step with what the pages render: with
// LAPOR_STRICT_I18N=1 (the test servers) a page asking for a key its area lacks fails, and
// app/services/i18n-areas.test.ts checks the literal keys in route and component files.
//
// In no area, and so never in the browser: `email` (message bodies, sent by the workers),
// `stage` and `role` (the words inside those emails), `open311` (the Open311 API's texts, answered
// as XML/JSON by the server).

export const I18N_AREAS = {
  // The site chrome and error pages (root), and the citizen pages: home, /lapor, /lacak,
  // /lacak/:code, /statistik, the 404 page. The root loader sends this on every page.
  public: [
    "app",
    "nav",
    "lang",
    "footer",
    "error",
    "home",
    "form",
    "receipt",
    "track",
    "status",
    "event",
    "stats",
    // The tracking page's rejection panel shares its wording with the staff triage desk.
    "triage.track",
    "triage.referral",
    // /statistik shares its headings and the period filter with the staff reports.
    "report.periodAdjusted",
    "report.summary",
    "report.kpi",
    "report.col.unit",
    "report.filters",
    "report.filter",
    // Issue #14: where it happened, the public reports, dukung, similar reports while filing.
    "location",
    "publicReport",
    "support",
    "similar",
  ],
  // Every /staf page, sent by the staf.tsx layout on top of the public area.
  staff: ["staff", "triage", "inbox", "compliance", "admin", "adminSla", "templates", "report", "ombudsman", "assessment", "open311Admin"],
  // /dev/mailbox, a development page outside /staf.
  devMailbox: ["devMailbox"],
} as const satisfies Record<string, readonly string[]>;

export type I18nArea = keyof typeof I18N_AREAS;

export function keyInArea(key: string, area: I18nArea): boolean {
  return I18N_AREAS[area].some((prefix) => key === prefix || key.startsWith(`${prefix}.`));
}
