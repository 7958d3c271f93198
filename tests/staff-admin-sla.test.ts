// SLA policies, holidays, working calendars and response templates administered through the real
// routes (HTTP form posts, no JavaScript), and what each change does to the deadlines of complaints
// handled afterwards.
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../prisma/seed/index";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import { useTestServer } from "./e2e/support/browser";
import { readPage } from "./support/html";
import { fileComplaintAt } from "./support/complaint-form";
import { clientAddresses, staffLogin } from "./support/staff-http";

process.env.TRUST_PROXY = "1";
const server = useTestServer();
const db = () => server.database.db;

const PASSWORD = "kata-sandi-admin-uji-2026";
const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const wib = (local: string) => new Date(`${local}+07:00`);
const cookies: Record<string, string> = {};
let disdukcapilId: string;
let dinkesId: string;
let puskesmasId: string;

const nextClientIp = clientAddresses("10.77");

const login = (email: string) => staffLogin(server.baseUrl, { email, password: PASSWORD, clientIp: nextClientIp() });

async function get(path: string, cookie: string) {
  const response = await fetch(`${server.baseUrl}${path}`, { headers: { cookie }, redirect: "manual" });
  return { response, ...(await readPage(response)) };
}

async function post(path: string, cookie: string, fields: Record<string, string>) {
  const response = await fetch(`${server.baseUrl}${path}`, { method: "POST", body: new URLSearchParams(fields), headers: { cookie }, redirect: "manual" });
  return { response, ...(await readPage(response)), location: response.headers.get("location") };
}

/** The text of the error shown beside a field (Field renders `<p id="<id>-error">`). */
const fieldError = (html: string, id: string) => html.match(new RegExp(`id="${id}-error"[^>]*>([^<]*)<`))?.[1] ?? null;
const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">");

beforeAll(async () => {
  await seedDemoAccounts(db(), { password: PASSWORD, mustChangePassword: false });
  disdukcapilId = (await db().serviceUnit.findUniqueOrThrow({ where: { code: "DISDUKCAPIL" } })).id;
  dinkesId = (await db().serviceUnit.findUniqueOrThrow({ where: { code: "DINKES" } })).id;
  puskesmasId = (await db().serviceUnit.findUniqueOrThrow({ where: { code: "PKM-AIR-ITAM" } })).id;
  for (const role of ["ADMIN", "UNIT_HEAD", "OFFICER"]) cookies[role] = await login(account(role).email);
});

/** Files a complaint with a fixed clock (no service chosen: it reaches a unit by ASSIGN). */
async function file(now: Date, productId?: string) {
  return fileComplaintAt(db(), now, {
    ...(productId ? { productId, unitUnknown: false } : { unitUnknown: true }),
    description: "Antrean layanan sangat panjang dan tidak ada kepastian waktu selesai.",
    incidentDate: "2026-11-02",
  });
}

/** Verify, then assign to the unit, both at `now`. */
async function bringToUnit(complaintId: string, unitId: string, now: Date) {
  expect((await applyTransition(db(), { complaintId, action: "VERIFY", actor: "COORDINATOR", now })).ok).toBe(true);
  expect((await applyTransition(db(), { complaintId, action: "ASSIGN", actor: "SYSTEM", complaintUpdate: { unitId }, now })).ok).toBe(true);
}

const auditCount = (entity: string) => db().auditLog.count({ where: { entity } });

describe("permissions", () => {
  it("answers 403 to an officer on every admin page, for reading and for posting", async () => {
    for (const path of ["/staf/admin/sla", "/staf/admin/libur", "/staf/admin/kalender", `/staf/admin/template?unit=${disdukcapilId}`]) {
      const page = await get(path, cookies.OFFICER!);
      expect(page.response.status, path).toBe(403);
      const posted = await post(path, cookies.OFFICER!, { intent: "save", name: "x" });
      expect(posted.response.status, path).toBe(403);
    }
  });

  it("lets a unit head open the templates of their own unit only, and no SLA, holiday or calendar page", async () => {
    expect((await get(`/staf/admin/template?unit=${disdukcapilId}`, cookies.UNIT_HEAD!)).response.status).toBe(200);
    expect((await get(`/staf/admin/template?unit=${dinkesId}`, cookies.UNIT_HEAD!)).response.status).toBe(403);
    const posted = await post(`/staf/admin/template?unit=${dinkesId}`, cookies.UNIT_HEAD!, { title: "x", body: "y", locale: "id", isActive: "on" });
    expect(posted.response.status).toBe(403);
    expect(await db().responseTemplate.count({ where: { unitId: dinkesId } })).toBe(0);
    for (const path of ["/staf/admin/sla", "/staf/admin/libur", "/staf/admin/kalender"]) {
      expect((await get(path, cookies.UNIT_HEAD!)).response.status, path).toBe(403);
    }
  });

  it("sends a signed-out visitor to the login page", async () => {
    const response = await fetch(`${server.baseUrl}/staf/admin/sla`, { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("/staf/masuk");
  });
});

describe("holidays", () => {
  it("adds a holiday that deadlines filed afterwards skip, and refuses the same date and kind twice", async () => {
    // Monday 7 June 2027, 09:00 WIB: no holiday that week. Three working days: Tue, Wed, Thu at close.
    const filedAt = wib("2027-06-07T09:00:00");
    const before = await db().complaint.findUniqueOrThrow({ where: { id: await file(filedAt) } });
    expect(before.verificationDueAt).toEqual(wib("2027-06-10T16:00:00"));

    const list = await get("/staf/admin/libur?tahun=2027", cookies.ADMIN!);
    expect(list.response.status).toBe(200);
    expect(list.html).not.toContain('data-date="2027-06-08"');
    const audits = await auditCount("holiday");
    const added = await post("/staf/admin/libur?tahun=2027", cookies.ADMIN!, {
      intent: "save",
      date: "2027-06-08",
      kind: "LOCAL",
      name: "Hari Jadi Kota Pangkalpinang (uji)",
      nameEn: "Pangkalpinang City Anniversary (test)",
      source: "Keputusan Wali Kota Pangkalpinang No. 100/UJI/2027",
      sourceUrl: "https://pangkalpinangkota.go.id/uji",
      confirmed: "on",
    });
    expect(added.response.status, added.html.slice(0, 300)).toBe(302);
    expect(added.location).toBe("/staf/admin/libur?tahun=2027&selesai=simpan");
    expect(await auditCount("holiday")).toBe(audits + 1);
    expect((await get("/staf/admin/libur?tahun=2027", cookies.ADMIN!)).html).toContain('data-date="2027-06-08"');

    // Filed afterwards at the same instant: Tuesday is closed now, so Wed, Thu, Fri (closes 16:30).
    const after = await db().complaint.findUniqueOrThrow({ where: { id: await file(filedAt) } });
    expect(after.verificationDueAt).toEqual(wib("2027-06-11T16:30:00"));

    // The same date and kind again: refused beside the date field, with what was typed kept.
    const again = await post("/staf/admin/libur?tahun=2027", cookies.ADMIN!, {
      intent: "save",
      date: "2027-06-08",
      kind: "LOCAL",
      name: "Nama kedua yang diketik",
      nameEn: "Second name",
      source: "SKB uji",
    });
    expect(again.response.status).toBe(400);
    expect(fieldError(again.html, "new-date")).toBe("Tanggal ini sudah tercatat dengan jenis libur yang sama.");
    expect(again.html).toContain('value="Nama kedua yang diketik"');
    expect(await db().holiday.count({ where: { date: new Date("2027-06-08T00:00:00Z") } })).toBe(1);
    expect(await auditCount("holiday")).toBe(audits + 1);
  });

  it("refuses a holiday without a source and a bad date, beside their fields", async () => {
    const refused = await post("/staf/admin/libur", cookies.ADMIN!, { intent: "save", date: "2027-02-30", kind: "NATIONAL", name: "Uji", nameEn: "Test", source: "  " });
    expect(refused.response.status).toBe(400);
    expect(fieldError(refused.html, "new-date")).toBeTruthy();
    expect(fieldError(refused.html, "new-source")).toBeTruthy();
    expect(refused.html).toContain('value="Uji"');
  });

  it("warns the administrator on the staff home while next year's holidays are missing (from October, WIB)", async () => {
    // The test clock is today's (2026-11-23 in this checkout's era); the rule itself is unit-tested with fixed dates.
    const nextYear = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear() + 1;
    const october = new Date(Date.now() + 7 * 3_600_000).getUTCMonth() + 1 >= 10;
    const range = { date: { gte: new Date(Date.UTC(nextYear, 0, 1)), lt: new Date(Date.UTC(nextYear + 1, 0, 1)) } };
    const saved = await db().holiday.findMany({ where: range });
    expect((await get("/staf", cookies.ADMIN!)).html).not.toContain('data-testid="holidays-missing"');
    await db().holiday.deleteMany({ where: range });
    try {
      const home = await get("/staf", cookies.ADMIN!);
      if (october) {
        expect(home.html).toContain('data-testid="holidays-missing"');
        expect(home.html).toContain(`href="/staf/admin/libur?tahun=${nextYear}"`);
      } else expect(home.html).not.toContain('data-testid="holidays-missing"');
      // Only those who can enter holidays are asked to.
      expect((await get("/staf", cookies.OFFICER!)).html).not.toContain('data-testid="holidays-missing"');
    } finally {
      await db().holiday.createMany({ data: saved });
    }
  });

  it("edits and deletes a holiday, each with an audit row", async () => {
    const holiday = await db().holiday.create({
      data: { date: new Date("2027-09-09T00:00:00Z"), kind: "LOCAL", name: "Uji", nameEn: "Test", source: "SK uji" },
    });
    const audits = await auditCount("holiday");
    const edited = await post("/staf/admin/libur?tahun=2027", cookies.ADMIN!, {
      intent: "save",
      id: holiday.id,
      date: "2027-09-10",
      kind: "LOCAL",
      name: "Uji diubah",
      nameEn: "Test edited",
      source: "SK uji 2",
    });
    expect(edited.response.status).toBe(302);
    const stored = await db().holiday.findUniqueOrThrow({ where: { id: holiday.id } });
    expect(stored.date.toISOString().slice(0, 10)).toBe("2027-09-10");
    expect(stored.confirmed).toBe(false);
    const deleted = await post("/staf/admin/libur?tahun=2027", cookies.ADMIN!, { intent: "delete", id: holiday.id });
    expect(deleted.response.status).toBe(302);
    expect(await db().holiday.findUnique({ where: { id: holiday.id } })).toBeNull();
    expect(await auditCount("holiday")).toBe(audits + 2);
  });
});

describe("working calendars", () => {
  const saturdayHours = {
    open1: "07:30", close1: "16:00", open2: "07:30", close2: "16:00", open3: "07:30", close3: "16:00",
    open4: "07:30", close4: "16:00", open5: "07:30", close5: "16:30", open6: "08:00", close6: "12:00",
  };

  it("refuses closing before opening, beside that weekday's field, keeping what was typed", async () => {
    const refused = await post("/staf/admin/kalender?ubah=baru", cookies.ADMIN!, {
      intent: "save",
      code: "PKM-TERBALIK",
      name: "Jam terbalik",
      source: "uji",
      ...saturdayHours,
      close6: "07:00",
    });
    expect(refused.response.status).toBe(400);
    expect(fieldError(refused.html, "close6")).toBe("Jam tutup harus setelah jam buka.");
    expect(refused.html).toContain('value="Jam terbalik"');
    expect(await db().workCalendar.count({ where: { code: "PKM-TERBALIK" } })).toBe(0);
  });

  it("a Saturday calendar assigned to a Puskesmas brings that unit's first-response deadline forward", async () => {
    // Thursday 10 June 2027, 10:00 WIB; five working days on the default calendar: Fri, Mon–Thu.
    const at = wib("2027-06-10T10:00:00");
    const control = await file(at);
    await bringToUnit(control, puskesmasId, at);
    const onDefault = await db().complaint.findUniqueOrThrow({ where: { id: control } });
    expect(onDefault.firstResponseDueAt).toEqual(wib("2027-06-17T16:00:00"));

    const audits = await db().auditLog.count({ where: { action: { startsWith: "calendar." } } });
    const created = await post("/staf/admin/kalender?ubah=baru", cookies.ADMIN!, {
      intent: "save",
      code: "pkm-sabtu",
      name: "Puskesmas (Senin–Sabtu)",
      source: "SK Kepala Dinas Kesehatan No. UJI/2027 tentang jam layanan Puskesmas",
      ...saturdayHours,
    });
    expect(created.response.status, created.html.slice(0, 500)).toBe(302);
    const calendar = await db().workCalendar.findUniqueOrThrow({ where: { code: "PKM-SABTU" } });
    expect(calendar.observesCutiBersama).toBe(false);
    const assigned = await post("/staf/admin/kalender", cookies.ADMIN!, { intent: "assign", unitId: puskesmasId, calendarId: calendar.id });
    expect(assigned.response.status).toBe(302);
    expect((await db().serviceUnit.findUniqueOrThrow({ where: { id: puskesmasId } })).calendarId).toBe(calendar.id);
    expect(await db().auditLog.count({ where: { action: { startsWith: "calendar." } } })).toBe(audits + 2);
    const page = await get("/staf/admin/kalender", cookies.ADMIN!);
    expect(page.html).toContain("UPTD Puskesmas Air Itam");

    // Same instants after the change: Fri, Sat, Mon, Tue, Wed.
    const id = await file(at);
    await bringToUnit(id, puskesmasId, at);
    const onSaturdays = await db().complaint.findUniqueOrThrow({ where: { id } });
    expect(onSaturdays.firstResponseDueAt).toEqual(wib("2027-06-16T16:00:00"));
    // Calendar days are not office time: the 60-day resolution target does not move (its last day,
    // Mon 9 Aug, closes at 16:00 on both calendars: ADR 029).
    expect(onSaturdays.resolutionDueAt).toEqual(onDefault.resolutionDueAt);
  });
});

describe("SLA policies", () => {
  /** The stored default policy as the edit form would post it. */
  async function defaultPolicyFields() {
    const policy = await db().slaPolicy.findUniqueOrThrow({ where: { code: "DEFAULT" }, include: { targets: true } });
    const fields: Record<string, string> = {
      id: policy.id,
      code: policy.code,
      name: policy.name,
      source: policy.source,
      reminderPercent: String(policy.reminderPercent),
      escalationStepAmount: String(policy.escalationStepAmount),
      escalationStepUnit: policy.escalationStepUnit,
      isActive: "on",
    };
    for (const target of policy.targets) {
      fields[`amount_${target.stage}`] = String(target.amount);
      fields[`unit_${target.stage}`] = target.unit;
      fields[`source_${target.stage}`] = target.source;
    }
    return { policy, fields, path: `/staf/admin/sla?kebijakan=${policy.id}` };
  }

  it("refuses a target without a source, beside it, keeping what was typed and changing nothing", async () => {
    const { policy, fields, path } = await defaultPolicyFields();
    const page = await get(path, cookies.ADMIN!);
    expect(page.response.status).toBe(200);
    // Without JavaScript the edit form posts back to the same policy.
    expect(page.html).toContain(`action="/staf/admin/sla?kebijakan=${policy.id}"`);
    expect(page.html).toContain('name="source_FIRST_RESPONSE"');
    const audits = await auditCount("sla_policy");
    const refused = await post(path, cookies.ADMIN!, { ...fields, name: "Nama yang diketik", amount_FIRST_RESPONSE: "4", source_FIRST_RESPONSE: "" });
    expect(refused.response.status).toBe(400);
    expect(fieldError(refused.html, "source_FIRST_RESPONSE")).toBe("Setiap target wajib mencantumkan sumbernya.");
    expect(refused.html).toContain('value="Nama yang diketik"');
    const stored = await db().slaTarget.findUniqueOrThrow({ where: { policyId_stage: { policyId: policy.id, stage: "FIRST_RESPONSE" } } });
    expect(stored.amount).toBe(5);
    expect(await auditCount("sla_policy")).toBe(audits);
  });

  it("refuses a reminder percent outside 1–99", async () => {
    const { fields, path } = await defaultPolicyFields();
    for (const reminderPercent of ["0", "100", "abc"]) {
      const refused = await post(path, cookies.ADMIN!, { ...fields, reminderPercent });
      expect(refused.response.status).toBe(400);
      expect(fieldError(refused.html, "reminderPercent")).toBeTruthy();
    }
  });

  it("refuses deactivating the last default policy", async () => {
    const { policy, fields, path } = await defaultPolicyFields();
    const { isActive: _dropped, ...unticked } = fields;
    const refused = await post(path, cookies.ADMIN!, unticked);
    expect(refused.response.status).toBe(400);
    expect(fieldError(refused.html, "isActive")).toContain("kebijakan standar aktif terakhir");
    expect((await db().slaPolicy.findUniqueOrThrow({ where: { id: policy.id } })).isActive).toBe(true);
    // Narrowing it to one unit is the same loss for every other complaint.
    expect((await post(path, cookies.ADMIN!, { ...fields, unitId: dinkesId })).response.status).toBe(400);
  });

  it("saves a target edit with its source and writes an audit row with before and after", async () => {
    const { policy, fields, path } = await defaultPolicyFields();
    const audits = await auditCount("sla_policy");
    const saved = await post(path, cookies.ADMIN!, { ...fields, amount_FIRST_RESPONSE: "4", source_FIRST_RESPONSE: "Keputusan Wali Kota No. UJI/2027" });
    expect(saved.response.status).toBe(302);
    const stored = await db().slaTarget.findUniqueOrThrow({ where: { policyId_stage: { policyId: policy.id, stage: "FIRST_RESPONSE" } } });
    expect(stored.amount).toBe(4);
    expect(stored.source).toBe("Keputusan Wali Kota No. UJI/2027");
    const log = await db().auditLog.findFirstOrThrow({ where: { entity: "sla_policy", entityId: policy.id }, orderBy: { id: "desc" } });
    expect(await auditCount("sla_policy")).toBe(audits + 1);
    const data = log.data as { before: { targets: { stage: string; amount: number }[] }; after: { targets: { stage: string; amount: number }[] } };
    expect(data.before.targets.find((t) => t.stage === "FIRST_RESPONSE")?.amount).toBe(5);
    expect(data.after.targets.find((t) => t.stage === "FIRST_RESPONSE")?.amount).toBe(4);
    // Put it back for the other tests in this file.
    const restore = await post(path, cookies.ADMIN!, fields);
    expect(restore.response.status).toBe(302);
  });

  it("creates a unit-scoped policy with only the targets given", async () => {
    const created = await post("/staf/admin/sla?kebijakan=baru", cookies.ADMIN!, {
      code: "dinkes-cepat",
      name: "Dinkes: tanggapan cepat",
      source: "SK Kepala Dinas Kesehatan No. UJI/2027",
      unitId: dinkesId,
      reminderPercent: "50",
      escalationStepAmount: "1",
      escalationStepUnit: "WORKING_DAYS",
      isActive: "on",
      amount_FIRST_RESPONSE: "2",
      unit_FIRST_RESPONSE: "WORKING_DAYS",
      source_FIRST_RESPONSE: "SK Kepala Dinas Kesehatan No. UJI/2027",
    });
    expect(created.response.status, created.html.slice(0, 300)).toBe(302);
    const policy = await db().slaPolicy.findUniqueOrThrow({ where: { code: "DINKES-CEPAT" }, include: { targets: true } });
    expect(policy.unitId).toBe(dinkesId);
    expect(policy.targets.map((t) => t.stage)).toEqual(["FIRST_RESPONSE"]);
    const list = await get("/staf/admin/sla", cookies.ADMIN!);
    expect(list.html).toContain("DINKES-CEPAT");
  });
});

describe("response templates", () => {
  it("a unit head adds a Disdukcapil template and the complaint page pre-fills the reply with it", async () => {
    const path = `/staf/admin/template?unit=${disdukcapilId}`;
    const body = "Terima kasih atas laporan Anda. Kami sedang memeriksa berkas KTP-el Anda & akan menghubungi Anda.";
    const refused = await post(path, cookies.UNIT_HEAD!, { title: "Berkas diperiksa", body: " ", locale: "id", isActive: "on" });
    expect(refused.response.status).toBe(400);
    expect(fieldError(refused.html, "new-body")).toBe("Isi templat.");
    expect(refused.html).toContain('value="Berkas diperiksa"');

    const audits = await auditCount("response_template");
    const saved = await post(path, cookies.UNIT_HEAD!, { title: "Berkas diperiksa", body, locale: "id", isActive: "on" });
    expect(saved.response.status).toBe(302);
    const inactive = await post(path, cookies.UNIT_HEAD!, { title: "Templat lama", body: "Isi lama yang tidak dipakai lagi.", locale: "id" });
    expect(inactive.response.status).toBe(302);
    expect(await auditCount("response_template")).toBe(audits + 2);
    const template = await db().responseTemplate.findFirstOrThrow({ where: { unitId: disdukcapilId, title: "Berkas diperiksa" } });
    const old = await db().responseTemplate.findFirstOrThrow({ where: { unitId: disdukcapilId, title: "Templat lama" } });
    expect(old.isActive).toBe(false);
    expect((await get(path, cookies.UNIT_HEAD!)).html).toContain("Berkas diperiksa");

    // A Disdukcapil complaint in progress: the head (acting for the unit) sees the chooser.
    const id = await file(new Date());
    await bringToUnit(id, disdukcapilId, new Date());
    const detail = `/staf/pengaduan/${id}`;
    expect((await post(detail, cookies.UNIT_HEAD!, { intent: "acknowledge" })).response.status).toBe(302);
    const plain = await get(detail, cookies.UNIT_HEAD!);
    expect(plain.response.status).toBe(200);
    expect(plain.html).toContain('data-testid="use-template"');
    expect(plain.html).toContain(`value="${template.id}"`);
    expect(plain.html).not.toContain(`value="${old.id}"`);
    expect(decode(plain.raw)).not.toContain(body);

    const prefilled = await get(`${detail}?templat=${template.id}`, cookies.UNIT_HEAD!);
    expect(prefilled.response.status).toBe(200);
    // One composer (issue #21) replaced the respond and propose-resolution forms: both read its text box.
    const respond = prefilled.html.match(/<textarea[^>]*id="composer-message"[^>]*>([^<]*)<\/textarea>/)?.[1];
    const propose = prefilled.html.match(/<textarea[^>]*id="composer-message"[^>]*>([^<]*)<\/textarea>/)?.[1];
    expect(decode(respond ?? "")).toBe(body);
    expect(decode(propose ?? "")).toBe(body);
    // Inactive templates are never used, even by id.
    const withOld = await get(`${detail}?templat=${old.id}`, cookies.UNIT_HEAD!);
    expect(decode(withOld.raw)).not.toContain("Isi lama yang tidak dipakai lagi.");

    // Sending the pre-filled answer works like any response.
    const sent = await post(detail, cookies.UNIT_HEAD!, { intent: "respond", message: body });
    expect(sent.response.status).toBe(302);
    const event = await db().complaintEvent.findFirstOrThrow({ where: { complaintId: id, type: "RESPONDED" } });
    expect(event.message).toBe(body);
  });

  it("the admin manages any unit's templates and edits one", async () => {
    const path = `/staf/admin/template?unit=${dinkesId}`;
    const saved = await post(path, cookies.ADMIN!, { title: "Jadwal layanan", body: "Layanan buka Senin–Sabtu.", locale: "id", isActive: "on" });
    expect(saved.response.status).toBe(302);
    const template = await db().responseTemplate.findFirstOrThrow({ where: { unitId: dinkesId } });
    const edited = await post(path, cookies.ADMIN!, { id: template.id, title: "Jadwal layanan", body: "Service hours: Monday to Saturday.", locale: "en" });
    expect(edited.response.status).toBe(302);
    const stored = await db().responseTemplate.findUniqueOrThrow({ where: { id: template.id } });
    expect(stored).toMatchObject({ locale: "en", isActive: false, body: "Service hours: Monday to Saturday." });
    // Another unit's template id under this unit is not found.
    const other = await db().responseTemplate.findFirstOrThrow({ where: { unitId: disdukcapilId } });
    expect((await post(path, cookies.ADMIN!, { id: other.id, title: "x", body: "y", locale: "id" })).response.status).toBe(404);
  });
});
