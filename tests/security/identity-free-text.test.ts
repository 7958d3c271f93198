// Identities planted in EVERY field a citizen types (description, address/landmark, answers to a
// question, appeal text, attachment file names), for ANONIM, RAHASIA and PUBLIC complaints, appear on
// no public output: Open311 (every list, single request, token and update, JSON and XML) and the
// public pages. The complaints are taken through every public stage (verified, answered, responded,
// resolved, appealed), and the sweep checks it saw the ANONIM and PUBLIC ones, so it cannot pass empty.
// The one rule it exercises: app/domain/publication/publication.ts (ADR 026).
import { beforeAll, describe, expect, it } from "vitest";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import type { Actor, WorkflowAction } from "~/domain/complaints/workflow";
import { refreshComplaintReport } from "~/domain/reports/refresh-complaint-report.server";
import { useTestServer } from "../e2e/support/browser";
import { fileComplaint, loadCatalogue, nextIp, openTracking, type Catalogue } from "./support";

process.env.TRUST_PROXY = "1";
const server = useTestServer();
const db = () => server.database.db;
const JPEG = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(1024, 9)]));

interface Planted {
  id: string;
  code: string;
  visibility: "ANONIM" | "RAHASIA" | "PUBLIC";
  identity: { name: string; email: string; phone: string; nik: string };
}
const planted: Planted[] = [];

/** The values to look for: as typed, and as they could be shown (upper case, digits only, +62). */
function needles({ name, email, phone, nik }: Planted["identity"]): string[] {
  const digits = phone.replace(/\D/g, "");
  return [name, name.toUpperCase(), ...name.split(" ").filter((word) => word.length >= 5), email, email.toUpperCase(), phone, digits, `62${digits.slice(1)}`, nik];
}

function expectNoIdentity(label: string, text: string) {
  for (const p of planted) for (const needle of needles(p.identity)) expect(text.includes(needle), `${p.visibility} ${needle} in ${label}`).toBe(false);
}

async function act(id: string, action: WorkflowAction, actor: Actor, message?: string) {
  const outcome = await applyTransition(db(), { complaintId: id, action, actor, message, now: new Date() });
  expect(outcome.ok, `${action} by ${actor}`).toBe(true);
}

/** A citizen action on the tracking page, as the browser sends it (multipart, with files). */
async function citizenAction(code: string, cookie: string, fields: Record<string, string>, files: { name: string; bytes: Uint8Array }[] = []) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  for (const file of files) form.append("attachments", new Blob([new Uint8Array(file.bytes)], { type: "image/jpeg" }), file.name);
  const response = await fetch(`${server.baseUrl}/lacak/${code}`, { method: "POST", body: form, headers: { cookie, "x-forwarded-for": nextIp(64) }, redirect: "manual" });
  expect(response.status, `${fields.intent} on ${code}`).toBe(302);
}

beforeAll(async () => {
  const catalogue: Catalogue = await loadCatalogue(db());
  let n = 0;
  for (const visibility of ["ANONIM", "RAHASIA", "PUBLIC"] as const) {
    n += 1;
    const identity = {
      name: `Wiryawan${n}Qz Sastrodiharjo`,
      email: `wiryawan.${n}.teks@example.test`,
      phone: `0852${String(n).padStart(2, "0")}889977`,
      nik: `19710${n}0304850${String(n).padStart(3, "0")}`,
    };
    const sign = `Saya ${identity.name}, NIK ${identity.nik}, HP ${identity.phone}, surel ${identity.email}.`;
    const filed = await fileComplaint(server.baseUrl, db(), catalogue, {
      ...identity,
      visibility,
      description: `Petugas loket meminta uang tambahan di luar tarif resmi. ${sign}`,
      address: `Depan rumah ${identity.name}, hubungi ${identity.phone}`,
    });
    const p: Planted = { id: filed.id, code: filed.code, visibility, identity };
    planted.push(p);

    await act(p.id, "VERIFY", "COORDINATOR");
    await act(p.id, "ASSIGN", "SYSTEM");
    await act(p.id, "ACKNOWLEDGE", "OFFICER");
    await act(p.id, "REQUEST_INFO", "OFFICER", "Mohon kirim foto kuitansi yang Anda terima.");
    const { cookie } = await openTracking(server.baseUrl, p.code, filed.pin);
    await citizenAction(p.code, cookie, { intent: "reply", message: `Terlampir kuitansinya. ${sign}` }, [{ name: `kuitansi ${identity.name} ${identity.phone}.jpg`, bytes: JPEG }]);
    await act(p.id, "RESPOND", "OFFICER", "Petugas yang meminta uang sudah diperiksa atasannya.");
    await act(p.id, "PROPOSE_RESOLUTION", "OFFICER", "Uang dikembalikan dan petugas ditegur tertulis.");
    await citizenAction(p.code, cookie, { intent: "appeal", reason: `Uang belum dikembalikan sampai hari ini. ${sign}` });
    await refreshComplaintReport(db(), p.id, { now: new Date() });
  }
  // The planted text really is stored where the sweep says it is.
  for (const p of planted) {
    const stored = await db().complaint.findUniqueOrThrow({ where: { id: p.id }, include: { events: true, attachments: true } });
    expect(stored.status).toBe("APPEALED");
    expect(stored.address).toContain(p.identity.name);
    expect(stored.events.some((event) => event.type === "CITIZEN_REPLIED" && event.message?.includes(p.identity.nik))).toBe(true);
    expect(stored.events.some((event) => event.type === "APPEALED" && event.message?.includes(p.identity.email))).toBe(true);
    expect(stored.attachments.some((attachment) => attachment.originalName.includes(p.identity.name))).toBe(true);
  }
}, 90_000);

async function get(path: string) {
  const response = await fetch(`${server.baseUrl}${path}`, { headers: { "x-forwarded-for": nextIp(63) }, redirect: "manual" });
  return { status: response.status, text: await response.text() };
}

describe("identity typed into any free-text field", () => {
  it("appears in no Open311 answer, JSON or XML; ANONIM and PUBLIC complaints are published (blanked), RAHASIA not at all", async () => {
    const since = encodeURIComponent(new Date(Date.now() - 86_400_000).toISOString());
    const seen: string[] = [];
    for (const format of ["json", "xml"]) {
      const paths = [
        `/open311/v2/requests.${format}`,
        `/open311/v2/servicerequestupdates.${format}?start_date=${since}`,
        `/open311/v2/services.${format}`,
        ...planted.flatMap((p) => [`/open311/v2/requests/${p.code}.${format}`, `/open311/v2/requests.${format}?service_request_id=${p.code}`, `/open311/v2/tokens/${p.id}.${format}`]),
      ];
      for (const path of paths) {
        const { status, text } = await get(path);
        expect([200, 404], path).toContain(status);
        expectNoIdentity(path, text);
        // A 404 repeats the id asked for, exactly as for a code that does not exist.
        if (status === 200) seen.push(text);
      }
    }
    const all = seen.join("\n");
    for (const p of planted) {
      if (p.visibility === "RAHASIA") expect(all, p.code).not.toContain(p.code);
      else expect(all, p.code).toContain(p.code);
    }
    // The blanked description is what was published: the complaint's own words survive around the blanks.
    const [published] = JSON.parse((await get(`/open311/v2/requests/${planted.find((p) => p.visibility === "PUBLIC")!.code}.json`)).text) as { description: string; address: string }[];
    expect(published!.description).toContain("Petugas loket meminta uang tambahan");
    expect(published!.description).toContain("[…]");
    expect(published!.address).toContain("Depan rumah […], hubungi […]");
  });

  it("appears on no public page", async () => {
    for (const path of ["/", "/statistik", "/lacak", "/lapor", ...planted.map((p) => `/lacak?kode=${p.code}`)]) {
      const { status, text } = await get(path);
      expect(status, path).toBe(200);
      expectNoIdentity(path, text);
    }
    // The form tells the citizen beforehand what each choice publishes, the address line included.
    const form = (await get("/lapor")).text;
    expect(form).toContain("Alamat atau patokan yang Anda tulis tidak tampil; umum hanya melihat kelurahan dan kecamatan.");
    expect(form).toContain("Umum tidak melihat apa pun dari pengaduan ini");
  });
});
