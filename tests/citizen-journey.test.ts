// The citizen's journey through the real routes (HTTP form posts, no JavaScript), against a seeded
// schema of its own: file, receipt, track, answer, confirm or reject, rate, appeal, withdraw.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import { formatWib } from "~/services/format";
import { generateTrackingCode } from "~/domain/complaints/tracking-code";
import { RATE_LIMITS } from "~/services/rate-limit.server";
import type { Actor, WorkflowAction } from "~/domain/complaints/workflow";
import { useTestServer } from "./e2e/support/browser";
import { complaintFields, toFormData } from "./support/complaint-form";
import { renderedHtml } from "./support/html";

// Requests arrive through a (pretend) reverse proxy, so each test can speak from its own address.
process.env.TRUST_PROXY = "1";
const server = useTestServer();
let productId: string;
let kecamatanCode: string;
let kelurahanCode: string;

beforeAll(async () => {
  const product = await server.database.db.serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } });
  productId = product.id;
  const kelurahan = await server.database.db.region.findFirstOrThrow({ where: { kind: "KELURAHAN" } });
  kelurahanCode = kelurahan.code;
  kecamatanCode = kelurahan.parentCode!;
});

const bytes = (buffer: Buffer): Uint8Array<ArrayBuffer> => new Uint8Array(buffer);
const JPEG = bytes(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 7)]));

interface FileSpec {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
  type?: string;
}

// Distinct per request so the per-network submission limit of one test does not leak into another.
let clientCounter = 0;
const nextClientIp = () => `10.77.${Math.floor(clientCounter / 250)}.${(clientCounter++ % 250) + 1}`;

function complaintForm(overrides: Record<string, string | undefined> = {}, files: FileSpec[] = []): FormData {
  return toFormData(complaintFields({ productId, kecamatanCode, kelurahanCode }, overrides), files);
}

async function submit(form: FormData, ip = nextClientIp()) {
  const response = await fetch(`${server.baseUrl}/lapor`, { method: "POST", body: form, headers: { "x-forwarded-for": ip } });
  return { response, html: renderedHtml(await response.text()) };
}

function receiptOf(html: string): { code: string; pin: string } {
  const code = html.match(/data-testid="tracking-code">([^<]+)</)?.[1];
  const pin = html.match(/data-testid="tracking-pin">(\d{6})</)?.[1];
  if (!code || !pin) throw new Error(`no receipt in the page:\n${html.slice(0, 500)}`);
  return { code, pin };
}

async function fileComplaint(overrides: Record<string, string | undefined> = {}) {
  const { response, html } = await submit(complaintForm(overrides));
  expect(response.status, html.match(/<a href="#\w+">[^<]*|class="field__error"[^>]*>[^<]*/g)?.join(" | ")).toBe(200);
  return receiptOf(html);
}

/** Logs in on /lacak with code and PIN; returns the access cookie. */
async function openTracking(code: string, pin: string, ip = nextClientIp()) {
  const response = await fetch(`${server.baseUrl}/lacak`, {
    method: "POST",
    body: new URLSearchParams({ kode: code, pin }),
    redirect: "manual",
    headers: { "x-forwarded-for": ip },
  });
  return { response, cookie: (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "" };
}

async function trackingPage(code: string, cookie: string) {
  const response = await fetch(`${server.baseUrl}/lacak/${code}`, { headers: { cookie }, redirect: "manual" });
  const raw = await response.text();
  // `raw` (loader data included) for what must be absent; `html` for what the page shows.
  return { response, raw, html: renderedHtml(raw) };
}

async function citizenAction(code: string, cookie: string, fields: Record<string, string>, files: FileSpec[] = []) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  for (const file of files) form.append("attachments", new Blob([file.bytes]), file.name);
  return fetch(`${server.baseUrl}/lacak/${code}`, { method: "POST", body: form, headers: { cookie }, redirect: "manual" });
}

async function complaintByCode(code: string) {
  return server.database.db.complaint.findUniqueOrThrow({ where: { trackingCode: code }, include: { events: { orderBy: { id: "asc" } } } });
}

async function staff(code: string, action: WorkflowAction, actor: Actor, message?: string) {
  const complaint = await complaintByCode(code);
  const outcome = await applyTransition(server.database.db, { complaintId: complaint.id, action, actor, message, now: new Date() });
  expect(outcome.ok, `${action} by ${actor}`).toBe(true);
}

/** Verified, assigned and acknowledged: the unit is working on it. */
async function bringToUnit(code: string) {
  await staff(code, "VERIFY", "COORDINATOR");
  await staff(code, "ASSIGN", "SYSTEM");
  await staff(code, "ACKNOWLEDGE", "OFFICER");
}

describe("filing a complaint", () => {
  it("offers each service in the visitor's language only (the list travels twice in every form page)", async () => {
    const product = await server.database.db.serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } });
    expect(product.name).not.toBe(product.nameEn);
    const page = async (lang: string) => (await fetch(`${server.baseUrl}/lapor?lang=${lang}`)).text();
    const [indonesian, english] = [await page("id"), await page("en")];
    expect(renderedHtml(indonesian)).toContain(`>${product.name}</option>`);
    expect(indonesian).not.toContain(product.nameEn);
    expect(renderedHtml(english)).toContain(`>${product.nameEn}</option>`);
    expect(english).not.toContain(product.name);
  });

  it("stores the complaint, its identity apart, the first deadline and the jobs, and shows a receipt with code and PIN", async () => {
    const { response, html } = await submit(complaintForm({}, [{ name: "ktp-antrian.jpg", bytes: JPEG }]));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const { code, pin } = receiptOf(html);
    expect(code).toMatch(/^LPK-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{6}$/);

    const complaint = await server.database.db.complaint.findUniqueOrThrow({
      where: { trackingCode: code },
      include: { complainant: true, events: true, attachments: true },
    });
    expect(complaint.status).toBe("SUBMITTED");
    expect(complaint.maladministrationCode).toBe("PENUNDAAN_BERLARUT");
    expect(complaint.pinHash).toMatch(/^\$argon2id\$/);
    expect(complaint.pinHash).not.toContain(pin);
    expect(complaint.complainant).toMatchObject({ name: "Siti Aminah", email: "siti.aminah@example.test", phone: "081234567890" });
    expect(complaint.verificationDueAt).toBeInstanceOf(Date);
    expect(complaint.nextDueStage).toBe("VERIFICATION");
    expect(complaint.events.map((e) => e.type)).toEqual(["SUBMITTED"]);
    expect(complaint.attachments).toHaveLength(1);
    const jobs = await server.database.db.outboxMessage.findMany({ where: { jobId: { contains: complaint.id } } });
    // Routing waits for the coordinator's verification; the first SLA check is the verification reminder.
    expect(jobs.map((j) => j.jobName).sort()).toEqual(["complaint.reports.refresh", "complaint.sla.evaluate"]);
    expect(complaint.slaCheckAt!.getTime()).toBeLessThan(complaint.verificationDueAt!.getTime());
    for (const job of jobs) expect(JSON.stringify(job.payload)).not.toMatch(/Siti|example\.test|0812/);
    const email = await server.database.db.emailMessage.findFirstOrThrow({ where: { complaintId: complaint.id } });
    expect(email.bodyText).toContain(code);
    expect(email.bodyText).not.toContain(pin);
  });

  it("creates one complaint for a double submit, and shows the same code and PIN both times", async () => {
    const key = randomBytes(18).toString("base64url");
    const [first, second] = await Promise.all([submit(complaintForm({ idempotencyKey: key })), submit(complaintForm({ idempotencyKey: key }))]);
    const third = await submit(complaintForm({ idempotencyKey: key }));
    const receipts = [first, second, third].map((r) => receiptOf(r.html));
    expect(new Set(receipts.map((r) => `${r.code}/${r.pin}`)).size).toBe(1);
    expect(await server.database.db.complaint.count({ where: { trackingCode: receipts[0]!.code } })).toBe(1);
  });

  it("shows the PIN once: the same form sent again later (Back, then Send) answers with the code and the way back in, never the PIN", async () => {
    const key = randomBytes(18).toString("base64url");
    const post = async (fields: Record<string, string | undefined>, lang = "id") => {
      const response = await fetch(`${server.baseUrl}/lapor?lang=${lang}`, { method: "POST", body: complaintForm(fields), headers: { "x-forwarded-for": nextClientIp() } });
      const raw = await response.text();
      return { response, raw, html: renderedHtml(raw) };
    };
    // Anywhere in the document, loader and action data included; not inside a longer number.
    const containsPin = (raw: string, pin: string) => new RegExp(`(?<!\\d)${pin}(?!\\d)`).test(raw);
    const first = await post({ idempotencyKey: key });
    expect(first.response.status).toBe(200);
    const { code, pin } = receiptOf(first.html);
    expect(containsPin(first.raw, pin)).toBe(true);
    expect(first.html).toContain("PIN hanya ditampilkan sekali");
    // The citizen comes back to the form past the double-tap window (a double tap still shows it: above).
    await server.database.db.complaint.update({ where: { trackingCode: code }, data: { submittedAt: new Date(Date.now() - 10 * 60_000) } });

    const replay = await post({ idempotencyKey: key });
    expect(replay.response.status).toBe(200);
    expect(replay.response.headers.get("cache-control")).toBe("no-store");
    expect(replay.html).toContain(`data-testid="tracking-code">${code}<`);
    expect(replay.raw).not.toContain('data-testid="tracking-pin"');
    expect(containsPin(replay.raw, pin)).toBe(false);
    expect(replay.html).toContain("Pengaduan ini sudah terkirim");
    expect(replay.html).toContain("PIN sudah ditampilkan sekali");
    expect(replay.html).toContain("tautan di email yang kami kirim");
    expect(replay.html).not.toContain("PIN hanya ditampilkan sekali");
    const english = await post({ idempotencyKey: key }, "en");
    expect(containsPin(english.raw, pin)).toBe(false);
    expect(english.html).toContain("The PIN was shown once");
    expect(await server.database.db.complaint.count({ where: { trackingCode: code } })).toBe(1);

    // Without an e-mail there is no link to offer: the page says so instead of promising one.
    const silentKey = randomBytes(18).toString("base64url");
    const silent = receiptOf((await post({ idempotencyKey: silentKey, email: undefined })).html);
    await server.database.db.complaint.update({ where: { trackingCode: silent.code }, data: { submittedAt: new Date(Date.now() - 10 * 60_000) } });
    const silentReplay = await post({ idempotencyKey: silentKey, email: undefined });
    expect(containsPin(silentReplay.raw, silent.pin)).toBe(false);
    expect(silentReplay.html).toContain("tidak dapat dibuka di situs ini");
    expect(silentReplay.html).not.toContain("tautan di email");
  });

  it("answers with a receipt that does not carry the form's options again (weak connections)", async () => {
    const other = await server.database.db.serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KK" } });
    const form = await (await fetch(`${server.baseUrl}/lapor`)).text();
    expect(form).toContain(other.name);
    const response = await fetch(`${server.baseUrl}/lapor`, { method: "POST", body: complaintForm(), headers: { "x-forwarded-for": nextClientIp() } });
    const receipt = await response.text();
    expect(receiptOf(renderedHtml(receipt)).code).toMatch(/^LPK-/);
    expect(receipt).not.toContain(other.name);
    expect(receipt.length).toBeLessThan(form.length / 2);
  });

  it("answers each bad field beside it, in the user's language, and keeps everything typed", async () => {
    const { response, html } = await submit(
      complaintForm({ description: "terlalu pendek", email: "bukan-email", incidentDate: "2999-01-01", consent: undefined }),
    );
    expect(response.status).toBe(400);
    expect(html).toContain("Uraian minimal 20 karakter.");
    expect(html).toContain("Alamat email tidak valid.");
    expect(html).toContain("Tanggal kejadian tidak boleh di masa depan.");
    expect(html).toContain("Centang untuk melanjutkan.");
    // What was typed is still there.
    expect(html).toContain(">terlalu pendek</textarea>");
    expect(html).toContain('value="bukan-email"');
    expect(html).toContain('value="Siti Aminah"');
    expect(html).toMatch(/aria-invalid="true"[^>]*name="description"|name="description"[^>]*aria-invalid="true"/);
  });

  it("refuses an oversize attachment and a disguised one with a clear message, keeping the rest of the form", async () => {
    const oversize = await submit(complaintForm({ address: "Gang Mawar 7" }, [{ name: "besar.jpg", bytes: bytes(Buffer.concat([JPEG, Buffer.alloc(10 * 1024 * 1024)])) }]));
    expect(oversize.response.status).toBe(400);
    expect(oversize.html).toContain("Lampiran lebih dari 10 MB");
    expect(oversize.html).toContain("Pilih lagi semua lampiran Anda");
    expect(oversize.html).toContain('value="Gang Mawar 7"');

    const disguised = await submit(complaintForm({}, [{ name: "foto.jpg", bytes: bytes(Buffer.from("MZ\x90\x00 this is a windows program", "latin1")) }]));
    expect(disguised.response.status).toBe(400);
    expect(disguised.html).toContain("Lampiran harus JPEG, PNG atau PDF");
    // Plainly: the file could not be read, and (no browser keeps a file input) must be chosen again.
    expect(disguised.html).toContain("Berkas yang Anda pilih tidak dapat dibaca sebagai foto atau PDF.");
    expect(disguised.html).toContain("browser tidak menyimpan berkas yang sudah dipilih");
    expect(disguised.html).not.toContain("tetap tersimpan");
    expect(disguised.html).toContain("Pembuatan KTP-el saya sudah tiga minggu");
  });

  it("says a good attachment must be chosen again when the form comes back for another mistake", async () => {
    const { response, html } = await submit(complaintForm({ description: "terlalu pendek" }, [{ name: "ktp.jpg", bytes: JPEG }]));
    expect(response.status).toBe(400);
    expect(html).toContain("Uraian minimal 20 karakter.");
    expect(html).toContain("Lampiran Anda belum disimpan karena ada isian lain yang perlu diperbaiki.");
    expect(html).toMatch(/id="attachments-error"[^>]*>Lampiran Anda belum disimpan/);
  });

  it("names every field in the error summary as the form labels it, in the visitor's language, never by its internal name", async () => {
    const summaryOf = (html: string) => html.match(/<div class="error-summary"[\s\S]*?<\/div>/)?.[0] ?? "";
    const textOf = (html: string) => html.replace(/<[^>]+>/g, " ").replaceAll("&amp;", "&").replaceAll("&quot;", '"');
    const bad = { address: "x".repeat(301), chooser: "entah", unitUnknown: "mungkin", description: "pendek" };
    const { response, html } = await submit(complaintForm(bad));
    expect(response.status).toBe(400);
    const summary = summaryOf(html);
    expect(summary).toContain('href="#address"');
    const shown = textOf(summary);
    expect(shown).toContain("Alamat atau patokan: Terlalu panjang.");
    expect(shown).toContain("Uraian pengaduan: Uraian minimal 20 karakter.");
    expect(shown).toContain("Mana yang paling mirip dengan yang Anda alami? Isian tidak dapat diproses.");
    expect(shown).toContain("Saya tidak tahu unit atau layanannya (koordinator pengaduan akan meneruskannya): Isian tidak dapat diproses.");
    expect(shown).not.toMatch(/\b(address|chooser|unitUnknown|description|idempotencyKey|attachments)\b/);

    const english = await fetch(`${server.baseUrl}/lapor?lang=en`, { method: "POST", body: complaintForm(bad), headers: { "x-forwarded-for": nextClientIp() } });
    const englishShown = textOf(summaryOf(renderedHtml(await english.text())));
    expect(englishShown).toContain("Address or landmark: This is too long.");
    expect(englishShown).toContain("Which is closest to what happened? This could not be processed.");
    expect(englishShown).not.toMatch(/\b(address|chooser|unitUnknown)\b/);

    // The hidden one-time key is no field to correct: its problem is the form's, and the form gets a fresh key.
    const stale = await submit(complaintForm({ idempotencyKey: "kunci-rusak" }));
    expect(stale.response.status).toBe(400);
    expect(stale.html).toContain("Formulir perlu dikirim ulang.");
    expect(textOf(summaryOf(stale.html))).not.toContain("idempotencyKey");
    expect(stale.html).not.toContain("kunci-rusak");
    expect(stale.html).toMatch(/name="idempotencyKey" value="[A-Za-z0-9_-]{16,64}"/);
  });

  it("accepts an incident older than 30 days with a warning (UU 25/2009)", async () => {
    const { response, html } = await submit(complaintForm({ incidentDate: "2025-01-15" }));
    expect(response.status, html.match(/<a href="#\w+">[^<]*|class="field__error"[^>]*>[^<]*/g)?.join(" | ")).toBe(200);
    expect(html).toContain("lebih dari 30 hari yang lalu");
  });

  it("accepts a citizen who does not know the unit, for the coordinator to route", async () => {
    const { code } = await fileComplaint({ productId: "", unitUnknown: "on" });
    const complaint = await complaintByCode(code);
    expect(complaint.unitId).toBeNull();
    expect(complaint.productId).toBeNull();
  });

  it("rejects a filled honeypot without storing anything", async () => {
    const before = await server.database.db.complaint.count();
    const { response } = await submit(complaintForm({ website: "http://spam.example" }));
    expect(response.status).toBe(400);
    expect(await server.database.db.complaint.count()).toBe(before);
  });

  it("limits submissions per network", async () => {
    const ip = "10.99.0.1";
    let last = 0;
    for (let i = 0; i <= RATE_LIMITS.complaintSubmit.limit; i += 1) last = (await submit(complaintForm(), ip)).response.status;
    expect(last).toBe(429);
    // Sixty-one real submissions (ADR 030's per-network number): seconds on a quiet machine, more on a busy one.
  }, 120_000);
});

describe("tracking a complaint", () => {
  it("answers a well-formed code that was never issued exactly like a wrong PIN (a mistyped code is no error page)", async () => {
    const { pin } = await fileComplaint();
    const { response, cookie } = await openTracking(generateTrackingCode(), pin);
    expect(response.status).toBe(400);
    expect(cookie).not.toMatch(/^lapor_lacak=/);
    expect(renderedHtml(await response.text())).toContain("Kode lacak atau PIN tidak cocok.");
  });

  it("shows nothing for a wrong PIN, and stops answering after repeated tries", async () => {
    const { code, pin } = await fileComplaint();
    const wrong = pin === "000000" ? "111111" : "000000";
    const ip = "10.88.0.1";
    for (let i = 0; i < 5; i += 1) {
      const { response, cookie } = await openTracking(code, wrong, ip);
      expect(response.status).toBe(400);
      expect(cookie).not.toMatch(/^lapor_lacak=/);
      expect(renderedHtml(await response.text())).toContain("Kode lacak atau PIN tidak cocok.");
    }
    const blocked = await openTracking(code, pin, ip);
    expect(blocked.response.status).toBe(429);
    expect(renderedHtml(await blocked.response.text())).toContain("Terlalu banyak percobaan");
    // Without access the details page sends the visitor to the lookup form.
    const page = await trackingPage(code, "");
    expect(page.response.status).toBe(302);
    expect(page.response.headers.get("location")).toBe(`/lacak?kode=${encodeURIComponent(code)}`);
  });

  it("shows status, holder, the WIB deadline and the public timeline to the holder of code and PIN", async () => {
    const { code, pin } = await fileComplaint();
    const { response, cookie } = await openTracking(code.toLowerCase().replaceAll("-", " "), pin);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/lacak/${code}`);
    const { html } = await trackingPage(code, cookie);
    expect(html).toContain("Diterima, menunggu verifikasi");
    expect(html).toContain("Koordinator pengaduan (verifikasi)");
    expect(html).toMatch(/data-testid="due">[^<]+WIB</);
    expect(html).toContain("Pengaduan diterima");
    expect(html).toContain("Dinas Kependudukan dan Pencatatan Sipil Kota Pangkalpinang");
  });

  it("opens from the emailed signed link, and refuses a forged one", async () => {
    const { code } = await fileComplaint();
    const complaint = await complaintByCode(code);
    const email = await server.database.db.emailMessage.findFirstOrThrow({ where: { complaintId: complaint.id } });
    const link = email.bodyText.match(/https?:\/\/\S+/)?.[0];
    expect(link).toBeTruthy();
    const path = new URL(link!).pathname + new URL(link!).search;
    const opened = await fetch(`${server.baseUrl}${path}`, { redirect: "manual" });
    expect(opened.status).toBe(302);
    expect(opened.headers.get("location")).toBe(`/lacak/${code}`);
    const cookie = (opened.headers.get("set-cookie") ?? "").split(";")[0]!;
    expect((await trackingPage(code, cookie)).response.status).toBe(200);

    const forged = await fetch(`${server.baseUrl}/lacak/${code}?t=zzzz.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`, { redirect: "manual" });
    expect(forged.headers.get("location")).toBe(`/lacak?kode=${encodeURIComponent(code)}`);
    expect(forged.headers.get("set-cookie")).toBeNull();
  });

  it("never shows an ANONIM complainant's identity on the citizen's pages", async () => {
    const { code, pin } = await fileComplaint({ visibility: "ANONIM", name: "Budi Rahasia", email: "budi.rahasia@example.test", phone: "081299998888" });
    const { cookie } = await openTracking(code, pin);
    const pages = [(await trackingPage(code, cookie)).raw];
    for (const html of pages) {
      expect(html).not.toContain("Budi Rahasia");
      expect(html).not.toContain("budi.rahasia@example.test");
      expect(html).not.toContain("081299998888");
    }
    const complaint = await server.database.db.complaint.findUniqueOrThrow({ where: { trackingCode: code }, include: { complainant: true } });
    expect(complaint.visibility).toBe("ANONIM");
    expect(complaint.complainant?.name).toBe("Budi Rahasia");
  });
});

describe("citizen actions", () => {
  it("answers a request for information with an attachment, which resumes the paused clock", async () => {
    const { code, pin } = await fileComplaint();
    await bringToUnit(code);
    await staff(code, "REQUEST_INFO", "OFFICER", "Mohon lampirkan foto bukti antrean.");
    const paused = await complaintByCode(code);
    expect(paused.status).toBe("AWAITING_CITIZEN");
    expect(paused.resolutionDueAt).toBeNull();
    expect(paused.nextDueStage).toBe("CITIZEN_REPLY");

    const { cookie } = await openTracking(code, pin);
    const page = await trackingPage(code, cookie);
    expect(page.html).toContain("Mohon lampirkan foto bukti antrean.");
    expect(page.html).toContain("Menunggu jawaban Anda");

    const empty = await citizenAction(code, cookie, { intent: "reply", message: "" });
    expect(empty.status).toBe(400);

    const replied = await citizenAction(code, cookie, { intent: "reply", message: "Foto antrean terlampir." }, [{ name: "antrean.jpg", bytes: JPEG }]);
    expect(replied.status).toBe(302);
    expect(replied.headers.get("location")).toBe(`/lacak/${code}?selesai=reply`);
    const resumed = await complaintByCode(code);
    expect(resumed.status).toBe("IN_PROGRESS");
    expect(resumed.resolutionDueAt).toBeInstanceOf(Date);
    expect(resumed.events.at(-1)).toMatchObject({ type: "CITIZEN_REPLIED", actorKind: "CITIZEN", message: "Foto antrean terlampir." });
    expect(await server.database.db.attachment.count({ where: { complaintId: resumed.id, uploadedBy: "CITIZEN" } })).toBe(1);
    // The citizen's own timeline shows the reply with its attachment under it, in order.
    const after = (await trackingPage(code, cookie)).html;
    expect(after).toContain("Foto antrean terlampir.");
    expect(after).toContain("antrean.jpg");
    expect(after.indexOf("Foto antrean terlampir.")).toBeLessThan(after.indexOf("antrean.jpg"));
    expect(after.indexOf("Pengaduan diterima")).toBeLessThan(after.indexOf("Foto antrean terlampir."));
  });

  it("refuses a disguised file on an answer with the same plain message, keeping the answer typed", async () => {
    const { code, pin } = await fileComplaint();
    await bringToUnit(code);
    await staff(code, "REQUEST_INFO", "OFFICER", "Mohon lampirkan foto bukti antrean.");
    const { cookie } = await openTracking(code, pin);
    const disguised = bytes(Buffer.from("MZ\x90\x00 this is a windows program", "latin1"));
    const refused = await citizenAction(code, cookie, { intent: "reply", message: "Foto antrean terlampir." }, [{ name: "antrean.jpg", bytes: disguised }]);
    expect(refused.status).toBe(400);
    const html = renderedHtml(await refused.text());
    expect(html).toContain("Berkas yang Anda pilih tidak dapat dibaca sebagai foto atau PDF.");
    expect(html).toContain("Pilih lagi semua lampiran Anda");
    expect(html).toContain(">Foto antrean terlampir.</textarea>");
    // A good file sent with an empty answer is dropped as well: the page says to choose it again.
    const empty = await citizenAction(code, cookie, { intent: "reply", message: "" }, [{ name: "antrean.jpg", bytes: JPEG }]);
    expect(empty.status).toBe(400);
    expect(renderedHtml(await empty.text())).toContain("Lampiran Anda belum disimpan");
    expect((await complaintByCode(code)).status).toBe("AWAITING_CITIZEN");
  });

  it("confirms a resolution, then rates it once", async () => {
    const { code, pin } = await fileComplaint();
    await bringToUnit(code);
    await staff(code, "PROPOSE_RESOLUTION", "OFFICER", "KTP-el sudah dicetak dan dapat diambil.");
    const { cookie } = await openTracking(code, pin);
    expect((await citizenAction(code, cookie, { intent: "confirm" })).status).toBe(302);
    expect((await complaintByCode(code)).status).toBe("CLOSED");

    const badRating = await citizenAction(code, cookie, { intent: "rate", rating: "9" });
    expect(badRating.status).toBe(400);
    expect(renderedHtml(await badRating.text())).toContain("Pilih nilai 1 sampai 5.");
    expect((await citizenAction(code, cookie, { intent: "rate", rating: "4", comment: "Cepat setelah diadukan." })).status).toBe(302);
    const again = await citizenAction(code, cookie, { intent: "rate", rating: "1" });
    expect(again.status).toBe(409);
    expect(await complaintByCode(code)).toMatchObject({ rating: 4, ratingComment: "Cepat setelah diadukan." });
  });

  it("rejects a resolution with a reason inside the window, which reopens the complaint", async () => {
    const { code, pin } = await fileComplaint();
    await bringToUnit(code);
    await staff(code, "PROPOSE_RESOLUTION", "OFFICER", "Sudah selesai.");
    const { cookie } = await openTracking(code, pin);
    const noReason = await citizenAction(code, cookie, { intent: "reject", reason: "" });
    expect(noReason.status).toBe(400);
    expect((await citizenAction(code, cookie, { intent: "reject", reason: "KTP-el belum saya terima." })).status).toBe(302);
    const reopened = await complaintByCode(code);
    expect(reopened.status).toBe("REOPENED");
    expect(reopened.events.at(-1)).toMatchObject({ type: "RESOLUTION_REJECTED", message: "KTP-el belum saya terima." });
  });

  it("refuses to reject a resolution after the window has closed", async () => {
    const { code, pin } = await fileComplaint();
    await bringToUnit(code);
    await staff(code, "PROPOSE_RESOLUTION", "OFFICER", "Sudah selesai.");
    await server.database.db.complaint.update({ where: { trackingCode: code }, data: { confirmationDueAt: new Date(Date.now() - 60_000) } });
    const { cookie } = await openTracking(code, pin);
    const late = await citizenAction(code, cookie, { intent: "reject", reason: "Terlambat menolak." });
    expect(late.status).toBe(409);
    expect(renderedHtml(await late.text())).toContain("Batas waktu untuk menolak penyelesaian sudah lewat");
    expect((await complaintByCode(code)).status).toBe("RESOLVED");
  });

  it("appeals to the ombudsman liaison when unsatisfied", async () => {
    const { code, pin } = await fileComplaint();
    await bringToUnit(code);
    await staff(code, "PROPOSE_RESOLUTION", "OFFICER", "Sudah selesai.");
    const { cookie } = await openTracking(code, pin);
    expect((await citizenAction(code, cookie, { intent: "appeal", reason: "Jawaban unit tidak menjawab masalah saya." })).status).toBe(302);
    const appealed = await complaintByCode(code);
    expect(appealed.status).toBe("APPEALED");
    expect(appealed.nextDueStage).toBe("APPEAL_REVIEW");
    expect((await trackingPage(code, cookie)).html).toContain("Penghubung Ombudsman (banding)");
  });

  it("is e-mailed when it must answer or a decision is made, with a link that opens the page, never about its own actions", async () => {
    const { code } = await fileComplaint();
    const db = server.database.db;
    const mails = async () =>
      (await db.emailMessage.findMany({ where: { complaint: { trackingCode: code } }, orderBy: { createdAt: "asc" } })).filter((m) => m.template !== "complaint.receipt");
    await bringToUnit(code);
    expect(await mails()).toEqual([]);

    await staff(code, "REQUEST_INFO", "OFFICER", "Mohon kirim nomor antrean Anda.");
    const [question] = await mails();
    const asked = await complaintByCode(code);
    expect(question).toMatchObject({ template: "complaint.question", toAddress: "siti.aminah@example.test", locale: "id", status: "PENDING" });
    expect(question!.subject).toContain(code);
    // The deadline is the citizen's reply window, in WIB; the question itself stays on the page.
    expect(question!.bodyText).toContain(formatWib(asked.citizenReplyDueAt!.toISOString(), "id"));
    expect(question!.bodyText).not.toContain("nomor antrean Anda");
    const link = question!.bodyText.match(/https?:\/\/\S+\/lacak\/\S+\?t=\S+/)![0];
    const opened = await fetch(`${server.baseUrl}${new URL(link).pathname}${new URL(link).search}`, { redirect: "manual" });
    expect(opened.status).toBe(302);
    expect(opened.headers.get("location")).toBe(`/lacak/${code}`);
    const cookie = (opened.headers.get("set-cookie") ?? "").split(";")[0]!;
    expect((await citizenAction(code, cookie, { intent: "reply", message: "Nomor antrean 117." })).status).toBe(302);

    await staff(code, "RESPOND", "OFFICER", "Berkas Anda sedang diproses.");
    await staff(code, "PROPOSE_RESOLUTION", "OFFICER", "KTP-el dapat diambil.");
    const resolved = await complaintByCode(code);
    expect((await citizenAction(code, cookie, { intent: "appeal", reason: "KTP-el belum ada." })).status).toBe(302);
    await staff(code, "DISMISS_APPEAL", "LIAISON", "Bukti pengambilan ada.");
    const all = await mails();
    expect(all.map((m) => m.template)).toEqual(["complaint.question", "complaint.response", "complaint.resolution", "complaint.appealDismissed"]);
    expect(all[2]!.bodyText).toContain(formatWib(resolved.confirmationDueAt!.toISOString(), "id"));
    expect(all[3]!.bodyText).toContain("Ombudsman");
    for (const mail of all) expect(mail.toAddress).toBe("siti.aminah@example.test");
    // Each message is queued for sending with the transition, through the outbox (ids only).
    const sends = await db.outboxMessage.findMany({ where: { jobName: "email.send", jobId: { in: all.map((m) => `email-${m.id}`) } } });
    expect(sends).toHaveLength(all.length);
  });

  it("mails nothing to a complainant who left no address, and writes in the language they filed in", async () => {
    const silent = await fileComplaint({ email: undefined });
    await bringToUnit(silent.code);
    await staff(silent.code, "REQUEST_INFO", "OFFICER", "Pertanyaan.");
    expect(await server.database.db.emailMessage.count({ where: { complaint: { trackingCode: silent.code } } })).toBe(0);

    const { response, html } = await submit(complaintForm({ email: "john.doe@example.test" }), nextClientIp());
    expect(response.status).toBe(200);
    const english = receiptOf(html);
    await server.database.db.complaint.update({ where: { trackingCode: english.code }, data: { locale: "en" } });
    await bringToUnit(english.code);
    await staff(english.code, "REQUEST_INFO", "OFFICER", "A question.");
    const mail = await server.database.db.emailMessage.findFirstOrThrow({ where: { complaint: { trackingCode: english.code }, template: "complaint.question" } });
    expect(mail).toMatchObject({ locale: "en", toAddress: "john.doe@example.test" });
    expect(mail.subject).toBe(`A question from staff about complaint ${english.code}`);
  });

  it("withdraws an open complaint, which stops its clocks, and refuses actions that do not fit the status", async () => {
    const { code, pin } = await fileComplaint();
    const { cookie } = await openTracking(code, pin);
    const confirmTooEarly = await citizenAction(code, cookie, { intent: "confirm" });
    expect(confirmTooEarly.status).toBe(409);
    // The status page offers withdrawal as a link to a confirmation step, not as a form that does it.
    const page = await trackingPage(code, cookie);
    expect(page.html).toContain(`href="/lacak/${code}?cabut=1"`);
    expect(page.html).not.toContain('name="intent" value="withdraw"');
    // A withdrawal posted without the confirmation is not done: it leads to the confirmation step.
    const unconfirmed = await citizenAction(code, cookie, { intent: "withdraw", reason: "Sudah selesai sendiri." });
    expect(unconfirmed.status).toBe(302);
    expect(unconfirmed.headers.get("location")).toBe(`/lacak/${code}?cabut=1`);
    expect((await complaintByCode(code)).status).toBe("SUBMITTED");
    const step = await fetch(`${server.baseUrl}/lacak/${code}?cabut=1`, { headers: { cookie }, redirect: "manual" });
    const stepHtml = renderedHtml(await step.text());
    expect(step.status).toBe(200);
    expect(stepHtml).toContain("Yakin ingin mencabut pengaduan ini?");
    expect(stepHtml).toMatch(/class="button button--warning"[^>]*>Ya, cabut pengaduan</);
    expect(stepHtml).toContain(`href="/lacak/${code}">Batal</a>`);
    expect((await complaintByCode(code)).status).toBe("SUBMITTED");

    const confirmed = await citizenAction(code, cookie, { intent: "withdraw", confirmed: "ya", reason: "Sudah selesai sendiri." });
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("location")).toBe(`/lacak/${code}?selesai=withdraw`);
    const withdrawn = await complaintByCode(code);
    expect(withdrawn.status).toBe("WITHDRAWN");
    expect(withdrawn.nextDueAt).toBeNull();
    expect(withdrawn.events.at(-1)).toMatchObject({ type: "WITHDRAWN", actorKind: "CITIZEN", message: "Sudah selesai sendiri." });
  });

  it("refuses actions without access to that complaint", async () => {
    const mine = await fileComplaint();
    const other = await fileComplaint();
    const { cookie } = await openTracking(mine.code, mine.pin);
    const response = await citizenAction(other.code, cookie, { intent: "withdraw" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/lacak?kode=${encodeURIComponent(other.code)}`);
    expect((await complaintByCode(other.code)).status).toBe("SUBMITTED");
  });
});
