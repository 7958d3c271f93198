// The citizen's limits through the real routes (docs/decisions/030): nobody who has merely seen a
// tracking code can lock its owner out, brute force stays bounded by a global ceiling per code, and
// the filing limits count stored complaints only, per network and per browser.
import { beforeAll, describe, expect, it } from "vitest";
import { createTrackingLinkToken } from "~/domain/complaints/tracking-access.server";
import { BROWSER_COOKIE } from "~/services/citizen-limits.server";
import { RATE_LIMITS } from "~/services/rate-limit.server";
import { useTestServer } from "./e2e/support/browser";
import { complaintFields, toFormData } from "./support/complaint-form";
import { renderedHtml } from "./support/html";

process.env.TRUST_PROXY = "1";
const server = useTestServer();
const db = () => server.database.db;
let place: { productId: string; kecamatanCode: string; kelurahanCode: string };

beforeAll(async () => {
  const product = await db().serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } });
  const kelurahan = await db().region.findFirstOrThrow({ where: { kind: "KELURAHAN" } });
  place = { productId: product.id, kecamatanCode: kelurahan.parentCode!, kelurahanCode: kelurahan.code };
});

let networkCounter = 0;
/** A fresh network per call: 10.66.x.y. */
const network = () => `10.66.${Math.floor(networkCounter / 250)}.${(networkCounter++ % 250) + 1}`;

async function submit(fields: Record<string, string | undefined>, { ip = network(), cookie = "" }: { ip?: string; cookie?: string } = {}) {
  const response = await fetch(`${server.baseUrl}/lapor`, {
    method: "POST",
    body: toFormData(complaintFields(place, fields)),
    headers: { "x-forwarded-for": ip, cookie },
  });
  return { response, html: renderedHtml(await response.text()) };
}

async function fileOne(): Promise<{ code: string; pin: string; id: string }> {
  const { response, html } = await submit({});
  expect(response.status).toBe(200);
  const code = html.match(/data-testid="tracking-code">([^<]+)</)![1]!;
  const pin = html.match(/data-testid="tracking-pin">(\d{6})</)![1]!;
  const { id } = await db().complaint.findUniqueOrThrow({ where: { trackingCode: code }, select: { id: true } });
  return { code, pin, id };
}

async function tryPin(code: string, pin: string, ip: string) {
  const response = await fetch(`${server.baseUrl}/lacak`, {
    method: "POST",
    body: new URLSearchParams({ kode: code, pin }),
    redirect: "manual",
    headers: { "x-forwarded-for": ip },
  });
  return { status: response.status, location: response.headers.get("location"), retryAfter: response.headers.get("retry-after"), html: renderedHtml(await response.text()) };
}

const wrongPin = (pin: string) => (pin === "000000" ? "111111" : "000000");

async function openSignedLink(code: string, id: string) {
  const response = await fetch(`${server.baseUrl}/lacak/${code}?t=${createTrackingLinkToken(id, new Date())}`, { redirect: "manual" });
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  expect(cookie, "the signed link grants access").toMatch(/^lapor_lacak=/);
  const page = await fetch(`${server.baseUrl}/lacak/${code}`, { headers: { cookie }, redirect: "manual" });
  return { status: page.status, html: renderedHtml(await page.text()) };
}

describe("a tracking code nobody else can lock", () => {
  it("failures from one network refuse that network only: the right PIN from another network and the e-mailed link still open it", async () => {
    const { code, pin, id } = await fileOne();
    const attacker = network();
    for (let i = 0; i < 12; i += 1) {
      const attempt = await tryPin(code, wrongPin(pin), attacker);
      expect([400, 429], `attempt ${i + 1}`).toContain(attempt.status);
    }
    const refused = await tryPin(code, pin, attacker);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(refused.html).toContain("Terlalu banyak percobaan");

    const owner = await tryPin(code, pin, network());
    expect(owner.status).toBe(302);
    expect(owner.location).toBe(`/lacak/${code}`);

    const linked = await openSignedLink(code, id);
    expect(linked.status).toBe(200);
    expect(linked.html).toContain(code);
  });

  it("past the global ceiling per code, spread over many networks, even the right PIN waits (429, Retry-After); the e-mailed link still opens", async () => {
    const { code, pin, id } = await fileOne();
    const perNetwork = RATE_LIMITS.trackingWrongPin.limit;
    let wrong = 0;
    while (wrong < RATE_LIMITS.trackingWrongPinPerCode.limit) {
      const ip = network();
      for (let i = 0; i < perNetwork && wrong < RATE_LIMITS.trackingWrongPinPerCode.limit; i += 1, wrong += 1) {
        expect((await tryPin(code, wrongPin(pin), ip)).status).toBe(400);
      }
    }
    const refused = await tryPin(code, pin, network());
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(15 * 60);
    const linked = await openSignedLink(code, id);
    expect(linked.status).toBe(200);
  });
});

describe("filing limits count stored complaints only", () => {
  it("refused, invalid submissions do not use up the network's quota", async () => {
    const ip = network();
    for (let i = 0; i <= RATE_LIMITS.complaintSubmit.limit; i += 1) {
      const { response } = await submit({ description: "" }, { ip });
      expect(response.status, `invalid ${i + 1}`).toBe(400);
    }
    const { response, html } = await submit({}, { ip });
    expect(response.status).toBe(200);
    expect(html).toMatch(/data-testid="tracking-code">LPK-/);
  }, 120_000);

  it("holds one browser to its own limit whatever network it uses, keeping what was typed; a replayed form counts once", async () => {
    const first = await submit({});
    expect(first.response.status).toBe(200);
    const cookie = first.response.headers.getSetCookie().find((part) => part.startsWith(`${BROWSER_COOKIE}=`))?.split(";")[0] ?? "";
    expect(cookie).toMatch(new RegExp(`^${BROWSER_COOKIE}=`));

    // The same form sent twice (a double tap) is one complaint and one count.
    const twice = complaintFields(place, {});
    for (let i = 0; i < 2; i += 1) {
      const response = await fetch(`${server.baseUrl}/lapor`, { method: "POST", body: toFormData(twice), headers: { "x-forwarded-for": network(), cookie } });
      expect(response.status).toBe(200);
    }
    for (let stored = 2; stored < RATE_LIMITS.complaintSubmitPerBrowser.limit; stored += 1) expect((await submit({}, { cookie })).response.status).toBe(200);

    const before = await db().complaint.count();
    const refused = await submit({ description: "Antrean loket kesehatan sangat panjang dan tidak ada nomor antrean, mohon ditertibkan." }, { cookie });
    expect(refused.response.status).toBe(429);
    expect(Number(refused.response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.html).toContain("Terlalu banyak pengaduan");
    expect(refused.html).toContain("Antrean loket kesehatan sangat panjang");
    expect(await db().complaint.count()).toBe(before);

    // Another browser on the same network is not held by it.
    expect((await submit({})).response.status).toBe(200);
  });
});
