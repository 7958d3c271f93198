// Where it happened (#14 items 1–3, ADR 036) through the real routes, against a seeded schema of its
// own: the pin on /lapor without JavaScript (typed coordinates), the city's box refusing a point
// elsewhere with nothing typed lost, the kelurahan suggestion, the tile host in the CSP, and the
// inbox filter by kecamatan.
import { beforeAll, describe, expect, it } from "vitest";
import { inboxScope, listInbox, parseInboxQuery } from "~/domain/complaints/inbox.server";
import { suggestKelurahanFor } from "~/domain/location/kelurahan-suggestion.server";
import { loadUnits } from "~/models/inbox.server";
import { DEFAULT_TILE_URL_TEMPLATE, tileImageSource, tileLayer } from "~/services/map-config.server";
import { useTestServer } from "./e2e/support/browser";
import { complaintFields, fileComplaintAt, toFormData } from "./support/complaint-form";
import { readPage } from "./support/html";

process.env.TRUST_PROXY = "1";
const server = useTestServer();
const db = () => server.database.db;

let productId: string;
let kecamatanCode: string;
let kelurahanCode: string;
let otherKecamatanCode: string;
let otherKelurahanCode: string;
let ipCounter = 0;
const nextClientIp = () => `10.88.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`;

beforeAll(async () => {
  productId = (await db().serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } })).id;
  const [first, second] = await db().region.findMany({ where: { kind: "KECAMATAN" }, orderBy: { code: "asc" }, take: 2, include: { children: { orderBy: { code: "asc" }, take: 1 } } });
  kecamatanCode = first!.code;
  kelurahanCode = first!.children[0]!.code;
  otherKecamatanCode = second!.code;
  otherKelurahanCode = second!.children[0]!.code;
});

// The similar-reports step (#14 item 5) is passed: this file is about the pin.
const form = (overrides: Record<string, string | undefined>) =>
  toFormData(complaintFields({ productId, kecamatanCode, kelurahanCode }, { similarDecision: "different", ...overrides }));

async function submit(body: FormData) {
  const response = await fetch(`${server.baseUrl}/lapor`, { method: "POST", body, headers: { "x-forwarded-for": nextClientIp() } });
  return { response, ...(await readPage(response)) };
}

describe("the pin on /lapor without JavaScript", () => {
  it("offers the coordinates as two optional fields under 'Tandai di peta', and no map script at first paint", async () => {
    const { html, raw } = await readPage(await fetch(`${server.baseUrl}/lapor`));
    expect(html).toContain("Tandai di peta (opsional)");
    expect(html).toMatch(/<details[^>]*data-testid="pin-picker"/);
    expect(html).toMatch(/<input[^>]*name="latitude"/);
    expect(html).toMatch(/<input[^>]*name="longitude"/);
    // Leaflet is a chunk of its own, fetched only when a map is opened (the e2e budget test measures it).
    expect(raw).not.toMatch(/leaflet-view/);
  });

  it("refuses a point outside the city beside the field, keeping everything typed, and files nothing", async () => {
    const before = await db().complaint.count();
    const { response, html } = await submit(form({ latitude: "-6.2000", longitude: "106.8167", address: "Jl. Merdeka No. 9" }));
    expect(response.status).toBe(400);
    expect(html).toContain("Titik ini di luar Kota Pangkalpinang.");
    expect(html).toMatch(/<a href="#latitude">Lintang \(latitude\): Titik ini di luar Kota Pangkalpinang/);
    // The section is open, so the field the summary links to is on screen.
    expect(html).toMatch(/<details[^>]*open=""[^>]*data-testid="pin-picker"|<details[^>]*data-testid="pin-picker"[^>]*open=""/);
    expect(html).toMatch(/name="latitude"[^>]*value="-6.2000"|value="-6.2000"[^>]*name="latitude"/);
    expect(html).toMatch(/value="106.8167"/);
    expect(html).toContain("Jl. Merdeka No. 9");
    expect(html).toContain("Pembuatan KTP-el saya sudah tiga minggu");
    expect(await db().complaint.count()).toBe(before);
  });

  it("answers in English for an English visitor", async () => {
    const body = form({ latitude: "-6.2", longitude: "106.8" });
    const response = await fetch(`${server.baseUrl}/lapor?lang=en`, { method: "POST", body, headers: { "x-forwarded-for": nextClientIp() } });
    const { html } = await readPage(response);
    expect(response.status).toBe(400);
    expect(html).toContain("This point is outside the City of Pangkalpinang.");
  });

  it("asks for both halves", async () => {
    const { response, html } = await submit(form({ latitude: "-2.13" }));
    expect(response.status).toBe(400);
    expect(html).toContain("Isi lintang dan bujur, atau kosongkan keduanya.");
  });

  it("stores a pin inside the city to six decimals, typed with an Indonesian decimal comma", async () => {
    const { response, html } = await submit(form({ latitude: "-2,12954319", longitude: "106.1169872" }));
    expect(response.status, html.match(/class="field__error"[^>]*>[^<]*/g)?.join(" | ")).toBe(200);
    const code = html.match(/data-testid="tracking-code">([^<]+)</)?.[1];
    const complaint = await db().complaint.findUniqueOrThrow({ where: { trackingCode: code! } });
    expect(Number(complaint.latitude)).toBe(-2.129543);
    expect(Number(complaint.longitude)).toBe(106.116987);
  });

  it("files without a pin as before", async () => {
    const { response, html } = await submit(form({ latitude: "", longitude: "" }));
    expect(response.status).toBe(200);
    const code = html.match(/data-testid="tracking-code">([^<]+)</)?.[1];
    expect(await db().complaint.findUniqueOrThrow({ where: { trackingCode: code! }, select: { latitude: true } })).toEqual({ latitude: null });
  });
});

describe("the kelurahan suggestion", () => {
  const pin = { latitude: -2.1201, longitude: 106.1301 };

  it("is nothing while no centre is set and no verified pin is near", async () => {
    expect(await suggestKelurahanFor(db(), pin)).toBeNull();
    // The page asked with a pin still answers as a page (the map's fetcher reads its loader data).
    expect((await fetch(`${server.baseUrl}/lapor?titik=-2.1201,106.1301`)).status).toBe(200);
  });

  it("follows the kelurahan that verified complaints pinned nearby chose, ignoring unverified ones", async () => {
    const now = new Date();
    const near = { latitude: pin.latitude + 0.001, longitude: pin.longitude };
    const unverified = await fileComplaintAt(db(), now, { kecamatanCode: otherKecamatanCode, kelurahanCode: otherKelurahanCode, ...near });
    expect(await suggestKelurahanFor(db(), pin)).toBeNull();
    const verified = await fileComplaintAt(db(), now, { kecamatanCode, kelurahanCode, ...near });
    await db().complaint.update({ where: { id: verified }, data: { verifiedAt: now, status: "VERIFIED" } });
    expect(await suggestKelurahanFor(db(), pin)).toEqual({ kecamatanCode, kelurahanCode });
    // Far away (> 500 m), the same pins say nothing.
    expect(await suggestKelurahanFor(db(), { latitude: pin.latitude - 0.01, longitude: pin.longitude })).toBeNull();
    await db().complaint.update({ where: { id: unverified }, data: { verifiedAt: now } });
  });

  it("prefers a kelurahan centre once the admin has set one", async () => {
    await db().region.update({ where: { code: otherKelurahanCode }, data: { latitude: pin.latitude, longitude: pin.longitude + 0.002 } });
    try {
      expect(await suggestKelurahanFor(db(), pin)).toEqual({ kecamatanCode: otherKecamatanCode, kelurahanCode: otherKelurahanCode });
    } finally {
      await db().region.update({ where: { code: otherKelurahanCode }, data: { latitude: null, longitude: null } });
    }
  });

  it("answers any ?titik= as the page, never an error", async () => {
    for (const titik of ["", "abc", "-2.13", "1e999,1", "-2.13,106.11,5", "%00", "-6.2,106.8", "x".repeat(5000)]) {
      expect((await fetch(`${server.baseUrl}/lapor?titik=${encodeURIComponent(titik)}`)).status, titik).toBe(200);
    }
  });

  it("is never offered for a point outside the city", async () => {
    expect(await suggestKelurahanFor(db(), { latitude: -6.2, longitude: 106.8 })).toBeNull();
  });
});

describe("the tile server", () => {
  it("is configuration, defaulting to OpenStreetMap with attribution, and a bad template falls back", () => {
    expect(tileLayer({})).toEqual({ urlTemplate: DEFAULT_TILE_URL_TEMPLATE, attribution: "© OpenStreetMap contributors", attributionUrl: "https://www.openstreetmap.org/copyright" });
    const own = tileLayer({ TILE_URL_TEMPLATE: "https://{s}.peta.pangkalpinangkota.go.id/{z}/{x}/{y}.png", TILE_ATTRIBUTION: "Pemkot Pangkalpinang" });
    expect(own).toMatchObject({ urlTemplate: "https://{s}.peta.pangkalpinangkota.go.id/{z}/{x}/{y}.png", attribution: "Pemkot Pangkalpinang" });
    expect(tileImageSource(own)).toBe("https://*.peta.pangkalpinangkota.go.id");
    expect(tileLayer({ TILE_URL_TEMPLATE: "javascript:alert(1)//{z}/{x}/{y}" }).urlTemplate).toBe(DEFAULT_TILE_URL_TEMPLATE);
    expect(tileLayer({ TILE_URL_TEMPLATE: "https://tiles.example/{z}.png" }).urlTemplate).toBe(DEFAULT_TILE_URL_TEMPLATE);
  });

  it("is the one image host the CSP allows besides our own", async () => {
    const response = await fetch(`${server.baseUrl}/lapor`);
    expect(response.headers.get("content-security-policy")).toContain("img-src 'self' data: https://tile.openstreetmap.org;");
  });
});

describe("the inbox filter by kecamatan", () => {
  it("reads ?kecamatan= as a region code and ignores anything else", () => {
    expect(parseInboxQuery(new URLSearchParams("kecamatan=19.71.01"), "u").filters).toEqual({ kecamatanCode: "19.71.01" });
    expect(parseInboxQuery(new URLSearchParams("kecamatan=x' OR 1=1"), "u").filters).toEqual({});
    expect(parseInboxQuery(new URLSearchParams("kecamatan="), "u").filters).toEqual({});
  });

  it("lists only the complaints in that kecamatan", async () => {
    const now = new Date();
    const here = await fileComplaintAt(db(), now, { kecamatanCode, kelurahanCode });
    const there = await fileComplaintAt(db(), now, { kecamatanCode: otherKecamatanCode, kelurahanCode: otherKelurahanCode });
    const units = await loadUnits(db());
    const userId = "00000000-0000-4000-8000-000000000000";
    const coordinator = { id: userId, memberships: [{ role: "COORDINATOR", unitId: null }] } as unknown as Parameters<typeof inboxScope>[0];
    const scope = inboxScope(coordinator, units);
    const page = await listInbox(db(), { scope, filters: { kecamatanCode }, cursor: null, now, userId, limit: 500 });
    const ids = page.rows.map((row) => row.id);
    expect(ids).toContain(here);
    expect(ids).not.toContain(there);
  });
});
