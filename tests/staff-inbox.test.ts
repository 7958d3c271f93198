// The staff inbox and complaint detail through the real routes (HTTP form posts, no JavaScript),
// against a seeded schema of its own: who sees what, deadline order and paging, staff actions
// through the workflow, transfer, and the audited identity accessor.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../prisma/seed/index";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import { listInbox } from "~/domain/complaints/inbox.server";
import { decodeCursor, type InboxCursor } from "~/models/inbox.server";
import { createHoneypotFields } from "~/services/honeypot.server";
import { appSecret } from "~/services/secrets.server";
import { useTestServer } from "./e2e/support/browser";
import { readPage, renderedHtml } from "./support/html";
import { clientAddresses, staffLogin } from "./support/staff-http";

process.env.TRUST_PROXY = "1";
const server = useTestServer();
const db = () => server.database.db;

const PASSWORD = "kata-sandi-demo-uji-2026";
const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
let disdukcapilId: string;
let dinkesId: string;
let dukcapilProductId: string;
let dinkesProductId: string;
let kecamatanCode: string;
let kelurahanCode: string;
const cookies: Record<string, string> = {};

const nextClientIp = clientAddresses("10.66");

const login = (email: string) => staffLogin(server.baseUrl, { email, password: PASSWORD, clientIp: nextClientIp() });

beforeAll(async () => {
  await seedDemoAccounts(db(), { password: PASSWORD, mustChangePassword: false });
  disdukcapilId = (await db().serviceUnit.findUniqueOrThrow({ where: { code: "DISDUKCAPIL" } })).id;
  dinkesId = (await db().serviceUnit.findUniqueOrThrow({ where: { code: "DINKES" } })).id;
  dukcapilProductId = (await db().serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } })).id;
  dinkesProductId = (await db().serviceProduct.findFirstOrThrow({ where: { unitId: dinkesId } })).id;
  const kelurahan = await db().region.findFirstOrThrow({ where: { kind: "KELURAHAN" } });
  kelurahanCode = kelurahan.code;
  kecamatanCode = kelurahan.parentCode!;
  for (const role of ["OFFICER", "UNIT_HEAD", "COORDINATOR", "LIAISON", "ADMIN", "INSPECTORATE"]) cookies[role] = await login(account(role).email);
});

let personCounter = 0;
/** Files a complaint through /lapor; returns code, PIN, id and the identity it was filed with. */
async function fileComplaint({ productId = dukcapilProductId, visibility = "PUBLIC" }: { productId?: string; visibility?: string } = {}) {
  const n = ++personCounter;
  const identity = { name: `Warga Uji Nomor${n}X`, email: `warga.uji${n}@example.test`, phone: `08129999${String(n).padStart(4, "0")}` };
  const fields: Record<string, string> = {
    productId,
    description: "Pelayanan di loket sangat lambat dan petugas tidak memberi kepastian waktu selesai.",
    incidentDate: "2026-11-02",
    kecamatanCode,
    kelurahanCode,
    address: "Jl. Contoh No. 2",
    chooser: "slow",
    ...identity,
    visibility,
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
  expect(response.status, html.match(/class="field__error"[^>]*>[^<]*/g)?.join(" | ")).toBe(200);
  const code = html.match(/data-testid="tracking-code">([^<]+)</)![1]!;
  const pin = html.match(/data-testid="tracking-pin">(\d{6})</)![1]!;
  const complaint = await db().complaint.findUniqueOrThrow({ where: { trackingCode: code } });
  return { code, pin, id: complaint.id, identity };
}

/** The coordinator verifies and the router assigns: the complaint reaches its unit. */
async function bringToUnit(id: string) {
  for (const [action, actor] of [["VERIFY", "COORDINATOR"], ["ASSIGN", "SYSTEM"]] as const) {
    const outcome = await applyTransition(db(), { complaintId: id, action, actor, now: new Date() });
    expect(outcome.ok).toBe(true);
  }
}

async function get(path: string, cookie: string) {
  const response = await fetch(`${server.baseUrl}${path}`, { headers: { cookie }, redirect: "manual" });
  return { response, ...(await readPage(response)) };
}

async function post(path: string, cookie: string, fields: Record<string, string>, files: { name: string; bytes: Uint8Array<ArrayBuffer> }[] = []) {
  let body: FormData | URLSearchParams;
  if (files.length > 0) {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.set(key, value);
    for (const file of files) form.append("attachments", new Blob([file.bytes]), file.name);
    body = form;
  } else body = new URLSearchParams(fields);
  const response = await fetch(`${server.baseUrl}${path}`, { method: "POST", body, headers: { cookie }, redirect: "manual" });
  return { response, ...(await readPage(response)), location: response.headers.get("location") };
}

const detail = (id: string) => `/staf/pengaduan/${id}`;
const rowIds = (html: string) => [...html.matchAll(/data-testid="inbox-row" data-id="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
const nextHref = (html: string) =>
  html.match(/<a [^>]*data-testid="inbox-next"[^>]*>/)?.[0].match(/href="([^"]+)"/)?.[1]?.replace(/&amp;/g, "&") ?? null;

/** Every inbox page from the start, following the "next page" link. */
async function allInboxIds(cookie: string, query = "") {
  const ids: string[] = [];
  let href: string | null = `/staf/kotak-masuk${query}`;
  let pages = 0;
  while (href) {
    const { response, html } = await get(href.startsWith("?") ? `/staf/kotak-masuk${href}` : href, cookie);
    expect(response.status).toBe(200);
    const page = rowIds(html);
    expect(page.length).toBeLessThanOrEqual(25);
    ids.push(...page);
    href = nextHref(html);
    if (++pages > 50) throw new Error("paging does not end");
  }
  return { ids, pages };
}

describe("inbox access", () => {
  it("shows the officer Disdukcapil complaints and not Dinkes ones; the other's detail page is 403", async () => {
    const own = await fileComplaint();
    const other = await fileComplaint({ productId: dinkesProductId });
    await bringToUnit(own.id);
    await bringToUnit(other.id);
    const inbox = await get("/staf/kotak-masuk", cookies.OFFICER!);
    expect(inbox.response.status).toBe(200);
    const { ids } = await allInboxIds(cookies.OFFICER!);
    expect(ids).toContain(own.id);
    expect(ids).not.toContain(other.id);
    expect((await get(detail(other.id), cookies.OFFICER!)).response.status).toBe(403);
    expect((await get(detail(own.id), cookies.OFFICER!)).response.status).toBe(200);
    // The coordinator reads both.
    const coordinator = await allInboxIds(cookies.COORDINATOR!);
    expect(coordinator.ids).toEqual(expect.arrayContaining([own.id, other.id]));
    // GET filters: a product, a form of maladministration.
    const byProduct = await allInboxIds(cookies.COORDINATOR!, `?produk=${dinkesProductId}`);
    expect(byProduct.ids).toContain(other.id);
    expect(byProduct.ids).not.toContain(own.id);
    expect((await allInboxIds(cookies.OFFICER!, "?bentuk=PENUNDAAN_BERLARUT")).ids).toContain(own.id);
    expect((await allInboxIds(cookies.OFFICER!, "?bentuk=PENYALAHGUNAAN_WEWENANG")).ids).not.toContain(own.id);
    // No session: to the login page.
    expect((await get("/staf/kotak-masuk", "")).response.status).toBe(302);
  });
});

describe("inbox order and paging", () => {
  it("sorts by deadline (nulls last), marks the overdue one, and pages without repeats", async () => {
    const now = Date.now();
    const base = { pinHash: "x", description: "Data uji urutan kotak masuk.", unitId: disdukcapilId, productId: dukcapilProductId, status: "IN_PROGRESS" as const };
    const overdueId = (
      await db().complaint.create({ data: { ...base, trackingCode: `UJI-LATE-${randomBytes(4).toString("hex")}`, nextDueAt: new Date(now - 3_600_000), nextDueStage: "RESOLUTION" } })
    ).id;
    for (let i = 0; i < 30; i++) {
      await db().complaint.create({
        data: {
          ...base,
          trackingCode: `UJI-${i}-${randomBytes(4).toString("hex")}`,
          // A few share a deadline (tie broken by submitted_at, id); a few have none (last).
          nextDueAt: i % 10 === 9 ? null : new Date(now + 86_400_000 * (1 + Math.floor(i / 3))),
          nextDueStage: i % 10 === 9 ? null : "RESOLUTION",
          submittedAt: new Date(now - i * 60_000),
        },
      });
    }
    // A closed one never shows by default.
    const closed = await db().complaint.create({ data: { ...base, status: "CLOSED", trackingCode: `UJI-CLOSED-${randomBytes(4).toString("hex")}`, nextDueAt: new Date(now - 7_200_000) } });

    const first = await get("/staf/kotak-masuk", cookies.OFFICER!);
    expect(rowIds(first.html)).toHaveLength(25);
    expect(rowIds(first.html)[0]).toBe(overdueId);
    const overdueRow = first.html.slice(first.html.indexOf(`data-id="${overdueId}"`)).split("</tr>")[0]!;
    expect(overdueRow).toContain('data-testid="sla-overdue"');
    expect(overdueRow).toContain("Terlambat");
    // The badge shows the short form ("2 hr 3 j") and says it in words for screen readers (issue #21).
    expect(first.html).toMatch(/hari kerja lagi|jam kerja lagi|menit kerja lagi/);
    expect(first.raw).not.toContain(closed.id);

    const { ids, pages } = await allInboxIds(cookies.OFFICER!);
    expect(pages).toBeGreaterThan(1);
    expect(new Set(ids).size).toBe(ids.length);
    const expected = await db().complaint.findMany({
      where: { unitId: disdukcapilId, status: { notIn: ["REJECTED", "DUPLICATE", "CLOSED", "WITHDRAWN"] } },
      orderBy: [{ nextDueAt: { sort: "asc", nulls: "last" } }, { submittedAt: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    expect(ids).toEqual(expected.map((c) => c.id));

    // Filters by GET: overdue only; a status; the closed one when asked for.
    expect((await allInboxIds(cookies.OFFICER!, "?terlambat=1")).ids).toEqual([overdueId]);
    expect((await allInboxIds(cookies.OFFICER!, "?status=CLOSED")).ids).toEqual([closed.id]);

    // Small pages through the model: cursors inside runs of equal deadlines and among the rows
    // without a deadline still give every row once, in order.
    const scope = { unitIds: [disdukcapilId], includeUnassigned: false };
    const officerUser = await db().user.findUniqueOrThrow({ where: { email: account("OFFICER").email } });
    const small: string[] = [];
    let cursor: InboxCursor | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const page = await listInbox(db(), { scope, filters: {}, cursor, now: new Date(), userId: officerUser.id, limit: 2 });
      small.push(...page.rows.map((row) => row.id));
      if (!page.nextCursor) break;
      cursor = decodeCursor(page.nextCursor);
      expect(cursor).not.toBeNull();
    }
    expect(small).toEqual(expected.map((c) => c.id));
    // A forged cursor is ignored, not an error.
    expect((await get("/staf/kotak-masuk?setelah=%27%3Bdrop", cookies.OFFICER!)).response.status).toBe(200);
  });
});

describe("staff actions", () => {
  it("acknowledges, asks the citizen a question they see on /lacak, and refuses what the status does not allow", async () => {
    const { code, pin, id } = await fileComplaint();
    await bringToUnit(id);
    const page = await get(detail(id), cookies.OFFICER!);
    expect(page.html).toContain('name="intent" value="acknowledge"');
    expect(page.html).not.toContain('name="intent" value="respond"');

    // Respond before acknowledging: not now (409), and the text stays.
    const early = await post(detail(id), cookies.OFFICER!, { intent: "respond", message: "Jawaban terlalu dini" });
    expect(early.response.status).toBe(409);
    expect(early.html).toContain("Tindakan ini tidak dapat dilakukan");
    // No respond form to put it back in yet: shown read-only under the refusal, to copy.
    expect(renderedHtml(early.raw)).toMatch(/<textarea[^>]*readonly=""[^>]*>Jawaban terlalu dini<\/textarea>/i);

    const ack = await post(detail(id), cookies.OFFICER!, { intent: "acknowledge" });
    expect(ack.response.status).toBe(302);
    expect((await db().complaint.findUniqueOrThrow({ where: { id } })).status).toBe("IN_PROGRESS");

    const empty = await post(detail(id), cookies.OFFICER!, { intent: "request-info", message: "   " });
    expect(empty.response.status).toBe(400);
    expect(empty.html).toContain("Tulis pertanyaan untuk pengadu.");

    const question = "Mohon kirim foto tanda terima pengajuan KTP-el Anda.";
    const asked = await post(detail(id), cookies.OFFICER!, { intent: "request-info", message: question });
    expect(asked.response.status).toBe(302);
    const complaint = await db().complaint.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { id: "desc" }, take: 1 } } });
    expect(complaint.status).toBe("AWAITING_CITIZEN");
    const officerUser = await db().user.findUniqueOrThrow({ where: { email: account("OFFICER").email } });
    expect(complaint.events[0]).toMatchObject({ type: "INFO_REQUESTED", actorUserId: officerUser.id, actorUnitId: disdukcapilId, message: question });

    const access = await fetch(`${server.baseUrl}/lacak`, {
      method: "POST",
      body: new URLSearchParams({ kode: code, pin }),
      redirect: "manual",
      headers: { "x-forwarded-for": nextClientIp() },
    });
    const trackCookie = (access.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const tracking = await fetch(`${server.baseUrl}/lacak/${code}`, { headers: { cookie: trackCookie } });
    expect(renderedHtml(await tracking.text())).toContain(question);
  });

  it("responds with an attachment, notes internally, and proposes a resolution", async () => {
    const { id, code } = await fileComplaint();
    await bringToUnit(id);
    await post(detail(id), cookies.OFFICER!, { intent: "acknowledge" });
    const jpeg = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(1024, 7)]));
    const responded = await post(detail(id), cookies.OFFICER!, { intent: "respond", message: "Berkas Anda sedang dicetak." }, [{ name: "bukti-cetak.jpg", bytes: jpeg }]);
    expect(responded.response.status).toBe(302);
    await post(detail(id), cookies.OFFICER!, { intent: "note", message: "Catatan internal: blangko habis minggu lalu." });
    const proposed = await post(detail(id), cookies.OFFICER!, { intent: "propose-resolution", message: "KTP-el sudah dapat diambil di loket 3." });
    expect(proposed.response.status).toBe(302);
    const complaint = await db().complaint.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { id: "asc" } }, attachments: true } });
    expect(complaint.status).toBe("RESOLVED");
    expect(complaint.events.map((e) => e.type)).toEqual(["SUBMITTED", "VERIFIED", "ASSIGNED", "ACKNOWLEDGED", "RESPONDED", "NOTE", "RESOLUTION_PROPOSED"]);
    expect(complaint.events.find((e) => e.type === "NOTE")!.visibility).toBe("INTERNAL");
    expect(complaint.attachments.map((a) => a.originalName)).toContain("bukti-cetak.jpg");

    const page = await get(detail(id), cookies.OFFICER!);
    expect(page.html).toContain("bukti-cetak.jpg");
    expect(page.html).toContain("Catatan internal: blangko habis minggu lalu.");
    expect(page.html).toContain(code);
  });

  it("lets the unit head assign an officer (a NOTE with the officer id), and refuses a stranger", async () => {
    const { id } = await fileComplaint();
    await bringToUnit(id);
    const officerUser = await db().user.findUniqueOrThrow({ where: { email: account("OFFICER").email } });
    const coordinatorUser = await db().user.findUniqueOrThrow({ where: { email: account("COORDINATOR").email } });
    expect((await get(detail(id), cookies.OFFICER!)).html).not.toContain('value="assign"');
    const stranger = await post(detail(id), cookies.UNIT_HEAD!, { intent: "assign", officerId: coordinatorUser.id });
    expect(stranger.response.status).toBe(400);
    const assigned = await post(detail(id), cookies.UNIT_HEAD!, { intent: "assign", officerId: officerUser.id });
    expect(assigned.response.status).toBe(302);
    const complaint = await db().complaint.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { id: "desc" }, take: 1 } } });
    expect(complaint.assignedOfficerId).toBe(officerUser.id);
    expect(complaint.events[0]).toMatchObject({ type: "NOTE", payload: { assignedOfficerId: officerUser.id } });
    expect((await allInboxIds(cookies.OFFICER!, "?saya=1")).ids).toContain(id);
  });

  it("transfers a complaint to another unit: it leaves the officer's inbox", async () => {
    const { id } = await fileComplaint();
    await bringToUnit(id);
    expect((await allInboxIds(cookies.OFFICER!)).ids).toContain(id);
    const noReason = await post(detail(id), cookies.OFFICER!, { intent: "transfer", unitId: dinkesId, reason: "" });
    expect(noReason.response.status).toBe(400);
    const moved = await post(detail(id), cookies.OFFICER!, { intent: "transfer", unitId: dinkesId, reason: "Menyangkut layanan puskesmas." });
    expect(moved.response.status).toBe(302);
    expect(moved.location).toBe("/staf/kotak-masuk?selesai=transfer");
    const complaint = await db().complaint.findUniqueOrThrow({ where: { id } });
    expect(complaint).toMatchObject({ unitId: dinkesId, status: "ASSIGNED", assignedOfficerId: null });
    expect((await allInboxIds(cookies.OFFICER!)).ids).not.toContain(id);
    expect((await get(detail(id), cookies.OFFICER!)).response.status).toBe(403);
    const replay = await post(detail(id), cookies.OFFICER!, { intent: "note", message: "masih bisa?" });
    expect(replay.response.status).toBe(403);
  });
});

describe("appeals", () => {
  /** Resolved by the officer, then appealed by the citizen: status APPEALED. */
  async function appealedComplaint() {
    const { id } = await fileComplaint();
    await bringToUnit(id);
    await post(detail(id), cookies.OFFICER!, { intent: "acknowledge" });
    expect((await post(detail(id), cookies.OFFICER!, { intent: "propose-resolution", message: "KTP-el sudah dapat diambil." })).response.status).toBe(302);
    const appeal = await applyTransition(db(), { complaintId: id, action: "APPEAL", actor: "CITIZEN", message: "KTP-el belum ada di loket.", now: new Date() });
    expect(appeal.ok).toBe(true);
    return id;
  }

  it("lets the liaison dismiss an appeal with a reason the citizen reads; the unit cannot decide its own appeal", async () => {
    const id = await appealedComplaint();
    expect((await get("/staf", cookies.LIAISON!)).html).toContain('href="/staf/kotak-masuk?status=APPEALED"');
    expect((await get("/staf", cookies.OFFICER!)).html).not.toContain("status=APPEALED");
    expect((await allInboxIds(cookies.LIAISON!, "?status=APPEALED")).ids).toContain(id);
    const officerPage = await get(detail(id), cookies.OFFICER!);
    expect(officerPage.html).not.toContain('value="dismiss-appeal"');
    expect((await post(detail(id), cookies.OFFICER!, { intent: "dismiss-appeal", message: "Tidak." })).response.status).toBe(403);
    expect((await post(detail(id), cookies.UNIT_HEAD!, { intent: "uphold-appeal", message: "Ya." })).response.status).toBe(403);

    const liaisonPage = await get(detail(id), cookies.LIAISON!);
    expect(liaisonPage.html).toContain('value="uphold-appeal"');
    expect(liaisonPage.html).toContain('value="dismiss-appeal"');
    const noReason = await post(detail(id), cookies.LIAISON!, { intent: "dismiss-appeal", message: "  " });
    expect(noReason.response.status).toBe(400);
    expect(renderedHtml(noReason.html)).toContain("Tulis alasan keputusan banding");

    const reason = "Unit menunjukkan bukti KTP-el tercetak dan siap diambil sejak 10 November.";
    const dismissed = await post(detail(id), cookies.LIAISON!, { intent: "dismiss-appeal", message: reason });
    expect(dismissed.response.status).toBe(302);
    expect(dismissed.location).toBe(`${detail(id)}?selesai=dismiss-appeal`);
    const complaint = await db().complaint.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { id: "desc" }, take: 1 } } });
    expect(complaint.status).toBe("CLOSED");
    expect(complaint.closedAt).not.toBeNull();
    const liaison = await db().user.findUniqueOrThrow({ where: { email: account("LIAISON").email } });
    expect(complaint.events[0]).toMatchObject({
      type: "APPEAL_DECIDED",
      visibility: "PUBLIC",
      message: reason,
      actorUserId: liaison.id,
      fromStatus: "APPEALED",
      toStatus: "CLOSED",
      payload: { decision: "DISMISSED" },
    });
    // Decided once: a second decision (a replayed form) is refused as not possible now.
    expect((await post(detail(id), cookies.LIAISON!, { intent: "uphold-appeal", message: "Berubah pikiran." })).response.status).toBe(409);
  });

  it("lets the liaison uphold an appeal: the complaint goes back to the unit with the resolution clock running", async () => {
    const id = await appealedComplaint();
    const upheld = await post(detail(id), cookies.LIAISON!, { intent: "uphold-appeal", message: "Bukti dari pengadu menunjukkan KTP-el belum tersedia." });
    expect(upheld.response.status).toBe(302);
    const complaint = await db().complaint.findUniqueOrThrow({ where: { id } });
    expect(complaint).toMatchObject({ status: "REOPENED", nextDueStage: "RESOLUTION", closedAt: null, resolvedAt: null });
    // The unit takes it up again (reopened complaints are acknowledged like new arrivals).
    expect((await get(detail(id), cookies.OFFICER!)).html).toContain('value="acknowledge"');
    expect((await get(detail(id), cookies.LIAISON!)).html).not.toContain('value="uphold-appeal"');
  });
});

describe("complainant identity", () => {
  it("never shows an ANONIM identity to the unit's officer, in the inbox or the detail page, and refuses the reveal", async () => {
    const anon = await fileComplaint({ visibility: "ANONIM" });
    await bringToUnit(anon.id);
    const inbox = await allInboxIds(cookies.OFFICER!);
    expect(inbox.ids).toContain(anon.id);
    const pages = [(await get("/staf/kotak-masuk", cookies.OFFICER!)).raw, (await get(detail(anon.id), cookies.OFFICER!)).raw];
    for (const html of pages) for (const value of Object.values(anon.identity)) expect(html).not.toContain(value);
    expect(pages[1]).not.toContain('value="reveal-identity"');
    const refused = await post(detail(anon.id), cookies.OFFICER!, { intent: "reveal-identity", purpose: "follow-up" });
    expect(refused.response.status).toBe(403);
    for (const value of Object.values(anon.identity)) expect(refused.raw).not.toContain(value);
    expect(await db().identityAccess.count({ where: { complaintId: anon.id } })).toBe(0);

    // The coordinator may, and it is audited.
    const coordinatorUser = await db().user.findUniqueOrThrow({ where: { email: account("COORDINATOR").email } });
    expect((await get(detail(anon.id), cookies.COORDINATOR!)).html).toContain('value="reveal-identity"');
    const revealed = await post(detail(anon.id), cookies.COORDINATOR!, { intent: "reveal-identity", purpose: "verification" });
    expect(revealed.response.status).toBe(200);
    expect(revealed.html).toContain(anon.identity.name);
    expect(revealed.html).toContain(anon.identity.email);
    const rows = await db().identityAccess.findMany({ where: { complaintId: anon.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: coordinatorUser.id, purpose: "verification" });
  });

  it("lets the officer reveal a PUBLIC identity, writing an IdentityAccess row each time", async () => {
    const pub = await fileComplaint({ visibility: "PUBLIC" });
    await bringToUnit(pub.id);
    const page = await get(detail(pub.id), cookies.OFFICER!);
    for (const value of Object.values(pub.identity)) expect(page.raw).not.toContain(value);
    expect(page.html).toContain("Lihat identitas pengadu");
    for (let i = 1; i <= 2; i++) {
      const revealed = await post(detail(pub.id), cookies.OFFICER!, { intent: "reveal-identity", purpose: "follow-up" });
      expect(revealed.response.status).toBe(200);
      expect(revealed.html).toContain(pub.identity.name);
      expect(revealed.html).toContain(pub.identity.phone);
      expect(await db().identityAccess.count({ where: { complaintId: pub.id } })).toBe(i);
    }
    // Not in the inbox list.
    expect((await get("/staf/kotak-masuk", cookies.OFFICER!)).raw).not.toContain(pub.identity.name);

    // The trail is readable by those who oversee staff: who, why, which complaint; never whose identity.
    const code = (await db().complaint.findUniqueOrThrow({ where: { id: pub.id } })).trackingCode;
    const officer = await db().user.findUniqueOrThrow({ where: { email: account("OFFICER").email } });
    for (const role of ["ADMIN", "INSPECTORATE"]) {
      const trail = await get(`/staf/admin/audit?pengguna=${officer.id}`, cookies[role]!);
      expect(trail.response.status, role).toBe(200);
      const rows = trail.html.split('data-testid="identity-access-row"').slice(1).filter((row) => row.includes(code));
      expect(rows).toHaveLength(2);
      expect(rows[0]).toContain(officer.name);
      expect(rows[0]).toContain("Tindak lanjut pengaduan");
      for (const value of Object.values(pub.identity)) expect(trail.raw).not.toContain(value);
    }
    expect((await get("/staf/admin/audit", cookies.OFFICER!)).response.status).toBe(403);
    // A range that ends before the views shows none of them; the activity trail answers too.
    expect((await get(`/staf/admin/audit?pengguna=${officer.id}&sampai=2020-01-01`, cookies.ADMIN!)).html).not.toContain(code);
    expect((await get("/staf/admin/audit?jenis=aktivitas&dari=bukan-tanggal", cookies.ADMIN!)).response.status).toBe(200);
  });
});
