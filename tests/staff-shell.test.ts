// The staff shell (issue #21, ADR 034) through the real routes: every /staf page wears the staff
// header (sections per role, live counts, the signed-in user, sign-out) and never the citizen one;
// the sign-in pages and a staff 404 wear the minimal staff header; the staff home's tiles and the
// header's badges show the counts of the workload module, which are the inbox views' own.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../prisma/seed/index";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import { loadStaffWorkload } from "~/domain/complaints/work-queues.server";
import type { StaffWorkload } from "~/domain/complaints/work-queue-views";
import { hashPassword } from "~/services/password.server";
import { createHoneypotFields } from "~/services/honeypot.server";
import { appSecret } from "~/services/secrets.server";
import { getStaffUser } from "~/services/session.server";
import { useTestServer } from "./e2e/support/browser";
import { readPage } from "./support/html";
import { clientAddresses, staffLogin } from "./support/staff-http";

process.env.TRUST_PROXY = "1";
const server = useTestServer();
const db = () => server.database.db;

const PASSWORD = "kata-sandi-shell-uji-2026";
const ROLES = ["OFFICER", "UNIT_HEAD", "COORDINATOR", "INSPECTORATE", "LIAISON", "ADMIN"] as const;
type DemoRole = (typeof ROLES)[number];
const account = (role: DemoRole) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const cookies = {} as Record<DemoRole, string>;
let disdukcapilId: string;
let dukcapilProductId: string;
let kecamatanCode: string;
let kelurahanCode: string;

const nextClientIp = clientAddresses("10.71");

const login = (email: string) => staffLogin(server.baseUrl, { email, password: PASSWORD, clientIp: nextClientIp() });

async function get(path: string, cookie?: string) {
  const response = await fetch(`${server.baseUrl}${path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  return { response, ...(await readPage(response)) };
}

beforeAll(async () => {
  await seedDemoAccounts(db(), { password: PASSWORD, mustChangePassword: false });
  disdukcapilId = (await db().serviceUnit.findUniqueOrThrow({ where: { code: "DISDUKCAPIL" } })).id;
  dukcapilProductId = (await db().serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } })).id;
  const kelurahan = await db().region.findFirstOrThrow({ where: { kind: "KELURAHAN" } });
  kelurahanCode = kelurahan.code;
  kecamatanCode = kelurahan.parentCode!;
  for (const role of ROLES) cookies[role] = await login(account(role).email);
});

let personCounter = 0;
async function fileComplaint(): Promise<string> {
  const n = ++personCounter;
  const fields: Record<string, string> = {
    productId: dukcapilProductId,
    description: "Antrean perekaman KTP-el tidak bergerak sejak pagi dan tidak ada petugas di loket.",
    incidentDate: "2026-11-02",
    kecamatanCode,
    kelurahanCode,
    address: "Jl. Contoh No. 3",
    chooser: "slow",
    name: `Warga Shell Nomor${n}Q`,
    email: `warga.shell${n}@example.test`,
    phone: `08127777${String(n).padStart(4, "0")}`,
    visibility: "PUBLIC",
    consent: "on",
    idempotencyKey: randomBytes(18).toString("base64url"),
    // A citizen who is shown similar open reports (ADR 038) answers "mine is different, continue".
    similarDecision: "different",
    ...createHoneypotFields(appSecret(), Date.now() - 10_000),
  };
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  const response = await fetch(`${server.baseUrl}/lapor`, { method: "POST", body: form, headers: { "x-forwarded-for": nextClientIp() } });
  const html = await response.text();
  expect(response.status).toBe(200);
  const code = html.match(/data-testid="tracking-code">([^<]+)</)![1]!;
  return (await db().complaint.findUniqueOrThrow({ where: { trackingCode: code } })).id;
}

async function bringToUnit(id: string) {
  for (const [action, actor] of [["VERIFY", "COORDINATOR"], ["ASSIGN", "SYSTEM"]] as const) {
    expect((await applyTransition(db(), { complaintId: id, action, actor, now: new Date() })).ok).toBe(true);
  }
}

/** The header's nav link of one section (its whole <a>…</a>), or null when the section is not there. */
const navLink = (html: string, section: string) => html.match(new RegExp(`<a [^>]*data-testid="staff-nav-${section}"[^>]*>[\\s\\S]*?</a>`))?.[0] ?? null;
/** The number a badge shows beside a nav link, or null when it shows none. */
const badge = (link: string | null, kind: string) => {
  const match = link?.match(new RegExp(`data-count="${kind}"[^>]*><span aria-hidden="true">(\\d+)</span>`));
  return match ? Number(match[1]) : null;
};
/** The staff home's tiles: queue → count. */
const tiles = (html: string) =>
  Object.fromEntries([...html.matchAll(/<a [^>]*data-testid="workload-(\w+)"[^>]*>/g)].map((m) => [m[1]!, Number(m[0].match(/data-count="(\d+)"/)![1])]));

const CITIZEN_LINKS = ['href="/lapor"', 'href="/lacak"', 'href="/statistik"', 'href="/staf/masuk"'];

describe("the staff header", () => {
  it("is on every staff page of a signed-in user, skip link first, with the user and sign-out; never the citizen links or footer", async () => {
    for (const path of ["/staf", "/staf/kotak-masuk", "/staf/ganti-sandi"]) {
      const { response, html } = await get(path, cookies.OFFICER);
      expect(response.status, path).toBe(200);
      expect(html).toContain('class="site-header staff-header"');
      expect(html).toContain("Lapor Pangkalpinang — Petugas");
      expect(html).toMatch(/data-testid="staff-user"><span class="visually-hidden">Masuk sebagai <\/span>Petugas Disdukcapil \(demo\)/);
      expect(html).toMatch(/<form [^>]*action="\/staf\/keluar"[^>]*>[\s\S]*?Keluar<\/button>/);
      expect(html).toContain('action="/bahasa"');
      for (const link of CITIZEN_LINKS) expect(html, `${path}: ${link}`).not.toContain(link);
      expect(html).not.toContain("Masuk petugas");
      expect(html).not.toContain("site-footer");
      const body = html.slice(html.indexOf("<body"));
      expect(body.indexOf('class="skip-link"')).toBeLessThan(body.indexOf("<header"));
      expect(body.indexOf("<header")).toBeLessThan(body.indexOf('<main id="main"'));
      // The header is outside <main>: a page's own buttons and forms stay the first in it.
      expect(body.slice(body.indexOf('<main id="main"'))).not.toContain("staff-header");
    }
  });

  it("lists the sections each role may open, every one of them opens, and marks the current page", async () => {
    // In the order of the header; what a role lacks is as much the point as what it has.
    const expected: Record<DemoRole, string[]> = {
      OFFICER: ["home", "inbox"],
      // A unit head reads the unit's reports and letters, and manages its reply templates (the admin menu).
      UNIT_HEAD: ["home", "inbox", "reports", "ombudsman", "admin"],
      COORDINATOR: ["home", "triage", "inbox", "compliance"],
      INSPECTORATE: ["home", "inbox", "reports", "compliance", "ombudsman", "admin"],
      LIAISON: ["home", "inbox", "reports", "compliance", "ombudsman"],
      // The administrator manages accounts and settings, not complaints: no inbox, no triage.
      ADMIN: ["home", "compliance", "ombudsman", "admin"],
    };
    for (const role of ROLES) {
      const { html } = await get("/staf", cookies[role]);
      const sections = [...html.matchAll(/data-testid="staff-nav-(\w+)"/g)].map((m) => m[1]);
      expect(sections, role).toEqual(expected[role]);
      expect(navLink(html, "home")).toContain('aria-current="page"');
      // A link in the header never leads to a refusal.
      const hrefs = [...html.matchAll(/<a [^>]*data-testid="staff-nav-\w+"[^>]*>/g)].map((m) => m[0].match(/href="([^"]+)"/)![1]!);
      for (const href of hrefs) {
        const page = await get(href, cookies[role]);
        expect(page.response.status, `${role} → ${href}`).toBe(200);
      }
    }
    const inbox = await get("/staf/kotak-masuk", cookies.OFFICER);
    expect(navLink(inbox.html, "inbox")).toContain('aria-current="page"');
    expect(navLink(inbox.html, "home")).not.toContain('aria-current="page"');
  });

  it("shows the counts of the workload module, in the header and on the staff home, and follows the data", async () => {
    const officer = await db().user.findUniqueOrThrow({ where: { email: account("OFFICER").email } });
    const liaisonUser = await db().user.findUniqueOrThrow({ where: { email: account("LIAISON").email } });
    const before = await get("/staf", cookies.COORDINATOR);
    const unverifiedBefore = tiles(before.html).unverified!;

    const [mine, unassigned, waiting] = [await fileComplaint(), await fileComplaint(), await fileComplaint()];
    await fileComplaint(); // stays in triage
    for (const id of [mine, unassigned, waiting]) await bringToUnit(id);
    await db().complaint.update({ where: { id: mine }, data: { assignedOfficerId: officer.id, nextDueAt: new Date(Date.now() - 3_600_000) } });
    await db().complaint.update({ where: { id: waiting }, data: { assignedOfficerId: officer.id, status: "AWAITING_CITIZEN" } });
    await db().ombudsmanMatter.create({
      data: {
        kind: "CLARIFICATION_REQUEST",
        reference: "0042/LM/XI/2026/PBB",
        unitId: disdukcapilId,
        receivedOn: new Date("2026-01-05T00:00:00Z"),
        dueOn: new Date("2026-01-19T00:00:00Z"),
        recordedById: liaisonUser.id,
      },
    });

    const coordinator = await get("/staf", cookies.COORDINATOR);
    expect(tiles(coordinator.html).unverified).toBe(unverifiedBefore + 1);
    expect(badge(navLink(coordinator.html, "triage"), "unverified")).toBe(unverifiedBefore + 1);
    expect(navLink(coordinator.html, "triage")).toContain(`, ${unverifiedBefore + 1} belum diverifikasi`);

    const officerHome = await get("/staf", cookies.OFFICER);
    expect(tiles(officerHome.html)).toMatchObject({ mine: 1, late: 1, waitingOnCitizen: 1 });
    expect(tiles(officerHome.html)).not.toHaveProperty("unassigned");
    expect(tiles(officerHome.html)).not.toHaveProperty("unverified");
    const officerInbox = navLink(officerHome.html, "inbox");
    expect([badge(officerInbox, "mine"), badge(officerInbox, "late"), badge(officerInbox, "unassigned")]).toEqual([1, 1, null]);
    expect(officerInbox).toContain(", 1 milik saya");
    expect(officerInbox).toContain(", 1 terlambat");
    expect(officerHome.html).toMatch(/<a [^>]*class="workload-tile workload-tile--alert"[^>]*data-testid="workload-late"/);

    const head = await get("/staf", cookies.UNIT_HEAD);
    expect(tiles(head.html)).toMatchObject({ unassigned: 1, late: 1 });
    expect(badge(navLink(head.html, "inbox"), "unassigned")).toBe(1);

    const liaison = await get("/staf", cookies.LIAISON);
    expect(tiles(liaison.html).lettersOverdue).toBe(1);
    expect(navLink(liaison.html, "ombudsman")).toContain(", 1 lewat tenggat");

    // Each tile links to its list, and every role's tiles are the workload module's counts, no more, no less.
    expect(officerHome.html).toMatch(/<a [^>]*href="\/staf\/kotak-masuk\?tampilan=saya"[^>]*data-testid="workload-mine"|data-testid="workload-mine"[^>]*href="\/staf\/kotak-masuk\?tampilan=saya"/);
    for (const role of ROLES) {
      const { html } = await get("/staf", cookies[role]);
      const user = await getStaffUser(db(), new Request("http://x/", { headers: { cookie: cookies[role] } }), new Date());
      const workload: StaffWorkload = await loadStaffWorkload(db(), user!, new Date());
      const shown = Object.fromEntries(Object.entries(workload).filter(([, count]) => count !== null));
      expect(tiles(html), role).toEqual(shown);
    }
  });

  it("counts nothing and opens no section while the password must be changed first", async () => {
    const email = "shell.sandi@uji.lapor-pangkalpinang.invalid";
    await db().user.create({
      data: { email, name: "Petugas Sandi Baru", passwordHash: await hashPassword(PASSWORD), mustChangePassword: true, memberships: { create: { unitId: disdukcapilId, role: "UNIT_HEAD" } } },
    });
    const page = await get("/staf/ganti-sandi", await login(email));
    expect(page.response.status).toBe(200);
    expect(page.html).toContain("Petugas Sandi Baru");
    expect(page.html).toContain('action="/staf/keluar"');
    expect(page.html).not.toContain("staff-nav");
    expect(page.html).not.toContain("staff-count");
  });
});

describe("the minimal staff header", () => {
  it("is on the sign-in pages: brand and language, no citizen links, no staff sections", async () => {
    for (const path of ["/staf/masuk", "/staf/lupa-sandi", `/staf/atur-sandi/${"x".repeat(43)}`]) {
      const { response, html } = await get(path);
      expect(response.status, path).toBe(200);
      expect(html).toContain('class="site-header staff-header"');
      expect(html).toContain("Lapor Pangkalpinang — Petugas");
      expect(html).toContain('action="/bahasa"');
      const header = html.slice(html.indexOf("<header"), html.indexOf("</header>"));
      for (const link of CITIZEN_LINKS) expect(header, `${path}: ${link}`).not.toContain(link);
      expect(html).not.toContain("site-footer");
      expect(html).not.toContain("staff-nav");
      expect(html).not.toContain('action="/staf/keluar"');
      expect(html.indexOf('class="skip-link"')).toBeLessThan(html.indexOf("<header"));
    }
  });

  it("frames a staff address nobody serves and a refused staff page, with the way back to the staff home; citizen pages keep the citizen header", async () => {
    const missing = await get("/staf/tidak-ada-halaman-ini", cookies.OFFICER);
    expect(missing.response.status).toBe(404);
    expect(missing.html).toContain('class="site-header staff-header"');
    for (const link of CITIZEN_LINKS) expect(missing.html).not.toContain(link);
    expect(missing.html).toMatch(/<a [^>]*href="\/staf"[^>]*>Kembali ke beranda<\/a>/);

    // A refusal inside the staff layout reaches the root's error page: the staff frame there too.
    const refused = await get("/staf/triase", cookies.OFFICER);
    expect(refused.response.status).toBe(403);
    expect(refused.html).toContain('class="site-header staff-header"');
    for (const link of CITIZEN_LINKS) expect(refused.html).not.toContain(link);

    const home = await get("/", cookies.OFFICER);
    expect(home.response.status).toBe(200);
    expect(home.html).not.toContain("staff-header");
    for (const link of CITIZEN_LINKS) expect(home.html).toContain(link);
    expect(home.html).toContain("Masuk petugas");
  });
});
