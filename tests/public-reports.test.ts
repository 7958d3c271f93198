// The public reports (/laporan-warga, issue #14 items 3 and 6) through the real routes: what is
// listed (verified PUBLIC and ANONIM only), the filters and the keyset pages, one report's page with
// its public timeline, the CSV and GeoJSON of the list, and the coordinator's moderation of a
// report's text (reason required, audited, reversible, the workflow untouched).
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../prisma/seed/index";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import type { Actor, WorkflowAction } from "~/domain/complaints/workflow";
import { fileComplaintAt } from "./support/complaint-form";
import { useTestServer } from "./e2e/support/browser";
import { clientAddresses, staffLogin } from "./support/staff-http";

process.env.TRUST_PROXY = "1";
const server = useTestServer();
const db = () => server.database.db;
const PASSWORD = "kata-sandi-publik-uji-2026";
const nextIp = clientAddresses("10.71");

interface Filed {
  id: string;
  code: string;
}
const filed: Record<string, Filed> = {};
let unitId: string;
let otherUnitId: string;
let kecamatanCode: string;
let otherKecamatanCode: string;
let coordinatorCookie: string;
let officerCookie: string;

async function act(id: string, action: WorkflowAction, actor: Actor, message?: string) {
  const outcome = await applyTransition(db(), { complaintId: id, action, actor, message, now: new Date() });
  expect(outcome.ok, `${action} by ${actor}`).toBe(true);
}

async function file(name: string, overrides: Record<string, unknown>, pin: { latitude: number; longitude: number } | null, actions: [WorkflowAction, Actor, string?][]) {
  const id = await fileComplaintAt(db(), new Date(), overrides);
  if (pin) await db().complaint.update({ where: { id }, data: pin });
  for (const [action, actor, message] of actions) await act(id, action, actor, message);
  const { trackingCode } = await db().complaint.findUniqueOrThrow({ where: { id }, select: { trackingCode: true } });
  filed[name] = { id, code: trackingCode };
}

const VERIFIED: [WorkflowAction, Actor][] = [
  ["VERIFY", "COORDINATOR"],
  ["ASSIGN", "SYSTEM"],
];

beforeAll(async () => {
  await seedDemoAccounts(db(), { password: PASSWORD, mustChangePassword: false });
  const product = await db().serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } });
  const dinkes = await db().serviceUnit.findUniqueOrThrow({ where: { code: "DINKES" } });
  const otherProduct = await db().serviceProduct.findFirstOrThrow({ where: { unitId: dinkes.id, isActive: true } });
  unitId = product.unitId;
  otherUnitId = dinkes.id;
  const kelurahan = await db().region.findMany({ where: { kind: "KELURAHAN" }, orderBy: { code: "asc" } });
  const first = kelurahan[0]!;
  const second = kelurahan.find((k) => k.parentCode !== first.parentCode)!;
  kecamatanCode = first.parentCode!;
  otherKecamatanCode = second.parentCode!;
  const place = { productId: product.id, kecamatanCode, kelurahanCode: first.code };
  const otherPlace = { productId: otherProduct.id, kecamatanCode: otherKecamatanCode, kelurahanCode: second.code };

  await file(
    "public",
    { ...place, name: "Rudi Hartawan Publik", email: "rudi.publik@example.test", phone: "081377712345", description: "Lampu jalan mati sejak seminggu. Hubungi saya di 0813 7771 2345, Rudi Hartawan.", address: "Depan warung, telp 081377712345" },
    { latitude: -2.129876, longitude: 106.113456 },
    [...VERIFIED, ["ACKNOWLEDGE", "OFFICER"], ["RESPOND", "OFFICER", "Tim sudah menjadwalkan perbaikan, terima kasih Pak Rudi."]],
  );
  await file("anonim", { ...place, visibility: "ANONIM", name: "Sari Anonimawati", email: "sari.anonim@example.test", description: "Pungutan liar di loket pelayanan.", address: "Rumah saya di gang buntu" }, { latitude: -2.131234, longitude: 106.118765 }, VERIFIED);
  await file("rahasia", { ...place, visibility: "RAHASIA", description: "Isi rahasia tentang petugas yang meminta uang." }, { latitude: -2.13, longitude: 106.11 }, VERIFIED);
  await file("unverified", { ...place, description: "Belum diverifikasi: jalan berlubang." }, null, []);
  await file("other", { ...otherPlace, description: "=HYPERLINK(\"http://example.test\") antrean puskesmas terlalu panjang." }, { latitude: -2.1, longitude: 106.15 }, VERIFIED);
  await file("withdrawn", { ...place, description: "Saya cabut pengaduan ini." }, null, [...VERIFIED, ["WITHDRAW", "CITIZEN"]]);
  await file("closed", { ...otherPlace, description: "Pelayanan sudah baik kembali." }, null, [
    ...VERIFIED,
    ["ACKNOWLEDGE", "OFFICER"],
    ["PROPOSE_RESOLUTION", "OFFICER", "Antrean diatur ulang dengan nomor."],
    ["CONFIRM_RESOLUTION", "CITIZEN"],
  ]);
  const login = (role: string) => staffLogin(server.baseUrl, { email: DEMO_ACCOUNTS.find((a) => a.role === role)!.email, password: PASSWORD, clientIp: nextIp() });
  coordinatorCookie = await login("COORDINATOR");
  officerCookie = await login("OFFICER");
}, 60_000);

async function get(path: string, cookie = "") {
  const response = await fetch(`${server.baseUrl}${path}`, { headers: { cookie, "x-forwarded-for": nextIp() }, redirect: "manual" });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

const codesIn = (body: string) => Object.entries(filed).filter(([, f]) => body.includes(f.code)).map(([name]) => name).sort();

describe("the public list", () => {
  it("shows verified PUBLIC and ANONIM reports only, never RAHASIA, unverified or withdrawn ones, and no identity", async () => {
    const page = await get("/laporan-warga");
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("public, max-age=60");
    expect(codesIn(page.body)).toEqual(["anonim", "closed", "other", "public"]);
    for (const needle of ["Rudi Hartawan", "081377712345", "0813 7771 2345", "Sari Anonimawati", "Isi rahasia"]) expect(page.body).not.toContain(needle);
    expect(page.body).toContain("Lampu jalan mati");
    expect(page.body).toContain('href="/laporan-warga"');
  });

  it("filters by status group, kecamatan, unit and month; a value that does not parse is ignored", async () => {
    expect(codesIn((await get("/laporan-warga?status=selesai")).body)).toEqual(["closed"]);
    expect(codesIn((await get("/laporan-warga?status=diproses")).body)).toEqual(["anonim", "other", "public"]);
    expect(codesIn((await get(`/laporan-warga?kecamatan=${otherKecamatanCode}`)).body)).toEqual(["closed", "other"]);
    expect(codesIn((await get(`/laporan-warga?unit=${unitId}`)).body)).toEqual(["anonim", "public"]);
    expect(codesIn((await get(`/laporan-warga?unit=${otherUnitId}&status=diproses`)).body)).toEqual(["other"]);
    const month = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);
    expect(codesIn((await get(`/laporan-warga?bulan=${month}`)).body)).toEqual(["anonim", "closed", "other", "public"]);
    expect(codesIn((await get("/laporan-warga?bulan=2001-01")).body)).toEqual([]);
    const junk = await get("/laporan-warga?status=%3Cscript%3E&kecamatan=';--&unit=x&bulan=9999-99&setelah=abc");
    expect(junk.status).toBe(200);
    expect(codesIn(junk.body)).toEqual(["anonim", "closed", "other", "public"]);
  });

  it("pages by keyset: newest first, a next link while more remain, no report twice", async () => {
    const extra: string[] = [];
    for (let i = 0; i < 21; i++) {
      const id = await fileComplaintAt(db(), new Date(), { productId: (await db().serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } })).id, description: `Laporan halaman ${i}: antrean.` });
      await act(id, "VERIFY", "COORDINATOR");
      extra.push(id);
    }
    const seen: string[] = [];
    let path: string | null = "/laporan-warga";
    let pages = 0;
    while (path) {
      const page = await get(path);
      expect(page.status).toBe(200);
      const codes = [...page.body.matchAll(/<code>([A-Z0-9-]+)<\/code>/g)].map((m) => m[1]!);
      seen.push(...codes);
      pages += 1;
      const next = page.body.match(/<a[^>]*data-testid="public-next"[^>]*>/)?.[0].match(/href="([^"]+)"/)?.[1];
      path = next ? next.replaceAll("&amp;", "&") : null;
    }
    expect(seen.length, seen.join(" ")).toBe(25);
    expect(pages).toBe(2);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(25);
    await db().complaint.updateMany({ where: { id: { in: extra } }, data: { status: "WITHDRAWN" } });
  });
});

describe("one report", () => {
  it("shows status, unit, place and the public timeline with staff words blanked; the address redacted for PUBLIC", async () => {
    const page = await get(`/laporan-warga/${filed.public!.code}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain("Tim sudah menjadwalkan perbaikan");
    expect(page.body).toContain("Depan warung");
    expect(page.body).toContain("-2.129876");
    for (const needle of ["Rudi", "081377712345", "rudi.publik@example.test"]) expect(page.body).not.toContain(needle);
  });

  it("ANONIM: no address line, the pin at three decimals", async () => {
    const page = await get(`/laporan-warga/${filed.anonim!.code}`);
    expect(page.status).toBe(200);
    expect(page.body).not.toContain("gang buntu");
    expect(page.body).not.toContain("-2.131234");
    expect(page.body).toContain("-2.131");
    expect(page.body).not.toContain("Anonimawati");
  });

  it("RAHASIA, unverified, withdrawn and unknown codes are the same 404", async () => {
    for (const path of [`/laporan-warga/${filed.rahasia!.code}`, `/laporan-warga/${filed.unverified!.code}`, `/laporan-warga/${filed.withdrawn!.code}`, "/laporan-warga/ZZZZ-ZZZZ", "/laporan-warga/LPK-00000-000000"]) {
      const page = await get(path);
      expect(page.status, path).toBe(404);
      expect(page.body).not.toContain("Isi rahasia");
    }
  });
});

describe("CSV and GeoJSON", () => {
  it("the CSV holds the filtered rows, formula cells neutralised, cached briefly", async () => {
    const csv = await get(`/laporan-warga.csv?kecamatan=${otherKecamatanCode}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("cache-control")).toBe("public, max-age=60");
    expect(csv.body.split("\r\n")[0]).toContain("code,submitted_at");
    expect(codesIn(csv.body)).toEqual(["closed", "other"]);
    expect(csv.body).toContain("'=HYPERLINK");
    const all = await get("/laporan-warga.csv");
    expect(codesIn(all.body)).toEqual(["anonim", "closed", "other", "public"]);
    expect(all.body).not.toContain("Rudi");
  });

  it("GeoJSON is a FeatureCollection with [longitude, latitude] at the published precision; ?batas= pages with a Link header", async () => {
    const response = await get("/laporan-warga.geojson");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/geo+json");
    const body = JSON.parse(response.body) as { type: string; features: { id: string; geometry: { coordinates: number[] } | null; properties: Record<string, unknown> }[] };
    expect(body.type).toBe("FeatureCollection");
    const byCode = new Map(body.features.map((f) => [f.id, f]));
    expect(byCode.get(filed.public!.code)!.geometry!.coordinates).toEqual([106.113456, -2.129876]);
    expect(byCode.get(filed.anonim!.code)!.geometry!.coordinates).toEqual([106.119, -2.131]);
    expect(byCode.get(filed.closed!.code)!.geometry).toBeNull();
    expect(byCode.has(filed.rahasia!.code)).toBe(false);

    const first = await get("/laporan-warga.geojson?batas=1");
    expect(JSON.parse(first.body).features).toHaveLength(1);
    expect(first.headers.get("link")).toMatch(/setelah=.*rel="next"/);
    const capped = await get("/laporan-warga.geojson?batas=999999");
    expect(capped.status).toBe(200);
  });

  it("the map's pins: code and point only, inside the box asked for", async () => {
    const all = JSON.parse((await get("/laporan-warga.geojson?titik=1")).body) as { features: { id: string; properties: Record<string, unknown> }[] };
    expect(all.features.map((f) => f.id).sort()).toEqual([filed.anonim!.code, filed.other!.code, filed.public!.code].sort());
    expect(Object.keys(all.features[0]!.properties).sort()).toEqual(["code", "status_group"]);
    const box = JSON.parse((await get("/laporan-warga.geojson?titik=1&bbox=106.14,-2.11,106.16,-2.09")).body) as { features: { id: string }[] };
    expect(box.features.map((f) => f.id)).toEqual([filed.other!.code]);
  });
});

describe("moderation", () => {
  const post = (id: string, body: Record<string, string>, cookie: string) =>
    fetch(`${server.baseUrl}/staf/triase/${id}`, { method: "POST", body: new URLSearchParams(body), headers: { cookie, "x-forwarded-for": nextIp() }, redirect: "manual" });

  it("the coordinator hides a report's text with a reason (audited); everything else stays, and 'tampilkan lagi' brings it back", async () => {
    const { id, code } = filed.public!;
    const before = await db().complaint.findUniqueOrThrow({ where: { id }, select: { status: true, nextDueAt: true } });
    const triage = await get(`/staf/triase/${id}`, coordinatorCookie);
    expect(triage.body).toContain('data-testid="moderation"');

    const noReason = await post(id, { intent: "hide-text", reason: " " }, coordinatorCookie);
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("triage.moderation.refusal.reason_required");

    const hidden = await post(id, { intent: "hide-text", reason: "Menyebut nama pihak ketiga." }, coordinatorCookie);
    expect(hidden.status).toBe(302);
    expect(hidden.headers.get("location")).toBe(`/staf/triase/${id}?selesai=hide-text`);

    const page = await get(`/laporan-warga/${code}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain("Isi laporan disembunyikan oleh admin koordinator");
    expect(page.body).not.toContain("Lampu jalan mati");
    expect(page.body).not.toContain("Depan warung");
    expect(page.body).toContain("Tim sudah menjadwalkan perbaikan");
    expect((await get("/laporan-warga")).body).not.toContain("Lampu jalan mati");
    expect((await get("/laporan-warga.csv")).body).not.toContain("Lampu jalan mati");
    expect((await get("/laporan-warga.geojson")).body).not.toContain("Lampu jalan mati");

    const after = await db().complaint.findUniqueOrThrow({ where: { id }, select: { status: true, nextDueAt: true, publicTextHiddenReason: true } });
    expect(after.status).toBe(before.status);
    expect(after.nextDueAt).toEqual(before.nextDueAt);
    expect(after.publicTextHiddenReason).toBe("Menyebut nama pihak ketiga.");
    const audit = await db().auditLog.findFirstOrThrow({ where: { entity: "complaint", entityId: id, action: "complaint.public_text_hidden" } });
    expect(audit.data).toMatchObject({ reason: "Menyebut nama pihak ketiga." });
    expect((await get(`/staf/triase/${id}`, coordinatorCookie)).body).toContain('data-testid="public-text-hidden"');

    expect((await post(id, { intent: "hide-text", reason: "Sekali lagi disembunyikan." }, coordinatorCookie)).status).toBe(409);

    const shown = await post(id, { intent: "show-text" }, coordinatorCookie);
    expect(shown.status).toBe(302);
    expect((await get(`/laporan-warga/${code}`)).body).toContain("Lampu jalan mati");
    expect(await db().auditLog.count({ where: { entity: "complaint", entityId: id, action: "complaint.public_text_shown" } })).toBe(1);
  });

  it("an officer cannot moderate", async () => {
    const response = await post(filed.anonim!.id, { intent: "hide-text", reason: "Bukan wewenang petugas." }, officerCookie);
    expect(response.status).toBe(403);
    expect((await db().complaint.findUniqueOrThrow({ where: { id: filed.anonim!.id } })).publicTextHiddenAt).toBeNull();
  });
});
