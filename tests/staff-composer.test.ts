// The complaint page's one composer and the triage desk's "verify and open the next" (issue #21,
// item 3) through the real routes (HTTP form posts, no JavaScript), against a seeded schema of its
// own: which modes each role gets, a reply "sent and waiting for the citizen" on a complaint not yet
// acknowledged, refusals that keep what was typed, the old per-intent posts, and the page's order.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../prisma/seed/index";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
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
let dukcapilProductId: string;
const cookies: Record<string, string> = {};

const nextClientIp = clientAddresses("10.67");

const login = (email: string) => staffLogin(server.baseUrl, { email, password: PASSWORD, clientIp: nextClientIp() });

beforeAll(async () => {
  await seedDemoAccounts(db(), { password: PASSWORD, mustChangePassword: false });
  dukcapilProductId = (await db().serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } })).id;
  for (const role of ["OFFICER", "UNIT_HEAD", "COORDINATOR", "INSPECTORATE"]) cookies[role] = await login(account(role).email);
});

let personCounter = 0;
/** Files a complaint through /lapor (with an e-mail address, so the citizen is written to). */
async function fileComplaint({ visibility = "PUBLIC" }: { visibility?: string } = {}) {
  const n = ++personCounter;
  const kelurahan = await db().region.findFirstOrThrow({ where: { kind: "KELURAHAN" } });
  const fields: Record<string, string> = {
    productId: dukcapilProductId,
    description: "Pelayanan KTP-el di loket sangat lambat dan petugas tidak memberi kepastian waktu selesai.",
    incidentDate: "2026-11-02",
    kecamatanCode: kelurahan.parentCode!,
    kelurahanCode: kelurahan.code,
    chooser: "slow",
    name: `Warga Penyusun Nomor${n}X`,
    email: `warga.penyusun${n}@example.test`,
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
  expect(response.status).toBe(200);
  const code = html.match(/data-testid="tracking-code">([^<]+)</)![1]!;
  return (await db().complaint.findUniqueOrThrow({ where: { trackingCode: code }, select: { id: true, trackingCode: true } })).id;
}

async function bringToUnit(id: string) {
  for (const [action, actor] of [["VERIFY", "COORDINATOR"], ["ASSIGN", "SYSTEM"]] as const) {
    expect((await applyTransition(db(), { complaintId: id, action, actor, now: new Date() })).ok).toBe(true);
  }
}

async function get(path: string, cookie: string) {
  const response = await fetch(`${server.baseUrl}${path}`, { headers: { cookie }, redirect: "manual" });
  return { response, ...(await readPage(response)), location: response.headers.get("location") };
}

async function post(path: string, cookie: string, fields: Record<string, string>, files: { name: string; bytes: Uint8Array<ArrayBuffer> }[] = []) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  for (const file of files) form.append("attachments", new Blob([file.bytes]), file.name);
  const response = await fetch(`${server.baseUrl}${path}`, { method: "POST", body: form, headers: { cookie }, redirect: "manual" });
  return { response, ...(await readPage(response)), location: response.headers.get("location") };
}

const detail = (id: string) => `/staf/pengaduan/${id}`;
const modesOf = (html: string) => [...html.matchAll(/<input[^>]*name="mode"[^>]*value="([a-z]+)"/g)].map((m) => m[1]);
const jpeg = () => new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(512, 7)]));

/**
 * Tab stops in a stretch of markup, as a keyboard meets them: links, buttons, selects, text areas
 * and inputs (a radio group is one stop; hidden inputs none).
 */
function tabStops(markup: string): number {
  const radios = new Set<string>();
  let stops = 0;
  for (const match of markup.matchAll(/<(a|button|select|textarea|input)\b([^>]*)>/g)) {
    const [, tag, attributes] = match as unknown as [string, string, string];
    if (/tabindex="-1"/.test(attributes) || /\sdisabled=""/.test(attributes)) continue;
    if (tag === "a" && !/\shref=/.test(attributes)) continue;
    if (tag === "input") {
      if (/type="hidden"/.test(attributes)) continue;
      const radio = /type="radio"/.test(attributes) ? attributes.match(/name="([^"]+)"/)?.[1] : undefined;
      if (radio) {
        if (radios.has(radio)) continue;
        radios.add(radio);
      }
    }
    stops++;
  }
  return stops;
}

describe("the composer's modes", () => {
  it("offers the officer every mode on an assigned complaint (acknowledging first), the coordinator only asking and notes, the Inspektorat none", async () => {
    const id = await fileComplaint();
    await bringToUnit(id);
    const officer = await get(detail(id), cookies.OFFICER!);
    expect(officer.response.status).toBe(200);
    expect(modesOf(officer.html)).toEqual(["reply", "ask", "propose", "note"]);
    expect(officer.html).toContain('name="intent" value="compose"');
    expect(officer.html).toContain("sekaligus Anda terima");
    expect(officer.html).toContain('data-testid="composer-send-await"');
    // One text box and one file input on the whole page for writing to the citizen.
    expect(officer.html.match(/<textarea[^>]*name="message"/g)).toHaveLength(1);
    expect(officer.html.match(/type="file"/g)).toHaveLength(1);

    // The coordinator works any complaint but answers for no unit.
    expect((await applyTransition(db(), { complaintId: id, action: "ACKNOWLEDGE", actor: "OFFICER", now: new Date() })).ok).toBe(true);
    const coordinator = await get(detail(id), cookies.COORDINATOR!);
    expect(modesOf(coordinator.html)).toEqual(["ask", "note"]);
    expect(coordinator.html).not.toContain('data-testid="composer-send-await"');
    const inspectorate = await get(detail(id), cookies.INSPECTORATE!);
    expect(inspectorate.response.status).toBe(200);
    expect(modesOf(inspectorate.html)).toEqual([]);
    expect(inspectorate.html).not.toContain('id="composer"');
  });
});

describe("sending from the composer", () => {
  it("a reply sent 'and waiting for the citizen' on an assigned complaint acknowledges it, then asks: two events, the clock paused, the citizen written to", async () => {
    const id = await fileComplaint();
    await bringToUnit(id);
    const question = "Mohon kirim foto tanda terima pengajuan KTP-el Anda agar kami bisa menelusuri berkasnya.";
    const sent = await post(detail(id), cookies.OFFICER!, { intent: "compose", mode: "reply", next: "await-citizen", message: question }, [{ name: "contoh-tanda-terima.jpg", bytes: jpeg() }]);
    expect(sent.response.status).toBe(302);
    expect(sent.location).toBe(`${detail(id)}?selesai=request-info`);
    const officer = await db().user.findUniqueOrThrow({ where: { email: account("OFFICER").email } });
    const complaint = await db().complaint.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { id: "asc" } }, attachments: true } });
    expect(complaint.status).toBe("AWAITING_CITIZEN");
    expect(complaint.events.map((e) => e.type)).toEqual(["SUBMITTED", "VERIFIED", "ASSIGNED", "ACKNOWLEDGED", "INFO_REQUESTED"]);
    expect(complaint.events.at(-2)).toMatchObject({ actorUserId: officer.id });
    expect(complaint.events.at(-1)).toMatchObject({ actorUserId: officer.id, visibility: "PUBLIC", message: question });
    expect(complaint.attachments.map((a) => a.originalName)).toContain("contoh-tanda-terima.jpg");
    expect(complaint.citizenReplyDueAt).toBeInstanceOf(Date);
    // The citizen's question mail is queued with the event.
    const mails = await db().emailMessage.findMany({ where: { complaintId: id } });
    expect(mails.map((m) => m.template)).toContain("complaint.question");

    const page = await get(sent.location!, cookies.OFFICER!);
    expect(page.html).toContain("Pertanyaan terkirim kepada pengadu.");
    expect(page.html.slice(page.html.indexOf('data-testid="timeline"'))).toContain(question);
    // Sent: the composer is empty again.
    expect(page.html).toMatch(/<textarea[^>]*id="composer-message"[^>]*><\/textarea>/);
  });

  it("sends a plain reply, a proposal via 'send and propose', and an internal note", async () => {
    const id = await fileComplaint();
    await bringToUnit(id);
    expect((await post(detail(id), cookies.OFFICER!, { intent: "compose", mode: "reply", next: "send", message: "Berkas Anda sedang kami periksa." })).response.status).toBe(302);
    expect((await post(detail(id), cookies.OFFICER!, { intent: "compose", mode: "note", next: "send", message: "Blangko habis sejak Senin." })).response.status).toBe(302);
    expect((await post(detail(id), cookies.OFFICER!, { intent: "compose", mode: "reply", next: "resolve", message: "KTP-el dapat diambil di loket 3." })).response.status).toBe(302);
    const complaint = await db().complaint.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { id: "asc" } } } });
    expect(complaint.status).toBe("RESOLVED");
    expect(complaint.events.map((e) => [e.type, e.visibility])).toEqual([
      ["SUBMITTED", "PUBLIC"],
      ["VERIFIED", "PUBLIC"],
      ["ASSIGNED", "PUBLIC"],
      ["ACKNOWLEDGED", "PUBLIC"],
      ["RESPONDED", "PUBLIC"],
      ["NOTE", "INTERNAL"],
      ["RESOLUTION_PROPOSED", "PUBLIC"],
    ]);
  });

  it("a refused send keeps the text and the mode, and says the chosen files must be chosen again; nothing is written", async () => {
    const id = await fileComplaint();
    await bringToUnit(id);
    const empty = await post(detail(id), cookies.OFFICER!, { intent: "compose", mode: "ask", next: "send", message: "   " }, [{ name: "foto.jpg", bytes: jpeg() }]);
    expect(empty.response.status).toBe(400);
    expect(empty.html).toContain("Tulis pertanyaan untuk pengadu.");
    expect(empty.html).toContain('data-testid="composer-files-again"');
    expect(empty.html).toMatch(/<input[^>]*value="ask"[^>]*checked=""|<input[^>]*checked=""[^>]*value="ask"/);

    // An internal note is never sent to the citizen, whatever button was pressed.
    const typed = "Catatan: pengadu pernah datang dua kali ke loket.";
    const contradicting = await post(detail(id), cookies.OFFICER!, { intent: "compose", mode: "note", next: "await-citizen", message: typed });
    expect(contradicting.response.status).toBe(400);
    expect(contradicting.html).toContain("catatan internal tidak pernah dikirim kepada pengadu");
    expect(contradicting.html).toContain(`>${typed}</textarea>`);
    const unknownMode = await post(detail(id), cookies.OFFICER!, { intent: "compose", mode: "respond", message: typed });
    expect(unknownMode.response.status).toBe(400);

    const complaint = await db().complaint.findUniqueOrThrow({ where: { id }, include: { events: true } });
    expect(complaint.status).toBe("ASSIGNED");
    expect(complaint.events).toHaveLength(3);
  });

  it("refuses what the user may not send: the coordinator's reply (not now, text kept), the Inspektorat's note (forbidden)", async () => {
    const id = await fileComplaint();
    await bringToUnit(id);
    const coordinator = await post(detail(id), cookies.COORDINATOR!, { intent: "compose", mode: "reply", message: "Dijawab koordinator." });
    expect(coordinator.response.status).toBe(409);
    expect(renderedHtml(coordinator.raw)).toContain("Dijawab koordinator.");
    const inspectorate = await post(detail(id), cookies.INSPECTORATE!, { intent: "compose", mode: "note", message: "Catatan Inspektorat." });
    expect(inspectorate.response.status).toBe(403);
    expect((await db().complaint.findUniqueOrThrow({ where: { id }, include: { events: true } })).events).toHaveLength(3);
  });

  it("the old per-intent posts still work", async () => {
    const id = await fileComplaint();
    await bringToUnit(id);
    expect((await post(detail(id), cookies.OFFICER!, { intent: "acknowledge" })).response.status).toBe(302);
    const empty = await post(detail(id), cookies.OFFICER!, { intent: "respond", message: "" });
    expect(empty.response.status).toBe(400);
    expect(empty.html).toContain("Tulis tanggapan.");
    expect((await post(detail(id), cookies.OFFICER!, { intent: "respond", message: "Tanggapan lewat formulir lama." })).response.status).toBe(302);
    expect((await post(detail(id), cookies.OFFICER!, { intent: "note", message: "Catatan lewat formulir lama." })).response.status).toBe(302);
    const types = (await db().complaintEvent.findMany({ where: { complaintId: id }, orderBy: { id: "asc" } })).map((e) => e.type);
    expect(types.slice(-3)).toEqual(["ACKNOWLEDGED", "RESPONDED", "NOTE"]);
  });
});

describe("the page's order", () => {
  it("puts the skip link to the composer right after the back link, no identity reveal first, and a short way to 'Kirim'", async () => {
    const id = await fileComplaint();
    await bringToUnit(id);
    const { html } = await get(detail(id), cookies.OFFICER!);
    const main = html.slice(html.indexOf('<main'));
    const back = main.indexOf('href="/staf/kotak-masuk"');
    expect(back).toBeGreaterThan(-1);
    const afterBack = main.slice(back);
    // The next link after "Kembali" jumps to the composer.
    expect(afterBack.match(/<a [^>]*href="([^"]+)"/g)?.[0]).toContain('href="#composer"');
    // The first form after the back link is not the identity reveal (it is the last in the side panel).
    const firstForm = afterBack.slice(afterBack.indexOf("<form"));
    expect(firstForm.slice(0, firstForm.indexOf("</form>"))).not.toContain("reveal-identity");
    expect(afterBack.indexOf('value="reveal-identity"')).toBeGreaterThan(afterBack.indexOf('value="acknowledge"'));
    // Documented bound (issue #21): from the back link, Tab → skip link → (Enter) → mode → text →
    // attachments → Kirim is 6 stops; with the unit's templates (select + "Sisipkan") 8.
    const composer = main.slice(main.indexOf('id="composer"'));
    const toSend = composer.slice(0, composer.indexOf('data-testid="composer-send"'));
    const templates = toSend.includes('data-testid="use-template"') ? 2 : 0;
    expect(tabStops(toSend) + 1).toBe(4 + templates);
    expect(2 + tabStops(toSend) + 1).toBeLessThanOrEqual(8);
    // The side panel shows where it stands, with working time left in the short form.
    expect(html).toContain('data-testid="side-panel"');
    expect(html).toMatch(/data-testid="deadlines"[\s\S]*?(hari|jam|menit) [\s\S]*?kerja lagi/);
    expect(html).toContain("Situs web");
  });
});

describe("the priority in the side panel", () => {
  it("offers the unit head the priority form (not the officer), and a change redirects with its notice", async () => {
    const id = await fileComplaint();
    await bringToUnit(id);
    expect((await get(detail(id), cookies.OFFICER!)).html).not.toContain('data-testid="priority-form"');
    expect((await get(detail(id), cookies.UNIT_HEAD!)).html).toContain('data-testid="priority-form"');
    const noReason = await post(detail(id), cookies.UNIT_HEAD!, { intent: "set-priority", priority: "HIGH", reason: "" });
    expect(noReason.response.status).toBe(400);
    expect(noReason.html).toMatch(/<details[^>]*open=""[^>]*data-testid="side-priority"/);
    const changed = await post(detail(id), cookies.UNIT_HEAD!, { intent: "set-priority", priority: "HIGH", reason: "Pengadu lansia, butuh KTP untuk berobat." });
    expect(changed.response.status).toBe(302);
    expect(changed.location).toBe(`${detail(id)}?selesai=set-priority`);
    expect((await db().complaint.findUniqueOrThrow({ where: { id } })).priority).toBe("HIGH");
    expect((await post(detail(id), cookies.OFFICER!, { intent: "set-priority", priority: "URGENT", reason: "Coba." })).response.status).toBe(403);
  });
});

describe("triage: verify and open the next", () => {
  it("walks the queue in its order, back to the skipped ones, and ends on the list with a notice", async () => {
    // Every other complaint of this file has left the queue; these three sort first.
    const first = await fileComplaint();
    const second = await fileComplaint();
    const held = await fileComplaint();
    await db().complaint.update({ where: { id: first }, data: { verificationDueAt: new Date("2020-01-01T02:00:00Z") } });
    await db().complaint.update({ where: { id: second }, data: { verificationDueAt: new Date("2020-01-02T02:00:00Z") } });
    await db().complaint.update({ where: { id: held }, data: { verificationDueAt: new Date("2020-01-03T02:00:00Z") } });
    expect((await applyTransition(db(), { complaintId: held, action: "HOLD", actor: "COORDINATOR", message: "Menunggu lampiran.", now: new Date() })).ok).toBe(true);
    for (const leftover of await db().complaint.findMany({ where: { status: "SUBMITTED", id: { notIn: [first, second] } }, select: { id: true } })) {
      await bringToUnit(leftover.id);
    }

    const page = await get(`/staf/triase/${second}`, cookies.COORDINATOR!);
    expect(page.html).toContain('data-testid="triage-verify-next"');
    expect(page.html).toContain('data-testid="priority"');
    // Destructive actions: red, explained, and after verify.
    expect(page.html).toMatch(/class="button button--danger"[^>]*>Tolak/);
    expect(page.html.indexOf('data-testid="triage-submit-verify"')).toBeLessThan(page.html.indexOf('data-testid="triage-submit-reject"'));

    // The second first: nothing after it is waiting (the held one is skipped), so back to the first.
    const fromSecond = await post(`/staf/triase/${second}`, cookies.COORDINATOR!, { intent: "verify", next: "open" });
    expect(fromSecond.response.status).toBe(302);
    expect(fromSecond.location).toBe(`/staf/triase/${first}?selesai=verify-next`);
    expect((await get(fromSecond.location!, cookies.COORDINATOR!)).html).toContain("Ini pengaduan berikutnya yang menunggu verifikasi.");
    const fromFirst = await post(`/staf/triase/${first}`, cookies.COORDINATOR!, { intent: "verify", next: "open" });
    expect(fromFirst.location).toBe("/staf/triase?selesai=verify-last");
    const list = await get(fromFirst.location!, cookies.COORDINATOR!);
    expect(list.html).toContain("Tidak ada lagi pengaduan yang menunggu verifikasi.");
    expect(list.html).toContain('data-testid="triage-priority"');
    for (const id of [first, second]) expect((await db().complaint.findUniqueOrThrow({ where: { id } })).status).toBe("VERIFIED");
    // A plain verify stays on the item, as before.
    const plain = await fileComplaint();
    expect((await post(`/staf/triase/${plain}`, cookies.COORDINATOR!, { intent: "verify" })).location).toBe(`/staf/triase/${plain}?selesai=verify`);
  });
});
