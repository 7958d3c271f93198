// Property-based fuzzing (fast-check) of every public form and API, through real HTTP requests to
// the built app served in-process. Whatever arrives (hostile strings, raw bytes that are not UTF-8,
// the wrong content type, truncated or oversized bodies, duplicated fields, arrays where strings
// belong), the answer is a 4xx with a message in the visitor's language, a normal re-render with
// field errors, or the normal success; never a 500 (setup.ts also fails a test that logs an error),
// never a reflected script, and a refused request leaves no row behind in any table a complaint
// writes to (complaint, complainant, attachment, blob, outbox, event, email).
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../../prisma/seed/index";
import { generateTrackingCode } from "~/domain/complaints/tracking-code";
import { CATALOGUES, type Locale } from "~/services/i18n.server";
import { useTestServer } from "../e2e/support/browser";
import { complaintFields, toFormData } from "../support/complaint-form";
import { fileComplaint, receiptOf, loadCatalogue, login, nextIp, openTracking, rowCounts, type Catalogue } from "./support";
import { renderedHtml } from "../support/html";

process.env.TRUST_PROXY = "1";
const server = useTestServer();
const db = () => server.database.db;
const PASSWORD = "kata-sandi-fuzz-uji-2026";
// Bounded so the file stays well under its share of the suite's minute on two cores.
const RUNS = Number(process.env.SECURITY_FUZZ_RUNS ?? 40);
// A property is many requests: give it room when the whole suite shares two cores.
vi.setConfig({ testTimeout: 60_000 });

let catalogue: Catalogue;
let apiKey: string;
let tracked: { code: string; cookie: string };

beforeAll(async () => {
  catalogue = await loadCatalogue(db());
  await seedDemoAccounts(db(), { password: PASSWORD, mustChangePassword: false });
  const admin = await login(server.baseUrl, DEMO_ACCOUNTS.find((a) => a.role === "ADMIN")!.email, PASSWORD);
  const created = await fetch(`${server.baseUrl}/staf/admin/open311`, { method: "POST", body: new URLSearchParams({ intent: "create", name: "Klien fuzz" }), headers: { cookie: admin.cookie } });
  apiKey = (await created.text()).match(/data-testid="api-key">([^<]+)</)![1]!;
  const filed = await fileComplaint(server.baseUrl, db(), catalogue);
  tracked = { code: filed.code, cookie: (await openTracking(server.baseUrl, filed.code, filed.pin)).cookie };
});

// ---------------------------------------------------------------------------------------------
// Hostile input

const HOSTILE = [
  "' OR '1'='1' --",
  "'; DROP TABLE complaint; --",
  "1; SELECT pg_sleep(5)",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "</textarea><script>alert(1)</script>",
  "\u202Egpj.exe",
  "\u200F\u202Bمرحبا\u202C",
  "a\u0000b",
  "\u0000",
  "\u0007\u001b[31m\u0008\u007f",
  "\r\nSet-Cookie: lapor_staf=x",
  "😀👩‍👩‍👧‍👦🇮🇩",
  "\uD800",
  "\uDFFF\uD800",
  "%00%ff%c0%af",
  "${7*7}{{7*7}}<%= 7*7 %>",
  "../../../../etc/passwd",
  "__proto__",
  "constructor",
  "LPK-00000-000000",
  "x".repeat(70_000),
  "ä".repeat(6_000),
] as const;

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map((s) => s.repeat(200)) },
);

const locale = fc.constantFrom<Locale>("id", "en");

/** Raw bodies that are not what any form sends: invalid UTF-8, JSON, binary, truncated multipart. */
const INVALID_UTF8 = [Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from([0xc0, 0xaf]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xe2, 0x82]), Buffer.from([0xf8, 0x88, 0x80, 0x80, 0x80])];
const rawBytes = fc.oneof(
  fc.constantFrom(...INVALID_UTF8),
  fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a)),
  fc.tuple(fc.string({ maxLength: 20 }), fc.constantFrom(...INVALID_UTF8)).map(([name, bad]) => Buffer.concat([Buffer.from(`${encodeURIComponent(name)}=`), bad, Buffer.from("&kode="), bad])),
);
const contentType = fc.constantFrom(
  "application/x-www-form-urlencoded",
  "application/x-www-form-urlencoded; charset=iso-8859-1",
  "multipart/form-data",
  "multipart/form-data; boundary=",
  "multipart/form-data; boundary=----x",
  "application/json",
  "text/plain",
  "application/octet-stream",
  "text/xml",
);

/** For a URL: lone surrogates cannot be percent-encoded; UTF-8 round trip turns them into U+FFFD. */
const enc = (value: string) => encodeURIComponent(Buffer.from(value, "utf8").toString("utf8"));

// ---------------------------------------------------------------------------------------------
// What every answer must be

function decodeEntities(html: string): string {
  return html.replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

const ERROR_MESSAGES: Record<Locale, string[]> = {
  id: Object.entries(CATALOGUES.id).filter(([key]) => /error|invalid|tooMany|expired/i.test(key)).map(([, v]) => v.split("{")[0]!.trim()).filter((v) => v.length > 8),
  en: Object.entries(CATALOGUES.en).filter(([key]) => /error|invalid|tooMany|expired/i.test(key)).map(([, v]) => v.split("{")[0]!.trim()).filter((v) => v.length > 8),
};

/** A refusal says why, in the visitor's language (not a message key, not a stack trace), on the page itself (the loader data holds every message). */
function expectMessage(body: string, lang: Locale, label: string) {
  const text = decodeEntities(renderedHtml(body));
  const found = ERROR_MESSAGES[lang].some((message) => text.includes(message));
  expect(found, `${label}: no ${lang} error message in ${text.slice(0, 400)}`).toBe(true);
}

/** No hostile markup comes back unescaped in an HTML page. */
function expectNoReflection(body: string, label: string) {
  expect(body, label).not.toMatch(/<script>alert|<img src=x onerror|<\/textarea><script/i);
}

type Counts = Awaited<ReturnType<typeof rowCounts>>;

async function expectRefused(response: Response, before: Counts, lang: Locale, label: string) {
  const body = await response.text();
  expect(response.status, `${label}: ${body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(response.status, `${label}: ${body.slice(0, 300)}`).toBeLessThan(500);
  expectNoReflection(body, label);
  if ((response.headers.get("content-type") ?? "").includes("html")) expectMessage(body, lang, label);
  expect(await rowCounts(db()), label).toEqual(before);
  return body;
}

// ---------------------------------------------------------------------------------------------
// /lapor

const LAPOR_FIELDS = ["productId", "unitUnknown", "description", "incidentDate", "chooser", "kecamatanCode", "kelurahanCode", "address", "latitude", "longitude", "similarDecision", "name", "email", "phone", "visibility", "consent", "idempotencyKey"] as const;

async function postLapor(body: BodyInit, lang: Locale, headers: Record<string, string> = {}) {
  return fetch(`${server.baseUrl}/lapor?lang=${lang}`, { method: "POST", body, headers: { "x-forwarded-for": nextIp(41), ...headers } });
}

describe("/lapor", () => {
  it("with valid honeypot fields: hostile values in any field re-render with field errors (nothing stored) or file one whole complaint", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom(...LAPOR_FIELDS), hostileString, { minKeys: 1, maxKeys: 4 }),
        fc.array(fc.tuple(fc.constantFrom(...LAPOR_FIELDS, "extra", "attachments"), hostileString), { maxLength: 3 }),
        locale,
        async (hostile, duplicates, lang) => {
          const fields = complaintFields(catalogue, hostile);
          const form = toFormData(fields);
          for (const [name, value] of duplicates) form.append(name, value);
          const before = await rowCounts(db());
          const response = await postLapor(form, lang);
          if (response.status === 200 && (await response.clone().text()).includes('data-testid="tracking-code"')) {
            const body = await response.text();
            expectNoReflection(body, "receipt");
            const after = await rowCounts(db());
            // One whole complaint: the row, its identity, its first event, its jobs; no attachment.
            expect(after.complaint).toBe(before.complaint + 1);
            expect(after.complainant).toBe(before.complainant + 1);
            expect(after.event).toBeGreaterThan(before.event);
            expect(after.outbox).toBeGreaterThan(before.outbox);
            expect(after.attachment).toBe(before.attachment);
            return;
          }
          const body = await expectRefused(response, before, lang, `lapor ${JSON.stringify(Object.keys(hostile))}`);
          // 413 only for a text field over the parser's 64 KiB part limit.
          const longest = Math.max(...[...Object.values(hostile), ...duplicates.map(([, v]) => v)].map((v) => Buffer.byteLength(v)));
          expect(response.status).toBe(longest > 64 * 1024 ? 413 : 400);
          // Field errors beside the fields, or a form-level alert.
          expect(body).toMatch(/class="field__error"|role="alert"/);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("without the honeypot fields (or with them forged or filled): refused, nothing stored", async () => {
    const honeypot = fc.oneof(
      fc.constant({}),
      // A value of only NULs is empty once readForm drops NULs (form-body.server.ts), so not a filled trap.
      fc.record({ website: hostileString.filter((s) => s.replaceAll("\u0000", "").trim() !== ""), formStartedAt: fc.constant(complaintFields(catalogue).formStartedAt!) }),
      fc.record({ website: fc.constant(""), formStartedAt: hostileString }),
      fc.record({ website: fc.constant(""), formStartedAt: fc.constant(`${Date.now()}.${"A".repeat(43)}`) }),
    );
    await fc.assert(
      fc.asyncProperty(honeypot, fc.dictionary(fc.constantFrom(...LAPOR_FIELDS), hostileString, { maxKeys: 3 }), locale, async (trap, hostile, lang) => {
        const { website: _w, formStartedAt: _f, ...withoutTrap } = complaintFields(catalogue, hostile);
        const before = await rowCounts(db());
        const response = await postLapor(toFormData({ ...withoutTrap, ...trap }), lang);
        const body = await expectRefused(response, before, lang, "lapor without honeypot");
        expect(body).toMatch(/role="alert"/);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it("malformed bodies: wrong content type, raw bytes, truncated multipart, JSON: a 4xx with a message, nothing stored", async () => {
    const truncated = fc.tuple(fc.integer({ min: 1, max: 99 }), locale).map(async ([percent]) => {
      const request = new Request("http://x/", { method: "POST", body: toFormData(complaintFields(catalogue), [{ name: "a.jpg", bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) }]) });
      const bytes = Buffer.from(await request.arrayBuffer());
      return { body: bytes.subarray(0, Math.floor((bytes.length * percent) / 100)), type: request.headers.get("content-type")! };
    });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.tuple(rawBytes, contentType).map(async ([body, type]) => ({ body, type })),
          truncated,
          fc.constant(Promise.resolve({ body: Buffer.from(JSON.stringify(complaintFields(catalogue))), type: "application/json" })),
        ),
        locale,
        async (made, lang) => {
          const { body, type } = await made;
          const before = await rowCounts(db());
          await expectRefused(await postLapor(body, lang, { "content-type": type }), before, lang, `lapor raw ${type}`);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("a complaint sent urlencoded (no files) is read as the form it is: one whole complaint, no 500", async () => {
    // The page posts multipart; a client without file inputs may send the plain encoding.
    const before = await db().complaint.count();
    const response = await postLapor(Buffer.from(new URLSearchParams(complaintFields(catalogue)).toString()), "id", { "content-type": "application/x-www-form-urlencoded" });
    expect(response.status).toBe(200);
    receiptOf(await response.text());
    expect(await db().complaint.count()).toBe(before + 1);
  });

  it("NUL and control characters inside otherwise valid text are stored without the NUL, never a 500", async () => {
    // PostgreSQL refuses U+0000 in text: before the form readers dropped it, this was a 500.
    for (const field of ["name", "description", "address"] as const) {
      const value = `${complaintFields(catalogue)[field]}\u0000\u0007 \u202Eakhir`;
      const response = await postLapor(toFormData(complaintFields(catalogue, { [field]: value })), "id");
      const html = await response.text();
      expect(response.status, field).toBe(200);
      const { code } = receiptOf(html);
      const stored = await db().complaint.findUniqueOrThrow({ where: { trackingCode: code }, select: { description: true, address: true, complainant: { select: { name: true } } } });
      const text = field === "name" ? stored.complainant?.name : field === "description" ? stored.description : stored.address;
      expect(text, field).toContain("\u202Eakhir");
      expect(text, field).not.toContain("\u0000");
    }
    const response = await fetch(`${server.baseUrl}/open311/v2/requests.json`, { method: "POST", body: new URLSearchParams(open311Body({ description: `${open311Body({}).description}\u0000`, last_name: "Nul\u0000" })) });
    expect(response.status).toBe(201);
  });

  it("a NUL in a path or query string: 400 with a message, never a 500", async () => {
    for (const path of ["/open311/v2/services/A%00B.json", "/open311/v2/requests/LPK%00.json", "/lacak?kode=%00", "/lacak/LPK-%00", "/staf/masuk?redirectTo=/%00"]) {
      const response = await fetch(`${server.baseUrl}${path}&lang=en`.replace(/^([^?]*)&/, "$1?"), { redirect: "manual" });
      expect(response.status, path).toBe(400);
      expect(await response.text()).toBe(CATALOGUES.en["error.generic"]);
    }
  });

  it("an oversized text field or body: 413 with a message, nothing stored", async () => {
    const before = await rowCounts(db());
    const form = toFormData(complaintFields(catalogue, { description: "x".repeat(200 * 1024) }));
    const response = await postLapor(form, "en");
    expect(response.status).toBe(413);
    // Answered before the whole body arrived: the connection is closed, not left holding the rest
    // of the body (the next request on it used to stall until the connection was reset).
    expect(response.headers.get("connection")).toBe("close");
    await expectRefused(response, before, "en", "oversized description");
    const started = Date.now();
    const next = await fetch(`${server.baseUrl}/lacak?lang=en`, { method: "POST", body: new URLSearchParams({ kode: "", pin: "" }) });
    expect(next.status).toBe(400);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

// ---------------------------------------------------------------------------------------------
// /lacak and /lacak/:code

describe("/lacak", () => {
  it("lookup: hostile code and PIN, duplicated fields, raw bodies: a 4xx with a message, nothing stored", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ kode: hostileString, pin: hostileString, dup: fc.boolean() }).map(({ kode, pin, dup }) => {
            const form = new URLSearchParams({ kode, pin });
            if (dup) form.append("kode", tracked.code);
            return { body: form.toString() as BodyInit, type: "application/x-www-form-urlencoded" };
          }),
          fc.tuple(rawBytes, contentType).map(([body, type]) => ({ body: body as BodyInit, type })),
          fc.constant({ body: JSON.stringify({ kode: [tracked.code], pin: ["123456"] }) as BodyInit, type: "application/json" }),
          // Well-formed codes that were never issued (a typo that still passes the check character) with any PIN.
          fc.tuple(fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.stringMatching(/^\d{6}$/)).map(([seed, pin]) => ({
            body: new URLSearchParams({ kode: generateTrackingCode((n) => seed.subarray(0, n)), pin }).toString() as BodyInit,
            type: "application/x-www-form-urlencoded",
          })),
        ),
        locale,
        async ({ body, type }, lang) => {
          const before = await rowCounts(db());
          const response = await fetch(`${server.baseUrl}/lacak?lang=${lang}`, { method: "POST", body, headers: { "content-type": type, "x-forwarded-for": nextIp(42) }, redirect: "manual" });
          await expectRefused(response, before, lang, `lacak ${type}`);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("citizen actions: hostile intents and texts, raw bodies: refused with a message (or the allowed action done), never a 500", async () => {
    const intents = fc.oneof(fc.constantFrom("reply", "confirm", "reject", "rate", "appeal", "withdraw-tidak", ""), hostileString);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ intent: intents, message: hostileString, reason: hostileString, rating: hostileString, comment: hostileString }).map((fields) => ({ body: toFormData(fields) as BodyInit, type: null as string | null })),
          fc.tuple(rawBytes, contentType).map(([body, type]) => ({ body: body as BodyInit, type: type as string | null })),
        ),
        locale,
        async ({ body, type }, lang) => {
          const before = await rowCounts(db());
          const response = await fetch(`${server.baseUrl}/lacak/${tracked.code}?lang=${lang}`, {
            method: "POST",
            body,
            headers: { cookie: tracked.cookie, "x-forwarded-for": nextIp(43), ...(type ? { "content-type": type } : {}) },
            redirect: "manual",
          });
          await expectRefused(response, before, lang, `lacak action ${type}`);
        },
      ),
      { numRuns: RUNS },
    );
    // The complaint is untouched.
    expect((await db().complaint.findUniqueOrThrow({ where: { trackingCode: tracked.code } })).status).toBe("SUBMITTED");
  });

  it("hostile codes and query strings in the address: a page or a redirect, never a 500 or a reflected script", async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, fc.constantFrom("/lacak?kode=", "/lacak/", "/lacak/LPK-00000-000000?t=", "/statistik?periode=", "/statistik?tahun=", "/staf/masuk?redirectTo=", "/staf/atur-sandi/", "/?lang="), async (value, prefix) => {
        const response = await fetch(`${server.baseUrl}${prefix}${enc(value.slice(0, 2000))}`, { redirect: "manual", headers: { "x-forwarded-for": nextIp(44) } });
        const body = await response.text();
        expect(response.status, `${prefix}${value.slice(0, 40)}`).toBeLessThan(500);
        expectNoReflection(body, prefix);
        const location = response.headers.get("location");
        if (location) expect(location, prefix).toMatch(/^\/(?![/\\])/);
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Language switch and the staff sign-in forms (public: no session needed)

describe("public staff and language forms", () => {
  it("/bahasa: any locale and redirect target: a same-site redirect, never off-site", async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, fc.oneof(hostileString, fc.constantFrom("//evil.example", "/\\evil.example", "https://evil.example", "/%2F%2Fevil.example", "\\\\evil.example")), async (loc, redirectTo) => {
        const response = await fetch(`${server.baseUrl}/bahasa`, { method: "POST", body: new URLSearchParams({ locale: loc, redirectTo }), redirect: "manual" });
        expect(response.status).toBe(302);
        const location = response.headers.get("location") ?? "";
        expect(location).toMatch(/^\/(?![/\\])/);
        expect(new URL(location, "http://same.invalid").origin).toBe("http://same.invalid");
      }),
      { numRuns: RUNS },
    );
  });

  it("/staf/masuk, /staf/lupa-sandi, /staf/atur-sandi/:token: hostile fields and raw bodies are refused with a message", async () => {
    const target = fc.constantFrom("/staf/masuk", "/staf/lupa-sandi", "/staf/atur-sandi/TOKEN");
    await fc.assert(
      fc.asyncProperty(
        target,
        fc.oneof(
          fc.record({ email: hostileString, password: hostileString, confirm: hostileString, redirectTo: hostileString }).map((f) => ({ body: new URLSearchParams(f).toString() as BodyInit, type: "application/x-www-form-urlencoded" })),
          fc.tuple(rawBytes, contentType).map(([body, type]) => ({ body: body as BodyInit, type })),
        ),
        hostileString,
        locale,
        async (path, { body, type }, token, lang) => {
          const url = `${server.baseUrl}${path.replace("TOKEN", enc(token.slice(0, 500)) || "x")}?lang=${lang}`;
          const before = await db().session.count();
          const response = await fetch(url, { method: "POST", body, headers: { "content-type": type, "x-forwarded-for": nextIp(45) }, redirect: "manual" });
          const text = await response.text();
          expectNoReflection(text, path);
          // /staf/lupa-sandi answers "sent" (200) for any well-formed address, account or not.
          if (path === "/staf/lupa-sandi" && response.status === 200) return;
          expect(response.status, `${path} ${type}: ${text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
          expect(response.status, `${path} ${type}`).toBeLessThan(500);
          expectMessage(text, lang, path);
          expect(await db().session.count()).toBe(before);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Open311

const OPEN311_FIELDS = ["service_code", "lat", "long", "address_string", "address_id", "description", "first_name", "last_name", "email", "phone", "device_id", "account_id", "media_url", "jurisdiction_id", "attribute[visibility]", "attribute[maladministration]", "attribute[incident_date]", "attribute[]", "service_request_id", "updated_datetime", "status"] as const;

function open311Body(overrides: Record<string, string>) {
  return {
    api_key: apiKey,
    service_code: "DUKCAPIL-KTP-EL",
    lat: "-2.129500",
    long: "106.116900",
    description: "Pengambilan KTP-el diminta membayar Rp50.000 tanpa kuitansi oleh petugas loket.",
    first_name: "Rahmat",
    last_name: "Hidayat",
    email: `rahmat.${randomBytes(3).toString("hex")}@example.test`,
    ...overrides,
  };
}

describe("Open311", () => {
  it("POST requests and servicerequestupdates (JSON and XML): hostile fields are the spec's 4xx error array in the client's language, or one whole request", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("requests.json", "requests.xml", "servicerequestupdates.json", "servicerequestupdates.xml"),
        fc.dictionary(fc.constantFrom(...OPEN311_FIELDS, "api_key"), hostileString, { minKeys: 1, maxKeys: 4 }),
        locale,
        async (resource, hostile, lang) => {
          const before = await rowCounts(db());
          const response = await fetch(`${server.baseUrl}/open311/v2/${resource}?lang=${lang}`, {
            method: "POST",
            body: new URLSearchParams(open311Body(hostile)),
            headers: { "x-forwarded-for": nextIp(46) },
          });
          const body = await response.text();
          if (response.status === 201 || response.status === 200) {
            const after = await rowCounts(db());
            expect(after.complaint).toBe(before.complaint + 1);
            expect(after.complainant).toBe(before.complainant + 1);
            return;
          }
          expect(response.status, `${resource} ${JSON.stringify(Object.keys(hostile))}: ${body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
          expect(response.status).toBeLessThan(500);
          expect(response.headers.get("content-type")).toContain(resource.endsWith(".json") ? "json" : "xml");
          expect(body).toMatch(/description/);
          if (resource.endsWith(".json")) {
            const errors = JSON.parse(body) as { code: number; description: string }[];
            expect(errors.length).toBeGreaterThan(0);
            for (const error of errors) expect(error.description).not.toMatch(/^open311\.error\./);
          }
          expect(await rowCounts(db())).toEqual(before);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("POST with raw, oversized or mistyped bodies: 4xx error array, nothing stored", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("requests.json", "requests.xml", "servicerequestupdates.json"),
        fc.oneof(
          fc.tuple(rawBytes, contentType).map(([body, type]) => ({ body: body as BodyInit, type })),
          fc.constant({ body: JSON.stringify(open311Body({})) as BodyInit, type: "application/json" }),
          fc.constant({ body: `api_key=${apiKey}&description=${"x".repeat(70_000)}` as BodyInit, type: "application/x-www-form-urlencoded" }),
        ),
        async (resource, { body, type }) => {
          const before = await rowCounts(db());
          const response = await fetch(`${server.baseUrl}/open311/v2/${resource}`, { method: "POST", body, headers: { "content-type": type, "x-forwarded-for": nextIp(47) } });
          const text = await response.text();
          expect(response.status, `${resource} ${type}: ${text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
          expect(response.status).toBeLessThan(500);
          expect(await rowCounts(db())).toEqual(before);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("GET with hostile query parameters and ids: 200, 400 or 404, never a 500", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("requests.json", "requests.xml", "servicerequestupdates.json", "services.json", "discovery.xml"),
        fc.dictionary(fc.constantFrom("service_code", "status", "start_date", "end_date", "service_request_id", "jurisdiction_id", "lang", "page"), hostileString, { maxKeys: 3 }),
        hostileString,
        async (resource, query, id) => {
          const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, v.slice(0, 3000)]));
          for (const path of [`/open311/v2/${resource}?${params}`, `/open311/v2/requests/${enc(id.slice(0, 500)) || "x"}.json`, `/open311/v2/tokens/${enc(id.slice(0, 500)) || "x"}.xml`, `/open311/v2/services/${enc(id.slice(0, 500)) || "x"}.json`]) {
            const response = await fetch(`${server.baseUrl}${path}`, { headers: { "x-forwarded-for": nextIp(48) } });
            const text = await response.text();
            // 431: Node refuses a request line over 16 KiB before the app sees it.
            expect([200, 400, 404, 431], `${path.slice(0, 120)}: ${text.slice(0, 200)}`).toContain(response.status);
          }
        },
      ),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The public reports (#14): the list's filters, the exports' paging and box, one report's code

describe("public reports (/laporan-warga)", () => {
  it("GET with hostile filters, cursors, limits and boxes: 200 or a 4xx, never a 500", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("/laporan-warga", "/laporan-warga.csv", "/laporan-warga.geojson"),
        fc.dictionary(fc.constantFrom("kecamatan", "unit", "status", "bulan", "setelah", "batas", "bbox", "titik"), hostileString, { maxKeys: 4 }),
        hostileString,
        async (path, query, code) => {
          const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, v.slice(0, 3000)]));
          for (const url of [`${path}?${params}`, `/laporan-warga/${enc(code.slice(0, 500)) || "x"}`]) {
            const response = await fetch(`${server.baseUrl}${url}`, { headers: { "x-forwarded-for": nextIp(49) } });
            const text = await response.text();
            expect([200, 400, 404, 431], `${url.slice(0, 120)}: ${text.slice(0, 200)}`).toContain(response.status);
            expect(text).not.toContain("<script>alert(1)</script>");
          }
        },
      ),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Dukung, the similar-reports list and the pin's kelurahan suggestion (#14): hostile bodies and
// query strings are answered (a redirect, 200 or a 4xx), never with a 500, and nothing is counted
// for a report that is not public.

describe("dukung, similar reports and the pin suggestion", () => {
  it("POST /laporan-warga/:code/dukung with hostile codes and fields: never a 500", async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, fc.dictionary(fc.constantFrom("email", "intent", "redirectTo", "locale"), hostileString, { maxKeys: 3 }), async (code, fields) => {
        const body = new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, v.slice(0, 3000)]));
        const response = await fetch(`${server.baseUrl}/laporan-warga/${enc(code.slice(0, 500)) || "x"}/dukung`, {
          method: "POST",
          body,
          redirect: "manual",
          headers: { "x-forwarded-for": nextIp(50) },
        });
        const text = await response.text();
        expect([302, 303, 400, 403, 404, 405, 413, 429, 431], `${code.slice(0, 80)}: ${text.slice(0, 200)}`).toContain(response.status);
        expect(text).not.toContain("<script>alert(1)</script>");
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
    expect(await db().complaintSupport.count()).toBe(0);
  });

  it("GET /lapor/serupa and /lapor?titik= with hostile services and points: 200 or a 4xx, never a 500", async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom("produk", "productId", "lat", "long", "latitude", "longitude", "titik"), hostileString, { maxKeys: 4 }), async (query) => {
        const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, v.slice(0, 3000)]));
        for (const url of [`/lapor/serupa?${params}`, `/lapor?titik=${enc((query.titik ?? "").slice(0, 500))}`]) {
          const response = await fetch(`${server.baseUrl}${url}`, { headers: { "x-forwarded-for": nextIp(51) } });
          const text = await response.text();
          expect([200, 400, 404, 431], `${url.slice(0, 120)}: ${text.slice(0, 200)}`).toContain(response.status);
          expect(text).not.toContain("<script>alert(1)</script>");
        }
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});
