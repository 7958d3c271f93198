// The coordinator's triage desk through the real routes (HTTP form posts, no JavaScript), against a
// seeded schema of its own: access, the queue and its order, verify (routing by product or a chosen
// unit), reject with a referral, hold / release, duplicates; and what the citizen then sees.
import { randomBytes } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../prisma/seed/index";
import { routeVerifiedComplaint } from "~/domain/complaints/route-complaint.server";
import { generateTrackingCode } from "~/domain/complaints/tracking-code";
import { createHoneypotFields } from "~/services/honeypot.server";
import { appSecret } from "~/services/secrets.server";
import { expectNoAxeViolations, horizontalOverflow, launchBrowser, newPhoneContext, useTestServer } from "./e2e/support/browser";
import { readPage, renderedHtml } from "./support/html";
import { clientAddresses, staffLogin } from "./support/staff-http";

// Requests arrive through a (pretend) reverse proxy, so each request can speak from its own address.
process.env.TRUST_PROXY = "1";
const server = useTestServer();
const db = () => server.database.db;

const PASSWORD = "kata-sandi-demo-uji-2026";
const coordinator = DEMO_ACCOUNTS.find((account) => account.role === "COORDINATOR")!;
const officer = DEMO_ACCOUNTS.find((account) => account.role === "OFFICER")!;
let productId: string;
let productUnitId: string;
let dinkesId: string;
let coordinatorCookie: string;

const nextClientIp = clientAddresses("10.66");

const login = (email: string) => staffLogin(server.baseUrl, { email, password: PASSWORD, clientIp: nextClientIp() });

beforeAll(async () => {
  await seedDemoAccounts(db(), { password: PASSWORD, mustChangePassword: false });
  const product = await db().serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } });
  productId = product.id;
  productUnitId = product.unitId;
  dinkesId = (await db().serviceUnit.findFirstOrThrow({ where: { kind: "OPD", id: { not: product.unitId } }, orderBy: { code: "asc" } })).id;
  coordinatorCookie = await login(coordinator.email);
});

function complaintForm(overrides: Record<string, string | undefined> = {}): FormData {
  const fields: Record<string, string | undefined> = {
    productId,
    description: "Pembuatan KTP-el saya sudah tiga minggu belum selesai padahal dijanjikan satu minggu.",
    incidentDate: "2026-11-02",
    chooser: "slow",
    name: "Siti Aminah",
    email: "siti.aminah@example.test",
    visibility: "PUBLIC",
    consent: "on",
    idempotencyKey: randomBytes(18).toString("base64url"),
    // A citizen who is shown similar open reports (ADR 038) answers "mine is different, continue".
    similarDecision: "different",
    ...createHoneypotFields(appSecret(), Date.now() - 10_000),
    ...overrides,
  };
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) form.set(key, value);
  return form;
}

/** Files a complaint through /lapor; returns its code, PIN and id. */
async function fileComplaint(overrides: Record<string, string | undefined> = {}) {
  const response = await fetch(`${server.baseUrl}/lapor`, { method: "POST", body: complaintForm(overrides), headers: { "x-forwarded-for": nextClientIp() } });
  const html = await response.text();
  expect(response.status).toBe(200);
  const code = html.match(/data-testid="tracking-code">([^<]+)</)?.[1];
  const pin = html.match(/data-testid="tracking-pin">(\d{6})</)?.[1];
  if (!code || !pin) throw new Error(`no receipt in the page:\n${html.slice(0, 500)}`);
  const { id } = await db().complaint.findUniqueOrThrow({ where: { trackingCode: code }, select: { id: true } });
  return { code, pin, id };
}

async function get(path: string, cookie = coordinatorCookie) {
  const response = await fetch(`${server.baseUrl}${path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  return { response, ...(await readPage(response)), location: response.headers.get("location") };
}

async function triage(id: string, fields: Record<string, string>, cookie = coordinatorCookie) {
  const response = await fetch(`${server.baseUrl}/staf/triase/${id}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "x-forwarded-for": nextClientIp(), ...(cookie ? { cookie } : {}) },
    redirect: "manual",
  });
  return { response, ...(await readPage(response)), location: response.headers.get("location") };
}

/** The citizen's tracking page, after signing in with code and PIN. */
async function citizenPage(code: string, pin: string): Promise<string> {
  const access = await fetch(`${server.baseUrl}/lacak`, {
    method: "POST",
    body: new URLSearchParams({ kode: code, pin }),
    redirect: "manual",
    headers: { "x-forwarded-for": nextClientIp() },
  });
  const cookie = (access.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const page = await fetch(`${server.baseUrl}/lacak/${code}`, { headers: { cookie }, redirect: "manual" });
  expect(page.status).toBe(200);
  return renderedHtml(await page.text());
}

const statusOf = async (id: string) => (await db().complaint.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
const queueCodes = (html: string) => [...html.matchAll(/data-testid="triage-row" data-code="([^"]+)"/g)].map((m) => m[1]!);

describe("access", () => {
  it("sends a signed-out visitor to the login page and gives other staff a 403", async () => {
    const signedOut = await get("/staf/triase", "");
    expect(signedOut.response.status).toBe(302);
    expect(signedOut.location).toMatch(/^\/staf\/masuk\?redirectTo=%2Fstaf%2Ftriase/);

    const officerCookie = await login(officer.email);
    const queue = await get("/staf/triase", officerCookie);
    expect(queue.response.status).toBe(403);
    expect(queue.html).toContain("Meja triase hanya untuk admin koordinator.");

    const { id } = await fileComplaint();
    expect((await get(`/staf/triase/${id}`, officerCookie)).response.status).toBe(403);
    const attempt = await triage(id, { intent: "verify" }, officerCookie);
    expect(attempt.response.status).toBe(403);
    expect(await statusOf(id)).toBe("SUBMITTED");
  });

  it("answers 404 for an unknown or malformed complaint id", async () => {
    expect((await get("/staf/triase/00000000-0000-4000-8000-000000000000")).response.status).toBe(404);
    expect((await get("/staf/triase/bukan-id")).response.status).toBe(404);
  });
});

describe("the queue", () => {
  it("lists a new complaint with its deadline, service, form and attachment count, and no identity", async () => {
    const { code, id } = await fileComplaint();
    const { response, html, raw } = await get("/staf/triase");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(queueCodes(html)).toContain(code);
    const row = html.slice(html.indexOf(`data-code="${code}"`), html.indexOf("</tr>", html.indexOf(`data-code="${code}"`)));
    expect(row).toContain(`href="/staf/triase/${id}"`);
    expect(row).toMatch(/WIB/);
    expect(row).toContain("KTP");
    expect(row).toContain("Penundaan berlarut");
    expect(row).toContain("<td>0</td>");
    expect(raw).not.toContain("Siti Aminah");
    expect(raw).not.toContain("siti.aminah@example.test");
  });

  it("orders by verification deadline, oldest first, and marks overdue ones; an unknown unit says so", async () => {
    const later = await fileComplaint({ productId: "", unitUnknown: "on" });
    const earlier = await fileComplaint();
    await db().complaint.update({ where: { id: later.id }, data: { verificationDueAt: new Date("2020-01-03T02:00:00Z") } });
    await db().complaint.update({ where: { id: earlier.id }, data: { verificationDueAt: new Date("2020-01-02T02:00:00Z") } });
    const { html } = await get("/staf/triase");
    const codes = queueCodes(html);
    expect(codes.slice(0, 2)).toEqual([earlier.code, later.code]);
    const laterRow = html.slice(html.indexOf(`data-code="${later.code}"`), html.indexOf("</tr>", html.indexOf(`data-code="${later.code}"`)));
    expect(laterRow).toContain("Lewat tenggat");
    expect(laterRow).toContain("Unit tidak diketahui");
  });

  it("pages with a keyset cursor: 25 per page, every complaint once, in order", async () => {
    const base = Date.parse("2030-01-01T00:00:00Z");
    for (let i = 0; i < 30; i++) {
      await db().complaint.create({
        data: { trackingCode: generateTrackingCode(), pinHash: "x", description: `Pengaduan uji halaman ${i}`, verificationDueAt: new Date(base + (i % 3) * 60_000) },
      });
    }
    const total = Number((await get("/staf/triase")).html.match(/(\d+) pengaduan dalam antrean/)?.[1]);
    expect(total).toBeGreaterThanOrEqual(30);
    const seen: string[] = [];
    let path: string | null = "/staf/triase";
    let pages = 0;
    while (path && pages < 10) {
      const { html } = await get(path);
      const codes = queueCodes(html);
      expect(codes.length).toBeLessThanOrEqual(25);
      seen.push(...codes);
      const next = html.match(/href="(\/staf\/triase\?setelah=[^"]+)"/)?.[1];
      path = next ? next.replace(/&amp;/g, "&") : null;
      pages++;
    }
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(total);
    const rows = await db().complaint.findMany({ where: { trackingCode: { in: seen } }, select: { trackingCode: true, verificationDueAt: true, verifiedAt: true, submittedAt: true } });
    const keyOf = new Map(rows.map((r) => [r.trackingCode, (r.verificationDueAt ?? r.verifiedAt ?? r.submittedAt).getTime()]));
    const keys = seen.map((code) => keyOf.get(code)!);
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    expect((await get("/staf/triase?setelah=rusak")).response.status).toBe(200);
    // The paging rows are not part of the other tests.
    await db().complaint.deleteMany({ where: { description: { startsWith: "Pengaduan uji halaman" } } });
  });
});

describe("verify", () => {
  it("verifies a complaint with a known product: VERIFIED, a routing job, then routed to the product's unit", async () => {
    const { id } = await fileComplaint();
    const page = await get(`/staf/triase/${id}`);
    expect(page.html).toContain("diteruskan otomatis");
    expect(page.html).not.toContain('name="unitId"');

    const { response, location } = await triage(id, { intent: "verify" });
    expect(response.status).toBe(302);
    expect(location).toBe(`/staf/triase/${id}?selesai=verify`);
    expect(await statusOf(id)).toBe("VERIFIED");
    const jobs = await db().outboxMessage.findMany({ where: { jobId: { contains: id } } });
    expect(jobs.map((job) => job.jobName)).toContain("complaint.route");
    expect((await get(location!)).html).toContain("Pengaduan diverifikasi.");

    expect(await routeVerifiedComplaint(db(), id, { now: new Date() })).toEqual({ routed: true, unitId: productUnitId });
    const complaint = await db().complaint.findUniqueOrThrow({ where: { id } });
    expect(complaint.status).toBe("ASSIGNED");
    expect(complaint.unitId).toBe(productUnitId);

    // Verifying twice is refused with the reason, not an error page.
    const again = await triage(id, { intent: "verify" });
    expect(again.response.status).toBe(409);
    expect(again.html).toContain("Tindakan ini tidak bisa dilakukan pada status pengaduan saat ini");
  });

  it("classifies at verification: corrects the form of maladministration and sets a priority, which picks its SLA policy", async () => {
    const urgent = await db().slaPolicy.create({
      data: {
        code: "TRIAGE-URGENT",
        name: "Mendesak",
        source: "uji",
        priority: "URGENT",
        targets: { create: [{ stage: "FIRST_RESPONSE", amount: 1, unit: "WORKING_DAYS", source: "uji" }] },
      },
    });
    const { id } = await fileComplaint();
    const before = await db().complaint.findUniqueOrThrow({ where: { id } });
    expect(before.priority).toBe("NORMAL");
    const other = await db().maladministrationForm.findFirstOrThrow({ where: { code: { not: before.maladministrationCode! } } });
    const page = await get(`/staf/triase/${id}`);
    expect(page.html).toMatch(new RegExp(`<option value="${before.maladministrationCode}" selected="">`));

    const unknownForm = await triage(id, { intent: "verify", maladministrationCode: "BUKAN_BENTUK", priority: "URGENT" });
    expect(unknownForm.response.status).toBe(409);
    expect(unknownForm.html).toContain("Pilih salah satu bentuk maladministrasi dari daftar.");
    const badPriority = await triage(id, { intent: "verify", priority: "SEGERA" });
    expect(badPriority.response.status).toBe(400);
    expect(await statusOf(id)).toBe("SUBMITTED");

    const { response } = await triage(id, { intent: "verify", maladministrationCode: other.code, priority: "URGENT" });
    expect(response.status).toBe(302);
    const verified = await db().complaint.findUniqueOrThrow({ where: { id }, include: { events: { where: { type: "VERIFIED" } } } });
    expect(verified).toMatchObject({ status: "VERIFIED", priority: "URGENT", maladministrationCode: other.code, slaPolicyId: urgent.id });
    // The event keeps what was changed, from what to what (the audit trail of a reclassification).
    expect(verified.events[0]!.payload).toEqual({
      classification: { priority: { from: "NORMAL", to: "URGENT" }, maladministrationCode: { from: before.maladministrationCode, to: other.code } },
    });
    await routeVerifiedComplaint(db(), id, { now: new Date() });
    const assigned = await db().complaint.findUniqueOrThrow({ where: { id } });
    expect(assigned.slaPolicyId).toBe(urgent.id);
    await db().slaPolicy.update({ where: { id: urgent.id }, data: { isActive: false } });
  });

  it("needs a unit for a complaint whose unit nobody knew, then verifies and assigns it in one step", async () => {
    const { id } = await fileComplaint({ productId: "", unitUnknown: "on" });
    const page = await get(`/staf/triase/${id}`);
    expect(page.html).toContain('name="unitId"');

    const missing = await triage(id, { intent: "verify", unitId: "" });
    expect(missing.response.status).toBe(409);
    expect(missing.html).toContain("pilih unit yang menangani sebelum memverifikasi");
    const unknownUnit = await triage(id, { intent: "verify", unitId: "00000000-0000-4000-8000-000000000000" });
    expect(unknownUnit.response.status).toBe(409);
    expect(unknownUnit.html).toContain("Unit itu tidak ada atau tidak aktif.");
    expect(await statusOf(id)).toBe("SUBMITTED");

    const { response } = await triage(id, { intent: "verify", unitId: dinkesId });
    expect(response.status).toBe(302);
    const complaint = await db().complaint.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { id: "asc" } } } });
    expect(complaint.status).toBe("ASSIGNED");
    expect(complaint.unitId).toBe(dinkesId);
    expect(complaint.events.map((e) => e.type)).toEqual(["SUBMITTED", "VERIFIED", "ASSIGNED"]);
    expect(complaint.firstResponseDueAt).toBeInstanceOf(Date);
    // The routing job VERIFY queued finds nothing left to do.
    expect(await routeVerifiedComplaint(db(), id, { now: new Date() })).toEqual({ routed: false, reason: "not_verified" });
  });

  it("routes a verified complaint still without a unit from the queue", async () => {
    const { id, code } = await fileComplaint({ productId: "", unitUnknown: "on" });
    // As the routing worker leaves it: verified, no unit.
    const { applyTransition } = await import("~/domain/complaints/apply-transition.server");
    expect((await applyTransition(db(), { complaintId: id, action: "VERIFY", actor: "COORDINATOR", now: new Date() })).ok).toBe(true);
    expect(queueCodes((await get("/staf/triase")).html)).toContain(code);

    const page = await get(`/staf/triase/${id}`);
    expect(page.html).toContain('data-testid="triage-action-route"');
    const { response } = await triage(id, { intent: "route", unitId: dinkesId });
    expect(response.status).toBe(302);
    expect(await db().complaint.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "ASSIGNED", unitId: dinkesId });
    expect(queueCodes((await get("/staf/triase")).html)).not.toContain(code);
  });
});

describe("reject as out of scope", () => {
  it("requires a reason, keeps what was typed, then shows the citizen the reason and the referral", async () => {
    const { id, code, pin } = await fileComplaint();
    const missing = await triage(id, { intent: "reject", reason: "", referral: "POLICE", referralNote: "Polresta Pangkalpinang" });
    expect(missing.response.status).toBe(400);
    expect(missing.html).toContain("Alasan terlalu singkat");
    expect(missing.html).toMatch(/<option value="POLICE" selected="">/);
    expect(missing.html).toContain('value="Polresta Pangkalpinang"');
    expect(await statusOf(id)).toBe("SUBMITTED");

    const otherWithoutName = await triage(id, { intent: "reject", reason: "Bukan urusan pelayanan publik kota.", referral: "OTHER_AGENCY" });
    expect(otherWithoutName.response.status).toBe(400);
    expect(otherWithoutName.html).toContain("Sebutkan instansi yang dituju.");

    const reason = "Ini dugaan penipuan, perkara pidana di luar wewenang pengelola pengaduan.";
    const { response } = await triage(id, { intent: "reject", reason, referral: "POLICE", referralNote: "Polresta Pangkalpinang" });
    expect(response.status).toBe(302);
    expect(await statusOf(id)).toBe("REJECTED");
    const event = await db().complaintEvent.findFirstOrThrow({ where: { complaintId: id, type: "REJECTED" } });
    expect(event).toMatchObject({ visibility: "PUBLIC", message: reason, payload: { referral: "POLICE", referralNote: "Polresta Pangkalpinang" } });

    const html = await citizenPage(code, pin);
    expect(html).toContain('data-testid="rejection"');
    expect(html).toContain(reason);
    expect(html).toContain("Kepolisian (perkara pidana): Polresta Pangkalpinang");
  });
});

describe("hold and release", () => {
  it("holds with a reason (internal), refuses a second hold, and releases", async () => {
    const { id, code, pin } = await fileComplaint();
    const noReason = await triage(id, { intent: "hold" });
    expect(noReason.response.status).toBe(400);
    expect(noReason.html).toContain("Tuliskan alasannya.");

    expect((await triage(id, { intent: "hold", reason: "Menunggu klarifikasi lampiran dari pelapor." })).response.status).toBe(302);
    expect(await statusOf(id)).toBe("ON_HOLD");
    const queue = await get("/staf/triase");
    expect(queueCodes(queue.html)).toContain(code);
    const page = await get(`/staf/triase/${id}`);
    expect(page.html).toContain('data-testid="triage-action-release"');
    expect(page.html).not.toContain('data-testid="triage-action-hold"');

    const twice = await triage(id, { intent: "hold", reason: "Sekali lagi ditunda." });
    expect(twice.response.status).toBe(409);
    // The hold form is not shown while on hold: the reason comes back read-only under the refusal, to copy.
    expect(renderedHtml(twice.raw)).toMatch(/<textarea[^>]*readonly=""[^>]*>Sekali lagi ditunda.<\/textarea>/i);

    expect((await triage(id, { intent: "release" })).response.status).toBe(302);
    expect(await statusOf(id)).toBe("SUBMITTED");
    const events = await db().complaintEvent.findMany({ where: { complaintId: id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.type, e.visibility])).toEqual([
      ["SUBMITTED", "PUBLIC"],
      ["HELD", "INTERNAL"],
      ["RELEASED", "INTERNAL"],
    ]);
    // The internal reason never reaches the citizen.
    expect(await citizenPage(code, pin)).not.toContain("Menunggu klarifikasi lampiran");
  });
});

describe("duplicates", () => {
  it("merges by a lower-case, space-separated code; the citizen sees the original's code", async () => {
    const original = await fileComplaint();
    const copy = await fileComplaint();
    const typed = original.code.toLowerCase().replace(/-/g, " ");
    const { response } = await triage(copy.id, { intent: "duplicate", originalCode: typed });
    expect(response.status).toBe(302);
    const complaint = await db().complaint.findUniqueOrThrow({ where: { id: copy.id } });
    expect(complaint).toMatchObject({ status: "DUPLICATE", duplicateOfId: original.id });
    const event = await db().complaintEvent.findFirstOrThrow({ where: { complaintId: copy.id, type: "MARKED_DUPLICATE" } });
    expect(event.payload).toMatchObject({ originalTrackingCode: original.code });

    const html = await citizenPage(copy.code, copy.pin);
    expect(html).toContain('data-testid="merged-with"');
    expect(html).toContain(original.code);
    expect((await get(`/staf/triase/${copy.id}`)).html).toContain(original.code);

    // A complaint that is itself a copy cannot be an original: the desk points at the real one.
    const third = await fileComplaint();
    const chained = await triage(third.id, { intent: "duplicate", originalCode: copy.code });
    expect(chained.response.status).toBe(409);
    expect(chained.html).toContain("Pengaduan itu sendiri adalah duplikat");
    expect(chained.html).toContain(original.code);
    expect(await statusOf(third.id)).toBe("SUBMITTED");
  });

  it("refuses itself and unknown codes, keeping what was typed", async () => {
    const { id, code } = await fileComplaint();
    const self = await triage(id, { intent: "duplicate", originalCode: code });
    expect(self.response.status).toBe(409);
    expect(self.html).toContain("Pengaduan tidak bisa menjadi duplikat dirinya sendiri.");
    expect(self.html).toContain(`value="${code}"`);

    const unknown = await triage(id, { intent: "duplicate", originalCode: "LPK-00000-000000" });
    expect(unknown.response.status).toBe(409);
    expect(unknown.html).toContain("Tidak ada pengaduan dengan kode pelacakan itu.");
    expect(unknown.html).toContain('value="LPK-00000-000000"');

    const empty = await triage(id, { intent: "duplicate", originalCode: "" });
    expect(empty.response.status).toBe(400);
    expect(await statusOf(id)).toBe("SUBMITTED");
  });
});

describe("the desk on a phone without JavaScript", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("passes axe (WCAG 2.1 AA) and fits 360 px: queue, one complaint, a refusal, a done notice", async () => {
    const { id } = await fileComplaint({ productId: "", unitUnknown: "on" });
    const context = await newPhoneContext(browser, { javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const check = async (heading: RegExp) => {
        expect(await page.locator("h1").textContent()).toMatch(heading);
        const { scrollWidth, viewportWidth } = await horizontalOverflow(page);
        expect(scrollWidth).toBeLessThanOrEqual(viewportWidth);
        await expectNoAxeViolations(page);
      };
      await page.goto(`${server.baseUrl}/staf/masuk?redirectTo=%2Fstaf%2Ftriase`);
      await page.fill("#email", coordinator.email);
      await page.fill("#password", PASSWORD);
      await page.click("main button[type=submit]");
      expect(new URL(page.url()).pathname).toBe("/staf/triase");
      await check(/^Meja triase koordinator$/);

      await page.goto(`${server.baseUrl}/staf/triase/${id}`);
      await check(/^Triase pengaduan LPK-/);
      await page.click("[data-testid=triage-action-verify] button[type=submit]");
      await expect(page.locator("#verify-unit-error").textContent()).resolves.toContain("pilih unit yang menangani");
      await check(/^Triase pengaduan LPK-/);

      await page.fill("#hold-reason", "Menunggu klarifikasi dari pelapor.");
      await page.click("[data-testid=triage-action-hold] button[type=submit]");
      await expect(page.locator("[role=status]").textContent()).resolves.toBe("Pengaduan ditunda.");
      await check(/^Triase pengaduan LPK-/);
    } finally {
      await context.close();
    }
  });
});
