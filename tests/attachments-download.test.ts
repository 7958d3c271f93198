// Opening a complaint's attachments: the citizen from the tracking page (public timeline only, with
// tracking access), staff who may read the complaint (audited), nobody else; the file comes back
// byte for byte, as a download that cannot run anything in our origin.
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../prisma/seed/index";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import { contentDisposition } from "~/domain/complaints/attachment-download.server";
import { attachToEvent } from "~/models/attachments.server";
import { storeBlob } from "~/services/attachments.server";
import { getEnv } from "~/services/env.server";
import { useTestServer } from "./e2e/support/browser";
import { complaintFields, toFormData, type ComplaintPlace } from "./support/complaint-form";
import { renderedHtml } from "./support/html";

process.env.TRUST_PROXY = "1";
const server = useTestServer();
const db = () => server.database.db;
const PASSWORD = "kata-sandi-lampiran-uji-2026";
const JPEG = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(3000, 9)]));
const NAME = "foto antrean ÄÖ \"loket\" 3.jpg";

let storedName = "";
let own: ComplaintPlace;
let other: ComplaintPlace;
let clientCounter = 0;
const nextClientIp = () => `10.66.${Math.floor(clientCounter / 250)}.${(clientCounter++ % 250) + 1}`;

beforeAll(async () => {
  await seedDemoAccounts(db(), { password: PASSWORD, mustChangePassword: false });
  const kelurahan = await db().region.findFirstOrThrow({ where: { kind: "KELURAHAN" } });
  const place = (productId: string) => ({ productId, kecamatanCode: kelurahan.parentCode!, kelurahanCode: kelurahan.code });
  own = place((await db().serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } })).id);
  const dinkes = await db().serviceUnit.findFirstOrThrow({ where: { code: "DINKES" } });
  other = place((await db().serviceProduct.findFirstOrThrow({ where: { unitId: dinkes.id, isActive: true } })).id);
});

/** Files a complaint with one JPEG through /lapor, opens its tracking page; returns what a citizen holds. */
async function fileWithPhoto(place: ComplaintPlace) {
  const filed = await fetch(`${server.baseUrl}/lapor`, {
    method: "POST",
    body: toFormData(complaintFields(place), [{ name: NAME, bytes: JPEG, type: "image/jpeg" }]),
    headers: { "x-forwarded-for": nextClientIp() },
  });
  const receipt = renderedHtml(await filed.text());
  const code = receipt.match(/data-testid="tracking-code">([^<]+)</)?.[1];
  const pin = receipt.match(/data-testid="tracking-pin">(\d{6})</)?.[1];
  expect(code && pin, receipt.slice(0, 300)).toBeTruthy();
  const opened = await fetch(`${server.baseUrl}/lacak`, { method: "POST", body: new URLSearchParams({ kode: code!, pin: pin! }), redirect: "manual", headers: { "x-forwarded-for": nextClientIp() } });
  const cookie = (opened.headers.get("set-cookie") ?? "").split(";")[0]!;
  const complaint = await db().complaint.findUniqueOrThrow({ where: { trackingCode: code! }, select: { id: true } });
  const attachment = await db().attachment.findFirstOrThrow({ where: { complaintId: complaint.id } });
  // The name as stored (the upload screening tidies it; app/services/attachments.server.ts).
  expect(attachment.originalName).toMatch(/^foto antrean .*3\.jpg$/);
  storedName = attachment.originalName;
  return { code: code!, cookie, complaintId: complaint.id, attachmentId: attachment.id };
}

async function staffCookie(role: string) {
  const response = await fetch(`${server.baseUrl}/staf/masuk`, {
    method: "POST",
    body: new URLSearchParams({ email: DEMO_ACCOUNTS.find((a) => a.role === role)!.email, password: PASSWORD }),
    redirect: "manual",
    headers: { "x-forwarded-for": nextClientIp() },
  });
  expect(response.status).toBe(302);
  return (response.headers.get("set-cookie") ?? "").split(";")[0]!;
}

const get = (path: string, cookie = "") => fetch(`${server.baseUrl}${path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });

async function expectTheFile(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("image/jpeg");
  const disposition = response.headers.get("content-disposition") ?? "";
  expect(disposition).toBe(contentDisposition(storedName));
  // An ASCII fallback (no quote, no byte above 0x7e) and the exact name, percent-encoded.
  expect(disposition).toMatch(/^attachment; filename="[\x20-\x21\x23-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
  expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(storedName);
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("cache-control")).toBe("private, no-store");
  expect(response.headers.get("content-security-policy")).toMatch(/^sandbox/);
  expect(new Uint8Array(await response.arrayBuffer())).toEqual(JPEG);
}

describe("a citizen's attachments", () => {
  it("are links on the tracking page, and download byte for byte with tracking access", async () => {
    const { code, cookie, attachmentId } = await fileWithPhoto(own);
    const page = renderedHtml(await (await get(`/lacak/${code}`, cookie)).text());
    expect(page).toContain(`href="/lacak/${code}/lampiran/${attachmentId}"`);
    await expectTheFile(await get(`/lacak/${code}/lampiran/${attachmentId}`, cookie));
  });

  it("are not found without access, through another complaint's code, or on an internal event", async () => {
    const mine = await fileWithPhoto(own);
    const theirs = await fileWithPhoto(own);
    for (const [path, cookie] of [
      [`/lacak/${mine.code}/lampiran/${mine.attachmentId}`, ""],
      [`/lacak/${mine.code}/lampiran/${mine.attachmentId}`, theirs.cookie],
      [`/lacak/${theirs.code}/lampiran/${mine.attachmentId}`, theirs.cookie],
      [`/lacak/${mine.code}/lampiran/not-a-uuid`, mine.cookie],
      [`/lacak/bukan-kode/lampiran/${mine.attachmentId}`, mine.cookie],
    ] as const) {
      const response = await get(path, cookie);
      expect(response.status, `${path} with ${cookie ? "a cookie" : "none"}`).toBe(404);
      expect(response.headers.get("content-type") ?? "").not.toContain("image/");
    }
    // A staff note's file on the same complaint: internal, so it does not exist for the citizen.
    const { sha256 } = await storeBlob(getEnv().STORAGE_DIR, new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]));
    const note = await db().complaintEvent.create({ data: { complaintId: mine.complaintId, type: "NOTE", visibility: "INTERNAL", actorKind: "STAFF", message: "catatan" } });
    await attachToEvent(db(), { complaintId: mine.complaintId, eventId: note.id, uploadedBy: "STAFF", attachments: [{ sha256, sizeBytes: 8, mimeType: "image/jpeg", originalName: "internal.jpg" }] });
    const internal = await db().attachment.findFirstOrThrow({ where: { eventId: note.id } });
    expect((await get(`/lacak/${mine.code}/lampiran/${internal.id}`, mine.cookie)).status).toBe(404);
    expect(renderedHtml(await (await get(`/lacak/${mine.code}`, mine.cookie)).text())).not.toContain(internal.id);
  });
});

describe("staff", () => {
  it("who may read the complaint download it from its detail page, and each download is audited", async () => {
    const { complaintId, attachmentId } = await fileWithPhoto(own);
    for (const [action, actor] of [["VERIFY", "COORDINATOR"], ["ASSIGN", "SYSTEM"]] as const) {
      expect((await applyTransition(db(), { complaintId, action, actor, now: new Date() })).ok).toBe(true);
    }
    const officer = await staffCookie("OFFICER");
    const detail = renderedHtml(await (await get(`/staf/pengaduan/${complaintId}`, officer)).text());
    expect(detail).toContain(`href="/staf/lampiran/${attachmentId}"`);
    await expectTheFile(await get(`/staf/lampiran/${attachmentId}`, officer));
    const officerId = (await db().user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.find((a) => a.role === "OFFICER")!.email } })).id;
    const audit = await db().auditLog.findMany({ where: { action: "attachment.downloaded", entityId: attachmentId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: officerId, entity: "attachment", data: { complaintId } });
    // The coordinator reads every complaint, and finds the file on the triage page too.
    const coordinator = await staffCookie("COORDINATOR");
    expect(renderedHtml(await (await get(`/staf/triase/${complaintId}`, coordinator)).text())).toContain(`href="/staf/lampiran/${attachmentId}"`);
    expect((await get(`/staf/lampiran/${attachmentId}`, coordinator)).status).toBe(200);
  });

  it("of another unit, the administrator and signed-out visitors cannot; nothing is audited for them", async () => {
    const { complaintId, attachmentId } = await fileWithPhoto(other);
    for (const [action, actor] of [["VERIFY", "COORDINATOR"], ["ASSIGN", "SYSTEM"]] as const) {
      expect((await applyTransition(db(), { complaintId, action, actor, now: new Date() })).ok).toBe(true);
    }
    expect((await get(`/staf/lampiran/${attachmentId}`, await staffCookie("OFFICER"))).status).toBe(403);
    expect((await get(`/staf/lampiran/${attachmentId}`, await staffCookie("ADMIN"))).status).toBe(403);
    const visitor = await get(`/staf/lampiran/${attachmentId}`);
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("location")).toMatch(/^\/staf\/masuk/);
    expect((await get(`/staf/lampiran/00000000-0000-4000-8000-000000000000`, await staffCookie("COORDINATOR"))).status).toBe(404);
    expect(await db().auditLog.count({ where: { action: "attachment.downloaded", entityId: attachmentId } })).toBe(0);
  });
});
