// Security headers and cookie flags, read from real HTTP responses of the built app served
// in-process (NODE_ENV=test here; tests/security/production.test.ts runs the production variant).
// Every page a citizen or staff member can open, the API, static files and error pages.
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../../prisma/seed/index";
import { useTestServer } from "../e2e/support/browser";
import { fileComplaint, loadCatalogue, login, nextIp, openTracking, parseSetCookie, type Catalogue } from "./support";

process.env.TRUST_PROXY = "1";
const server = useTestServer();
const db = () => server.database.db;
const PASSWORD = "kata-sandi-keamanan-uji-2026";
const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

let catalogue: Catalogue;
let tracked: { code: string; cookie: string };
const staffCookies: Record<string, string> = {};

beforeAll(async () => {
  catalogue = await loadCatalogue(db());
  await seedDemoAccounts(db(), { password: PASSWORD, mustChangePassword: false });
  for (const role of ["ADMIN", "LIAISON", "COORDINATOR", "OFFICER"]) staffCookies[role] = (await login(server.baseUrl, account(role).email, PASSWORD)).cookie;
  const filed = await fileComplaint(server.baseUrl, db(), catalogue);
  tracked = { code: filed.code, cookie: (await openTracking(server.baseUrl, filed.code, filed.pin)).cookie };
});

const PUBLIC_PAGES = ["/", "/lapor", "/lacak", "/lacak?kode=LPK-00000-000000", "/statistik", "/staf/masuk", "/staf/lupa-sandi", "/staf/atur-sandi/tidak-ada", "/halaman-tidak-ada"];
const STAFF_PAGES: [role: string, path: string][] = [
  ["OFFICER", "/staf"],
  ["OFFICER", "/staf/kotak-masuk"],
  ["COORDINATOR", "/staf/triase"],
  ["LIAISON", "/staf/laporan"],
  ["LIAISON", "/staf/laporan/pengaduan"],
  ["LIAISON", "/staf/ombudsman"],
  ["LIAISON", "/staf/kepatuhan"],
  ["LIAISON", "/staf/kepatuhan/impor"],
  ["ADMIN", "/staf/admin"],
  ["ADMIN", "/staf/admin/pengguna"],
  ["ADMIN", "/staf/admin/unit"],
  ["ADMIN", "/staf/admin/sla"],
  ["ADMIN", "/staf/admin/kalender"],
  ["ADMIN", "/staf/admin/libur"],
  ["ADMIN", "/staf/admin/template"],
  ["ADMIN", "/staf/admin/open311"],
  ["ADMIN", "/staf/ganti-sandi"],
];
/** Responses that are not documents: the API, exports, static files, operations endpoints. */
const NON_DOCUMENTS: [cookieRole: string | null, path: string][] = [
  [null, "/open311/v2/services.json"],
  [null, "/open311/v2/requests.xml"],
  [null, "/open311/v2/tidak-ada"],
  [null, "/healthz"],
  [null, "/favicon.svg"],
  ["LIAISON", "/staf/laporan/ekspor?jenis=pengaduan"],
  ["LIAISON", "/staf/kepatuhan/templat.csv"],
];

async function get(path: string, cookie = "") {
  const response = await fetch(`${server.baseUrl}${path}`, { headers: { cookie, "x-forwarded-for": nextIp(31) }, redirect: "manual" });
  return { response, body: await response.text() };
}

function nonceOf(csp: string | null): string {
  const nonce = csp?.match(/script-src [^;]*'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
  if (!nonce) throw new Error(`no script nonce in CSP: ${csp}`);
  return nonce;
}

function expectCommonHeaders(response: Response, label: string) {
  const h = response.headers;
  expect(h.get("x-content-type-options"), label).toBe("nosniff");
  expect(h.get("x-frame-options"), label).toBe("DENY");
  // One value, not two joined by a comma (a route adding its own must replace the default).
  expect(h.get("referrer-policy"), label).toMatch(/^(strict-origin-when-cross-origin|no-referrer)$/);
  expect(h.get("permissions-policy"), label).toContain("camera=()");
  expect(h.get("x-powered-by"), label).toBeNull();
  // Not in production: a test or development server is plain HTTP on localhost.
  expect(h.get("strict-transport-security"), label).toBeNull();
}

function expectDocumentHeaders(response: Response, body: string, label: string): string {
  const csp = response.headers.get("content-security-policy");
  expect(csp, label).not.toBeNull();
  expect(response.headers.get("content-security-policy-report-only"), label).toBeNull();
  expect(csp, label).toContain("frame-ancestors 'none'");
  expect(csp, label).toContain("object-src 'none'");
  expect(csp, label).toContain("base-uri 'self'");
  expect(csp, label).toContain("form-action 'self'");
  expect(csp, label).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*(?!\.)/);
  const nonce = nonceOf(csp);
  // Every <script> element carries the nonce (inline ones would not run without it).
  const scripts = body.match(/<script\b[^>]*>/gi) ?? [];
  expect(scripts.length, label).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, label).toContain(`nonce="${nonce}"`);
  // No inline event handlers or javascript: URLs, which no nonce can allow.
  expect(body, label).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
  expect(body, label).not.toMatch(/(?:href|src|action)\s*=\s*"\s*javascript:/i);
  return nonce;
}

describe("security headers", () => {
  it("every public page: enforced CSP with a nonce on every script, framing refused, nosniff, one Referrer-Policy", async () => {
    for (const path of [...PUBLIC_PAGES, `/lacak/${tracked.code}`]) {
      const { response, body } = await get(path, path.startsWith("/lacak/") ? tracked.cookie : "");
      expect([200, 404], path).toContain(response.status);
      expectCommonHeaders(response, path);
      expectDocumentHeaders(response, body, path);
    }
  });

  it("every staff page, signed in", async () => {
    for (const [role, path] of STAFF_PAGES) {
      const { response, body } = await get(path, staffCookies[role]);
      expect(response.status, `${path} as ${role}`).toBe(200);
      expectCommonHeaders(response, path);
      expectDocumentHeaders(response, body, path);
    }
  });

  it("the API, exports, static files and health: the same protective headers", async () => {
    for (const [role, path] of NON_DOCUMENTS) {
      const { response } = await get(path, role ? staffCookies[role] : "");
      // /healthz is 503 here: no worker beats in this test.
      expect(response.status, path).toBeLessThan(path === "/healthz" ? 504 : 500);
      expectCommonHeaders(response, path);
    }
  });

  it("a fresh nonce per response", async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i += 1) {
      for (const path of ["/", "/lapor"]) nonces.add(nonceOf((await get(path)).response.headers.get("content-security-policy")));
    }
    expect(nonces.size).toBe(6);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64").length).toBeGreaterThanOrEqual(16);
  });

  it("the password-reset page sends exactly one Referrer-Policy, no-referrer (the token is in its path)", async () => {
    const { response } = await get("/staf/atur-sandi/token-yang-tidak-ada");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    // A form post answered on the same page keeps it too.
    const posted = await fetch(`${server.baseUrl}/staf/atur-sandi/token-yang-tidak-ada`, { method: "POST", body: new URLSearchParams({ password: "a", confirm: "b" }) });
    expect(posted.headers.get("referrer-policy")).toBe("no-referrer");
  });

  it("pages with a PIN, a one-time key or a tracking view are never cached", async () => {
    for (const [path, cookie] of [["/lapor", ""], ["/lacak", ""], [`/lacak/${tracked.code}`, tracked.cookie], ["/staf/masuk", ""]] as const) {
      expect((await get(path, cookie)).response.headers.get("cache-control"), path).toMatch(/no-store/);
    }
  });
});

describe("cookie flags (not production: no Secure)", () => {
  it("the staff session cookie: HttpOnly, SameSite=Lax, Path=/, no Domain, and the same when cleared", async () => {
    const { setCookie } = await login(server.baseUrl, account("OFFICER").email, PASSWORD);
    const cookie = parseSetCookie(setCookie);
    expect(cookie.name).toBe("lapor_staf");
    expect(cookie.attributes.has("httponly")).toBe(true);
    expect(cookie.attributes.get("samesite")).toBe("Lax");
    expect(cookie.attributes.get("path")).toBe("/");
    expect(cookie.attributes.has("domain")).toBe(false);
    expect(cookie.attributes.has("secure")).toBe(false);
    expect(Number(cookie.attributes.get("max-age"))).toBe(12 * 60 * 60);

    const out = await fetch(`${server.baseUrl}/staf/keluar`, { method: "POST", headers: { cookie: `${cookie.name}=${cookie.value}` }, redirect: "manual" });
    const cleared = parseSetCookie(out.headers.get("set-cookie") ?? "");
    expect(cleared.name).toBe("lapor_staf");
    expect(cleared.value).toBe("");
    expect(cleared.attributes.get("max-age")).toBe("0");
    expect(cleared.attributes.get("path")).toBe("/");
    expect(cleared.attributes.has("httponly")).toBe(true);
  });

  it("the tracking-access cookie: HttpOnly, SameSite=Lax, scoped to /lacak, no Domain, two hours", async () => {
    const filed = await fileComplaint(server.baseUrl, db(), catalogue);
    const { setCookie } = await openTracking(server.baseUrl, filed.code, filed.pin);
    const cookie = parseSetCookie(setCookie);
    expect(cookie.attributes.has("httponly")).toBe(true);
    expect(cookie.attributes.get("samesite")).toBe("Lax");
    // Narrower than Path=/ on purpose (ADR 008): only the tracking pages need it.
    expect(cookie.attributes.get("path")).toBe("/lacak");
    expect(cookie.attributes.has("domain")).toBe(false);
    expect(cookie.attributes.has("secure")).toBe(false);
    expect(Number(cookie.attributes.get("max-age"))).toBe(2 * 60 * 60);
  });

  it("the language cookie: SameSite=Lax, Path=/, no Domain (it holds no secret)", async () => {
    const response = await fetch(`${server.baseUrl}/bahasa`, { method: "POST", body: new URLSearchParams({ locale: "en", redirectTo: "/" }), redirect: "manual" });
    const cookie = parseSetCookie(response.headers.get("set-cookie") ?? "");
    expect(cookie.attributes.get("samesite")).toBe("Lax");
    expect(cookie.attributes.get("path")).toBe("/");
    expect(cookie.attributes.has("domain")).toBe(false);
  });
});
