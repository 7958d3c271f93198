// Dukung (support) through the real routes (#14 item 4, ADR 038): one support per browser, a
// bounded number per network, nothing personal stored for it, an opt-in e-mail that hears of status
// changes and can unsubscribe, and the count in the staff inbox and triage.
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../prisma/seed/index";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import { purgeEndedSubscriptions, unsubscribeTokenOf } from "~/domain/support/support.server";
import { SUPPORT_RATE_LIMIT } from "~/services/citizen-limits.server";
import { useTestServer } from "./e2e/support/browser";
import { fileComplaintAt } from "./support/complaint-form";
import { renderedHtml } from "./support/html";
import { clientAddresses, staffLogin } from "./support/staff-http";

process.env.TRUST_PROXY = "1";
const server = useTestServer();
const db = () => server.database.db;

let networkCounter = 0;
/** A fresh network per call: 10.77.x.y. */
const network = () => `10.77.${Math.floor(networkCounter / 250)}.${(networkCounter++ % 250) + 1}`;

/** A complaint the coordinator verified and a unit works on: published, supportable. */
async function publishedComplaint(overrides: Parameters<typeof fileComplaintAt>[2] = {}): Promise<{ id: string; code: string }> {
  const product = await db().serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" }, select: { id: true, unitId: true } });
  const id = await fileComplaintAt(db(), new Date(), { productId: product.id, ...overrides });
  const row = await db().complaint.update({
    where: { id },
    data: { status: "ASSIGNED", verifiedAt: new Date(), unitId: product.unitId },
    select: { trackingCode: true },
  });
  return { id, code: row.trackingCode };
}

async function support(code: string, { ip = network(), cookie = "", email }: { ip?: string; cookie?: string; email?: string } = {}) {
  const body = new URLSearchParams(email === undefined ? {} : { email });
  const response = await fetch(`${server.baseUrl}/laporan-warga/${code}/dukung`, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { "x-forwarded-for": ip, cookie, "content-type": "application/x-www-form-urlencoded" },
  });
  const setCookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return { status: response.status, location: response.headers.get("location") ?? "", setCookie };
}

const countOf = async (id: string) => (await db().complaint.findUniqueOrThrow({ where: { id }, select: { supportCount: true } })).supportCount;

describe("supporting a public report", () => {
  let report: { id: string; code: string };
  beforeAll(async () => {
    report = await publishedComplaint();
  });

  it("counts one support per browser: the same browser twice is counted once", async () => {
    const first = await support(report.code);
    expect(first.status).toBe(303);
    expect(first.location).toBe(`/laporan-warga/${report.code}?dukung=added#dukung`);
    expect(first.setCookie, "a browser seen for the first time gets its cookie").toMatch(/^lapor_peramban=/);
    const again = await support(report.code, { cookie: first.setCookie });
    expect(again.location).toContain("dukung=already");
    expect(await countOf(report.id)).toBe(1);
    const rows = await db().complaintSupport.count({ where: { complaintId: report.id } });
    expect(rows).toBe(1);
  });

  it("stores neither the cookie value nor the address: only a keyed hash", async () => {
    const ip = "10.88.1.7";
    const { setCookie } = await support(report.code, { ip });
    const cookieValue = setCookie.split("=")[1]!;
    const browserId = cookieValue.split(".")[0]!;
    const rows = await db().$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${server.database.schema}".complaint_support`);
    const stored = JSON.stringify(rows, (_key, value) => (typeof value === "bigint" ? value.toString() : value));
    expect(stored).not.toContain(cookieValue);
    expect(stored).not.toContain(browserId);
    expect(stored).not.toContain(ip);
    expect(Object.keys(rows[0]!).sort()).toEqual(["complaint_id", "created_at", "id", "supporter_key"]);
  });

  it("bounds 100 supports from one network (each without a cookie) at the per-network limit", async () => {
    const target = await publishedComplaint();
    const ip = "10.99.0.1";
    const outcomes: string[] = [];
    for (let i = 0; i < 100; i += 1) outcomes.push((await support(target.code, { ip })).location);
    expect(await countOf(target.id)).toBe(SUPPORT_RATE_LIMIT.limit);
    expect(outcomes.filter((location) => location.includes("dukung=limited"))).toHaveLength(100 - SUPPORT_RATE_LIMIT.limit);
  });

  it("refuses unpublished and RAHASIA reports as if they did not exist", async () => {
    const product = await db().serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" }, select: { id: true } });
    const unverifiedId = await fileComplaintAt(db(), new Date(), { productId: product.id });
    const unverified = await db().complaint.findUniqueOrThrow({ where: { id: unverifiedId }, select: { trackingCode: true } });
    expect((await support(unverified.trackingCode)).status).toBe(404);
    const secret = await publishedComplaint({ visibility: "RAHASIA" });
    expect((await support(secret.code)).status).toBe(404);
    expect((await support("LPK-NOTAC-ODE")).status).toBe(404);
    expect(await countOf(secret.id)).toBe(0);
  });

  it("shows the count to staff in the inbox row", async () => {
    const password = "kata-sandi-demo-uji-2026";
    await seedDemoAccounts(db(), { password, mustChangePassword: false });
    const coordinator = DEMO_ACCOUNTS.find((account) => account.role === "COORDINATOR")!;
    const cookie = await staffLogin(server.baseUrl, { email: coordinator.email, password, clientIp: clientAddresses("10.78")() });
    const response = await fetch(`${server.baseUrl}/staf/kotak-masuk?kode=${report.code}`, { headers: { cookie } });
    const html = renderedHtml(await response.text()).replace(/<!-- -->/g, "");
    expect(html).toMatch(/data-testid="inbox-support"[^>]*>[^<]*·[^<]*\d+ dukungan/);
  });

  it("sorts the inbox by support on request ('Terbanyak didukung'), paging without losing a row", async () => {
    const many = await publishedComplaint();
    const few = await publishedComplaint();
    for (let i = 0; i < 3; i += 1) await support(many.code);
    await support(few.code);
    const password = "kata-sandi-demo-uji-2026";
    const coordinator = DEMO_ACCOUNTS.find((account) => account.role === "COORDINATOR")!;
    const cookie = await staffLogin(server.baseUrl, { email: coordinator.email, password, clientIp: clientAddresses("10.79")() });
    const ids: string[] = [];
    let next: string | null = "/staf/kotak-masuk?urut=dukungan";
    while (next) {
      const html = renderedHtml(await (await fetch(`${server.baseUrl}${next}`, { headers: { cookie } })).text());
      ids.push(...[...html.matchAll(/data-testid="inbox-row" data-id="([0-9a-f-]{36})"/g)].map((m) => m[1]!));
      const link = html.match(/href="(\?[^"]*setelah=[^"]*)"/)?.[1];
      next = link ? `/staf/kotak-masuk${link.replace(/&amp;/g, "&")}` : null;
    }
    expect(new Set(ids).size, "no row twice").toBe(ids.length);
    expect(ids.indexOf(many.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(many.id)).toBeLessThan(ids.indexOf(few.id));
    const counts = await db().complaint.findMany({ where: { id: { in: ids } }, select: { id: true, supportCount: true } });
    const byId = new Map(counts.map((c) => [c.id, c.supportCount]));
    const ordered = ids.map((id) => byId.get(id)!);
    expect(ordered).toEqual([...ordered].sort((a, b) => b - a));
  });

  it("puts the support form on the public report page and says what happened after a support", async () => {
    const page = renderedHtml(await (await fetch(`${server.baseUrl}/laporan-warga/${report.code}`)).text());
    expect(page).toContain(`action="/laporan-warga/${report.code}/dukung"`);
    const { location } = await support(report.code);
    const after = renderedHtml(await (await fetch(`${server.baseUrl}${location.split("#")[0]}`)).text());
    expect(after).toContain('data-testid="support-outcome"');
  });
});

describe("supporters who leave an e-mail", () => {
  it("get a status change of the report, with an unsubscribe link that ends it", async () => {
    const report = await publishedComplaint();
    const email = "pendukung@example.test";
    const first = await support(report.code, { email });
    expect(first.location).toContain("dukung=subscribed");
    const subscription = await db().supportSubscription.findFirstOrThrow({ where: { complaintId: report.id } });
    expect(subscription.email).toBe(email);
    const token = unsubscribeTokenOf(report.id, email);
    expect(subscription.tokenHash, "only the token's hash is stored").not.toContain(token);

    const moved = await applyTransition(db(), { complaintId: report.id, action: "ACKNOWLEDGE", actor: "OFFICER", now: new Date() });
    expect(moved.ok).toBe(true);
    const mails = await db().emailMessage.findMany({ where: { complaintId: report.id, toAddress: email }, orderBy: { createdAt: "asc" } });
    expect(mails.map((mail) => mail.template)).toEqual(["support.subscribed", "support.status"]);
    const status = mails[1]!;
    expect(status.bodyText).toContain(`/berhenti-langganan/${token}`);
    expect(status.bodyText).toContain(`/laporan-warga/${report.code}`);
    // A supporter is not the complainant: nothing the complainant typed, nothing of who they are.
    expect(status.bodyText).not.toContain("KTP-el belum jadi");
    expect(status.bodyText).not.toContain("Warga Uji");

    const page = await fetch(`${server.baseUrl}/berhenti-langganan/${token}`);
    expect(page.status).toBe(200);
    expect(await db().supportSubscription.count({ where: { complaintId: report.id } }), "opening the link changes nothing").toBe(1);
    const done = await fetch(`${server.baseUrl}/berhenti-langganan/${token}`, { method: "POST", body: new URLSearchParams(), redirect: "manual" });
    expect(done.status).toBe(303);
    expect(await db().supportSubscription.count({ where: { complaintId: report.id } })).toBe(0);
    const after = renderedHtml(await (await fetch(`${server.baseUrl}${done.headers.get("location")}`)).text());
    expect(after).toContain('data-testid="unsubscribe-result"');
  });

  it("refuses an address that is not one, and forgets addresses 30 days after the report ends", async () => {
    const report = await publishedComplaint();
    expect((await support(report.code, { email: "bukan alamat" })).location).toContain("dukung=invalidEmail");
    expect(await countOf(report.id)).toBe(0);
    await support(report.code, { email: "lama@example.test" });
    const closedAt = new Date(Date.now() - 31 * 86_400_000);
    await db().complaint.update({ where: { id: report.id }, data: { status: "CLOSED", closedAt } });
    expect(await purgeEndedSubscriptions(db(), new Date())).toBeGreaterThanOrEqual(1);
    expect(await db().supportSubscription.count({ where: { complaintId: report.id } })).toBe(0);
  });
});

describe("junk never makes a 500", () => {
  it("on the support and unsubscribe routes", async () => {
    const codes = ["x", "%00", "LPK-" + "A".repeat(200), "..%2F..%2Fetc", "<script>", "LPK-00000-000000"];
    const bodies: [string, BodyInit, string][] = [
      ["form", new URLSearchParams({ email: "a".repeat(5000) }).toString(), "application/x-www-form-urlencoded"],
      ["json", JSON.stringify({ email: 1 }), "application/json"],
      ["array", "email=a@b.id&email=c@d.id", "application/x-www-form-urlencoded"],
      ["binary", new Uint8Array([0, 255, 1]), "multipart/form-data; boundary=x"],
    ];
    for (const code of codes) {
      for (const [name, body, type] of bodies) {
        const response = await fetch(`${server.baseUrl}/laporan-warga/${code}/dukung`, { method: "POST", body, redirect: "manual", headers: { "content-type": type, "x-forwarded-for": network() } });
        expect(response.status, `${code} ${name}`).toBeLessThan(500);
      }
      const opened = await fetch(`${server.baseUrl}/laporan-warga/${code}/dukung`, { redirect: "manual" });
      expect(opened.status, `GET ${code}`).toBeLessThan(500);
    }
    for (const token of ["x", "%00", "a".repeat(300), "<script>", "A".repeat(43)]) {
      expect((await fetch(`${server.baseUrl}/berhenti-langganan/${token}`)).status, token).toBeLessThan(500);
      const posted = await fetch(`${server.baseUrl}/berhenti-langganan/${token}`, { method: "POST", body: new URLSearchParams(), redirect: "manual" });
      expect(posted.status, token).toBeLessThan(500);
    }
  });
});
