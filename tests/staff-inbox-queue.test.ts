// The inbox as a work queue (issue #21) through the real routes, without JavaScript: the saved
// views list what their counts say, the unit head assigns several complaints in one plain form
// post, an officer may not, the one-line summaries never carry the complainant's identity, the
// filters behind the disclosure still filter, and the first row is the first stop after the views.
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../prisma/seed/index";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import { endOfJakartaDay, WORK_QUEUE_VIEWS, type WorkQueueView } from "~/domain/complaints/work-queue-views";
import { loadStaffWorkload } from "~/domain/complaints/work-queues.server";
import { getStaffUser } from "~/services/session.server";
import { useTestServer } from "./e2e/support/browser";
import { fileComplaintAt } from "./support/complaint-form";
import { readPage } from "./support/html";
import { clientAddresses, staffLogin } from "./support/staff-http";

process.env.TRUST_PROXY = "1";
const server = useTestServer();
const db = () => server.database.db;

const PASSWORD = "kata-sandi-antrian-uji-2026";
const ROLES = ["OFFICER", "UNIT_HEAD", "COORDINATOR", "INSPECTORATE", "LIAISON", "ADMIN"] as const;
type Role = (typeof ROLES)[number];
const account = (role: Role) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const cookies = {} as Record<Role, string>;
const users = {} as Record<Role, { id: string }>;
let dukcapilProductId: string;
let dinkesProductId: string;

const nextClientIp = clientAddresses("10.67");

const login = (email: string) => staffLogin(server.baseUrl, { email, password: PASSWORD, clientIp: nextClientIp() });

beforeAll(async () => {
  await seedDemoAccounts(db(), { password: PASSWORD, mustChangePassword: false });
  dukcapilProductId = (await db().serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } })).id;
  const dinkes = await db().serviceUnit.findUniqueOrThrow({ where: { code: "DINKES" } });
  dinkesProductId = (await db().serviceProduct.findFirstOrThrow({ where: { unitId: dinkes.id } })).id;
  for (const role of ROLES) {
    cookies[role] = await login(account(role).email);
    users[role] = await db().user.findUniqueOrThrow({ where: { email: account(role).email }, select: { id: true } });
  }
});

let personCounter = 0;
/** A complaint filed, verified and routed to its unit (status ASSIGNED). */
async function complaintAtUnit({ productId = dukcapilProductId, visibility = "PUBLIC" as "PUBLIC" | "ANONIM" | "RAHASIA", description }: { productId?: string; visibility?: "PUBLIC" | "ANONIM" | "RAHASIA"; description?: string } = {}) {
  const n = ++personCounter;
  const identity = { name: `Warga Antrian${n}Zq Purnamasari`, email: `antrian.${n}.uji@example.test`, phone: `08127777${String(n).padStart(4, "0")}` };
  const id = await fileComplaintAt(db(), new Date(), {
    productId,
    visibility,
    ...identity,
    description: description ?? `Pengaduan antrian ke-${n}: KTP-el belum jadi padahal sudah lewat waktu yang dijanjikan petugas.`,
  });
  for (const [action, actor] of [["VERIFY", "COORDINATOR"], ["ASSIGN", "SYSTEM"]] as const) {
    const outcome = await applyTransition(db(), { complaintId: id, action, actor, now: new Date() });
    expect(outcome.ok).toBe(true);
  }
  const { trackingCode } = await db().complaint.findUniqueOrThrow({ where: { id }, select: { trackingCode: true } });
  return { id, code: trackingCode, identity };
}

async function get(path: string, cookie: string) {
  const response = await fetch(`${server.baseUrl}${path}`, { headers: { cookie }, redirect: "manual" });
  return { response, ...(await readPage(response)) };
}

/** A plain form post, as a browser without JavaScript sends it (ids repeated, one per ticked box). */
async function post(path: string, cookie: string, fields: [string, string][]) {
  const response = await fetch(`${server.baseUrl}${path}`, { method: "POST", body: new URLSearchParams(fields), headers: { cookie }, redirect: "manual" });
  return { response, ...(await readPage(response)), location: response.headers.get("location") };
}

const rowIds = (html: string) => [...html.matchAll(/data-testid="inbox-row" data-id="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
const nextHref = (html: string) =>
  html.match(/<a [^>]*data-testid="inbox-next"[^>]*>/)?.[0].match(/href="([^"]+)"/)?.[1]?.replace(/&amp;/g, "&") ?? null;

async function allIds(cookie: string, query = "") {
  const ids: string[] = [];
  let href: string | null = `/staf/kotak-masuk${query}`;
  for (let pages = 0; href; pages++) {
    if (pages > 50) throw new Error("paging does not end");
    const { response, html } = await get(href.startsWith("?") ? `/staf/kotak-masuk${href}` : href, cookie);
    expect(response.status, href).toBe(200);
    ids.push(...rowIds(html));
    href = nextHref(html);
  }
  return ids;
}

/** The count each view's tab shows. */
function viewCounts(html: string): Partial<Record<WorkQueueView | "semua", number>> {
  const nav = html.match(/<nav [^>]*data-testid="queue-views"[\s\S]*?<\/nav>/)?.[0] ?? "";
  return Object.fromEntries(
    [...nav.matchAll(/data-testid="queue-view-([a-z-]+)"[\s\S]*?class="queue-views__count">(\d+)</g)].map((m) => [m[1]!, Number(m[2])]),
  );
}

async function userOf(role: Role) {
  return (await getStaffUser(db(), new Request("http://x/", { headers: { cookie: cookies[role] } }), new Date()))!;
}

describe("saved views", () => {
  it("list exactly the rows their counts say, for every role, and the workload counts agree", async () => {
    const now = Date.now();
    const endOfToday = endOfJakartaDay(new Date(now)).getTime();
    const mine = await complaintAtUnit();
    const lateMine = await complaintAtUnit();
    const unassignedLate = await complaintAtUnit();
    const dueToday = await complaintAtUnit();
    const dueTomorrow = await complaintAtUnit();
    const waiting = await complaintAtUnit();
    const resolved = await complaintAtUnit();
    const dinkes = await complaintAtUnit({ productId: dinkesProductId });
    const officer = users.OFFICER.id;
    await db().complaint.update({ where: { id: mine.id }, data: { assignedOfficerId: officer, status: "IN_PROGRESS", nextDueAt: new Date(endOfToday + 3 * 86_400_000) } });
    await db().complaint.update({ where: { id: lateMine.id }, data: { assignedOfficerId: officer, status: "IN_PROGRESS", nextDueAt: new Date(now - 3_600_000) } });
    await db().complaint.update({ where: { id: unassignedLate.id }, data: { nextDueAt: new Date(now - 7_200_000) } });
    await db().complaint.update({ where: { id: dueToday.id }, data: { nextDueAt: new Date(now + Math.max(60_000, (endOfToday - now) / 2)) } });
    await db().complaint.update({ where: { id: dueTomorrow.id }, data: { nextDueAt: new Date(endOfToday + 3_600_000) } });
    await db().complaint.update({ where: { id: waiting.id }, data: { assignedOfficerId: officer, status: "AWAITING_CITIZEN", nextDueAt: new Date(now - 60_000) } });
    await db().complaint.update({ where: { id: resolved.id }, data: { assignedOfficerId: officer, status: "RESOLVED", nextDueAt: new Date(now - 60_000) } });
    await db().complaint.update({ where: { id: dinkes.id }, data: { nextDueAt: new Date(now - 60_000) } });

    // The officer's own views hold what the definitions say.
    expect(await allIds(cookies.OFFICER, "?tampilan=saya")).toEqual([lateMine.id, mine.id]);
    const late = await allIds(cookies.OFFICER, "?tampilan=terlambat");
    expect(late).toEqual(expect.arrayContaining([lateMine.id, unassignedLate.id]));
    expect(late).not.toContain(waiting.id); // the citizen's turn is not the unit's lateness
    expect(late).not.toContain(resolved.id);
    expect(late).not.toContain(dinkes.id); // another unit
    const today = await allIds(cookies.OFFICER, "?tampilan=jatuh-tempo-hari-ini");
    expect(today).toContain(dueToday.id);
    expect(today).not.toContain(dueTomorrow.id);
    expect(today).not.toContain(lateMine.id);
    expect(await allIds(cookies.OFFICER, "?tampilan=menunggu-warga")).toEqual(expect.arrayContaining([waiting.id, resolved.id]));
    const unassigned = await allIds(cookies.UNIT_HEAD, "?tampilan=belum-ditugaskan");
    expect(unassigned).toEqual(expect.arrayContaining([unassignedLate.id, dueToday.id, dueTomorrow.id]));
    expect(unassigned).not.toContain(mine.id);

    for (const role of ["OFFICER", "UNIT_HEAD", "COORDINATOR", "INSPECTORATE", "LIAISON"] as const) {
      const page = await get("/staf/kotak-masuk", cookies[role]);
      expect(page.response.status, role).toBe(200);
      const counts = viewCounts(page.html);
      // Each tab's count is the number of rows its link lists, over every page.
      for (const [view, count] of Object.entries(counts)) {
        const ids = await allIds(cookies[role], view === "semua" ? "" : `?tampilan=${view}`);
        expect(ids.length, `${role} ${view}`).toBe(count);
      }
      const workload = await loadStaffWorkload(db(), await userOf(role), new Date());
      const byView = { saya: workload.mine, "belum-ditugaskan": workload.unassigned, terlambat: workload.late, "jatuh-tempo-hari-ini": workload.dueToday, "menunggu-warga": workload.waitingOnCitizen };
      for (const view of WORK_QUEUE_VIEWS) expect(counts[view] ?? null, `${role} ${view}`).toBe(byView[view]);
    }
    // Who has which view: "mine" for unit staff, "unassigned" for those who may assign.
    expect(Object.keys(viewCounts((await get("/staf/kotak-masuk", cookies.OFFICER)).html))).toEqual(["semua", "saya", "terlambat", "jatuh-tempo-hari-ini", "menunggu-warga"]);
    expect(Object.keys(viewCounts((await get("/staf/kotak-masuk", cookies.UNIT_HEAD)).html))).toContain("belum-ditugaskan");
    expect(Object.keys(viewCounts((await get("/staf/kotak-masuk", cookies.COORDINATOR)).html))).toEqual(["semua", "belum-ditugaskan", "terlambat", "jatuh-tempo-hari-ini", "menunggu-warga"]);
    expect((await get("/staf/kotak-masuk", cookies.ADMIN)).response.status).toBe(403);
    // The active view is marked for assistive technology.
    expect((await get("/staf/kotak-masuk?tampilan=terlambat", cookies.OFFICER)).html).toMatch(/<a aria-current="page" data-testid="queue-view-terlambat"/);
  });

  it("shows each row's summary, priority, officer and a short time left; the first row is the first stop after the views", async () => {
    const urgent = await complaintAtUnit({ description: "Blangko KTP-el habis sejak bulan lalu,   petugas menyuruh kembali minggu depan tanpa kepastian apa pun." });
    await db().complaint.update({ where: { id: urgent.id }, data: { priority: "URGENT", assignedOfficerId: users.OFFICER.id, nextDueAt: new Date(Date.now() - 1) } });
    const { html } = await get("/staf/kotak-masuk?tampilan=terlambat", cookies.UNIT_HEAD);
    expect(rowIds(html)).toContain(urgent.id);
    const row = html.slice(html.indexOf(`data-id="${urgent.id}"`)).split("</tr>")[0]!;
    expect(row).toContain("Blangko KTP-el habis sejak bulan lalu, petugas menyuruh");
    expect(row).toContain("Mendesak");
    expect(row).toContain(account("OFFICER").name);
    expect(row).toContain("Terlambat");
    const en = await get("/staf/kotak-masuk?tampilan=terlambat&lang=en", cookies.UNIT_HEAD);
    expect(en.html.slice(en.html.indexOf(`data-id="${urgent.id}"`)).split("</tr>")[0]).toContain("Urgent");

    // Keyboard: after the views, the first thing to focus is the first row's link.
    const afterViews = html.slice(html.indexOf("</nav>", html.indexOf('data-testid="queue-views"')));
    const firstStop = afterViews.match(/<(a|button|input|select|textarea|summary)\b[^>]*>/)![0];
    expect(firstStop).toContain(`href="/staf/pengaduan/${rowIds(html)[0]}"`);
    // The filters and the code search come after the list.
    expect(html.indexOf('data-testid="inbox-filters"')).toBeGreaterThan(html.indexOf('data-testid="inbox"'));
    expect(html.indexOf('id="search-code"')).toBeGreaterThan(html.indexOf('data-testid="inbox"'));
  });
});

describe("bulk actions", () => {
  it("lets the unit head assign 5 of 12 complaints to an officer in one plain form post", async () => {
    const twelve = [];
    for (let i = 0; i < 12; i++) twelve.push(await complaintAtUnit());
    const other = await complaintAtUnit({ productId: dinkesProductId });
    const page = await get("/staf/kotak-masuk?tampilan=belum-ditugaskan", cookies.UNIT_HEAD);
    expect(page.html).toContain('data-testid="bulk-bar"');
    for (const c of twelve) expect(page.html).toContain(`aria-label="Pilih ${c.code}"`);
    expect(page.html).toMatch(/<option value="[0-9a-f-]{36}">Petugas Disdukcapil \(demo\)<\/option>/);

    const chosen = twelve.slice(0, 5);
    // One id of another unit's complaint slipped in (a forged post): refused, and not named.
    const fields: [string, string][] = [...chosen.map((c): [string, string] => ["ids", c.id]), ["ids", other.id], ["officerId", users.OFFICER.id], ["intent", "bulk-assign"]];
    const done = await post("/staf/kotak-masuk?tampilan=belum-ditugaskan", cookies.UNIT_HEAD, fields);
    expect(done.response.status).toBe(302);
    const location = new URL(done.location!, server.baseUrl);
    expect(location.pathname).toBe("/staf/kotak-masuk");
    expect(location.searchParams.get("tampilan")).toBe("belum-ditugaskan");
    expect(location.searchParams.get("berhasil")!.split(",").sort()).toEqual(chosen.map((c) => c.code).sort());

    const rows = await db().complaint.findMany({ where: { id: { in: twelve.map((c) => c.id) } }, select: { id: true, assignedOfficerId: true } });
    for (const row of rows) expect(row.assignedOfficerId, row.id).toBe(chosen.some((c) => c.id === row.id) ? users.OFFICER.id : null);
    const note = await db().complaintEvent.findFirstOrThrow({ where: { complaintId: chosen[0]!.id, type: "NOTE" } });
    expect(note).toMatchObject({ actorUserId: users.UNIT_HEAD.id, payload: { assignedOfficerId: users.OFFICER.id } });
    expect((await db().complaint.findUniqueOrThrow({ where: { id: other.id } })).assignedOfficerId).toBeNull();

    const after = await get(`${location.pathname}${location.search}`, cookies.UNIT_HEAD);
    const notice = after.html.match(/<div [^>]*data-testid="bulk-notice"[\s\S]*?<\/div>/)![0];
    expect(notice).toContain('role="status"');
    expect(notice).toContain("5 pengaduan ditugaskan.");
    expect(notice).toContain("1 tidak dapat diproses:");
    expect(notice).not.toContain(other.code);
    // The five left the unassigned view, the seven others are still in it.
    const still = await allIds(cookies.UNIT_HEAD, "?tampilan=belum-ditugaskan");
    for (const c of chosen) expect(still).not.toContain(c.id);
    for (const c of twelve.slice(5)) expect(still).toContain(c.id);
    expect(await allIds(cookies.OFFICER, "?tampilan=saya")).toEqual(expect.arrayContaining(chosen.map((c) => c.id)));

    // Nothing ticked: the page says so (400), nothing changes.
    const none = await post("/staf/kotak-masuk", cookies.UNIT_HEAD, [["officerId", users.OFFICER.id], ["intent", "bulk-assign"]]);
    expect(none.response.status).toBe(400);
  });

  it("refuses an officer's bulk assign wholesale; an officer's bulk acknowledge takes the complaints", async () => {
    const a = await complaintAtUnit();
    const b = await complaintAtUnit();
    const officerPage = await get("/staf/kotak-masuk", cookies.OFFICER);
    expect(officerPage.html).not.toContain('value="bulk-assign"');
    expect(officerPage.html).toContain('value="bulk-acknowledge"');
    const refused = await post("/staf/kotak-masuk", cookies.OFFICER, [["ids", a.id], ["officerId", users.OFFICER.id], ["intent", "bulk-assign"]]);
    expect(refused.response.status).toBe(403);
    expect((await db().complaint.findUniqueOrThrow({ where: { id: a.id } })).assignedOfficerId).toBeNull();
    for (const role of ["INSPECTORATE", "LIAISON", "ADMIN"] as const) {
      expect((await post("/staf/kotak-masuk", cookies[role], [["ids", a.id], ["officerId", users.OFFICER.id], ["intent", "bulk-assign"]])).response.status, role).toBe(403);
    }
    // The coordinator may assign but does not acknowledge for a unit.
    expect((await post("/staf/kotak-masuk", cookies.COORDINATOR, [["ids", a.id], ["intent", "bulk-acknowledge"]])).response.status).toBe(403);

    const acknowledged = await post("/staf/kotak-masuk", cookies.OFFICER, [["ids", a.id], ["ids", b.id], ["intent", "bulk-acknowledge"]]);
    expect(acknowledged.response.status).toBe(302);
    for (const c of [a, b]) {
      const row = await db().complaint.findUniqueOrThrow({ where: { id: c.id }, include: { events: { orderBy: { id: "desc" }, take: 1 } } });
      expect(row).toMatchObject({ status: "IN_PROGRESS", assignedOfficerId: users.OFFICER.id });
      expect(row.events[0]).toMatchObject({ type: "ACKNOWLEDGED", payload: { assignedOfficerId: users.OFFICER.id } });
    }
    // Again: not possible in that status any more, named with its code.
    const again = await post("/staf/kotak-masuk", cookies.OFFICER, [["ids", a.id], ["intent", "bulk-acknowledge"]]);
    const notice = (await get(new URL(again.location!, server.baseUrl).pathname + new URL(again.location!, server.baseUrl).search, cookies.OFFICER)).html;
    expect(notice).toContain("0 pengaduan diterima.");
    expect(notice.replace(/<!-- -->/g, "")).toContain(`<code>${a.code}</code>: tidak dapat dilakukan pada statusnya sekarang`);
  });

  it("acknowledging one complaint takes it; one already assigned keeps its officer", async () => {
    const free = await complaintAtUnit();
    const given = await complaintAtUnit();
    await db().complaint.update({ where: { id: given.id }, data: { assignedOfficerId: users.OFFICER.id } });
    expect((await post(`/staf/pengaduan/${free.id}`, cookies.UNIT_HEAD, [["intent", "acknowledge"]])).response.status).toBe(302);
    expect((await post(`/staf/pengaduan/${given.id}`, cookies.UNIT_HEAD, [["intent", "acknowledge"]])).response.status).toBe(302);
    expect((await db().complaint.findUniqueOrThrow({ where: { id: free.id } })).assignedOfficerId).toBe(users.UNIT_HEAD.id);
    const kept = await db().complaint.findUniqueOrThrow({ where: { id: given.id }, include: { events: { orderBy: { id: "desc" }, take: 1 } } });
    expect(kept.assignedOfficerId).toBe(users.OFFICER.id);
    expect(kept.events[0]).toMatchObject({ type: "ACKNOWLEDGED", payload: {} });
  });
});

describe("summaries and filters", () => {
  it("never shows the complainant's name or contacts in a summary, whatever the visibility and the role", async () => {
    const planted: Awaited<ReturnType<typeof complaintAtUnit>>[] = [];
    for (const visibility of ["ANONIM", "RAHASIA", "PUBLIC"] as const) {
      const n = personCounter + 1;
      const name = `Warga Antrian${n}Zq Purnamasari`;
      planted.push(
        await complaintAtUnit({
          visibility,
          description: `Saya ${name}, NIK 1971012345678901, hubungi 0812-7777-${String(n).padStart(4, "0")} atau antrian.${n}.uji@example.test. KTP-el saya belum jadi.`,
        }),
      );
    }
    const needles = (p: (typeof planted)[number]) => [
      p.identity.name,
      p.identity.name.split(" ")[1]!,
      p.identity.email,
      p.identity.phone,
      p.identity.phone.replace(/^(\d{4})(\d{4})(\d{4})$/, "$1-$2-$3"),
      "1971012345678901",
    ];
    for (const role of ["OFFICER", "UNIT_HEAD", "COORDINATOR", "INSPECTORATE", "LIAISON"] as const) {
      // Every page of the default list and of each view, and each planted complaint found by its code.
      const paths: string[] = planted.map((p) => `/staf/kotak-masuk?kode=${p.code}`);
      for (const query of ["", ...WORK_QUEUE_VIEWS.map((view) => `?tampilan=${view}`)]) {
        let href: string | null = `/staf/kotak-masuk${query}`;
        while (href) {
          paths.push(href);
          const html: string = (await get(href, cookies[role])).html;
          const next = nextHref(html);
          href = next ? `/staf/kotak-masuk${next}` : null;
        }
      }
      const seen = new Set<string>();
      for (const path of paths) {
        const { raw, html } = await get(path, cookies[role]);
        for (const p of planted) {
          for (const needle of needles(p)) expect(raw.includes(needle), `${role} ${path} ${p.code}: ${needle}`).toBe(false);
          if (html.includes(`data-id="${p.id}"`)) {
            seen.add(p.id);
            expect(html.slice(html.indexOf(`data-id="${p.id}"`)).split("</tr>")[0]).toMatch(/Saya \[…\], NIK \[…\], hubungi \[…\] atau \[…\]/);
          }
        }
      }
      // The sweep saw every planted complaint (it cannot pass empty).
      expect([...seen].sort(), role).toEqual(planted.map((p) => p.id).sort());
    }
  });

  it("filters from the disclosure within the view, keeping the view", async () => {
    const own = await complaintAtUnit();
    const { html } = await get("/staf/kotak-masuk?tampilan=belum-ditugaskan", cookies.COORDINATOR);
    expect(html).toMatch(/<details class="inbox-filter-disclosure" data-testid="inbox-filters"><summary>/); // closed without a filter
    const dinkes = await complaintAtUnit({ productId: dinkesProductId });
    const filtered = await get(`/staf/kotak-masuk?tampilan=belum-ditugaskan&produk=${dinkesProductId}`, cookies.COORDINATOR);
    expect(rowIds(filtered.html)).toContain(dinkes.id);
    expect(rowIds(filtered.html)).not.toContain(own.id);
    expect(filtered.html).toMatch(/<details class="inbox-filter-disclosure" open="" data-testid="inbox-filters">/);
    expect(filtered.html).toContain('<input type="hidden" name="tampilan" value="belum-ditugaskan"/>');
    // A status filter narrows a view; one outside the view's statuses leaves it empty.
    expect(await allIds(cookies.COORDINATOR, "?tampilan=belum-ditugaskan&status=AWAITING_CITIZEN")).toEqual([]);
    expect(await allIds(cookies.COORDINATOR, "?tampilan=belum-ditugaskan&status=ASSIGNED")).toEqual(expect.arrayContaining([own.id, dinkes.id]));
    // The code search still finds one complaint.
    expect(rowIds((await get(`/staf/kotak-masuk?kode=${own.code.toLowerCase()}`, cookies.COORDINATOR)).html)).toEqual([own.id]);
  });
});
